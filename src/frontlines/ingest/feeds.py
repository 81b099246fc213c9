"""RSS 2.0 (and 1.0) and Atom feeds: each item → a Report.

Parsed with defusedxml: no entity expansion, no external references. The
outlet is the item's <source> when it has one, else the channel or feed title.
Text is the item's content (content:encoded, Atom <content>), else its
description / summary, with HTML reduced to paragraphs. ``raw`` is the item's
own XML, as UTF-8 bytes. Nothing is fetched unless ``fetch=True``; then each
item's link is fetched and read as an article page, and a failure becomes an
IngestProblem for that item alone. The author is the item's <author> (Atom: its
<name>) or <dc:creator>, else a "By NAME" line at the top of the text.
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, replace
from functools import partial
from urllib.parse import urlsplit
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from frontlines import _version
from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput
from frontlines.ingest.bylines import byline, byline_in_text
from frontlines.ingest.decode import decode_bytes, read_limited, too_large
from frontlines.ingest.fields import language_of, tidy
from frontlines.ingest.html import parse_html
from frontlines.ingest.htmltext import html_to_text
from frontlines.ingest.outlets import canonical_outlet, domain_of
from frontlines.ingest.published import DateHint, declared_date, publication_date
from frontlines.model import IngestProblem, Report

Fetcher = Callable[[str], bytes]

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

FETCH_TIMEOUT_S = 20.0
USER_AGENT = f"frontlines/{_version.__version__} (+https://github.com/frontlines)"
FETCH_HINT = "check the link, or save the page and ingest the saved file"
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def parse_feed(
    raw: bytes,
    origin: str,
    *,
    fetch: bool = False,
    fetcher: Fetcher | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    dates: DateHint | None = None,
) -> Iterator[Report | IngestProblem]:
    """Parse the whole feed now (BadInput if it is broken); read its items lazily.

    Items are numbered from 1: the second item's origin is ``origin#item-2``.
    ``fetcher`` replaces :func:`fetch_url` (tests pass a fake).
    """
    text = decode_bytes(raw, origin, max_bytes=max_bytes, declared=_xml_encoding(raw))
    buffer = text.encode("utf-8")
    root, spans = _parse_xml(buffer, origin)
    feed = _feed_of(root, origin)
    if not feed.items:
        raise BadInput(
            origin,
            "feed has no items",
            "check that the file is the feed itself and that it was saved completely",
        )
    if fetch and fetcher is None:
        fetcher = partial(fetch_url, max_bytes=max_bytes)
    return _reports(feed, buffer, spans, origin, fetcher if fetch else None, max_bytes, dates)


def fetch_url(url: str, *, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """GET an http(s) URL, at most ``max_bytes``; BadInput (origin = the URL) on any failure."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise BadInput(url, f"cannot fetch {url!r}: not an http(s) link", FETCH_HINT)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise too_large(url, int(length), max_bytes)
            return read_limited(response, url, max_bytes=max_bytes)
    except urllib.error.HTTPError as error:
        raise BadInput(url, f"could not fetch {url}: HTTP {error.code} {error.reason}", FETCH_HINT) from None
    except urllib.error.URLError as error:
        raise BadInput(url, f"could not fetch {url}: {error.reason}", FETCH_HINT) from None
    except TimeoutError:
        raise BadInput(url, f"could not fetch {url}: no answer within {timeout:g} s", FETCH_HINT) from None
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise BadInput(url, f"could not fetch {url}: {error or type(error).__name__}", FETCH_HINT) from None


@dataclass
class _Feed:
    kind: str  # "rss" or "atom"
    ns: str  # the namespace of the item elements: "", RSS1 or ATOM
    title: str
    link: str | None
    language: str | None
    items: list[ElementTree.Element]


@dataclass
class _Item:
    title: str
    link: str | None
    date_value: str | None
    text: str
    source: str | None
    author: str | None = None


