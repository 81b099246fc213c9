"""JSON Lines: one report per line.

    {"url": "...", "title": "...", "outlet": "Iraqi News", "published": "2017-10-31",
     "language": "en", "text": "Iraqi forces retook ..."}

``text`` is required; ``author`` (or ``byline``) names who wrote it; the other fields may be missing or null. ``published`` is a
day, a month, a year or "unknown"; without one the date is looked for as
:mod:`frontlines.ingest.published` says. A bad line becomes an IngestProblem for ``file.jsonl:LINE`` and the lines
after it are still read. Blank lines are skipped. ``raw`` is the line's bytes
without its line ending.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator

from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput
from frontlines.ingest.bylines import byline, byline_in_text
from frontlines.ingest.decode import check_bytes, decode_bytes, unstorable_character
from frontlines.ingest.fields import language_of, tidy
from frontlines.ingest.outlets import canonical_outlet, domain_of
from frontlines.ingest.published import DateHint, declared_date, publication_date
from frontlines.model import IngestProblem, Report

OPTIONAL_FIELDS = ("url", "title", "outlet", "language", "author", "byline")


def parse_jsonl(
    raw: bytes, origin: str, *, max_bytes: int = MAX_INPUT_BYTES, dates: DateHint | None = None
) -> Iterator[Report | IngestProblem]:
    """Check the whole file now (size, binary, empty); read its lines lazily."""
    check_bytes(raw, origin, max_bytes=max_bytes)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = decode_bytes(raw, origin, max_bytes=max_bytes).encode("utf-8")
    raw = raw.removeprefix(codecs.BOM_UTF8)
    if not raw.strip():
        raise BadInput(origin, "empty file", "the file holds no lines; check that it was saved completely")
    if _is_one_json_document(raw):
        raise BadInput(
            origin,
            "one JSON document spread over several lines, not JSON Lines",
            "write one report object per line (jq -c '.[]' turns a JSON list into lines)",
        )
    return _records(raw, origin, max_bytes, dates)


def parse_jsonl_line(
    line: bytes, origin: str, *, max_bytes: int = MAX_INPUT_BYTES, dates: DateHint | None = None
) -> Report:
    """One line (without its line ending) → Report, or BadInput naming what is wrong."""
    text = decode_bytes(line, origin, max_bytes=max_bytes)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            origin,
            f"not valid JSON: {error.msg} (column {error.colno})",
            "fix or remove the line; each line must be one complete JSON object",
        ) from None
    except RecursionError:
        raise BadInput(
            origin, "not valid JSON: nested too deeply", "each line must be one flat JSON object"
        ) from None
    if not isinstance(record, dict):
        raise BadInput(
            origin,
            f"a JSON {type(record).__name__}, not an object",
            'make the line an object: {"published": "...", "text": "...", ...}',
        )
    fields = {name: _string(record, name, origin) for name in (*OPTIONAL_FIELDS, "published", "text")}
    if not fields["text"] or not fields["text"].strip():
        raise BadInput(origin, 'missing "text"', 'give each line a "text" field with the article body')
    for name, value in fields.items():
        _refuse_unstorable(value, name, origin)
    body = fields["text"].replace("\r\n", "\n").replace("\r", "\n")
    url = tidy(fields["url"]) or None
    title = tidy(fields["title"])
    declared = declared_date(fields["published"], origin, field='"published"', form='"published": "YYYY-MM-DD"')
    when = publication_date(declared=declared, hint=dates, url=url, title=title, body=body)
    outlet = tidy(fields["outlet"]) or domain_of(url) or ""
    return Report(
        outlet=canonical_outlet(outlet) if outlet else "",
        title=title,
        text=body,
        raw=line,
        url=url,
        language=language_of(fields["language"], body),
        origin=origin,
        published=when.day,
        published_precision=when.precision,
        published_source=when.source,
        published_inferred=when.inferred,
        author=byline(fields["author"] or fields["byline"]) or byline_in_text(body),
    )


def _records(
    raw: bytes, origin: str, max_bytes: int, dates: DateHint | None
) -> Iterator[Report | IngestProblem]:
    for number, line in enumerate(raw.split(b"\n"), start=1):
        line = line.removesuffix(b"\r")
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            yield parse_jsonl_line(line, line_origin, max_bytes=max_bytes, dates=dates)
        except BadInput as error:
            yield IngestProblem(error.origin, error.reason, error.hint)


def _is_one_json_document(raw: bytes) -> bool:
    """A pretty-printed .json file: its first line is no JSON object, the whole file is JSON."""
    first = raw.lstrip().split(b"\n", 1)[0].strip()
    try:
        json.loads(first)
        return False
    except (ValueError, RecursionError):
        pass
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def _string(record: dict[str, object], name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise BadInput(
        origin,
        f'"{name}" must be a string, not {type(value).__name__} {json.dumps(value)[:40]}',
        f'quote the value: "{name}": "..."',
    )


def _refuse_unstorable(value: str | None, name: str, origin: str) -> None:
    """JSON escapes can spell what no database stores: a lone surrogate (\\ud800) or NUL (\\u0000)."""
    problem = unstorable_character(value or "")
    if problem:
        raise BadInput(
            origin,
            f'"{name}" holds {problem}',
            "remove it from the line (it is not text); the other lines are read as usual",
        )
