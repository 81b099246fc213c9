"""Control in the store: the analyst's baseline, the control spans, and the queries over them.

Spans are materialised: `refresh` recomputes them (with `frontlines.control.place_spans`) for the
places an update touched, their neighbours and the places inside a province that changed hands;
`spans_on` answers "who held what on this day" with one index seek per place.
"""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from typing import NamedTuple

from sqlalchemy import String, and_, delete, func, insert, or_, select, true, type_coerce, union
from sqlalchemy.engine import Connection

from frontlines.control import CONTESTED, BaselineEntry, ControlEvent, ControlRules, ControlSpan, place_spans
from frontlines.model import Place
from frontlines.store import control_schema as c
from frontlines.store import schema as t
from frontlines.store.locks import CLAIMS_AND_EVENTS, hold_write_lock
from frontlines.store.rows import _place_columns, _place_from_row
from frontlines.store.store import Store, _chunks

AREA_CODES = ("ADM1", "ADM1H", "PCLI", "PCL", "PCLD")
_AREA_PRECISIONS = ("province", "country", "district")
CONTROL_TYPES = ("territory_taken", "battle")


@dataclass(frozen=True)
class PlaceControl:
    place: Place
    span: ControlSpan


class HeldPlace(NamedTuple):
    """Who held a place on a day: the database row as it comes, one per place, so that thousands
    are made at C speed; the properties give clean values (dates, booleans, tuples)."""

    place_key: str
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    holder: str | None
    contested_value: Any  # 0/1 in SQLite, a bool in PostgreSQL
    contestants_text: str  # "A | B"
    start_value: Any  # "2017-11-03" in SQLite, a date in PostgreSQL
    end_value: Any
    confidence: float
    basis: str
    event_ids_text: str  # "12 40 41"

    @property
    def province(self) -> str:
        return self.admin1 or ""

    @property
    def contested(self) -> bool:
        return bool(self.contested_value)

    @property
    def label(self) -> str:
        return CONTESTED if self.contested_value else (self.holder or "unknown")

    @property
    def start(self) -> date:
        return _as_date(self.start_value)  # type: ignore[return-value]

    @property
    def end(self) -> date | None:
        return _as_date(self.end_value)

    @property
    def contestants(self) -> tuple[str, ...]:
        return tuple(x for x in self.contestants_text.split(" | ") if x)

    @property
    def event_ids(self) -> tuple[int, ...]:
        return tuple(map(int, self.event_ids_text.split()))

    @property
    def place(self) -> Place:
        return Place(key=self.place_key, name=self.name, lat=self.lat, lon=self.lon, country=self.country, admin1=self.province)

    @property
    def span(self) -> ControlSpan:
        return ControlSpan(self.place_key, self.holder, self.start, self.end, self.confidence, self.basis, self.event_ids, self.contested, self.contestants)


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class _PlaceRow:
    id: int
    place: Place

    @property
    def is_area(self) -> bool:
        return self.place.feature_code in AREA_CODES


