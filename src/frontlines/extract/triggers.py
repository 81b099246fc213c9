"""Trigger words in a parsed sentence: the tokens that announce an event, with its type."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontlines.extract.grammar import words
from frontlines.extract.lexicon import TriggerTable


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
            # "X was free of the militants": the copula carries the place as its subject
            anchor = token.head if token.pos_ == "ADJ" and token.dep_ in ("acomp", "oprd") else token
            found.append(Trigger(anchor, event_type, token.text))
            used.add(token.i)
    return sorted(found, key=lambda t: t.token.i)


def _word_trigger(token: Token, table: TriggerTable) -> str | None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    if token.pos_ == "ADJ" and (lemma in table.adjectives or lower in table.adjectives):
        return table.adjectives.get(lemma) or table.adjectives[lower]
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG") or (token.pos_ == "ADJ" and lower.endswith("ed")):
        if token.dep_ in ("amod", "compound"):
            return None  # "the advancing columns", "fighting positions" describe, they do not tell
        for child in token.children:
            if child.dep_ in ("prt", "advmod", "prep") and (lemma, child.lower_) in table.particle_types:
                return table.particle_types[(lemma, child.lower_)]
        if lemma in table.particle_only:
            return None
        event_type = table.verbs.get(lemma) or table.verbs.get(lower)
        if event_type is None or event_type == "operation_start":
            return None  # operation starts need an operation noun, see _operation_starts
        if event_type == "territory_taken" and _takes_a_thing(token):
            return None  # "seized weapons", "captured a tanker": no ground changed hands
        if event_type == "attack":
            if _subject_has(token, words("explosives")):
                return "explosion"  # "a suicide bomber struck a checkpoint"
            if _subject_has(token, words("air_words")):
                return "airstrike"
        return event_type
    if token.pos_ in ("NOUN", "PROPN", "ADJ"):
        event_type = table.nouns.get(lemma) or table.nouns.get(lower)
        if event_type is None:
            return None
        if token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN" and event_type != "explosion":
            return None  # "fighting positions", "attack helicopters" name things, not events
        if event_type == "airstrike" and lemma in words("aircraft"):
            return None  # a plane is no strike; "warplanes struck" is found from the verb
        if lemma == "strike" and not _sentence_has(token, words("air_words")):
            return "attack"
        if event_type == "explosion" and _held_as_thing(token):
            return None
        return event_type
    return None


def captures_only_things(sentence: Span, table: TriggerTable) -> bool:
    """The sentence's verbs of capture all take things or people, not ground ("Freedonia captured the
    group's leader"): a capture the reader reads in it is none."""
    verbs = [t for t in sentence if (t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD", "VBG")) and _verb_type(t, table) == "territory_taken"]
    return bool(verbs) and all(_takes_a_thing(v) for v in verbs)


def _verb_type(token: Token, table: TriggerTable) -> str | None:
    return table.verbs.get(token.lemma_.lower()) or table.verbs.get(token.lower_)


def _takes_a_thing(token: Token) -> bool:
    """A capture verb whose object is a thing or people, not ground: "seized weapons", "captured ten
    fighters", "captured the group's leader Abu X"."""
    things = words("seized_things") | words("people") | words("vehicles") | words("weapon_words")
    taken = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken and token.dep_ == "acl" and token.tag_ == "VBN":
        taken = [token.head]  # "eleven combatants captured during the conflict"
    return bool(taken) and all(c.lemma_.lower() in things or c.lower_ in things or _titled_person(c, things) for c in taken)


def _titled_person(token: Token, people: frozenset[str]) -> bool:
    """A name with a person's title before it: "Hill Army leader Abu X", "commander Y"."""
    return token.pos_ == "PROPN" and any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in people for c in token.children)


def _subject_has(token: Token, wanted: frozenset[str]) -> bool:
    subject = [c for c in token.children if c.dep_ in ("nsubj", "agent")]
    return bool({t.lemma_.lower() for c in subject for t in c.subtree} & wanted)


def _sentence_has(token: Token, wanted: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in wanted for t in token.sent)


def _held_as_thing(token: Token) -> bool:
    """Weapons named as things made, stored or removed: "a factory making mines"."""
    holders, placed = words("explosive_holders"), words("explosive_placed_forms")
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in holders or node.lower_ in placed:
            return True
    return False


def _phrases(sentence: Span, table: TriggerTable) -> list[Trigger]:
    lowers = [t.lower_ for t in sentence]
    found: list[Trigger] = []
    i = 0
    while i < len(lowers):
        for phrase in table.phrases_by_first_word.get(lowers[i], ()):
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
        is_start_noun = token.pos_ == "NOUN" and lemma in words("operation_start_nouns")
        if not (is_start_verb or is_start_noun):
            continue
        if lemma == "open" and any(c.lower_ == "fire" for c in token.children):
            continue
        nouns = _operation_nouns_near(token, table)
        if not nouns:
            continue
        if any(t.lemma_.lower() in words("operation_end_words") for n in nouns for t in n.children):
            continue
        if _tells_the_time_of_another_event(token):
            continue  # "a week after the offensive started": a time reference, not a new start
        anchor = nouns[0] if token.dep_ in ("relcl", "acl") and nouns[0].i == token.head.i else token
        found.append(Trigger(anchor, "operation_start", token.text))
    return found


def _tells_the_time_of_another_event(token: Token) -> bool:
    for ancestor in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("after", "since", "before", "when") for c in ancestor.children):
            return ancestor.dep_ in ("advcl", "pcomp", "pobj") or ancestor.i != token.i
        if ancestor.dep_ in ("pcomp", "pobj") and ancestor.head.lower_ in ("after", "since", "before"):
            return True
    return False


def _operation_nouns_near(token: Token, table: TriggerTable) -> list[Token]:
    candidates = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "prep", "pobj", "compound")]
    candidates += [g for c in list(candidates) if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("relcl", "acl") :
        candidates.append(token.head)
    # "the Operations Command announced": a capitalised operation noun names an office, not an operation
    return [c for c in candidates if c.lemma_.lower() in table.operation_nouns and not (c.text[:1].isupper() and c.i != c.sent.start)]
