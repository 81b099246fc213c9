"""Files, folders and stdin → Reports, with one IngestProblem per bad input.

The format comes from the extension, else from the first bytes. Nothing here
raises for bad input: the caller gets every report that could be read and a
problem (origin, reason, hint) for each one that could not. Inside a folder,
what is not a regular file (a named pipe, a socket, a device) is skipped with a
reason, never opened; so are files whose names are not UTF-8 and subfolders
that cannot be read.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from frontlines.config import MAX_INPUT_BYTES
from frontlines.errors import BadInput
from frontlines.ingest.checks import report_problem
from frontlines.ingest.decode import read_limited
from frontlines.ingest.feeds import parse_feed
from frontlines.ingest.html import parse_html
from frontlines.ingest.jsonl import parse_jsonl
from frontlines.ingest.time_limit import InputTooSlow, input_seconds, within_limit
from frontlines.ingest.published import DateHint
from frontlines.ingest.report_file import parse_report_file
from frontlines.model import IngestProblem, Report

Item = Report | IngestProblem

STDIN_ORIGIN = "<stdin>"
GOLD_SUFFIX = ".gold.jsonl"

FORMAT_BY_EXTENSION = {
    **dict.fromkeys((".txt", ".text", ".md"), "report"),
    **dict.fromkeys((".html", ".htm", ".xhtml"), "html"),
    **dict.fromkeys((".xml", ".rss", ".atom", ".feed"), "feed"),
    **dict.fromkeys((".jsonl", ".ndjson", ".json-lines"), "jsonl"),
}
# Skipped without a word when walking a folder: not reports in any format.
NON_REPORT_EXTENSIONS = frozenset(
    """
    .png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic
    .db .sqlite .sqlite3 .db-wal .db-shm .db-journal .wal .shm
    .zip .gz .tgz .bz2 .xz .zst .7z .tar .rar
    .mp3 .mp4 .m4a .wav .ogg .webm .mov .avi
    .woff .woff2 .ttf .otf .eot .css .js .map
    .py .pyc .yaml .yml .toml .ini .cfg .lock .log .csv .tsv .parquet .pkl .npy .bak .tmp
    """.split()
)
# Reports, probably, but in a format frontlines cannot read: said, not skipped.
UNSUPPORTED_EXTENSIONS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument",
    ".rtf": "RTF",
}

_READERS: dict[str, Callable[..., Report | Iterator[Item]]] = {
    "report": parse_report_file,
    "html": parse_html,
    "feed": parse_feed,
    "jsonl": parse_jsonl,
}


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    fetch: bool = False,
    dates: DateHint | None = None,
) -> Iterator[Report | IngestProblem]:
    """Read files, folders (recursively, in sorted order) and ``"-"`` (stdin).

    Yields a Report for every report read and an IngestProblem for every input,
    line or feed item that could not be; never raises for bad input. Origins are
    the paths as given, with ``:LINE`` for JSONL lines and ``#item-N`` for feed
    items; stdin is ``<stdin>``. ``dates`` is what the command line says about
    publication dates (``--published``, ``--year``).
    """
    for given in inputs:
        name = os.fspath(given)
        if name == "-":
            yield from _read_stdin(stdin, max_bytes=max_bytes, fetch=fetch, dates=dates)
            continue
        if not _is_utf8(name):
            yield _bad_name_problem(name)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path, name, max_bytes=max_bytes, fetch=fetch, dates=dates)
        elif path.exists():
            yield from read_file(path, name, max_bytes=max_bytes, fetch=fetch, dates=dates)
        else:
            yield IngestProblem(
                name, "no such file or folder", "check the path; use - to read standard input"
            )


def read_file(
    path: Path,
    origin: str | None = None,
    *,
    max_bytes: int = MAX_INPUT_BYTES,
    fetch: bool = False,
    dates: DateHint | None = None,
) -> Iterator[Report | IngestProblem]:
    """Read one file of any supported format; problems are yielded, not raised."""
    origin = origin if origin is not None else str(path)
    if path.name.lower().endswith(GOLD_SUFFIX):
        yield IngestProblem(
            origin,
            "a gold file (expected events), not reports",
            "give the report file beside it, or the folder: folders skip *.gold.jsonl",
        )
        return
    kind = UNSUPPORTED_EXTENSIONS.get(path.suffix.lower())
    if kind:
        yield IngestProblem(
            origin, f"{kind} files are not read", "save the article as a report file (.txt) or as HTML"
        )
        return
    try:
        with open(path, "rb") as handle:
            data = read_limited(handle, origin, max_bytes=max_bytes)
    except BadInput as error:
        yield IngestProblem(error.origin, error.reason, error.hint)
        return
    except OSError as error:
        yield IngestProblem(
            origin, f"cannot read the file: {error.strerror or error}", "check its permissions"
        )
        return
    fmt = FORMAT_BY_EXTENSION.get(path.suffix.lower()) or sniff_format(data)
    try:
        items = within_limit(lambda: list(read_bytes(data, origin, fmt, max_bytes=max_bytes, fetch=fetch, dates=dates)))
    except InputTooSlow:
        yield IngestProblem(
            origin, f"reading it took longer than {input_seconds():g} s", "split it into smaller files, or raise FRONTLINES_INPUT_SECONDS"
        )
        return
    yield from items


def read_bytes(
    data: bytes,
    origin: str,
    fmt: str | None = None,
    *,
    max_bytes: int = MAX_INPUT_BYTES,
    fetch: bool = False,
    dates: DateHint | None = None,
) -> Iterator[Report | IngestProblem]:
    """Read one input's bytes as ``fmt`` ("report", "html", "feed", "jsonl"; sniffed when None)."""
    fmt = fmt or sniff_format(data)
    options: dict[str, object] = {"max_bytes": max_bytes, "dates": dates}
    if fmt == "feed":
        options["fetch"] = fetch
    try:
        result = _READERS[fmt](data, origin, **options)
        for item in [result] if isinstance(result, Report) else result:
            problem = report_problem(item) if isinstance(item, Report) else None
            yield problem or item
    except BadInput as error:
        yield IngestProblem(error.origin, error.reason, error.hint)


