"""Trigger words in a parsed sentence: the tokens that announce an event, with its type."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontlines.extract.lexicon import TriggerTable

_AIR_WORDS = frozenset({"warplane", "jet", "aircraft", "drone", "helicopter", "plane", "air", "coalition", "aviation", "airstrike", "bomber"})
_OPERATION_START_NOUNS = frozenset({"launch", "start", "beginning", "onset", "outset", "opening", "kick-off", "resumption"})
_END_WORDS = frozenset({"end", "conclusion", "completion", "success", "final", "last", "culmination"})


@dataclass(frozen=True)
class Trigger:
    token: Token  # the anchor token in the dependency tree
    event_type: str
    text: str


def find_triggers(sentence: Span, table: TriggerTable) -> list[Trigger]:
    found: list[Trigger] = []
    used: set[int] = set()
    for trigger in _operation_starts(sentence, table):
        found.append(trigger)
        used.update(t.i for t in trigger.token.subtree if t.lemma_.lower() in table.operation_nouns)
    for trigger in _phrases(sentence, table):
        if trigger.token.i not in used:
            found.append(trigger)
            used.update(range(trigger.token.i, trigger.token.i + len(trigger.text.split())))
    for token in sentence:
        if token.i in used:
            continue
        event_type = _word_trigger(token, table)
        if event_type:
            found.append(Trigger(token, event_type, token.text))
            used.add(token.i)
    return sorted(found, key=lambda t: t.token.i)


def _word_trigger(token: Token, table: TriggerTable) -> str | None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG") or (token.pos_ == "ADJ" and lower.endswith("ed")):
        event_type = table.verbs.get(lemma) or table.verbs.get(lower)
        if event_type is None:
            return None
        required = table.particles.get(lemma)
        if required is not None and not any(c.dep_ == "prt" and c.lower_ in required for c in token.children):
            return "territory_taken" if lemma == "fall" and _has_prep(token, "to") else None
        if event_type == "attack" and _from_the_air(token):
            return "airstrike"
        if event_type == "operation_start":
            return None  # only with an operation noun, see _operation_starts
        return event_type
    if token.pos_ in ("NOUN", "PROPN", "ADJ"):
        event_type = table.nouns.get(lemma) or table.nouns.get(lower)
        if event_type == "airstrike" and lemma in ("warplane", "drone", "sortie"):
            return None  # a plane is no strike; "warplanes struck" is found from the verb
        if event_type == "explosion" and lemma in ("mine", "rocket", "artillery", "mortar", "bomb") and token.dep_ == "compound":
            return None
        return event_type
    return None


def _has_prep(token: Token, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in token.children)


def _from_the_air(token: Token) -> bool:
    subject = [c for c in token.children if c.dep_ in ("nsubj", "agent")]
    words = {t.lemma_.lower() for c in subject for t in c.subtree}
    return bool(words & _AIR_WORDS)


def _phrases(sentence: Span, table: TriggerTable) -> list[Trigger]:
    lowers = [t.lower_ for t in sentence]
    found: list[Trigger] = []
    i = 0
    longest_first = sorted(table.phrases, key=len, reverse=True)
    while i < len(lowers):
        for phrase in longest_first:
            if tuple(lowers[i : i + len(phrase)]) == phrase:
                tokens = sentence[i : i + len(phrase)]
                found.append(Trigger(tokens.root, table.phrases[phrase], tokens.text))
                i += len(phrase) - 1
                break
        i += 1
    return found


def _operation_starts(sentence: Span, table: TriggerTable) -> list[Trigger]:
    """A start word ("launched", "began", "the start of") with an operation noun it governs or that governs it."""
    found: list[Trigger] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        is_start_verb = token.pos_ in ("VERB", "AUX") and table.verbs.get(lemma) == "operation_start"
        is_start_noun = token.pos_ == "NOUN" and lemma in _OPERATION_START_NOUNS
        if not (is_start_verb or is_start_noun):
            continue
        if lemma == "open" and any(c.lower_ == "fire" for c in token.children):
            continue
        nouns = _operation_nouns_near(token, table)
        if not nouns:
            continue
        if any(t.lemma_.lower() in _END_WORDS for n in nouns for t in n.children):
            continue
        found.append(Trigger(token, "operation_start", token.text))
    return found


def _operation_nouns_near(token: Token, table: TriggerTable) -> list[Token]:
    candidates = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "prep", "pobj", "compound")]
    candidates += [g for c in list(candidates) if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("relcl", "acl") :
        candidates.append(token.head)
    return [c for c in candidates if c.lemma_.lower() in table.operation_nouns]
