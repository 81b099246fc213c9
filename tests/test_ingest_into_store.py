"""Ingest stores the good inputs, names every bad one with a reason and a hint, and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import frontlines
from frontlines.store import Store

GOOD = """url: https://example.org/anah
title: Anah retaken
outlet: Iraqi News
published: 2017-09-21

Iraqi forces retook the town of Anah on Thursday after three days of fighting.
"""

OTHER = GOOD.replace("Anah retaken", "Rawa retaken").replace("town of Anah", "town of Rawa")


def bad_inputs(folder: Path) -> dict[str, str]:
    """One file of each bad kind; the value is a word the reason must contain."""
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(GOOD.replace("Anah", "Anah caf\xe9").encode("latin-1"))
    (folder / "huge.txt").write_text(GOOD + "word " * 50_000, encoding="utf-8")
    (folder / "cut.html").write_text("<html><head><title>Rawa</title></head><body><article><p>Troops entered Ra", encoding="utf-8")
    return {"binary.txt": "binary", "empty.txt": "empty", "latin1.txt": "UTF-8", "huge.txt": "limit", "cut.html": "truncated"}


def test_each_bad_input_is_named_with_reason_and_hint_and_good_files_are_stored(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected = bad_inputs(folder)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result = frontlines.ingest([folder], store=store, run_extraction=False, max_bytes=100_000)
    assert len(result.added) == 1 and store.count("reports") == 1
    problems = {Path(p.origin).name: p for p in result.problems}
    assert set(problems) == set(expected)
    for name, word in expected.items():
        assert word.lower() in problems[name].reason.lower(), problems[name]
        assert problems[name].hint, name


def test_bad_inputs_leave_what_was_stored_before_untouched(store: Store, tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text(GOOD, encoding="utf-8")
    frontlines.ingest([first], store=store, run_extraction=False)
    before = store.reports()
    folder = tmp_path / "bad"
    folder.mkdir()
    bad_inputs(folder)
    result = frontlines.ingest([folder], store=store, run_extraction=False, max_bytes=100_000)
    assert not result.added and len(result.problems) == 5
    assert store.reports() == before


def test_reingesting_the_same_bytes_adds_nothing(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    first = frontlines.ingest([tmp_path], store=store, run_extraction=False)
    again = frontlines.ingest([tmp_path], store=store, run_extraction=False)
    assert len(first.added) == 2 and again.added == [] and again.duplicates == 2
    assert store.count("reports") == 2


def test_a_missing_path_is_a_problem_not_a_crash(sqlite_store: Store, tmp_path: Path) -> None:
    result = frontlines.ingest([tmp_path / "nowhere.txt"], store=sqlite_store, run_extraction=False)
    assert result.problems and "nowhere.txt" in result.problems[0].origin


@pytest.mark.model
def test_ingest_extracts_events_whose_quotes_are_the_stored_text(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    result = frontlines.ingest([tmp_path], store=store)
    assert result.claims >= 2 and result.events >= 2
    texts = {s.id: s.report.text for s in store.reports()}
    found = frontlines.events(store, place="Anah")
    assert [e.event_type for e in found] == ["territory_taken"]
    for event in frontlines.events(store):
        assert event.sources
        for source in event.sources:
            assert texts[source.report_id][source.start : source.end] == source.quote


@pytest.mark.model
def test_an_unresolved_place_is_exported_as_text_without_coordinates(sqlite_store: Store, tmp_path: Path) -> None:
    from frontlines.outputs.exports import event_to_dict

    text = GOOD.replace("the town of Anah on Thursday", "the village of Umm al-Waz on Thursday")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    frontlines.ingest([tmp_path], store=sqlite_store)
    (event,) = [event_to_dict(e) for e in frontlines.events(sqlite_store)]
    assert event["place"]["name"] == "Umm al-Waz" and event["place"]["lat"] is None and event["sources"]
