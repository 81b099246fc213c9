"""The sentence reader takes its war from a theatre: who is blamed for an unclaimed bomb, which capital
stands for which government. Another theatre reads the same sentence another way."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from frontlines.config import Settings
from frontlines.extract.actors import ActorFinder
from frontlines.extract.claims import SentenceReader
from frontlines.extract.dates import DateResolver
from frontlines.extract.lexicon import load_actors, load_triggers
from frontlines.extract.nlp import load_nlp
from frontlines.extract.story import StoryContext
from frontlines.theatres import Theatre, load_theatre

pytestmark = pytest.mark.model


def read(gazetteer, theatre: Theatre, text: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(event type, place, actor) of each claim, the text read as one report in the theatre."""
    reader = SentenceReader(load_triggers(), ActorFinder(load_actors(theatre=theatre), theatre), gazetteer, DateResolver(), theatre)
    context = StoryContext(published=date(2017, 11, 6), countries=theatre.countries)
    doc = load_nlp(Settings().model)(text)
    return [
        (c.event_type, c.place.name if c.place else c.place_mention, c.actor)
        for sentence in doc.sents
        for c in reader.read(sentence, sentence.start_char, context)
    ]


def test_an_unclaimed_bomb_is_put_down_to_the_group_the_theatre_names(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Islamic State fighters still hold the desert west of Rawa. A roadside bomb exploded in Rawa on Sunday."
    bundled = load_theatre()
    assert read(gazetteer, bundled, text) == [("explosion", "Rawa", "Islamic State")]
    no_usual_author = replace(bundled, blame_unclaimed_explosions_on=None)
    assert read(gazetteer, no_usual_author, text) == [("explosion", "Rawa", None)]


def test_a_capital_that_acts_stands_for_its_government_and_is_no_place_of_the_event(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Baghdad launched a new operation to retake Rawa on Sunday."
    assert read(gazetteer, load_theatre(), text) == [("operation_start", "Rawa", "Iraqi forces")]
    assert read(gazetteer, load_theatre(), "Baghdad fell to the rebels on Sunday.")[0][1] == "Baghdad"


def test_the_capital_of_a_state_outside_the_war_that_acts_is_its_government_not_a_place(gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert read(gazetteer, load_theatre(), "Moscow bombed rebel positions near Rawa on Sunday.") == [("airstrike", "Rawa", None)]
    assert read(gazetteer, load_theatre(), "Moscow's jets bombed Rawa on Sunday.") == [("airstrike", "Rawa", None)]
    assert read(gazetteer, load_theatre(), "Moscow was hit by drones on Sunday.")[0][1] == "Moscow"  # struck, it is a place


def test_whoever_says_it_is_a_speaker_not_a_place(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels shelled Rawa on Sunday. Two children were killed, Hamdan said."  # a person's name that is also a town's
    assert all(place == "Rawa" for _, place, _ in read(gazetteer, load_theatre(), text))


def test_an_ally_s_air_force_is_its_own_actor_in_its_camp(gazetteer) -> None:  # type: ignore[no-untyped-def]
    theatre = load_theatre("iraq-syria-2014-2019")
    claims = read(gazetteer, theatre, "Russian warplanes struck the town of Saraqib on Sunday.")
    assert claims and {actor for _, _, actor in claims} == {"Russian forces"}, claims  # no Syrian air force
    assert theatre.camp_of(theatre.groups["Russian forces"].side) == theatre.camp_of(theatre.groups["Syrian forces"].side)
