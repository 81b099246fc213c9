"""RSS and Atom feeds: one report per item; no network unless asked."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_samples import ATOM_FEED, RAWA_PAGE, RSS_FEED

from frontlines.errors import BadInput
from frontlines.ingest.feeds import fetch_url, parse_feed
from frontlines.model import IngestProblem, Report


def item_bytes(feed: bytes, tag: bytes, number: int) -> bytes:
    """The exact bytes of the number-th <tag>...</tag> in a feed."""
    start = -1
    for _ in range(number):
        start = feed.index(b"<" + tag + b">", start + 1)
    return feed[start : feed.index(b"</" + tag + b">", start) + len(tag) + 3]


def test_rss_items_become_reports() -> None:
    first, second = parse_feed(RSS_FEED, "feeds/k24.xml")
    assert first == Report(
        outlet="Kurdistan 24",
        title="Iraqi forces retake Qaim from Islamic State",
        published=date(2017, 11, 3),
        text="Iraqi forces retook the border town of al-Qaim on Friday.\n\nThe town lies on the Euphrates near Syria.",
        raw=item_bytes(RSS_FEED, b"item", 1),
        url="https://www.kurdistan24.net/en/news/qaim",
        language="en",
        origin="feeds/k24.xml#item-1",
    )
    assert isinstance(second, Report)
    assert (second.outlet, second.text, second.origin) == (
        "Iraqi News",
        "Iraqi forces recaptured the Akkas gas field.",
        "feeds/k24.xml#item-2",
    )


def test_atom_entries_become_reports() -> None:
    first, second = parse_feed(ATOM_FEED, "musings.atom")
    assert first == Report(
        outlet="Musings on Iraq",
        title="Security in Iraq, Nov 1-7 & Anbar",
        published=date(2017, 11, 8),
        text="There were 45 incidents in Iraq.\n\nAnbar was quiet after Rawa fell.",
        raw=item_bytes(ATOM_FEED, b"entry", 1),
        url="http://musingsoniraq.blogspot.com/2017/11/security-in-iraq.html",
        language="en",
        origin="musings.atom#item-1",
    )
    assert isinstance(second, Report)
    assert (second.outlet, second.published, second.text, second.url) == (
        "Shafaq News",
        date(2017, 10, 16),
        "Clashes broke out south of Kirkuk.",
        "https://shafaq.com/en/kirkuk",
    )


def test_an_item_without_text_is_a_problem_and_one_without_a_date_is_kept_undated() -> None:
    feed = RSS_FEED.replace(b"<pubDate>Fri, 03 Nov 2017 14:05:00 +0300</pubDate>", b"")
    feed = feed.replace(
        b"<content:encoded><![CDATA[<p>Iraqi forces recaptured the Akkas gas field.</p>]]></content:encoded>",
        b"",
    )
    first, second = parse_feed(feed, "k24.xml")
    assert isinstance(first, Report) and first.origin == "k24.xml#item-1"
    assert (first.published, first.published_source) == (None, "unknown")
    assert isinstance(second, IngestProblem)
    assert (second.origin, second.reason) == (
        "k24.xml#item-2",
        "item has no text (no description or content)",
    )
    assert "--fetch" in second.hint


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (RSS_FEED[: RSS_FEED.index(b"<source")], "broken feed: not well-formed XML at line"),
        (
            b'<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>',
            "not an RSS or Atom feed",
        ),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
            "feed has no items",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY boom "boom">]><rss><channel><item>'
            b"<title>&boom;</title></item></channel></rss>",
            "feed refused: it declares XML entities",
        ),
    ],
    ids=["cut-off", "sitemap", "no-items", "entity-declaration"],
)
def test_a_broken_feed_is_refused_whole(raw: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_feed(raw, "feeds/k24.xml")
    assert caught.value.origin == "feeds/k24.xml"
    assert caught.value.reason.startswith(reason)
    assert caught.value.hint


def test_nothing_is_fetched_by_default() -> None:
    def fail(url: str) -> bytes:
        raise AssertionError(f"fetched {url}")

    assert all(isinstance(item, Report) for item in parse_feed(RSS_FEED, "k24.xml", fetcher=fail))


class ArticleServer(BaseHTTPRequestHandler):
    """Serves the Rawa article at /rawa, a cut-off copy at /cut, and 404 elsewhere."""

    def do_GET(self) -> None:
        body = {"/rawa": RAWA_PAGE, "/cut": RAWA_PAGE[:700]}.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ArticleServer)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def feed_linking(*links: str) -> bytes:
    items = "".join(
        f"<item><title>Item {number}</title><link>{link}</link><pubDate>Sat, 18 Nov 2017 08:00:00 GMT</pubDate></item>"
        for number, link in enumerate(links, start=1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Rudaw</title>{items}</channel></rss>'.encode()


def test_fetch_reads_each_linked_page_and_keeps_the_item_metadata(server: str) -> None:
    (report,) = parse_feed(feed_linking(f"{server}/rawa"), "rudaw.xml", fetch=True)
    assert isinstance(report, Report)
    assert report.text.startswith("Iraqi forces entered the town of Rawa on Friday,")
    assert (report.title, report.published, report.url, report.raw, report.origin) == (
        "Item 1",
        date(2017, 11, 18),
        f"{server}/rawa",
        RAWA_PAGE,
        "rudaw.xml#item-1",
    )


def test_a_failed_fetch_is_a_problem_for_that_item_alone(server: str) -> None:
    results = list(
        parse_feed(feed_linking(f"{server}/gone", f"{server}/cut", f"{server}/rawa"), "rudaw.xml", fetch=True)
    )
    gone, cut, rawa = results
    assert isinstance(gone, IngestProblem)
    assert (gone.origin, gone.reason) == (
        "rudaw.xml#item-1",
        f"could not fetch {server}/gone: HTTP 404 Not Found",
    )
    assert isinstance(cut, IngestProblem)
    assert cut.origin == "rudaw.xml#item-2"
    assert cut.reason.startswith(f"linked page {server}/cut: truncated HTML")
    assert isinstance(rawa, Report)


def test_fetch_refuses_a_page_over_the_size_limit(server: str) -> None:
    with pytest.raises(BadInput, match="too large"):
        fetch_url(f"{server}/rawa", max_bytes=100)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "/relative/path"])
def test_fetch_only_follows_http_links(url: str) -> None:
    with pytest.raises(BadInput, match="not an http"):
        fetch_url(url)
