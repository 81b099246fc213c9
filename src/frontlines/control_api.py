"""The library API of fusion and control, which `frontlines control`, `history`, `timeline` and
`note` wrap: fuse new claims into events, load a baseline, ask who held what on a day, read a
place's history or the changes of control in a region, and record an analyst's verdict.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from frontlines.baseline import read_baseline
from frontlines.control import CONTESTED, ControlSpan, ProvinceSummary, summarise_provinces
from frontlines.errors import ControlError
from frontlines.fuse import EventFacts, Side
from frontlines.model import CORRECTABLE, EVENT_TYPES, VERDICTS, Place
from frontlines.store import Store
from frontlines.store import control_schema as c
from frontlines.store import schema as t
from frontlines.store.control_store import ControlStore, HeldPlace, PlaceControl
from frontlines.store.fusion_store import FusionStore, FusionUpdate, parse_date_value
from frontlines.theatres import Theatre, load_theatre



# ---- fusion --------------------------------------------------------------------------------------
def fuse_events(store: Store, *, rebuild: bool = False, touched_events: Iterable[int] = ()) -> FusionUpdate:
    """Fuse the claims fusion has not seen into events, then bring the control timeline up to date.

    Incremental: only the neighbourhood of new claims (and of `touched_events`) is fused again;
    `rebuild` fuses every claim again (after changing data/fusion.yaml). Event ids are kept.
    """
    update = FusionStore(store).run(rebuild=rebuild, touched_events=touched_events)
    ControlStore(store).refresh(None if rebuild else update.place_ids)
    return update


def rebuild_control(store: Store) -> int:
    """Recompute every control span (after changing data/control.yaml); returns the number of spans."""
    return ControlStore(store).refresh(None)


# ---- places --------------------------------------------------------------------------------------
def resolve_place(store: Store, name: str, *, country: str | None = None, gazetteer: Any = None) -> Place:
    """The gazetteer entry a place name means (the best match), or a ControlError that says so."""
    if gazetteer is None:
        from frontlines.gazetteer import Gazetteer

        gazetteer = Gazetteer.from_store(store)
    found = gazetteer.lookup(name, countries=(country.upper(),) if country else gazetteer_countries())
    if not found:
        raise ControlError(f"no place called {name!r} in the gazetteer", hint="check the spelling, add --country, or import GeoNames with `frontlines gazetteer`")
    return found[0][0]


def gazetteer_countries() -> Sequence[str]:
    from frontlines.gazetteer import DEFAULT_COUNTRIES

    return DEFAULT_COUNTRIES


# ---- baseline ------------------------------------------------------------------------------------
def load_baseline(store: Store, path: str | Path, *, gazetteer: Any = None) -> int:
    """Store the control an analyst's baseline file states; returns the number of entries."""
    rows = read_baseline(path)
    entries = []
    for row in rows:
        try:
            place = resolve_place(store, row.place, country=row.country, gazetteer=gazetteer)
        except ControlError as exc:
            raise ControlError(f"{row.origin}: {exc.message}", hint=exc.hint) from exc
        entries.append((place, row.holder, row.since, row.source or f"baseline {Path(path).name}", row.note))
    touched = ControlStore(store).set_baseline(entries)
    ControlStore(store).refresh(touched)
    return len(entries)


def set_control(
    store: Store, place: str, holder: str, since: date, *, country: str | None = None, note: str = "",
    source: str = "frontlines control set", gazetteer: Any = None,
) -> Place:  # fmt: skip
    """Record that `holder` (an actor or "contested") held `place` from `since`."""
    found = resolve_place(store, place, country=country, gazetteer=gazetteer)
    touched = ControlStore(store).set_baseline([(found, holder, since, source, note)])
    ControlStore(store).refresh(touched)
    return found


# ---- control on a day, timeline ------------------------------------------------------------------
@dataclass(frozen=True)
class ControlSnapshot:
    day: date
    places: tuple[HeldPlace, ...]
    provinces: tuple[ProvinceSummary, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "places": [held_place_dict(held) for held in self.places],
            "provinces": self.province_dicts(),
        }

    def province_dicts(self) -> list[dict[str, Any]]:
        return [{"country": p.country, "province": p.province, "holders": dict(p.holders)} for p in self.provinces]

    def as_geojson(self) -> dict[str, Any]:
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [held.lon, held.lat]},
                "properties": held_place_dict(held),
            }
            for held in self.places
        ]
        return {"type": "FeatureCollection", "properties": {"date": self.day.isoformat(), "provinces": self.province_dicts()}, "features": features}


