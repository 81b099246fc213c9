"""Event exports: the JSONL "Event export" of DESIGN.md, and a flat CSV.

The CSV is made safe to open in a spreadsheet: a text cell that starts like a formula (``=``, ``+``,
``-``, ``@``, or a tab or carriage return before one) is prefixed with ``'`` so that it is read as
text, and control characters (terminal escapes) are removed. Numbers are written as they are.
Its `urls` cell lists every source's URL, separated by spaces; the first quote stays the last cell.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from frontlines.model import Event
from frontlines.terminal import CONTROL_SEQUENCES as _CONTROL

# OWASP's list: what makes Excel, LibreOffice or Google Sheets read a cell as a formula
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_C1_CONTROLS = re.compile("[\x7f-\x9f]")

CSV_COLUMNS = (
    "id", "event_type", "date", "date_precision", "actor", "target_actor", "controller_after", "fatalities",
    "place_name", "geonames_id", "lat", "lon", "admin1", "country", "place_precision", "confidence", "review", "source_count", "outlets", "urls", "first_quote",
)  # fmt: skip


def event_to_dict(event: Event) -> dict[str, Any]:
    place = event.place
    return {
        "id": event.id,
        "event_type": event.event_type,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "actor": event.actor,
        "target_actor": event.target_actor,
        "controller_after": event.controller_after,
        "fatalities": event.fatalities,
        "place": {
            "name": event.place_label,
            "geonames_id": place.geonames_id if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "admin1": place.admin1 if place else None,
            "country": place.country if place else None,
            "precision": event.place_precision,
        },
        "confidence": event.confidence,
        "review": event.review,
        "sources": [
            {
                "report_id": s.report_id,
                "outlet": s.outlet,
                "title": s.title,
                "published": s.published.isoformat() if s.published else None,
                "url": s.url,
                "quote": s.quote,
                "start": s.start,
                "end": s.end,
                "modality": s.modality,
                "speaker": s.speaker,
                "published_precision": s.published_precision,
                "published_source": s.published_source,
            }
            for s in event.sources
        ],
    }


def events_to_jsonl(events: Iterable[Event]) -> str:
    return "".join(event_jsonl_lines(events))


def event_jsonl_lines(events: Iterable[Event]) -> Iterator[str]:
    """One event a line, as the events come. JSON escapes C0 controls itself; DEL and the C1 controls
    (U+0080-U+009F, which some terminals obey) are escaped too, so the same text reads back and no
    terminal acts on it."""
    for event in events:
        line = json.dumps(event_to_dict(event), ensure_ascii=False) + "\n"
        yield _C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", line)


def events_to_csv(events: Iterable[Event]) -> str:
    return "".join(event_csv_lines(events))


def event_csv_lines(events: Iterable[Event]) -> Iterator[str]:
    """The header, then one CSV line per event as the events come."""
    return csv_lines(CSV_COLUMNS, (_csv_row(event) for event in events))


def _csv_row(event: Event) -> list[object]:
    data = event_to_dict(event)
    place = data["place"]
    return [
        data["id"], data["event_type"], data["date"], data["date_precision"], data["actor"],
        data["target_actor"], data["controller_after"], data["fatalities"], place["name"],
        place["geonames_id"], place["lat"], place["lon"], place["admin1"], place["country"],
        place["precision"], data["confidence"], data["review"], len(event.sources), "; ".join(sorted({s.outlet for s in event.sources})),
        " ".join(dict.fromkeys(s.url for s in event.sources if s.url)), event.sources[0].quote if event.sources else "",
    ]  # fmt: skip


def csv_lines(header: Iterable[str], rows: Iterable[Iterable[object]]) -> Iterator[str]:
    """The header, then each row as one CSV line as the rows come, every cell made spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(header)
    yield take()
    for row in rows:
        writer.writerow(map(spreadsheet_safe, row))
        yield take()


def spreadsheet_safe(value: object) -> object:
    """A CSV cell a spreadsheet shows as written: text starting like a formula gets a leading "'";
    control characters are removed. Numbers and empty cells pass unchanged."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
