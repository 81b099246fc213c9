"""Read commands stay bounded on a big store: they page with --limit/--offset, write plain lines (never
a table) when piped, write JSON that parses, and find a place's events through an index.

The store is bench/bench_control.py's generator in small: 2,000 synthetic events at 50 places, the
first of which is the gazetteer's Rawa.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect

from frontlines import cli
from frontlines.cli import main
from frontlines.cli_rows import TABLE_ROWS
from frontlines.control_api import rebuild_control
from frontlines.store import Store
from frontlines.store.migrations_runner import alembic_config

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import bench_control  # noqa: E402

BOX_DRAWING = set("│─┃━┏┓┗┛┌┐└┘├┤┬┴┼╭╮╯╰")
EVENTS = 2_000


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("big") / "big.db"
    with Store.open(f"sqlite:///{db}") as store:
        bench_control.generate(store, EVENTS, 50, random.Random(7))
        rebuild_control(store)
    return db


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    "command",
    [["events"], ["events", "--place", "Rawa"], ["timeline"], ["history", "Rawa"], ["control", "--on", "2017-06-01"]],
    ids=["events", "events-place", "timeline", "history", "control"],
)
def test_piped_output_is_plain_lines_without_a_table(big_db: Path, command: list[str]) -> None:
    output = run(big_db, *command)
    assert not BOX_DRAWING & set(output)
    assert len(output.splitlines()) > 10


def test_piped_events_are_all_listed_one_line_each_after_a_header(big_db: Path) -> None:
    lines = run(big_db, "events").splitlines()
    assert lines[0].split("\t")[:3] == ["id", "date", "type"] and len(lines) == EVENTS + 1
    assert all(line.count("\t") == 8 for line in lines)


@pytest.mark.parametrize(
    "command",
    [["events"], ["events", "--format", "jsonl"], ["events", "--format", "csv"], ["timeline"], ["timeline", "--json"],
     ["history", "Rawa"], ["history", "Rawa", "--json"], ["control", "--on", "2017-06-01", "--format", "json"]],  # fmt: skip
)
def test_limit_bounds_the_output(big_db: Path, command: list[str]) -> None:
    output = run(big_db, *command, "--limit", "7") if command[0] != "control" else run(big_db, "control", "--limit", "7", *command[1:])
    if "--json" in command or "json" in command:
        document = json.loads(output)
        items = document if isinstance(document, list) else document.get("entries", document.get("places"))
        assert len(items) == 7
    elif "jsonl" in command:
        assert len(output.splitlines()) == 7
    elif command[0] == "history":
        entries = [line for line in output.splitlines()[1:] if not line.startswith("    ")]
        assert len(entries) == 7
    else:
        assert len(output.splitlines()) == 7 + 1  # the header line


def test_limit_bounds_the_places_of_a_day_and_the_province_tallies_follow(big_db: Path) -> None:
    lines = run(big_db, "control", "--on", "2017-06-01", "--limit", "3", "--offset", "10").splitlines()
    assert lines[0].startswith("place\tprovince") and all("\t" in line for line in lines[1:4]) and "\t" not in lines[4]


def test_offset_pages_through_events_in_order(big_db: Path) -> None:
    every = [json.loads(line)["id"] for line in run(big_db, "events", "--format", "jsonl").splitlines()]
    pages = [
        [json.loads(line)["id"] for line in run(big_db, "events", "--format", "jsonl", "--limit", "300", "--offset", str(start)).splitlines()]
        for start in range(0, EVENTS, 300)
    ]
    assert [i for page in pages for i in page] == every and len(every) == EVENTS


def test_csv_streams_one_header_and_a_row_per_event(big_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(big_db, "events", "--format", "csv", "--type", "airstrike"))))
    assert rows and {row["event_type"] for row in rows} == {"airstrike"}


@pytest.mark.parametrize(
    "command", [["timeline", "--json"], ["history", "Rawa", "--json"], ["control", "--on", "2017-06-01", "--format", "json"]]
)
def test_json_written_piece_by_piece_parses_whole(big_db: Path, command: list[str]) -> None:
    document = json.loads(run(big_db, *command))
    if command[0] == "timeline":
        assert [c["date"] for c in document] == sorted(c["date"] for c in document) and len(document) > 100
    elif command[0] == "history":
        assert document["place"] == "Rawa" and any(e["kind"] == "event" for e in document["entries"])
    else:
        assert document["date"] == "2017-06-01" and len(document["places"]) == 50 and document["provinces"]


def test_a_terminal_gets_one_page_as_a_table_and_how_to_see_the_rest(big_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.out, "_force_terminal", True)
    monkeypatch.setattr(cli.out, "_width", 200)
    output = run(big_db, "events")
    table_rows = [line for line in output.splitlines() if line.count("│") > 3]  # the header row has ┃
    assert len(table_rows) == TABLE_ROWS
    assert f"events 1-{TABLE_ROWS} of {EVENTS}" in output
    assert f"{EVENTS - TABLE_ROWS} more events" in output and f"--offset {TABLE_ROWS} --limit {TABLE_ROWS}" in output


def test_a_terminal_timeline_says_how_many_changes_are_left(big_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from frontlines import cli_control
    from frontlines.control_api import timeline

    monkeypatch.setattr(cli_control.out, "_force_terminal", True)
    monkeypatch.setattr(cli_control.out, "_width", 200)
    with Store.open(f"sqlite:///{big_db}") as store:
        changes = len(timeline(store, region="Anbar"))
    output = run(big_db, "timeline", "--region", "Anbar", "--limit", "10", "--offset", "5")
    assert f"changes of control 6-15 of {changes}" in output and f"{changes - 15} more changes of control" in output
    assert "--offset 15 --limit 10" in output


def test_a_terminal_asked_for_more_than_a_page_gets_lines(big_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.out, "_force_terminal", True)
    output = run(big_db, "events", "--limit", str(TABLE_ROWS + 1))
    assert not BOX_DRAWING & set(output) and len(output.splitlines()) == TABLE_ROWS + 2


def test_the_place_filter_finds_the_place_s_events_only(big_db: Path) -> None:
    places = {json.loads(line)["place"]["name"] for line in run(big_db, "events", "--place", "Rawa", "--format", "jsonl").splitlines()}
    assert places == {"Rawa"}


def test_migration_0007_indexes_the_filter_columns(tmp_path: Path) -> None:
    from alembic import command

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0006")
        assert "ix_events_place" not in {ix["name"] for ix in inspect(conn).get_indexes("events")}
    engine.dispose()
    Store.open(url).close()  # opening brings the database to the newest schema
    engine = create_engine(url)
    with engine.connect() as conn:
        indexes = {table: {ix["name"]: ix["column_names"] for ix in inspect(conn).get_indexes(table)} for table in ("events", "claims", "control_spans")}
    engine.dispose()
    assert indexes["events"]["ix_events_place"] == ["place_id", "date"]
    assert indexes["events"]["ix_events_type"] == ["event_type", "date"]
    assert indexes["claims"]["ix_claims_place"] == ["place_id"]
    assert indexes["control_spans"]["ix_control_spans_start"] == ["start"]


def test_the_schema_module_and_the_migrations_agree_on_the_indexes(big_db: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from frontlines.store import control_schema, schema

    engine = create_engine(f"sqlite:///{big_db}")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn)
        differences = compare_metadata(context, schema.metadata) + compare_metadata(context, control_schema.metadata)
    engine.dispose()
    assert [d for d in differences if "index" in repr(d).lower() and "ix_" in repr(d) and d[0] in ("add_index", "remove_index")] == []


def test_the_place_filter_seeks_through_the_place_index(big_db: Path) -> None:
    from frontlines.store.store import events_query

    query = events_query(place_keys=["gn:92004"], place_text="Rawa", since=None, until=None, types=None, include_rejected=True)
    engine = create_engine(f"sqlite:///{big_db}")
    with engine.connect() as conn:
        compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    engine.dispose()
    assert "ix_events_place" in plan and "SCAN events" not in plan.replace("SCAN events USING", "")


def test_events_read_in_chunks_are_the_events_in_order_on_either_database(store: Store) -> None:
    bench_control.generate(store, 300, 10, random.Random(1))
    whole = [e.id for e in store.events()]
    assert [e.id for e in store.iter_events(chunk_size=7)] == whole and len(whole) == 300
    assert [e.id for e in store.iter_events(limit=10, offset=5, chunk_size=3)] == whole[5:15]
    assert store.count_events(types=["airstrike"]) == len(store.events(types=["airstrike"]))


def test_a_timeline_page_is_that_slice_of_the_whole_on_either_database(store: Store) -> None:
    from frontlines.control_api import iter_timeline, timeline

    bench_control.generate(store, 300, 10, random.Random(2))
    rebuild_control(store)
    whole = [(c.day, c.place.key, c.before, c.after) for c in timeline(store)]
    page = [(c.day, c.place.key, c.before, c.after) for c in iter_timeline(store, limit=20, offset=30)]
    assert page == whole[30:50] and len(whole) > 50