def control_on(
    store: Store, day: date, *, actor: str | None = None, country: str | None = None, theatre: Theatre | str | Path | None = None
) -> ControlSnapshot:
    """Who held each place on `day`, contested places included; provinces summarised from their places.
    `theatre` (a theatre, its name or file): only the places in its countries, its first country first."""
    countries: list[str | None] = [country]
    if theatre is not None and country is None:
        countries = list((load_theatre(theatre) if isinstance(theatre, str | Path) else theatre).countries)
    control = ControlStore(store)
    places = [held for code in countries for held in control.spans_on(day, holder=actor, country=code)]
    provinces = summarise_provinces((held[2], held[3] or "", CONTESTED if held[7] else held[6] or "unknown") for held in places)
    return ControlSnapshot(day, tuple(places), tuple(provinces))


@dataclass(frozen=True)
class ControlChange:
    place: Place
    day: date
    before: str | None  # the label before: a holder, "contested", or None when nothing was known
    after: str
    span: ControlSpan


def timeline(
    store: Store, *, place: str | None = None, region: str | None = None, gazetteer: Any = None, limit: int | None = None, offset: int = 0
) -> list[ControlChange]:
    """Changes of control in date order, for one place, a province (by name) or a country (ISO code)."""
    return list(iter_timeline(store, place=place, region=region, gazetteer=gazetteer, limit=limit, offset=offset))


def iter_timeline(
    store: Store, *, place: str | None = None, region: str | None = None, gazetteer: Any = None, limit: int | None = None, offset: int = 0
) -> Iterator[ControlChange]:
    """The changes of :func:`timeline` one at a time, read from the store in chunks: memory grows
    with the number of places, not of changes, and the first change comes at once. `offset` and
    `limit` page through them (the changes skipped are still read: each says what came before)."""
    spans = ControlStore(store).iter_spans(**_timeline_scope(store, place, region, gazetteer))
    return itertools.islice(_changes(spans), offset, None if limit is None else offset + limit)


def count_timeline(store: Store, *, place: str | None = None, region: str | None = None, gazetteer: Any = None) -> int:
    """How many changes :func:`timeline` lists without a limit (one a control span)."""
    return ControlStore(store).count_spans(**_timeline_scope(store, place, region, gazetteer))


def _timeline_scope(store: Store, place: str | None, region: str | None, gazetteer: Any) -> dict[str, Any]:
    """The spans a timeline covers: one place, a country (a two-letter code), or a province by its
    name (or, when no place lies in a province of that name, the province the gazetteer knows by it)."""
    if place and region:
        raise ControlError("give --place or --region, not both", hint="a region is a province name or a country code like IQ")
    if place:
        return {"place_keys": [resolve_place(store, place, gazetteer=gazetteer).key]}
    if region and len(region) == 2:
        return {"country": region.upper()}
    if region and not ControlStore(store).count_spans(province=region):
        found = resolve_place(store, region, gazetteer=gazetteer)
        return {"country": found.country, "province": found.admin1 or found.name}
    return {"province": region}


def _changes(spans: Iterable[PlaceControl]) -> Iterator[ControlChange]:
    """Spans in date order as changes: each says what the place's previous span left (None after a gap)."""
    previous: dict[str, ControlSpan] = {}
    for pc in spans:
        before = previous.get(pc.place.key)
        gap = before is not None and before.end != pc.span.start
        yield ControlChange(pc.place, pc.span.start, None if before is None or gap else before.label, pc.span.label, pc.span)
        previous[pc.place.key] = pc.span


def event_facts(store: Store, event_ids: Sequence[int]) -> dict[int, EventFacts]:
    """What fusion knows about these events beyond their rows: sides, dispute, first report, outlets."""
    found: dict[int, EventFacts] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(event_ids), 500):
            query = select(c.event_facts).where(c.event_facts.c.event_id.in_(list(event_ids[start : start + 500])))
            for row in conn.execute(query):
                sides = tuple(Side(s["side"], tuple(s["claims"]), tuple(s["outlets"])) for s in json.loads(row.sides))
                found[row.event_id] = EventFacts(
                    disputed=bool(row.disputed), sides=sides, first_report_id=row.first_report_id,
                    first_reported=row.first_reported, outlets=row.outlets, reports=row.reports,
                    corroboration=int(row.corroboration), verdict=row.verdict,
                )  # fmt: skip
    return found


