"""JSON Lines: one report per line; a bad line never hides the good ones."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_samples import JSONL_LINES

from frontlines.errors import BadInput
from frontlines.ingest.jsonl import parse_jsonl
from frontlines.model import IngestProblem, Report


def test_each_good_line_is_a_report_and_a_bad_line_a_problem_for_that_line() -> None:
    results = list(parse_jsonl(b"\n".join(JSONL_LINES) + b"\n", "reports.jsonl"))
    assert results[0] == Report(
        outlet="Reuters",
        title="Iraqi forces take Kirkuk",
        published=date(2017, 10, 16),
        text="Iraqi forces took control of Kirkuk on Monday.",
        raw=JSONL_LINES[0],
        url="https://www.reuters.com/article/iraq-kirkuk",
        language="en",
        origin="reports.jsonl:1",
    )
    assert isinstance(results[1], IngestProblem)
    assert results[1].origin == "reports.jsonl:2"
    assert results[1].reason.startswith("not valid JSON")
    assert "fix or remove the line" in results[1].hint
    assert isinstance(results[2], Report)
    assert (results[2].origin, results[2].outlet, results[2].published) == (
        "reports.jsonl:3",
        "Anadolu Agency",
        date(2017, 8, 31),
    )


def test_line_numbers_count_blank_lines_and_raw_drops_the_line_ending() -> None:
    data = b"\r\n" + JSONL_LINES[0] + b"\r\n"
    (report,) = parse_jsonl(data, "k.jsonl")
    assert isinstance(report, Report)
    assert (report.origin, report.raw) == ("k.jsonl:2", JSONL_LINES[0])


@pytest.mark.parametrize(
    ("line", "reason", "hint"),
    [
        (b'["2017-10-16", "Kirkuk"]', "a JSON list, not an object", "make the line an object"),
        (b'{"published": "2017-10-16", "title": "Kirkuk"}', 'missing "text"', '"text" field'),
        (
            b'{"published": "Monday", "text": "Iraqi forces took Kirkuk."}',
            "unreadable \"published\" date 'Monday'",
            "YYYY-MM-DD",
        ),
        (
            b'{"published": 20171016, "text": "Iraqi forces took Kirkuk."}',
            '"published" must be a string',
            "quote the value",
        ),
        (
            '{"published": "2017-10-16", "text": "Kirkuk é"}'.encode("latin-1"),
            "not UTF-8 text",
            "re-save the file as UTF-8",
        ),
    ],
    ids=["not-an-object", "no-text", "unreadable-published", "number-published", "latin-1"],
)
def test_bad_lines_say_what_is_wrong(line: bytes, reason: str, hint: str) -> None:
    data = JSONL_LINES[0] + b"\n" + line + b"\n" + JSONL_LINES[2] + b"\n"
    results = list(parse_jsonl(data, "reports.jsonl"))
    assert [type(result) for result in results] == [Report, IngestProblem, Report]
    problem = results[1]
    assert isinstance(problem, IngestProblem)
    assert problem.origin == "reports.jsonl:2"
    assert problem.reason.startswith(reason)
    assert hint in problem.hint


@pytest.mark.parametrize(("data", "reason"), [(b"\n\n", "empty file"), (b"{\x00\x00\x00}", "binary file")])
def test_a_whole_file_that_is_empty_or_binary_is_refused_at_once(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        parse_jsonl(data, "reports.jsonl")


def test_a_pretty_printed_json_document_is_one_problem_not_one_per_line() -> None:
    data = b'[\n  {\n    "published": "2017-10-16",\n    "text": "Iraqi forces took Kirkuk."\n  }\n]\n'
    with pytest.raises(BadInput) as caught:
        parse_jsonl(data, "reports.json")
    assert caught.value.reason == "one JSON document spread over several lines, not JSON Lines"
    assert "one report object per line" in caught.value.hint
