"""Unlucky inputs are named as problems, one each, and the good reports beside them are still read and
stored: text no database holds, file names that are not UTF-8, named pipes, unreadable folders, and
paragraphs too long for extraction."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import frontlines
from frontlines.config import MAX_PARAGRAPH_CHARS
from frontlines.ingest.dispatch import read_inputs
from frontlines.model import IngestProblem, Report
from frontlines.store import Store

GOOD = b"title: Rawa retaken\npublished: 2017-11-17\n\nIraqi forces entered Rawa.\n"
GOOD_LINE = b'{"published": "2017-10-16", "text": "Iraqi forces took Kirkuk."}'


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of hanging: reading a named pipe blocks until someone writes to it."""

    def stop(_signum: int, _frame: object) -> None:
        raise TimeoutError("reading the folder hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def problems_by_name(items: list[Report | IngestProblem]) -> dict[str, IngestProblem]:
    return {Path(item.origin).name: item for item in items if isinstance(item, IngestProblem)}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"published": "2017-10-16", "text": "Kirkuk \\ud800 taken"}', '"text" holds a lone surrogate U+D800 at offset 7'),
        (b'{"published": "2017-10-16", "text": "Kirkuk \\u0000 taken"}', '"text" holds a NUL character at offset 7'),
        (b'{"published": "2017-10-16", "title": "\\udfff", "text": "Kirkuk taken"}', '"title" holds a lone surrogate'),
    ],
    ids=["lone-surrogate", "nul", "surrogate-in-title"],
)
def test_text_no_database_stores_is_one_problem_and_the_good_lines_are_stored(
    store: Store, tmp_path: Path, line: bytes, reason: str
) -> None:
    (tmp_path / "batch.jsonl").write_bytes(GOOD_LINE + b"\n" + line + b"\n" + GOOD_LINE.replace(b"Kirkuk", b"Hawija") + b"\n")
    result = frontlines.ingest([tmp_path / "batch.jsonl"], store=store, run_extraction=False)
    assert len(result.added) == 2 and store.count("reports") == 2
    (problem,) = result.problems
    assert problem.origin.endswith("batch.jsonl:2") and problem.reason.startswith(reason)


def test_a_file_name_that_is_not_utf8_is_named_and_the_other_files_are_stored(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(GOOD.replace(b"Rawa", b"Anah"))
    result = frontlines.ingest([folder], store=store, run_extraction=False)
    assert len(result.added) == 1
    (problem,) = result.problems
    assert problem.origin.endswith("caf\\xe9.txt") and "not UTF-8" in problem.reason
    problem.origin.encode("utf-8")  # printable and storable


def test_a_named_pipe_in_a_folder_is_skipped_with_a_reason_not_waited_on(tmp_path: Path, no_hang: None) -> None:
    (tmp_path / "good.txt").write_bytes(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(read_inputs([tmp_path]))
    assert [type(item) for item in items] == [Report, IngestProblem]
    assert "named pipe" in problems_by_name(items)["pipe.txt"].reason


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any folder: permissions cannot be tested")
def test_an_unreadable_subfolder_is_a_problem_not_silence(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_bytes(GOOD)
    locked.chmod(0)
    try:
        items = list(read_inputs([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert "cannot read the folder" in problems_by_name(items)["locked"].reason


def test_a_paragraph_longer_than_extraction_reads_is_refused_before_spacy(tmp_path: Path) -> None:
    huge = "Iraqi forces advanced. " * (MAX_PARAGRAPH_CHARS // 20)
    many = "\n\n".join(["Iraqi forces advanced on Rawa."] * 3000)  # long, but in paragraphs
    (tmp_path / "huge.txt").write_text(f"published: 2017-11-17\n\n{huge}\n", encoding="utf-8")
    (tmp_path / "long.txt").write_text(f"published: 2017-11-18\n\n{many}\n", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    problem = problems_by_name(items)["huge.txt"]
    assert "a paragraph of" in problem.reason and f"{MAX_PARAGRAPH_CHARS:,}" in problem.reason
    assert "blank lines" in problem.hint
    assert [Path(item.origin).name for item in items if isinstance(item, Report)] == ["long.txt"]


def test_a_folder_of_unknown_partial_and_missing_dates_is_stored_whole(store: Store, tmp_path: Path) -> None:
    files = {
        "unknown.txt": b"title: Rawa\npublished: unknown\n\nIraqi forces entered Rawa.\n",
        "month.txt": b"title: Anah\npublished: 2017-10\n\nIraqi forces entered Anah.\n",
        "sept.txt": b"Iraqi forces entered Qaim on Sept. 29.\n",
        "posted.html": b"<html><body><article><p>Posted 17 November 2017</p><p>Iraqi forces entered Rawa.</p></article></body></html>",
        "cited.txt": b'title: How Qaim fell\n\nThe army freed Qaim.\n\nIraqi News, "Iraqi forces retake Qaim," 11/3/17\n',
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = frontlines.ingest([tmp_path], store=store, run_extraction=False)
    assert result.ok and len(result.added) == 5
    dates = {Path(r.report.origin).name: (r.report.published, r.report.published_precision, r.report.published_source,
                                          r.report.published_inferred) for r in store.reports()}  # fmt: skip
    assert dates == {
        "unknown.txt": (None, None, "unknown", False),
        "month.txt": (date(2017, 10, 1), "month", "header", False),
        "sept.txt": (None, None, "unknown", False),
        "posted.html": (date(2017, 11, 17), "day", "dateline", True),
        "cited.txt": (date(2017, 11, 3), "day", "text", True),
    }
    assert sorted(Path(origin).name for origin in result.undated) == ["sept.txt", "unknown.txt"]
