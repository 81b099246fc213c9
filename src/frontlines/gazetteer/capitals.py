"""A country's capital named by the country: "Freedonia's capital", "the Freedonian capital", "the
capital of Freedonia".

Such words are the capital city (GeoNames PPLC, from the worldwide layer) in place of the country:
a bomb "in Freedonia's capital" went off in the city, not somewhere in the country. The words that
mean a capital are in `data/gazetteer/capital_words.txt` (lower case only: "Capital Territory"
and "Capital FM" are names), the countries' names and adjectives in `data/lexicon/demonyms.tsv`.
Nothing is added when the text names the capital itself ("the Freedonian capital, Fredville",
"Fredville, the capital of Freedonia"), nor for "the capital of Freedonia's northern province".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontlines.model import PlaceMatch

if TYPE_CHECKING:
    from frontlines.gazetteer.index import Gazetteer
    from frontlines.gazetteer.spans import Token

__all__ = ["with_capitals"]

_LONGEST_COUNTRY = 6  # words: "Democratic Republic of the Congo" is five, "the" before it a sixth
_POSSESSIVE_NEXT = re.compile(r"['’]s?(?!\w)")  # right after a word: "Freedonia's", "the Emirates'"
_POSSESSIVE_GAP = re.compile(r"['’]s? +")  # "Freedonia's capital", "the Emirates' capital"


def with_capitals(
    gazetteer: Gazetteer, text: str, tokens: Sequence[Token], countries: Sequence[str] | None, matches: list[PlaceMatch]
) -> list[PlaceMatch]:
    """`matches` with each "Freedonia's capital" the capital city, replacing what overlaps it."""
    capital_words = gazetteer.word_lists.capital_words
    if not capital_words:
        return matches
    for k, token in enumerate(tokens):
        if token.text not in capital_words:
            continue
        first, last, country = _country_before(text, tokens, k)
        if country is None:
            first, last, country = _country_after(text, tokens, k)
        if country is None:
            continue
        place = gazetteer.capital_of(country)
        if place is None or (countries is not None and place.country not in countries):
            continue
        if any(m.place.key == place.key for m in matches):
            continue  # the text names the capital itself
        start, end = tokens[first].start, tokens[last].end
        matches = [m for m in matches if not (m.start < end and start < m.end)]
        matches.append(PlaceMatch(start=start, end=end, text=text[start:end], place=place, score=1.0))
    return sorted(matches, key=lambda m: m.start)


def _country_before(text: str, tokens: Sequence[Token], k: int) -> tuple[int, int, str | None]:
    """The token span and ISO code of a country's name or adjective right before token k
    ("Freedonia's capital", "the Freedonian capital")."""
    if k == 0:
        return k, k, None
    if not (tokens[k].joined_to_previous or _POSSESSIVE_GAP.fullmatch(text[tokens[k - 1].end : tokens[k].start])):
        return k, k, None
    for size in range(min(_LONGEST_COUNTRY, k), 0, -1):
        first = k - size
        if not all(t.joined_to_previous for t in tokens[first + 1 : k]) or not tokens[first].text[:1].isupper():
            continue
        code = _country_words().get(" ".join(t.text for t in tokens[first:k]).casefold())
        if code is not None:
            return first, k, code
    return k, k, None


def _country_after(text: str, tokens: Sequence[Token], k: int) -> tuple[int, int, str | None]:
    """The token span and ISO code of "capital of Freedonia" (or "of the Gambia") from token k."""
    start = k + 1
    if start >= len(tokens) or tokens[start].text != "of" or not tokens[start].joined_to_previous:
        return k, k, None
    start += 1
    if start < len(tokens) and tokens[start].text == "the":
        start += 1
    for size in range(min(_LONGEST_COUNTRY, len(tokens) - start), 0, -1):
        last = start + size - 1
        if not all(t.joined_to_previous for t in tokens[k + 1 : last + 1]) or not tokens[start].text[:1].isupper():
            continue
        code = _country_words().get(" ".join(t.text for t in tokens[start : last + 1]).casefold())
        if code is not None and _POSSESSIVE_NEXT.match(text, tokens[last].end) is None:
            return k, last, code  # not "the capital of Freedonia's northern province"
    return k, k, None


def _country_words() -> dict[str, str]:
    """Countries' names and adjectives -> ISO codes (data/lexicon/demonyms.tsv)."""
    from frontlines.theatres import country_words  # imported late: only this part of the gazetteer needs it

    return country_words()
