"""Place names of wars anywhere in running text: names with lower-case particles, a country's
capital named by the country, towns named like their province, and towns before a capitalised
word naming a kind of area. Invented sentences; real GeoNames towns, searched in every country."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from frontlines.gazetteer import Gazetteer
from frontlines.gazetteer.records import DATA_DIR
from frontlines.gazetteer.wordlists import read_word_lists


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str, str, str]]:
    return [
        (m.text, m.place.name, m.place.country, m.place.feature_code) for m in gazetteer.match_spans(text, countries=None)
    ]


def test_a_name_with_lower_case_particles_is_found_whole(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Militants seized Santo Domingo de los Colorados on Tuesday.") == [
        ("Santo Domingo de los Colorados", "Santo Domingo de los Colorados", "EC", "PPL")
    ]


def test_a_particle_joins_no_names_the_gazetteer_lacks_as_a_whole(gazetteer: Gazetteer) -> None:
    names = [text for text, *_ in found(gazetteer, "Envoys flew from Nairobi de Kampala to talks.")]
    assert "Nairobi de Kampala" not in names


@pytest.mark.parametrize(
    ("text", "words", "capital"),
    [
        ("A bomb went off in Chad’s capital on Friday.", "Chad’s capital", "N'Djamena"),
        ("A grenade was thrown in Niger's capital overnight.", "Niger's capital", "Niamey"),
        ("Shelling hit the Malian capital on Monday.", "Malian capital", "Bamako"),
        ("Troops reached the capital of Burkina Faso.", "capital of Burkina Faso", "Ouagadougou"),
        ("Fighting spread to the capital of the Central African Republic.", "capital of the Central African Republic", "Bangui"),
    ],
)
def test_a_country_named_for_its_capital_is_the_capital_city(
    gazetteer: Gazetteer, text: str, words: str, capital: str
) -> None:
    matches = gazetteer.match_spans(text, countries=None)
    assert [(m.text, m.place.name, m.place.feature_code) for m in matches] == [(words, capital, "PPLC")]


def test_a_capital_named_in_the_text_is_not_found_twice(gazetteer: Gazetteer) -> None:
    places = [name for _, name, _, _ in found(gazetteer, "Troops entered the Chadian capital, N'Djamena, at dawn.")]
    assert places.count("N'Djamena") == 1
    places = [name for _, name, _, _ in found(gazetteer, "Niamey, the capital of Niger, was calm.")]
    assert places.count("Niamey") == 1


def test_the_capital_of_a_province_of_a_country_is_not_the_country_capital(gazetteer: Gazetteer) -> None:
    places = [name for _, name, _, _ in found(gazetteer, "Rebels entered the capital of Nigeria's Borno State.")]
    assert "Abuja" not in places


def test_a_capitalised_capital_is_part_of_another_name(gazetteer: Gazetteer) -> None:
    places = [name for _, name, _, _ in found(gazetteer, "Rockets hit the Australian Capital Territory.")]
    assert "Canberra" not in places


def test_a_capital_outside_the_searched_countries_is_not_taken(gazetteer: Gazetteer) -> None:
    assert gazetteer.match_spans("A bomb went off in Chad's capital.", countries=("NE",)) == []


@pytest.mark.parametrize(("name", "country"), [("Diffa", "NE"), ("Tillabéri", "NE"), ("Kidal", "ML")])
def test_a_town_named_like_its_province_is_the_town(gazetteer: Gazetteer, name: str, country: str) -> None:
    assert found(gazetteer, f"Gunmen attacked {name} overnight.") == [(name, name, country, "PPL")]


def test_the_state_of_a_name_is_the_province(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Police in the Mexican state of Guanajuato found a grave.") == [
        ("Guanajuato", "Guanajuato", "MX", "ADM1")
    ]


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Militants attacked Bama LGA in Nigeria.", "Bama", "NG"),
        ("Gunmen killed ten in Ouallam Department, Niger.", "Ouallam", "NE"),
        ("Boko Haram raided Konduga Local Government Area in Nigeria.", "Konduga", "NG"),
    ],
)
def test_a_town_before_a_capitalised_word_for_its_area_is_found(
    gazetteer: Gazetteer, text: str, town: str, country: str
) -> None:
    assert (town, town, country, "PPL") in found(gazetteer, text)


def test_a_folder_of_word_lists_without_the_newer_lists_still_reads(tmp_path: Path) -> None:
    for name in ("stopwords.txt", "ambiguous_words.txt", "feature_words.tsv", "feature_hints.tsv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    lists = read_word_lists(tmp_path)
    assert lists.particles == frozenset() and lists.capital_words == frozenset()
    assert "de" in read_word_lists().particles and "capital" in read_word_lists().capital_words


def test_an_elided_particle_inside_a_name_keeps_the_name_whole(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Protesters marched in Côte d’Ivoire on Monday.") == [
        ("Côte d’Ivoire", "Ivory Coast", "CI", "PCLI")
    ]


def test_a_capital_s_own_name_means_it_before_a_village_it_is_only_another_spelling_of(gazetteer: Gazetteer) -> None:
    text = "Mourners in Tehran, Iran, remember a general killed in a drone strike in Baghdad last week."
    assert [(name, country) for words, name, country, _ in found(gazetteer, text) if words == "Baghdad"] == [("Baghdad", "IQ")]


@pytest.mark.parametrize("text", ["Loyalist forces capture the town of Ra's Lanuf.", "An air strike near Qaa kills 23 farm workers."])
def test_a_short_word_matches_no_place_by_a_code_among_its_alternate_names(gazetteer: Gazetteer, text: str) -> None:
    assert not [m for m in found(gazetteer, text) if m[2] in ("PE", "AT", "IL", "MD")], found(gazetteer, text)
