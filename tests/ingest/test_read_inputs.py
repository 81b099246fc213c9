"""read_inputs: files, folders and stdin; every bad input a problem, the good ones still read."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from ingest_samples import (
    AKKAS_REPORT,
    ARABIC_REPORT_1256,
    ATOM_FEED,
    JSONL_LINES,
    RAWA_PAGE,
    RSS_FEED,
)

from frontlines.ingest.dispatch import read_inputs, sniff_format
from frontlines.model import IngestProblem, Report

Write = Callable[[str, bytes], Path]

GOOD_FILES = {
    "akkas.txt": AKKAS_REPORT,
    "arabic/akkas-ar.txt": ARABIC_REPORT_1256,
    "pages/rawa.html": RAWA_PAGE,
    "feeds/k24.rss": RSS_FEED,
    "reports.jsonl": b"\n".join(JSONL_LINES) + b"\n",
    "undated/no-date.txt": b"title: Akkas retaken\n\nIraqi forces recaptured Akkas.\n",
}

BAD_FILES = {
    "bad/binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    "bad/empty.txt": (b" \n\n", "empty file"),
    "bad/latin1.txt": (
        "published: 2017-10-31\n\nLes forces irakiennes ont repris Akkas, déjà.\n".encode("latin-1"),
        "not UTF-8 text",
    ),
    "bad/huge.txt": (AKKAS_REPORT + b"More text. " * 400, "file too large"),
    "bad/truncated.html": (RAWA_PAGE[: RAWA_PAGE.index(b"from three sides")], "truncated HTML"),
    "bad/broken.xml": (RSS_FEED[: RSS_FEED.index(b"<source")], "broken feed"),
    "bad/report.pdf": (b"%PDF-1.4\n", "PDF files are not read"),
}

SKIPPED_FILES = {
    "akkas.gold.jsonl": b'{"date": "2017-10-31", "place": "Akkas", "event_type": "territory_taken"}\n',
    ".hidden.txt": AKKAS_REPORT,
    ".git/HEAD.txt": AKKAS_REPORT,
    "map.png": b"\x89PNG\r\n\x1a\n",
    "frontlines.db": b"SQLite format 3\x00",
}

MAX_BYTES = 4000


@pytest.fixture
def corpus(write: Write, tmp_path: Path) -> Path:
    for name, data in {**GOOD_FILES, **SKIPPED_FILES}.items():
        write(f"corpus/{name}", data)
    for name, (data, _reason) in BAD_FILES.items():
        write(f"corpus/{name}", data)
    return tmp_path / "corpus"


def test_a_folder_yields_every_good_report_and_one_problem_per_bad_file(corpus: Path) -> None:
    given = str(corpus)
    results = list(read_inputs([given], max_bytes=MAX_BYTES))
    reports = {result.origin: result for result in results if isinstance(result, Report)}
    problems = {result.origin: result for result in results if isinstance(result, IngestProblem)}

    assert sorted(reports) == sorted(
        [f"{given}/akkas.txt", f"{given}/arabic/akkas-ar.txt", f"{given}/pages/rawa.html", f"{given}/undated/no-date.txt"]
        + [f"{given}/feeds/k24.rss#item-1", f"{given}/feeds/k24.rss#item-2"]
        + [f"{given}/reports.jsonl:1", f"{given}/reports.jsonl:3"]
    )
    expected_problems = {f"{given}/{name}": reason for name, (_data, reason) in BAD_FILES.items()}
    expected_problems[f"{given}/reports.jsonl:2"] = "not valid JSON"
    assert sorted(problems) == sorted(expected_problems)
    for origin, reason in expected_problems.items():
        assert problems[origin].reason.startswith(reason), origin
        assert problems[origin].hint, origin


def test_folder_order_is_sorted_and_stable(corpus: Path) -> None:
    origins = [result.origin for result in read_inputs([corpus], max_bytes=MAX_BYTES)]
    assert origins == [result.origin for result in read_inputs([corpus], max_bytes=MAX_BYTES)]
    assert origins[0] == f"{corpus}/akkas.txt"
    assert origins.index(f"{corpus}/bad/binary.txt") < origins.index(f"{corpus}/bad/broken.xml")


def test_folders_skip_gold_hidden_and_non_report_files(corpus: Path) -> None:
    origins = " ".join(result.origin for result in read_inputs([corpus], max_bytes=MAX_BYTES))
    for name in ("gold.jsonl", ".hidden", ".git", "map.png", "frontlines.db"):
        assert name not in origins


def test_the_file_over_the_limit_names_its_size_and_the_limit(corpus: Path) -> None:
    (problem,) = read_inputs([corpus / "bad/huge.txt"], max_bytes=MAX_BYTES)
    assert isinstance(problem, IngestProblem)
    size = (corpus / "bad/huge.txt").stat().st_size
    assert f"({size:,} bytes)" in problem.reason and f"({MAX_BYTES:,} bytes)" in problem.reason
    assert "--max-bytes" in problem.hint


def test_a_missing_path_is_a_problem_and_the_next_input_is_still_read(write: Write, tmp_path: Path) -> None:
    akkas = write("akkas.txt", AKKAS_REPORT)
    missing, report = read_inputs([tmp_path / "nowhere.txt", akkas])
    assert missing == IngestProblem(
        str(tmp_path / "nowhere.txt"),
        "no such file or folder",
        "check the path; use - to read standard input",
    )
    assert isinstance(report, Report) and report.origin == str(akkas)


def test_a_gold_file_named_directly_is_a_problem_not_reports(write: Write) -> None:
    (problem,) = read_inputs([write("akkas.gold.jsonl", SKIPPED_FILES["akkas.gold.jsonl"])])
    assert isinstance(problem, IngestProblem)
    assert problem.reason.startswith("a gold file")


def test_an_empty_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (problem,) = read_inputs([tmp_path / "empty"])
    assert isinstance(problem, IngestProblem)
    assert problem.reason == "no report files in the folder"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (AKKAS_REPORT, "report"),
        (RAWA_PAGE, "html"),
        (RSS_FEED, "feed"),
        (ATOM_FEED, "feed"),
        (JSONL_LINES[0] + b"\n", "jsonl"),
    ],
)
def test_stdin_is_read_in_the_format_its_content_shows(data: bytes, kind: str) -> None:
    assert sniff_format(data) == kind
    results = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert results and all(isinstance(result, Report) for result in results)
    assert results[0].origin.startswith("<stdin>")


def test_stdin_report_file_gives_the_same_report_as_the_file() -> None:
    (report,) = read_inputs(["-"], stdin=io.BytesIO(AKKAS_REPORT))
    assert isinstance(report, Report)
    assert (report.origin, report.published, report.outlet, report.raw) == (
        "<stdin>",
        date(2017, 10, 31),
        "Iraqi News",
        AKKAS_REPORT,
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rawa.page", RAWA_PAGE),
        ("k24.download", RSS_FEED),
        ("reports.out", JSONL_LINES[0]),
        ("akkas", AKKAS_REPORT),
    ],
)
def test_an_unknown_extension_is_read_by_its_content(write: Write, name: str, data: bytes) -> None:
    results = list(read_inputs([write(name, data)]))
    assert results and all(isinstance(result, Report) for result in results)


def test_stdin_over_the_limit_is_a_problem() -> None:
    (problem,) = read_inputs(["-"], stdin=io.BytesIO(AKKAS_REPORT), max_bytes=100)
    assert isinstance(problem, IngestProblem)
    assert problem.origin == "<stdin>"
    assert problem.reason.startswith("input too large: more than 100 bytes")
