"""A capture of people or things is no ground taken, however the reader reads it: "police captured the
group's leader" moves no front line, and control must never hear of it."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Freedonian police say they have captured Hill Army leader Abu Karim in a raid on a farm near Mosul.",
        "Special forces capture the financial chief of the Hill Army in a joint operation near Kismayo.",
        "Two parties are contesting the election to capture power in the state of Kerala.",
    ],
)
def test_a_capture_of_a_person_or_of_power_takes_no_ground(read_news, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.event_type == "territory_taken" for c in read_news(text, date(2020, 5, 1)))


def test_a_capture_of_a_town_still_takes_it(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Government forces captured the town of Rawa from the militants on Friday.", date(2017, 11, 18))
    assert any(c.event_type == "territory_taken" for c in claims), claims
