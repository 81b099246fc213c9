"""Which war a report is about, from what it names: the groups, places and capitals of each theatre.

Each theatre's words are its groups' aliases, its `cues` (countries, demonyms, cities) and its
capitals. A word found in the report counts for every theatre that lists it, less the more theatres
list it (an alias all wars share tells nothing), and little when it is a common noun ("militants",
written without a capital). A theatre whose period holds the report's day scores half as much again.
When all the best-scoring theatre's words the report names are its capitals and the countries it names
are none of that war's, it is about another country's town of the same name (Tripoli in Lebanon), and
is read in the fallback theatre. When the best-scoring theatre's period ended more than a year before the report's day, or starts more
than a year after it, the report is about that country but not that war (Libya in 2011 is not the
war of 2019, and its "government forces" not the government of 2019): it is read in the fallback
theatre, and a war named only by words it shares with that one (NATO) does not take it.
The best score wins; when nothing scores, or two wars score the same, the report is read in the
fallback theatre, any war (`world.yaml`): places are looked up in every country and "the army" is the
state forces of the country where it happened.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from frontlines.theatres import FALLBACK_THEATRE, Theatre, all_theatres, load_theatre

ALIAS_WEIGHT = 3.0  # a group's own name is the surest sign
CUE_WEIGHT = 2.0  # a country, demonym or city
CAPITAL_WEIGHT = 2.0
COMMON_NOUN_FACTOR = 0.1  # "militants", "the coalition": written without a capital, they name no war
PERIOD_BONUS = 1.5  # the report's day falls in the theatre's period
MIN_SCORE = 1.0  # below this, nothing names a war: the fallback theatre
MAX_COUNTED = 3  # a word named many times counts as if named this often
OUT_OF_PERIOD = timedelta(days=365)  # a report this far outside a theatre's period is not about that war


@dataclass(frozen=True)
class TheatreScore:
    theatre: Theatre
    score: float
    words: tuple[str, ...]  # the words of the theatre found in the report


class TheatreMatcher:
    """Scores reports against a fixed list of theatres; their words looked up word by word."""

    def __init__(self, theatres: Sequence[Theatre], default: Theatre | None = None) -> None:
        # a war anywhere (the fallback) names no war of its own: it is what is left, not a candidate
        self.theatres = tuple(t for t in theatres if not t.anywhere)
        self.default = default or _fallback(theatres)
        own = [_words(theatre) for theatre in self.theatres]
        listed_by = Counter(key for words in own for key in words)
        self._weights = [{key: weight / listed_by[key] ** 2 for key, weight in words.items()} for words in own]
        # every theatre's words by their word sequence: one pass over the report's words
        self._phrases = {_tokens(key): key for key in sorted(listed_by, key=len)}
        self._longest = max((len(tokens) for tokens in self._phrases), default=0)
        self._first_words = frozenset(tokens[0] for tokens in self._phrases if tokens)

    def scores(self, text: str, published: date | None = None) -> list[TheatreScore]:
        """Every theatre's score for the text, best first."""
        named = self._named(text)
        found = []
        for theatre, weights in zip(self.theatres, self._weights, strict=True):
            counts = {key: count for key, count in named.items() if key in weights}
            score = sum(weights[key] * min(count, MAX_COUNTED) for key, count in counts.items())
            if score and _in_period(theatre, published):
                score *= PERIOD_BONUS
            found.append(TheatreScore(theatre, score, tuple(sorted(counts))))
        return sorted(found, key=lambda s: -s.score)

    def _named(self, text: str) -> Counter[str]:
        """The theatres' words in the text, longest first at each word, counted."""
        words = _WORD.findall(text)
        folded = [w.lower() for w in words]
        named: Counter[str] = Counter()
        i = 0
        while i < len(words):
            if folded[i] not in self._first_words:
                i += 1
                continue
            for size in range(min(self._longest, len(words) - i), 0, -1):
                key = self._phrases.get(tuple(folded[i : i + size]))
                if key is not None and (not _is_acronym(key) or words[i] == key):
                    named[key] += 1
                    i += size
                    break
            else:
                i += 1
        return named

    def match(self, text: str, published: date | None = None) -> Theatre:
        """The theatre the text is most about; the default one when nothing, or a tie, decides."""
        ranked = self.scores(text, published)
        if not ranked or ranked[0].score < MIN_SCORE:
            return self.default
        if len(ranked) > 1 and math.isclose(ranked[0].score, ranked[1].score):
            return self.default
        if _far_from_period(ranked[0].theatre, published):
            return self.default
        if _only_capitals_of_another_country(ranked[0], text):
            return self.default
        return ranked[0].theatre


