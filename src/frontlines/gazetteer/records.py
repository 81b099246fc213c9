"""The bundled gazetteer file: one place per line of a gzipped TSV.

Columns: key, geonames_id, name, lat, lon, country, admin1, feature_class, feature_code,
population, names (all names of the place joined by '|'). Lines starting with '#' are comments
(the credits for the data). Both the builder and the index use this module, so the format lives
in one place.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.model import Place

__all__ = ["COLUMNS", "DATA_DIR", "PLACES_FILE", "PlaceEntry", "read_places", "write_places"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
PLACES_FILE = DATA_DIR / "places.tsv.gz"

COLUMNS = (
    "key",
    "geonames_id",
    "name",
    "lat",
    "lon",
    "country",
    "admin1",
    "feature_class",
    "feature_code",
    "population",
    "names",
)

PlaceEntry = tuple[Place, tuple[str, ...]]
"""A place and all the names it is known by (its own name included)."""


def _clean(value: str) -> str:
    return " ".join(value.replace("|", " ").split())


def _format(place: Place, names: Sequence[str]) -> str:
    fields = (
        place.key,
        "" if place.geonames_id is None else str(place.geonames_id),
        _clean(place.name),
        f"{place.lat:.5f}",
        f"{place.lon:.5f}",
        place.country,
        _clean(place.admin1),
        place.feature_class,
        place.feature_code,
        str(place.population),
        "|".join(_clean(name) for name in names if _clean(name)),
    )
    return "\t".join(fields)


def write_places(
    path: Path,
    entries: Iterable[PlaceEntry],
    header: Sequence[str] = (),
    extra: tuple[str, Callable[[Sequence[str]], str]] | None = None,
) -> int:
    """Write entries to a gzipped TSV (deterministic bytes: no timestamp); returns the count.

    `extra`: the name of one more column and what it holds, made from a place's names (the
    worldwide file's `keys`).
    """
    lines = [f"# {line}" if line else "#" for line in header]
    lines.append("# " + "\t".join((*COLUMNS, extra[0]) if extra else COLUMNS))
    count = 0
    for place, names in entries:
        line = _format(place, names)
        lines.append(f"{line}\t{extra[1](names)}" if extra else line)
        count += 1
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(data)
    return count


def _parse(line: str, origin: str) -> PlaceEntry:
    fields = line.rstrip("\n").split("\t")
    if len(fields) != len(COLUMNS):
        raise GazetteerError(
            f"{origin}: expected {len(COLUMNS)} tab-separated fields, found {len(fields)}",
            hint="rebuild the file with `python -m frontlines.gazetteer.build`",
        )
    key, gid, name, lat, lon, country, admin1, fclass, fcode, population, names = fields
    try:
        place = Place(
            key=key,
            name=name,
            lat=float(lat),
            lon=float(lon),
            country=country,
            admin1=admin1,
            feature_class=fclass,
            feature_code=fcode,
            geonames_id=int(gid) if gid else None,
            population=int(population or 0),
        )
    except ValueError as exc:
        raise GazetteerError(
            f"{origin}: {exc}",
            hint="rebuild the file with `python -m frontlines.gazetteer.build`",
        ) from exc
    return place, tuple(n for n in names.split("|") if n)


def read_places(path: Path = PLACES_FILE) -> Iterator[PlaceEntry]:
    """Yield (place, names) from a gazetteer file; GazetteerError when missing or malformed."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.startswith("#") or not line.strip():
                    continue
                yield _parse(line, f"{path}:{number}")
    except FileNotFoundError as exc:
        raise GazetteerError(
            f"gazetteer file not found: {path}",
            hint="build it with `python -m frontlines.gazetteer.build` (needs the build-gazetteer extra)",
        ) from exc
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise GazetteerError(
            f"cannot read gazetteer file {path}: {exc}",
            hint="rebuild it with `python -m frontlines.gazetteer.build`",
        ) from exc
