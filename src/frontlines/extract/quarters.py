"""A quarter of a city named after a town elsewhere is no event in that town.

Cities name their quarters after other places: "shells fell in the Sulaymaniyah neighbourhood" of a
Syrian city is no shelling of the Iraqi city. A name the gazetteer resolves to a town, written as a
quarter ("X neighbourhood", "the neighbourhood of X"), and farther from the town the sentence (or else
the story) is about than a city reaches, is the quarter's name: its words are kept (a spot within the
town the sentence names; with none named, words alone), and the namesake's coordinates are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from frontlines.extract import grammar
from frontlines.extract.placing import CONTAINER_CODES
from frontlines.gazetteer.disambiguate import distance_km
from frontlines.model import Place, PlaceMatch

CITY_REACH_KM = 25.0  # a quarter lies within this of its city's point


def namesake_quarters(matches: Sequence[PlaceMatch], text: str, story_town: PlaceMatch | None) -> list[PlaceMatch]:
    """The matches of a sentence that name a quarter of another town, not the town they resolved to."""
    towns = [m.place for m in matches if m.place.feature_code not in CONTAINER_CODES]
    quarters = []
    for match in matches:
        if match.place.feature_class != "P" or match.place.feature_code in CONTAINER_CODES:
            continue
        if not _written_as_quarter_at(text, match.start, match.end):
            continue
        others = [town for town in towns if town.key != match.place.key] or ([story_town.place] if story_town else [])
        if others and all(distance_km(match.place, town) > CITY_REACH_KM for town in others):
            quarters.append(match)
    return quarters


def a_quarter_of(place: Place | None, words: str, text: str) -> bool:
    """Whether the words name a quarter of the place: the place is a town, not a province or a country, and the
    text writes the words as a quarter."""
    if place is None or place.feature_class != "P" or place.feature_code in CONTAINER_CODES:
        return False
    return written_as_quarter(text, words)


def written_as_quarter(text: str, words: str) -> bool:
    """Whether the text writes the name as a quarter of a town: "the X neighbourhood", "the neighbourhood of X"."""
    start = text.find(words) if words else -1
    return start >= 0 and _written_as_quarter_at(text, start, start + len(words))


def _written_as_quarter_at(text: str, start: int, end: int) -> bool:
    after, before = _quarter_patterns()
    return bool(after.match(text, end) or before.search(text, 0, start))


@lru_cache(maxsize=1)
def _quarter_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = "|".join(re.escape(w) for w in sorted(grammar.words("quarter_nouns"), key=len, reverse=True))
    return re.compile(rf"\s+(?:{nouns})s?\b", re.IGNORECASE), re.compile(rf"\b(?:{nouns})s? of\s+(?:the\s+)?$", re.IGNORECASE)
