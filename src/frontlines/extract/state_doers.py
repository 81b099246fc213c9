"""A state named as the doer: "Freedonia shelled the port", "Sylvanian artillery killed two", "a
Freedonian air strike". A country's name or its adjective in the doer's words (or qualifying the event's own
noun) stands for that state's forces, as the theatre names them ("Russian forces"); a country the
theatre does not list gets its forces by adjective ("Turkish forces"), never the theatre's own army.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from frontlines.extract import grammar
from frontlines.theatres import Theatre, country_of, demonym

# how a word qualifies the event's noun: "Sylvanian shelling", "Freedonia's bombing"
_QUALIFIERS = frozenset({"amod", "compound", "poss", "nmod"})
_LONGEST_NAME = 4  # words: "Democratic Republic of the Congo" is matched by its shorter forms too


def state_in(sentence: Span, spans: Sequence[tuple[int, int]], trigger: Token, *, of_forces: bool = False) -> str | None:
    """The ISO code of the first country named in the doer's spans (document offsets) or qualifying
    the trigger word; None when none is. `of_forces`: the trigger is a word for forces ("the Sylvanian
    Air Force"), whose name may be several capitalised words."""
    tokens = [t for t in sentence if any(start <= t.idx < end for start, end in spans)]
    qualifiers = [c for c in trigger.children if c.dep_ in _QUALIFIERS]
    # "a Sylvanian missile strike", "Sylvanian tank and mortar attacks": the country qualifies the weapon
    tokens += qualifiers + [g for c in _with_conjuncts(qualifiers) if _is_weapon(c) for g in c.children if g.dep_ in _QUALIFIERS]
    for token in sorted(tokens, key=lambda t: t.i):
        if token.dep_ == "poss" and token.lower_ in _POSSESSIVES:
            country = _antecedent_country(sentence, token)
            if country is not None:
                return country  # "Freedonia said its forces captured the village": Freedonia's forces
        if not token.text[:1].isupper():
            continue
        for size in range(_LONGEST_NAME, 0, -1):
            end = token.i + size
            if end > sentence.end:
                continue
            country = country_of(sentence.doc[token.i : end].text)
            if country is not None and not _by_proxy(sentence.doc, token.i, end) and _names_the_doer(sentence.doc[end - 1], trigger, of_forces):
                return country
    return None


_POSSESSIVES = frozenset({"its", "their"})


def _antecedent_country(sentence: Span, pronoun: Token) -> str | None:
    """The country a possessive pronoun stands for: the last one named before it in the sentence, as
    the subject of a clause ("Sylvania says its troops ..."), not inside a place ("in Freedonia")."""
    for token in reversed(sentence.doc[sentence.start : pronoun.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or not token.text[:1].isupper():
            continue
        country = country_of(token.text)
        if country is not None:
            return country
    return None


def _by_proxy(doc: Doc, start: int, end: int) -> bool:
    """Whether the country's words at [start, end) are joined to a word that makes the doer someone
    else: "pro-Freedonian separatists", "Sylvanian-backed militias"."""
    before = doc[start - 2 : start] if start >= 2 else None
    if before is not None and before[1].text == "-" and before[0].lower_ in grammar.words("proxy_prefixes"):
        return True
    after = doc[end : end + 2] if end + 2 <= len(doc) else None
    return after is not None and after[0].text == "-" and after[1].lower_ in grammar.words("proxy_suffixes")


def _names_the_doer(token: Token, trigger: Token, of_forces: bool = False) -> bool:
    """A country's name that stands for a doer, not for where or for a thing: "Sylvanian troops",
    "Freedonia's strikes", "strikes by Sylvanian jets"; not "bombings in Freedonia" nor "the
    Freedonian embassy attack" (the embassy is what was hit)."""
    locatives = _locatives()
    if not of_forces and token.head.i == trigger.i and any(t.pos_ == "PROPN" and not _of_a_weapon(t, trigger) for t in token.doc[token.i + 1 : trigger.i]):
        return False  # "the Freedonian Grand Mosque bombing": the name qualifies the mosque ("a Sylvanian Zephyr drone strike": a weapon's)
    persons = grammar.words("private_persons")
    node = token
    while node.i not in (trigger.i, trigger.head.i) and node.head.i != node.i:  # up to the noun phrase the doer heads
        if node.head.lemma_.lower() in persons or node.head.lower_ in persons:
            return False  # "a Freedonian man", "supporters of the Sylvanian government": people, not its forces
        if node.dep_ == "pobj" and node.head.lower_ in locatives:
            return False  # "in Freedonia", "near the Sylvanian border"
        if not of_forces and node.dep_ in ("compound", "amod", "nmod") and node.head.dep_ in ("compound", "amod", "nmod") and node.head.head.i == trigger.i:
            if _is_weapon(node.head):
                return True  # "a Freedonian missile strike": the state's weapon
            return node.head.pos_ != "NOUN" and not node.head.text[:1].isupper()  # "the Freedonian consulate attack"
        node = node.head
    return True


@lru_cache(maxsize=1)
def _locatives() -> frozenset[str]:
    """Prepositions by which a country is where, or whence, not who: "in Freedonia", "from Sylvania"."""
    return grammar.words("locative_prepositions") | grammar.words("origin_prepositions")


def _of_a_weapon(token: Token, trigger: Token) -> bool:
    """Whether a name before the event's noun belongs to a weapon's: "Wing Loong" in "a Wing Loong drone strike"."""
    node = token
    while node.i != trigger.i and node.head.i != node.i:
        node = node.head
        if _is_weapon(node):
            return True
    return False


def _is_weapon(token: Token) -> bool:
    return token.lower_ in grammar.words("weapon_words")


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and the words joined to them by "and": "tank and mortar attacks"."""
    return tokens + [c for t in tokens for c in t.children if c.dep_ == "conj"]


def forces_of(country: str, theatre: Theatre) -> str:
    """The name of a state's forces in this war: the theatre's own, else by the country's adjective."""
    if country in theatre.state_forces:
        return theatre.state_forces[country]
    own = [g.name for g in theatre.groups.values() if g.country == country and g.side in ("state", "foreign state")]
    if own:
        return own[0]
    return (theatre.state_forces_pattern or "{demonym} forces").format(demonym=demonym(country))
