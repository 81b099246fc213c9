"""A place's history: everything known about it, oldest first, streamed.

Its events come from the store in chunks, in date order, and are merged with the short lists of
what else is known (the analyst's baseline, control changes, background told by reports, notes), so
that `frontlines history PLACE` writes its first line at once and holds one chunk of events at a
time however many the place has.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from frontlines.control import ControlSpan
from frontlines.control_api import ControlChange, event_facts, resolve_place
from frontlines.fuse import EventFacts
from frontlines.model import Event, Place, Source
from frontlines.store import Store
from frontlines.store import schema as t
from frontlines.store.control_store import ControlStore

# entries of one day, in this order
KIND_ORDER = {"background": 0, "baseline": 1, "event": 2, "control": 3, "note": 4}


@dataclass(frozen=True)
class HistoryEntry:
    day: date | None
    kind: str  # event | control | baseline | note | background (a past event a report tells as history)
    text: str
    event: Event | None = None
    facts: EventFacts | None = None
    span: ControlSpan | None = None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class PlaceHistory:
    place: Place
    entries: tuple[HistoryEntry, ...] = field(default_factory=tuple)


def history(
    store: Store, place: str, *, country: str | None = None, gazetteer: Any = None, limit: int | None = None, offset: int = 0
) -> PlaceHistory:
    """Everything known about a place, oldest first: events with their sources and sides, the
    baseline, control changes and analysts' notes."""
    found, entries = iter_history(store, place, country=country, gazetteer=gazetteer, limit=limit, offset=offset)
    return PlaceHistory(found, tuple(entries))


def iter_history(
    store: Store, place: str, *, country: str | None = None, gazetteer: Any = None, limit: int | None = None, offset: int = 0
) -> tuple[Place, Iterator[HistoryEntry]]:
    """The place (resolved at once, so that an unknown name fails here) and its history entries one at
    a time; `offset` and `limit` page through them. Undated events come last."""
    found = resolve_place(store, place, country=country, gazetteer=gazetteer)
    return found, itertools.islice(_entries(store, found), offset, None if limit is None else offset + limit)


def _sort_key(entry: HistoryEntry) -> tuple[date, int]:
    return (entry.day or date.max, KIND_ORDER[entry.kind])


def _entries(store: Store, place: Place) -> Iterator[HistoryEntry]:
    others = [HistoryEntry(e.since, "baseline", f"{e.since.isoformat()}  baseline: {e.holder} ({e.source}{'; ' + e.note if e.note else ''})")
              for e in ControlStore(store).baseline_of(place.key)]  # fmt: skip
    others += [HistoryEntry(change.day, "control", _change_text(change), span=change.span) for change in _place_changes(store, place)]
    others += _background(store, place)
    others += _notes(store, place)
    others.sort(key=_sort_key)
    undated: list[HistoryEntry] = []  # few: the store gives them first (SQLite) or last (PostgreSQL)

    def dated_events() -> Iterator[HistoryEntry]:
        for entry in _event_entries(store, place):
            if entry.day is None:
                undated.append(entry)
            else:
                yield entry

    yield from heapq.merge(dated_events(), others, key=_sort_key)
    yield from undated


def _event_entries(store: Store, place: Place) -> Iterator[HistoryEntry]:
    from frontlines.outputs.chronology import event_line

    events = store.iter_events(place_keys=[place.key])
    while chunk := list(itertools.islice(events, 500)):
        facts = event_facts(store, [e.id for e in chunk if e.id is not None])
        for ev in chunk:
            yield _event_entry(ev, facts.get(ev.id or -1), event_line(ev))


def _event_entry(ev: Event, facts: EventFacts | None, text: str) -> HistoryEntry:
    if facts and facts.disputed:
        text += "  disputed: " + "; ".join(f"{s.name} ({s.support} outlet{'s' if s.support != 1 else ''})" for s in facts.sides)
    if facts and facts.verdict:
        text += f"  [analyst: {facts.verdict}]"
    return HistoryEntry(ev.date, "event", text, event=ev, facts=facts, sources=ev.sources)


def _notes(store: Store, place: Place) -> list[HistoryEntry]:
    """Analysts' notes on the place's events, oldest first."""
    place_events = select(t.events.c.id).join(t.places, t.places.c.id == t.events.c.place_id).where(t.places.c.key == place.key)
    query = select(t.notes).where(t.notes.c.target_kind == "event", t.notes.c.target_id.in_(place_events)).order_by(t.notes.c.id)
    with store.engine.connect() as conn:
        notes = [row._mapping for row in conn.execute(query)]
    return [
        HistoryEntry(n["created_at"].date(), "note", f"note on event {n['target_id']} by {n['author']}: {n['verdict'] or 'comment'}: {n['body']}")
        for n in notes
    ]


def _background(store: Store, place: Place) -> list[HistoryEntry]:
    """Past events that reports tell as background ("seized in 2014"): known, dated, never moving control."""
    claims = [c for c in store.claims(place_keys=[place.key], modalities=["history"]) if c.date is not None]
    reports = {r.id: r.report for r in store.reports(sorted({c.report_id for c in claims if c.report_id is not None}))}
    entries = []
    for claim in claims:
        report = reports.get(claim.report_id or -1)
        told = f"{report.outlet}, \"{report.title}\"" if report else "a report"
        text = f"{claim.date.value.isoformat()[: {'year': 4, 'month': 7}.get(claim.date.precision, 10)]}  background: {claim.event_type.replace('_', ' ')}"
        text += f" by {claim.actor}" if claim.actor else ""
        source = Source(report_id=claim.report_id or 0, outlet=report.outlet if report else "", title=report.title if report else "",
                        published=report.published if report else None, url=report.url if report else None, quote=claim.quote,
                        start=claim.start, end=claim.end, modality="history")  # fmt: skip
        entries.append(HistoryEntry(claim.date.value, "background", f"{text} (as told by {told})", sources=(source,)))
    return entries


def _place_changes(store: Store, place: Place) -> list[ControlChange]:
    spans = ControlStore(store).spans(place_keys=[place.key])
    changes, before = [], None
    for pc in spans:
        changes.append(ControlChange(pc.place, pc.span.start, before.label if before and before.end == pc.span.start else None, pc.span.label, pc.span))
        before = pc.span
    return changes


def _change_text(change: ControlChange) -> str:
    span = change.span
    after = f"contested ({', '.join(span.contestants)})" if span.contested and span.contestants else change.after
    arrow = f"{change.before} -> {after}" if change.before else after
    events = f", events {', '.join(map(str, span.event_ids))}" if span.event_ids else ""
    return f"{change.day.isoformat()}  control of {change.place.name}: {arrow} ({span.basis}{events}; confidence {span.confidence:.2f})"
