"""Bylines: read from every input format, stored with the report, and written into SOURCES lists
last name first, in lines that SOURCE_LINE matches and that ingest reads back."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from frontlines.ingest.bylines import byline, byline_in_text, first_name_first, last_name_first
from frontlines.ingest.dispatch import read_bytes
from frontlines.ingest.sources_list import read_list
from frontlines.model import Report, Source
from frontlines.outputs.sources import SOURCE_LINE, cited_reports, sources_section
from frontlines.store import Store

ROOT = Path(__file__).resolve().parents[2]
BODY = "Iraqi forces retook Rawa on Friday, the last town the militants held in Iraq."

RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Iraqi News</title>
<item><title>Rawa retaken</title><pubDate>Fri, 17 Nov 2017 10:00:00 GMT</pubDate>{author}<description>{body}</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Iraqi News</title>
<entry><title>Rawa retaken</title><published>2017-11-17T10:00:00Z</published><author><name>Ali Karim</name></author>
<content type="text">{body}</content></entry></feed>"""


def html_page(head: str = "", top: str = "") -> str:
    return f"<html><head><title>Rawa retaken</title>{head}</head><body><article>{top}<p>{BODY}</p></article></body></html>"


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        ("report", f"title: Rawa retaken\noutlet: Iraqi News\npublished: 2017-11-17\nauthor: Ali Karim\n\n{BODY}\n"),
        ("report", f"title: Rawa retaken\nbyline: By Ali Karim\npublished: 2017-11-17\n\n{BODY}\n"),
        ("report", f"title: Rawa retaken\npublished: 2017-11-17\n\nBy Ali Karim, Iraqi News\n\n{BODY}\n"),
        ("html", html_page('<meta name="author" content="Ali Karim">')),
        ("html", html_page('<meta property="article:author" content="Ali Karim">')),
        ("html", html_page(top="<p>By Ali Karim</p>")),
        ("jsonl", f'{{"title": "Rawa retaken", "author": "Ali Karim", "text": "{BODY}"}}\n'),
        ("jsonl", f'{{"title": "Rawa retaken", "byline": "By Ali Karim", "text": "{BODY}"}}\n'),
        ("feed", RSS.format(author="<author>desk@iraqinews.com (Ali Karim)</author>", body=BODY)),
        ("feed", RSS.format(author="<dc:creator>Ali Karim</dc:creator>", body=BODY)),
        ("feed", ATOM.format(body=BODY)),
    ],
)
def test_every_input_format_gives_its_byline(fmt: str, data: str) -> None:
    [report] = read_bytes(data.encode(), "in", fmt)
    assert isinstance(report, Report) and report.author == "Ali Karim"


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        f"By Thursday the army held the town.\n\n{BODY}",  # a sentence, not a byline
        f"{BODY}\n\nBy Ali Karim",  # not at the top
    ],
)
def test_a_report_without_a_byline_has_no_author(text: str) -> None:
    assert byline_in_text(text) is None


@pytest.mark.parametrize("value", [None, "", "https://www.facebook.com/someone", "desk@iraqinews.com"])
def test_a_profile_link_or_bare_address_is_not_an_author(value: str | None) -> None:
    assert byline(value) is None


def test_names_turn_between_the_byline_and_the_list() -> None:
    assert last_name_first("Ali Karim") == "Karim, Ali"
    assert last_name_first("Karim, Ali") == "Karim, Ali"
    assert last_name_first("Reuters") == "Reuters"
    assert first_name_first("Karim, Ali") == "Ali Karim"


def test_a_byline_is_stored_with_its_report(sqlite_store: Store) -> None:
    report = Report(outlet="Iraqi News", title="t", published=date(2017, 11, 17), text=BODY, raw=b"1", author="Ali Karim")
    [(report_id, _)] = sqlite_store.add_reports([report])
    [stored] = sqlite_store.reports([report_id])
    assert stored.report.author == "Ali Karim"


def _source(report_id: int, outlet: str, title: str, day: date, author: str | None = None) -> Source:
    return Source(report_id, outlet, title, day, None, "quote", 0, 5, author=author)


SOURCES = [
    _source(1, "Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5)),
    _source(2, "Iraqi News", "Troops enter Hawija from the north", date(2017, 10, 4)),
    _source(3, "NINA", "Army retakes Riyadh district", date(2017, 10, 4)),
    _source(4, "Iraqi News", "Militants flee toward Sharqat", date(2017, 10, 3), author="Ali Karim"),
    _source(5, "Iraqi News", "Two soldiers killed near Zab", date(2017, 10, 1), author="Ali Karim"),
]


def test_the_sources_list_starts_a_bylined_entry_with_the_author_as_analysts_write_it() -> None:
    assert sources_section(cited_reports(SOURCES)) == [
        'Iraqi News, "Iraqi forces free Hawija," 10/5/17',
        '- "Troops enter Hawija from the north," 10/4/17',
        'Karim, Ali, "Militants flee toward Sharqat," Iraqi News, 10/3/17',
        '- "Two soldiers killed near Zab," Iraqi News, 10/1/17',
        'NINA, "Army retakes Riyadh district," 10/4/17',
    ]


def test_every_line_with_a_byline_matches_source_line() -> None:
    lines = sources_section(cited_reports(SOURCES))
    matches = [SOURCE_LINE.match(line) for line in lines]
    assert all(matches)
    assert (matches[2]["lead"], matches[2]["title"], matches[2]["outlet_after"]) == ("Karim, Ali", "Militants flee toward Sharqat", "Iraqi News")


def test_the_list_written_reads_back_with_its_authors_outlets_titles_and_dates() -> None:
    found = read_list("\n".join(sources_section(cited_reports(SOURCES))))
    written = {(s.outlet, s.title, s.published, last_name_first(s.author) if s.author else None) for s in SOURCES}
    assert {(r.outlet, r.title, r.published, r.author) for r in found.references} == written and found.unread == ()


def test_the_docs_give_source_line_as_it_is() -> None:
    docs = (ROOT / "docs" / "outputs.md").read_text(encoding="utf-8")
    section = docs[docs.index("## SOURCES lists") :]
    assert SOURCE_LINE.pattern in section
    assert "does not\nrecord" not in section and not re.search(r"ingest does not\s+record", section)
