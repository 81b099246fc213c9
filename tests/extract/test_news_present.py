"""A summary line tells the day's news in the simple present ("Security forces raid the home of ...,
killing five"): where the reader reads it as an event, the trigger is that event, not a plan or a habit;
a plan stays a plan."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim, Report

pytestmark = pytest.mark.model


def news_of(pipeline, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    report = Report(outlet="Test Wire", title="t", published=date(2021, 2, 28), text=text, raw=text.encode(), id=1)
    return [c for c in pipeline.extract(report) if c.modality in EVENT_MODALITIES]


def test_a_raid_told_in_the_news_present_is_an_attack(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Chadian security forces raid the home of opposition leader Amar Zandorra Tello in N'Djamena, killing five of his relatives, including his mother and son."
    claims = news_of(reader_pipeline, text)
    assert any(c.event_type == "attack" and c.place is not None and c.place.name == "N'Djamena" for c in claims), claims


def test_a_plan_in_the_present_stays_a_plan(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert news_of(reader_pipeline, "The army plans to raid the rebel camps near N'Djamena next week.") == []
