"""Disambiguation: places sharing a name are told apart by the story's context, never guessed."""

from __future__ import annotations

import pytest

from frontlines.gazetteer import Gazetteer
from frontlines.model import Place


def _place(key: str, name: str, lat: float, lon: float, admin1: str, feature: str = "P.PPL", population: int = 0,
           country: str = "IQ") -> Place:  # fmt: skip
    feature_class, _, feature_code = feature.partition(".")
    return Place(key=key, name=name, lat=lat, lon=lon, country=country, admin1=admin1, feature_class=feature_class,
                 feature_code=feature_code, population=population)  # fmt: skip


MOSUL = _place("t:mosul", "Mosul", 36.34, 43.13, "Nineveh", population=1_000_000)
KUT = _place("t:kut", "Kut", 32.51, 45.82, "Wasit", population=300_000)
NORTH = _place("t:north-testville", "Testville", 36.30, 43.20, "Nineveh")  # 8 km from Mosul
SOUTH = _place("t:south-testville", "Testville", 32.40, 45.80, "Wasit")  # 12 km from Kut
TOWN = _place("t:testqaim", "Testqaim", 34.37, 41.09, "Anbar", population=70_000)
DISTRICT = _place("t:testqaim-district", "Testqaim", 34.30, 41.30, "Anbar", feature="A.ADM2")
BIG = _place("t:big-bigville", "Bigville", 33.0, 44.0, "Baghdad", population=50_000)
SMALL = _place("t:small-bigville", "Bigville", 35.0, 42.0, "Nineveh", population=900)
TWIN_A = _place("t:twin-a", "Twinford", 33.300, 44.300, "Baghdad")
TWIN_B = _place("t:twin-b", "Twinford", 33.350, 44.350, "Baghdad")  # 7 km away: one place, two entries
VILLAGE = _place("t:vill-testfield", "Testfield", 31.0, 47.0, "Basra")
FIELD = _place("t:testfield-gas", "Testfield", 31.3, 47.4, "Basra", feature="L.GASF")
SYRIAN = _place("t:aleppo-testville", "Testville", 36.2, 37.1, "Aleppo", country="SY")
ALEPPO = _place("t:aleppo", "Aleppo", 36.2, 37.16, "Aleppo", population=2_000_000, country="SY")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    places = [MOSUL, KUT, NORTH, SOUTH, TOWN, DISTRICT, BIG, SMALL, TWIN_A, TWIN_B, VILLAGE, FIELD, SYRIAN, ALEPPO]
    return Gazetteer((place, [place.name]) for place in places)


def _keys(found: list[tuple[Place, float]]) -> list[str]:
    return [place.key for place, _ in found]


