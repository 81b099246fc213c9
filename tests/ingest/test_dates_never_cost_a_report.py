"""A report with an unknown, partial or missing publication date is read: its date comes from the first
source that gives one, and the report says which source and how exact the date is."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.errors import BadInput
from frontlines.ingest.html import parse_html
from frontlines.ingest.jsonl import parse_jsonl_line
from frontlines.ingest.published import DateHint, Published, date_hint
from frontlines.ingest.report_file import parse_report_file
from frontlines.model import Report

BODY = "Iraqi forces retook the town of Rawa after two days of fighting."


def report_file(header: str = "", body: str = BODY, dates: DateHint | None = None) -> Report:
    raw = (f"{header}\n\n{body}\n" if header else f"{body}\n").encode()
    return parse_report_file(raw, "rawa.txt", dates=dates)


def when(report: Report) -> tuple[date | None, str | None, str]:
    return report.published, report.published_precision, report.published_source


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("title: Rawa\npublished: unknown", (None, None, "unknown")),
        ("title: Rawa\npublished: n.d.", (None, None, "unknown")),
        ("title: Rawa\npublished:", (None, None, "unknown")),
        ("title: Rawa\npublished: 2017-10", (date(2017, 10, 1), "month", "header")),
        ("title: Rawa\npublished: October 2017", (date(2017, 10, 1), "month", "header")),
        ("title: Rawa\npublished: 2017", (date(2017, 1, 1), "year", "header")),
        ("title: Rawa\npublished: 2017-10-31", (date(2017, 10, 31), "day", "header")),
    ],
    ids=["unknown", "n.d.", "empty", "year-month", "month-name-year", "year", "day"],
)
def test_an_unknown_or_partial_header_date_is_kept_as_such(header: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert when(report_file(header)) == expected


def test_a_report_with_no_date_anywhere_is_read_and_flagged_unknown() -> None:
    report = report_file("title: Rawa retaken")
    assert when(report) == (None, None, "unknown")
    assert report.text.strip() == BODY and not report.published_inferred


def test_a_body_day_without_a_year_is_not_guessed() -> None:
    assert when(report_file(body="Iraqi forces retook Rawa on Sept. 29.")) == (None, None, "unknown")


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        ("url: https://example.org/news/2017/10/31/rawa-retaken/", BODY, (date(2017, 10, 31), "day", "url")),
        ("url: https://example.org/2017-10-31-rawa", BODY, (date(2017, 10, 31), "day", "url")),
        ("", f"Posted 17 November 2017\n\n{BODY}", (date(2017, 11, 17), "day", "dateline")),
        ("", f"Published on: Nov. 17, 2017 at 10:05\n\n{BODY}", (date(2017, 11, 17), "day", "dateline")),
        ("", f"BAGHDAD, Oct. 31, 2017 (Reuters) - {BODY}", (date(2017, 10, 31), "day", "dateline")),
        ("title: Iraq's war in 2017: Rawa", f"BAGHDAD, Sept. 29 (Reuters) - {BODY}", (date(2017, 9, 29), "day", "day_month")),
        ("title: Rawa, 2017", "Forces massed on Sept. 20. They entered Rawa on Sept. 29.", (date(2017, 9, 29), "day", "day_month")),
        ("title: Rawa", f'{BODY}\n\nIraqi News, "Rawa falls," 11/3/17', (date(2017, 11, 3), "day", "text")),
    ],
    ids=["url-path", "url-slug", "posted-line", "published-on-line", "dateline", "title-year-dateline",
         "title-year-latest-day", "latest-full-date"],  # fmt: skip
)
def test_a_date_is_inferred_from_the_url_a_dateline_the_title_or_the_text(header: str, body: str, expected: tuple) -> None:  # type: ignore[type-arg]
    report = report_file(header, body)
    assert when(report) == expected
    assert report.published_inferred


def test_sources_are_tried_in_order_header_first() -> None:
    text = f"Posted 17 November 2017\n\n{BODY}"
    url = "url: https://example.org/2017/11/15/rawa/"
    assert when(report_file(f"{url}\npublished: 2017-11-18", text))[2] == "header"
    assert when(report_file(url, text)) == (date(2017, 11, 15), "day", "url")
    assert when(report_file("title: Rawa", text)) == (date(2017, 11, 17), "day", "dateline")


def test_published_option_dates_reports_whose_header_gives_none() -> None:
    given = date_hint(published="2017-11-20")
    assert when(report_file("url: https://example.org/2017/11/15/rawa/", dates=given)) == (date(2017, 11, 20), "day", "given")
    assert when(report_file("published: 2017-11-18", dates=given))[2] == "header"
    assert when(report_file("", dates=date_hint(published="2017-11"))) == (date(2017, 11, 1), "month", "given")


def test_year_option_completes_a_dateline_and_dates_the_rest_to_the_year() -> None:
    batch = date_hint(year=2017)
    assert when(report_file(body=f"BAGHDAD, Oct. 31 (Reuters) - {BODY}", dates=batch)) == (date(2017, 10, 31), "day", "day_month")
    assert when(report_file(body=BODY, dates=batch)) == (date(2017, 1, 1), "year", "given")
    other_year = report_file("url: https://example.org/2016/03/02/rawa/", dates=batch)
    assert when(other_year) == (date(2017, 1, 1), "year", "given")  # the batch's year outranks the URL's


def test_a_month_in_the_url_is_refined_by_a_later_day_inside_it() -> None:
    report = report_file("url: https://example.org/2017/10/rawa", "Iraqi forces retook Rawa on Oct. 29, 2017.")
    assert when(report)[:2] == (date(2017, 10, 29), "day")
    only_month = report_file("url: https://example.org/2017/10/rawa")
    assert when(only_month) == (date(2017, 10, 1), "month", "url")


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta property="article:published_time" content="2017-11-17T09:30:00+03:00">', (date(2017, 11, 17), "day", "metadata")),
        ('<script type="application/ld+json">{"datePublished": "2017-11"}</script>', (date(2017, 11, 17), "day", "dateline")),
        ('<link rel="canonical" href="https://www.rudaw.net/2017/11/18/rawa">', (date(2017, 11, 18), "day", "url")),
        ("", (date(2017, 11, 17), "day", "dateline")),
    ],
    ids=["article-published-time", "json-ld-month-refined-by-posted-line", "canonical-url", "posted-line"],
)
def test_a_saved_page_is_dated_by_metadata_then_url_then_its_posted_line(meta: str, expected: tuple) -> None:  # type: ignore[type-arg]
    page = (
        f"<html><head><title>Rawa</title>{meta}</head><body><article><p>Posted 17 November 2017</p>"
        "<p>Iraqi forces entered Rawa.</p></article></body></html>"
    ).encode()
    assert when(parse_html(page, "rawa.html")) == expected


def test_a_jsonl_line_without_published_is_read_undated_or_inferred() -> None:
    undated = parse_jsonl_line(b'{"text": "Iraqi forces took Kirkuk."}', "k.jsonl:1")
    assert when(undated) == (None, None, "unknown")
    from_url = parse_jsonl_line(b'{"published": "unknown", "url": "https://x.example/2017/10/16/kirkuk", "text": "Iraqi forces took Kirkuk."}', "k.jsonl:2")
    assert when(from_url) == (date(2017, 10, 16), "day", "url")


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_a_stated_date_outside_the_sane_range_is_refused_with_the_range(value: str) -> None:
    with pytest.raises(BadInput) as caught:
        report_file(f"title: Rawa\npublished: {value}")
    assert value in caught.value.reason and "outside 1900-01-01 to" in caught.value.reason
    assert "unknown" in caught.value.hint


def test_a_guessed_date_outside_the_sane_range_is_skipped_not_refused() -> None:
    report = report_file("url: https://example.org/1850/01/02/old", f'{BODY}\n\nArchive, "Old news," 12/31/1850')
    assert when(report) == (None, None, "unknown")


@pytest.mark.parametrize(
    ("published", "year", "message"),
    [("0001-01-01", None, "outside"), ("last week", None, "not a date"), (None, 1850, "outside"), ("2017-10-31", 2017, "not both")],
)
def test_command_line_dates_outside_the_range_or_unreadable_are_refused(published: str | None, year: int | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        date_hint(published=published, year=year)


def test_a_published_date_knows_the_days_it_holds() -> None:
    october = Published(date(2017, 10, 1), "month", "header")
    assert october.holds(date(2017, 10, 31)) and not october.holds(date(2017, 11, 1))
