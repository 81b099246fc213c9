"""Words that name a place, found by grammar rather than by the gazetteer or spaCy's labels.

spaCy's small English pipeline often calls a village a person or an organisation; a proper name
that a locative preposition governs ("shelling in X", "clashes near Tal Y") is a place all the same.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from frontlines.extract import grammar

_NOT_PLACES = frozenset({"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})


def names_after_locatives(sentence: Span) -> list[tuple[int, int]]:
    """Proper names governed by "in", "near", "at" (and the names joined to them by "and"), and the names
    listed after the first in "the villages of X, Y and Z", as sentence offsets."""
    locatives = grammar.words("locative_prepositions")
    settlements = grammar.words("settlement_nouns")
    spans = []
    for token in sentence:
        if token.pos_ != "PROPN" or token.dep_ not in ("pobj", "conj") or any(c.dep_ == "compound" and c.i > token.i for c in token.children):
            continue
        if token.ent_type_ in _NOT_PLACES:
            continue  # "on Monday"
        head = token
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ != "pobj" or not (head.head.lower_ in locatives or (token.i != head.i and _of_settlements(head.head, settlements))):
            continue
        first, inside = token, {token.i}
        while first.i > sentence.start:
            before = sentence.doc[first.i - 1]  # "Jabal al-X": compounds and the hyphens between them
            if before.head.i not in inside or not (before.pos_ in ("PROPN", "ADJ") or before.text in ("-", "‐")):
                break
            first = before
            inside.add(before.i)
        spans.append((first.idx - sentence.start_char, token.idx + len(token) - sentence.start_char))
    return _joined(sentence.text, spans)


def _of_settlements(preposition: Token, settlements: frozenset[str]) -> bool:
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in settlements


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of one name the parser split ("Jabal al" + "-" + "Qurun") are one name."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and text[joined[-1][1] : start] in ("", "-", "‐"):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        elif text[start:end] not in ("-", "‐"):
            joined.append((start, end))
    return joined


def names_before_place_nouns(sentence: Span) -> list[tuple[int, int]]:
    """Proper names written just before a settlement noun ("X town", "the al-X area", "the X neighbourhood"),
    as sentence offsets. A people's word or a date there is no name ("the Sunni neighbourhood", "the May area");
    a country's adjective is left for the caller to tell ("the Freedonian town")."""
    cues = grammar.words("place_cue_nouns")
    spans = []
    for token in sentence:
        if token.lower_ not in cues or token.i == sentence.start:
            continue
        last = sentence.doc[token.i - 1]
        if not _may_name(last):
            continue
        first = last
        while first.i > sentence.start:
            before = sentence.doc[first.i - 1]
            if _may_name(before) or before.text in ("-", "‐"):
                first = before
            else:
                break
        if first.text in ("-", "‐"):
            continue
        spans.append((first.idx - sentence.start_char, last.idx + len(last) - sentence.start_char))
    return _joined(sentence.text, spans)


def _may_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ not in _NOT_PLACES and token.lower_ not in grammar.words("people_words")
