"""A country named by its adjective vouches for its towns: in a report from a war no theatre
describes, "the Somali town of X" finds a small Somali town the gazetteer would not take on its own
(it takes a town of unknown country only when prominent, or when no town elsewhere bears its name:
tests/extract/test_towns_known_by_name_alone.py), and "Somali" is the adjective, not a region of that
name in another country."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.extract.countries_told import countries_told, names_a_country_not_the_place
from frontlines.model import Place, Report

pytestmark = pytest.mark.model


def read(pipeline, text: str):  # type: ignore[no-untyped-def]
    report = Report(outlet="Test Wire", title="", published=date(2016, 7, 12), text=text, raw=text.encode(), id=1)
    return pipeline.extract(report)


def test_countries_are_told_by_name_adjective_or_possessive() -> None:
    assert countries_told("Nigerian troops crossed into Cameroon's far north.") == {"NG", "CM"}
    assert countries_told("the Democratic Republic of the Congo") == {"CD"}
    assert countries_told("troops moved at night") == set()


def test_an_adjective_for_another_country_is_not_the_place() -> None:
    region = Place(key="x", name="Somali", lat=7.0, lon=44.0, country="ET", feature_code="ADM1")
    assert names_a_country_not_the_place("Somali", region)
    assert not names_a_country_not_the_place("Somalia", Place(key="y", name="Somalia", lat=6.0, lon=47.0, country="SO", feature_code="PCLI"))


def test_a_small_town_is_found_when_the_story_names_its_country_by_adjective(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Gunmen attacked a checkpoint in the Somali town of Afgooye on Monday, killing three soldiers.")
    placed = [c for c in claims if c.place is not None]
    assert placed and all(c.place.country == "SO" and c.place.name == "Afgooye" for c in placed), claims


def test_without_its_country_a_small_town_with_a_namesake_is_not_guessed(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Gunmen attacked a checkpoint in Jericho on Monday, killing three soldiers.")
    assert claims and not any(c.place is not None for c in claims), claims


def test_without_its_country_the_only_town_of_its_name_is_still_found(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Gunmen attacked a checkpoint in Afgooye on Monday, killing three soldiers.")
    assert any(c.place is not None and c.place.name == "Afgooye" for c in claims), claims



def test_a_group_blamed_in_a_later_sentence_tells_the_country_of_an_earlier_town(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("A car bomb explodes outside a police station in Derry. Police blame the New IRA.", date(2019, 1, 21))
    placed = [c for c in claims if c.place is not None]
    assert placed and all(c.place.country == "GB" for c in placed), claims


def test_without_the_group_the_same_town_is_a_coin_toss(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("A car bomb explodes outside a police station in Derry, wounding two officers.", date(2019, 1, 21))
    assert claims and all(c.place is None and c.place_mention == "Derry" for c in claims), claims
