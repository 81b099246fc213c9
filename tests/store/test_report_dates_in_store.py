"""The store keeps each report's publication date with its precision and source, undated ones too;
older databases are upgraded in place; a place filter matches its words, never LIKE wildcards."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine

import frontlines
from frontlines.errors import StoreError
from frontlines.model import Claim, DateValue, Report
from frontlines.store import Store
from frontlines.store import schema as t
from frontlines.store.migrations_runner import alembic_config


def a_report(published: date | None, precision: str | None, source: str, origin: str) -> Report:
    text = f"Iraqi forces retook Rawa ({origin})."
    return Report(
        outlet="Iraqi News", title="Rawa", published=published, text=text, raw=text.encode(), origin=origin,
        published_precision=precision, published_source=source, published_inferred=source == "url",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("published", "precision", "source"),
    [(date(2017, 10, 31), "day", "header"), (date(2017, 10, 1), "month", "header"), (date(2017, 1, 1), "year", "given"),
     (date(2017, 10, 31), "day", "url"), (None, None, "unknown")],  # fmt: skip
    ids=["day", "month", "year", "inferred", "undated"],
)
def test_a_report_round_trips_with_its_date_precision_and_source(
    store: Store, published: date | None, precision: str | None, source: str
) -> None:
    report = a_report(published, precision, source, "rawa.txt")
    ((report_id, _),) = store.add_reports([report])
    stored = store.reports([report_id])[0].report
    assert (stored.published, stored.published_precision, stored.published_source) == (published, precision, source)
    assert stored.published_inferred == (source == "url")


def test_a_report_without_a_date_is_flagged_unknown_whatever_it_was_given() -> None:
    report = Report(outlet="X", title="", published=None, text="t", raw=b"t")
    assert (report.published_precision, report.published_source) == (None, "unknown")


def test_migration_0006_adds_the_columns_of_the_schema_module(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert [d for d in differences if "published_" in repr(d)] == []


def test_reports_stored_before_0006_get_day_precision_and_their_source(tmp_path: Path) -> None:
    from alembic import command

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0005")
        conn.execute(t.outlets.insert().values(id=1, name="Iraqi News"))
        now = datetime.now(timezone.utc)
        for number, (published, inferred) in enumerate([(date(2017, 10, 31), False), (date(2017, 11, 3), True), (None, False)]):
            conn.exec_driver_sql(
                "INSERT INTO reports (outlet_id, title, published, published_inferred, language, text, raw, content_hash,"
                " origin, ingested_at) VALUES (1, 't', ?, ?, 'en', 'x', ?, ?, 'old.txt', ?)",
                (published, inferred, f"{number}".encode(), f"hash{number}", now),
            )
    engine.dispose()
    with Store.open(url) as store:
        got = [(r.report.published_precision, r.report.published_source) for r in store.reports()]
    assert got == [("day", "header"), ("day", "text"), (None, "unknown")]


def test_a_place_filter_with_like_wildcards_matches_only_those_characters(sqlite_store: Store) -> None:
    ((report_id, _),) = sqlite_store.add_reports([a_report(date(2017, 10, 31), "day", "header", "rawa.txt")])
    text = "Iraqi forces retook Rawa."
    claim = Claim(report_id=report_id, event_type="territory_taken", quote=text, start=0, end=len(text),
                  place_mention="Rawa", date=DateValue(date(2017, 10, 31)))  # fmt: skip
    sqlite_store.save_claims({report_id: [claim]}, "1")
    frontlines.api.refuse(sqlite_store)
    assert [e.place_name for e in sqlite_store.events(place_keys=[], place_text="Raw")] == ["Rawa"]
    assert sqlite_store.events(place_keys=[], place_text="%") == []
    assert sqlite_store.events(place_keys=[], place_text="R_wa") == []


def test_a_read_of_a_database_file_that_does_not_exist_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError) as caught:
        frontlines.open_store(str(missing), must_exist=True)
    assert str(missing) in caught.value.message and "--db" in caught.value.hint
    assert not missing.exists()


def test_a_missing_database_driver_is_named_with_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # importing it now raises ImportError
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/x")
    assert "driver" in caught.value.message and "pip install" in caught.value.hint


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_postgres_urls_use_the_psycopg_driver(scheme: str) -> None:
    from frontlines.config import database_url

    assert database_url(f"{scheme}://me@db.example:5432/war") == "postgresql+psycopg://me@db.example:5432/war"
