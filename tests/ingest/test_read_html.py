"""Article pages: main text, title, date, outlet, url; broken pages refused."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_samples import RAWA_PAGE, RAWA_TEXT

from frontlines.errors import BadInput
from frontlines.ingest.html import parse_html
from frontlines.ingest.htmltext import html_to_text
from frontlines.model import Report


def page(head: str, body: str, *, end: str = "</body></html>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}{end}".encode()


ARTICLE = (
    "<article><p>Iraqi forces entered Rawa on Friday.</p><p>It was the last town held by IS.</p></article>"
)


def test_article_page_gives_text_title_date_outlet_and_url() -> None:
    report = parse_html(RAWA_PAGE, "pages/rawa.html")
    assert report == Report(
        outlet="Rudaw",
        title="Iraqi forces enter Rawa, last IS-held town",
        published=date(2017, 11, 17),
        text=RAWA_TEXT,
        raw=RAWA_PAGE,
        url="https://www.rudaw.net/english/middleeast/iraq/17112017",
        language="en",
        origin="pages/rawa.html",
        published_source="metadata",
    )


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2017-11-17T09:30:00+03:00">',
        '<meta name="date" content="2017-11-17">',
        '<meta name="pubdate" content="20171117">',
        '<meta name="DC.date.issued" content="2017-11-17">',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "datePublished": "2017-11-17T06:30:00Z"}]}</script>',
    ],
    ids=["article-published-time", "meta-date", "meta-pubdate", "dc-date-issued", "json-ld"],
)
def test_publication_date_is_read_from_the_page_metadata(head: str) -> None:
    assert parse_html(page(head, ARTICLE), "rawa.html").published == date(2017, 11, 17)


def test_publication_date_can_come_from_a_time_element() -> None:
    body = '<article><time datetime="2017-11-17">Nov 17</time><p>Iraqi forces entered Rawa.</p></article>'
    assert parse_html(page("", body), "rawa.html").published == date(2017, 11, 17)


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        (
            '<meta property="og:title" content="Rawa retaken"><title>Rawa retaken | Rudaw</title>',
            ARTICLE,
            "Rawa retaken",
        ),
        ("<title>  Rawa retaken | Rudaw </title>", ARTICLE, "Rawa retaken | Rudaw"),
        ("", "<h1>Rawa <em>retaken</em></h1>" + ARTICLE, "Rawa retaken"),
    ],
    ids=["og-title", "title-element", "h1"],
)
def test_title_prefers_og_title_then_title_then_h1(head: str, body: str, title: str) -> None:
    dated = head + '<meta name="date" content="2017-11-17">'
    assert parse_html(page(dated, body), "rawa.html").title == title


@pytest.mark.parametrize(
    ("head", "outlet", "url"),
    [
        ('<meta property="og:site_name" content="Kurdistan24">', "Kurdistan 24", None),
        (
            '<meta property="og:url" content="https://www.kurdistan24.net/en/news/rawa">',
            "Kurdistan 24",
            "https://www.kurdistan24.net/en/news/rawa",
        ),
        (
            '<link rel="canonical" href="https://www.iraqoilreport.com/news/rawa/">',
            "iraqoilreport.com",
            "https://www.iraqoilreport.com/news/rawa/",
        ),
    ],
    ids=["og-site-name", "og-url-domain", "canonical-domain"],
)
def test_outlet_from_site_name_else_the_domain(head: str, outlet: str, url: str | None) -> None:
    report = parse_html(page(head + '<meta name="date" content="2017-11-17">', ARTICLE), "rawa.html")
    assert (report.outlet, report.url) == (outlet, url)


def test_without_article_or_main_the_largest_block_of_paragraphs_is_the_text() -> None:
    body = (
        '<div class="menu"><p>Home</p><p>World</p></div>'
        '<div class="story"><p>Iraqi forces entered Rawa on Friday.</p><p>It was the last town held by IS.</p></div>'
        '<div class="footer-links"><p>About us</p></div>'
    )
    report = parse_html(page('<meta name="date" content="2017-11-17">', body), "rawa.html")
    assert report.text == "Iraqi forces entered Rawa on Friday.\n\nIt was the last town held by IS."


def test_main_is_used_when_there_is_no_article() -> None:
    body = "<p>Breaking news ticker</p><main><p>Iraqi forces entered Rawa.</p></main>"
    assert (
        parse_html(page('<meta name="date" content="2017-11-17">', body), "rawa.html").text
        == "Iraqi forces entered Rawa."
    )


def test_an_arabic_page_in_windows_1256_decodes_through_its_meta_charset() -> None:
    raw = (
        '<html lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        '<meta name="date" content="2017-11-17"></head><body><article><p>دخلت القوات العراقية قضاء راوة.</p>'
        "</article></body></html>"
    ).encode("windows-1256")
    report = parse_html(raw, "rawa-ar.html")
    assert (report.text, report.language) == ("دخلت القوات العراقية قضاء راوة.", "ar")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (
            RAWA_PAGE[: RAWA_PAGE.index(b"from three sides")],
            "truncated HTML: no closing </html> and the last paragraph",
        ),
        (RAWA_PAGE[: RAWA_PAGE.index(b"<body>")], "truncated HTML: the page ends before any article text"),
        (
            page('<meta name="date" content="2017-11-17">', "<div id='app'></div><script>render()</script>"),
            "no article text found",
        ),
    ],
    ids=["cut-mid-paragraph", "cut-in-head", "script-shell"],
)
def test_truncated_or_empty_pages_are_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_html(raw, "pages/rawa.html")
    assert caught.value.origin == "pages/rawa.html"
    assert caught.value.reason.startswith(reason)
    assert caught.value.hint


def test_a_page_without_closing_html_whose_last_paragraph_is_finished_is_read() -> None:
    raw = page('<meta name="date" content="2017-11-17">', ARTICLE, end="")
    assert parse_html(raw, "rawa.html").text.endswith("held by IS.")


def test_a_page_without_any_date_is_read_undated() -> None:
    report = parse_html(page("<title>Rawa</title>", ARTICLE), "rawa.html")
    assert (report.published, report.published_precision, report.published_source) == (None, None, "unknown")
    assert report.text.startswith("Iraqi forces entered Rawa")


def test_a_fallback_date_is_used_only_when_the_page_has_none() -> None:
    assert parse_html(page("", ARTICLE), "rawa.html", published=date(2017, 11, 18)).published == date(
        2017, 11, 18
    )


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>Iraqi forces entered Rawa.</p><p>IS fled.</p>", "Iraqi forces entered Rawa.\n\nIS fled."),
        ("Iraqi forces entered Rawa.<br><br>IS fled.", "Iraqi forces entered Rawa.\n\nIS fled."),
        ("Plain text &amp; no markup", "Plain text & no markup"),
        ("<p>Kept</p><script>dropped()</script>", "Kept"),
    ],
)
def test_html_fragments_become_paragraphs_of_text(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text
