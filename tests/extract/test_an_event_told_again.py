"""A story that tells an event and then tells it again ("The attack, which also wounded dozens, took place
in ...") tells one event: the second telling keeps the first one's place and day unless it names a finer
place of its own. Events told with a count ("Two more bombs") or in a clause that only sets the scene
("As the assault began ...") are not tellings again."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

SUNDAY_BOMB = "A car bomb exploded in Rawa on Sunday, killing six people. "


def places_and_days(read_news, text: str) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    claims = read_news(text, date(2017, 11, 6))
    return [(c.event_type, c.place.name if c.place else c.place_mention, str(c.date.value)) for c in claims]


def test_the_attack_told_again_is_the_first_telling_at_its_place(read_news) -> None:  # type: ignore[no-untyped-def]
    told = places_and_days(read_news, SUNDAY_BOMB + "The attack, which also wounded dozens, took place in the Zubaydi neighbourhood.")
    assert set(told) == {("explosion", "Rawa", "2017-11-05")}, told  # not a second bombing at a namesake town


def test_more_bombs_are_more_events(read_news) -> None:  # type: ignore[no-untyped-def]
    told = places_and_days(read_news, SUNDAY_BOMB + "Two more bombs exploded in the Zubaydi market on Monday.")
    assert ("explosion", "Rawa", "2017-11-05") in told and any(day == "2017-11-06" for _, _, day in told), told


def test_an_assault_that_sets_the_scene_is_its_own_event(read_news) -> None:  # type: ignore[no-untyped-def]
    told = places_and_days(read_news, "Troops clashed with militants in Rawa on Sunday. As the assault began on Monday, troops pushed into Hit from the north.")
    assert ("battle", "Hit", "2017-11-06") in told, told


def test_a_detail_that_names_no_place_belongs_to_the_event_told_of_its_type(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "Warplanes struck a market in Rawa on Sunday, killing six people. Clashes broke out in Anah later that day. A witness at the hospital said he saw many wounded people."
    told = places_and_days(read_news, text)
    assert not any(kind == "airstrike" and place == "Anah" for kind, place, _ in told), told  # the strike's wounded, not a strike on the last town named
