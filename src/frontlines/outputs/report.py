"""A situation report for a period, as an analyst posts it: a date line, a headline, paragraphs that
tell the period in order area by area ("On October 4, Iraqi forces took Hawija [3]."), who held what
at its end and what was contested, then the SOURCES list the numbers point into.

Every sentence comes from stored events through a template; background history is not told (only
fused events are, and history never fuses). Markdown or HTML; in HTML every sentence links to its
sources.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from frontlines.model import Event
from frontlines.outputs.sources import Cited, cited_reports, numbering, sources_section

_TOLD = {
    "territory_taken": "{actor} took {place}",
    "battle": "{actor} fought for {place}",
    "attack": "{actor} attacked {place}",
    "airstrike": "air strikes by {actor} hit {place}",
    "explosion": "an explosion struck {place}",
    "operation_start": "{actor} launched an operation on {place}",
    "withdrawal": "{actor} withdrew from {place}",
    "casualties": "deaths were reported in {place}",
    "other": "an incident was reported in {place}",
}
_TOLD_WITHOUT_ACTOR = {
    "territory_taken": "{place} changed hands",
    "battle": "fighting was reported in {place}",
    "attack": "an attack struck {place}",
    "airstrike": "air strikes hit {place}",
    "operation_start": "an operation began on {place}",
    "withdrawal": "forces withdrew from {place}",
}


@dataclass(frozen=True)
class Held:
    place: str
    holder: str | None  # None: contested
    contestants: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportPeriod:
    since: date
    until: date
    region: str | None = None


def long_date(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def situation_report(events: Sequence[Event], held: Sequence[Held], period: ReportPeriod, *, fmt: str = "md") -> str:
    # an event with no place at all stays in the exports; a report tells where things happened
    events = sorted((e for e in events if in_region(e, period.region) and (e.place or e.place_name)), key=lambda e: (e.date or date.min, e.id or 0))
    cited = cited_reports(s for e in events for s in e.sources)
    numbers = numbering(cited)
    areas: dict[str, list[Event]] = {}
    for event in events:
        areas.setdefault(_area(event), []).append(event)
    paragraphs = [(area, [_sentence(e, previous, numbers) for previous, e in zip([None, *told], told)]) for area, told in areas.items()]
    title = _headline(events, period)
    dateline = f"{long_date(period.until)}. The period {long_date(period.since)} to {long_date(period.until)}{', ' + period.region if period.region else ''}."
    control = _control_sentences(held, period.until)
    if fmt == "html":
        return _as_html(title, dateline, paragraphs, control, cited)
    lines = [f"# {title}", "", f"*{dateline}*", ""]
    for area, sentences in paragraphs:
        lines += [f"**{area}.** " + " ".join(text + refs for text, refs in sentences), ""]
    if not paragraphs:
        lines += ["No event was recorded in the period.", ""]
    lines += ["## Control at the end of the period", "", *control, "", "## SOURCES", "", *sources_section(cited)]
    return "\n".join(lines) + "\n"


def in_region(event: Event, region: str | None) -> bool:
    if not region:
        return True
    place = event.place
    wanted = region.casefold()
    return place is not None and wanted in {place.country.casefold(), (place.admin1 or "").casefold(), place.name.casefold()}


def _area(event: Event) -> str:
    place = event.place
    if place is None:
        return "Elsewhere"
    return place.admin1 or place.name if place.feature_code != "PCLI" else place.name


def _sentence(event: Event, previous: Event | None, numbers: dict[int, int]) -> tuple[str, str]:
    place = event.place.name if event.place else (event.place_name or "an unnamed place")
    template = _TOLD[event.event_type] if event.actor else _TOLD_WITHOUT_ACTOR.get(event.event_type, _TOLD[event.event_type])
    told = template.format(actor=event.actor or "", place=place)
    if event.fatalities:
        told += f", leaving {event.fatalities} dead"
    when = _when(event, previous)
    text = f"{when}{told[0].upper() if not when else told[0]}{told[1:]}."
    refs = sorted({numbers[s.report_id] for s in event.sources if s.report_id in numbers})
    return text, (" [" + ", ".join(map(str, refs)) + "]" if refs else "")


def _when(event: Event, previous: Event | None) -> str:
    if event.date is None:
        return "At an unknown date, "
    if previous is not None and previous.date == event.date:
        return "The same day, "
    if event.date_precision == "month":
        return f"In {event.date.strftime('%B')}, "
    if event.date_precision == "year":
        return f"In {event.date.year}, "
    return f"On {event.date.strftime('%B')} {event.date.day}, "


def _headline(events: Sequence[Event], period: ReportPeriod) -> str:
    captures = [e for e in events if e.event_type == "territory_taken" and e.actor and e.place]
    where = period.region or "the war"
    if captures:
        last = captures[-1]
        others = len({e.place.key for e in captures if e.place}) - 1  # type: ignore[union-attr]
        more = f" and {others} other place{'s' if others != 1 else ''}" if others > 0 else ""
        return f"{last.actor} take{'s' if not last.actor.endswith('s') else ''} {last.place.name}{more}"  # type: ignore[union-attr]
    return f"{len(events)} events in {where}, {long_date(period.since)} to {long_date(period.until)}"


def _control_sentences(held: Sequence[Held], day: date) -> list[str]:
    if not held:
        return ["No control was recorded for these places."]
    by_holder: dict[str, list[str]] = {}
    contested = []
    for h in held:
        if h.holder is None:
            contested.append(f"{h.place} ({', '.join(h.contestants) or 'sides unknown'})")
        else:
            by_holder.setdefault(h.holder, []).append(h.place)
    lines = [f"On {long_date(day)}, {holder} held {_listing(sorted(places))}." for holder, places in sorted(by_holder.items())]
    if contested:
        lines.append(f"Contested: {_listing(sorted(contested))}.")
    return lines


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _as_html(title: str, dateline: str, paragraphs: list, control: list[str], cited: list[Cited]) -> str:
    e = html.escape
    body = [f"<h1>{e(title)}</h1>", f"<p class=\"dateline\"><em>{e(dateline)}</em></p>"]
    for area, sentences in paragraphs:
        parts = []
        for text, refs in sentences:
            links = "".join(f'<sup><a href="#source-{n}">{n}</a></sup>' for n in refs.strip(" []").split(", ") if n)
            parts.append(f"<span class=\"fact\">{e(text)}{links}</span>")
        body.append(f"<p><strong>{e(area)}.</strong> " + " ".join(parts) + "</p>")
    body.append("<h2>Control at the end of the period</h2>")
    body += [f"<p>{e(line)}</p>" for line in control]
    body.append("<h2>SOURCES</h2>")
    body.append("<ol class=\"sources\">" + "".join(
        f'<li id="source-{n}">{e(line)}</li>' for n, line in enumerate(sources_section(cited), 1)
    ) + "</ol>")  # fmt: skip
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + e(title) + "</title></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
