"""Lists of places a text wrote without its commas: "the villages of Kafr Alfa Tal Beta al-Gamma and Rasm
Delta" is four villages, not one name.

Some sources lose their punctuation on the way (a data set's makers stripped the commas of its news
articles; OCR and feeds drop them too). In a report that has lost every comma, a run of names after a
plural settlement noun ("the villages of", "the towns of") or before "and" and a last name ("X Y and Z") is
cut into names: a new name starts at each capitalised word, except after a word that opens a longer name
("Tal", "Kafr", "Deir", "Jabal", "Eastern": `name_openers` in grammar.yaml), and a lower-case article
("al-Gamma", "al") goes on with the name before it. A run no list mark shows (a lone "in X Y", "the village
of X Y") is left whole: it may be one name of two words. Each name of such a list is an event of the verb
that governs the list (`frontlines.extract.claims`), as many as a list with commas gives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines.extract import grammar

MIN_WORDS = 100  # a report this long with no comma at all has lost its punctuation

_WORD = re.compile(r"\S+")


def lost_its_commas(text: str) -> bool:
    return "," not in text and "،" not in text and len(text.split()) >= MIN_WORDS


def glued_items(sentence: str) -> list[tuple[int, int]]:
    """The names of every glued list in a sentence, as offsets (`glued_lists`, one after another)."""
    return [item for names in glued_lists(sentence) for item in names]


def glued_lists(sentence: str) -> list[list[tuple[int, int]]]:
    """Each glued list of a sentence, its names as offsets: a run of names after a locative word or a
    plural settlement noun's "of" that "and" and a last name close ("in X Y Z and W areas", "the towns
    of X Y and Z"), or that a plural settlement noun opens ("the villages of X Y Z")."""
    lists: list[list[tuple[int, int]]] = []
    for match in _runs().finditer(sentence):
        head, last = match.span("head"), match.span("last")
        if last[0] < 0 and not match.group("plural"):
            continue  # a lone "in X Y": maybe one name of two words
        lists.append(split_names(sentence, *head) + ([last] if last[0] >= 0 else []))
    return lists


def split_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Names glued one after another: a new name at each capitalised word, except after a word that opens
    a longer name; a lower-case article goes on with the name before it."""
    openers = grammar.words("name_openers")
    items: list[list[tuple[int, int]]] = []
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        if items and (not word[:1].isupper() or text[slice(*items[-1][-1])].lower() in openers or word.lower() in _ARTICLES):
            items[-1].append(match.span())
        else:
            items.append([match.span()])
    return [(item[0][0], item[-1][1]) for item in items]


_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "ar", "az"})


@lru_cache(maxsize=1)
def _runs() -> re.Pattern[str]:
    name = r"(?:[A-Z][\w'’-]*|(?:al|el|ad|as|ash|ar|az)-[\w'’-]+|(?:al|el)[A-Z][\w'’-]*|al)"
    nouns = {*grammar.words("settlement_nouns"), *grammar.words("place_cue_nouns")}
    plural = "|".join(sorted(re.escape(n) + "s" for n in nouns))
    locative = "|".join(sorted({*map(re.escape, grammar.words("locative_prepositions")), "including"}))
    return re.compile(
        rf"(?:\b(?P<plural>{plural})\s+of\s+|\b(?:{locative})\s+)(?:the\s+)?"
        rf"(?P<head>{name}(?:\s+{name})*)(?:\s+(?:and|&)\s+(?P<last>{name}(?:\s+{name})*))?(?=\s+[a-z(]|[.;:]|$)"
    )
