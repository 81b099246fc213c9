"""An HTML article page → Report.

Text: the paragraphs of the <article> (the one with the most text), else of
<main>, else the largest block of sibling <p> elements; scripts, navigation,
headers, footers, asides and forms are left out; paragraphs are joined by
blank lines. Metadata comes from the page's own tags, in the order below; the author from
``AUTHOR_SOURCES``, else a "By NAME" line at the top of the article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput
from frontlines.ingest.bylines import byline, byline_in_text
from frontlines.ingest.decode import decode_bytes
from frontlines.ingest.fields import language_of, tidy
from frontlines.ingest.htmltext import Element, block_texts, paragraph_text, parse_tree
from frontlines.ingest.outlets import canonical_outlet, domain_of
from frontlines.ingest.published import DateHint, Published, publication_date
from frontlines.model import Report

DATE_SOURCES = (
    "<meta property=article:published_time>, <meta name=date|pubdate|DC.date.issued>, "
    "JSON-LD datePublished, <time datetime>"
)
AUTHOR_SOURCES = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
_META_DATE_NAMES = ("date", "pubdate", "dc.date.issued", "publishdate", "publish-date")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# A paragraph that ends like this was finished; anything else at the end of a
# page with no </html> was cut off.
_FINISHED = tuple(".!?…؟۔\"'”’»)]:")


def parse_html(
    raw: bytes,
    origin: str,
    *,
    url: str | None = None,
    published: date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    dates: DateHint | None = None,
) -> Report:
    """Read one saved or fetched article page.

    ``url`` is where the page came from (used when it names no canonical URL);
    ``published`` is a fallback date for pages that carry none (a feed item's);
    ``dates`` what the command line says (``--published``, ``--year``). The date
    comes from the sources of :mod:`frontlines.ingest.published` in their order:
    ``--published``, the page's metadata (``DATE_SOURCES``), the feed's date, the
    URL, a "Posted ..." line, the text; a page with none is still read.
    Raises BadInput for a page with no article text or a truncated page.
    """
    text = decode_bytes(raw, origin, max_bytes=max_bytes, declared=_declared_charset(raw))
    tree = parse_tree(text)
    paragraphs = article_paragraphs(tree)
    complete = "</html" in text.lower()
    if not paragraphs:
        if not complete:
            raise BadInput(
                origin,
                "truncated HTML: the page ends before any article text and has no closing </html>",
                "the download was cut off; save the complete page again",
            )
        raise BadInput(
            origin,
            "no article text found (no paragraphs in <article>, <main> or <body>)",
            "save the article page itself, not a front page, a listing or a script-only shell",
        )
    last = paragraphs[-1]
    if not complete and not last.endswith(_FINISHED):
        raise BadInput(
            origin,
            "truncated HTML: no closing </html> and the last paragraph stops mid-sentence"
            f" ('…{' '.join(last.split()[-6:])}')",
            "the download was cut off; save the complete page again",
        )
    metas = _metas(tree)
    page_url = _link(tree, "canonical") or metas.get("og:url") or url
    body = "\n\n".join(paragraphs)
    title = _title(tree, metas)
    when = publication_date(
        declared=None,
        hint=dates,
        metadata=_date_candidates(tree, metas),
        fallback=Published(published, "day", "feed") if published else None,
        url=page_url,
        title=title,
        body=body,
    )
    html_element = tree.find("html")
    declared_language = (
        (html_element.attrs.get("lang") if html_element else None)
        or metas.get("content-language")
        or metas.get("og:locale")
    )
    return Report(
        outlet=_outlet(metas, tree, url),
        title=title,
        text=body,
        raw=raw,
        url=page_url,
        language=language_of(declared_language, body),
        origin=origin,
        published=when.day,
        published_precision=when.precision,
        published_source=when.source,
        published_inferred=when.inferred,
        author=next(filter(None, (byline(metas.get(name)) for name in AUTHOR_SOURCES)), None) or byline_in_text(body),
    )


def article_paragraphs(tree: Element) -> list[str]:
    """The article's paragraphs, as described in the module docstring."""
    for tag in ("article", "main"):
        containers = [element for element in tree.iter(tag) if not element.is_dropped()]
        best = max(containers, key=lambda element: sum(map(len, _paragraphs(element))), default=None)
        if best is not None:
            paragraphs = _paragraphs(best) or block_texts(best)
            if paragraphs:
                return paragraphs
    blocks: dict[int, list[str]] = {}
    for element in tree.iter("p"):
        if element.parent is not None and not element.is_dropped():
            text = paragraph_text(element)
            if text:
                blocks.setdefault(id(element.parent), []).append(text)
    return max(blocks.values(), key=lambda texts: sum(map(len, texts)), default=[])


def _paragraphs(container: Element) -> list[str]:
    texts = (paragraph_text(p) for p in container.iter("p") if not p.is_dropped())
    return [text for text in texts if text]


def _metas(tree: Element) -> dict[str, str]:
    """<meta> values by lower-cased property / name / itemprop / http-equiv; the first one wins."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.attrs.get("content")
        if content is None:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = meta.attrs.get(key)
            if name:
                found.setdefault(name.strip().lower(), content.strip())
    return found


def _link(tree: Element, rel: str) -> str | None:
    for link in tree.iter("link"):
        if rel in link.attrs.get("rel", "").lower().split() and link.attrs.get("href"):
            return link.attrs["href"].strip()
    return None


def _date_candidates(tree: Element, metas: dict[str, str]) -> Iterator[str]:
    for key in ("article:published_time", *_META_DATE_NAMES, "datepublished"):
        if metas.get(key):
            yield metas[key]
    for script in tree.iter("script"):
        if script.attrs.get("type", "").strip().lower() == "application/ld+json":
            try:
                data = json.loads(script.raw_text(), strict=False)
            except (ValueError, RecursionError):
                continue
            yield from _json_ld_dates(data)
    for time in tree.iter("time"):
        value = time.attrs.get("datetime")
        if value:
            yield value


def _json_ld_dates(data: object) -> Iterator[str]:
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                yield value
            stack.extend(value for value in node.values() if isinstance(value, (dict, list)))


def _title(tree: Element, metas: dict[str, str]) -> str:
    if metas.get("og:title"):
        return tidy(metas["og:title"])
    title = tree.find("title")
    if title is not None and tidy(title.raw_text()):
        return tidy(title.raw_text())
    heading = tree.find("h1")
    return paragraph_text(heading).replace("\n", " ") if heading is not None else ""


def _outlet(metas: dict[str, str], tree: Element, url: str | None) -> str:
    if metas.get("og:site_name"):
        return canonical_outlet(metas["og:site_name"])
    for candidate in (metas.get("og:url"), _link(tree, "canonical"), url):
        host = domain_of(candidate)
        if host:
            return canonical_outlet(host)
    return ""


def _declared_charset(raw: bytes) -> str | None:
    match = _CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii") if match else None
