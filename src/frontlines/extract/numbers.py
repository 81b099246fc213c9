"""Fatalities in a sentence: how many people it says were killed (wounded do not count)."""

from __future__ import annotations

from spacy.tokens import Span, Token

_PEOPLE = frozenset(
    {
        "militant", "fighter", "soldier", "civilian", "people", "person", "member", "terrorist", "jihadist",
        "troop", "policeman", "police", "officer", "insurgent", "gunman", "extremist", "recruit", "child",
        "woman", "man", "resident", "worker", "pilgrim", "volunteer", "commander", "leader", "element",
        "attacker", "bomber", "personnel", "guard", "defender", "shopper", "diner", "victim", "casualty",
    }
)  # fmt: skip
_KILL = frozenset({"kill", "die", "dead", "slay", "execute", "massacre", "behead", "claim", "leave", "eliminate", "neutralize", "death"})
_WOUND = frozenset({"wound", "injure", "hurt", "injured", "wounded", "capture", "arrest", "detain", "surrender", "flee", "rescue", "displace", "evacuate"})
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_VAGUE = frozenset({"dozens", "scores", "hundreds", "several", "many", "numerous", "some"})


def number_value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return _WORDS.get(text)


def killed_count(sentence: Span) -> int | None:
    """The number of people the sentence says were killed, summed over the groups it names."""
    total = 0
    found = False
    for token in sentence:
        if token.lower_ in _VAGUE:
            continue
        value = number_value(token)
        if value is None or _looks_like_date_or_measure(token):
            continue
        noun = _counted_noun(token)
        if noun is None or noun.lemma_.lower() not in _PEOPLE and noun.i != token.i:
            continue
        if _fate_of(noun) == "killed":
            total += value
            found = True
    return total if found else None


def _looks_like_date_or_measure(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.ent_type_ in ("DATE", "TIME", "PERCENT", "QUANTITY", "ORDINAL", "MONEY", "CARDINAL") and token.ent_type_ != "CARDINAL":
        return True
    return nxt is not None and nxt.lower_ in ("km", "kilometres", "kilometers", "miles", "percent", "%", "days", "hours", "years", "vehicles")


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
        if child.lemma_.lower() in _KILL and child.dep_ in ("amod", "acl", "relcl", "advmod"):
            return "killed"
        if child.lemma_.lower() in _WOUND and child.dep_ in ("amod", "acl", "relcl"):
            return "other"
    node = noun
    for _ in range(6):
        head = node.head
        lemma = head.lemma_.lower()
        if lemma in _KILL or head.lower_ in ("killed", "dead"):
            if lemma in ("claim", "leave") and not any(c.lower_ in ("dead", "lives", "life") for c in head.subtree):
                return None
            return "killed"
        if lemma in _WOUND or head.lower_ in _WOUND:
            return "other"
        if head.i == node.i or node.dep_ == "ROOT":
            return None
        node = head
    return None
