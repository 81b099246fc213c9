"""A plain-text chronology of events and the analyst's SOURCES list (`Outlet, "Title," 10/5/17`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from frontlines.model import Event, Source

_VERBS = {
    "territory_taken": "took",
    "battle": "fought for",
    "attack": "attacked",
    "airstrike": "struck from the air",
    "explosion": "explosion at",
    "operation_start": "began an operation on",
    "withdrawal": "withdrew from",
    "casualties": "deaths at",
    "other": "event at",
}


def short_date(day: date | None) -> str:
    """10/5/17, as analysts cite."""
    return f"{day.month}/{day.day}/{day.strftime('%y')}" if day else "n.d."


def event_line(event: Event) -> str:
    when = event.date.isoformat() if event.date else "undated"
    if event.date_precision == "month" and event.date:
        when = event.date.strftime("%Y-%m")
    place = event.place.name if event.place else (event.place_name or "?")
    actor = event.actor or "unknown actor"
    verb = _VERBS.get(event.event_type, event.event_type)
    killed = f", {event.fatalities} killed" if event.fatalities else ""
    outlets = len({s.outlet for s in event.sources})
    return f"{when}  {actor} {verb} {place}{killed}  [{outlets} outlet{'s' if outlets != 1 else ''}]"


def source_line(source: Source) -> str:
    return f'{source.outlet}, "{source.title}," {short_date(source.published)}'


def chronology(events: Iterable[Event]) -> str:
    events = list(events)
    lines = [event_line(e) for e in events]
    seen: dict[int, Source] = {}
    for event in events:
        for source in event.sources:
            seen.setdefault(source.report_id, source)
    ordered = sorted(seen.values(), key=lambda s: (s.published or date.min, s.outlet, s.title))
    lines += ["", "SOURCES"] + [source_line(s) for s in ordered]
    return "\n".join(lines) + "\n"
