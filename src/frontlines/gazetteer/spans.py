"""Find place names in running text: word n-grams looked up by normalised key.

Rules, in the order they apply:

- Candidates are runs of up to five words separated by plain spaces (never across punctuation
  or a blank line), looked up exactly by `name_key`; no fuzzy matching in running text.
- A Latin-script candidate starts with a capital letter, after any article ("al-Qaim",
  "al Qaim", "Al Qa'im" all count; "hit" never does). Arabic script has no capitals; a leading
  و/ب/ف/ل/ك/لل joined to the name is left out of the span.
- Stop words and phrases (stopwords.txt) are never places and shield the words inside them; a
  candidate may not start with one ("The Hamrin mountains" → "Hamrin mountains").
- Names in ambiguous_words.txt ("Hit", "Ana") also must not open a sentence nor stand next to
  another capitalised word. A place found only in the worldwide index must not stand next to
  another capitalised word either ("Vladimir Putin", "Kyiv Independent"), unless the word before
  opens the sentence or is a compound ("Russian-occupied Melitopol"); and only such a place may
  start with a stop word ("North Darfur": "North" alone is no place).
- A feature word after a name joins the match when the gazetteer has that kind of place under
  that name: "Akkas gas field", "Kirkuk province"; "Kirkuk" alone is the city.
- Lower-case particles (name_particles.txt: "da", "de", "van") may sit inside a name: "Porto da
  Serra" is found whole when the gazetteer has it.
- A worldwide place may stand before a capitalised word that names a kind of place other than a
  settlement ("Fredville District", "Fredville Local Government Area"; feature_hints.tsv).
- Longer matches win over shorter ones they overlap; matches never overlap.
- "Freedonia's capital", "the Freedonian capital", "the capital of Freedonia" (capital_words.txt;
  countries' names and adjectives from data/lexicon/demonyms.tsv) are the country's capital city,
  unless the text names the capital itself.
- A name several places share is resolved with evidence (`frontlines.gazetteer.disambiguate`):
  the places of `context` (earlier sentences of the story), the text's own unambiguous places,
  and a hint word beside the name ("the village of X", "X district", feature_hints.tsv). A name
  that stays a coin toss between distant places is left out rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontlines.gazetteer.capitals import with_capitals
from frontlines.gazetteer.disambiguate import (
    OWN_NAME_FIT,
    SAME_PLACE_KM,
    Evidence,
    FeatureHint,
    decisive,
    distance_km,
    prominent,
    rank,
)
from frontlines.gazetteer.normalise import is_arabic, name_key, strip_article
from frontlines.model import Place, PlaceMatch

if TYPE_CHECKING:
    from frontlines.gazetteer.index import Gazetteer

__all__ = ["MAX_WORDS", "Token", "find_place_spans", "tokenize"]

MAX_WORDS = 5
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_TOKEN = re.compile(rf"[\w{_MARKS}]+(?:['’‘ʿʾ`\-‐][\w{_MARKS}]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_ELIDED = re.compile(r"[a-z]{1,2}['’][^\W\d_a-z]")  # "d'Ivoire", "l'Est": an elided particle inside a name
_SENTENCE_BREAK = re.compile(r"[.!?:]|\n\s*\n")
_ARTICLE_WORDS = frozenset({"al", "el"})
# Separate-word articles inside a name: "Dayr az Zawr", "Suq ash Shuyukh".
_INNER_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "ez", "en"})
# Lower-case words that may sit inside a name besides the feature words: "Kisik junction".
_INNER_WORDS = frozenset({"junction", "city", "camp", "district", "plains", "of", "bin", "bu"})
_ARABIC_PROCLITICS = ("لل", "و", "ب", "ف", "ل", "ك")
_AMBIGUOUS_WEIGHT = 0.9
_SHORT_NAME = 3  # letters of a name key at most, for which alternate names are not read


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    sentence_start: bool
    joined_to_previous: bool  # only spaces (no punctuation, no blank line) since the previous token


def tokenize(text: str) -> list[Token]:
    """Words of a text with their character spans; "Husaybah's" is the word "Husaybah"."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        if not any(ch.isalpha() for ch in word):
            previous_end = match.end()
            continue
        end = match.end()
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 3:
            word, end = word[: possessive.start()], match.start() + possessive.start()
        gap = text[previous_end : match.start()]
        tokens.append(
            Token(
                start=match.start(),
                end=end,
                text=word,
                sentence_start=not tokens or bool(_SENTENCE_BREAK.search(gap)),
                joined_to_previous=bool(tokens)
                and tokens[-1].end == previous_end
                and gap.isspace()
                and "\n\n" not in gap,
            )
        )
        previous_end = match.end()
    return tokens


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _starts_like_a_name(tokens: Sequence[Token], i: int, n: int) -> bool:
    """Whether tokens[i:i+n] may start a Latin-script place name: capitalised after any article."""
    first = tokens[i].text
    if first.casefold() in _ARTICLE_WORDS:
        return n > 1 and _capitalised(strip_article(tokens[i + 1].text))
    return _capitalised(strip_article(first))


