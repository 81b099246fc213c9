"""What `frontlines map` shows, as plain JSON-ready data: the period, the places with their control
spans, the dated events with their sources, and the colours and shapes to draw them with.

The page itself (map.py) only renders this; the browser picks, for the slider's day, each place's
span and the events up to that day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from frontlines.control import CONTESTED, ControlSpan
from frontlines.errors import ControlError
from frontlines.model import Event, Place


@dataclass(frozen=True)
class MapPeriod:
    start: date
    end: date
    day: date  # the slider's first position


@lru_cache(maxsize=1)
def map_style() -> Mapping[str, Any]:
    """data/map/style.yaml: holder colours, the palette for other holders, event-type looks."""
    text = (resources.files("frontlines") / "data" / "map" / "style.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def choose_period(events: Sequence[Event], spans: Sequence[ControlSpan], since: date | None, until: date | None, on: date | None) -> MapPeriod:
    """The period asked for, or else the days the events cover (else the spans' starts); the slider
    starts on `on`, or on the period's last day."""
    days = sorted(e.date for e in events if e.date is not None) or sorted(s.start for s in spans) or ([on] if on else [])
    if not days and not (since and until):
        raise ControlError("there is nothing dated to map: no events and no control", hint="ingest reports first, or give --from and --to")
    start = since or (days[0] if days else until)
    end = until or (days[-1] if days else since)
    assert start is not None and end is not None
    if on and not since and on < start:
        start = on
    if on and not until and on > end:
        end = on
    if end < start:
        raise ControlError(f"the period ends ({end}) before it begins ({start})", hint="give --from before --to")
    day = on or end
    if not start <= day <= end:
        raise ControlError(f"--on {day} is outside the period {start} to {end}", hint="give a day within --from and --to")
    return MapPeriod(start, end, day)


def place_entries(spans: Iterable[tuple[Place, ControlSpan]], period: MapPeriod) -> list[dict[str, Any]]:
    """One entry per place that some span of the period covers, its spans in order:
    [start, end or null, label, holder or null, contestants]."""
    found: dict[str, dict[str, Any]] = {}
    for place, span in spans:
        if span.start > period.end or (span.end is not None and span.end <= period.start):
            continue
        entry = found.setdefault(place.key, _place_dict(place))
        entry["spans"].append([
            span.start.isoformat(), span.end.isoformat() if span.end else None, span.label,
            span.holder, list(span.contestants),
        ])  # fmt: skip
    for entry in found.values():
        entry["spans"].sort(key=lambda s: s[0])
    return sorted(found.values(), key=lambda p: (p["country"], p["province"], p["name"]))


def _place_dict(place: Place) -> dict[str, Any]:
    return {
        "key": place.key, "name": place.name, "lat": place.lat, "lon": place.lon,
        "country": place.country, "province": place.admin1 or "", "spans": [],
    }  # fmt: skip


def event_entries(events: Iterable[Event], period: MapPeriod) -> list[dict[str, Any]]:
    """The period's events that have a day and a place, each with its sources."""
    return [_event_dict(e) for e in events if e.date is not None and e.place is not None and period.start <= e.date <= period.end]


def _event_dict(event: Event) -> dict[str, Any]:
    place = event.place
    assert place is not None and event.date is not None
    return {
        "id": event.id, "type": event.event_type, "date": event.date.isoformat(), "precision": event.date_precision,
        "actor": event.actor, "target": event.target_actor, "controller_after": event.controller_after,
        "fatalities": event.fatalities, "confidence": round(event.confidence, 2), "review": event.review,
        "place": event.place_name or place.name, "place_key": place.key, "lat": place.lat, "lon": place.lon,
        "sources": [
            {"outlet": s.outlet, "title": s.title, "published": s.published.isoformat() if s.published else None, "url": s.url, "quote": s.quote}
            for s in event.sources
        ],
    }  # fmt: skip


def holder_colours(places: Sequence[Mapping[str, Any]], style: Mapping[str, Any]) -> dict[str, str]:
    """A colour for every label the spans use: the style's, else the palette's next in name order."""
    labels = sorted({span[2] for place in places for span in place["spans"]})
    known: dict[str, str] = dict(style["holders"])
    palette = list(style["palette"])
    colours: dict[str, str] = {}
    spare = 0
    for label in labels:
        if label == CONTESTED:
            colours[label] = style["contested"]
        elif label == "unknown":
            colours[label] = style["unknown"]
        elif label in known:
            colours[label] = known[label]
        else:
            colours[label] = palette[spare % len(palette)]
            spare += 1
    return colours


def map_data(
    events: Sequence[Event], spans: Sequence[tuple[Place, ControlSpan]], *, since: date | None = None,
    until: date | None = None, on: date | None = None, title: str = "frontlines map",
) -> dict[str, Any]:  # fmt: skip
    """Everything the page embeds, from events and (place, span) pairs."""
    period = choose_period(events, [s for _, s in spans], since, until, on)
    style = map_style()
    places = place_entries(spans, period)
    shown = event_entries(events, period)
    types = dict(style["event_types"])
    return {
        "title": title,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat(), "day": period.day.isoformat()},
        "places": places,
        "events": shown,
        "unplaced": sum(1 for e in events if e.date is None or e.place is None),
        "colours": holder_colours(places, style),
        "contested": CONTESTED,
        "event_types": {name: types.get(name, types["other"]) for name in sorted({e["type"] for e in shown} | set(types))},
    }
