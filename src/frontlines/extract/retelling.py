"""A story tells an event, then tells it again: "A car bomb killed 16 people in Townville on Tuesday.
The attack, which also wounded dozens, occurred in the market district." The second sentence opens on
the event itself, named with a definite article and no count: it is the same happening, so it keeps
the first telling's place (unless its own lies inside or near the first, a finer telling) and, when it
gives no day of its own, the first telling's day. A place the gazetteer cannot resolve or misreads, or
one lent by the story, then makes no second event. Only the sentence's main clause is read so: "As the
raid got under way the troops went in" tells an entry of its own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Span

from frontlines.extract import grammar
from frontlines.fusion_rules import contains, distance_km
from frontlines.model import Claim, Place

ANY_TYPE = "*"  # "The attack ...": an event of any type
NEAR_KM = 25.0  # a finer telling: a district, a village beside the town first named


def retold_types(sentence: Span, event_nouns: Mapping[str, str]) -> set[str]:
    """The event types of the definite event nouns the sentence has for subject ("The airstrikes ...";
    ANY_TYPE for "The attack ..."), not counted ("two attacks", "the three strikes" are events of their own)."""
    found = set()
    for token in sentence:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN" or token.head.dep_ != "ROOT":
            continue  # "As the raid got under way the troops went in": the raid sets the scene, the entry is told
        lemma = token.lemma_.lower()
        event_type = ANY_TYPE if lemma in grammar.words("retelling_any_event") else event_nouns.get(lemma)
        if event_type is None:
            continue
        children = list(token.children)
        if any(c.dep_ == "det" and c.lower_ in grammar.words("pointing_back_words") for c in children) and not any(c.dep_ == "nummod" for c in children):
            found.add(event_type)
    return found


def as_retelling(claim: Claim, first: Claim) -> Claim:
    """The claim told again of the first telling's event: its place, unless a finer one, and, undated, its day."""
    if first.place is not None and not finer_or_same(claim, first.place):
        claim = at_told_place(claim, first)
    if claim.date is not None and not claim.date.text and first.date is not None:
        claim = replace(claim, date=first.date)
    return claim


def at_told_place(claim: Claim, first: Claim) -> Claim:
    """A detail of the event told before ("A witness said he saw many wounded"): at its place."""
    if first.place is None:
        return claim
    return replace(claim, place=first.place, place_mention=first.place_mention, place_precision=first.place_precision)


def finer_or_same(claim: Claim, first_place: Place) -> bool:
    """Whether the claim's place lies inside the place first told, or near it (a district, a village beside it)."""
    if claim.place is None:
        return False
    return contains(first_place, claim.place) or distance_km(first_place, claim.place) <= NEAR_KM
