"""Store: reports, claims, places and events in SQLite (default) or PostgreSQL.

Every write runs in one transaction; a failure leaves what was stored before untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from frontlines.model import Claim, DateValue, Event, Place, Report, Source
from frontlines.store import schema as t
from frontlines.store.engine import open_engine


@dataclass(frozen=True)
class StoredReport:
    """A report as the store holds it, with its id."""

    id: int
    report: Report


class Store:
    """The one writer of the database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> Store:
        """Open (creating and migrating as needed) the database at an SQLAlchemy URL.

        With ``create=False`` an SQLite file that does not exist is a StoreError, not a new database.
        """
        return cls(open_engine(url, create=create))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reports -------------------------------------------------------------------------
    def add_reports(self, reports: Iterable[Report]) -> list[tuple[int, bool]]:
        """Store reports not seen before (by content hash), in one transaction.

        Returns (report id, is_new) per input report; same bytes twice add nothing.
        """
        results: list[tuple[int, bool]] = []
        now = datetime.now(timezone.utc)
        with self.engine.begin() as conn:
            for report in reports:
                digest = report.content_hash
                existing = conn.execute(
                    select(t.reports.c.id).where(t.reports.c.content_hash == digest)
                ).scalar_one_or_none()
                if existing is not None:
                    results.append((existing, False))
                    continue
                outlet_id = self._outlet_id(conn, report.outlet, report.language)
                new_id = conn.execute(
                    insert(t.reports).values(
                        outlet_id=outlet_id,
                        title=report.title,
                        url=report.url,
                        published=report.published,
                        published_inferred=report.published_inferred,
                        published_source=report.published_source,
                        published_precision=report.published_precision,
                        language=report.language,
                        text=report.text,
                        raw=report.raw,
                        content_hash=digest,
                        origin=report.origin,
                        ingested_at=now,
                    )
                ).inserted_primary_key[0]
                results.append((new_id, True))
        return results

    @staticmethod
    def _outlet_id(conn: Connection, name: str, language: str) -> int:
        found = conn.execute(select(t.outlets.c.id).where(t.outlets.c.name == name)).scalar_one_or_none()
        if found is not None:
            return found
        return conn.execute(insert(t.outlets).values(name=name, language=language)).inserted_primary_key[0]

    def reports(self, ids: Sequence[int] | None = None) -> list[StoredReport]:
        query = (
            select(t.reports, t.outlets.c.name.label("outlet"))
            .join(t.outlets, t.outlets.c.id == t.reports.c.outlet_id)
            .order_by(t.reports.c.id)
        )
        if ids is not None:
            query = query.where(t.reports.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [_report_from_row(row) for row in conn.execute(query)]

    def report_ids_needing_extraction(self, version: str) -> list[int]:
        query = select(t.reports.c.id).order_by(t.reports.c.id).where(
            (t.reports.c.extracted_version.is_(None)) | (t.reports.c.extracted_version != version)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.metadata.tables[table])).scalar_one()

    # ---- claims --------------------------------------------------------------------------
    def save_claims(self, claims_by_report: dict[int, list[Claim]], version: str) -> int:
        """Replace the claims of each report with freshly extracted ones, in one transaction."""
        rows: list[dict[str, Any]] = []
        place_ids: dict[str, int] = {}
        with self.engine.begin() as conn:
            report_ids = list(claims_by_report)
            for chunk in _chunks(report_ids, 500):
                conn.execute(delete(t.claims).where(t.claims.c.report_id.in_(chunk)))
            for report_id, claims in claims_by_report.items():
                for claim in claims:
                    place_id = None
                    if claim.place is not None:
                        if claim.place.key not in place_ids:
                            place_ids[claim.place.key] = self._place_id(conn, claim.place)
                        place_id = place_ids[claim.place.key]
                    rows.append(_claim_row(claim, report_id, place_id))
            if rows:
                conn.execute(insert(t.claims), rows)  # one executemany for the batch
            for chunk in _chunks(report_ids, 500):
                conn.execute(update(t.reports).where(t.reports.c.id.in_(chunk)).values(extracted_version=version))
        return len(rows)

    @staticmethod
    def _place_id(conn: Connection, place: Place) -> int:
        found = conn.execute(select(t.places.c.id).where(t.places.c.key == place.key)).scalar_one_or_none()
        if found is not None:
            return found
        return conn.execute(
            insert(t.places).values(
                key=place.key,
                geonames_id=place.geonames_id,
                name=place.name,
                lat=place.lat,
                lon=place.lon,
                country=place.country,
                admin1=place.admin1,
                feature_class=place.feature_class,
                feature_code=place.feature_code,
                population=place.population,
            )
        ).inserted_primary_key[0]

    def claims(
        self, report_ids: Sequence[int] | None = None, *, place_keys: Sequence[str] | None = None, modalities: Sequence[str] | None = None
    ) -> list[Claim]:
        query = (
            select(t.claims, *_place_columns())
            .outerjoin(t.places, t.places.c.id == t.claims.c.place_id)
            .order_by(t.claims.c.report_id, t.claims.c.start, t.claims.c.id)
        )
        if report_ids is not None:
            query = query.where(t.claims.c.report_id.in_(list(report_ids)))
        if place_keys is not None:
            query = query.where(t.places.c.key.in_(list(place_keys)))
        if modalities is not None:
            query = query.where(t.claims.c.modality.in_(list(modalities)))
        with self.engine.connect() as conn:
            return [_claim_from_row(row) for row in conn.execute(query)]

    # ---- events --------------------------------------------------------------------------
    def events(
        self,
        *,
        place_keys: Sequence[str] | None = None,
        place_text: str | None = None,
        since: date | None = None,
        until: date | None = None,
        types: Sequence[str] | None = None,
    ) -> list[Event]:
        query = (
            select(t.events, *_place_columns())
            .outerjoin(t.places, t.places.c.id == t.events.c.place_id)
            .order_by(t.events.c.date, t.events.c.id)
        )
        if place_keys is not None or place_text is not None:
            condition = t.places.c.key.in_(list(place_keys or []))
            if place_text:
                # autoescape: a "%" or "_" in the name is that character, not a LIKE wildcard
                condition = condition | func.lower(t.events.c.place_name).contains(place_text.lower(), autoescape=True)
            query = query.where(condition)
        if since is not None:
            query = query.where(t.events.c.date >= since)
        if until is not None:
            query = query.where(t.events.c.date <= until)
        if types:
            query = query.where(t.events.c.event_type.in_(list(types)))
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
            sources = self._sources(conn, [row.id for row in rows])
        return [_event_from_row(row, tuple(sources.get(row.id, ()))) for row in rows]

    @staticmethod
    def _sources(conn: Connection, event_ids: list[int]) -> dict[int, list[Source]]:
        found: dict[int, list[Source]] = {}
        for chunk in _chunks(event_ids, 500):
            query = (
                select(
                    t.event_claims.c.event_id,
                    t.claims.c.report_id,
                    t.claims.c.quote,
                    t.claims.c.modality,
                    t.claims.c.speaker,
                    t.claims.c.start,
                    t.claims.c.end,
                    t.reports.c.title,
                    t.reports.c.published,
                    t.reports.c.published_precision,
                    t.reports.c.published_source,
                    t.reports.c.url,
                    t.outlets.c.name.label("outlet"),
                )
                .join(t.claims, t.claims.c.id == t.event_claims.c.claim_id)
                .join(t.reports, t.reports.c.id == t.claims.c.report_id)
                .join(t.outlets, t.outlets.c.id == t.reports.c.outlet_id)
                .where(t.event_claims.c.event_id.in_(chunk))
                .order_by(t.reports.c.published, t.claims.c.report_id, t.claims.c.start)
            )
            for row in conn.execute(query):
                found.setdefault(row.event_id, []).append(
                    Source(
                        report_id=row.report_id,
                        outlet=row.outlet,
                        title=row.title,
                        published=row.published,
                        url=row.url,
                        quote=row.quote,
                        start=row.start,
                        end=row.end,
                        modality=row.modality,
                        speaker=row.speaker,
                        published_precision=row.published_precision,
                        published_source=row.published_source,
                    )
                )
        return found


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _place_columns() -> list[Any]:
    return [
        t.places.c.key.label("p_key"),
        t.places.c.geonames_id.label("p_geonames_id"),
        t.places.c.name.label("p_name"),
        t.places.c.lat.label("p_lat"),
        t.places.c.lon.label("p_lon"),
        t.places.c.country.label("p_country"),
        t.places.c.admin1.label("p_admin1"),
        t.places.c.feature_class.label("p_feature_class"),
        t.places.c.feature_code.label("p_feature_code"),
        t.places.c.population.label("p_population"),
    ]


