"""The gazetteer of a store: the bundled places merged with the GeoNames rows imported into it.

Merge rules:
- an imported place with the GeoNames id of a bundled place replaces the bundled facts (point,
  feature class and code, country, province, population) but keeps the bundled display name,
  which is the curated English one ("Anbar", not "Muḩāfaz̧at al Anbār");
- names are merged: the bundled names, then every stored name of that GeoNames id; a name the
  supplement removes from a place ("-Husaybah" on al-Qaim) stays removed;
- imported places the bundle lacks are added under the key `gn:<id>`, their province named from
  admin1.tsv for Iraq and Syria, else from the imported ADM1 row with the same admin1 code.
"""

from __future__ import annotations

import gc
import logging
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from typing import Any

from frontlines.errors import GazetteerError
from frontlines.gazetteer.index import DEFAULT_COUNTRIES, Gazetteer, KeyedEntry
from frontlines.gazetteer.normalise import KEY_VERSION, name_key
from frontlines.gazetteer.records import read_places
from frontlines.gazetteer.sources import read_admin1_table, read_supplement
from frontlines.model import Place
from frontlines.store import Store
from frontlines.store import gazetteer_store as stored

__all__ = ["gazetteer_from_store", "gazetteer_stats", "imported_place", "lookup_in_store"]

log = logging.getLogger(__name__)
_NO_ADMIN1 = {"", "00"}


def _admin1_names(places: list[stored.GeonamesPlace]) -> dict[tuple[str, str], str]:
    names = {(row.country, row.admin1_code): row.name for row in places if row.feature_code == "ADM1"}
    names.update({key: admin1.name for key, admin1 in read_admin1_table().items()})
    return names


def imported_place(row: stored.GeonamesPlace, admin1_names: dict[tuple[str, str], str]) -> Place:
    """The Place of a stored GeoNames row."""
    admin1 = "" if row.admin1_code in _NO_ADMIN1 else admin1_names.get((row.country, row.admin1_code), row.admin1_code)
    return Place(
        key=f"gn:{row.geonames_id}",
        name=row.name,
        lat=row.lat,
        lon=row.lon,
        country=row.country,
        admin1=admin1,
        feature_class=row.feature_class,
        feature_code=row.feature_code,
        geonames_id=row.geonames_id,
        population=row.population,
    )


def _removed_names() -> dict[int, set[str]]:
    """GeoNames id → keys of names the curated supplement takes off that place."""
    removed: dict[int, set[str]] = defaultdict(set)
    for row in read_supplement():
        if row.key.startswith("gn:"):
            removed[int(row.key[3:])].update(name_key(n[1:]) for n in row.names if n.startswith("-"))
    return removed


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building the index allocates millions of long-lived objects and no cycles; the cyclic
    garbage collector would walk them again and again (a third of the load time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def gazetteer_from_store(store: Store) -> Gazetteer:
    """The bundled gazetteer plus every place and name imported into `store`."""
    if not stored.has_imported_data(store):
        return Gazetteer.bundled()
    with _collector_paused():
        return _merged(store)


def _merged(store: Store) -> Gazetteer:
    rekey = stored.key_version(store) not in (None, KEY_VERSION)
    if rekey:
        log.warning("stored name keys come from another normaliser version; recomputing them in memory")
    rows = list(stored.iter_places(store))
    admin1_names = _admin1_names(rows)
    names: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for gid, name, key in stored.iter_names(store):
        names[gid].append((name, name_key(name) if rekey else key))
    removed = _removed_names()
    imported = {row.geonames_id: imported_place(row, admin1_names) for row in rows}
    entries: list[KeyedEntry] = []
    for place, bundled_names in read_places():
        gid = place.geonames_id
        keyed = [(name, name_key(name)) for name in bundled_names]
        if gid is not None:
            newer = imported.pop(gid, None)
            if newer is not None:
                place = replace(newer, key=place.key, name=place.name)
            dropped = removed.get(gid, set())
            keyed += [(name, key) for name, key in names.pop(gid, ()) if key not in dropped]
        entries.append((place, _unique(keyed)))
    for gid, place in imported.items():
        entries.append((place, _unique(names.get(gid, []))))
    from frontlines.gazetteer.world import world_index

    return Gazetteer.from_keyed(entries, world=world_index)


def _unique(keyed: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each name once, in first-seen order (a name has one key, whichever source wrote it)."""
    return list(dict(keyed).items())


def lookup_in_store(
    store: Store,
    name: str,
    *,
    countries: Sequence[str] | None = DEFAULT_COUNTRIES,
    near: Sequence[str] = (),
    limit: int = 10,
) -> list[tuple[Place, float]]:
    """Candidates for a name in the store's gazetteer; `near` names places that give the context.

    Each `near` name is resolved first (GazetteerError when one cannot be), then ranks the
    candidates as the places already resolved in a story would.
    """
    gazetteer = gazetteer_from_store(store)
    context = []
    for other in near:
        place = gazetteer.resolve(other, countries=countries, context=context)
        if place is None:
            raise GazetteerError(
                f"--near {other!r} does not resolve to one place",
                hint=f"look it up first (`frontlines gazetteer lookup {other!r}`) and give a fuller name",
            )
        context.append(place)
    return gazetteer.lookup(name, countries=countries, context=context, limit=limit)


def gazetteer_stats(store: Store) -> dict[str, Any]:
    """What the store's gazetteer holds: bundled, imported and merged counts, and the import log."""
    gazetteer = gazetteer_from_store(store)
    bundled = Gazetteer.bundled()
    merged = list(gazetteer)
    return {
        "bundled_places": len(bundled),
        "imported": stored.stats(store),
        "places": len(merged),
        "distinct_names": gazetteer.key_count,
        "places_by_country": dict(sorted(Counter(p.country for p in merged).items())),
        "places_by_feature_class": dict(sorted(Counter(p.feature_class or "?" for p in merged).items())),
        "imports": [
            {**asdict(record), "finished_at": record.finished_at.isoformat()} for record in stored.imports(store)
        ],
    }
