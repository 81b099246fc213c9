"""Countries told by their people's names and by spellings the lexicon lacks: a story about
"Tigrayan fighters" is in Ethiopia, "Burkinabé" and "Burkinabe" are one word, "Cote d’Ivoire" is
"Côte d'Ivoire"; a word of several countries tells none."""

from __future__ import annotations

import pytest

from frontlines.extract.countries_told import countries_told


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Tigrayan fighters entered a market town.", {"ET"}),
        ("Burkinabé soldiers and Burkinabe police patrolled.", {"BF"}),
        ("Voters queued in Cote d’Ivoire.", {"CI"}),
        ("Chechen units moved south.", {"RU"}),
        ("Kurdish fighters held the ridge.", set()),
        ("Nigerian troops crossed into Cameroon's far north.", {"NG", "CM"}),
    ],
)
def test_a_people_or_a_spelling_tells_its_country(text: str, countries: set[str]) -> None:
    assert countries_told(text) == countries
