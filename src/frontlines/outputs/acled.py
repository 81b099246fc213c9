"""The ACLED-style CSV: events in ACLED's columns, in ACLED's order, with ACLED's event types.

The mapping (event and sub-event types, actor types, precision codes, countries) is data, in
data/exports/acled.yaml, and docs/outputs.md shows it as a table. Where ACLED has a value frontlines
does not know, the cell is empty (assoc_actor_1/2, admin2, admin3, source_scale); `fatalities` is 0
when no toll was reported, as in ACLED. `notes` carries the first quote and every source's URL.
Cells are spreadsheet-safe as in the flat CSV (`spreadsheet_safe`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, time, timezone
from typing import Any

from frontlines.model import Event
from frontlines.outputs.acled_mapping import AcledMapping, load_acled_mapping
from frontlines.outputs.exports import csv_lines
from frontlines.theatres import Theatre, load_theatre

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip


def acled_row(event: Event, mapping: AcledMapping, theatre: Theatre) -> dict[str, Any]:
    """One event in ACLED's columns (values as they are, not yet made spreadsheet-safe)."""
    rule = mapping.classify(event, theatre)
    place = event.place
    country_code = place.country if place else None
    country = mapping.countries.get(country_code or "")
    actor1 = event.actor or mapping.unnamed_name.format(country=country.name if country else country_code or "").replace(" ()", "")
    inter1 = mapping.inter_of(event.actor, theatre) if event.actor else mapping.unnamed_inter
    inter2 = mapping.inter_of(event.target_actor, theatre)
    return {
        "event_id_cnty": f"{country.alpha3 if country else country_code or 'XXX'}{event.id}" if event.id is not None else "",
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": mapping.time_precision.get(event.date_precision or "", ""),
        "disorder_type": mapping.disorder_types.get(rule.event_type, ""),
        "event_type": rule.event_type,
        "sub_event_type": rule.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": event.target_actor or "",
        "assoc_actor_2": "",
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": country.iso if country and country.iso is not None else "",
        "region": country.region if country else "",
        "country": country.name if country else country_code or "",
        "admin1": place.admin1 if place else "",
        "admin2": "",
        "admin3": "",
        "location": event.place_label or "",
        "latitude": place.lat if place else "",
        "longitude": place.lon if place else "",
        "geo_precision": mapping.geo_precision.get(event.place_precision or "", ""),
        "source": "; ".join(dict.fromkeys(s.outlet for s in event.sources)),
        "source_scale": "",
        "notes": notes(event),
        "fatalities": event.fatalities or 0,
        "tags": tags(event),
        "timestamp": timestamp(event),
    }


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's two-digit interaction code: the two actor types, the smaller first; one actor alone is N0."""
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def notes(event: Event) -> str:
    """The first source's quote, then every source's URL (space-separated, as URLs hold no spaces)."""
    quote = event.sources[0].quote if event.sources else ""
    urls = list(dict.fromkeys(s.url for s in event.sources if s.url))
    return f"{quote} Sources: {' '.join(urls)}".strip() if urls else quote


def tags(event: Event) -> str:
    found = [f"frontlines confidence={event.confidence:.2f}"]
    if event.review != "none":
        found.append(f"review={event.review}")
    return "; ".join(found)


def timestamp(event: Event) -> int | str:
    """ACLED's timestamp is when a row last changed; here, the newest source's publication day (UTC)."""
    days = [s.published for s in event.sources if s.published]
    return int(datetime.combine(max(days), time(), tzinfo=timezone.utc).timestamp()) if days else ""


def acled_csv_lines(events: Iterable[Event], *, mapping: AcledMapping | None = None, theatre: Theatre | None = None) -> Iterator[str]:
    """The header, then one ACLED row per event as the events come."""
    mapping = mapping or load_acled_mapping()
    theatre = theatre or load_theatre()
    rows = (acled_row(event, mapping, theatre) for event in events)
    return csv_lines(ACLED_COLUMNS, ([row[column] for column in ACLED_COLUMNS] for row in rows))


def events_to_acled_csv(events: Iterable[Event], **kwargs: Any) -> str:
    return "".join(acled_csv_lines(events, **kwargs))
