"""The report file: ``key: value`` header lines, a blank line, then the body.

    url: https://www.iraqinews.com/iraq-war/iraqi-forces-retake-akkas/
    title: Iraqi forces retake Akkas gas field
    outlet: Iraqi News
    published: 2017-10-31
    language: en
    author: Ali Karim

    Body text...

``published`` may be a day, a month (``2017-10``), a year (``2017``) or ``unknown``; when the
header gives none, the date is looked for as :mod:`frontlines.ingest.published` says (the command
line's ``--published``/``--year``, the URL, a dateline, the text), and a report with no date at all is
still read. ``outlet`` falls back to the URL's domain; ``language`` to a guess from the body (``ar``
for Arabic script, else ``en``); ``author`` (or ``byline``) to a "By NAME" line at the top of the
body. Other header keys are allowed and ignored.
"""

from __future__ import annotations

import re

from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput
from frontlines.ingest.bylines import byline, byline_in_text
from frontlines.ingest.decode import decode_bytes
from frontlines.ingest.fields import language_of, tidy
from frontlines.ingest.outlets import canonical_outlet, domain_of
from frontlines.ingest.published import DateHint, declared_date, publication_date
from frontlines.model import Report

HEADER_KEYS = ("url", "title", "outlet", "published", "language", "author", "byline")
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*)")


def parse_report_file(
    raw: bytes, origin: str, *, max_bytes: int = MAX_INPUT_BYTES, dates: DateHint | None = None
) -> Report:
    """Read one report file. ``text`` is the body exactly as in the file (newlines as LF).

    ``dates`` is what the command line says about publication dates (``--published``, ``--year``).
    """
    text = decode_bytes(raw, origin, max_bytes=max_bytes)
    headers, body = split_header(text, origin)
    if not body.strip():
        raise BadInput(
            origin,
            "no body text after the header",
            "put the article text after the header lines and one blank line",
        )
    url = headers.get("url") or None
    title = headers.get("title", "")
    when = publication_date(
        declared=declared_date(headers.get("published"), origin), hint=dates, url=url, title=title, body=body
    )
    outlet = headers.get("outlet") or domain_of(url) or ""
    return Report(
        outlet=canonical_outlet(outlet) if outlet else "",
        title=title,
        text=body,
        raw=raw,
        url=url,
        language=language_of(headers.get("language"), body),
        origin=origin,
        published=when.day,
        published_precision=when.precision,
        published_source=when.source,
        published_inferred=when.inferred,
        author=byline(headers.get("author") or headers.get("byline")) or byline_in_text(body),
    )


def split_header(text: str, origin: str) -> tuple[dict[str, str], str]:
    """Header values by lower-cased key, and the body after the first blank line.

    A file whose first line is not a known ``key: value`` header has no header:
    all of it is body. Inside a header, every line up to the blank line must be
    ``key: value``.
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    first = _HEADER_LINE.fullmatch(lines[start].strip()) if start < len(lines) else None
    if first is None or first.group("key").lower() not in HEADER_KEYS:
        return {}, text
    headers: dict[str, str] = {}
    end = start
    while end < len(lines) and lines[end].strip():
        match = _HEADER_LINE.fullmatch(lines[end].strip())
        if match is None:
            raise BadInput(
                origin,
                f"header line {end + 1} is not 'key: value': {tidy(lines[end])[:60]!r}",
                "leave one blank line between the header and the body; each header line is 'key: value'",
            )
        headers.setdefault(match.group("key").lower(), tidy(match.group("value")))
        end += 1
    return headers, "\n".join(lines[end + 1 :])
