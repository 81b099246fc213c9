"""Armed groups no actor table lists keep the name the report gives them, where the grammar says they
acted: a proper name before "militants" or "gunmen", an organisation that attacks or kills, and an
acronym the sentence spells out. A side that only reports or urges is not the doer; one that claims
a deed did it, and the state whose operation or strikes the dead died in did the killing."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model


def test_a_name_before_militants_is_the_group_that_attacked(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Red Valley Front militants attack a village in Djugu Territory, killing four civilians.", date(2023, 5, 1))
    assert claims and all(c.actor == "Red Valley Front" for c in claims), claims


def test_an_organisation_that_attacks_a_post_is_its_attacker(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("The Mountain Liberation Front attacks an army post near Kidal, killing three soldiers.", date(2023, 5, 1))
    assert claims and all(c.actor == "Mountain Liberation Front" for c in claims), claims


def test_an_acronym_the_sentence_spells_out_takes_the_full_name(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Seven soldiers die when the NHA attacks a checkpoint near Kidal, a week after the Northern Hills Army vowed to fight on."
    claims = read_news(text, date(2023, 5, 1))
    assert claims and all(c.actor == "Northern Hills Army" for c in claims), claims


def test_a_people_before_militants_is_no_group_name(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Somali militants attack an army base near Baidoa, killing five soldiers.", date(2023, 5, 1))
    assert claims and all(c.actor == "Unidentified armed group" for c in claims), claims


def test_an_embassy_that_reports_explosions_did_not_set_them_off(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("The American embassy in Asmara reports two explosions near the city's airport, a day after rockets hit the capital.", date(2020, 11, 28))
    assert claims and all(c.actor is None for c in claims), claims


def test_a_state_that_urges_its_citizens_to_leave_is_not_the_side_advancing(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Britain urges its citizens to leave Sudan as rebels advance on Khartoum.", date(2023, 5, 1))
    assert claims and all(c.actor == "Unidentified armed group" for c in claims), claims


def test_the_state_whose_operation_the_dead_died_in_did_the_killing(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Five people are killed during a Turkish operation in the town of Qamishli.", date(2019, 10, 12))
    assert claims and all(c.actor == "Turkish forces" for c in claims), claims


def test_a_state_that_claims_it_took_a_village_is_its_taker(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Russia claims that it captured the village of Pisky near Donetsk.", date(2022, 8, 25))
    taken = [c for c in claims if c.event_type == "territory_taken"]
    assert taken and all(c.actor == "Russian forces" for c in taken), claims
