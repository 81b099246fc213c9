"""Modality of a trigger: asserted, reported speech, hedged, planned, hoped, negated or a question.

Decided from the trigger's place in the dependency tree (its auxiliaries, negation and the verbs
that govern it) and from hedging cues in the sentence. Planned, hoped, negated and questioned
statements never become events.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

NON_EVENT_MODALITIES = frozenset({"planned", "hoped", "negated", "question"})

_PLAN_HEADS = frozenset(
    {
        "plan", "prepare", "aim", "intend", "seek", "expect", "want", "try", "attempt", "vow", "pledge",
        "threaten", "objective", "target", "goal", "order", "ready", "poised", "set", "mean", "need",
        "move", "call", "urge", "push", "bid", "effort", "mission", "determine", "decide", "promise",
        "operation", "offensive", "campaign", "launch", "begin", "start", "continue", "resume", "head",
        "assault", "drive", "advance", "step", "tasked", "task", "ahead", "way", "prelude", "preparation", "before",
    }
)  # fmt: skip
_NOUN_ONLY_PLAN_HEADS = frozenset({"before", "ahead", "way", "prelude"})
_HOPE_HEADS = frozenset({"hope", "wish", "dream"})
_NEGATING_HEADS = frozenset({"deny", "fail", "refute", "reject", "dismiss", "unable", "deny", "prevent"})
_ACHIEVING_HEADS = frozenset({"manage", "succeed", "able"})
_SPEECH_HEADS = frozenset(
    {"say", "announce", "state", "tell", "report", "confirm", "declare", "add", "note", "affirm", "explain", "quote", "insist", "stress"}
)  # fmt: skip
_FUTURE_MARKS = frozenset({"once", "when", "until", "if", "unless", "before", "after", "as"})
_FUTURE_AUX = frozenset({"will", "shall", "would", "'ll", "wo"})
_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|apparently|unconfirmed|rumou?rs?|it is believed|were believed|is believed|"
    r"may have|might have|could have|there (?:were|are) (?:reports|stories|claims|indications)|"
    r"stories that|reports that|claims that|said to have|appeared to|seemed to|possibly|perhaps|unverified)\b",
    re.I,
)


def trigger_modality(trigger: Token, sentence: Span) -> str:
    if sentence.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return "question"
    if _is_negated(trigger):
        return "negated"
    governed = _governed_modality(trigger)
    if governed:
        return governed
    if _HEDGES.search(sentence.text):
        return "hedged"
    if any(node.lemma_ in _SPEECH_HEADS for node in trigger.ancestors) or "according to" in sentence.text.lower():
        return "reported_speech"
    return "asserted"


def _is_negated(trigger: Token) -> bool:
    nodes = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj"):
        node = trigger.head
        while node.pos_ == "ADP" and node.head.i != node.i:
            node = node.head  # "has not yet come under attack": the verb above the preposition
        nodes.append(node)
    for node in nodes:
        if any(child.dep_ == "neg" or child.lower_ in ("never", "no") and child.dep_ in ("neg", "det", "advmod") for child in node.children):
            return True
    for ancestor in trigger.ancestors:
        if ancestor.lemma_ in _NEGATING_HEADS:
            return True
    return False


def _governed_modality(trigger: Token) -> str | None:
    """Planned or hoped when a future auxiliary, an infinitive of purpose or a verb of intent governs the trigger."""
    if any(child.dep_ == "aux" and child.lower_ in _FUTURE_AUX for child in trigger.children):
        return "planned"
    for node in [trigger, *trigger.ancestors]:
        if node.tag_ in ("VBZ", "VBP") and any(c.dep_ == "mark" and c.lower_ in _FUTURE_MARKS for c in node.children):
            return "planned"  # "once the fighting starts"
    if _simple_present(trigger) and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return "planned"  # the simple present in a report's body tells a plan or a habit: "the first phase targets"
    node = trigger
    infinitive = any(child.dep_ == "aux" and child.tag_ == "TO" for child in trigger.children)
    for ancestor in trigger.ancestors:
        lemma = ancestor.lemma_.lower()
        if lemma in _ACHIEVING_HEADS:
            return None
        if lemma in _HOPE_HEADS:
            return "hoped"
        if lemma in _NOUN_ONLY_PLAN_HEADS and trigger.pos_ != "NOUN":
            pass  # "before pushing into Husaiba" tells a sequence; "before the final assault" a plan
        elif lemma in _PLAN_HEADS and (infinitive or node.dep_ in ("xcomp", "acl", "advcl", "pcomp", "pobj")):
            if lemma in ("launch", "begin", "start", "continue", "resume", "head", "advance", "move", "push") and not infinitive:
                return None
            return "planned"
        if any(child.dep_ == "aux" and child.lower_ in _FUTURE_AUX for child in ancestor.children) and node.dep_ in ("xcomp", "ccomp", "advcl"):
            return "planned"
        if ancestor.dep_ in ("ROOT",) or ancestor.lemma_ in _SPEECH_HEADS:
            break
        node = ancestor
    if infinitive and trigger.head.lemma_.lower() not in _ACHIEVING_HEADS:
        return "planned"
    for ancestor in trigger.ancestors:
        if ancestor.dep_ in ("advcl", "xcomp", "acl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in ancestor.children):
            if ancestor.head.lemma_.lower() not in _ACHIEVING_HEADS:
                return "planned"  # "sealed the border to stop militants fleeing"
        if ancestor.dep_ == "ROOT":
            break
    return None


def speaker_of(trigger: Token, sentence: Span) -> str | None:
    """Who says it: the subject of the verb of saying above the trigger, or "according to X"."""
    for ancestor in trigger.ancestors:
        if ancestor.lemma_ in _SPEECH_HEADS:
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                subject = subjects[0]
                return sentence.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(sentence.doc) and sentence.doc[token.i + 1].lower_ == "to":
            objects = [c for c in sentence.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return sentence.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1].text
    return None


_PAST_FORMS_TAGGED_AS_PRESENT = frozenset({"retook", "overran", "fled", "seized", "freed"})


def _simple_present(trigger: Token) -> bool:
    """"targets", "the cells attack": the simple present tells a habit or a plan, not a happening."""
    if trigger.tag_ == "VBZ":
        return True
    return trigger.tag_ == "VBP" and trigger.lower_ == trigger.lemma_.lower() and trigger.lower_ not in _PAST_FORMS_TAGGED_AS_PRESENT
