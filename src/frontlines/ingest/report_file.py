"""The report file: ``key: value`` header lines, a blank line, then the body.

    url: https://www.iraqinews.com/iraq-war/iraqi-forces-retake-akkas/
    title: Iraqi forces retake Akkas gas field
    outlet: Iraqi News
    published: 2017-10-31
    language: en

    Body text...

``published`` is required; ``outlet`` falls back to the URL's domain;
``language`` to a guess from the body (``ar`` for Arabic script, else ``en``).
Other header keys are allowed and ignored.
"""

from __future__ import annotations

import re

from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput
from frontlines.ingest.decode import decode_bytes
from frontlines.ingest.fields import PUBLISHED_FORMS, language_of, parse_published, tidy
from frontlines.ingest.infer_date import infer_published
from frontlines.ingest.outlets import canonical_outlet, domain_of
from frontlines.model import Report

HEADER_KEYS = ("url", "title", "outlet", "published", "language")
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*)")
PUBLISHED_HINT = 'add a header line "published: YYYY-MM-DD" above the blank line that starts the body'


def parse_report_file(raw: bytes, origin: str, *, max_bytes: int = MAX_INPUT_BYTES) -> Report:
    """Read one report file. ``text`` is the body exactly as in the file (newlines as LF)."""
    text = decode_bytes(raw, origin, max_bytes=max_bytes)
    headers, body = split_header(text, origin)
    if not body.strip():
        raise BadInput(
            origin,
            "no body text after the header",
            "put the article text after the header lines and one blank line",
        )
    published_value = headers.get("published", "")
    inferred = False
    if not published_value:
        published_from_text = infer_published(headers.get("title", ""), body)
        if published_from_text is None:
            raise BadInput(origin, "missing published date (and no full date in the text)", PUBLISHED_HINT)
        published_value, inferred = published_from_text.isoformat(), True
    published = parse_published(published_value)
    if published is None:
        raise BadInput(
            origin,
            f"unreadable published date {published_value!r} (expected {PUBLISHED_FORMS})",
            'write it as "published: YYYY-MM-DD"',
        )
    url = headers.get("url") or None
    outlet = headers.get("outlet") or domain_of(url) or ""
    return Report(
        outlet=canonical_outlet(outlet) if outlet else "",
        title=headers.get("title", ""),
        published=published,
        text=body,
        raw=raw,
        url=url,
        language=language_of(headers.get("language"), body),
        origin=origin,
        published_inferred=inferred,
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
