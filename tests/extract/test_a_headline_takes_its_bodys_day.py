"""A headline tells the story's event without its day; the body gives the day, and the headline's claim
takes it: one event, as an analyst reads the story, not a second one on the day of publication."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

SATURDAY = date(2017, 11, 18)
FRIDAY = date(2017, 11, 17)


def test_the_headline_claim_takes_the_day_the_body_tells(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Car bomb kills 12 in Homs. A car bomb killed 12 people in Homs on Friday evening, a police source said."
    explosions = [c for c in read_news(text, SATURDAY) if c.event_type == "explosion"]
    assert len(explosions) >= 2 and {c.date.value for c in explosions if c.date} == {FRIDAY}, explosions


def test_a_body_event_elsewhere_lends_the_headline_no_day(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Car bomb kills 12 in Homs. Separately, a car bomb killed three people in Raqqa on Friday, a monitor said."
    headline = [c for c in read_news(text, SATURDAY) if c.event_type == "explosion" and c.place is not None and c.place.name == "Homs"]
    assert headline and all(c.date is not None and c.date.value == SATURDAY for c in headline), headline


def test_an_older_event_of_the_body_lends_the_headline_no_day(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Car bomb kills 12 in Homs. Another car bomb killed nine people in Homs on November 9, a police source said."
    headline = [c for c in read_news(text, SATURDAY) if c.event_type == "explosion" and c.start == 0]
    assert headline and all(c.date is not None and c.date.value == SATURDAY for c in headline), headline


def test_a_lead_that_tells_its_own_day_keeps_it(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Airstrikes on Saturday hit the town of Maskanah, killing eight people. Airstrikes also hit Maskanah on Thursday, killing two."
    lead = [c for c in read_news(text, SATURDAY) if c.event_type == "airstrike" and c.start == 0]
    assert lead and all(c.date is not None and c.date.value == SATURDAY for c in lead), lead
