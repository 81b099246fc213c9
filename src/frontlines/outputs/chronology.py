"""A plain-text chronology of events and the analyst's SOURCES list (`Outlet, "Title," 10/5/17`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from frontlines.model import Event, Source

_TEMPLATES = {
    "territory_taken": "{actor} took {place}",
    "battle": "fighting for {place} ({actor})",
    "attack": "{actor} attacked {place}",
    "airstrike": "air strikes on {place} ({actor})",
    "explosion": "explosion at {place} ({actor})",
    "operation_start": "{actor} began an operation on {place}",
    "withdrawal": "{actor} withdrew from {place}",
    "casualties": "deaths at {place}",
    "other": "event at {place} ({actor})",
}


def short_date(day: date | None) -> str:
    """10/5/17, as analysts cite."""
    return f"{day.month}/{day.day}/{day.strftime('%y')}" if day else "n.d."


def event_line(event: Event) -> str:
    when = event.date.isoformat() if event.date else "undated"
    if event.date and event.date_precision in ("month", "year"):
        when = event.date.strftime("%Y-%m" if event.date_precision == "month" else "%Y").ljust(10)
    place = event.place.name if event.place else (event.place_name or "?")
    template = _TEMPLATES.get(event.event_type, _TEMPLATES["other"])
    what = template.format(actor=event.actor or "unknown", place=place).replace(" (unknown)", "")
    killed = f", {event.fatalities} killed" if event.fatalities else ""
    outlets = len({s.outlet for s in event.sources})
    return f"{when}  {what}{killed}  [{outlets} outlet{'s' if outlets != 1 else ''}]"


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
