"""Armed groups the actor table does not list, named where the grammar says they act.

No table holds every militia, cartel and splinter front of every war. A name the sentence gives a
group in one of two positions is kept as written, so the event has its doer rather than none or "an
unidentified armed group":
- qualifying a generic word for irregulars: "Zaïre-FPAC militants", "Santa Rosa Cartel gunmen",
  or after it with "of" or "from": "fighters of the National Liberation Forces";
- an organisation that is the subject of a verb of armed doing: "the SPLA attacks", "the Front kills".

A name that is a country's, a people's or a place's ("Somali militants", "Kashmir rebels") is not a
group's name, nor is one that holds such a word ("the Sylvanian Counter-Terrorism Department": state
forces, which the table's words for state forces and the country tell).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from frontlines.extract import grammar
from frontlines.extract.actors import ActorMention
from frontlines.theatres import country_of

_ACRONYM = re.compile(r"[A-Z]{2,6}")
# runs of capitalised words, with the small words names hold ("Front for the Liberation of X")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|for)\s+)*[A-Z][\w'’-]*)+")
_LINKS = frozenset({"of", "the", "and", "for"})
_QUALIFIERS = frozenset({"compound", "nmod", "amod"})
_NOT_A_GROUP = frozenset({"GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})


def with_unlisted_groups(
    sentence: Span, known: list[ActorMention], unnamed_armed: Callable[[str], bool], generic: Callable[[str], bool] = lambda _: False
) -> list[ActorMention]:
    """The known mentions and those (sentence offsets) of groups the sentence names and the table does
    not know, in order. A generic word inside such a name is no mention of its own when the name is
    one no state's forces bear: "Army" in "the Valley Liberation Army", "Forces" in "the National
    Liberation Forces" (but "the Sri Lankan Army" and "the Royal Air Force" stay state forces)."""
    base = sentence.start_char
    found: list[ActorMention] = []
    for words in [*_qualifying_names(sentence, known, unnamed_armed), *_acting_organisations(sentence)]:
        start, end = words.start_char - base, words.end_char - base
        inside = [m for m in known if start <= m.start and m.end <= end and generic(m.name)] if _an_insurgent_name(words) else []
        if any(m.start < end and start < m.end for m in [*known, *found] if m not in inside):
            continue
        known = [m for m in known if m not in inside]
        found.append(ActorMention(start, end, spelled_out(words.text, sentence.text)))
    return sorted(known + found, key=lambda m: m.start)


def spelled_out(name: str, text: str) -> str:
    """An acronym the sentence also spells out ("the Baloch Nationalist Army ... the BNA") as its full name."""
    if not _ACRONYM.fullmatch(name):
        return name
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        for first in range(len(words)):
            if words[first].lower() in _LINKS:
                continue
            initials = "".join(w[0] for w in words[first:] if w.lower() not in _LINKS)
            if initials == name:
                return " ".join(words[first:])
    return name


def _qualifying_names(sentence: Span, known: list[ActorMention], unnamed_armed: Callable[[str], bool]) -> list[Span]:
    """"X militants", "X gunmen": the proper name before a generic word for irregulars."""
    names = []
    for mention in known:
        if not unnamed_armed(mention.name):
            continue
        words = sentence.char_span(mention.start, mention.end, alignment_mode="expand")
        if words is None:
            continue
        head = words.root
        qualifiers = [c for c in head.lefts if c.dep_ in _QUALIFIERS and c.i < words.start]
        if qualifiers:
            name = _group_words(sentence.doc[min(q.left_edge.i for q in qualifiers) : words.start])
        else:
            name = _group_after(head)
        if name is not None:
            names.append(name)
    return names


def _an_insurgent_name(words: Span) -> bool:
    """A name with a word no state's forces bear ("Liberation", "Front") and no country's name."""
    return any(t.lower_ in grammar.words("insurgent_name_words") for t in words) and not any(country_of(t.text) for t in words)


def _group_after(head: Token) -> Span | None:
    """"fighters of the Hill Front", "militants from the Valley Army": the name after "of" or "from"."""
    for preposition in head.rights:
        if preposition.dep_ == "prep" and preposition.lower_ in ("of", "from"):
            noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ == "PROPN":
                return _group_words(noun.doc[noun.left_edge.i : noun.i + 1])
    return None


def _acting_organisations(sentence: Span) -> list[Span]:
    """An organisation that is the subject of a verb of armed doing: "the SPLA attacks a post"."""
    doing = grammar.words("armed_doing_verbs")
    names = []
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in doing:
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.ent_type_ == "ORG":
                entity = _entity_of(child)
                name = _group_words(entity) if entity is not None else None
                if name is not None:
                    names.append(name)
    return names


def _entity_of(token: Token) -> Span | None:
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _group_words(words: Span) -> Span | None:
    """The words without their article, when they are proper nouns that name no country, people or
    place and hold no such word."""
    while len(words) and words[0].pos_ in ("DET", "PUNCT"):
        words = words[1:]
    if not len(words) or not any(t.pos_ == "PROPN" for t in words):
        return None
    return None if any(t.ent_type_ in _NOT_A_GROUP or t.like_num for t in words) else words
