"""How many were killed, wounded, destroyed: the numbers of a sentence, by side.

"two soldiers and 13 militants were killed" gives 15 killed (2 on the state side, 13 Islamic State);
"at least 20" is a lower bound; "dozens" is flagged without a number; the wounded and the vehicles
or car bombs destroyed are counted apart from the dead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

_PEOPLE = frozenset(
    {
        "militant", "fighter", "soldier", "civilian", "people", "person", "member", "terrorist", "jihadist",
        "troop", "policeman", "police", "officer", "insurgent", "gunman", "extremist", "recruit", "child",
        "woman", "man", "resident", "worker", "pilgrim", "volunteer", "commander", "leader", "element",
        "attacker", "bomber", "personnel", "guard", "defender", "shopper", "diner", "victim", "casualty", "other",
        "militiaman", "paramilitary", "tribesman", "villager", "family", "wounded", "dead", "body",
    }
)  # fmt: skip
_VEHICLES = frozenset({"vehicle", "car", "truck", "bomb", "tank", "humvee", "bulldozer", "boat", "motorcycle", "vbied", "pickup", "launcher"})
_KILL = frozenset({"kill", "die", "dead", "slay", "execute", "massacre", "behead", "claim", "leave", "eliminate", "neutralize", "death", "perish"})
_WOUND = frozenset({"wound", "injure", "hurt", "injured", "wounded"})
_OTHER_FATES = frozenset({"capture", "arrest", "detain", "surrender", "flee", "rescue", "displace", "evacuate", "free", "return"})
_DESTROY = frozenset({"destroy", "blow", "detonate", "disable", "burn", "down", "shoot", "hit", "strike", "eliminate"})
_LOWER_BOUND = frozenset({"least", "more", "over", "than", "upwards", "some"})
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_VAGUE = frozenset({"dozens", "scores", "hundreds", "several", "many", "numerous", "tens"})


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
    return _WORDS.get(text)


def count_toll(sentence: Span, side_of: Callable[[str], str | None] = lambda _text: None) -> Toll:
    """The sentence's dead, wounded and destroyed vehicles; `side_of` names the actor of a noun phrase."""
    killed = wounded = vehicles = 0
    found_killed = found_wounded = found_vehicles = at_least = vague = False
    by_side: dict[str, int] = {}
    for token in sentence:
        noun = _counted_noun(token)
        if token.lower_ in _VAGUE:
            if noun is not None and noun.lemma_.lower() in _PEOPLE | {token.lemma_.lower()} and _fate_of(noun) == "killed":
                vague = True
            continue
        value = number_value(token)
        if value is None or noun is None or _looks_like_date_or_measure(token):
            continue
        lemma = noun.lemma_.lower()
        fate = _fate_of(noun)
        if lemma in _VEHICLES:
            if fate in ("killed", "destroyed"):
                vehicles += value
                found_vehicles = True
            continue
        if lemma not in _PEOPLE and noun.i != token.i:
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
    return any(c.lower_ in _LOWER_BOUND for c in number.children) or any(
        t.lower_ in _LOWER_BOUND for t in number.doc[max(number.i - 2, 0) : number.i]
    )


def _looks_like_date_or_measure(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.ent_type_ in ("DATE", "TIME", "PERCENT", "QUANTITY", "ORDINAL", "MONEY"):
        return True
    return nxt is not None and nxt.lower_ in ("km", "kilometres", "kilometers", "miles", "percent", "%", "days", "hours", "years")


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
    for child in noun.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "acl", "relcl", "advmod"):
            if lemma in _KILL:
                return "killed"
            if lemma in _WOUND or child.lower_ in _WOUND:
                return "wounded"
    node = noun
    for _ in range(6):
        head = node.head
        lemma = head.lemma_.lower()
        if lemma in _KILL or head.lower_ in ("killed", "dead"):
            if lemma in ("claim", "leave") and not any(c.lower_ in ("dead", "lives", "life") for c in head.subtree):
                return None
            return "killed"
        if lemma in _WOUND or head.lower_ in _WOUND:
            return "wounded"
        if lemma in _DESTROY:
            return "destroyed"
        if lemma in _OTHER_FATES:
            return None
        if head.i == node.i or node.dep_ == "ROOT":
            return None
        node = head
    return None
