"""The command line ends with a status that says what happened (0 done, 1 some input refused, 2 usage
or setup, 3 internal error with a log file), and prints what reports hold as text: never markup,
never terminal escapes, never formulas in a CSV cell."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import frontlines
from frontlines.cli import main
from frontlines.gazetteer import Gazetteer
from frontlines.model import Claim, DateValue, Report

HOSTILE_QUOTE = "=HYPERLINK(\"x\") Iraqi forces retook Rawa \x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m[/x][bold]."


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def db_with_a_hostile_event(tmp_path: Path) -> str:
    """A database holding one event at Rawa whose quote carries a formula, escapes and markup."""
    path = str(tmp_path / "hostile.db")
    rawa = Gazetteer.bundled().lookup("Rawa")[0][0]
    report = Report(outlet="Iraqi News", title="Rawa [/x]", published=date(2017, 11, 17), text=HOSTILE_QUOTE,
                    raw=HOSTILE_QUOTE.encode(), origin="rawa.txt")  # fmt: skip
    with frontlines.open_store(path) as store:
        ((report_id, _),) = store.add_reports([report])
        claim = Claim(report_id=report_id, event_type="territory_taken", quote=HOSTILE_QUOTE, start=0, end=len(HOSTILE_QUOTE),
                      place_mention="Rawa", place=rawa, date=DateValue(date(2017, 11, 17)), actor="Iraqi forces")  # fmt: skip
        store.save_claims({report_id: [claim]}, "1")
        frontlines.api.refuse(store)
    return path


def test_events_and_history_print_quotes_without_terminal_escapes_or_markup(db_with_a_hostile_event: str) -> None:
    for command in (["events"], ["history", "Rawa"]):
        result = run("--db", db_with_a_hostile_event, *command)
        assert result.exit_code == 0, result.output
        assert not {"\x1b", "\x07", "\x9b"} & set(result.output) and "[/x]" in result.output
    assert "Iraqi forces retook Rawa ]52;c;cm0gLXJmIH4=" not in result.output  # the OSC 52 sequence goes whole
    assert "Iraqi forces retook Rawa [/x][bold]." in result.output


def test_jsonl_export_escapes_every_control_character_and_reads_back_the_same(db_with_a_hostile_event: str) -> None:
    import json

    line = run("--db", db_with_a_hostile_event, "events", "--format", "jsonl").stdout
    assert not {"\x1b", "\x07", "\x9b"} & set(line)
    assert json.loads(line)["sources"][0]["quote"] == HOSTILE_QUOTE


def test_csv_export_neutralises_formula_cells_and_drops_escapes(db_with_a_hostile_event: str) -> None:
    csv_text = run("--db", db_with_a_hostile_event, "events", "--format", "csv").stdout
    first_quote = csv_text.splitlines()[1].rsplit(",", 1)[-1]
    assert first_quote.startswith("\"'=HYPERLINK") and not {"\x1b", "\x9b"} & set(csv_text)


def test_csv_cells_that_start_like_formulas_are_quoted_as_text() -> None:
    from frontlines.outputs.exports import spreadsheet_safe

    assert [spreadsheet_safe(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "Rawa", -41.5, None)] == [
        "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "Rawa", -41.5, None,
    ]  # fmt: skip


def test_a_place_filter_of_wildcards_matches_nothing(db_with_a_hostile_event: str) -> None:
    assert run("--db", db_with_a_hostile_event, "events", "--place", "%", "--format", "jsonl").stdout == ""


def test_a_problem_whose_path_looks_like_markup_is_printed_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "[red]" / "[").mkdir(parents=True)
    (tmp_path / "[red]" / "[" / "x].txt").write_bytes(b"")
    result = run("--db", str(tmp_path / "x.db"), "ingest", "--no-extract", str(tmp_path / "[red]"))
    assert result.exit_code == 1
    assert f"✗ {tmp_path}/[red]/[/x].txt: empty file" in result.output


def test_the_date_options_date_undated_reports_and_refuse_impossible_dates(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rawa.txt").write_bytes(b"title: Rawa\n\nIraqi forces entered Rawa.\n")
    db = str(tmp_path / "x.db")
    assert run("--db", db, "ingest", "--no-extract", "--published", "2017-11", str(tmp_path / "in")).exit_code == 0
    with frontlines.open_store(db) as store:
        (stored,) = store.reports()
    assert (stored.report.published, stored.report.published_precision, stored.report.published_source) == (
        date(2017, 11, 1), "month", "given",
    )  # fmt: skip
    for options, message in ((["--year", "1850"], "outside 1900-01-01"), (["--published", "0001-01-01"], "outside"),
                              (["--published", "2017-11-01", "--year", "2017"], "not both")):  # fmt: skip
        result = CliRunner().invoke(main, ["--db", db, "ingest", *options, str(tmp_path / "in")])
        assert result.exit_code == 2 and message in result.output, (options, result.output)


def test_an_undated_report_is_stored_and_the_summary_says_so(tmp_path: Path) -> None:
    (tmp_path / "rawa.txt").write_bytes(b"title: Rawa\npublished: unknown\n\nIraqi forces entered Rawa.\n")
    result = run("--db", str(tmp_path / "x.db"), "ingest", "--no-extract", "--json", str(tmp_path / "rawa.txt"))
    assert result.exit_code == 0 and '"undated": 1' in result.stdout


@pytest.mark.parametrize("command", [["events"], ["history", "Rawa"], ["timeline"], ["control", "--on", "2017-11-10"], ["extract"]])
def test_a_read_command_on_a_database_that_does_not_exist_says_so_and_creates_none(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "tpyo.db"
    result = CliRunner().invoke(main, ["--db", str(missing), *command])
    assert result.exit_code == 2 and f"no database at {missing}" in result.output
    assert not missing.exists()


def test_a_missing_postgresql_driver_is_a_setup_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    result = CliRunner().invoke(main, ["--db", "postgres://nobody@127.0.0.1:1/x", "events"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "driver" in result.output and "pip install" in result.output


def test_an_internal_error_is_one_line_and_a_log_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom [/x]\nsecond line")

    frontlines.open_store(str(tmp_path / "x.db")).close()
    monkeypatch.setattr(frontlines.api, "iter_events", broken)  # what `frontlines events` calls
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "events"])
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert "error: internal error: RuntimeError: boom [/x]" in result.output and "second line" not in result.output
    log_path = re.search(r"details are in (\S+\.log)", result.output)
    assert log_path and "Traceback" in Path(log_path.group(1)).read_text(encoding="utf-8")
    Path(log_path.group(1)).unlink()


def test_a_database_that_cannot_be_written_is_a_setup_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT INTO reports", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(frontlines.api, "ingest", read_only)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "ingest", str(tmp_path)])
    assert result.exit_code == 2 and "readonly database" in result.output and "writable" in result.output
