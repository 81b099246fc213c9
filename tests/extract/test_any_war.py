"""A report from a war no theatre describes is read as any war: places are looked up in every
country, "the army" is the state forces of the country where it happened, gunmen are an unidentified
armed group, a state named as the doer stands for its forces, and a group a story holds responsible
is the doer of its bombings."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Claim, Report
from frontlines.theatres import FALLBACK_THEATRE, load_theatre

pytestmark = pytest.mark.model


def read(pipeline, text: str, published: date = date(2019, 3, 5)) -> list[Claim]:  # type: ignore[no-untyped-def]
    report = Report(outlet="Test Wire", title="", published=published, text=text, raw=text.encode(), id=1)
    assert pipeline.theatre_of(report).key == FALLBACK_THEATRE
    return pipeline.extract(report)


def test_gunmen_abroad_are_an_unidentified_armed_group_at_a_place_found_anywhere(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Gunmen attacked a police post in Maiduguri, Nigeria, on Tuesday, killing four officers.")
    assert claims and all(c.place is not None and c.place.country == "NG" for c in claims)
    assert {c.actor for c in claims} == {"Unidentified armed group"}


def test_the_army_is_the_army_of_the_country_where_it_fought(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "The army clashed with rebels near Goma on Monday, a local official said.")
    assert any(c.actor == "Congolese forces" and c.place and c.place.country == "CD" for c in claims), claims


def test_a_state_named_as_the_doer_stands_for_its_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Indian shelling killed two civilians in Kotli, Pakistan, on Sunday, officials said.")
    assert any(c.actor == "Indian forces" for c in claims), claims


def test_the_group_a_story_holds_responsible_did_its_bombing(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb exploded at a market in Kismayo, Somalia, on Friday, killing six people. Al-Shabaab claimed responsibility."
    bombs = [c for c in read(pipeline, text) if c.event_type == "explosion"]
    assert bombs and {c.actor for c in bombs} == {"al-Shabaab"}


def test_a_country_joined_to_pro_or_backed_does_not_make_the_doer_its_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Pro-Russian separatists shelled Avdiivka, Ukraine, on Monday, killing two people.", date(2016, 6, 1))
    assert claims and "Russian forces" not in {c.actor for c in claims}
    assert {c.actor for c in claims} == {"Donbas separatists"}, claims  # named by the fallback's groups
    claims = read(pipeline, "Iranian-backed militiamen attacked a convoy near Basra, Iraq, on Friday.", date(2026, 6, 1))
    assert claims and "Iranian forces" not in {c.actor for c in claims}


def test_a_group_the_fallback_knows_is_named_beside_generic_words(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "MILF rebels attacked an army post in Datu Piang, Philippines, on Sunday, killing three soldiers.")
    assert any(c.actor == "Moro Islamic Liberation Front" for c in claims), claims


def test_civilians_who_act_with_violence_are_the_doers_residents_who_flee_are_not(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert {c.actor for c in read(pipeline, "A mob stormed a police station in Kaduna, Nigeria, on Friday, killing two officers.")} == {"Rioters"}
    assert {c.actor for c in read(pipeline, "Armed settlers attacked the village of Burin near Nablus in the West Bank on Tuesday, wounding three Palestinians.")} == {"Settlers"}
    assert read(pipeline, "Residents fled to Kaduna, Nigeria, on Friday.") == []


def test_a_group_of_any_war_is_known_in_a_war_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb killed two police officers at a checkpoint in Nusaybin, Turkey, near the Syrian border. The PKK was blamed for the attack."
    report = Report(outlet="Test Wire", title="", published=date(2016, 3, 4), text=text, raw=text.encode(), id=1)
    assert pipeline.theatre_of(report).key == "iraq-syria-2014-2019"
    assert {c.actor for c in pipeline.extract(report) if c.event_type == "explosion"} == {"PKK"}


def test_the_home_country_of_a_named_group_vouches_for_its_small_towns(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Boko Haram fighters burned homes in the town of Rann on Monday, killing 14 people.")
    assert any(c.place is not None and c.place.country == "NG" and c.place.name == "Rann" for c in claims), claims


def test_a_state_s_weapon_qualifying_the_event_names_the_state_as_its_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Four people were killed in a Russian Iskander missile strike on Kharkiv, Ukraine, on Monday.", date(2019, 3, 5))
    assert claims and {c.actor for c in claims} == {"Russian forces"}, claims
    claims = read(pipeline, "Two people were killed by Israeli mortar and tank attacks on Khan Younis on Monday.", date(2019, 3, 5))
    assert any(c.actor == "Israeli forces" for c in claims), claims


def test_the_dead_of_a_clash_are_never_its_doers(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    # the reader sees the clash; no trigger rule names its place: "seven people" died, they did not fight
    claims = read(reader_pipeline, "Seven people die in clashes between security forces and worshippers at a festival in northern Ethiopia over the weekend.", date(2017, 5, 3))
    assert claims and "civilians" not in {c.actor for c in claims}, claims


def test_gangs_and_bandits_are_an_unidentified_armed_group_not_their_countrys_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Haitian gangs attacked the town of Mirebalais on Monday, burning houses and killing six residents.")
    assert claims and {c.actor for c in claims} == {"Unidentified armed group"}, claims
    claims = read(pipeline, "Armed bandits killed 12 villagers in Zamfara State, Nigeria, on Sunday.")
    assert claims and {c.actor for c in claims} == {"Unidentified armed group"}, claims


def test_a_ship_or_weapons_seized_are_no_ground_taken(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Pirates seized a cargo ship off Eyl, Somalia, on Monday.")
    assert not any(c.event_type == "territory_taken" for c in claims), claims
    claims = read(pipeline, "The army seized weapons and ammunition near Kismayo, Somalia, on Monday.")
    assert not any(c.event_type == "territory_taken" for c in claims), claims
    claims = read(pipeline, "The army seized the town of Kismayo, Somalia, on Monday.")
    assert any(c.event_type == "territory_taken" for c in claims), claims


def test_the_forces_of_a_federal_member_state_are_state_forces_of_their_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Puntland forces clashed with al-Shabaab fighters near Bosaso, Somalia, on Monday.")
    assert any(c.actor == "Puntland forces" for c in claims), claims
    groups = load_theatre(FALLBACK_THEATRE).groups
    for name in ("Puntland forces", "Jubaland forces"):
        assert (groups[name].side, groups[name].country) == ("state", "SO")
