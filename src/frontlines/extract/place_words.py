"""Words that name a place, found by grammar rather than by the gazetteer or spaCy's labels.

spaCy's small English pipeline often calls a village a person or an organisation; a proper name
that a locative preposition governs ("shelling in X", "clashes near Tal Y") is a place all the same.
"""

from __future__ import annotations

from spacy.tokens import Span

from frontlines.extract import grammar

_NOT_PLACES = frozenset({"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})


def names_after_locatives(sentence: Span) -> list[tuple[int, int]]:
    """Proper names governed by "in", "near", "at" (and the names joined to them by "and"), as sentence offsets."""
    locatives = grammar.words("locative_prepositions")
    spans = []
    for token in sentence:
        if token.pos_ != "PROPN" or token.dep_ not in ("pobj", "conj") or any(c.dep_ == "compound" and c.i > token.i for c in token.children):
            continue
        if token.ent_type_ in _NOT_PLACES:
            continue  # "on Monday"
        head = token
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ != "pobj" or head.head.lower_ not in locatives:
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


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of one name the parser split ("Jabal al" + "-" + "Qurun") are one name."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and text[joined[-1][1] : start] in ("", "-", "‐"):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        elif text[start:end] not in ("-", "‐"):
            joined.append((start, end))
    return joined
