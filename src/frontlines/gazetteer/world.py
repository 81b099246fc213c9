"""The worldwide gazetteer: every town of 500 people or more, first-level divisions and countries.

The data ships as `data/gazetteer/world.tsv.gz` (built by `frontlines.gazetteer.world_build`,
about 240,000 places and 800,000 names). Holding it in memory would cost hundreds of megabytes
and seconds per process, so on first use it is turned into a SQLite file with the normalised key
of every name indexed, and each lookup is one indexed query. The file lives in the cache folder:

- `$FRONTLINES_CACHE` when set;
- else `$XDG_CACHE_HOME/frontlines`, `~/Library/Caches/frontlines` (macOS) or
  `%LOCALAPPDATA%\\frontlines\\Cache` (Windows), `~/.cache/frontlines` otherwise.

Its name carries the schema's and the normaliser's versions and a digest of the shipped file, so a
new release or a new normaliser builds a new one (and deletes the old); nothing is ever stale.
Building takes about ten seconds, once.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import os
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.gazetteer.normalise import KEY_VERSION, name_key
from frontlines.gazetteer.records import DATA_DIR
from frontlines.model import Place

__all__ = ["KEY_VERSION_LINE", "WORLD_FILE", "WorldIndex", "build_world_database", "cache_dir", "world_index"]

log = logging.getLogger(__name__)

WORLD_FILE = DATA_DIR / "world.tsv.gz"
KEY_VERSION_LINE = "key_version: "  # the header line naming the normaliser that made the keys column
OWN_NAME, ALIAS = 1.0, 0.95  # as frontlines.gazetteer.index scores exact matches
_SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT NOT NULL, admin1 TEXT NOT NULL, feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, own INTEGER NOT NULL, name TEXT NOT NULL);
"""
_INDEX = "CREATE INDEX names_by_key ON names (key);"
_SCHEMA_VERSION = "1"  # bump when _SCHEMA or _INDEX change: the cached file's name carries it
_BATCH = 10_000  # places per insert: the build streams, its memory stays small


def cache_dir() -> Path:
    """Where frontlines keeps files it can rebuild: $FRONTLINES_CACHE, else the platform's cache folder."""
    chosen = os.environ.get("FRONTLINES_CACHE")
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "frontlines" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "frontlines"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "frontlines"


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
    except FileNotFoundError as exc:
        raise GazetteerError(
            f"worldwide gazetteer file not found: {path}",
            hint="reinstall frontlines, or build it with `python -m frontlines.gazetteer.world_build`",
        ) from exc
    return sha.hexdigest()[:16]


