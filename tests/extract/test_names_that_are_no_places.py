"""A place name inside a group's name, or a people's name a gazetteer also lists, is no place of the
sentence: "Ahrar al-Sham fighters" were not in Damascus (al-Sham), "a district home to Alawites" is no town;
nor is a namesake on another continent of a village in the country the story names."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model

PUBLISHED = date(2016, 6, 16)



def test_a_place_inside_a_groups_name_is_not_where_it_happened(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Ahrar al-Sham fighters shelled army positions near Idlib on Thursday.", PUBLISHED)
    assert claims and not any(c.place is not None and c.place.name == "Damascus" for c in claims), claims


def test_a_peoples_name_is_no_town(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Mortar shells hit a district of Latakia home to Alawites on Thursday, killing two people.", PUBLISHED)
    assert claims and not any((c.place_mention or "").lower().startswith("alawite") for c in claims), claims


def test_a_namesake_province_on_another_continent_is_not_the_place(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Soldiers repelled an attack on the village of Qayib in central Somalia on Thursday, killing ten militants.", PUBLISHED)
    assert claims and not any(c.place is not None and c.place.country != "SO" for c in claims), claims


def test_a_city_of_a_neighbour_the_war_spills_into_stays(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Kenyan troops shelled Kismayo on Thursday, killing two fighters.", PUBLISHED)
    assert any(c.place is not None and c.place.name == "Kismayo" for c in claims), claims


def test_a_province_named_beside_its_capital_is_no_village_of_it(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("The army killed 30 militants near Peshawar, the capital of Frontier Hills Province, on Thursday.", PUBLISHED)
    assert any(c.place is not None and c.place.name == "Peshawar" and c.place_mention == "Peshawar" for c in claims), claims


def test_a_weapons_name_is_no_place(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Three Katyusha rockets hit a warehouse in Aqaba, Jordan, on Thursday, killing a soldier.", PUBLISHED)
    assert claims and not any(c.place_mention == "Katyusha" for c in claims), claims


def test_a_capital_is_no_evidence_for_itself_against_the_country_the_story_names(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("The Lebanese army shelled militant positions near Tripoli on Thursday.", PUBLISHED)
    assert any(c.place is not None and c.place.name == "Tripoli" for c in claims), claims
    assert all(c.place.country == "LB" for c in claims if c.place is not None), claims


def test_a_town_named_with_its_country_is_no_namesake_abroad(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Shells fired from across the border hit Blida, Lebanon, on Thursday, killing a farmer.", PUBLISHED)
    assert claims and not any(c.place is not None and c.place.country != "LB" for c in claims), claims


def test_a_town_named_with_its_province_and_country_is_no_namesake_abroad(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Rebels attacked Mambasa, Ituri Province, Democratic Republic of the Congo, on Thursday, killing six people.", PUBLISHED)
    assert claims and not any(c.place is not None and c.place.country != "CD" for c in claims), claims


def test_a_countrys_long_name_is_no_finer_place(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Rebels attacked a village in the Democratic Republic of the Congo on Thursday, killing six people.", PUBLISHED)
    assert claims and not any((c.place_mention or "") in {"Democratic Republic", "Congo"} for c in claims), claims


def test_a_small_town_of_the_wars_other_country_is_a_namesake_in_a_story_of_one_country(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian warplanes struck rebel positions in Aleppo on Thursday. Rebel mortar shells hit Bartella, killing two people."
    shelled = [c for c in read_news(text, PUBLISHED) if c.place_mention == "Bartella"]
    assert shelled and all(c.place is None or c.place.country != "IQ" for c in shelled), shelled  # a quarter named after an Iraqi town


def test_a_small_town_of_the_country_the_story_names_stays(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Iraqi troops shelled militants in Mosul on Thursday. Mortar shells hit Bartella, killing two people."
    claims = read_news(text, PUBLISHED)
    assert any(c.place is not None and c.place.country == "IQ" and c.place.name != "Mosul" for c in claims), claims


def test_a_common_word_is_no_town_abroad(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "US warplanes struck the city on Thursday killing twelve people a monitor said Many of them were children."  # a text that lost its stops
    claims = read_news(text, PUBLISHED)
    assert claims and not any(c.place is not None and c.place.country == "US" for c in claims), claims


def test_a_word_for_a_kind_of_place_is_no_town(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Rebels cut the Castello Road north of Aleppo on Thursday after fierce clashes.", PUBLISHED)
    assert claims and not any(c.place is not None and (c.place_mention or "").lower() == "road" for c in claims), claims
