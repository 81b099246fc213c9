"""History is not news, and neither is the future: a claim dated well before its report is background,
one dated after it is a plan (nothing can have happened after the report was written).

"rebels overran Townville back in 2012", "the massacre of August 2013", "three years ago": the
claim keeps its own past date and takes the modality `history`, which fusion, the timeline and
control leave out. A month back is the line: a weekly round-up's events are news, last year's are not.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from frontlines.model import Claim, DateValue

HISTORY_AFTER_DAYS = 30
_TOLD_AS_NEWS = frozenset({"asserted", "reported_speech", "hedged"})


def last_day(value: DateValue) -> date:
    """The last day a date can mean: the end of its range, month or year."""
    if value.until is not None:
        return value.until
    if value.precision == "year":
        return date(value.value.year, 12, 31)
    if value.precision == "month":
        return date(value.value.year, value.value.month, calendar.monthrange(value.value.year, value.value.month)[1])
    return value.value


def as_told_in_time(claim: Claim, published: date) -> Claim:
    """The claim as history when its date lies a month or more before `published`, as planned when
    its date begins after it, else unchanged."""
    if claim.date is None or claim.modality not in _TOLD_AS_NEWS:
        return claim
    if last_day(claim.date) < published - timedelta(days=HISTORY_AFTER_DAYS):
        return replace(claim, modality="history")
    if claim.date.value > published:
        return replace(claim, modality="planned")
    return claim