def test_the_nearest_of_two_villages_of_one_name_is_chosen(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Testville", context=[MOSUL])[0][0] == NORTH
    assert gazetteer.lookup("Testville", context=[KUT])[0][0] == SOUTH


def test_a_province_of_the_story_speaks_for_its_places(gazetteer: Gazetteer) -> None:
    province_only = _place("t:nineveh", "Nineveh", 36.0, 42.5, "Nineveh", feature="A.ADM1")
    assert gazetteer.lookup("Testville", context=[province_only])[0][0] == NORTH


def test_the_country_of_the_story_speaks_for_its_places(gazetteer: Gazetteer) -> None:
    syria = _place("t:syria", "Syria", 35.0, 38.0, "", feature="A.PCLI", country="SY")
    assert gazetteer.lookup("Testville", context=[syria])[0][0] == SYRIAN
    assert gazetteer.resolve("Testville", context=[ALEPPO]) == SYRIAN


def test_a_feature_word_in_the_phrase_chooses_the_kind_of_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Testqaim")[0][0] == TOWN, "a bare name means the town"
    assert gazetteer.lookup("the district of Testqaim")[0][0] == DISTRICT
    assert gazetteer.lookup("Testqaim district")[0][0] == DISTRICT
    assert gazetteer.lookup("the village of Testfield")[0][0] == VILLAGE
    assert gazetteer.lookup("Testfield gas field")[0][0] == FIELD


def test_a_feature_word_in_running_text_chooses_the_kind_of_place(gazetteer: Gazetteer) -> None:
    [match] = gazetteer.match_spans("Troops entered the district of Testqaim on Monday.")
    assert (match.text, match.place) == ("Testqaim", DISTRICT)
    [match] = gazetteer.match_spans("Shelling hit Testqaim district overnight.")
    assert (match.text, match.place) == ("Testqaim", DISTRICT)
    [match] = gazetteer.match_spans("Shelling hit Testqaim overnight.")
    assert match.place == TOWN


def test_the_larger_population_wins_when_nothing_else_tells(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Bigville") == BIG


def test_a_coin_toss_between_distant_places_stays_unresolved(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.lookup("Testville", countries=("IQ",))) == 2, "lookup still lists both"
    assert gazetteer.resolve("Testville", countries=("IQ",)) is None
    assert gazetteer.match_spans("Clashes were reported in Testville.", countries=("IQ",)) == []


def test_context_turns_a_coin_toss_into_a_choice(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Testville", countries=("IQ",), context=[KUT]) == SOUTH
    [match] = gazetteer.match_spans("Clashes were reported in Testville.", countries=("IQ",), context=[MOSUL])
    assert match.place == NORTH


def test_the_texts_own_unambiguous_places_are_context(gazetteer: Gazetteer) -> None:
    matches = gazetteer.match_spans("After Mosul, the army moved on Testville.", countries=("IQ",))
    assert [m.place for m in matches] == [MOSUL, NORTH]
    matches = gazetteer.match_spans("Testville lies north of Kut.", countries=("IQ",))
    assert [m.place for m in matches] == [SOUTH, KUT]


def test_two_entries_for_one_spot_are_no_coin_toss(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Twinford") in (TWIN_A, TWIN_B)


def test_an_unknown_name_stays_unresolved(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Nowhereville", context=[MOSUL]) is None


def test_scores_with_context_lie_between_zero_and_one(gazetteer: Gazetteer) -> None:
    for place, score in gazetteer.lookup("Testville", countries=None, context=[MOSUL, ALEPPO]):
        assert 0.0 < score <= 1.0, place


# The bundled gazetteer: real places that share a name.


def test_sinjar_in_a_story_about_idlib_is_the_syrian_village() -> None:
    bundled = Gazetteer.bundled()
    idlib = bundled.lookup("Idlib")[0][0]
    assert bundled.lookup("Sinjar")[0][0].country == "IQ", "without context, the countries order decides"
    assert bundled.resolve("Sinjar", context=[idlib]).country == "SY"
    [sinjar] = bundled.match_spans("Government forces advanced towards Sinjar.", context=[idlib])
    assert (sinjar.place.country, sinjar.place.admin1) == ("SY", "Idlib"), "the story's earlier places"
    [_, sinjar] = bundled.match_spans("Government forces advanced from Idlib towards Sinjar.")
    assert sinjar.place.country == "SY", "the sentence's own places"


def test_suran_in_hama_and_soran_in_erbil_are_told_apart_by_the_story() -> None:
    bundled = Gazetteer.bundled()
    hama = bundled.lookup("Hama")[0][0]
    erbil = bundled.lookup("Erbil")[0][0]
    assert bundled.resolve("Suran", context=[hama]).admin1 == "Hama"
    assert bundled.resolve("Suran", context=[erbil]).admin1 == "Erbil"


def test_a_town_stays_the_town_beside_its_province_in_context() -> None:
    bundled = Gazetteer.bundled()
    hawija = bundled.lookup("Hawija")[0][0]
    assert bundled.resolve("Kirkuk", context=[hawija]).feature_code != "ADM1"


def test_zab_the_town_is_found_and_the_zab_river_is_not() -> None:
    bundled = Gazetteer.bundled()
    [zab] = bundled.match_spans("Iraqi forces took the villages around Zab on Saturday.")
    assert (zab.text, zab.place.key) == ("Zab", "fl:zab")
    assert bundled.match_spans("They crossed the Zab river at dawn.") == []


def test_a_fuzzy_match_resolves_only_when_the_story_corroborates_it() -> None:
    bundled = Gazetteer.bundled()
    kirkuk = bundled.lookup("Kirkuk")[0][0]
    assert bundled.lookup("Hweija")[0][0].key == "gn:390188", "lookup offers the near spelling"
    assert bundled.resolve("Hweija") is None, "on its own it may be a place the gazetteer lacks"
    assert bundled.resolve("Hweija", context=[kirkuk]).key == "gn:390188"
    assert bundled.resolve("Baghdadi") is None, "al-Baghdadi in Anbar is not Baghdad"


def test_searching_every_country_a_place_in_a_country_the_story_names_beats_one_in_a_country_it_does_not() -> None:
    from frontlines.gazetteer.disambiguate import decisive

    here = _place("t:here", "Twintown", 31.87, 35.45, "West", population=19_000, country="PS")
    abroad = _place("t:abroad", "Twintown", 40.79, -73.54, "East", population=14_000, country="US")
    told = [_place("t:country", "Freedonia", 31.9, 35.2, "", feature="A.PCLI", country="PS")]
    assert decisive([(here, 0.62), (abroad, 0.6)], None, told)  # the story names the first one's country
    assert not decisive([(here, 0.62), (abroad, 0.6)], None, [])  # no country named: a coin toss
