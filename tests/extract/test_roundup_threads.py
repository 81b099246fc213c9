"""A roundup tells one region after another ("In Hasaka province, ...", "Elsewhere, ..."): each new
thread is told from the story's own day (its headline's, else the day its lead tells), not from the day of
the anecdote just before it ("last night")."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

TUESDAY = date(2015, 7, 7)
ANECDOTE = "The army shelled militant positions in Daraa on Tuesday. A source said an army unit destroyed a car bomb in Aleppo last night. "


def days_of(read_news, text: str, event_type: str) -> set[date]:  # type: ignore[no-untyped-def]
    return {c.date.value for c in read_news(text, TUESDAY) if c.event_type == event_type and c.date is not None}


@pytest.mark.parametrize("opening", ["In Hasaka province the air force struck hideouts of the militants.", "Elsewhere, warplanes struck hideouts of the militants in Hasaka."])
def test_a_new_thread_of_a_roundup_is_told_from_the_story_day(read_news, opening: str) -> None:  # type: ignore[no-untyped-def]
    assert days_of(read_news, ANECDOTE + opening, "airstrike") == {TUESDAY}


def test_a_sentence_that_goes_on_with_the_anecdote_keeps_its_day(read_news) -> None:  # type: ignore[no-untyped-def]
    text = ANECDOTE + "Warplanes then struck the militants who had fled toward Hasaka."
    assert days_of(read_news, text, "airstrike") == {date(2015, 7, 6)}


def test_the_story_day_is_the_day_its_lead_tells(read_news) -> None:  # type: ignore[no-untyped-def]
    saturday = date(2015, 7, 11)
    text = (
        "Mortar shells fired by the militants killed four civilians in Homs on Friday. "
        "A medic said the wounded were taken to the hospital last night. "
        "Meanwhile, rockets fired by the militants wounded two people in Hasaka."
    )
    explosions = {c.date.value for c in read_news(text, saturday) if c.event_type == "explosion" and c.date is not None}
    assert explosions == {date(2015, 7, 10)}
