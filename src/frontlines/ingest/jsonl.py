"""JSON Lines: one report per line.

    {"url": "...", "title": "...", "outlet": "Iraqi News", "published": "2017-10-31",
     "language": "en", "text": "Iraqi forces retook ..."}

``published`` and ``text`` are required; the other fields may be missing or
null. A bad line becomes an IngestProblem for ``file.jsonl:LINE`` and the lines
after it are still read. Blank lines are skipped. ``raw`` is the line's bytes
without its line ending.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator

from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput
from frontlines.ingest.decode import check_bytes, decode_bytes
from frontlines.ingest.fields import PUBLISHED_FORMS, language_of, parse_published, tidy
from frontlines.ingest.infer_date import infer_published
from frontlines.ingest.outlets import canonical_outlet, domain_of
from frontlines.model import IngestProblem, Report

OPTIONAL_FIELDS = ("url", "title", "outlet", "language")


def parse_jsonl(
    raw: bytes, origin: str, *, max_bytes: int = MAX_INPUT_BYTES
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
    return _records(raw, origin, max_bytes)


def parse_jsonl_line(line: bytes, origin: str, *, max_bytes: int = MAX_INPUT_BYTES) -> Report:
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
    inferred = False
    if not fields["published"]:
        from_text = infer_published(fields.get("title") or "", fields["text"])
        if from_text is None:
            raise BadInput(origin, 'missing "published" date', 'add "published": "YYYY-MM-DD" to the line')
        fields["published"], inferred = from_text.isoformat(), True
    published = parse_published(fields["published"])
    if published is None:
        raise BadInput(
            origin,
            f'unreadable "published" date {fields["published"]!r} (expected {PUBLISHED_FORMS})',
            'write it as "published": "YYYY-MM-DD"',
        )
    body = fields["text"].replace("\r\n", "\n").replace("\r", "\n")
    url = tidy(fields["url"]) or None
    outlet = tidy(fields["outlet"]) or domain_of(url) or ""
    return Report(
        outlet=canonical_outlet(outlet) if outlet else "",
        title=tidy(fields["title"]),
        published=published,
        text=body,
        raw=line,
        url=url,
        language=language_of(fields["language"], body),
        origin=origin,
        published_inferred=inferred,
    )


def _records(raw: bytes, origin: str, max_bytes: int) -> Iterator[Report | IngestProblem]:
    for number, line in enumerate(raw.split(b"\n"), start=1):
        line = line.removesuffix(b"\r")
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            yield parse_jsonl_line(line, line_origin, max_bytes=max_bytes)
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