class ControlStore:
    def __init__(self, store: Store, rules: ControlRules | None = None) -> None:
        self.store = store
        self.rules = rules or ControlRules.load()

    # ---- baseline ----------------------------------------------------------------------------
    def set_baseline(self, entries: Iterable[tuple[Place, str, date, str, str]]) -> set[int]:
        """Store (place, holder, since, source, note) rows, replacing any for the same place and day."""
        touched: set[int] = set()
        now = datetime.now(timezone.utc)
        with self.store.engine.begin() as conn:
            for place, holder, since, source, note in entries:
                place_id = self.store._place_id(conn, place)
                conn.execute(delete(c.control_baseline).where(c.control_baseline.c.place_id == place_id, c.control_baseline.c.since == since))
                conn.execute(insert(c.control_baseline).values(
                    place_id=place_id, holder=holder, since=since, source=source, note=note or None, created_at=now,
                ))  # fmt: skip
                touched.add(place_id)
        return touched

    def baseline(self, conn: Connection, place_ids: Sequence[int] | None) -> dict[int, list[BaselineEntry]]:
        query = select(c.control_baseline, t.places.c.key).join(t.places, t.places.c.id == c.control_baseline.c.place_id)
        found: dict[int, list[BaselineEntry]] = {}
        for chunk in _chunks(sorted(place_ids), 500) if place_ids is not None else [None]:
            q = query if chunk is None else query.where(c.control_baseline.c.place_id.in_(chunk))
            for row in conn.execute(q.order_by(c.control_baseline.c.since)):
                found.setdefault(row.place_id, []).append(BaselineEntry(row.key, row.holder, row.since, row.source, row.note or ""))
        return found

    # ---- recomputing spans -------------------------------------------------------------------
    def refresh(self, place_ids: Iterable[int] | None = None) -> int:
        """Recompute the spans of these places (all places when None) and of the places they bear on."""
        with self.store.engine.begin() as conn:
            hold_write_lock(conn, CLAIMS_AND_EVENTS)  # two processes refreshing a place write its spans once
            known = self._known_places(conn)
            if place_ids is None:
                targets = known
            else:
                targets = self._affected(conn, set(place_ids), known)
            if not targets:
                return 0
            rows = self._place_rows(conn, sorted(targets))
            baseline = self.baseline(conn, None if place_ids is None else sorted(targets))
            own = self._events(conn, and_(t.events.c.place_id.in_(sorted(targets)) if place_ids is not None else true(), t.events.c.event_type.in_(CONTROL_TYPES)))
            areas = self._area_events(conn, {r.place.country for r in rows.values()})
            captures = _Grid(self.rules.neighbour_km, self._nearby_captures(conn, rows, known))
            spans: list[tuple[int, ControlSpan]] = []
            for place_id, row in rows.items():
                area_events = [ev for area, ev in areas if _contains(area, row.place)]
                near = [ev for pid, place, ev in captures.near(row.place) if pid != place_id]
                for span in place_spans(row.place.key, baseline.get(place_id, ()), own.get(place_id, ()), area_events, near, self.rules):
                    spans.append((place_id, span))
            for chunk in _chunks(sorted(rows), 500):
                conn.execute(delete(c.control_spans).where(c.control_spans.c.place_id.in_(chunk)))
            values = [_span_row(place_id, span) for place_id, span in spans]
            for start in range(0, len(values), 1000):
                conn.execute(insert(c.control_spans), values[start : start + 1000])
        return len(spans)

    def _known_places(self, conn: Connection) -> set[int]:
        """Places with a timeline: a baseline, or captures or fighting at the place itself."""
        at_place = (
            select(t.events.c.place_id)
            .join(t.places, t.places.c.id == t.events.c.place_id)
            .where(t.events.c.event_type.in_(CONTROL_TYPES), t.places.c.feature_code.not_in(AREA_CODES))
        )
        return set(conn.execute(union(select(c.control_baseline.c.place_id), at_place)).scalars())

    def _affected(self, conn: Connection, place_ids: set[int], known: set[int]) -> set[int]:
        rows = self._place_rows(conn, sorted(place_ids))
        targets = place_ids & known
        known_rows = self._place_rows(conn, sorted(known)) if any(row.is_area for row in rows.values()) else {}
        for row in rows.values():
            if row.is_area:
                targets |= {pid for pid, other in known_rows.items() if _contains(row.place, other.place)}
            else:
                targets |= self._within(conn, row.place, known)
        return targets

    def _within(self, conn: Connection, place: Place, known: set[int]) -> set[int]:
        dlat = self.rules.neighbour_km / 111.0
        dlon = dlat / max(0.1, math.cos(math.radians(place.lat)))
        query = select(t.places.c.id, *_place_columns()).where(
            t.places.c.lat.between(place.lat - dlat, place.lat + dlat), t.places.c.lon.between(place.lon - dlon, place.lon + dlon)
        )
        return {row.id for row in conn.execute(query) if row.id in known and _km(place, _place_from_row(row)) <= self.rules.neighbour_km}  # type: ignore[arg-type]

    def _place_rows(self, conn: Connection, place_ids: Sequence[int]) -> dict[int, _PlaceRow]:
        found: dict[int, _PlaceRow] = {}
        for chunk in _chunks(list(place_ids), 500):
            for row in conn.execute(select(t.places.c.id, *_place_columns()).where(t.places.c.id.in_(chunk))):
                found[row.id] = _PlaceRow(row.id, _place_from_row(row))  # type: ignore[arg-type]
        return found

    def _events(self, conn: Connection, where: Any) -> dict[int, list[ControlEvent]]:
        query = (
            select(t.events, t.places.c.key.label("p_key"), c.event_facts.c.disputed, c.event_facts.c.sides, c.event_facts.c.verdict)
            .join(t.places, t.places.c.id == t.events.c.place_id)
            .outerjoin(c.event_facts, c.event_facts.c.event_id == t.events.c.id)
            .where(where, t.events.c.date.is_not(None))
        )
        rows = list(conn.execute(query))
        approach = self._approaching(conn, [row.id for row in rows if row.event_type == "battle"])
        found: dict[int, list[ControlEvent]] = {}
        for row in rows:
            sides = tuple((s["side"], int(s["support"])) for s in json.loads(row.sides)) if row.sides else ()
            found.setdefault(row.place_id, []).append(ControlEvent(
                event_id=row.id, event_type=row.event_type, date=row.date, place_key=row.p_key, actor=row.actor,
                target_actor=row.target_actor, controller_after=row.controller_after, confidence=row.confidence,
                disputed=bool(row.disputed), sides=sides, verdict=row.verdict, approach=row.id in approach,
            ))  # fmt: skip
        return found

    def _approaching(self, conn: Connection, event_ids: list[int]) -> set[int]:
        """Battle events all of whose claims only approach the place ("surrounded", "near Akkas")."""
        verdicts: dict[int, bool] = {}
        for chunk in _chunks(event_ids, 500):
            query = (
                select(t.event_claims.c.event_id, t.claims.c.trigger, t.claims.c.quote, t.claims.c.place_mention)
                .join(t.claims, t.claims.c.id == t.event_claims.c.claim_id)
                .where(t.event_claims.c.event_id.in_(chunk))
            )
            for row in conn.execute(query):
                near = self.rules.approaches(row.trigger or "", row.quote, row.place_mention)
                verdicts[row.event_id] = verdicts.get(row.event_id, True) and near
        return {eid for eid, near in verdicts.items() if near}

    def _area_events(self, conn: Connection, countries: set[str]) -> list[tuple[Place, ControlEvent]]:
        """Captures of whole provinces or countries ("Nineveh is free"), with the area they cover."""
        where = and_(
            t.events.c.event_type == "territory_taken",
            or_(t.places.c.feature_code.in_(AREA_CODES), t.events.c.place_precision.in_(_AREA_PRECISIONS)),
            t.places.c.country.in_(sorted(countries)),
        )
        events = self._events(conn, where)
        places = self._place_rows(conn, sorted(events))
        return [(places[pid].place, ev) for pid, evs in events.items() for ev in evs if pid in places]

    def _nearby_captures(self, conn: Connection, rows: dict[int, _PlaceRow], known: set[int]) -> list[tuple[int, Place, ControlEvent]]:
        """Captures at known places within `neighbour_km` of any of these places."""
        near: set[int] = set()
        if len(rows) > 200:
            near = set(known)
        else:
            for row in rows.values():
                if not row.is_area:
                    near |= self._within(conn, row.place, known)
        if not near:
            return []
        places = self._place_rows(conn, sorted(near))
        found: list[tuple[int, Place, ControlEvent]] = []
        for chunk in _chunks(sorted(near), 500):
            events = self._events(conn, and_(t.events.c.place_id.in_(chunk), t.events.c.event_type == "territory_taken"))
            found += [(pid, places[pid].place, ev) for pid, evs in events.items() for ev in evs]
        return found

    # ---- queries -----------------------------------------------------------------------------
    def spans_on(self, day: date, *, holder: str | None = None, country: str | None = None) -> list[HeldPlace]:
        """Who held each place on a day: per place, the span with the latest start on or before it
        (one index seek per place), ordered by country, province and name."""
        s = c.control_spans
        latest = (
            select(s.c.id).where(s.c.place_id == t.places.c.id, s.c.start <= day)
            .order_by(s.c.start.desc()).limit(1).correlate(t.places).scalar_subquery()
        )  # fmt: skip
        query = (
            select(
                t.places.c.key, t.places.c.name, t.places.c.country, t.places.c.admin1, t.places.c.lat, t.places.c.lon,
                s.c.holder, s.c.contested, s.c.contestants, type_coerce(s.c.start, String), type_coerce(s.c.end, String),
                s.c.confidence, s.c.basis, s.c.event_ids,
            )
            .select_from(t.places)
            .join(s, s.c.id == latest)
            .where(or_(s.c.end.is_(None), s.c.end > day))
            .order_by(t.places.c.country, t.places.c.admin1, t.places.c.name)
        )  # fmt: skip
        if country:
            query = query.where(t.places.c.country == country.upper())
        if holder:
            query = query.where(func.lower(s.c.holder) == holder.lower())
        with self.store.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA mmap_size=1073741824")  # reads by memory map: a third faster on big stores
            collecting = gc.isenabled()
            gc.disable()  # thousands of plain rows and no cycles: a full collection midway only costs time
            try:
                result = conn.execute(query)
                rows = list(map(HeldPlace._make, result.cursor.fetchall()))  # no per-row wrapping
                result.close()
            finally:
                if collecting:
                    gc.enable()
        return rows

    def spans(self, *, place_keys: Sequence[str] | None = None, country: str | None = None, province: str | None = None) -> list[PlaceControl]:
        return list(self.iter_spans(place_keys=place_keys, country=country, province=province))

    def count_spans(self, *, place_keys: Sequence[str] | None = None, country: str | None = None, province: str | None = None) -> int:
        query = _spans_query(place_keys, country, province).with_only_columns(func.count())
        with self.store.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def iter_spans(
        self, *, place_keys: Sequence[str] | None = None, country: str | None = None, province: str | None = None, chunk_size: int = 1000
    ) -> Iterator[PlaceControl]:
        """Spans by start day and place name, read `chunk_size` rows at a time (the index on the start
        day gives them in order, so the first comes at once however many there are)."""
        query = _spans_query(place_keys, country, province)
        with self.store.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=chunk_size).execute(
                query.order_by(c.control_spans.c.start, t.places.c.name)
            )
            try:  # closed also when the reader stops early (a --limit): PostgreSQL holds a server-side cursor
                for rows in result.partitions():
                    yield from (PlaceControl(_place_from_row(row), _span_from_row(row)) for row in rows)  # type: ignore[arg-type]
            finally:
                result.close()

    def baseline_of(self, place_key: str) -> list[BaselineEntry]:
        with self.store.engine.connect() as conn:
            place_id = conn.execute(select(t.places.c.id).where(t.places.c.key == place_key)).scalar_one_or_none()
            return self.baseline(conn, [place_id]).get(place_id, []) if place_id is not None else []


