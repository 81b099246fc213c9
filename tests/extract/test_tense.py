"""A claim dated well before its report is history; one dated after it is a plan; the rest is news."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.extract.tense import as_told_in_time, last_day
from frontlines.model import Claim, DateValue

PUBLISHED = date(2017, 11, 4)


def claim_on(value: DateValue | None, modality: str = "asserted") -> Claim:
    return Claim(report_id=1, event_type="territory_taken", quote="q", start=0, end=1, date=value, modality=modality)


@pytest.mark.parametrize(
    ("value", "modality"),
    [
        (DateValue(date(2014, 1, 1), "year"), "history"),
        (DateValue(date(2017, 9, 1), "month"), "history"),
        (DateValue(date(2017, 10, 1), "month"), "asserted"),  # October may end days before the report
        (DateValue(date(2017, 10, 3), "day"), "history"),
        (DateValue(date(2017, 10, 30), "day"), "asserted"),
        (DateValue(date(2017, 11, 4), "day"), "asserted"),
        (DateValue(date(2017, 12, 1), "month"), "planned"),
        (None, "asserted"),
    ],
)
def test_a_claim_is_told_in_its_time(value: DateValue | None, modality: str) -> None:
    assert as_told_in_time(claim_on(value), PUBLISHED).modality == modality


def test_what_was_not_told_as_news_keeps_its_modality() -> None:
    old = DateValue(date(2014, 1, 1), "year")
    assert as_told_in_time(claim_on(old, "negated"), PUBLISHED).modality == "negated"


def test_the_last_day_of_a_date_is_the_end_of_its_range_month_or_year() -> None:
    assert last_day(DateValue(date(2016, 2, 1), "month")) == date(2016, 2, 29)
    assert last_day(DateValue(date(2016, 1, 1), "year")) == date(2016, 12, 31)
    assert last_day(DateValue(date(2017, 10, 23), "range", until=date(2017, 10, 29))) == date(2017, 10, 29)
