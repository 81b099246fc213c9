"""Rows to dataclasses and back: how the store writes a report or claim and reads an event."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from frontlines.model import Claim, DateValue, Event, Place, Report, Source
from frontlines.store import schema as t

# event_facts.verdict (what fusion keeps of the analysts' latest verdict) -> Event.review
REVIEW_OF_VERDICT = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}


@dataclass(frozen=True)
class StoredReport:
    """A report as the store holds it, with its id."""

    id: int
    report: Report


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


def _report_row(report: Report, outlet_ids: dict[str, int], now: datetime) -> dict[str, Any]:
    return {
        "outlet_id": outlet_ids[report.outlet],
        "title": report.title,
        "url": report.url,
        "published": report.published,
        "published_inferred": report.published_inferred,
        "published_source": report.published_source,
        "author": report.author,
        "published_precision": report.published_precision,
        "language": report.language,
        "text": report.text,
        "raw": report.raw,
        "content_hash": report.content_hash,
        "origin": report.origin,
        "ingested_at": now,
    }


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
            author=row.author,
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
        review=REVIEW_OF_VERDICT.get(row.review_verdict, "none"),
    )
