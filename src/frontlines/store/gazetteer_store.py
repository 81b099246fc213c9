"""Read and write the gazetteer tables of a `Store`: GeoNames places, their names, the import log.

Every write function runs in one transaction and is idempotent: writing the same rows again
changes nothing and says so in its counts. Names carry their normalised key (computed by the
caller with `frontlines.gazetteer.normalise.name_key`); `key_version` records which version of
the normaliser wrote them, so that stale keys can be rewritten with `rekey`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from frontlines.store.gazetteer_schema import gazetteer_imports, gazetteer_meta, gazetteer_names, gazetteer_places
from frontlines.store.store import Store

__all__ = [
    "AlternateName",
    "GeonamesPlace",
    "ImportRecord",
    "WriteCounts",
    "count_places",
    "has_imported_data",
    "imports",
    "iter_names",
    "iter_places",
    "key_version",
    "record_import",
    "rekey",
    "stats",
    "stored_geonames_ids",
    "write_alternate_names",
    "write_places",
]

GEONAME_SOURCE = "geoname"  # names written with the place row (name, asciiname, alternatenames)
ALTERNATE_SOURCE = "alternate"  # names from an alternateNames dump
_READ_BATCH = 10_000


@dataclass(frozen=True)
class GeonamesPlace:
    """One row of a GeoNames `geoname` table, as frontlines keeps it."""

    geonames_id: int
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str
    population: int
    modified: str
    names: tuple[tuple[str, str], ...] = ()  # (name, normalised key), the place's own name first


@dataclass(frozen=True)
class AlternateName:
    geonames_id: int
    name: str
    key: str
    language: str


@dataclass
class WriteCounts:
    places_added: int = 0
    places_updated: int = 0
    places_unchanged: int = 0
    names_added: int = 0
    names_removed: int = 0

    def add(self, other: WriteCounts) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


@dataclass(frozen=True)
class ImportRecord:
    file: str
    kind: str
    finished_at: datetime
    lines: int
    places_added: int
    places_updated: int
    names_added: int
    names_removed: int


_PLACE_COLUMNS = (
    "name", "lat", "lon", "feature_class", "feature_code", "country", "admin1_code", "population", "modified",
)  # fmt: skip


_NAME_COLUMNS = ("geonames_id", "name", "key", "language", "source")
_MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _insert_many(conn: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows (tuples in `columns` order) with one DB-API executemany: an import writes
    hundreds of thousands of names, and building SQLAlchemy parameters per row costs more than
    the database's own work."""
    if not rows:
        return
    marker = _MARKERS.get(conn.dialect.paramstyle)
    if marker is None:
        conn.execute(insert(table), [dict(zip(columns, row)) for row in rows])
        return
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([marker] * len(columns))})"
    conn.exec_driver_sql(sql, rows)


def _place_values(place: GeonamesPlace) -> dict[str, Any]:
    return {column: getattr(place, column) for column in _PLACE_COLUMNS}


def write_places(store: Store, places: Sequence[GeonamesPlace], *, source: str) -> WriteCounts:
    """Insert new places, update changed ones, leave identical ones alone; one transaction.

    A place's own names (source "geoname") become exactly `place.names`: missing ones are added,
    ones no longer listed are removed. Names from alternateNames dumps are left alone.
    """
    counts = WriteCounts()
    latest = {place.geonames_id: place for place in places}  # a repeated id: the last row wins
    if not latest:
        return counts
    ids = list(latest)
    with store.engine.begin() as conn:
        existing = {
            row.geonames_id: row
            for row in conn.execute(
                select(gazetteer_places.c.geonames_id, *(gazetteer_places.c[c] for c in _PLACE_COLUMNS)).where(
                    gazetteer_places.c.geonames_id.in_(ids)
                )
            )
        }
        new_rows, changed_rows = [], []
        for gid, place in latest.items():
            values = _place_values(place)
            row = existing.get(gid)
            if row is None:
                new_rows.append((gid, *values.values(), source))
            elif any(getattr(row, column) != value for column, value in values.items()):
                changed_rows.append({"gid": gid, "source": source, **values})
            else:
                counts.places_unchanged += 1
        _insert_many(conn, gazetteer_places, ("geonames_id", *_PLACE_COLUMNS, "source"), new_rows)
        if changed_rows:
            conn.execute(
                update(gazetteer_places)
                .where(gazetteer_places.c.geonames_id == bindparam("gid"))
                .values({column: bindparam(column) for column in (*_PLACE_COLUMNS, "source")}),
                changed_rows,
            )
        counts.places_added, counts.places_updated = len(new_rows), len(changed_rows)
        added, removed = _replace_own_names(conn, latest)
        counts.names_added, counts.names_removed = added, removed
    return counts


