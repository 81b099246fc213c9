"""Read GeoNames dump files line by line: plain text or zipped, never the whole file in memory.

The dumps of https://download.geonames.org/export/dump/ are tab-separated UTF-8 without a
header. Two layouts are understood, told apart by the first line's column count:

- "places": the `geoname` table, 19 columns — country files (IQ.txt, IQ.zip), allCountries,
  cities500/1000/5000/15000;
- "alternate names": alternateNamesV2 (10 columns) or the older alternateNames (8 columns).

Anything else, a broken archive, or a malformed line raises GazetteerError naming the file and
the line, with a hint.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import IO

from frontlines.errors import GazetteerError

__all__ = ["ALTERNATE_NAMES", "DumpReader", "PLACES", "dump_kind", "geoname_line"]

PLACES = "places"
ALTERNATE_NAMES = "alternate names"
_COLUMNS = {19: PLACES, 10: ALTERNATE_NAMES, 8: ALTERNATE_NAMES}
_NOT_DATA = ("readme", "iso-languagecodes", "featurecodes", "timezones", "countryinfo")
DOWNLOAD_HINT = (
    "use a dump from https://download.geonames.org/export/dump/ as it comes: a country file (IQ.zip), "
    "allCountries.zip, or alternateNamesV2.zip"
)


class DumpReader:
    """One dump file opened for streaming: `kind`, `total_bytes`, `bytes_read`, and `rows()`.

        with DumpReader(Path("IQ.zip")) as dump:
            for line_number, fields in dump.rows():
                ...
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.member: str | None = None
        self.kind = ""
        self.total_bytes = 0
        self.bytes_read = 0
        self._archive: zipfile.ZipFile | None = None
        self._stream: IO[bytes] | None = None
        self._first: list[tuple[int, bytes]] = []
        self._line = 0

    @property
    def label(self) -> str:
        return f"{self.path} ({self.member})" if self.member else str(self.path)

    def where(self, line: int) -> str:
        return f"{self.label}: line {line}"

    def __enter__(self) -> DumpReader:
        self._open()
        try:
            self._detect_kind()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
        if self._archive is not None:
            self._archive.close()
        self._stream = self._archive = None

    def _open(self) -> None:
        try:
            if not self.path.exists():
                raise FileNotFoundError(self.path)
            if zipfile.is_zipfile(self.path):
                self._archive = zipfile.ZipFile(self.path)
                info = self._data_member(self._archive)
                self.member, self.total_bytes = info.filename, info.file_size
                self._stream = self._archive.open(info)
            elif self.path.suffix.lower() == ".zip":
                raise GazetteerError(
                    f"{self.path}: not a complete zip archive (no central directory: truncated or not a zip); "
                    "no line was read",
                    hint=f"download it again; {DOWNLOAD_HINT}",
                )
            else:
                self.total_bytes = self.path.stat().st_size
                self._stream = open(self.path, "rb")
        except FileNotFoundError as exc:
            raise GazetteerError(f"{self.path}: no such file", hint=DOWNLOAD_HINT) from exc
        except IsADirectoryError as exc:
            raise GazetteerError(f"{self.path}: is a folder, not a dump file", hint=DOWNLOAD_HINT) from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise GazetteerError(
                f"{self.path}: cannot open the archive ({exc}); no line was read",
                hint=f"download it again; {DOWNLOAD_HINT}",
            ) from exc

    def _data_member(self, archive: zipfile.ZipFile) -> zipfile.ZipInfo:
        members = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith(".txt")]
        stem = self.path.stem.lower()
        for info in members:
            if Path(info.filename).stem.lower() == stem:
                return info
        data = [i for i in members if not Path(i.filename).stem.lower().startswith(_NOT_DATA)]
        if not data:
            raise GazetteerError(
                f"{self.path}: the archive holds no GeoNames data file (found: "
                f"{', '.join(i.filename for i in archive.infolist()) or 'nothing'})",
                hint=DOWNLOAD_HINT,
            )
        return max(data, key=lambda i: i.file_size)

    def _raw_lines(self) -> Iterator[tuple[int, bytes]]:
        assert self._stream is not None
        try:
            for raw in self._stream:
                self._line += 1
                self.bytes_read += len(raw)
                yield self._line, raw
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise GazetteerError(
                f"{self.where(self._line + 1)}: the archive is truncated or corrupt ({exc})",
                hint=f"download it again; lines before {self._line + 1} were imported, "
                "and importing again adds only what is missing",
            ) from exc

    def _detect_kind(self) -> None:
        for number, raw in self._raw_lines():
            self._first.append((number, raw))
            if raw.strip() and not raw.startswith(b"#"):
                columns = raw.rstrip(b"\r\n").count(b"\t") + 1
                kind = _COLUMNS.get(columns)
                if kind is None:
                    raise GazetteerError(
                        f"{self.where(number)}: {columns} tab-separated column(s); not a GeoNames dump "
                        "(the geoname table has 19 columns, alternateNamesV2 10)",
                        hint=DOWNLOAD_HINT,
                    )
                self.kind = kind
                return
        raise GazetteerError(f"{self.label}: no data lines", hint=DOWNLOAD_HINT)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, fields) of every data line; the column count is checked on each line."""
        expected = self._first[-1][1].rstrip(b"\r\n").count(b"\t") + 1 if self._first else 0
        first, self._first = self._first, []
        for number, raw in chain(first, self._raw_lines()):
            if not raw.strip() or raw.startswith(b"#"):
                continue
            try:
                text = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                raise GazetteerError(
                    f"{self.where(number)}: not UTF-8 ({exc.reason} at byte {exc.start})",
                    hint=f"GeoNames dumps are UTF-8; {DOWNLOAD_HINT}",
                ) from exc
            fields = text.split("\t")
            if len(fields) != expected:
                raise GazetteerError(
                    f"{self.where(number)}: {len(fields)} tab-separated columns where the file's first line "
                    f"has {expected} (a truncated or edited line)",
                    hint=f"lines before {number} were imported; fix or download the file again, "
                    "and import again: it adds only what is missing",
                )
            yield number, fields


def dump_kind(path: Path) -> str:
    """PLACES or ALTERNATE_NAMES, from the first data line (GazetteerError when neither)."""
    with DumpReader(path) as dump:
        return dump.kind


def geoname_line(
    geonames_id: int,
    name: str,
    lat: float,
    lon: float,
    *,
    feature: str = "P.PPL",
    country: str = "IQ",
    admin1: str = "",
    population: int = 0,
    ascii_name: str = "",
    alternate_names: tuple[str, ...] = (),
    modified: str = "2024-01-01",
) -> str:
    """One line of the GeoNames `geoname` table (19 columns, newline included): the layout the
    dumps use, for writing sample files in tests and benchmarks."""
    feature_class, _, feature_code = feature.partition(".")
    fields = (
        str(geonames_id), name, ascii_name or name, ",".join(alternate_names), f"{lat:.5f}", f"{lon:.5f}",
        feature_class, feature_code, country, "", admin1, "", "", "", str(population), "", "", "Asia/Baghdad", modified,
    )  # fmt: skip
    return "\t".join(fields) + "\n"
