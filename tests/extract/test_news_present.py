"""A summary line tells the day's news in the simple present ("Security forces raid the home of ...,
killing five"): where the reader reads it as an event, the trigger is that event, not a plan or a habit;
a plan stays a plan."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model

PUBLISHED = date(2021, 2, 28)



def test_a_raid_told_in_the_news_present_is_an_attack(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Chadian security forces raid the home of opposition leader Amar Zandorra Tello in N'Djamena, killing five of his relatives, including his mother and son."
    claims = read_news(text, PUBLISHED)
    assert any(c.event_type == "attack" and c.place is not None and c.place.name == "N'Djamena" for c in claims), claims


def test_a_plan_in_the_present_stays_a_plan(read_news) -> None:  # type: ignore[no-untyped-def]
    assert read_news("The army plans to raid the rebel camps near N'Djamena next week.", PUBLISHED) == []
