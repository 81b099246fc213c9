"""With the trained reader, extraction reads what no trigger list names, drops nothing for want of a
place, and keeps history and plans out of the news."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import frontlines
from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim, Report

pytestmark = pytest.mark.model

PUBLISHED = date(2017, 11, 4)  # a Saturday


def claims_of(pipeline, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    report = Report(outlet="Test Wire", title="t", published=PUBLISHED, text=text, raw=text.encode(), id=1)
    return pipeline.extract(report)


def news(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.modality in EVENT_MODALITIES]


def test_a_capture_told_with_a_verb_no_list_names_is_read(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = news(claims_of(reader_pipeline, "Government troops wrested control of Rawa from the militants on Thursday."))
    assert any(c.event_type == "territory_taken" and c.place and c.place.name == "Rawa" for c in claims), claims
    assert all(c.date and c.date.value == date(2017, 11, 2) for c in claims)


def test_the_same_sentence_gives_nothing_to_the_rules_alone(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the baseline the reader improves on: no trigger word, no event
    claims = news(claims_of(pipeline, "Government troops wrested control of Rawa from the militants on Thursday."))
    assert not any(c.event_type == "territory_taken" for c in claims)


def test_an_event_naming_no_place_keeps_the_province_the_story_gives(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iraqi troops pushed deeper into Anbar province on Thursday.\n\nOn Friday they freed several villages from the militants."
    claims = [c for c in news(claims_of(reader_pipeline, text)) if c.date and c.date.value == date(2017, 11, 3)]
    assert claims, claims
    assert all(c.place is not None and c.place.name == "Anbar" and c.place_precision == "province" for c in claims)


def test_an_event_at_a_place_no_gazetteer_holds_keeps_the_words(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = news(claims_of(reader_pipeline, "Militants shelled the village of Qaryat Zibdiyah on Thursday, killing four civilians."))
    assert any(c.place is None and c.place_mention == "Qaryat Zibdiyah" for c in claims), claims


def test_a_capture_years_before_the_report_is_history_with_its_own_date(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(reader_pipeline, "The militants had seized Rawa in 2014.")
    assert claims and all(c.modality == "history" and c.date and c.date.value.year == 2014 for c in claims)


def test_a_plan_makes_no_event(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not news(claims_of(reader_pipeline, "The army will push to the border before retaking Rawa next month."))


def test_history_is_stored_and_shown_but_never_moves_control(sqlite_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "r.txt").write_text(
        "title: Rawa\noutlet: Test Wire\npublished: 2017-11-04\n\nThe militants had seized Rawa in 2014.\n", encoding="utf-8"
    )
    frontlines.ingest([tmp_path / "r.txt"], store=sqlite_store)
    assert not frontlines.events(sqlite_store)
    entries = frontlines.history(sqlite_store, "Rawa").entries
    assert [e.kind for e in entries] == ["background"] and entries[0].day.year == 2014
