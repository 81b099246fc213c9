"""Who did it, read for any war: the dead, the targets, the bystanders and the sources a sentence
names are not its doers; the doer's own words say which group or state it is ("fighters loyal to
X", "Kenyan Air Force jets"); a person who attacks is an unidentified armed man; a claim of
responsibility names the group behind "gunmen". Towns are invented (Port Ulmo, Velka Brana): the
rules under test are about actors, and a place no gazetteer holds is kept as words; where a rule
needs the place resolved, a real town stands in."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Claim, Report
from frontlines.theatres import FALLBACK_THEATRE, country_words

pytestmark = pytest.mark.model

UNNAMED = "Unidentified armed group"


def read(pipeline, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    report = Report(outlet="Test Wire", title="", published=date(2024, 5, 6), text=text, raw=text.encode(), id=1)
    assert pipeline.theatre_of(report).key == FALLBACK_THEATRE
    claims = pipeline.extract(report)
    assert claims, text
    return claims


def actors(pipeline, text: str, *types: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {c.actor for c in read(pipeline, text) if not types or c.event_type in types}


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded in Garissa, Kenya, on Sunday, killing ten soldiers and three al-Shabaab fighters.",
        "A roadside bomb targeting an al-Shabaab convoy exploded near Port Ulmo on Sunday.",
    ],
)
def test_whom_a_bomb_hits_is_not_who_set_it(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "al-Shabaab" not in actors(pipeline, text, "explosion")


def test_the_attacker_named_by_by_is_the_doer_though_the_dead_come_first(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Twelve guards were killed, along with two Kenyan officers, in an attack by al-Shabaab fighters on a base in Port Ulmo."
    assert actors(pipeline, text) == {"al-Shabaab"}


def test_a_group_qualifying_a_generic_word_is_the_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert actors(pipeline, "Fighters loyal to the Arakan Army stormed a police post in Port Ulmo on Monday.") == {"Arakan Army"}


def test_a_country_qualifying_words_for_forces_makes_them_its_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "Kenyan forces" in actors(pipeline, "Kenyan Air Force jets bombed a camp near Port Ulmo on Tuesday.")


def test_a_country_named_as_where_is_no_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "Kenyan forces" not in actors(pipeline, "Twin bombings in Port Ulmo, Kenya, killed nine people on Monday.")


def test_a_man_who_opens_fire_is_an_unidentified_armed_man_not_his_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert actors(pipeline, "A Kenyan man opened fire on worshippers in Port Ulmo on Friday, killing three.") == {UNNAMED}


def test_the_source_of_a_report_is_not_the_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = actors(pipeline, "Two grenades exploded at a market in Port Ulmo on Monday, according to Kenyan police.")
    assert "Kenyan forces" not in found


def test_who_came_under_fire_did_not_fire(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = actors(pipeline, "A Kenyan army convoy came under fire from al-Shabaab fighters near Port Ulmo on Monday.")
    assert found == {"al-Shabaab"}


def test_a_claim_of_responsibility_names_the_gunmen(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a hotel in Port Ulmo on Saturday. Al-Shabaab claimed responsibility for the attack."
    assert actors(pipeline, text, "attack") == {"al-Shabaab"}


def test_the_doer_a_later_sentence_gives_an_attack_at_the_same_place_is_carried_when_generic(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Seven soldiers were killed in an ambush in Garissa, Kenya, on Monday. The attackers detonated a bomb in Garissa as the convoy passed."
    assert actors(pipeline, text, "attack") == {UNNAMED}


def test_a_shared_demonym_names_the_sovereign_state() -> None:
    words = country_words()
    assert (words["french"], words["british"], words["us"], words["moroccan"], words["azeri"]) == ("FR", "GB", "US", "MA", "AZ")


@pytest.mark.parametrize("war", ["sudan-2023", "afghanistan-2001-2021", "libya-2019-2020", "yemen-2015"])
def test_the_army_across_a_war_s_border_is_that_country_s(war: str) -> None:
    from frontlines.theatres import load_theatre

    assert load_theatre(war).state_forces_of("KE") == "Kenyan forces"  # a town across the border: not the war's own army


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Ten soldiers and six rebels died in clashes near Port Ulmo, Kenya, on Monday.", "Kenyan forces"),  # a generic word names no side
        ("Five al-Shabaab fighters and two Kenyan soldiers were killed in fighting near Port Ulmo on Monday.", "al-Shabaab"),
        ("Twenty people were killed in clashes between protesters and security forces in Port Ulmo, Kenya, on Monday.", "Protesters"),
        ("Six people were killed in clashes between al-Shabaab fighters and Kenyan troops in Port Ulmo on Monday.", "al-Shabaab"),
    ],
)
def test_of_two_sides_that_died_fighting_the_first_named_is_the_doer(pipeline, text: str, doer: str) -> None:  # type: ignore[no-untyped-def]
    assert actors(pipeline, text, "battle") == {doer}


def test_whoever_survives_a_strike_was_its_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert actors(pipeline, "An al-Shabaab commander survived a Kenyan drone strike near Port Ulmo on Monday.", "airstrike") == {"Kenyan forces"}


def test_a_state_qualifying_a_named_weapon_s_strike_is_its_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert actors(pipeline, "An Ethiopian Wing Loong drone strike on a market near Port Ulmo killed six people on Monday.", "airstrike") == {"Ethiopian forces"}
