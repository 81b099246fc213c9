"""A town said to lie in a country ("X in southeastern Sylvania", "X, in Sylvania") is never a namesake
of it in another country: the words are kept, unresolved, rather than placed thousands of km away."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model


def test_a_town_in_a_named_country_is_not_its_namesake_abroad(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("A roadside bomb tears through a bus in Buttala in southeastern Sri Lanka, killing 20 people.", date(2008, 1, 16))
    assert claims and all(c.place is None or c.place.country == "LK" for c in claims), claims


def test_a_town_in_the_country_named_after_it_is_still_placed(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Rebels attack the town of Kidal in northern Mali.", date(2012, 2, 1))
    assert any(c.place is not None and c.place.name == "Kidal" and c.place.country == "ML" for c in claims), claims
