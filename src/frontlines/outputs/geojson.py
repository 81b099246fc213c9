"""Events as a GeoJSON FeatureCollection (RFC 7946): one Point feature per event, [lon, lat] in WGS84.

An event whose place was not resolved stays in the collection with `"geometry": null` (RFC 7946,
section 3.2), so that nothing the other exports carry is dropped. The properties are the JSONL
export's, with the place flattened (`place_name`, `geonames_id`, `admin1`, `country`,
`place_precision`), the outlets and URLs listed, and the sources kept whole.

Written as it is read: the header, the features one a line separated by commas, the footer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from frontlines.model import Event
from frontlines.outputs.exports import event_to_dict

_C1_CONTROLS = re.compile("[\x7f-\x9f]")  # DEL and the C1 controls, which some terminals obey
HEADER = '{"type": "FeatureCollection", "features": [\n'
FOOTER = "\n]}\n"


def event_feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature; no geometry when its place has no coordinates."""
    data = event_to_dict(event)
    place = data.pop("place")
    lat, lon = place.pop("lat"), place.pop("lon")
    properties = {
        **{key: value for key, value in data.items() if key != "sources"},
        "place_name": place["name"],
        "geonames_id": place["geonames_id"],
        "admin1": place["admin1"],
        "country": place["country"],
        "place_precision": place["precision"],
        "outlets": list(dict.fromkeys(s["outlet"] for s in data["sources"])),
        "urls": list(dict.fromkeys(s["url"] for s in data["sources"] if s["url"])),
        "first_quote": data["sources"][0]["quote"] if data["sources"] else None,
        "sources": data["sources"],
    }
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    feature: dict[str, Any] = {"type": "Feature", "geometry": geometry, "properties": properties}
    if event.id is not None:
        feature["id"] = event.id
    return feature


def geojson_lines(events: Iterable[Event]) -> Iterator[str]:
    """The FeatureCollection in pieces as the events come: the header, a feature a line, the footer."""
    yield HEADER
    separator = ""
    for event in events:
        text = json.dumps(event_feature(event), ensure_ascii=False)
        yield separator + _C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
        separator = ",\n"
    yield FOOTER


def events_to_geojson(events: Iterable[Event]) -> str:
    return "".join(geojson_lines(events))
