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
from frontlines.outputs.report_prose import Paragraph, listing, paragraphs
from frontlines.outputs.sources import Cited, cited_reports, numbering, sources_section
from frontlines.theatres import Theatre

# the headline names at most this many captures, the most widely reported first
HEADLINE_CAPTURES = 3


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
    war: str | None = None  # the theatre's name, when the report keeps to one war


def long_date(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def situation_report(events: Sequence[Event], held: Sequence[Held], period: ReportPeriod, *, fmt: str = "md") -> str:
    # an event with no place at all stays in the exports; a report tells where things happened
    events = sorted((e for e in events if in_region(e, period.region) and (e.place or e.place_name)), key=lambda e: (e.date or date.min, e.id or 0))
    cited = cited_reports(s for e in events for s in e.sources)
    numbers = numbering(cited)
    told = paragraphs(events, _area, numbers)
    title = _headline(events, period)
    dateline = f"{long_date(period.until)}. The period {long_date(period.since)} to {long_date(period.until)}{''.join(', ' + w for w in (period.war, period.region) if w)}."
    control = _control_sentences(held, period.until)
    if fmt == "html":
        return _as_html(title, dateline, told, control, cited)
    lines = [f"# {title}", "", f"*{dateline}*", ""]
    for paragraph in told:
        lead = f"**{paragraph.area}.** " if paragraph.area else ""
        lines += [lead + " ".join(s.marked for s in paragraph.sentences), ""]
    if not told:
        lines += ["No event was recorded in the period.", ""]
    lines += ["## Control at the end of the period", "", *control, "", "## SOURCES", "", *sources_section(cited)]
    return "\n".join(lines) + "\n"


def in_region(event: Event, region: str | None) -> bool:
    if not region:
        return True
    place = event.place
    wanted = region.casefold()
    return place is not None and wanted in {place.country.casefold(), (place.admin1 or "").casefold(), place.name.casefold()}


def in_theatre(event: Event, theatre: Theatre | None) -> bool:
    """An event at a place in one of the war's countries (every event when no war is given)."""
    return theatre is None or (event.place is not None and event.place.country in theatre.countries)


def _area(event: Event) -> str:
    place = event.place
    if place is None:
        return "Elsewhere"
    return place.admin1 or place.name if place.feature_code != "PCLI" else place.name


def _headline(events: Sequence[Event], period: ReportPeriod) -> str:
    """The period's captures that most outlets reported, by the side that made them."""
    outlets: dict[tuple[str, str], set[str]] = {}
    last_day: dict[tuple[str, str], date] = {}
    for e in events:
        if e.event_type == "territory_taken" and e.actor and e.place and e.place_precision not in ("province", "country"):
            key = (e.actor, e.place.name)
            outlets.setdefault(key, set()).update(s.outlet for s in e.sources)
            last_day[key] = max(last_day.get(key, date.min), e.date or date.min)
    if outlets:
        ranked = sorted(outlets, key=lambda k: (-len(outlets[k]), -last_day[k].toordinal(), k))[:HEADLINE_CAPTURES]
        by_actor: dict[str, list[str]] = {}
        for actor, place in ranked:
            by_actor.setdefault(actor, []).append(place)
        return "; ".join(f"{actor} {'take' if not _singular(actor) else 'takes'} {listing(places)}" for actor, places in by_actor.items())
    where = period.region or period.war or "the war"
    return f"{len(events)} events in {where}, {long_date(period.since)} to {long_date(period.until)}"


def _singular(actor: str) -> bool:
    """"Iraqi forces take", "Islamic State takes": a side named by a plural noun takes a plural verb."""
    return not actor.split()[-1].endswith("s")


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
    lines = [f"On {long_date(day)}, {holder} held {listing(sorted(places))}." for holder, places in sorted(by_holder.items())]
    if contested:
        lines.append(f"Contested: {listing(sorted(contested))}.")
    return lines


def _as_html(title: str, dateline: str, told: list[Paragraph], control: list[str], cited: list[Cited]) -> str:
    e = html.escape
    body = [f"<h1>{e(title)}</h1>", f"<p class=\"dateline\"><em>{e(dateline)}</em></p>"]
    for paragraph in told:
        parts = []
        for sentence in paragraph.sentences:
            links = "".join(f'<sup><a href="#source-{n}">{n}</a></sup>' for n in sentence.refs)
            parts.append(f"<span class=\"fact\">{e(sentence.text)}{links}</span>")
        lead = f"<strong>{e(paragraph.area)}.</strong> " if paragraph.area else ""
        body.append("<p>" + lead + " ".join(parts) + "</p>")
    body.append("<h2>Control at the end of the period</h2>")
    body += [f"<p>{e(line)}</p>" for line in control]
    body.append("<h2>SOURCES</h2>")
    body.append("<ol class=\"sources\">" + "".join(
        f'<li id="source-{n}">{e(line)}</li>' for n, line in enumerate(sources_section(cited), 1)
    ) + "</ol>")  # fmt: skip
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + e(title) + "</title></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