_MATCHERS: dict[tuple[tuple[int, str], ...], TheatreMatcher] = {}


def match_theatre(text: str, published: date | None = None, theatres: Sequence[Theatre] | None = None) -> Theatre:
    """The theatre a report is about (bundled and the user's unless `theatres` is given)."""
    return matcher_for(all_theatres() if theatres is None else theatres).match(text, published)


def matcher_for(theatres: Sequence[Theatre]) -> TheatreMatcher:
    """The matcher of these theatres, built once (theatres are read once, so the same objects recur)."""
    key = tuple((id(t), t.source) for t in theatres)
    if key not in _MATCHERS:
        if len(_MATCHERS) > 16:
            _MATCHERS.clear()
        _MATCHERS[key] = TheatreMatcher(theatres)
    return _MATCHERS[key]


def _fallback(theatres: Sequence[Theatre]) -> Theatre:
    """The theatre of reports that name no war: the fallback one (any war) when it is among them."""
    return next((t for t in theatres if t.key == FALLBACK_THEATRE), None) or load_theatre(FALLBACK_THEATRE)


def _words(theatre: Theatre) -> dict[str, float]:
    """A theatre's words (as matched: acronyms in their case, others lower-cased) -> their weight."""
    weighted: dict[str, float] = {}
    terms = [(alias, ALIAS_WEIGHT) for group in theatre.groups.values() for alias in (group.name, *group.aliases)]
    terms += [(capital, CAPITAL_WEIGHT) for capital in theatre.capitals] + [(cue, CUE_WEIGHT) for cue in theatre.cues]
    for term, weight in terms:
        if term.lower() == term:
            weight *= COMMON_NOUN_FACTOR
        key = _as_key(term)
        weighted[key] = max(weighted.get(key, 0.0), weight)
    return weighted


# a word as the matcher sees it: letters and digits, with inner hyphens, dots and apostrophes ("al-Qaim", "U.S.")
_WORD = re.compile(r"\w+(?:[-.'’]\w+)*\.?")


def _tokens(term: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(term))


def _as_key(term: str) -> str:
    return term if _is_acronym(term) else term.lower()


def _is_acronym(word: str) -> bool:
    """Short all-capital words (IS, RSF, SAF) match in their exact case: "is" and "saf" are no names."""
    return word.isupper() and len(word) <= 6


def _only_capitals_of_another_country(best: TheatreScore, text: str) -> bool:
    """Whether all the report names of the war is its capitals ("Tripoli") while the countries it names
    are none of the war's: "clashes across Lebanon ... in Tripoli" are not Libya's war. (A town of the
    war that is no capital, "Kunduz" beside "Germany", still tells it: capitals share their names.)"""
    from frontlines.extract.countries_told import countries_told

    capitals = {_as_key(capital) for capital in best.theatre.capitals}
    if not best.words or not all(word in capitals for word in best.words):
        return False
    told = countries_told(text)
    return bool(told) and not told & set(best.theatre.countries)


def _far_from_period(theatre: Theatre, day: date | None) -> bool:
    if day is None:
        return False
    return (theatre.start is not None and day < theatre.start - OUT_OF_PERIOD) or (theatre.end is not None and day > theatre.end + OUT_OF_PERIOD)


def _in_period(theatre: Theatre, day: date | None) -> bool:
    if day is None or (theatre.start is None and theatre.end is None):
        return False
    return (theatre.start is None or theatre.start <= day) and (theatre.end is None or day <= theatre.end)
