"""A state or group that says it did something is its doer: "Freedonia says it struck X" is Freedonia's
strike, told in its own word; a clause the reader reads, not a trigger word, takes its speaker so only when its
verb is one of armed doing ("it used missiles", not "they detained four men")."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model



def test_a_state_that_says_it_struck_is_the_doer(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Israel says it struck Hezbollah targets in Tyre.", date(2024, 10, 5))
    # "struck" alone does not say from the air: a strike of either kind, Israel's in its own word
    assert any(c.event_type in ("airstrike", "explosion") and c.actor == "Israeli forces" and c.modality == "reported_speech" for c in claims), claims


def test_police_who_say_they_detained_suspects_did_not_do_the_attack(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Freedonia announce that they detained four men over the firebombing of a mosque in Ulm."
    claims = read_news(text, date(2018, 3, 30))
    assert not any(c.actor and "forces" in c.actor for c in claims), claims


def test_a_state_that_says_it_used_missiles_to_destroy_a_depot_is_the_doer(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Russia says that it used cruise missiles to destroy a large fuel depot near Kyiv.", date(2022, 3, 26))
    assert claims and all(c.actor == "Russian forces" for c in claims), claims


def test_a_state_that_carries_out_a_series_of_strikes_is_the_doer(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Israel carries out a series of airstrikes against the Houthis, damaging the port of Hodeidah.", date(2024, 12, 19))
    assert any(c.event_type == "airstrike" and c.actor == "Israeli forces" for c in claims), claims


def test_the_army_of_the_one_country_a_story_names_takes_a_village_the_gazetteer_lacks(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Somalia's defence ministry says that the military has recaptured the village of Ceel Qoorrey from al-Shabaab."
    claims = read_news(text, date(2022, 12, 22))
    assert any(c.event_type == "territory_taken" and c.place is None and c.actor == "Somali forces" for c in claims), claims


def test_a_state_that_says_its_forces_took_a_village_is_the_doer(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Russia says its soldiers have seized Novoselivka Persha, a village east of Pokrovsk in Ukraine.", date(2024, 8, 4))
    assert any(c.event_type == "territory_taken" and c.actor == "Russian forces" for c in claims), claims