class _Grid:
    """Captures bucketed by map cells of `km`, so that each place finds its neighbours quickly."""

    def __init__(self, km: float, items: list[tuple[int, Place, ControlEvent]]) -> None:
        self.km = km
        self.step = max(km / 111.0, 1e-6)
        self.cells: dict[tuple[int, int], list[tuple[int, Place, ControlEvent]]] = {}
        for item in items:
            self.cells.setdefault(self.cell(item[1]), []).append(item)

    def cell(self, place: Place) -> tuple[int, int]:
        return (math.floor(place.lat / self.step), math.floor(place.lon * math.cos(math.radians(place.lat)) / self.step))

    def near(self, place: Place) -> list[tuple[int, Place, ControlEvent]]:
        x, y = self.cell(place)
        found = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                found += [item for item in self.cells.get((x + dx, y + dy), ()) if _km(item[1], place) <= self.km]
        return found


def _spans_query(place_keys: Sequence[str] | None, country: str | None, province: str | None) -> Any:
    query = select(c.control_spans, *_place_columns()).join(t.places, t.places.c.id == c.control_spans.c.place_id)
    if place_keys is not None:
        query = query.where(t.places.c.key.in_(list(place_keys)))
    if country:
        query = query.where(t.places.c.country == country.upper())
    if province:
        query = query.where(func.lower(t.places.c.admin1) == province.lower())
    return query


def _contains(area: Place, place: Place) -> bool:
    if area.country != place.country or area.key == place.key or place.feature_code in AREA_CODES:
        return False
    if area.feature_code.startswith("PCL"):
        return True
    return bool(place.admin1) and place.admin1 in {area.admin1, area.name}


def _km(a: Place, b: Place) -> float:
    from frontlines.fuse import distance_km

    return distance_km(a, b)


def _span_row(place_id: int, span: ControlSpan) -> dict[str, Any]:
    return {
        "place_id": place_id, "holder": span.holder, "contested": span.contested,
        "contestants": " | ".join(span.contestants), "start": span.start, "end": span.end,
        "confidence": span.confidence, "basis": span.basis, "event_ids": " ".join(map(str, span.event_ids)),
    }  # fmt: skip


def _span_from_row(row: Any) -> ControlSpan:
    return ControlSpan(
        place_key=row.p_key, holder=row.holder, start=row.start, end=row.end, confidence=row.confidence,
        basis=row.basis, event_ids=tuple(int(e) for e in row.event_ids.split()), contested=bool(row.contested),
        contestants=tuple(x for x in row.contestants.split(" | ") if x),
    )  # fmt: skip