def sniff_format(data: bytes) -> str:
    """Guess a format from the first bytes: "jsonl", "feed", "html", else "report".

    Plain text of any kind is read as a report file, whose reader then says
    what is missing (or that the bytes are binary, empty or not UTF-8).
    """
    head = _head_text(data)
    stripped = head.lstrip()
    lowered = stripped.lower()
    if stripped.startswith("{"):
        return "jsonl"
    if lowered.startswith(("<!doctype html", "<html", "<head", "<body", "<meta", "<article", "<p>", "<div")):
        return "html"
    if lowered.startswith("<"):
        feed_at = min(
            (i for i in (lowered.find("<rss"), lowered.find("<feed"), lowered.find("<rdf:rdf")) if i >= 0),
            default=-1,
        )
        html_at = lowered.find("<html")
        if feed_at >= 0 and (html_at < 0 or feed_at < html_at):
            return "feed"
        if html_at >= 0:
            return "html"
        return "feed" if lowered.startswith("<?xml") else "html"
    return "report"


def _read_stdin(stdin: BinaryIO | None, *, max_bytes: int, fetch: bool, dates: DateHint | None) -> Iterator[Item]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = read_limited(stream, STDIN_ORIGIN, max_bytes=max_bytes)
    except BadInput as error:
        yield IngestProblem(error.origin, error.reason, error.hint)
        return
    except OSError as error:
        yield IngestProblem(
            STDIN_ORIGIN, f"cannot read standard input: {error}", "pipe a file into the command"
        )
        return
    yield from read_bytes(data, STDIN_ORIGIN, max_bytes=max_bytes, fetch=fetch, dates=dates)


def _read_folder(folder: Path, given: str, *, max_bytes: int, fetch: bool, dates: DateHint | None) -> Iterator[Item]:
    found = False
    for relative in _report_paths(folder):
        found = True
        if isinstance(relative, IngestProblem):
            yield IngestProblem(os.path.join(given, relative.origin), relative.reason, relative.hint)
            continue
        origin = os.path.join(given, relative)
        if not _is_utf8(relative):
            yield _bad_name_problem(origin)
            continue
        special = _special_file_kind(folder / relative)
        if special:
            yield IngestProblem(
                origin,
                f"skipped: {special}, not a regular file",
                "only regular files in a folder are read; give it by name to read it on purpose",
            )
            continue
        yield from read_file(folder / relative, origin, max_bytes=max_bytes, fetch=fetch, dates=dates)
    if not found:
        yield IngestProblem(
            given,
            "no report files in the folder",
            "add .txt, .html, .xml or .jsonl files (hidden files, *.gold.jsonl, images and databases are skipped)",
        )


def _report_paths(folder: Path) -> Iterator[str | IngestProblem]:
    """Relative paths of the candidate report files below a folder, sorted, hidden ones left out;
    a problem (with a relative origin) for each subfolder that cannot be read."""
    unreadable: list[OSError] = []
    for directory, subfolders, files in os.walk(folder, onerror=unreadable.append):
        yield from (_unreadable_folder_problem(folder, error) for error in unreadable)
        unreadable.clear()
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        relative_dir = os.path.relpath(directory, folder)
        for name in sorted(files):
            lowered = name.lower()
            if name.startswith(".") or name.endswith("~") or lowered.endswith(GOLD_SUFFIX):
                continue
            if os.path.splitext(lowered)[1] in NON_REPORT_EXTENSIONS:
                continue
            yield name if relative_dir == "." else os.path.join(relative_dir, name)
    yield from (_unreadable_folder_problem(folder, error) for error in unreadable)


def _unreadable_folder_problem(folder: Path, error: OSError) -> IngestProblem:
    where = os.path.relpath(error.filename, folder) if error.filename else "."
    return IngestProblem(
        _printable_name(where),
        f"cannot read the folder: {error.strerror or error}",
        "check its permissions; the files in it were not read",
    )


def _special_file_kind(path: Path) -> str | None:
    """"a named pipe", "a socket", "a device" for what is not a regular file; None for a file
    (or one that cannot be looked at, which reading then names)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _is_utf8(name: str) -> bool:
    """False for a file name whose bytes are not UTF-8 (Python holds them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 shown as \\xNN escapes."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def _bad_name_problem(name: str) -> IngestProblem:
    return IngestProblem(
        _printable_name(name),
        "the file name is not UTF-8 text",
        "rename the file with UTF-8 characters (e.g. convmv -f latin1 -t utf8), then ingest it again",
    )


def _head_text(data: bytes) -> str:
    head = data[:4096]
    for mark, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(mark):
            return head[len(mark) :].decode(encoding, errors="ignore")
    return head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="ignore")
