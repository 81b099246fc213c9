"""Names that frame an event are not where it happened: the province a town is said to be in (when the
province bears its seat's name), the seat of a body ("the London-based monitor"), the city a foreign
ministry speaks from, and the words of the event in a headline written in title case."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2016, 4, 3)  # a Sunday


def _places(claims) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.place.name for c in claims if c.place is not None}


def test_a_town_in_a_province_named_after_its_seat_is_no_event_in_the_seat(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Government troops recaptured the town of al-Qaryatayn in Homs on Sunday after a week of fighting.", PUBLISHED)
    taken = [c for c in claims if c.event_type == "territory_taken"]
    assert taken and all(c.place is not None and c.place.name == "Al Qaryatayn" for c in taken), claims


def test_a_quarter_in_its_city_keeps_the_city(read_news) -> None:  # type: ignore[no-untyped-def]
    """Closer than a town of its own, the name after "in" is the city itself, not its province."""
    claims = read_news("Shells fell on the Bab Amr district in Homs on Sunday, wounding four civilians.", PUBLISHED)
    assert not any(c.place is not None and c.place.feature_code == "ADM1" for c in claims), claims


def test_two_cities_named_side_by_side_are_two_places(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Rockets hit Hama and Homs on Sunday, killing five people.", PUBLISHED)
    assert {"Homs"} <= _places(claims), claims


def test_the_seat_of_a_body_is_no_place_of_the_event(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "The Istanbul-based opposition coalition said warplanes struck a school on Sunday, killing eight children."
    claims = read_news(text, PUBLISHED)
    assert claims and not any("Istanbul" in (c.place_mention or "") or (c.place is not None and c.place.country == "TR") for c in claims), claims


def test_a_foreign_ministry_speaks_from_its_capital_not_from_the_war(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Some 80 militants were killed in a series of air strikes in Syria over the past day, the defence ministry in Moscow said on Sunday."
    claims = read_news(text, PUBLISHED)
    strikes = [c for c in claims if c.event_type == "airstrike"]
    assert strikes and all(c.place is not None and c.place.country == "SY" for c in strikes), claims



def test_a_title_case_headline_names_no_place_in_the_words_of_its_event(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("03-04-2016 Two Civilians Killed Others Injured in Mortar Shells Attack.", PUBLISHED)
    assert not any(c.place_mention and ("Attack" in c.place_mention or "Shells" in c.place_mention) for c in claims), claims
