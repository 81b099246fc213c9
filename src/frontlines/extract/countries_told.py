"""The countries a text names, by name or by adjective: "the Freedonian town of X", "Sylvania's
north". A place in such a country is no coin toss for the gazetteer even when it is small (a
story about a war no theatre describes looks its towns up in every country).

Names and adjectives come from data/lexicon/demonyms.tsv, its people's names and spellings the
lexicon lacks ("Tigrayan", "Burkinabé") from data/gazetteer/country_cues.tsv; they are compared
without case, accents or the kind of apostrophe ("Cote d’Ivoire" is "Côte d'Ivoire")."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.gazetteer.records import DATA_DIR
from frontlines.model import Place
from frontlines.theatres import country_name, country_of, country_words

_LONGEST_NAME = 6  # words: "Democratic Republic of the Congo" is five
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_COUNTRY_FEATURES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS"})


def countries_told(text: str) -> set[str]:
    """ISO codes of the countries the text names, by a capitalised name or adjective."""
    return {code for _, _, code in country_spans(text)}


@lru_cache(maxsize=8)  # a sentence is asked about more than once in a row
def country_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where the text names a country, by a capitalised name or adjective: (start, end, ISO code)."""
    words, firsts = _telling_words(), _first_words()
    matches = list(_WORD.finditer(text))
    capitalised = [m.group()[:1].isupper() for m in matches]
    folded = [_fold(m.group().removesuffix("'s").removesuffix("’s")) for m in matches]  # each word folded once
    found, i = [], 0
    while i < len(folded):
        if not capitalised[i] or folded[i] not in firsts:
            i += 1
            continue
        size = next((n for n in range(min(_LONGEST_NAME, len(folded) - i), 0, -1) if " ".join(folded[i : i + n]) in words), 0)
        if size:  # the longest name wins, and its words name nothing else ("Congo" in "Democratic Republic of the Congo")
            found.append((matches[i].start(), matches[i + size - 1].end(), words[" ".join(folded[i : i + size])]))
        i += max(size, 1)
    return tuple(found)


def _fold(words: str) -> str:
    if words.isascii():
        return words.lower()  # no accents to strip; casefold is lower for ASCII
    text = unicodedata.normalize("NFKD", words.casefold().replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _telling_words() -> dict[str, str]:
    """Folded words that tell a country -> its ISO code: the lexicon's names and adjectives first."""
    found = {_fold(word): code for word, code in _cues(DATA_DIR / "country_cues.tsv").items()}
    found.update({_fold(word): code for word, code in country_words().items()})
    return found


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first folded word of each name or adjective that tells a country."""
    return frozenset(name.split(" ", 1)[0] for name in _telling_words())


def _cues(path: Path) -> dict[str, str]:
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    except FileNotFoundError:
        return {}
    cues = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        word, code = (row.get("word") or "").strip(), (row.get("country") or "").strip()
        if not word or len(code) != 2 or not code.isupper():
            raise GazetteerError(f"{path}: bad row {row!r}", hint="write 'word<TAB>ISO code', e.g. 'Tigrayan<TAB>ET'")
        cues[word] = code
    return cues


class CountryPlaces:
    """Each country's own gazetteer entry, by its ISO code, looked up once."""

    def __init__(self, lookup: Callable[..., Sequence[tuple[Place, float]]] | None) -> None:
        """`lookup`: the gazetteer's (name, countries=...) -> ranked places."""
        self._lookup = lookup
        self._known: dict[str, Place | None] = {}

    def of(self, codes: set[str]) -> list[Place]:
        return [place for code in sorted(codes) if (place := self._place(code)) is not None]

    def _place(self, code: str) -> Place | None:
        if code not in self._known:
            name = country_name(code)
            fits = self._lookup(name, countries=[code]) if self._lookup is not None and name else ()
            self._known[code] = next((p for p, _ in fits if p.country == code and p.feature_code in _COUNTRY_FEATURES), None)
        return self._known[code]


def names_a_country_not_the_place(text: str, place: Place) -> bool:
    """Whether a place name as written is a country's name or adjective for another country than the
    place's: "Somali" in "the Somali town of X" is no region called Somali."""
    code = country_of(text)
    return code is not None and code != place.country
