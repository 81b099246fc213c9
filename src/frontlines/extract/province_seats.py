"""A province's seat that names the province: "shelled X in Y", X a town of Y's province.

Many provinces bear their seat's name, and a story that writes a town "in Y" means the province Y,
not the city: the event is at the town. Read so, Y is a container of the town (a place inside it is
named for the same trigger), and no second event is placed at the city.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from frontlines.extract import grammar
from frontlines.fusion_rules import distance_km
from frontlines.model import Place, PlaceMatch

Lookup = Callable[..., list[tuple[Place, float]]]

_OWN_TOWN_KM = 10.0  # closer than this, the inner name is a quarter or suburb of the city: "X in Y" is the city
_DIRECTIONS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
# "X in southern Y", "X, in Y": where X is, said right after it (claims reads "X, in Y Province" with it too)
CONTAINED_IN = rf",?\s+in\s+(?:the\s+)?(?:(?:far\s+)?{_DIRECTIONS}\s+|central\s+)?"


def seats_read_as_provinces(matches: Sequence[PlaceMatch], text: str, lookup: Lookup | None) -> list[PlaceMatch]:
    """Each seat written right after a town of its province, "X in Y", "X town in northern Y", as that
    province (when the gazetteer holds a province of the seat's name); every other match as it was."""
    kept = list(matches)
    if lookup is None:
        return kept
    for number, (inner, outer) in enumerate(zip(matches, matches[1:]), 1):
        if not _written_inside(text, inner.end, outer.start) or not _a_distinct_town_of(inner.place, outer.place):
            continue
        province = _province_named_as(outer, lookup)
        if province is not None:
            kept[number] = replace(outer, place=province)
    return kept


def _a_distinct_town_of(inner: Place, seat: Place) -> bool:
    return (
        inner.feature_class == "P" and seat.feature_class == "P" and inner.country == seat.country and bool(seat.admin1)
        and inner.admin1 == seat.admin1 and distance_km(inner, seat) > _OWN_TOWN_KM
    )  # fmt: skip


def _province_named_as(seat: PlaceMatch, lookup: Lookup) -> Place | None:
    found = lookup(seat.text, countries=(seat.place.country,))
    return next((p for p, _ in found if p.feature_code == "ADM1" and p.admin1 == seat.place.admin1), None)


def _written_inside(text: str, end: int, start: int) -> bool:
    return _inside_pattern().fullmatch(text, end, start) is not None


@lru_cache(maxsize=1)
def _inside_pattern() -> re.Pattern[str]:
    """"X in Y", "X city, in northern Y": where X is, said right after it."""
    nouns = "|".join(sorted(map(re.escape, grammar.words("settlement_nouns")), key=len, reverse=True))
    return re.compile(rf"(?:\s+(?:{nouns}))?{CONTAINED_IN}(?:(?:{_DIRECTIONS}|central)\s+of\s+)?", re.IGNORECASE)
