"""A plain-text chronology: one line per event, numbered references into the analyst's SOURCES list
(`Outlet, "Title," 10/5/17`, further titles of an outlet on "- " lines)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from frontlines.model import Event
from frontlines.outputs.sources import cited_reports, numbering, sources_section

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


def event_line(event: Event) -> str:
    when = event.date.isoformat() if event.date else "undated"
    if event.date and event.date_precision in ("month", "year"):
        when = event.date.strftime("%Y-%m" if event.date_precision == "month" else "%Y").ljust(10)
    place = event.place_label or "?"
    template = _TEMPLATES.get(event.event_type, _TEMPLATES["other"])
    what = template.format(actor=event.actor or "unknown", place=place).replace(" (unknown)", "")
    killed = f", {event.fatalities} killed" if event.fatalities else ""
    outlets = len({s.outlet for s in event.sources})
    return f"{when}  {what}{killed}  [{outlets} outlet{'s' if outlets != 1 else ''}]"


def chronology(events: Iterable[Event], *, title: str | None = None, period: tuple[date, date] | None = None) -> str:
    """Events in order, each with the numbers of its reports in the SOURCES list that closes it."""
    events = list(events)
    cited = cited_reports(s for e in events for s in e.sources)
    numbers = numbering(cited)
    lines = []
    if title:
        lines.append(f"CHRONOLOGY: {title}")
    if period:
        lines.append(f"{period[0].isoformat()} to {period[1].isoformat()}")
    if lines:
        lines.append("")
    for event in events:
        refs = sorted({numbers[s.report_id] for s in event.sources})
        lines.append(f"{event_line(event)}  [{', '.join(map(str, refs))}]")
    lines += ["", "SOURCES (a reference [n] is the n-th line)"] + sources_section(cited)
    return "\n".join(lines) + "\n"
