"""The command line: every command documented, errors readable, outputs usable by scripts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.demo import demo_corpus_dir

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example" in result.output, name
        assert re.search(rf"frontlines {name}\b", readme), f"`frontlines {name}` is missing from README.md"


def test_ingest_reports_bad_files_and_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("--db", str(tmp_path / "x.db"), "ingest", "--no-extract", "--json", str(tmp_path))
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["added"] == 0 and summary["problems"][0]["origin"].endswith("empty.txt")


def test_an_unreachable_database_is_a_readable_error() -> None:
    result = CliRunner().invoke(main, ["--db", "postgresql://nobody@127.0.0.1:1/x?connect_timeout=2", "events"])
    assert result.exit_code == 2 and "error:" in result.output and "hint:" in result.output


def test_a_bad_date_option_is_explained() -> None:
    result = CliRunner().invoke(main, ["events", "--since", "last tuesday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


@pytest.mark.model
def test_ingest_then_events_jsonl_gives_sourced_events(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    sample = sorted(demo_corpus_dir().glob("qaim-0*.txt"))[:4]
    assert run("--db", db, "ingest", *map(str, sample)).exit_code == 0
    lines = run("--db", db, "events", "--format", "jsonl").stdout.splitlines()
    assert lines
    events = [json.loads(line) for line in lines]
    for event in events:
        assert event["sources"] and all(s["quote"] and s["end"] > s["start"] for s in event["sources"])
    placed = [e for e in events if e["place"]["lat"] is not None]
    assert len(placed) >= 0.8 * len(events)  # the rest keep their place's words, or the story's province, unmapped
    csv_out = run("--db", db, "events", "--format", "csv", "--type", "territory_taken").stdout
    assert csv_out.startswith("id,event_type,date")


@pytest.mark.model
def test_demo_writes_its_outputs_and_a_chronology_with_sources(tmp_path: Path) -> None:
    result = run("demo", "--out", str(tmp_path / "demo"))
    assert result.exit_code == 0
    assert "SOURCES" in result.output and "frontlines.db" in result.output
    for name in ("events.jsonl", "events.csv", "chronology.txt"):
        assert (tmp_path / "demo" / name).stat().st_size > 0
    from frontlines.store import Store

    with Store.open(f"sqlite:///{tmp_path / 'demo' / 'frontlines.db'}") as store:
        texts = {stored.id: stored.report.text for stored in store.reports()}
    events = [json.loads(line) for line in (tmp_path / "demo" / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(events) > 50
    for event in events:
        assert event["sources"], event
        for source in event["sources"]:
            assert texts[source["report_id"]][source["start"] : source["end"]] == source["quote"]
            assert source["modality"] in ("asserted", "reported_speech", "hedged")
    spoken = [s for e in events for s in e["sources"] if s["modality"] == "reported_speech"]
    assert spoken and any(s["speaker"] for s in spoken)


@pytest.mark.model
def test_the_trigger_rules_alone_still_read_the_demo_corpus_they_were_written_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_READER", "rules")
    result = run("eval", "--json", str(demo_corpus_dir()))
    scores = json.loads(result.stdout)["overall"]
    assert scores["precision"] >= 0.85 and scores["recall"] >= 0.85, scores


@pytest.mark.model
def test_the_reader_finds_at_least_as_much_of_the_demo_corpus_as_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    # the demo corpus is reported, no longer a target: the reader's precision here is a floor, not a goal
    result = run("eval", "--json", str(demo_corpus_dir()))
    scores = json.loads(result.stdout)["overall"]
    assert scores["recall"] >= 0.9 and scores["precision"] >= 0.6, scores
