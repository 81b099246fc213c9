"""Any war (every country searched): a small town is taken when the story names its country, or a
country whose middle lies near it (a war spills over a border); never a namesake across the world."""

from __future__ import annotations

from frontlines.gazetteer.disambiguate import decisive
from frontlines.model import Place


def _place(key: str, name: str, lat: float, lon: float, country: str, feature: str = "P.PPL", population: int = 0) -> Place:
    feature_class, _, feature_code = feature.partition(".")
    return Place(key=key, name=name, lat=lat, lon=lon, country=country, admin1="", feature_class=feature_class,
                 feature_code=feature_code, population=population)  # fmt: skip


BORDER_TOWN = _place("t:border-town", "Testborder", 32.3, 35.4, "PS", population=15_000)
NEIGHBOUR = _place("t:neighbour", "Neighbourland", 31.5, 34.9, "IL", feature="A.PCLI")
FAR_COUNTRY = _place("t:far", "Farland", 60.0, 100.0, "RU", feature="A.PCLI")


def test_a_small_town_near_the_middle_of_a_country_the_story_names_is_taken() -> None:
    assert decisive([(BORDER_TOWN, 1.0)], None, [NEIGHBOUR])


def test_a_small_town_far_from_every_country_the_story_names_is_a_coin_toss() -> None:
    assert not decisive([(BORDER_TOWN, 1.0)], None, [FAR_COUNTRY])
    assert not decisive([(BORDER_TOWN, 1.0)], None, [])
