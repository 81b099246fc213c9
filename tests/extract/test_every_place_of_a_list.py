"""A sentence that lists the places of its event ("fighting goes on in many areas, including X, Y and Z")
tells an event at each, whether the list kept its commas or lost them on the way."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2017, 11, 14)
FILLER = " ".join(["Aid agencies said the talks would resume next month without preconditions"] * 10)


def _battle_places(claims) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.place.name for c in claims if c.event_type == "battle" and c.place is not None}


def test_each_place_of_a_list_with_commas_is_a_place_of_the_event(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Despite the talks, fighting continues in many areas, including Idlib, Homs and Daraa.", PUBLISHED)
    assert {"Idlib", "Homs"} <= _battle_places(claims), claims


def test_each_place_of_a_list_that_lost_its_commas_is_a_place_of_the_event(read_news) -> None:  # type: ignore[no-untyped-def]
    text = f"Despite the talks fighting continues in many areas including Idlib Homs and Daraa. {FILLER}."
    claims = read_news(text, PUBLISHED)
    assert {"Idlib", "Homs"} <= _battle_places(claims), claims
