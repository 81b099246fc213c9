"""Publication dates in the forms reports, pages and feeds write them."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.ingest.fields import (
    guess_language,
    language_of,
    normalise_language,
    parse_published,
)

OCT_31 = date(2017, 10, 31)


@pytest.mark.parametrize(
    "value",
    [
        "2017-10-31",
        "2017-10-31T10:00:00",
        "2017-10-31 10:00:00",
        "2017-10-31T10:00:00Z",
        "2017-10-31T23:30:00+03:00",
        "2017-10-31T00:30:00-05:00",
        "10/31/2017",
        "10/31/17",
        "31/10/2017",
        "2017/10/31",
        "31 October 2017",
        "31 Oct 2017",
        "October 31, 2017",
        "Oct. 31, 2017",
        "Tuesday, 31 October 2017",
        "Tue, 31 Oct 2017 10:00:00 GMT",
        "Tue, 31 Oct 2017 10:00:00 +0300",
        "  2017-10-31\n",
    ],
)
def test_published_forms_give_the_date_the_outlet_printed(value: str) -> None:
    assert parse_published(value) == OCT_31


def test_slashed_dates_are_month_first_when_both_could_be_months() -> None:
    assert parse_published("10/5/17") == date(2017, 10, 5)


@pytest.mark.parametrize(
    "value", ["", "yesterday", "2017-10", "2017", "2017-02-30", "13/13/2017", "Octember 31, 2017"]
)
def test_vague_or_impossible_dates_are_not_guessed(value: str) -> None:
    assert parse_published(value) is None


@pytest.mark.parametrize(
    ("declared", "expected"),
    [("en-US", "en"), ("AR", "ar"), ("ar_IQ", "ar"), ("", None), (None, None), ("12", None)],
)
def test_language_tags_are_reduced_to_their_primary_subtag(
    declared: str | None, expected: str | None
) -> None:
    assert normalise_language(declared) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Iraqi forces retook Rawa.", "en"), ("استعادت القوات العراقية قضاء راوة.", "ar")],
)
def test_language_is_guessed_from_the_script_when_not_declared(text: str, expected: str) -> None:
    assert guess_language(text) == expected
    assert language_of(None, text) == expected
    assert language_of("fr", text) == "fr"