def _replace_own_names(conn: Connection, places: dict[int, GeonamesPlace]) -> tuple[int, int]:
    have: dict[tuple[int, str], int] = {
        (row.geonames_id, row.name): row.id
        for row in conn.execute(
            select(gazetteer_names.c.id, gazetteer_names.c.geonames_id, gazetteer_names.c.name).where(
                gazetteer_names.c.geonames_id.in_(list(places)), gazetteer_names.c.source == GEONAME_SOURCE
            )
        )
    }
    wanted: dict[tuple[int, str], str] = {}
    for gid, place in places.items():
        for name, key in place.names:
            wanted.setdefault((gid, name), key)
    new = [(gid, name, key, "", GEONAME_SOURCE) for (gid, name), key in wanted.items() if (gid, name) not in have]
    stale = [row_id for pair, row_id in have.items() if pair not in wanted]
    _insert_many(conn, gazetteer_names, _NAME_COLUMNS, new)
    for start in range(0, len(stale), 1000):
        conn.execute(delete(gazetteer_names).where(gazetteer_names.c.id.in_(stale[start : start + 1000])))
    return len(new), len(stale)


def write_alternate_names(store: Store, names: Sequence[AlternateName]) -> WriteCounts:
    """Add alternate names not stored yet (per place, name); one transaction."""
    counts = WriteCounts()
    wanted: dict[tuple[int, str], AlternateName] = {}
    for item in names:
        wanted.setdefault((item.geonames_id, item.name), item)
    if not wanted:
        return counts
    with store.engine.begin() as conn:
        have = {
            (row.geonames_id, row.name)
            for row in conn.execute(
                select(gazetteer_names.c.geonames_id, gazetteer_names.c.name).where(
                    gazetteer_names.c.geonames_id.in_(list({gid for gid, _ in wanted})),
                    gazetteer_names.c.source == ALTERNATE_SOURCE,
                )
            )
        }
        new = [
            (gid, name, item.key, item.language, ALTERNATE_SOURCE)
            for (gid, name), item in wanted.items()
            if (gid, name) not in have
        ]
        _insert_many(conn, gazetteer_names, _NAME_COLUMNS, new)
    counts.names_added = len(new)
    return counts


def stored_geonames_ids(store: Store) -> set[int]:
    with store.engine.connect() as conn:
        return set(conn.execute(select(gazetteer_places.c.geonames_id)).scalars())


def has_imported_data(store: Store) -> bool:
    """Whether anything was imported: a place, or a name for a bundled place."""
    with store.engine.connect() as conn:
        for table in (gazetteer_places, gazetteer_names):
            if conn.execute(select(func.count()).select_from(select(table).limit(1).subquery())).scalar_one():
                return True
    return False


def count_places(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(gazetteer_places)).scalar_one()


def iter_places(store: Store) -> Iterator[GeonamesPlace]:
    """Every stored place (without names), in GeoNames id order."""
    columns = ", ".join(("geonames_id", *_PLACE_COLUMNS))
    for row in _raw_rows(store, f"SELECT {columns} FROM gazetteer_places ORDER BY geonames_id"):
        yield GeonamesPlace(*row)


