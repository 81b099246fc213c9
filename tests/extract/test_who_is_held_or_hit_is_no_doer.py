"""Who arrests, charges or thwarts, who tells of a blow, and what an attack is on, did not do it; of two
foes among the dead the first named fought; the agent of a passive verb joined to the one read, and of
what a weapon was fired by, did it."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model


def _doers(claims):  # type: ignore[no-untyped-def]
    return {c.actor for c in claims}


def test_police_who_arrest_the_suspects_of_a_massacre_did_not_commit_it(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Peruvian police arrest five gunmen suspected of taking part in the massacre of 12 farmers in Ayacucho.", date(2011, 5, 3))
    assert claims and "Peruvian forces" not in _doers(claims), claims


def test_prosecutors_who_charge_a_gunman_s_brother_are_no_doers(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "French prosecutors charge the brother of a gunman with complicity in the killings of three soldiers in Montauban."
    claims = read_news(text, date(2012, 3, 25))
    assert "French forces" not in _doers(claims), claims


def test_protesters_clashing_with_police_are_the_first_side(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Four people are killed in clashes between protesters and police in Khulna.", date(2019, 12, 20))
    assert claims and _doers(claims) == {"Protesters"}, claims


def test_the_agent_of_the_wounding_also_killed(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("A shepherd is killed and two others are wounded by settlers near Hebron.", date(2023, 7, 2))
    assert claims and _doers(claims) == {"Settlers"}, claims


def test_of_two_foes_among_the_dead_the_first_named_fought(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Three al-Shabaab fighters and two clan militiamen are killed in clashes near Baidoa.", date(2014, 6, 11))
    assert any(c.event_type == "battle" and c.actor == "al-Shabaab" for c in claims), claims


def test_rockets_fired_by_a_group_are_its_own_though_an_army_tells_of_them(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "The Israeli army releases data showing that long-range rockets fired by Islamic Jihad in Gaza struck a clinic in Ashkelon and a school in Sderot, killing two children."
    claims = read_news(text, date(2019, 11, 13))
    assert claims and _doers(claims) == {"Palestinian Islamic Jihad"}, claims


def test_what_an_attack_was_on_did_not_do_the_attacks_beside_it(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Two guards are killed in suicide attacks in Herat, while a third attack on the Afghan police headquarters in Kabul is foiled."
    claims = read_news(text, date(2013, 3, 1))
    assert claims and "Afghan forces" not in _doers(claims), claims


def test_a_violent_crowd_is_the_doer_where_no_armed_side_is_named(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Three people are killed and a curfew is declared in Osh, Kyrgyzstan, after protesters attempted to storm a police station."
    claims = read_news(text, date(2010, 6, 1))
    assert claims and _doers(claims) == {"Protesters"}, claims


def test_a_crowd_fired_on_is_no_doer(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Soldiers open fire on protesters in Mandalay, killing four.", date(2021, 3, 3))
    assert claims and "Protesters" not in _doers(claims), claims
