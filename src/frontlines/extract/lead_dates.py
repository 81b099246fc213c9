"""A headline tells the story's event without its day: "Car bomb kills 20 in Townville" over a body that
says the bomb went off "on Friday evening". The headline's claim, dated the day of publication (by
default, or by the date printed above it, not by day words of its own), takes the day its body gives:
that of the first later claim of its type at its place (the same entry, or one inside or near it) told
with a day of its own, up to `LEAD_LAG_DAYS` before publication. Fusion then makes them one event, as
an analyst reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from frontlines.extract.retelling import finer_or_same
from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim

LEAD_LAG_DAYS = 3  # a story published on Monday tells Friday's attack in its headline; older is history
HEADLINE_WITHIN = 300  # characters: the first sentence of a report starts here or before


def with_the_bodys_day(claims: Sequence[Claim], published: date | None) -> list[Claim]:
    """The claims of a report, its headline's claims dated as its body tells their event."""
    if published is None or not claims:
        return list(claims)
    first = min(c.start for c in claims)
    if first > HEADLINE_WITHIN:
        return list(claims)
    return [_dated_by_body(c, claims, published) if c.start == first else c for c in claims]


def _dated_by_body(lead: Claim, claims: Sequence[Claim], published: date) -> Claim:
    if lead.modality not in EVENT_MODALITIES or lead.date is None or lead.date.value != published or lead.date.precision != "day":
        return lead
    if lead.date.text and lead.date.relative:
        return lead  # "Troops retook the town on Saturday": the headline tells its own day
    for later in claims:
        if later.start <= lead.start or later.event_type != lead.event_type or later.date is None or not later.date.text:
            continue
        if later.date.precision != "day" or not 0 < (published - later.date.value).days <= LEAD_LAG_DAYS:
            continue
        if lead.place is None or finer_or_same(later, lead.place) or (later.place is not None and finer_or_same(lead, later.place)):
            return replace(lead, date=later.date)
    return lead
