"""Fusion against the store, incrementally: new claims join the events around them.

A run gathers the claims fusion has not seen (no row in `claim_fusion`), the events that lost
claims to a re-extraction (their `event_claims` links went with the old claims) or that an analyst
reviewed, and the events of the same kinds within a
few days of those claims in the same countries; it fuses that neighbourhood again with
`frontlines.fuse.fuse` and writes back only what it covers. An event keeps its id when the new
event shares most of its claims, so notes and links stay valid; an event absorbed by another
hands its notes over.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.engine import Connection

from frontlines.fuse import DENIAL_MODALITIES, FusedEvent, FusionRules, ReportInfo, date_interval, fuse, is_area
from frontlines.model import Claim, DateValue, Place
from frontlines.store import control_schema as c
from frontlines.store import schema as t
from frontlines.store.locks import CLAIMS_AND_EVENTS, hold_write_lock
from frontlines.store.rows import _claim_from_row, _place_columns, _place_from_row
from frontlines.store.store import Store, _chunks

WINDOW_DAYS = 5  # beyond twice the widest date tolerance, so every event a claim could join is loaded


@dataclass
class FusionUpdate:
    """What one fusion run changed: events written and removed, and the places they are at."""

    written: list[int] = field(default_factory=list)
    created: list[int] = field(default_factory=list)  # of `written`, the events that are new
    removed: list[int] = field(default_factory=list)
    place_ids: set[int] = field(default_factory=set)
    claims: int = 0


class FusionStore:
    def __init__(self, store: Store, rules: FusionRules | None = None) -> None:
        self.store = store
        self.rules = rules or FusionRules.load()

    # ---- the run ---------------------------------------------------------------------------
    def run(self, *, rebuild: bool = False, touched_events: Iterable[int] = ()) -> FusionUpdate:
        with self.store.engine.begin() as conn:
            hold_write_lock(conn, CLAIMS_AND_EVENTS)  # one fusion at a time sees the pending claims
            rejected_reports = self._rejected_reports(conn)
            if rebuild:
                conn.execute(delete(c.claim_fusion))
                old_ids = list(conn.execute(select(t.events.c.id)).scalars())
                claims = self._claims(conn, None)
            else:
                seeds = set(touched_events) | self._ghost_events(conn)
                # where the new and the reviewed claims are, as corrected: the events around them
                around = self._corrected(conn, self._pending_claims(conn) + self._claims_of_events(conn, seeds))
                old_ids = sorted(seeds | self._events_near(conn, around))
                by_id = {cl.id: cl for cl in around}
                by_id.update((cl.id, cl) for cl in self._claims_of_events(conn, old_ids) if cl.id not in by_id)
                by_id.update((cl.id, cl) for cl in self._unattached_denials(conn, list(by_id.values())) if cl.id not in by_id)
                claims = list(by_id.values())
            claims = [cl for cl in claims if cl.report_id not in rejected_reports]
            if not claims and not old_ids:
                return FusionUpdate()
            claims = self._corrected(conn, claims)
            reports = self._report_info(conn, {cl.report_id for cl in claims if cl.report_id is not None})
            siblings = self._siblings(conn, claims)
            verdicts = self._verdicts(conn, [cl.id for cl in claims if cl.id is not None])
            fused = fuse(claims, reports, rules=self.rules, report_claims=siblings, verdicts=verdicts)
            changes = self._write(conn, fused, old_ids, claims)
            self._forget_rejected(conn, rejected_reports)
        return changes

    # ---- what to fuse ------------------------------------------------------------------------
    def _claims(self, conn: Connection, where: object | None) -> list[Claim]:
        query = select(t.claims, *_place_columns()).outerjoin(t.places, t.places.c.id == t.claims.c.place_id)
        if where is not None:
            query = query.where(where)  # type: ignore[arg-type]
        return [_claim_from_row(row) for row in conn.execute(query.order_by(t.claims.c.id))]

    def _pending_claims(self, conn: Connection) -> list[Claim]:
        """Claims fusion has not seen; with them, the unplaced claims of their reports (seen, but
        maybe under an id the database has since given to a new claim)."""
        seen = select(c.claim_fusion.c.claim_id).where(c.claim_fusion.c.claim_id == t.claims.c.id).exists()
        pending = self._claims(conn, ~seen)
        report_ids = sorted({cl.report_id for cl in pending if cl.report_id is not None})
        for chunk in _chunks(report_ids, 500):
            unplaced = and_(c.claim_fusion.c.report_id.in_(chunk), c.claim_fusion.c.event_id.is_(None))
            ids = list(conn.execute(select(c.claim_fusion.c.claim_id).where(unplaced)).scalars())
            if ids:
                conn.execute(delete(c.claim_fusion).where(unplaced))
                pending += self._claims(conn, t.claims.c.id.in_(ids))
        return pending

    def _ghost_events(self, conn: Connection) -> set[int]:
        """Events that lost claims (a report extracted again deletes its old claims, and the database
        may give their ids to new ones): the ledger rows go, and the events are fused again."""
        linked = select(t.event_claims.c.claim_id).where(
            t.event_claims.c.event_id == c.claim_fusion.c.event_id, t.event_claims.c.claim_id == c.claim_fusion.c.claim_id
        ).exists()
        rows = list(conn.execute(select(c.claim_fusion.c.claim_id, c.claim_fusion.c.event_id).where(c.claim_fusion.c.event_id.is_not(None), ~linked)))
        for chunk in _chunks([row.claim_id for row in rows], 500):
            conn.execute(delete(c.claim_fusion).where(c.claim_fusion.c.claim_id.in_(chunk)))
        return {row.event_id for row in rows}

    def _claims_of_events(self, conn: Connection, event_ids: Iterable[int]) -> list[Claim]:
        found: list[Claim] = []
        for chunk in _chunks(sorted(set(event_ids)), 500):
            members = select(t.event_claims.c.claim_id).where(t.event_claims.c.event_id.in_(chunk))
            found += self._claims(conn, t.claims.c.id.in_(members))
        return found

    def _events_near(self, conn: Connection, claims: Sequence[Claim]) -> set[int]:
        """Events of the same kinds within a few days of these claims, in their countries."""
        windows: dict[tuple[str, ...], list[tuple[date, date]]] = {}
        countries = {cl.place.country for cl in claims if cl.place is not None}
        undated: set[tuple[str, ...]] = set()
        for claim in claims:
            kind = self.rules.kind(claim.event_type)
            types = tuple(sorted(tp for tp, k in self.rules.kinds.items() if k == kind))
            interval = date_interval(claim)
            if interval is None:
                undated.add(types)
                continue
            margin = timedelta(days=WINDOW_DAYS)
            windows.setdefault(types, []).append((interval[0] - margin, interval[1] + margin))
        found: set[int] = set()
        place_ok = or_(t.events.c.place_id.is_(None), t.places.c.country.in_(sorted(countries)))
        base = select(t.events.c.id).outerjoin(t.places, t.places.c.id == t.events.c.place_id)
        for types, spans in windows.items():
            for lo, hi in _merged(spans):
                query = base.where(t.events.c.event_type.in_(types), t.events.c.date >= lo, t.events.c.date <= hi, place_ok)
                found.update(conn.execute(query).scalars())
        for types in undated:
            found.update(conn.execute(base.where(t.events.c.event_type.in_(types), t.events.c.date.is_(None))).scalars())
        return found

    def _unattached_denials(self, conn: Connection, claims: Sequence[Claim]) -> list[Claim]:
        """Denials fusion saw before the capture they deny was reported."""
        if not claims:
            return []
        alone = select(c.claim_fusion.c.claim_id).where(c.claim_fusion.c.event_id.is_(None))
        dates = [d for cl in claims for d in (date_interval(cl) or ())]
        if not dates:
            return []
        margin = timedelta(days=WINDOW_DAYS)
        return self._claims(conn, and_(
            t.claims.c.id.in_(alone), t.claims.c.modality.in_(sorted(DENIAL_MODALITIES)),
            t.claims.c.date >= min(dates) - margin, t.claims.c.date <= max(dates) + margin,
        ))  # fmt: skip

    def _siblings(self, conn: Connection, claims: Sequence[Claim]) -> dict[int, list[Claim]]:
        """Every claim of the reports that make area-level claims (to tell vague ones from summaries)."""
        report_ids = sorted({cl.report_id for cl in claims if is_area(cl) and cl.report_id is not None})
        grouped: dict[int, list[Claim]] = {}
        for chunk in _chunks(report_ids, 500):
            for claim in self._claims(conn, t.claims.c.report_id.in_(chunk)):
                grouped.setdefault(claim.report_id or -1, []).append(claim)
        return grouped

    def _report_info(self, conn: Connection, report_ids: set[int]) -> dict[int, ReportInfo]:
        info: dict[int, ReportInfo] = {}
        for chunk in _chunks(sorted(report_ids), 500):
            query = (
                select(t.reports.c.id, t.reports.c.published, t.outlets.c.name)
                .join(t.outlets, t.outlets.c.id == t.reports.c.outlet_id)
                .where(t.reports.c.id.in_(chunk))
            )
            info.update((row.id, ReportInfo(row.name, row.published)) for row in conn.execute(query))
        return info

    def _rejected_reports(self, conn: Connection) -> set[int]:
        query = select(t.notes.c.target_id, t.notes.c.verdict).where(t.notes.c.target_kind == "report").order_by(t.notes.c.id)
        latest: dict[int, str | None] = {}
        for row in conn.execute(query):
            if row.verdict in ("reject", "confirm"):
                latest[row.target_id] = row.verdict
        return {report_id for report_id, verdict in latest.items() if verdict == "reject"}

    def _verdicts(self, conn: Connection, claim_ids: list[int]) -> dict[int, tuple[int, str]]:
        found: dict[int, tuple[int, str]] = {}
        for chunk in _chunks(sorted(claim_ids), 500):
            query = select(c.claim_reviews.c.claim_id, c.claim_reviews.c.note_id, c.claim_reviews.c.verdict).where(
                c.claim_reviews.c.claim_id.in_(chunk)
            )
            for row in conn.execute(query):
                found[row.claim_id] = max(found.get(row.claim_id, (0, "")), (row.note_id, row.verdict))
        return found

    def _corrected(self, conn: Connection, claims: list[Claim]) -> list[Claim]:
        """Claims with an analyst's corrections laid over what the extractor read."""
        fixes: dict[int, dict[str, str]] = {}
        for chunk in _chunks(sorted(cl.id for cl in claims if cl.id is not None), 500):
            query = (
                select(c.claim_reviews.c.claim_id, c.claim_reviews.c.field, c.claim_reviews.c.value)
                .where(c.claim_reviews.c.claim_id.in_(chunk), c.claim_reviews.c.verdict == "correct")
                .order_by(c.claim_reviews.c.note_id)
            )
            for row in conn.execute(query):
                fixes.setdefault(row.claim_id, {})[row.field] = row.value
        if not fixes:
            return claims
        places = self._places(conn, {v for f in fixes.values() for k, v in f.items() if k == "place"})
        return [apply_correction(cl, fixes[cl.id], places) if cl.id in fixes else cl for cl in claims]

    def _places(self, conn: Connection, keys: set[str]) -> dict[str, Place]:
        if not keys:
            return {}
        rows = conn.execute(select(*_place_columns()).where(t.places.c.key.in_(sorted(keys))))
        return {row.p_key: place for row in rows if (place := _place_from_row(row)) is not None}

    # ---- writing back ------------------------------------------------------------------------
    def _write(self, conn: Connection, fused: list[FusedEvent], old_ids: Sequence[int], claims: Sequence[Claim]) -> FusionUpdate:
        result = FusionUpdate(claims=len(claims))
        old_members: dict[int, set[int]] = {eid: set() for eid in old_ids}
        for chunk in _chunks(sorted(old_ids), 500):
            rows = conn.execute(select(t.event_claims.c.event_id, t.event_claims.c.claim_id).where(t.event_claims.c.event_id.in_(chunk)))
            for row in rows:
                old_members[row.event_id].add(row.claim_id)
            result.place_ids.update(p for p in conn.execute(select(t.events.c.place_id).where(t.events.c.id.in_(chunk))).scalars() if p)
        owner_of_claim = {cid: eid for eid, members in old_members.items() for cid in members}
        reuse: dict[int, int] = {}  # index in fused -> old event id
        taken: set[int] = set()
        for index, item in enumerate(fused):
            overlap: dict[int, int] = {}
            for cid in item.claim_ids:
                if cid in owner_of_claim and owner_of_claim[cid] not in taken:
                    overlap[owner_of_claim[cid]] = overlap.get(owner_of_claim[cid], 0) + 1
            if overlap:
                chosen = min(overlap, key=lambda eid: (-overlap[eid], eid))
                reuse[index] = chosen
                taken.add(chosen)
        gone = [eid for eid in old_ids if eid not in taken]
        heir = self._heirs(fused, reuse, old_members, gone)
        for chunk in _chunks(gone, 500):
            conn.execute(delete(t.event_claims).where(t.event_claims.c.event_id.in_(chunk)))
            conn.execute(delete(c.event_facts).where(c.event_facts.c.event_id.in_(chunk)))
            conn.execute(update(c.claim_fusion).where(c.claim_fusion.c.event_id.in_(chunk)).values(event_id=None))
            conn.execute(delete(t.events).where(t.events.c.id.in_(chunk)))
        result.removed = gone
        for index, event_id in reuse.items():  # free the keys first: two kept events may swap them
            conn.execute(update(t.events).where(t.events.c.id == event_id).values(fusion_key=f"~{event_id}"))
        ids: list[int] = []
        for index, item in enumerate(fused):
            event_id, place_id = self._save_event(conn, item, reuse.get(index))
            ids.append(event_id)
            if index not in reuse:
                result.created.append(event_id)
            if place_id is not None:
                result.place_ids.add(place_id)
        for old, heir_index in heir.items():
            conn.execute(update(t.notes).where(t.notes.c.target_kind == "event", t.notes.c.target_id == old).values(target_id=ids[heir_index]))
        self._save_ledger(conn, fused, ids, claims)
        result.written = ids
        return result

    @staticmethod
    def _heirs(fused: list[FusedEvent], reuse: dict[int, int], old_members: dict[int, set[int]], gone: list[int]) -> dict[int, int]:
        """For each removed event, the new event that took most of its claims (its notes go there)."""
        heirs: dict[int, int] = {}
        for old in gone:
            counts = {i: len(old_members[old] & set(item.claim_ids)) for i, item in enumerate(fused)}
            best = max(counts, key=lambda i: (counts[i], -i), default=None)
            if best is not None and counts[best] > 0:
                heirs[old] = best
        return heirs

    def _save_event(self, conn: Connection, item: FusedEvent, event_id: int | None) -> tuple[int, int | None]:
        ev, facts = item.event, item.facts
        place_id = self.store._place_id(conn, ev.place) if ev.place else None
        row = {
            "fusion_key": item.key, "event_type": ev.event_type, "date": ev.date, "date_precision": ev.date_precision,
            "actor": ev.actor, "target_actor": ev.target_actor, "controller_after": ev.controller_after,
            "fatalities": ev.fatalities, "place_id": place_id, "place_name": ev.place_name,
            "place_precision": ev.place_precision, "confidence": ev.confidence,
        }  # fmt: skip
        if event_id is None:
            event_id = conn.execute(insert(t.events).values(row)).inserted_primary_key[0]
        else:
            conn.execute(update(t.events).where(t.events.c.id == event_id).values(row))
            conn.execute(delete(t.event_claims).where(t.event_claims.c.event_id == event_id))
            conn.execute(delete(c.event_facts).where(c.event_facts.c.event_id == event_id))
        conn.execute(insert(t.event_claims), [{"event_id": event_id, "claim_id": cid} for cid in item.claim_ids])
        sides = [{"side": s.name, "claims": list(s.claim_ids), "outlets": list(s.outlets), "support": s.support} for s in facts.sides]
        conn.execute(insert(c.event_facts).values(
            event_id=event_id, disputed=facts.disputed, sides=json.dumps(sides), first_report_id=facts.first_report_id,
            first_reported=facts.first_reported, outlets=facts.outlets, reports=facts.reports,
            corroboration=float(facts.corroboration), verdict=facts.verdict,
        ))  # fmt: skip
        return event_id, place_id

    @staticmethod
    def _save_ledger(conn: Connection, fused: list[FusedEvent], ids: list[int], claims: Sequence[Claim]) -> None:
        placed = {cid: (event_id, item.side_of_claim.get(cid, "")) for item, event_id in zip(fused, ids) for cid in item.claim_ids}
        rows = [
            {"claim_id": cl.id, "report_id": cl.report_id, "event_id": placed.get(cl.id, (None, ""))[0], "side": placed.get(cl.id, (None, ""))[1]}
            for cl in claims
            if cl.id is not None
        ]
        for chunk in _chunks([r["claim_id"] for r in rows], 500):
            conn.execute(delete(c.claim_fusion).where(c.claim_fusion.c.claim_id.in_(chunk)))
        for start in range(0, len(rows), 500):
            conn.execute(insert(c.claim_fusion), rows[start : start + 500])

    def _forget_rejected(self, conn: Connection, report_ids: set[int]) -> None:
        """Claims of rejected reports are seen (so not pending) but belong to no event."""
        for chunk in _chunks(sorted(report_ids), 500):
            conn.execute(delete(c.claim_fusion).where(c.claim_fusion.c.report_id.in_(chunk)))
            rows = conn.execute(select(t.claims.c.id, t.claims.c.report_id).where(t.claims.c.report_id.in_(chunk)))
            fresh = [{"claim_id": row.id, "report_id": row.report_id, "event_id": None, "side": ""} for row in rows]
            if fresh:
                conn.execute(insert(c.claim_fusion), fresh)


