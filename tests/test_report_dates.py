"""Extraction anchors a report's dates on what its publication date really says: a day, a month, a
year, or nothing; a date it cannot know is widened or dropped, and a bad report never stops the run."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

import frontlines
from frontlines.model import Claim, DateValue, Report
from frontlines.report_dates import UNKNOWN_ANCHOR, anchor_day, dates_as_far_as_known
from frontlines.store import Store

TEXT = "Iraqi forces retook Rawa yesterday."


def a_report(published: date | None, precision: str | None = "day", text: str = TEXT, origin: str = "rawa.txt") -> Report:
    return Report(
        outlet="Iraqi News", title="Rawa", published=published, text=text, raw=f"{origin}\n{text}".encode(),
        origin=origin, published_precision=precision, published_source="header" if published else "unknown",
    )  # fmt: skip


def a_claim(when: DateValue | None) -> Claim:
    return Claim(report_id=1, event_type="territory_taken", quote=TEXT, start=0, end=len(TEXT), date=when)


@pytest.mark.parametrize(
    ("published", "precision", "anchor"),
    [
        (date(2017, 10, 17), "day", date(2017, 10, 17)),
        (date(2017, 10, 1), "month", date(2017, 10, 31)),
        (date(2016, 2, 1), "month", date(2016, 2, 29)),
        (date(2017, 1, 1), "year", date(2017, 12, 31)),
        (None, None, UNKNOWN_ANCHOR),
        (date(1, 1, 1), "day", UNKNOWN_ANCHOR),
        (date(9999, 12, 31), "day", UNKNOWN_ANCHOR),
    ],
    ids=["day", "month", "leap-february", "year", "unknown", "year-one", "year-9999"],
)
def test_relative_dates_resolve_against_the_last_day_the_report_can_have_been_published(
    published: date | None, precision: str | None, anchor: date
) -> None:
    assert anchor_day(a_report(published, precision)) == anchor


def test_the_extraction_anchor_takes_an_undated_report_without_raising() -> None:
    from frontlines.extract.pipeline import _anchor

    assert _anchor(a_report(None, None)) == UNKNOWN_ANCHOR
    assert _anchor(a_report(date(9999, 12, 31))) == UNKNOWN_ANCHOR


def test_a_month_report_dates_its_events_to_the_month_or_the_span_they_can_lie_in() -> None:
    report = a_report(date(2017, 10, 1), "month")
    unnamed = DateValue(date(2017, 10, 31), "day", "", relative=True)  # no date in the sentence
    yesterday = DateValue(date(2017, 10, 30), "day", "yesterday", relative=True)
    named = DateValue(date(2017, 9, 29), "day", "Sept. 29")
    got = [c.date for c in dates_as_far_as_known(report, [a_claim(unnamed), a_claim(yesterday), a_claim(named)])]
    assert got[0] == DateValue(date(2017, 10, 1), "month", "", relative=True)
    assert got[1] == DateValue(date(2017, 9, 30), "range", "yesterday", relative=True, until=date(2017, 10, 30))
    assert got[2] == named


def test_a_year_report_dates_an_unnamed_day_to_the_year() -> None:
    report = a_report(date(2017, 1, 1), "year")
    (claim,) = dates_as_far_as_known(report, [a_claim(DateValue(date(2017, 12, 31), "day", "", relative=True))])
    assert claim.date == DateValue(date(2017, 1, 1), "year", "", relative=True)


@pytest.mark.parametrize(
    ("when", "kept"),
    [
        (DateValue(UNKNOWN_ANCHOR, "day", "", relative=True), False),
        (DateValue(date(1899, 12, 31), "day", "yesterday", relative=True), False),
        (DateValue(date(1899, 9, 29), "day", "Sept. 29"), False),
        (DateValue(date(2017, 10, 31), "day", "31 October 2017"), True),
        (DateValue(date(2017, 10, 31), "day", "10/31/17"), True),
        (DateValue(date(2014, 1, 1), "year", "in 2014"), True),
    ],
    ids=["no-date-in-sentence", "yesterday", "day-month-without-year", "full-date", "numeric-date", "year"],
)
def test_an_undated_report_keeps_only_the_dates_its_text_gives_whole(when: DateValue, kept: bool) -> None:
    (claim,) = dates_as_far_as_known(a_report(None, None), [a_claim(when)])
    assert claim.date == (when if kept else None)


def test_an_impossible_event_date_is_dropped_not_fused() -> None:
    (claim,) = dates_as_far_as_known(a_report(date(2017, 10, 17)), [a_claim(DateValue(date(9999, 12, 1), "month", "December 9999"))])
    assert claim.date is None


class AnchoredPipeline:
    """A stand-in for the spaCy pipeline: one claim per report, dated as the real one dates a sentence
    without a date (the anchor, relative), and failing like spaCy on the reports it is told to."""

    def __init__(self, failing: Sequence[str] = ()) -> None:
        self.failing = set(failing)

    def extract_batch(self, reports: Sequence[Report]) -> list[list[Claim]]:
        from frontlines.extract.pipeline import _anchor
        from frontlines.report_dates import dates_as_far_as_known

        if any(r.origin in self.failing for r in reports):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.")
        return [dates_as_far_as_known(r, [a_claim(DateValue(_anchor(r), "day", "", relative=True))]) for r in reports]


@pytest.mark.model
def test_the_real_pipeline_dates_a_month_only_report_to_its_month(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iraqi forces retook the town of Rawa from the Islamic State yesterday."
    report = Report(outlet="Wire", title="t", published=date(2017, 11, 1), text=text, raw=text.encode(), published_precision="month")
    claims = pipeline.extract(report)
    assert claims and all(c.date is None or c.date.precision in ("month", "range") for c in claims)


def test_extraction_dates_claims_as_far_as_each_report_knows(store: Store) -> None:
    reports = [a_report(date(2017, 10, 17), origin="day.txt"), a_report(date(2017, 10, 1), "month", origin="month.txt"),
               a_report(None, None, origin="undated.txt")]  # fmt: skip
    ids = [report_id for report_id, _ in store.add_reports(reports)]
    frontlines.extract(store, ids, pipeline=AnchoredPipeline())
    by_report = {c.report_id: c.date for c in store.claims()}
    assert (by_report[ids[0]].value, by_report[ids[0]].precision) == (date(2017, 10, 17), "day")
    assert (by_report[ids[1]].value, by_report[ids[1]].precision) == (date(2017, 10, 1), "month")
    assert by_report[ids[2]] is None
    assert store.report_ids_needing_extraction("1") == []


def test_a_report_extraction_cannot_read_gets_no_claims_and_the_others_are_read(
    sqlite_store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    ids = [rid for rid, _ in sqlite_store.add_reports([a_report(date(2017, 10, 17), origin=f"{n}.txt") for n in ("a", "huge", "c")])]
    saved = frontlines.extract(sqlite_store, ids, pipeline=AnchoredPipeline(failing=["huge.txt"]))
    assert saved == 2 and {c.report_id for c in sqlite_store.claims()} == {ids[0], ids[2]}
    assert "huge.txt" in caplog.text and "E088" in caplog.text


@pytest.mark.model
def test_the_real_pipeline_reads_an_undated_report(tmp_path: Path, sqlite_store: Store) -> None:
    (tmp_path / "rawa.txt").write_text("title: Rawa\npublished: unknown\n\nIraqi forces retook Rawa yesterday.\n", encoding="utf-8")
    result = frontlines.ingest([tmp_path], store=sqlite_store)
    assert result.ok and result.undated == [str(tmp_path / "rawa.txt")]
    assert result.claims >= 1 and all(claim.date is None for claim in sqlite_store.claims())


@pytest.mark.model
def test_a_stored_report_dated_year_one_or_9999_is_extracted_without_overflow(sqlite_store: Store) -> None:
    reports = [a_report(date(1, 1, 1), origin="one.txt"), a_report(date(9999, 12, 31), origin="nines.txt", text=TEXT + " ")]
    ids = [report_id for report_id, _ in sqlite_store.add_reports(reports)]
    frontlines.extract(sqlite_store, ids)
    assert sqlite_store.report_ids_needing_extraction("1") == []
    assert all(claim.date is None for claim in sqlite_store.claims())


@pytest.mark.model
def test_a_stored_paragraph_spacy_refuses_costs_only_its_own_report(sqlite_store: Store, caplog: pytest.LogCaptureFixture) -> None:
    huge = a_report(date(2017, 10, 17), text="word " * 200_001, origin="huge.txt")
    ids = [rid for rid, _ in sqlite_store.add_reports([a_report(date(2017, 10, 17)), huge])]
    frontlines.extract(sqlite_store, ids)
    assert {claim.report_id for claim in sqlite_store.claims()} == {ids[0]}
    assert "huge.txt" in caplog.text
