"""Readers: report files, HTML pages, RSS/Atom feeds and JSONL → Reports.

Each reader takes bytes and an origin and returns plain ``Report`` objects (or
raises ``BadInput``); :func:`read_inputs` walks files, folders and stdin and
turns every ``BadInput`` into an ``IngestProblem`` so one bad file never stops
a run. Nothing here touches the store.
"""

from frontlines.ingest.decode import decode_bytes
from frontlines.ingest.dispatch import read_bytes, read_file, read_inputs, sniff_format
from frontlines.ingest.feeds import fetch_url, parse_feed
from frontlines.ingest.fields import parse_published
from frontlines.ingest.html import parse_html
from frontlines.ingest.htmltext import html_to_text
from frontlines.ingest.jsonl import parse_jsonl
from frontlines.ingest.outlets import canonical_outlet, load_outlet_aliases
from frontlines.ingest.published import DateHint, Published, date_hint
from frontlines.ingest.report_file import parse_report_file

__all__ = [
    "DateHint",
    "Published",
    "canonical_outlet",
    "date_hint",
    "decode_bytes",
    "fetch_url",
    "html_to_text",
    "load_outlet_aliases",
    "parse_feed",
    "parse_html",
    "parse_jsonl",
    "parse_published",
    "parse_report_file",
    "read_bytes",
    "read_file",
    "read_inputs",
    "sniff_format",
]