def _continues_like_a_name(tokens: Sequence[Token], i: int, n: int, lower_words: frozenset[str]) -> bool:
    """Words after the first are capitalised, articles inside the name, or words such as "field".

    Keeps "Kirkuk as" (an alias in some language) from swallowing the English "as".
    """
    for j in range(i + 1, i + n):
        word = tokens[j].text
        folded = word.casefold()
        if _capitalised(strip_article(word)) or folded in lower_words or _ELIDED.match(word):
            continue
        if folded in _INNER_ARTICLES and j < i + n - 1:
            continue
        return False
    return True


@dataclass(frozen=True)
class _Candidate:
    first: int  # token indexes, end exclusive
    last: int
    start: int  # character span
    end: int
    fits: tuple[tuple[Place, float], ...]  # empty for a stop word or phrase

    @property
    def size(self) -> int:
        return self.last - self.first


def _unambiguous(fits: Sequence[tuple[Place, float]]) -> bool:
    first = fits[0][0]
    return all(distance_km(first, place) <= SAME_PLACE_KM for place, _ in fits[1:])


class _Finder:
    def __init__(
        self, gazetteer: Gazetteer, text: str, countries: Sequence[str] | None, context: Sequence[Place]
    ) -> None:
        self.gazetteer = gazetteer
        self.words = gazetteer.word_lists
        self.text = text
        self.countries = countries
        self.context = tuple(context)
        self.tokens = tokenize(text)
        feature_words = {w for phrase in self.words.feature_phrases for w in phrase}
        self.lower_words = _INNER_WORDS | self.words.particles | feature_words

    def run(self) -> list[PlaceMatch]:
        candidates = [c for i in range(len(self.tokens)) for c in self._candidates_at(i)]
        candidates.sort(key=lambda c: (-c.size, c.first, -(c.fits[0][1] if c.fits else 2.0)))
        taken: set[int] = set()
        chosen = []
        for candidate in candidates:
            span = set(range(candidate.first, candidate.last))
            if span & taken:
                continue
            taken |= span
            if candidate.fits:
                chosen.append(candidate)
        chosen.sort(key=lambda c: c.start)
        anchors = [(c, c.fits[0][0]) for c in chosen if _unambiguous(c.fits)]
        if self.countries is None:  # every country searched: only prominent places vouch for a country
            anchors = self._prominent_anchors(chosen)
        matches = []
        for c in chosen:
            others = tuple(place for named, place in anchors if named is not c)  # a name is no evidence for itself
            evidence = Evidence(context=self.context + others, hint=self._hint_beside(c))
            ranked = rank(c.fits, self.countries, evidence) if evidence else list(c.fits)
            if not decisive(ranked, self.countries, evidence.context):
                continue  # a coin toss between distant places: unresolved, not guessed
            place, score = ranked[0]
            text = self.text[c.start : c.end]
            matches.append(PlaceMatch(start=c.start, end=c.end, text=text, place=place, score=score))
        return with_capitals(self.gazetteer, self.text, self.tokens, self.countries, matches)

    @staticmethod
    def _prominent_anchors(chosen: Sequence[_Candidate]) -> list[tuple[_Candidate, Place]]:
        """The prominent places a text names beyond doubt, each with its name: "Ukraine" (the country,
        not the Spanish village one of whose names it is), "Khartoum"."""
        found = []
        for candidate in chosen:
            ranked = rank(candidate.fits, None)
            if ranked and prominent(ranked[0][0]) and decisive(ranked, None):
                found.append((candidate, ranked[0][0]))
        return found

    def _hint_beside(self, candidate: _Candidate) -> FeatureHint:
        """A word right before or after the name that says what kind of place it is."""
        tokens, words = self.tokens, self.words
        for size in range(words.longest_hint, 0, -1):
            first = candidate.first - size
            if first >= 0 and all(t.joined_to_previous for t in tokens[first + 1 : candidate.first + 1]):
                hint = words.hints_before.get(tuple(t.text.casefold() for t in tokens[first : candidate.first]))
                if hint is not None:
                    return hint
            stop = candidate.last + size
            if stop <= len(tokens) and all(t.joined_to_previous for t in tokens[candidate.last : stop]):
                hint = words.hints_after.get(tuple(t.text.casefold() for t in tokens[candidate.last : stop]))
                if hint is not None:
                    return hint
        return FeatureHint()

    def _candidates_at(self, i: int) -> list[_Candidate]:
        tokens = self.tokens
        found: list[_Candidate] = []
        arabic = is_arabic(tokens[i].text)
        first = tokens[i].text
        if not arabic and first.casefold() not in _ARTICLE_WORDS and not _capitalised(strip_article(first)):
            return found  # no Latin-script place name starts with a lower-case word
        for n in range(1, MAX_WORDS + 1):
            if i + n > len(tokens) or (n > 1 and not tokens[i + n - 1].joined_to_previous):
                break
            if not arabic and not (
                _starts_like_a_name(tokens, i, n) and _continues_like_a_name(tokens, i, n, self.lower_words)
            ):
                continue
            candidate = self._candidate(i, n, arabic)
            if candidate is not None:
                found.append(candidate)
        return found

    def _candidate(self, i: int, n: int, arabic: bool) -> _Candidate | None:
        tokens, stop = self.tokens, self.words.stop_keys
        start, end = tokens[i].start, tokens[i + n - 1].end
        key = name_key(self.text[start:end])
        if key in stop:
            return _Candidate(i, i + n, start, end, ())
        stop_first = n > 1 and tokens[i].text.casefold() not in _ARTICLE_WORDS and name_key(tokens[i].text) in stop
        if stop_first and not self.gazetteer.reaches_world(key, self.countries):
            return None
        fits = self.gazetteer.candidates(key, countries=self.countries)
        if not arabic and len(key) <= _SHORT_NAME and not self.text[start:end].isupper():
            # GeoNames lists codes and abbreviations among alternate names ("Ra" for Piura, "Qaa" for
            # Acre): a short word matches a place by its own name only, unless written as a code ("NYC")
            fits = [(place, fit) for place, fit in fits if fit >= OWN_NAME_FIT]
        if not fits and arabic:
            start, fits = self._without_proclitic(i, n, end)
        if not fits:
            return None
        worldwide = all(place.key not in self.gazetteer for place, _ in fits)
        if stop_first and not worldwide:
            return None  # "North" may open "North Darfur", a worldwide division, not a bundled name
        if not arabic and self._ambiguous(i, n):
            if not self._clear_of_other_names(i, n):
                return None
            fits = [(place, score * _AMBIGUOUS_WEIGHT) for place, score in fits]
        elif not arabic and worldwide and not self._clear_of_names_around(i, n):
            return None
        last, end, fits = self._with_feature_word(key, i + n, end, fits)
        if not fits:
            return None
        return _Candidate(i, last, start, end, tuple(fits))

    def _without_proclitic(self, i: int, n: int, end: int) -> tuple[int, list[tuple[Place, float]]]:
        """"وراوة" is "and Rawa": try the name without a joined conjunction or preposition."""
        word = self.tokens[i].text
        shortest = 3 if n == 1 else 2  # a lone two-letter remainder is too often a word
        for clitic in _ARABIC_PROCLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= shortest:
                start = self.tokens[i].start + len(clitic)
                key = name_key(self.text[start:end])
                if key in self.words.stop_keys:
                    continue
                fits = self.gazetteer.candidates(key, countries=self.countries)
                if fits:
                    return start, fits
        return self.tokens[i].start, []

    def _ambiguous(self, i: int, n: int) -> bool:
        surface = " ".join(strip_article(t.text) for t in self.tokens[i : i + n]).casefold()
        return surface in self.words.ambiguous

    def _clear_of_names_around(self, i: int, n: int) -> bool:
        """A worldwide place must not stand in a longer name: "Vladimir Putin", "Fayez al-Sarraj",
        "Kyiv Independent". The word before may be capitalised when it opens the sentence or is a
        compound ("Russian-occupied Melitopol")."""
        tokens = self.tokens
        before = tokens[i - 1] if i > 0 and tokens[i].joined_to_previous else None
        after = tokens[i + n] if i + n < len(tokens) and tokens[i + n].joined_to_previous else None
        if before is not None and _capitalised(strip_article(before.text)) and not before.sentence_start:
            if not any(mark in before.text for mark in "-‐"):
                return False
        return not (after is not None and _capitalised(strip_article(after.text)) and not self._kind_word_at(i + n))

    def _kind_word_at(self, i: int) -> bool:
        """Whether the words from token i name a kind of place other than a settlement: "Fredville
        District", "Fredville Local Government Area", "Kirkuk Province" (a capitalised "Town" or
        "City" is more often part of another name, found whole when the gazetteer has it)."""
        words = self.words
        for size in range(max(words.longest_hint, words.longest_feature_phrase), 0, -1):
            phrase = tuple(t.text.casefold() for t in self.tokens[i : i + size])
            if len(phrase) < size or not all(t.joined_to_previous for t in self.tokens[i + 1 : i + size]):
                continue
            hint = words.hints_after.get(phrase)
            if phrase in words.feature_phrases or (hint is not None and "P" not in hint.classes):
                return True
        return False

    def _clear_of_other_names(self, i: int, n: int) -> bool:
        """An ambiguous name must not open a sentence or touch another capitalised word."""
        tokens = self.tokens
        if tokens[i].sentence_start:
            return False
        before = tokens[i - 1] if i > 0 and tokens[i].joined_to_previous else None
        after = tokens[i + n] if i + n < len(tokens) and tokens[i + n].joined_to_previous else None
        if before is not None and _capitalised(before.text) and not before.sentence_start:
            return False
        return not (after is not None and _capitalised(strip_article(after.text)))

    def _with_feature_word(
        self, key: str, after: int, end: int, fits: list[tuple[Place, float]]
    ) -> tuple[int, int, list[tuple[Place, float]]]:
        """Extend a match over a following feature word when the gazetteer has such a feature."""
        tokens = self.tokens
        for size in range(self.words.longest_feature_phrase, 0, -1):
            stop = after + size
            if stop > len(tokens) or not all(t.joined_to_previous for t in tokens[after:stop]):
                continue
            phrase = tuple(t.text.casefold() for t in tokens[after:stop])
            feature = self.words.feature_phrases.get(phrase)
            if feature is None:
                continue
            featured = self.gazetteer.candidates(key, countries=self.countries, feature_codes=feature.codes)
            if featured:
                return stop, tokens[stop - 1].end, featured
            if feature.drop_if_missing:
                return after, end, []
            break
        return after, end, fits


def find_place_spans(
    gazetteer: Gazetteer,
    text: str,
    *,
    countries: Sequence[str] | None,
    context: Sequence[Place] | None = None,
) -> list[PlaceMatch]:
    """Every place name in `text`, longest match first, non-overlapping, returned in text order."""
    return _Finder(gazetteer, text, countries, context or ()).run()
