"""An analyst's post ingested with its SOURCES list: references linked to the post, each cited
headline a short report of its own, read by extraction; ingesting it again adds nothing."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from frontlines import api
from frontlines.citations_api import references
from frontlines.cli import main
from frontlines.extract.sentences import story_paragraphs
from frontlines.store import Store
from frontlines.store import schema as t
from frontlines.store.migrations_runner import alembic_config
from post_samples import EXPECTED, POST


HEADER = "title: The Hawija pocket and after\noutlet: Between Two Rivers\npublished: 2017-11-20\n\n"


def _post_file(tmp_path: Path) -> Path:
    path = tmp_path / "post.txt"
    path.write_text(HEADER + POST, encoding="utf-8")
    return path


def _ingest(store: Store, *inputs: Path) -> api.IngestResult:
    return api.ingest(list(inputs), store=store, run_extraction=False)


def test_a_post_with_fifteen_sources_yields_fifteen_references_linked_to_it(store: Store, tmp_path: Path) -> None:
    result = _ingest(store, _post_file(tmp_path))
    post_id = result.added[0]
    found = references(store, post=post_id)
    assert [(c.outlet, c.title, c.published, c.author) for c in found] == EXPECTED
    assert [c.position for c in found] == list(range(1, 16)) and {c.post_id for c in found} == {post_id}
    assert found[3].raw_line == 'Karim, Ali, "Militants flee toward Sharqat," Iraqi News, 10/3/17'
    assert (found[10].published, found[10].published_precision) == (None, None)  # "n.d.": kept, undated
    assert result.references == 15


def test_each_cited_headline_is_a_report_of_its_own_linked_to_its_reference(store: Store, tmp_path: Path) -> None:
    result = _ingest(store, _post_file(tmp_path))
    found = references(store, post=result.added[0])
    headlines = {s.id: s.report for s in store.reports([c.cited_report_id for c in found if c.cited_report_id])}
    assert len(headlines) == 15 and set(headlines) <= set(result.added)
    sharqat = headlines[found[3].cited_report_id]  # type: ignore[index]
    assert (sharqat.outlet, sharqat.title, sharqat.text, sharqat.published) == (
        "Iraqi News", "Militants flee toward Sharqat", "Militants flee toward Sharqat", date(2017, 10, 3),
    )  # fmt: skip
    assert sharqat.author == "Ali Karim"
    assert sharqat.origin == f"{tmp_path / 'post.txt'}#source-4"


def test_ingesting_the_post_again_adds_nothing(store: Store, tmp_path: Path) -> None:
    post = _post_file(tmp_path)
    _ingest(store, post)
    counts = (store.count("reports"), store.count("citations"))
    again = _ingest(store, post)
    assert (again.added, again.references, again.duplicates) == ([], 0, 1)
    assert (store.count("reports"), store.count("citations")) == counts == (16, 15)


def test_a_post_stored_without_its_references_gets_them_when_ingested_again(sqlite_store: Store, tmp_path: Path) -> None:
    post = _post_file(tmp_path)
    _ingest(sqlite_store, post)
    with sqlite_store.engine.begin() as conn:  # as a run killed between the post and its references leaves it
        conn.execute(t.citations.delete())
    again = _ingest(sqlite_store, post)
    assert again.references == 15 and sqlite_store.count("citations") == 15 and sqlite_store.count("reports") == 16


def test_a_line_of_the_list_that_cannot_be_read_is_reported_not_fatal(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="frontlines.citations_api"):
        result = _ingest(store, _post_file(tmp_path))
    assert result.ok and len(result.unread_references) == 1
    assert "13/45/17" in result.unread_references[0] and "post.txt" in result.unread_references[0]
    assert "13/45/17" in caplog.text


@pytest.mark.parametrize("form", ["html", "jsonl"])
def test_a_post_in_html_or_jsonl_yields_its_references_too(sqlite_store: Store, tmp_path: Path, form: str) -> None:
    prose, sources = POST.split("SOURCES\n")
    if form == "html":
        paragraphs = [*prose.strip().split("\n\n"), "SOURCES", *(block.strip().replace("\n", "<br>") for block in sources.split("\n\n"))]
        body = "".join(f"<p>{p}</p>" for p in paragraphs if p)
        data = f'<html><head><meta name="author" content="Joel Wing"></head><body><article>{body}</article></body></html>'
        path = tmp_path / "post.html"
    else:
        data = json.dumps({"title": "The Hawija pocket", "outlet": "Between Two Rivers", "published": "2017-11-20", "text": POST}) + "\n"
        path = tmp_path / "post.jsonl"
    path.write_text(data, encoding="utf-8")
    result = _ingest(sqlite_store, path)
    found = references(sqlite_store, post=result.added[0])
    assert [(c.outlet, c.title, c.published) for c in found] == [e[:3] for e in EXPECTED]


def test_the_posts_prose_that_extraction_reads_holds_none_of_its_sources(sqlite_store: Store, tmp_path: Path) -> None:
    result = _ingest(sqlite_store, _post_file(tmp_path))
    [post] = sqlite_store.reports([result.added[0]])
    read = " ".join(p.text for p in story_paragraphs(post.report.text))
    assert "Rawa on the 17th" in read
    assert not any(title in read for _outlet, title, _day, _author in EXPECTED)


@pytest.mark.model
def test_a_cited_headline_is_read_as_a_claim_of_its_outlet_on_its_date(
    sqlite_store: Store, tmp_path: Path, reader_pipeline: object
) -> None:
    # the pipeline users get: the rules alone do not read a headline's present tense as an event
    result = api.ingest([_post_file(tmp_path)], store=sqlite_store, pipeline=reader_pipeline)
    post_id = result.added[0]
    rawa = next(c for c in references(sqlite_store, post=post_id) if c.title == "Iraqi forces retake Rawa")
    claims = sqlite_store.claims([rawa.cited_report_id])  # type: ignore[list-item]
    taken = [c for c in claims if c.event_type == "territory_taken" and c.place and c.place.name == "Rawa"]
    assert taken and taken[0].date and taken[0].date.value == date(2017, 11, 17)
    [headline] = sqlite_store.reports([rawa.cited_report_id])  # type: ignore[list-item]
    assert (headline.report.outlet, headline.report.published) == ("AFP", date(2017, 11, 17))
    post_quotes = [c.quote for c in sqlite_store.claims([post_id])]
    assert not any(title in quote for quote in post_quotes for _o, title, _d, _a in EXPECTED)


def test_frontlines_references_lists_a_posts_references(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "ingest", "--no-extract", str(_post_file(tmp_path))]).exit_code == 0
    result = runner.invoke(main, ["--db", db, "references", "--post", "1", "--format", "jsonl"], catch_exceptions=False)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 15 and rows[3]["author"] == "Karim, Ali" and rows[3]["outlet"] == "Iraqi News"
    assert rows[0]["published"] == "2017-10-05" and rows[10]["published"] is None
    table = runner.invoke(main, ["--db", db, "references"], catch_exceptions=False).stdout.splitlines()
    assert table[0].split("\t") == ["post", "n", "author", "outlet", "title", "published", "report"] and len(table) == 16


def test_migration_0008_builds_the_citations_and_author_of_the_schema_module(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert [d for d in differences if "citations" in repr(d) or "author" in repr(d)] == []


def test_a_database_from_before_0008_gets_bylines_and_references(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0007")
        conn.execute(t.outlets.insert().values(id=1, name="Iraqi News"))
        conn.exec_driver_sql(
            "INSERT INTO reports (outlet_id, title, published, published_inferred, language, text, raw, content_hash,"
            " origin, ingested_at) VALUES (1, 't', NULL, 0, 'en', 'x', x'00', 'hash', 'old.txt', '2017-11-20 00:00:00')"
        )
    engine.dispose()
    with Store.open(url) as upgraded:
        _ingest(upgraded, _post_file(tmp_path))
        with upgraded.engine.connect() as conn:
            authors = conn.execute(select(t.reports.c.author).order_by(t.reports.c.id)).scalars().all()
        assert authors[0] is None and upgraded.count("citations") == 15


def test_the_ingest_summary_counts_the_references_and_names_the_line_it_could_not_read(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(main, ["--db", db, "ingest", "--no-extract", str(_post_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "15 reference(s) read from SOURCES lists" in result.output
    assert "SOURCES line not read" in result.output and "13/45/17" in result.output
    as_json = CliRunner().invoke(main, ["--db", str(tmp_path / "json.db"), "ingest", "--no-extract", "--json", str(_post_file(tmp_path))])
    assert json.loads(as_json.output)["references"] == 15
