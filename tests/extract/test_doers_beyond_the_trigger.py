"""Who did it, where the event's own words do not say: the subject of the sentence's act of armed
force ("... as Freedonia launches missiles"), the "by" that hangs on what was hit ("an ambush on a
convoy by gunmen"), and a bomber however hyphenated; a side that only tells of the enemy's deeds is not
their doer, and forces backed by a state are not that state's, nor the land's."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.theatres import load_theatre


pytestmark = pytest.mark.model


def test_the_state_that_launches_the_missiles_did_the_killing_the_sentence_leads_with(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Nine people are killed and 30 others are injured as Iran launches missiles and drones on the offices of an exiled party in Koya."
    claims = read_news(text, date(2022, 9, 28))
    assert claims and all(c.actor == "Iranian forces" for c in claims), claims


def test_gunmen_who_ambush_a_convoy_are_its_attackers_not_its_target(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Eight police officers die in an ambush on a convoy by armed attackers outside Bannu."
    claims = read_news(text, date(2024, 8, 22))
    assert any(c.actor == "Unidentified armed group" and c.target_actor != "Unidentified armed group" for c in claims), claims


def test_a_suicide_car_bomber_is_an_armed_man_no_one_has_named(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "A suicide car-bomber strikes a police van in the Pakistani town of Bannu, killing seven people."
    claims = read_news(text, date(2010, 5, 18))
    assert any(c.actor == "Unidentified armed group" for c in claims), claims


def test_a_side_that_reports_the_enemys_advance_is_not_its_doer(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "The Armed Forces of Ukraine says that Russian Armed Forces have made steady advances in the mining town of Hirnyk, predicting that it could be captured soon."
    claims = read_news(text, date(2024, 11, 20))
    assert claims and all(c.actor == "Russian forces" for c in claims if c.event_type == "territory_taken"), claims


def test_forces_backed_by_a_state_are_irregulars_not_the_forces_of_the_land(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Russian-backed forces say they have broken into the city of Sievierodonetsk, which Ukrainian troops still hold."
    claims = read_news(text, date(2022, 6, 1))
    assert claims and not any(c.actor == "Ukrainian forces" for c in claims), claims


def test_attackers_named_only_in_a_later_sentence_did_the_shooting(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Five worshippers are killed in a shooting at a mosque in Muscat, Oman. The two attackers are later shot dead by police."
    claims = read_news(text, date(2024, 7, 15))
    assert any(c.event_type == "attack" and c.actor == "Unidentified armed group" for c in claims), claims


def test_a_bombing_the_story_recalls_is_not_put_down_to_its_armed_men() -> None:
    from frontlines.extract.pipeline import Pipeline
    from frontlines.extract.responsibility import with_unnamed_doer
    from frontlines.model import Claim

    actors = Pipeline(reader="rules").reader_for(load_theatre("world")).actors
    story = ["Gunmen storm a checkpoint outside the town.", "The town was bombed in 2013."]
    named = {m.name for text in story for m in actors.find(text)}
    today = Claim(report_id=1, event_type="attack", quote=story[0], start=0, end=43)
    recalled = Claim(report_id=1, event_type="explosion", quote=story[1], start=44, end=72, modality="history")
    assert [c.actor for c in with_unnamed_doer([today, recalled], named, actors)] == ["Unidentified armed group", None]


def test_bomber_drones_are_a_weapon_and_the_state_that_launches_them_their_doer(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Russia launches more than 300 bomber drones and 20 missiles at power stations across Ukraine, killing four people in Kharkiv."
    claims = read_news(text, date(2025, 11, 8))
    assert claims and not any(c.actor == "Unidentified armed group" for c in claims), claims
    assert any(c.actor == "Russian forces" for c in claims), claims
