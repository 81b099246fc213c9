"""How many were killed, wounded, destroyed: the numbers of a sentence, by side.

"three guards and 12 raiders were killed" gives 15 killed, 3 and 12 on the sides the actor table
names; "no fewer than 30" and "over 30" are lower bounds; "dozens" is flagged without a number; the
wounded and the vehicles or car bombs destroyed are counted apart from the dead. The words come from the word
tables (`frontlines.extract.grammar`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontlines.extract.grammar import number_words, words


@dataclass(frozen=True)
class Toll:
    killed: int | None = None
    killed_by_side: tuple[tuple[str, int], ...] = ()  # (actor, count) where the sentence says whose dead
    killed_at_least: bool = False  # "at least 20", "more than 20"
    killed_vague: bool = False  # "dozens were killed": deaths without a number
    wounded: int | None = None
    vehicles_destroyed: int | None = None


def number_value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return number_words().get(text)


def count_toll(sentence: Span, side_of: Callable[[str], str | None] = lambda _text: None) -> Toll:
    """The sentence's dead, wounded and destroyed vehicles; `side_of` names the actor of a noun phrase."""
    killed = wounded = vehicles = 0
    found_killed = found_wounded = found_vehicles = at_least = vague = False
    by_side: dict[str, int] = {}
    people, vehicle_words, vague_counts = words("people"), words("vehicles"), words("vague_counts")
    for token in sentence:
        noun = _counted_noun(token)
        if token.lower_ in vague_counts:
            if noun is not None and noun.lemma_.lower() in people | {token.lemma_.lower()} and _fate_of(noun) == "killed":
                vague = True
            continue
        value = number_value(token)
        if value is None or noun is None or _looks_like_date_or_measure(token):
            continue
        lemma = noun.lemma_.lower()
        fate = _fate_of(noun)
        if lemma in vehicle_words:
            if fate in ("killed", "destroyed"):
                vehicles += value
                found_vehicles = True
            continue
        if lemma not in people and noun.i != token.i:
            continue
        if fate == "killed":
            killed += value
            found_killed = True
            at_least = at_least or _is_lower_bound(token)
            side = side_of(noun.text if noun.i != token.i else "")
            if side:
                by_side[side] = by_side.get(side, 0) + value
        elif fate == "wounded":
            wounded += value
            found_wounded = True
    return Toll(
        killed=killed if found_killed else None,
        killed_by_side=tuple(sorted(by_side.items())),
        killed_at_least=at_least,
        killed_vague=vague and not found_killed,
        wounded=wounded if found_wounded else None,
        vehicles_destroyed=vehicles if found_vehicles else None,
    )


def _is_lower_bound(number: Token) -> bool:
    bound = words("lower_bound_words")
    return any(c.lower_ in bound for c in number.children) or any(t.lower_ in bound for t in number.doc[max(number.i - 2, 0) : number.i])


def _looks_like_date_or_measure(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.ent_type_ in ("DATE", "TIME", "PERCENT", "QUANTITY", "ORDINAL", "MONEY"):
        return True
    return nxt is not None and nxt.lower_ in words("measure_units")


def _counted_noun(number: Token) -> Token | None:
    head = number
    # "at least 20 militants": the number may hang under "least" or "than"
    while head.dep_ in ("nummod", "quantmod", "advmod", "amod", "compound", "npadvmod", "pobj", "prep") and head.head.i != head.i:
        head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head
    if number.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos"):
        return number  # "killing 25", "25 were killed"
    return None


def _fate_of(noun: Token) -> str | None:
    """Walk up from the counted noun to the word that says what happened to them."""
    killing, wounding = words("killing_words"), words("wounding_words")
    for child in noun.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "acl", "relcl", "advmod"):
            if lemma in killing:
                return "killed"
            if lemma in wounding or child.lower_ in wounding:
                return "wounded"
    node = noun
    for _ in range(6):
        head = node.head
        lemma = head.lemma_.lower()
        if lemma in killing or head.lower_ in words("killed_forms"):
            if lemma in ("claim", "leave") and not any(c.lower_ in words("killing_objects") for c in head.subtree):
                return None  # "claimed" and "left" count the dead only as "claimed the lives of"
            return "killed"
        if lemma in wounding or head.lower_ in wounding:
            return "wounded"
        if lemma in words("destroying_words"):
            return "destroyed"
        if lemma in words("other_fates"):
            return None
        if head.i == node.i or node.dep_ == "ROOT":
            return None
        node = head
    return None