class _SpanBuilder(ElementTree.TreeBuilder):
    """A tree builder that remembers where each item starts and ends in the input."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.spans: dict[ElementTree.Element, tuple[int, int]] = {}
        self._starts: list[int] = []

    def start(self, tag: str, attrs: dict[str, str]) -> ElementTree.Element:
        self._starts.append(self._position())
        return super().start(tag, attrs)

    def end(self, tag: str) -> ElementTree.Element:
        element = super().end(tag)
        start = self._starts.pop()
        if tag.rpartition("}")[2] in ("item", "entry"):
            self.spans[element] = (start, self._position())
        return element

    def _position(self) -> int:
        assert self.parser is not None
        return int(self.parser.parser.CurrentByteIndex)


def _parse_xml(
    buffer: bytes, origin: str
) -> tuple[ElementTree.Element, dict[ElementTree.Element, tuple[int, int]]]:
    builder = _SpanBuilder()
    parser = DefusedXMLParser(target=builder, encoding="utf-8")
    builder.parser = parser
    try:
        parser.feed(buffer)
        root = parser.close()
    except ElementTree.ParseError as error:
        line, column = error.position
        raise BadInput(
            origin,
            f"broken feed: not well-formed XML at line {line}, column {column + 1}",
            "the feed was cut off or is not XML; download it again",
        ) from None
    except DefusedXmlException as error:
        raise BadInput(
            origin,
            f"feed refused: it declares XML entities or external references ({type(error).__name__})",
            "feeds must not use DTD entities; save the feed from its publisher again",
        ) from None
    # End offsets point at the end tag's "<"; extend each span past its ">".
    spans = {element: (start, buffer.index(b">", end) + 1) for element, (start, end) in builder.spans.items()}
    return root, spans


def _feed_of(root: ElementTree.Element, origin: str) -> _Feed:
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise BadInput(origin, "broken feed: <rss> without a <channel>", "download the feed again")
        return _Feed(
            "rss", "", _child_text(channel, "title"), _child_text(channel, "link") or None,
            _child_text(channel, "language") or _child_text(channel, DC + "language") or None,
            channel.findall("item"),
        )  # fmt: skip
    if root.tag == RDF:
        channel = root.find(RSS1 + "channel")
        base = channel if channel is not None else root
        return _Feed(
            "rss", RSS1, _child_text(base, RSS1 + "title"), _child_text(base, RSS1 + "link") or None,
            _child_text(base, DC + "language") or None, root.findall(RSS1 + "item"),
        )  # fmt: skip
    if root.tag == ATOM + "feed":
        return _Feed(
            "atom", ATOM, _atom_text(root.find(ATOM + "title")), _atom_link(root),
            root.get(XML_LANG), root.findall(ATOM + "entry"),
        )  # fmt: skip
    raise BadInput(
        origin,
        f"not an RSS or Atom feed (its root element is <{root.tag.rpartition('}')[2]}>)",
        "give an RSS 2.0 or Atom feed; other XML is not read",
    )


def _reports(
    feed: _Feed,
    buffer: bytes,
    spans: dict[ElementTree.Element, tuple[int, int]],
    origin: str,
    fetcher: Fetcher | None,
    max_bytes: int,
    dates: DateHint | None,
) -> Iterator[Report | IngestProblem]:
    for number, element in enumerate(feed.items, start=1):
        item_origin = f"{origin}#item-{number}"
        start, end = spans[element]
        try:
            yield _report(feed, element, buffer[start:end], item_origin, fetcher, max_bytes, dates)
        except BadInput as error:
            yield IngestProblem(error.origin, error.reason, error.hint)


def _report(
    feed: _Feed,
    element: ElementTree.Element,
    raw: bytes,
    origin: str,
    fetcher: Fetcher | None,
    max_bytes: int,
    dates: DateHint | None,
) -> Report:
    item = _atom_item(element) if feed.kind == "atom" else _rss_item(element, feed.ns)
    declared = declared_date(item.date_value, origin, field="item", form="an RFC 822 date (pubDate)")
    outlet_name = item.source or feed.title or domain_of(item.link) or domain_of(feed.link) or ""
    outlet = canonical_outlet(outlet_name) if outlet_name else ""
    if fetcher is not None and item.link:
        page = _fetch(fetcher, item.link, origin)
        try:
            report = parse_html(page, origin, url=item.link, max_bytes=max_bytes, dates=dates)
        except BadInput as error:
            raise BadInput(origin, f"linked page {item.link}: {error.reason}", error.hint) from None
        report = replace(
            report, title=item.title or report.title, outlet=outlet or report.outlet, url=item.link, author=item.author or report.author
        )
        if declared is None:
            return report
        return replace(
            report,
            published=declared.day,
            published_precision=declared.precision,
            published_source=declared.source,
            published_inferred=False,
        )
    if not item.text:
        raise BadInput(
            origin,
            "item has no text (no description or content)",
            "read the linked pages with fetch=True (--fetch), or save the articles themselves",
        )
    when = publication_date(declared=declared, hint=dates, url=item.link, title=item.title, body=item.text)
    return Report(
        outlet=outlet,
        title=item.title,
        text=item.text,
        raw=raw,
        url=item.link,
        language=language_of(feed.language, item.text),
        origin=origin,
        published=when.day,
        published_precision=when.precision,
        published_source=when.source,
        published_inferred=when.inferred,
        author=item.author or byline_in_text(item.text),
    )


def _fetch(fetcher: Fetcher, url: str, origin: str) -> bytes:
    try:
        return fetcher(url)
    except BadInput as error:
        raise BadInput(origin, error.reason, error.hint) from None
    except (OSError, ValueError) as error:
        raise BadInput(origin, f"could not fetch {url}: {error}", FETCH_HINT) from None


def _rss_item(item: ElementTree.Element, ns: str) -> _Item:
    link = _child_text(item, ns + "link")
    guid = item.find(ns + "guid")
    if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
        link = tidy(guid.text) if tidy(guid.text).startswith(("http://", "https://")) else ""
    body = _child_text(item, CONTENT_ENCODED, collapse=False) or _child_text(
        item, ns + "description", collapse=False
    )
    return _Item(
        title=_plain(_child_text(item, ns + "title")),
        link=link or None,
        date_value=_child_text(item, ns + "pubDate") or _child_text(item, DC + "date") or None,
        text=html_to_text(body) if body else "",
        source=_child_text(item, ns + "source") or None,
        author=byline(_child_text(item, ns + "author")) or byline(_child_text(item, DC + "creator")),
    )


def _atom_item(entry: ElementTree.Element) -> _Item:
    source = entry.find(ATOM + "source")
    content = entry.find(ATOM + "content")
    if content is None or content.get("src"):
        content = entry.find(ATOM + "summary")
    return _Item(
        title=_atom_text(entry.find(ATOM + "title")),
        link=_atom_link(entry),
        date_value=_child_text(entry, ATOM + "published") or _child_text(entry, ATOM + "updated") or None,
        text=_atom_text(content, paragraphs=True),
        source=_atom_text(source.find(ATOM + "title")) if source is not None else None,
        author=byline(_child_text(author, ATOM + "name")) if (author := entry.find(ATOM + "author")) is not None else None,
    )


def _atom_text(element: ElementTree.Element | None, *, paragraphs: bool = False) -> str:
    """An Atom text construct (type text, html or xhtml) as plain text."""
    if element is None:
        return ""
    kind = element.get("type", "text").lower()
    if kind == "xhtml":
        text = html_to_text("".join(_without_namespaces(child) for child in element))
    elif kind in ("html", "text/html"):
        text = html_to_text(element.text or "")
    else:
        text = (element.text or "").strip()
    return text if paragraphs else _plain(text)


def _without_namespaces(element: ElementTree.Element) -> str:
    """XHTML content serialised with bare tag names, so the HTML reader sees <p>, not <html:p>."""
    copy = deepcopy(element)
    for node in copy.iter():
        if isinstance(node.tag, str):
            node.tag = node.tag.rpartition("}")[2]
    return ElementTree.tostring(copy, encoding="unicode")


def _atom_link(element: ElementTree.Element) -> str | None:
    for link in element.findall(ATOM + "link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href", "").strip()
    return None


def _child_text(element: ElementTree.Element, tag: str, *, collapse: bool = True) -> str:
    child = element.find(tag)
    if child is None or child.text is None:
        return ""
    return tidy(child.text) if collapse else child.text.strip()


def _plain(text: str) -> str:
    """One line of text; markup or leftover entities (double-escaped feeds) resolved."""
    if "<" in text or "&" in text:
        text = html_to_text(text)
    return tidy(text)


def _xml_encoding(raw: bytes) -> str | None:
    match = _XML_ENCODING.match(raw.removeprefix(b"\xef\xbb\xbf").lstrip()[:200])
    return match.group(1).decode("ascii") if match else None