def _raw_rows(store: Store, sql: str) -> Iterator[tuple[Any, ...]]:
    """Rows of a constant query through a plain DB-API cursor: loading a gazetteer reads
    hundreds of thousands of rows, and SQLAlchemy's row objects would cost seconds."""
    with store.engine.connect() as conn:
        cursor = conn.connection.cursor()
        try:
            cursor.execute(sql)
            while batch := cursor.fetchmany(_READ_BATCH):
                yield from batch
        finally:
            cursor.close()


def iter_names(store: Store) -> Iterator[tuple[int, str, str]]:
    """(GeoNames id, name, key) of every stored name, in the order they were written."""
    yield from _raw_rows(store, "SELECT geonames_id, name, key FROM gazetteer_names ORDER BY id")


def key_version(store: Store) -> str | None:
    """The normaliser version that wrote the stored keys (None before any name was written)."""
    with store.engine.connect() as conn:
        return conn.execute(
            select(gazetteer_meta.c.value).where(gazetteer_meta.c.name == "key_version")
        ).scalar_one_or_none()


def rekey(store: Store, key_of: Callable[[str], str], version: str) -> int:
    """Rewrite every stored key with `key_of` and record `version`; returns the keys changed."""
    changed = 0
    with store.engine.begin() as conn:
        rows = list(conn.execute(select(gazetteer_names.c.id, gazetteer_names.c.name, gazetteer_names.c.key)))
        updates = [{"row_id": row.id, "new_key": key_of(row.name)} for row in rows]
        updates = [u for u, row in zip(updates, rows) if u["new_key"] != row.key]
        if updates:
            conn.execute(
                update(gazetteer_names)
                .where(gazetteer_names.c.id == bindparam("row_id"))
                .values(key=bindparam("new_key")),
                updates,
            )
            changed = len(updates)
        _set_meta(conn, "key_version", version)
    return changed


def _set_meta(conn: Connection, name: str, value: str) -> None:
    found = conn.execute(select(gazetteer_meta.c.value).where(gazetteer_meta.c.name == name)).scalar_one_or_none()
    if found is None:
        conn.execute(insert(gazetteer_meta).values(name=name, value=value))
    elif found != value:
        conn.execute(update(gazetteer_meta).where(gazetteer_meta.c.name == name).values(value=value))


def record_import(store: Store, record: ImportRecord, *, key_version: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(insert(gazetteer_imports).values(asdict(record)))
        _set_meta(conn, "key_version", key_version)


def imports(store: Store) -> list[ImportRecord]:
    """The import log, oldest first."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(gazetteer_imports).order_by(gazetteer_imports.c.id))
        return [
            ImportRecord(
                file=row.file,
                kind=row.kind,
                finished_at=row.finished_at,
                lines=row.lines,
                places_added=row.places_added,
                places_updated=row.places_updated,
                names_added=row.names_added,
                names_removed=row.names_removed,
            )
            for row in rows
        ]


def _grouped(conn: Connection, *columns: Any, table: Any) -> dict[str, int]:
    query = select(*columns, func.count()).select_from(table).group_by(*columns)
    return {" ".join(str(v) for v in row[:-1]): row[-1] for row in conn.execute(query)}


def stats(store: Store) -> dict[str, Any]:
    """Counts of the stored gazetteer: places by country and feature class, names by source."""
    with store.engine.connect() as conn:
        places = conn.execute(select(func.count()).select_from(gazetteer_places)).scalar_one()
        names = conn.execute(select(func.count()).select_from(gazetteer_names)).scalar_one()
        keys = conn.execute(select(func.count(func.distinct(gazetteer_names.c.key)))).scalar_one()
        return {
            "places": places,
            "names": names,
            "distinct_keys": keys,
            "places_by_country": _grouped(conn, gazetteer_places.c.country, table=gazetteer_places),
            "places_by_feature_class": _grouped(conn, gazetteer_places.c.feature_class, table=gazetteer_places),
            "names_by_source": _grouped(conn, gazetteer_names.c.source, table=gazetteer_names),
        }
