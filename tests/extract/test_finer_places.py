"""A village the gazetteer lacks, named beside the town or province around it, is where the event was:
the event keeps the village's words and the coordinates of the place around it ("within"), as an
analyst codes it; a capture of such a village takes no town or province, so control waits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from frontlines.fuse import fuse
from frontlines.model import WITHIN

pytestmark = pytest.mark.model

PUBLISHED = date(2016, 6, 16)  # a Thursday



@pytest.mark.parametrize(
    ("text", "village", "around"),
    [
        ("The army shelled the village of Qaryat Zandorra in Hama countryside on Tuesday, killing three people.", "Qaryat Zandorra", "Hama"),
        ("Rebels fired mortar shells at the besieged town of Kafr Zandorra north of Aleppo city, wounding two.", "Kafr Zandorra", "Aleppo"),
        ("In the west of Homs the army battled militants in Dar Zandorra on Sunday.", "Dar Zandorra", "Homs"),
    ],
    ids=["village of X in Y countryside", "town of X north of Y", "in the west of Y ... in X"],
)
def test_the_event_is_at_the_village_with_the_coordinates_of_the_place_around_it(read_news, text: str, village: str, around: str) -> None:  # type: ignore[no-untyped-def]
    claims = read_news(text, PUBLISHED)
    at_village = [c for c in claims if c.place_mention == village]
    assert at_village, claims
    assert all(c.place is not None and c.place_precision == WITHIN and around in c.place.name for c in at_village), at_village
    assert not any(c.place_mention != village for c in claims), claims


def test_a_name_before_a_settlement_noun_is_a_place(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Militants shelled al-Zandorra town in Idlib on Thursday, wounding two civilians.", PUBLISHED)
    assert any(c.place_mention == "al-Zandorra" for c in claims), claims


def test_a_village_in_another_province_is_not_lent_to_the_town_before_it(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Militants fired rocket shells on Thursday at the cities of Damascus and Aleppo and at al-Zandorra town in Idlib."
    claims = read_news(text, PUBLISHED)
    assert any(c.place is not None and c.place.name == "Damascus" for c in claims), claims
    assert not any(c.place is not None and c.place.name == "Damascus" and c.place_mention == "al-Zandorra" for c in claims), claims


def test_a_captured_village_takes_no_province(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("The army regained the village of Khirbat Zandorra in Hama countryside on Thursday.", PUBLISHED)
    taken = [c for c in claims if c.event_type == "territory_taken"]
    assert taken and all(c.place is None and c.place_mention == "Khirbat Zandorra" for c in taken), claims


def test_countryside_after_a_name_is_the_province(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Government warplanes pounded Idlib countryside on Thursday, killing six people.", PUBLISHED)
    assert any(c.place is not None and c.place.feature_code == "ADM1" for c in claims), claims


def test_two_villages_within_one_town_are_two_events(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Warplanes struck the village of Qaryat Zandorra and the village of Tell Zandorra in Hama countryside on Thursday."
    claims = [replace(c, id=n) for n, c in enumerate(read_news(text, PUBLISHED), 1)]
    names = {fused.event.place_name for fused in fuse(claims, {1: "Test Wire"})}
    assert {"Qaryat Zandorra", "Tell Zandorra"} <= names, names


def test_villages_listed_beside_a_town_are_events_of_their_own(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Warplanes struck the towns of Kafr Zandorra, Umm Zandorra and Jisr al-Shughur on Thursday."
    claims = read_news(text, PUBLISHED)
    assert any(c.place is not None and c.place.name.startswith("Jisr") for c in claims), claims  # the town the gazetteer knows stays
    listed = {c.place_mention for c in claims if c.place_precision == WITHIN}
    assert {"Kafr Zandorra", "Umm Zandorra"} <= listed, claims  # beside Jisr al-Shughur, not in place of it


def test_the_town_a_strike_targeted_is_its_place_not_the_province_after_it(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Warplanes targeted the town of Abu al-Duhur in Idlib province on Thursday.", PUBLISHED)
    assert any(c.event_type == "airstrike" and c.place is not None and c.place.feature_code == "PPL" for c in claims), claims


def test_a_place_named_as_the_next_target_is_still_no_place_of_a_strike(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Warplanes bombed rebel positions on Thursday; Saraqib is the next target, a commander said.", PUBLISHED)
    assert not any(c.event_type == "airstrike" and c.place is not None and c.place.name == "Saraqib" for c in claims), claims


def test_a_quarter_named_after_a_far_town_is_no_event_in_that_town(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Militants fired mortar shells on the Mosul neighbourhood in Damascus on Thursday, wounding four."
    claims = read_news(text, PUBLISHED)
    assert any(c.place is not None and c.place.name == "Damascus" for c in claims), claims
    assert not any(c.place is not None and c.place.country == "IQ" for c in claims), claims  # a quarter of Damascus, not the Iraqi city


def test_a_town_written_as_a_neighbourhood_near_the_city_stays(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Warplanes struck the Douma neighbourhood east of Damascus on Thursday.", PUBLISHED)
    assert any(c.place is not None and c.place.name in ("Douma", "Dūmā") for c in claims), claims


@pytest.mark.parametrize(
    "second",
    [
        "The air force carried out sorties targeting militant positions in al-Zandorra village in the western countryside of the province.",
        "Warplanes struck militant positions in al-Zandorra village on Thursday.",
    ],
    ids=["an event only the reader sees", "an event a trigger word tells"],
)
def test_a_village_the_sentence_names_is_where_the_event_was_within_the_town_the_story_is_about(read_news, second: str) -> None:  # type: ignore[no-untyped-def]
    claims = read_news(f"The army killed dozens of militants in Deir Ezzor on Thursday. {second}", PUBLISHED)
    strikes = [c for c in claims if c.event_type == "airstrike"]
    assert strikes and all(c.place_mention == "al-Zandorra" for c in strikes), claims
    assert all(c.place is not None and c.place.name == "Deir ez-Zor" and c.place_precision == WITHIN for c in strikes), strikes


def test_a_captured_village_takes_no_town_the_story_lends(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("The army killed dozens of militants in Deir Ezzor on Thursday. Troops later regained al-Zandorra village.", PUBLISHED)
    taken = [c for c in claims if c.event_type == "territory_taken"]
    assert taken and all(c.place is None and c.place_mention == "al-Zandorra" for c in taken), claims


@pytest.mark.parametrize(
    "text",
    [
        "Fighting raged in the Zandorra neighbourhood of Damascus on Monday.",
        "Rebels shelled Damascus on Monday. Five people were killed when militants fired shells on al-Zandorra neighborhood in the city.",
    ],
    ids=["the X neighbourhood of Y", "a quarter of the story's city"],
)
def test_a_quarter_of_a_city_is_the_city_its_words_kept(read_news, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = read_news(text, PUBLISHED)
    at_quarter = [c for c in claims if c.place_mention is not None and c.place_mention.endswith("Zandorra")]
    assert at_quarter and all(c.place is not None and c.place.name == "Damascus" and c.place_precision != WITHIN for c in at_quarter), claims


def test_shelling_of_two_quarters_of_a_city_on_one_day_is_one_event_in_the_city(read_news) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants shelled Damascus on Monday. Militants fired shells on al-Zandorra neighborhood in the city, killing two."
        " Militants also fired shells on the Bab Zandorra neighbourhood, wounding four."
    )
    claims = [replace(c, id=n) for n, c in enumerate(read_news(text, PUBLISHED), 1)]
    shelled = [fused.event for fused in fuse(claims, {1: "Test Wire"}) if fused.event.event_type == "explosion"]
    assert len(shelled) == 1 and shelled[0].place_name == "Damascus", shelled


def test_a_sentence_naming_a_city_and_its_quarter_keeps_the_quarters_words(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a checkpoint in Damascus on Thursday and later attacked a bus in the neighbourhood of Bab Zandorra in the south of the city, killing two."
    claims = read_news(text, PUBLISHED)
    attacks = [c for c in claims if c.event_type == "attack"]
    assert attacks and all(c.place is not None and c.place.name == "Damascus" for c in attacks), claims
    assert any(c.place_mention == "Bab Zandorra" for c in attacks), attacks  # the finer words, not the city's again


def test_the_suburbs_a_city_lists_are_each_a_place(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Rockets hit the Damascus suburbs of Ain Zandorra and Kafr Zandorra during a night of shelling on Tuesday.", PUBLISHED)
    assert {"Ain Zandorra", "Kafr Zandorra"} <= {c.place_mention for c in claims}, claims


@pytest.mark.parametrize(
    "text",
    ["Government warplanes pounded rural Idlib on Thursday, killing six people.", "Government warplanes pounded the southern countryside of Idlib on Thursday, killing six people."],
    ids=["rural Y", "the countryside of Y"],
)
def test_the_countryside_before_a_name_is_the_province(read_news, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = read_news(text, PUBLISHED)
    assert claims and all(c.place is not None and c.place.feature_code == "ADM1" for c in claims), claims