# ---- analysts' notes -----------------------------------------------------------------------------
def add_note(
    store: Store, target_kind: str, target_id: int, body: str, *, author: str, verdict: str | None = None,
    corrections: Mapping[str, str] | None = None, gazetteer: Any = None,
) -> int:  # fmt: skip
    """Record an analyst's note on an event or a report; a verdict flows into fusion and control.

    `reject` on an event: control ignores it (and any report that repeats it, which fusion joins to
    it); on a report: its claims leave every event. `confirm` settles a disputed event for its
    leading side. `correct` with `corrections` ({"date": "2017-11-03", "actor": "...", "place": "...",
    "event_type": "...", "target_actor": "..."}) lays the analyst's values over the extracted ones.
    """
    if target_kind not in ("event", "report"):
        raise ControlError(f"a note is on an event or a report, not {target_kind!r}", hint="use --event ID or --report ID")
    if verdict is not None and verdict not in VERDICTS:
        raise ControlError(f"unknown verdict {verdict!r}", hint=f"one of {', '.join(VERDICTS)}, or none for a comment")
    fixes = dict(corrections or {})
    if fixes and verdict != "correct":
        raise ControlError("corrections need the verdict `correct`", hint="add --verdict correct")
    if verdict == "correct" and (not fixes or target_kind != "event"):
        raise ControlError("a correction names what to correct on an event", hint="e.g. --set date=2017-11-03 --set actor='Syrian forces'")
    fixes = _checked_corrections(store, fixes, gazetteer)
    previous = _previous_values(store, target_id) if target_kind == "event" and verdict else None
    with store.engine.begin() as conn:
        table = t.events if target_kind == "event" else t.reports
        if conn.execute(select(table.c.id).where(table.c.id == target_id)).scalar_one_or_none() is None:
            raise ControlError(f"no {target_kind} with id {target_id}", hint="`frontlines history PLACE` lists the events at a place with their ids")
        note_id = conn.execute(insert(t.notes).values(
            target_kind=target_kind, target_id=target_id, verdict=verdict, body=body, author=author,
            created_at=datetime.now(timezone.utc), previous=previous,
        )).inserted_primary_key[0]  # fmt: skip
        if target_kind == "event" and verdict:
            claim_ids = list(conn.execute(select(t.event_claims.c.claim_id).where(t.event_claims.c.event_id == target_id)).scalars())
            rows = [
                {"note_id": note_id, "claim_id": cid, "verdict": verdict, "field": name, "value": value}
                for cid in claim_ids
                for name, value in (fixes.items() if fixes else [(None, None)])
            ]
            if rows:
                conn.execute(insert(c.claim_reviews), rows)
            touched = [target_id]
        else:
            report_claims = select(t.claims.c.id).where(t.claims.c.report_id == target_id)
            touched = list(conn.execute(select(t.event_claims.c.event_id).where(t.event_claims.c.claim_id.in_(report_claims))).scalars())
    if verdict:
        fuse_events(store, touched_events=touched)
    return note_id


def _previous_values(store: Store, event_id: int) -> str | None:
    """The event's reviewable fields as they are before a verdict (JSON, for the audit)."""
    from frontlines.api import event

    found = event(store, event_id)
    if found is None:
        return None
    values = {
        "event_type": found.event_type, "date": found.date.isoformat() if found.date else None,
        "place": found.place.name if found.place else found.place_name, "actor": found.actor,
        "target_actor": found.target_actor, "review": found.review,
    }  # fmt: skip
    return json.dumps(values, ensure_ascii=False)


def _checked_corrections(store: Store, fixes: dict[str, str], gazetteer: Any) -> dict[str, str]:
    checked: dict[str, str] = {}
    for name, value in fixes.items():
        if name not in CORRECTABLE:
            raise ControlError(f"cannot correct {name!r}", hint=f"correctable: {', '.join(CORRECTABLE)}")
        if name == "event_type" and value not in EVENT_TYPES:
            raise ControlError(f"unknown event type {value!r}", hint=f"one of {', '.join(EVENT_TYPES)}")
        if name == "date":
            try:
                parse_date_value(value)
            except ValueError as exc:
                raise ControlError(f"{value!r} is not a date", hint="write YYYY, YYYY-MM or YYYY-MM-DD") from exc
        if name == "place":
            place = resolve_place(store, value, gazetteer=gazetteer)
            with store.engine.begin() as conn:
                store._place_id(conn, place)
            value = place.key
        checked[name] = value
    return checked


def notes_on(store: Store, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        query = select(t.notes).where(t.notes.c.target_kind == "event", t.notes.c.target_id.in_(list(event_ids))).order_by(t.notes.c.id)
        return [dict(row._mapping) for row in conn.execute(query)]


def held_place_dict(held: HeldPlace) -> dict[str, Any]:
    end = held.end
    return {
        "place": held.name, "place_key": held.place_key, "country": held.country, "province": held.province,
        "lat": held.lat, "lon": held.lon, "holder": held.holder, "contested": held.contested,
        "status": held.label, "contestants": list(held.contestants), "since": held.start.isoformat(),
        "until": end.isoformat() if end else None, "confidence": held.confidence, "basis": held.basis,
        "events": list(held.event_ids),
    }  # fmt: skip


# A place's history lives in its own module; it is part of this API.
from frontlines.history_api import HistoryEntry, PlaceHistory, history, iter_history  # noqa: E402, F401
