"""The report file: header lines, a blank line, the body."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_samples import AKKAS_BODY, AKKAS_REPORT, ARABIC_BODY, ARABIC_REPORT_1256

from frontlines.errors import BadInput
from frontlines.ingest.report_file import parse_report_file
from frontlines.model import Report


def test_report_file_fields_come_from_its_header() -> None:
    report = parse_report_file(AKKAS_REPORT, "corpus/akkas.txt")
    assert report == Report(
        outlet="Iraqi News",
        title="Iraqi forces retake Akkas gas field",
        published=date(2017, 10, 31),
        text=AKKAS_BODY,
        raw=AKKAS_REPORT,
        url="https://www.iraqinews.com/iraq-war/iraqi-forces-retake-akkas-gas-field/",
        language="en",
        origin="corpus/akkas.txt",
    )


def test_body_is_kept_exactly_with_crlf_turned_into_lf() -> None:
    raw = AKKAS_REPORT.replace(b"\n", b"\r\n")
    report = parse_report_file(raw, "akkas.txt")
    assert report.text == AKKAS_BODY
    assert report.raw == raw


def test_windows_1256_arabic_report_decodes() -> None:
    report = parse_report_file(ARABIC_REPORT_1256, "akkas-ar.txt")
    assert report.text == ARABIC_BODY
    assert report.title == "القوات العراقية تستعيد حقل عكاز"
    assert report.outlet == "Al Sumaria"
    assert report.published == date(2017, 10, 31)
    assert report.language == "ar"


def test_outlet_falls_back_to_the_url_domain_and_language_to_a_guess() -> None:
    raw = (
        b"url: https://www.rudaw.net/english/rawa\n"
        b"title: Rawa retaken\n"
        b"published: 2017-11-17\n"
        b"\n"
        b"Iraqi forces entered Rawa.\n"
    )
    report = parse_report_file(raw, "rawa.txt")
    assert (report.outlet, report.language) == ("Rudaw", "en")


@pytest.mark.parametrize(
    ("raw", "reason", "hint"),
    [
        (
            b"title: Akkas retaken\npublished: last Tuesday\n\nIraqi forces recaptured Akkas.\n",
            "unreadable published date 'last Tuesday'",
            '"published: YYYY-MM-DD"',
        ),
        (
            b"title: Akkas retaken\npublished: 2017-10-31\n",
            "no body text after the header",
            "one blank line",
        ),
        (
            b"title: Akkas retaken\npublished: 2017-10-31\nIraqi forces recaptured Akkas.\n",
            "header line 3 is not 'key: value'",
            "leave one blank line",
        ),
    ],
    ids=["unreadable-published", "no-body", "no-blank-line"],
)
def test_report_file_problems_name_the_file_the_reason_and_a_fix(raw: bytes, reason: str, hint: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_report_file(raw, "corpus/akkas.txt")
    assert caught.value.origin == "corpus/akkas.txt"
    assert caught.value.reason.startswith(reason)
    assert hint in caught.value.hint
