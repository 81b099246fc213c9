"""Extraction reads sentences the way an analyst does: what happened, who, where, when, how many."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Claim, Report

pytestmark = pytest.mark.model

PUBLISHED = date(2017, 11, 4)  # a Saturday


def claims_of(pipeline, text: str, published: date = PUBLISHED) -> list[Claim]:  # type: ignore[no-untyped-def]
    report = Report(outlet="Test Wire", title="t", published=published, text=text, raw=text.encode(), id=1)
    return pipeline.extract(report)


def place_key(pipeline, name: str) -> str:  # type: ignore[no-untyped-def]
    return pipeline.gazetteer.lookup(name)[0][0].key


def place_id(pipeline, name: str) -> object:  # type: ignore[no-untyped-def]
    place = pipeline.gazetteer.lookup(name)[0][0]
    return place.geonames_id or place.key


def summary(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.event_type, c.place.name if c.place else "-", c.date.value.isoformat() if c.date else "-") for c in claims}


def test_capture_gives_territory_taken_with_actor_place_and_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, "Iraqi forces retook the Akkas gas field on Tuesday.")
    assert claim.event_type == "territory_taken"
    assert claim.place is not None and "Akkas" in claim.place.name and claim.place.country == "IQ"
    assert claim.date is not None and claim.date.value == date(2017, 10, 31)
    assert claim.actor == "Iraqi forces" and claim.controller_after == "Iraqi forces"


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Coalition warplanes struck Islamic State positions in Rawa yesterday.", "airstrike"),
        ("A car bomb exploded at a checkpoint in Haditha yesterday.", "explosion"),
        ("Militants attacked an army post near Anah yesterday.", "attack"),
        ("Heavy clashes broke out in Husaybah yesterday.", "battle"),
        ("Islamic State fighters fled Rawa yesterday.", "withdrawal"),
        ("Prime Minister Haider al-Abadi launched an offensive to liberate Rawa yesterday.", "operation_start"),
    ],
)
def test_trigger_words_give_their_event_type(pipeline, sentence: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, sentence)
    assert event_type in {c.event_type for c in found}, summary(found)


def test_operation_to_retake_two_towns_gives_two_operation_starts_and_no_capture(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, "On October 26 the army launched an offensive to retake al-Qaim and Rawa.")
    assert [c.event_type for c in found] == ["operation_start", "operation_start"]
    assert {c.place.geonames_id or c.place.key for c in found} == {place_id(pipeline, "al-Qaim"), place_id(pipeline, "Rawa")}
    assert all(c.date.value == date(2017, 10, 26) for c in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The next objective is Anah.",
        "Is this the end of the group in Anbar province?",
        "Troops are preparing to storm Rawa.",
        "The army will retake Rawa within days.",
        "Commanders were hoping to free Hawija before winter.",
        "The army has not yet entered Rawa.",
        "The group denied that troops had captured Rawa.",
    ],
)
def test_plans_hopes_questions_and_denials_give_no_event(pipeline, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert claims_of(pipeline, sentence) == []


def test_partial_recapture_is_a_battle_not_a_capture(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, "Troops recaptured most of Tal Afar yesterday.")
    assert [c.event_type for c in found] == ["battle"]


def test_fatalities_are_counted_and_wounded_are_not(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, "Iraqi forces freed Anah yesterday, killing 25 militants and wounding 12 others.")
    assert claim.fatalities == 25


def test_reported_speech_is_an_event_with_its_modality(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, "Lt. Gen. Abdul Amir Yarallah said troops freed Rawa yesterday.")
    assert claim.event_type == "territory_taken" and claim.modality == "reported_speech"


def test_hedged_claims_carry_lower_confidence(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, "Islamic State fighters reportedly fled Rawa yesterday.")
    assert claim.modality == "hedged" and claim.confidence < 0.5


def test_next_day_in_a_story_counts_from_the_date_the_story_set(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On November 2 the troops attacked al-Qaim from the east.\n\nThe next day they freed Husaybah."
    found = claims_of(pipeline, text)
    taken = [c for c in found if c.event_type == "territory_taken"]
    assert taken and taken[0].date.value == date(2017, 11, 3)


def test_sentences_never_run_across_a_blank_line(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting raged in Rawa on November 15\n\nTroops freed Anah yesterday."
    for claim in claims_of(pipeline, text):
        assert "\n\n" not in claim.quote


def test_every_quote_is_the_exact_text_at_its_span(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "BAGHDAD, Nov. 4 --\n\n  Iraqi forces freed al-Qaim yesterday.  Troops also entered Husaybah.\n"
    found = claims_of(pipeline, text)
    assert found
    for claim in found:
        assert text[claim.start : claim.end] == claim.quote


def test_origin_of_an_advance_is_not_the_place_taken(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, "Advancing from Akashat, the army recaptured Karabila yesterday.")
    assert [(c.event_type, c.place.key) for c in found] == [("territory_taken", place_key(pipeline, "Karabila"))]


def test_a_province_beside_its_town_does_not_become_a_second_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, "Troops retook Rawa in Anbar province yesterday.")
    assert [c.event_type for c in found] == ["territory_taken"] and "Rawa" in found[0].place.name


def test_a_dateline_is_where_the_story_was_filed_not_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in ("BAGHDAD, Nov. 4 (Xinhua) -- Iraqi forces freed Rawa on Friday.", "Anbar (NINA) - Iraqi forces freed Rawa on Friday."):
        found = claims_of(pipeline, text)
        assert [(c.event_type, c.place.key) for c in found] == [("territory_taken", place_key(pipeline, "Rawa"))]
        assert found[0].date.value == date(2017, 11, 3)


def test_a_place_named_as_a_reference_point_is_not_a_second_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, "A roadside bomb exploded in a market in Hit, west of Ramadi, yesterday.")
    assert [(c.event_type, c.place.key) for c in found] == [("explosion", place_key(pipeline, "Hit"))]


def test_where_the_speaker_sits_is_not_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, "Two soldiers were killed by a roadside bomb near Anah, a medical source in Haditha said.")
    assert {c.place.key for c in found} == {place_key(pipeline, "Anah")}


def test_allies_are_not_targets(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, "Iraqi troops, backed by the Hashd al-Shaabi, stormed Rawa yesterday.")
    assert claim.actor == "Iraqi forces" and claim.target_actor != "Popular Mobilization Forces"


def test_the_army_of_the_country_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, "Army units retook Albu Kamal yesterday after heavy fighting with IS militants.")
    assert claim.actor == "Syrian forces" and claim.place.country == "SY"


def test_bombs_destroyed_or_stored_are_not_explosions(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(pipeline, "Warplanes destroyed a workshop for car bombs in Husaybah yesterday.")
    assert [c.event_type for c in found] == ["airstrike"]


def test_residents_travelling_make_no_military_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert claims_of(pipeline, "Residents who reached Anah last week said food was scarce.") == []


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [
        ("Iraqi forces launched an operation in western Anbar yesterday.", "province"),
        ("Iraqi forces retook the Akkas gas field yesterday.", "point"),
        ("Iraqi forces retook Rawa yesterday.", "town"),
    ],
)
def test_each_claim_says_how_precisely_its_place_locates_it(pipeline, sentence: str, precision: str) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, sentence)
    assert claim.place_precision == precision


def test_a_place_the_gazetteer_cannot_resolve_is_kept_as_text_never_guessed(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(pipeline, "Iraqi forces retook the village of Umm al-Waz on Tuesday.")
    assert claim.event_type == "territory_taken" and claim.place is None and claim.place_mention == "Umm al-Waz"