def build_world_database(source: Path, target: Path) -> int:
    """Write the SQLite index of a worldwide gazetteer file; returns the number of places.

    Written to a temporary file beside `target` and renamed, so a reader never sees half a file
    and two processes building at once do no harm.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=target.stem, suffix=".tmp", dir=target.parent)
    os.close(handle)
    count = 0
    try:
        with sqlite3.connect(temporary) as db:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            places: list[tuple] = []
            names: list[tuple] = []
            for place, place_names in _rows(source):
                places.append(place)
                names.extend(place_names)
                if len(places) >= _BATCH:
                    _insert(db, places, names)
                    count += len(places)
                    places, names = [], []
            _insert(db, places, names)
            count += len(places)
            db.execute(_INDEX)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return count


def _insert(db: sqlite3.Connection, places: list[tuple], names: list[tuple]) -> None:
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)


def _rows(source: Path) -> Iterator[tuple[tuple, list[tuple[str, int, int, str]]]]:
    """Per place of the worldwide file: its row, and a (key, place, own, name) row per distinct key.

    Its `keys` column is used when written by this KEY_VERSION, else the keys are recomputed.
    """
    fresh = False
    try:
        with gzip.open(source, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.startswith("#"):
                    fresh = fresh or line[2:].strip() == f"{KEY_VERSION_LINE}{KEY_VERSION}"
                    continue
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 12:
                    raise GazetteerError(
                        f"{source}:{number}: expected 12 tab-separated fields, found {len(fields)}",
                        hint="rebuild it with `python -m frontlines.gazetteer.world_build`",
                    )
                _, gid, name, lat, lon, country, admin1, fclass, fcode, population, all_names, keys = fields
                place = int(gid)
                spellings = all_names.split("|")
                keyed = zip(keys.split("|"), spellings, strict=True) if fresh else ((name_key(n), n) for n in spellings)
                own = name_key(name)
                seen: dict[str, tuple[str, int, int, str]] = {}
                for key, spelling in keyed:
                    if key and key not in seen:
                        seen[key] = (key, place, int(key == own), spelling)
                row = (place, name, float(lat), float(lon), country, admin1, fclass, fcode, int(population))
                yield row, list(seen.values())
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise GazetteerError(
            f"cannot read the worldwide gazetteer file {source}: {exc}",
            hint="reinstall frontlines, or rebuild it with `python -m frontlines.gazetteer.world_build`",
        ) from exc


class WorldIndex:
    """Read-only lookups in the SQLite index of the worldwide gazetteer, by normalised key.

    Safe to share between threads: each thread opens its own read-only connection.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self._local = threading.local()
        self._lookup = lru_cache(maxsize=65536)(self._query)
        self._capital_places: dict[str, Place] | None = None

    @classmethod
    def open(cls, source: Path = WORLD_FILE, folder: Path | None = None) -> WorldIndex:
        """The index of `source`, built into the cache folder on first use."""
        folder = folder or cache_dir()
        target = folder / f"world-s{_SCHEMA_VERSION}-k{KEY_VERSION}-{_digest(source)}.sqlite"
        if not target.exists():
            log.info("building the worldwide gazetteer index %s (once)", target)
            try:
                build_world_database(source, target)
            except OSError as exc:
                raise GazetteerError(
                    f"cannot write the worldwide gazetteer index {target}: {exc}",
                    hint="set FRONTLINES_CACHE to a writable folder",
                ) from exc
            for older in folder.glob("world-*.sqlite"):
                if older != target:
                    with contextlib.suppress(OSError):  # in use elsewhere (Windows): left for next time
                        older.unlink()  # another release's or normaliser's index
        return cls(target)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def candidates(self, key: str) -> tuple[tuple[Place, float], ...]:
        """Places with a name of this normalised key, each with its name fit (own name or alias)."""
        return self._lookup(key) if key else ()

    def _query(self, key: str) -> tuple[tuple[Place, float], ...]:
        rows = self._db().execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature_class, p.feature_code,"
            " p.population, n.own FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
            (key,),
        ).fetchall()
        return tuple((_place(row), OWN_NAME if row[9] else ALIAS) for row in rows)

    def capital(self, country: str) -> Place | None:
        """The capital of a country (ISO code), the most populous when GeoNames marks several; None when none."""
        return self._capitals().get(country)

    def _capitals(self) -> dict[str, Place]:
        found = self._capital_places
        if found is None:
            rows = self._db().execute(
                "SELECT id, name, lat, lon, country, admin1, feature_class, feature_code, population"
                " FROM places WHERE feature_code = 'PPLC' ORDER BY population"
            )
            found = {row[4]: _place(row) for row in rows}  # the most populous comes last and stays
            self._capital_places = found
        return found

    def get(self, geonames_id: int) -> Place | None:
        row = self._db().execute(
            "SELECT id, name, lat, lon, country, admin1, feature_class, feature_code, population"
            " FROM places WHERE id = ?",
            (geonames_id,),
        ).fetchone()
        return _place(row) if row else None

    def names(self, geonames_id: int) -> tuple[str, ...]:
        """One name per normalised key (the shipped file keeps no more)."""
        rows = self._db().execute("SELECT name FROM names WHERE place = ? ORDER BY own DESC", (geonames_id,))
        return tuple(name for (name,) in rows)

    def __len__(self) -> int:
        return int(self._db().execute("SELECT count(*) FROM places").fetchone()[0])

    def __iter__(self) -> Iterator[Place]:
        for row in self._db().execute("SELECT * FROM places ORDER BY id"):
            yield _place(row)


def _place(row: Sequence) -> Place:
    gid, name, lat, lon, country, admin1, fclass, fcode, population = row[:9]
    return Place(f"gn:{gid}", name, lat, lon, country, admin1, fclass, fcode, gid, population)


@lru_cache(maxsize=1)
def world_index() -> WorldIndex:
    """The shipped worldwide index, opened (and built, the first time) on first use."""
    return WorldIndex.open()