def _merged(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def apply_correction(claim: Claim, fixes: dict[str, str], places: dict[str, Place]) -> Claim:
    """A claim as an analyst corrected it: the event type, date (YYYY, YYYY-MM, YYYY-MM-DD), actor, target or place."""
    changes: dict[str, object] = {}
    if "event_type" in fixes:
        changes["event_type"] = fixes["event_type"]
    if "date" in fixes:
        changes["date"] = parse_date_value(fixes["date"])
    if "actor" in fixes:
        changes["actor"] = fixes["actor"] or None
        if (fixes.get("event_type") or claim.event_type) == "territory_taken":
            changes["controller_after"] = fixes["actor"] or None
    if "target_actor" in fixes:
        changes["target_actor"] = fixes["target_actor"] or None
    if "place" in fixes and fixes["place"] in places:
        place = places[fixes["place"]]
        from frontlines.gazetteer.precision import place_precision

        changes.update(place=place, place_mention=place.name, place_precision=place_precision(place))
    return replace(claim, **changes)  # type: ignore[arg-type]


def parse_date_value(text: str) -> DateValue:
    """YYYY, YYYY-MM or YYYY-MM-DD as a date with its precision."""
    parts = text.strip().split("-")
    if len(parts) == 1:
        return DateValue(date(int(parts[0]), 1, 1), "year", text)
    if len(parts) == 2:
        return DateValue(date(int(parts[0]), int(parts[1]), 1), "month", text)
    return DateValue(date.fromisoformat(text.strip()), "day", text)
