"""A one-line summary that names no country ("two bombs went off in X") still has a place: the town
the world knows by that name alone, the only place whose own name it is. Where namesakes share the
name, however unlike in size, the words are kept and nothing is guessed."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.gazetteer.index import Gazetteer

PUBLISHED = date(2022, 3, 23)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


def test_the_only_town_of_a_name_is_the_town(gazetteer: Gazetteer) -> None:
    town = gazetteer.sole_town("Beledweyne")
    assert town is not None and town.country == "SO"


def test_a_town_larger_than_its_namesakes_is_still_no_sure_thing(gazetteer: Gazetteer) -> None:
    assert gazetteer.sole_town("Essex") is None  # the English county, or the largest town of the name, in Maryland


def test_namesakes_of_a_like_size_leave_the_name_unresolved(gazetteer: Gazetteer) -> None:
    assert gazetteer.sole_town("Jericho") is None  # the West Bank's and New York's


def test_another_places_alternate_name_does_not_count(gazetteer: Gazetteer) -> None:
    town = gazetteer.sole_town("Ra'anana")  # GeoNames lists a spelling of it among London's names
    assert town is not None and town.country == "IL"


def test_a_name_no_town_bears_is_no_town(gazetteer: Gazetteer) -> None:
    assert gazetteer.sole_town("Ahmed") is None


@pytest.mark.model
def test_a_summary_line_with_no_country_places_its_event(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Two suicide bombers blow themselves up at a checkpoint in Beledweyne, killing nine people.", PUBLISHED)
    assert any(c.place is not None and c.place.name == "Beledweyne" for c in claims), claims


@pytest.mark.model
def test_a_summary_line_naming_an_ambiguous_town_keeps_its_words(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Gunmen fire on a police patrol in Jericho, wounding two officers.", PUBLISHED)
    assert claims and all(c.place is None for c in claims) and any(c.place_mention == "Jericho" for c in claims), claims


@pytest.mark.parametrize(("name", "country"), [("Derna", "LY"), ("Bombay", "IN")])
def test_a_city_known_by_this_name_comes_before_villages_whose_own_name_it_is(gazetteer: Gazetteer, name: str, country: str) -> None:
    town = gazetteer.sole_town(name)  # the Libyan city's English name is a Romanian village's own; Bombay a hamlet's
    assert town is not None and town.country == country
