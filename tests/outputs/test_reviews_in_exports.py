"""An analyst's verdict shows wherever events go out: each exported event carries its review state
(confirmed, rejected, corrected, none), a rejected event is left out unless asked for, and the
events table shows the ids a note needs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import frontlines
from frontlines import cli
from frontlines.cli import main
from frontlines.store import Store

REPORT = """url: https://example.org/{town}
title: {town} retaken
outlet: Iraqi News
published: 2017-09-21

Iraqi forces retook the town of {town} on Thursday after three days of fighting.
"""
TOWNS = ("Anah", "Rawa", "Haditha", "Hit")


def reviewed_store(store: Store, folder: Path, pipeline) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Four events, one per town; Anah confirmed, Rawa rejected, Haditha corrected, Hit left alone."""
    folder.mkdir()
    for town in TOWNS:
        (folder / f"{town}.txt").write_text(REPORT.format(town=town), encoding="utf-8")
    frontlines.ingest([folder], store=store, pipeline=pipeline)
    ids = {e.place.name: e.id for e in frontlines.events(store) if e.place and e.id}
    assert set(ids) == set(TOWNS)
    frontlines.add_note(store, "event", ids["Anah"], "seen on video", author="ana", verdict="confirm")
    frontlines.add_note(store, "event", ids["Rawa"], "Rawa was not taken in September", author="ana", verdict="reject")
    frontlines.add_note(store, "event", ids["Haditha"], "it was the army", author="ana", verdict="correct", corrections={"actor": "Iraqi army"})
    return ids


@pytest.mark.model
def test_each_event_carries_its_review_state_and_rejected_ones_are_left_out(store: Store, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    reviewed_store(store, tmp_path / "in", pipeline)
    shown = {e.place.name: e.review for e in frontlines.events(store) if e.place}
    assert shown == {"Anah": "confirmed", "Haditha": "corrected", "Hit": "none"}
    every = {e.place.name: e.review for e in frontlines.events(store, include_rejected=True) if e.place}
    assert every == {**shown, "Rawa": "rejected"}


@pytest.mark.model
def test_the_events_command_exports_review_states_and_ids(tmp_path: Path, pipeline, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "f.db"
    with Store.open(f"sqlite:///{db}") as store:
        ids = reviewed_store(store, tmp_path / "in", pipeline)
    runner = CliRunner()

    jsonl = runner.invoke(main, ["--db", str(db), "events", "--format", "jsonl"])
    assert jsonl.exit_code == 0, jsonl.output
    lines = [json.loads(line) for line in jsonl.output.splitlines()]
    assert {(d["place"]["name"], d["review"]) for d in lines} == {("Anah", "confirmed"), ("Haditha", "corrected"), ("Hit", "none")}

    with_rejected = runner.invoke(main, ["--db", str(db), "events", "--format", "csv", "--include-rejected"])
    rows = list(csv.DictReader(io.StringIO(with_rejected.output)))
    assert {(row["place_name"], row["review"]) for row in rows} >= {("Rawa", "rejected"), ("Hit", "none")} and len(rows) == 4

    monkeypatch.setattr(cli.out, "_width", 200)  # a wide terminal: no cell is cut short
    monkeypatch.setattr(cli.out, "_force_terminal", True)  # a table is drawn on a terminal only
    table = runner.invoke(main, ["--db", str(db), "events"])
    assert table.exit_code == 0 and "3 events" in table.output and "Rawa" not in table.output
    rows = {line.split("│")[1].strip(): line for line in table.output.splitlines() if line.count("│") > 3}
    assert "confirmed" in rows[str(ids["Anah"])] and "corrected" in rows[str(ids["Haditha"])]


@pytest.mark.model
def test_the_ingest_summary_counts_what_this_run_added_not_the_database(sqlite_store: Store, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "anah.txt").write_text(REPORT.format(town="Anah"), encoding="utf-8")
    (second / "anah.txt").write_text(REPORT.format(town="Anah"), encoding="utf-8")
    (second / "rawa.txt").write_text(REPORT.format(town="Rawa"), encoding="utf-8")
    frontlines.ingest([first], store=sqlite_store, pipeline=pipeline)
    result = frontlines.ingest([second], store=sqlite_store, pipeline=pipeline)
    assert (len(result.added), result.duplicates, result.claims, result.events) == (1, 1, 1, 1)
    assert sqlite_store.count("events") == 2
