"""What a report's publication date lets extraction know about the dates of its events.

Relative dates ("yesterday", "on Tuesday", a sentence with no date at all) resolve against the
publication date. A report may know it only to the month or the year, or not at all:

- a day: dates resolve against it, as always;
- a month or a year: dates resolve against its last day (a report is published on or before it,
  so a day and month without a year that lies later is last year's), and every date that was
  resolved against it becomes the span it can really lie in: the publication month (or year), from
  its first day less what "yesterday" or "a week ago" took away, to the resolved day. A span that is
  exactly a calendar month or year keeps that precision ("month", "year"), any other is a "range";
- unknown (no date, or one outside 1900 to the end of next year, as an old store may hold): dates
  resolve against a placeholder, ``UNKNOWN_ANCHOR``, and every date that depends on it (relative
  ones, and a day and month without a year) is dropped: those claims, and the events fused from
  them, have no date. Dates the text gives whole ("31 October 2017", "in 2014") are kept.

:func:`anchor_day` is the day extraction resolves against; :func:`dates_as_far_as_known` applies the
rest to the claims extraction returns (``frontlines.extract()`` does both).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from frontlines.ingest.fields import is_sane_published, latest_published
from frontlines.model import Claim, DateValue, Report

# Never a publication date (the sane range starts on it), far from both ends of the calendar: no
# "yesterday" or "three weeks ago" resolved against it can overflow, and a date that leaks is plain.
UNKNOWN_ANCHOR = date(1900, 1, 1)
_EARLIEST_EVENT = date(1000, 1, 1)
# A year in the words of a date: "2017", or the short year of "10/31/17".
_WORDS_NAME_A_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d{1,2}/\d{1,2}/\d{2}(?!\d)")


def known_precision(report: Report) -> str | None:
    """"day", "month" or "year" for a usable publication date; None when there is none."""
    if report.published is None or not is_sane_published(report.published):
        return None
    return report.published_precision or "day"


def anchor_day(report: Report) -> date:
    """The day extraction resolves the report's relative dates against (see the module docstring)."""
    precision = known_precision(report)
    if precision is None or report.published is None:
        return UNKNOWN_ANCHOR
    return _period(report.published, precision)[1]


def dates_as_far_as_known(report: Report, claims: Sequence[Claim]) -> list[Claim]:
    """The claims with each date no more exact than the report's publication date allows."""
    precision = known_precision(report)
    if precision == "day":
        return [_without_impossible_date(claim) for claim in claims]
    if precision is None or report.published is None:
        return [replace(claim, date=None) if _depends_on_anchor(claim.date) else _without_impossible_date(claim) for claim in claims]
    first, last = _period(report.published, precision)
    return [_widened(_without_impossible_date(claim), first, last) for claim in claims]


def _widened(claim: Claim, first: date, last: date) -> Claim:
    if claim.date is None or not claim.date.relative:
        return claim
    shift = last - first  # the anchor was the last day; the report may be as early as the first
    start, end = claim.date.value - shift, claim.date.until or claim.date.value
    value, precision, until = _span(start, end)
    return replace(claim, date=DateValue(value, precision, claim.date.text, relative=True, until=until))


def _span(start: date, end: date) -> tuple[date, str, date | None]:
    """(value, precision, until) for a span: a calendar month or year when it is exactly one."""
    if (start, end) == _period(start, "year"):
        return start, "year", None
    if (start, end) == _period(start, "month"):
        return start, "month", None
    return start, "range", end


def _period(day: date, precision: str) -> tuple[date, date]:
    """The first and last day of the month or year holding a day (the day itself at "day")."""
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        following = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
        return day.replace(day=1), following - timedelta(days=1)
    return day, day


def _depends_on_anchor(value: DateValue | None) -> bool:
    """Whether a date was resolved against the publication date: a relative one, or one without a year."""
    if value is None:
        return False
    return value.relative or not _WORDS_NAME_A_YEAR.search(value.text)


def _without_impossible_date(claim: Claim) -> Claim:
    """A date before the year 1000 or after the end of next year ("on 31 December 9999") is a
    misreading, not an event's date; left in, it would overflow the calendar when fused."""
    if claim.date is None:
        return claim
    ends = (claim.date.value, claim.date.until or claim.date.value)
    possible = all(_EARLIEST_EVENT <= day <= latest_published() for day in ends)
    return claim if possible else replace(claim, date=None)