def _place_from_row(row: Any) -> Place | None:
    if row.p_key is None:
        return None
    return Place(
        key=row.p_key,
        name=row.p_name,
        lat=row.p_lat,
        lon=row.p_lon,
        country=row.p_country,
        admin1=row.p_admin1 or "",
        feature_class=row.p_feature_class or "",
        feature_code=row.p_feature_code or "",
        geonames_id=row.p_geonames_id,
        population=row.p_population or 0,
    )


def _report_from_row(row: Any) -> StoredReport:
    return StoredReport(
        id=row.id,
        report=Report(
            outlet=row.outlet,
            title=row.title,
            published=row.published,
            text=row.text,
            raw=bytes(row.raw),
            url=row.url,
            language=row.language,
            origin=row.origin,
            published_inferred=bool(row.published_inferred),
            id=row.id,
            published_precision=row.published_precision,
            published_source=row.published_source,
        ),
    )


def _claim_row(claim: Claim, report_id: int, place_id: int | None) -> dict[str, Any]:
    return {
        "report_id": report_id,
        "event_type": claim.event_type,
        "actor": claim.actor,
        "target_actor": claim.target_actor,
        "controller_after": claim.controller_after,
        "place_mention": claim.place_mention,
        "place_id": place_id,
        "place_precision": claim.place_precision,
        "date": claim.date.value if claim.date else None,
        "date_precision": claim.date.precision if claim.date else None,
        "date_text": claim.date.text if claim.date else None,
        "date_until": claim.date.until if claim.date else None,
        "fatalities": claim.fatalities,
        "fatalities_by_actor": json.dumps(dict(claim.fatalities_by_actor)) if claim.fatalities_by_actor else None,
        "fatalities_at_least": claim.fatalities_at_least,
        "fatalities_vague": claim.fatalities_vague,
        "wounded": claim.wounded,
        "vehicles_destroyed": claim.vehicles_destroyed,
        "speaker": claim.speaker,
        "modality": claim.modality,
        "trigger": claim.trigger,
        "confidence": claim.confidence,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
    }


