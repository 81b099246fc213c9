"""The GeoJSON export is an RFC 7946 FeatureCollection: a Point at [lon, lat] per placed event, a
null geometry for an event with no place (kept, not dropped), the JSONL export's properties with the
sources' URLs, written as the events come."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.model import Event, Place, Source
from frontlines.outputs.geojson import HEADER, event_feature, events_to_geojson, geojson_lines

RAWA = Place(key="gn:92004", name="Rawa", lat=34.48229, lon=41.91898, country="IQ", admin1="Anbar", geonames_id=92004)


def assert_rfc7946_feature_collection(doc: Any) -> None:
    """The rules of RFC 7946 a FeatureCollection of Point features must keep (sections 1.4, 3.1.1,
    3.1.2, 3.2, 3.3 and 4): the members, their types, [longitude, latitude] in WGS84 bounds, no `crs`."""
    assert isinstance(doc, dict) and doc.get("type") == "FeatureCollection" and "crs" not in doc
    assert isinstance(doc.get("features"), list)
    for feature in doc["features"]:
        assert isinstance(feature, dict) and feature.get("type") == "Feature", feature
        assert "geometry" in feature and "properties" in feature, feature
        assert feature["properties"] is None or isinstance(feature["properties"], dict)
        if "id" in feature:
            assert isinstance(feature["id"], (str, int, float)) and not isinstance(feature["id"], bool)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry.get("type") == "Point" and set(geometry) <= {"type", "coordinates", "bbox"}
        position = geometry["coordinates"]
        assert isinstance(position, list) and len(position) in (2, 3)
        assert all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in position)
        lon, lat = position[:2]
        assert -180 <= lon <= 180 and -90 <= lat <= 90, position


def source(url: str | None = "https://example.org/rawa", quote: str = "Iraqi forces retook Rawa.") -> Source:
    return Source(report_id=1, outlet="Iraqi News", title="Rawa freed", published=date(2017, 11, 17), url=url, quote=quote, start=0, end=len(quote))


def event(place: Place | None, *, id: int = 1, quote: str = "Iraqi forces retook Rawa.") -> Event:
    return Event(event_type="territory_taken", date=date(2017, 11, 17), date_precision="day", actor="Iraqi forces",
                 target_actor="Islamic State", controller_after="Iraqi forces", fatalities=None, place=place,
                 place_name=place.name if place else "the desert west of Rawa", confidence=0.8,
                 sources=(source(quote=quote), source("https://example.org/rawa-2")), place_precision="town" if place else None, id=id)  # fmt: skip


def test_a_placed_event_is_a_point_at_longitude_then_latitude() -> None:
    feature = event_feature(event(RAWA))
    assert feature["geometry"] == {"type": "Point", "coordinates": [41.91898, 34.48229]}
    assert feature["id"] == 1


def test_an_unplaced_event_is_kept_with_a_null_geometry() -> None:
    doc = json.loads(events_to_geojson([event(RAWA, id=1), event(None, id=2)]))
    assert_rfc7946_feature_collection(doc)
    unplaced = doc["features"][1]
    assert unplaced["geometry"] is None and unplaced["properties"]["place_name"] == "the desert west of Rawa"


def test_properties_are_the_jsonl_export_s_with_the_place_flattened_and_the_urls_listed() -> None:
    props = event_feature(event(RAWA))["properties"]
    assert {k: props[k] for k in ("event_type", "date", "actor", "place_name", "geonames_id", "admin1", "country", "place_precision")} == {
        "event_type": "territory_taken", "date": "2017-11-17", "actor": "Iraqi forces", "place_name": "Rawa",
        "geonames_id": 92004, "admin1": "Anbar", "country": "IQ", "place_precision": "town",
    }  # fmt: skip
    assert props["urls"] == ["https://example.org/rawa", "https://example.org/rawa-2"] and props["outlets"] == ["Iraqi News"]
    assert props["sources"][0]["url"] == "https://example.org/rawa" and props["first_quote"] == "Iraqi forces retook Rawa."
    assert "lat" not in props and "lon" not in props  # the coordinates live in the geometry


def test_an_empty_store_gives_an_empty_valid_collection() -> None:
    doc = json.loads(events_to_geojson([]))
    assert_rfc7946_feature_collection(doc)
    assert doc["features"] == []


def test_the_collection_is_written_as_the_events_come() -> None:
    consumed: list[int] = []

    def events() -> Iterator[Event]:
        for n in range(1, 4):
            consumed.append(n)
            yield event(RAWA, id=n)

    pieces = geojson_lines(events())
    assert next(pieces) == HEADER and consumed == []
    assert json.loads(next(pieces))["id"] == 1 and consumed == [1]
    assert next(pieces).startswith(",\n")


def test_terminal_control_characters_are_escaped_and_read_back_the_same() -> None:
    quote = "Iraqi forces retook Rawa\x9b31m\x1b]52;c;x\x07."
    text = events_to_geojson([event(RAWA, quote=quote)])
    assert not {"\x1b", "\x07", "\x9b"} & set(text)
    assert json.loads(text)["features"][0]["properties"]["first_quote"] == quote


@pytest.mark.model
def test_the_demo_corpus_exports_a_valid_collection_with_every_event(demo_store_path: Path) -> None:
    db = str(demo_store_path)
    out = CliRunner().invoke(main, ["--db", db, "events", "--format", "geojson"], catch_exceptions=False)
    assert out.exit_code == 0
    doc = json.loads(out.stdout)
    assert_rfc7946_feature_collection(doc)
    jsonl = [json.loads(line) for line in CliRunner().invoke(main, ["--db", db, "events", "--format", "jsonl"]).stdout.splitlines()]
    assert [f["id"] for f in doc["features"]] == [e["id"] for e in jsonl]
    assert sum(f["geometry"] is None for f in doc["features"]) == sum(e["place"]["lat"] is None for e in jsonl)
    rawa = next(f for f in doc["features"] if f["properties"]["place_name"] == "Rawa")
    lon, lat = rawa["geometry"]["coordinates"]
    assert (round(lat, 2), round(lon, 2)) == (34.48, 41.92)  # Rawa lies at 34.47 N, 41.91 E
    assert all(f["properties"]["urls"] for f in doc["features"])
