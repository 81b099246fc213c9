"""Dates resolve against the publication date and the story's running date, never the clock."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.extract.dates import DateResolver

PUBLISHED = date(2017, 11, 4)  # a Saturday


def resolve(sentence: str, running: date | None = None) -> list[tuple[str, str]]:
    return [(m.value.value.isoformat(), m.value.precision) for m in DateResolver().mentions(sentence, PUBLISHED, running)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops retook the field on October 31.", [("2017-10-31", "day")]),
        ("Troops retook the field on Oct. 31, 2017.", [("2017-10-31", "day")]),
        ("Troops retook the field on 31 October.", [("2017-10-31", "day")]),
        ("Iraqi News, \"Qaim freed,\" 11/3/17", [("2017-11-03", "day")]),
        ("The town was freed yesterday.", [("2017-11-03", "day")]),
        ("The town was freed on Saturday.", [("2017-11-04", "day")]),
        ("The town was freed on Friday.", [("2017-11-03", "day")]),
        ("The town was freed on Sunday.", [("2017-10-29", "day")]),
        ("The offensive began in September.", [("2017-09-01", "month")]),
        ("The group seized the town in 2014.", [("2014-01-01", "year")]),
    ],
)
def test_dates_resolve_against_publication(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert resolve(sentence) == expected


def test_next_day_resolves_against_running_date() -> None:
    assert resolve("The next day the army was outside Qaim.", running=date(2017, 10, 29)) == [("2017-10-30", "day")]


def test_relative_dates_later_in_a_sentence_use_dates_set_earlier_in_it() -> None:
    sentence = "On November 2 the forces attacked Qaim and freed it by the next day."
    assert resolve(sentence, running=date(2017, 10, 31)) == [("2017-11-02", "day"), ("2017-11-03", "day")]


@pytest.mark.parametrize("sentence", ["The road runs 34 miles to the border.", "Some 1,500 fighters remain.", "It lies 20 km away."])
def test_distances_and_counts_are_not_dates(sentence: str) -> None:
    assert resolve(sentence) == []


def test_two_days_later_counts_from_the_running_date() -> None:
    assert resolve("Two days later the troops moved in.", running=date(2017, 9, 21)) == [("2017-09-23", "day")]


def test_a_weekday_of_a_month_day_in_the_future_falls_back_a_year() -> None:
    assert DateResolver().mentions("on December 30", date(2018, 1, 3), None)[0].value.value == date(2017, 12, 30)


@pytest.mark.parametrize(
    ("words", "value", "precision"),
    [
        ("last month", date(2017, 10, 1), "month"),
        ("earlier this month", date(2017, 11, 1), "month"),
        ("next month", date(2017, 12, 1), "month"),
        ("last year", date(2016, 1, 1), "year"),
        ("next week", date(2017, 11, 6), "range"),
    ],
)
def test_months_and_years_counted_from_publication_keep_their_precision(words: str, value: date, precision: str) -> None:
    (mention,) = DateResolver().mentions(f"The fighting began {words}.", date(2017, 11, 4), None)
    assert (mention.value.value, mention.value.precision) == (value, precision)
