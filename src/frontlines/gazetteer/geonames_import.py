"""Import GeoNames dumps into a store: streaming, idempotent, one transaction per chunk.

    from frontlines.api import open_store
    from frontlines.gazetteer.geonames_import import import_geonames

    with open_store("war.db") as store:
        summary = import_geonames(store, ["IQ.zip", "SY.zip", "alternateNamesV2.zip"])

- Place files (the `geoname` table: IQ.zip, allCountries.zip, cities500.zip) are imported first,
  then alternate-names files, whatever the order given, so that alternate names find the places
  imported in the same run.
- `countries` filters place rows by country code ("*": every country). By default a country
  file (a two-letter name such as IQ.txt) is taken whole and any other place file
  (allCountries, cities500) is filtered to Iraq and Syria.
- Alternate names are kept for places already known (stored, or bundled with a GeoNames id), in
  Latin or Arabic script, without codes (IATA, ICAO, postal) or links.
- Rows are written in chunks, each in its own transaction; re-importing a file changes nothing.
  When a line is malformed, the rows before it are written and GazetteerError names the line.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.gazetteer.geonames_files import ALTERNATE_NAMES, PLACES, DumpReader, dump_kind
from frontlines.gazetteer.index import DEFAULT_COUNTRIES
from frontlines.gazetteer.normalise import KEY_VERSION, name_key
from frontlines.gazetteer.records import read_places
from frontlines.gazetteer.sources import usable_alternate_name
from frontlines.store import Store
from frontlines.store import gazetteer_store as stored

__all__ = ["FileImport", "ImportProgress", "ImportSummary", "import_geonames"]

ImportProgress = Callable[[str, int, int], None]
"""Called as (file label, bytes read, total bytes) while a file is read."""

CHUNK_SIZE = 5000
_COUNTRY_FILE = re.compile(r"[A-Za-z]{2}")
# alternateNames "isolanguage" values that are not languages: links, codes, postal codes...
_NOT_LANGUAGES = frozenset(
    {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid", "fr_1793", "phon", "piny"}
)


@dataclass
class FileImport:
    """What importing one file did."""

    file: str
    kind: str
    lines: int = 0
    skipped: int = 0  # rows of other countries, names of unknown places or of no use
    counts: stored.WriteCounts = field(default_factory=stored.WriteCounts)
    seconds: float = 0.0


@dataclass
class ImportSummary:
    files: list[FileImport] = field(default_factory=list)

    @property
    def totals(self) -> stored.WriteCounts:
        total = stored.WriteCounts()
        for item in self.files:
            total.add(item.counts)
        return total

    @property
    def changed(self) -> bool:
        t = self.totals
        return bool(t.places_added or t.places_updated or t.names_added or t.names_removed)


def _place_filter(path: Path, countries: Sequence[str] | None) -> frozenset[str] | None:
    if countries is not None:
        codes = frozenset(c.upper() for c in countries)
        return None if "*" in codes else codes
    stem = path.name.split(".", 1)[0]
    return None if _COUNTRY_FILE.fullmatch(stem) else frozenset(DEFAULT_COUNTRIES)


def _keyed(names: Iterable[str]) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        if name and name not in seen:
            key = name_key(name)
            if key:
                seen[name] = key
    return tuple(seen.items())


def _place_row(fields: list[str], where: str) -> stored.GeonamesPlace:
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, country = fields[:9]
    try:
        return stored.GeonamesPlace(
            geonames_id=int(gid),
            name=name.strip()[:200],
            lat=float(lat),
            lon=float(lon),
            feature_class=fclass[:1],
            feature_code=fcode[:10],
            country=country[:2],
            admin1_code=fields[10][:20],
            population=int(fields[14] or 0),
            modified=fields[18][:10],
            names=_keyed(
                [name, ascii_name, *(n for n in alternates.split(",") if n and usable_alternate_name(n))]
            ),
        )
    except ValueError as exc:
        raise GazetteerError(
            f"{where}: {exc} (expected the geoname table: id, name, asciiname, alternatenames, latitude, "
            "longitude, feature class, feature code, country code, ...)",
            hint="lines before it were imported; fix or download the file again, and import again",
        ) from exc


def _known_ids(store: Store) -> set[int]:
    bundled = {place.geonames_id for place, _ in read_places() if place.geonames_id is not None}
    return bundled | stored.stored_geonames_ids(store)


def _import_file(
    store: Store, path: Path, countries: Sequence[str] | None, chunk_size: int, progress: ImportProgress | None
) -> FileImport:
    started = time.perf_counter()
    with DumpReader(path) as dump:
        result = FileImport(file=str(path), kind=dump.kind)
        wanted = _place_filter(path, countries) if dump.kind == PLACES else None
        known = _known_ids(store) if dump.kind == ALTERNATE_NAMES else set()
        pending: list = []  # GeonamesPlace or AlternateName rows of the chunk being read

        def flush() -> None:
            if pending:
                if dump.kind == PLACES:
                    result.counts.add(stored.write_places(store, pending, source=path.name))
                else:
                    result.counts.add(stored.write_alternate_names(store, pending))
                pending.clear()
            if progress:
                progress(path.name, dump.bytes_read, dump.total_bytes)

        try:
            for number, fields in dump.rows():
                result.lines += 1
                if dump.kind == PLACES:
                    if wanted is not None and fields[8] not in wanted:
                        result.skipped += 1
                        continue
                    pending.append(_place_row(fields, dump.where(number)))
                else:
                    item = _alternate_name(fields, known, dump.where(number))
                    if item is None:
                        result.skipped += 1
                        continue
                    pending.append(item)
                if len(pending) >= chunk_size:
                    flush()
                elif progress and result.lines % chunk_size == 0:
                    progress(path.name, dump.bytes_read, dump.total_bytes)
        except GazetteerError:
            flush()  # the rows before a bad line are written; the error names the line
            raise
        flush()
    result.seconds = time.perf_counter() - started
    return result


def _alternate_name(fields: list[str], known: set[int], where: str) -> stored.AlternateName | None:
    try:
        gid = int(fields[1])
    except ValueError as exc:
        raise GazetteerError(
            f"{where}: geonameid {fields[1]!r} is not a number (expected alternateNamesV2: alternateNameId, "
            "geonameid, isolanguage, alternate name, ...)",
            hint="lines before it were imported; fix or download the file again, and import again",
        ) from exc
    language, name = fields[2], " ".join(fields[3].split())
    if gid not in known or language in _NOT_LANGUAGES or not usable_alternate_name(name):
        return None
    key = name_key(name)
    return stored.AlternateName(geonames_id=gid, name=name[:400], key=key[:400], language=language[:10])


def import_geonames(
    store: Store,
    paths: Iterable[str | Path],
    *,
    countries: Sequence[str] | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: ImportProgress | None = None,
) -> ImportSummary:
    """Import GeoNames dumps into the store; see the module docstring for the rules."""
    files = [Path(p) for p in paths]
    kinds = {path: dump_kind(path) for path in files}  # every file is checked before any is imported
    if stored.key_version(store) not in (None, KEY_VERSION):
        stored.rekey(store, name_key, KEY_VERSION)
    summary = ImportSummary()
    for path in sorted(files, key=lambda p: kinds[p] != PLACES):
        result = _import_file(store, path, countries, chunk_size, progress)
        summary.files.append(result)
        stored.record_import(
            store,
            stored.ImportRecord(
                file=str(path),
                kind=result.kind,
                finished_at=datetime.now(timezone.utc),
                lines=result.lines,
                places_added=result.counts.places_added,
                places_updated=result.counts.places_updated,
                names_added=result.counts.names_added,
                names_removed=result.counts.names_removed,
            ),
            key_version=KEY_VERSION,
        )
    return summary
