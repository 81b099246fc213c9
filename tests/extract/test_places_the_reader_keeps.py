"""Which places the events the reader sees keep: a village no gazetteer holds keeps its words wherever
its sentence stands in the paragraph; dates, peoples and foreign states are never taken for villages;
bombs dropped from the air are the air strike, not a second event beside it."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model

PUBLISHED = date(2017, 11, 4)  # a Saturday



@pytest.mark.parametrize(
    "text",
    [
        "Militants shelled the village of Qaryat Zandorra on Thursday, killing four civilians.",
        "The army sent reinforcements to the front. Militants shelled the village of Qaryat Zandorra on Thursday, killing four civilians.",
    ],
    ids=["first sentence", "second sentence of the paragraph"],
)
def test_a_village_no_gazetteer_holds_keeps_its_words_wherever_its_sentence_stands(read_news, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = read_news(text, PUBLISHED)
    assert any(c.place is None and c.place_mention == "Qaryat Zandorra" for c in claims), claims


def test_a_foreign_state_a_monitor_sits_in_is_no_village(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "The fighting went on. Militants shelled the village of Qaryat Zandorra on Thursday, the Norway-based monitor said."
    claims = read_news(text, PUBLISHED)
    assert claims and not any(c.place_mention == "Norway" for c in claims), claims


def test_a_date_is_no_village(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "The fighting went on. Militants shelled the outskirts on Thursday, the worst attack since March 2011, killing four civilians."
    claims = read_news(text, PUBLISHED)
    assert not any(c.place_mention and "2011" in c.place_mention for c in claims), claims


def test_bombs_dropped_from_the_air_are_the_air_strike_not_a_second_event(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Government warplanes dropped barrel bombs on Qaryat Zandorra on Thursday, killing six people.", PUBLISHED)
    types = {c.event_type for c in claims if c.place_mention == "Qaryat Zandorra"}
    assert "airstrike" in types and "explosion" not in types, claims
