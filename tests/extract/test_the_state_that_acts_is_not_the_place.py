"""A country named as the one who acts ("Freedonia launches strikes across Sylvania") is the state that
did it, not where it happened: the event is placed in the other country the sentence names, and in the
acting one only when the sentence names no other."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model


def test_strikes_launched_by_one_country_across_another_are_in_the_other(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Russia launches a wave of cruise missiles and drones across Ukraine overnight.", date(2023, 5, 1))
    assert claims and all(c.place is not None and c.place.country == "UA" for c in claims), claims
    assert all(c.actor == "Russian forces" for c in claims), claims


def test_missiles_one_country_fires_at_another_land_in_the_other(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Iran fires a barrage of ballistic missiles at Israel.", date(2024, 10, 1))
    assert claims and all(c.place is not None and c.place.country == "IL" for c in claims), claims


def test_a_country_that_strikes_within_itself_is_still_the_place(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Ethiopia carries out airstrikes on rebel positions.", date(2021, 10, 20))
    assert claims and all(c.place is not None and c.place.country == "ET" for c in claims), claims