def _claim_from_row(row: Any) -> Claim:
    when = (
        DateValue(value=row.date, precision=row.date_precision or "day", text=row.date_text or "", until=row.date_until)
        if row.date is not None
        else None
    )
    return Claim(
        id=row.id,
        report_id=row.report_id,
        event_type=row.event_type,
        quote=row.quote,
        start=row.start,
        end=row.end,
        actor=row.actor,
        target_actor=row.target_actor,
        controller_after=row.controller_after,
        place_mention=row.place_mention,
        place=_place_from_row(row),
        date=when,
        fatalities=row.fatalities,
        modality=row.modality,
        trigger=row.trigger or "",
        confidence=row.confidence,
        place_precision=row.place_precision,
        fatalities_by_actor=tuple(sorted(json.loads(row.fatalities_by_actor).items())) if row.fatalities_by_actor else (),
        fatalities_at_least=bool(row.fatalities_at_least),
        fatalities_vague=bool(row.fatalities_vague),
        wounded=row.wounded,
        vehicles_destroyed=row.vehicles_destroyed,
        speaker=row.speaker,
    )


def _event_from_row(row: Any, sources: tuple[Source, ...]) -> Event:
    return Event(
        id=row.id,
        event_type=row.event_type,
        date=row.date,
        date_precision=row.date_precision,
        actor=row.actor,
        target_actor=row.target_actor,
        controller_after=row.controller_after,
        fatalities=row.fatalities,
        place=_place_from_row(row),
        place_name=row.place_name,
        confidence=row.confidence,
        sources=sources,
        place_precision=row.place_precision,
    )
