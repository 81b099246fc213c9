"""Modality of a trigger: asserted, reported speech, hedged, planned, hoped, negated or a question.

Decided from the trigger's place in the dependency tree (its auxiliaries, negation and the verbs
that govern it) and from hedging cues in the sentence. Planned, hoped, negated and questioned
statements never become events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from frontlines.extract.grammar import phrase_pattern, words

NON_EVENT_MODALITIES = frozenset({"planned", "hoped", "negated", "question"})


def trigger_modality(trigger: Token, sentence: Span) -> str:
    if sentence.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return "question"
    if _is_negated(trigger):
        return "negated"
    governed = _governed_modality(trigger)
    if governed:
        return governed
    if phrase_pattern("hedges").search(sentence.text):
        return "hedged"
    if any(node.lemma_ in words("speech_heads") for node in trigger.ancestors) or "according to" in sentence.text.lower():
        return "reported_speech"
    return "asserted"


def _is_negated(trigger: Token) -> bool:
    nodes = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj"):
        node = trigger.head
        while node.pos_ == "ADP" and node.head.i != node.i:
            node = node.head  # "the depot did not come under fire": the verb above the preposition
        nodes.append(node)
    for node in nodes:
        if any(child.dep_ == "neg" or child.lower_ in ("never", "no") and child.dep_ in ("neg", "det", "advmod") for child in node.children):
            return True
    negating = words("negating_heads")
    for ancestor in trigger.ancestors:
        if ancestor.lemma_ in negating:
            return True
    return False


def _governed_modality(trigger: Token, *, tense: bool = True) -> str | None:
    """Planned or hoped when a future auxiliary, an infinitive of purpose or a verb of intent governs the
    trigger; with `tense`, also when it is in the simple present."""
    future_aux, achieving, speech = words("future_auxiliaries"), words("achieving_heads"), words("speech_heads")
    if any(child.dep_ == "aux" and child.lower_ in future_aux for child in trigger.children):
        return "planned"
    for node in [trigger, *trigger.ancestors]:
        if node.tag_ in ("VBZ", "VBP") and any(c.dep_ == "mark" and c.lower_ in words("future_marks") for c in node.children):
            return "planned"  # "once the assault begins"
    if tense and _simple_present(trigger) and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return "planned"  # the simple present in a report's body tells a plan or a habit: "the plan targets the port"
    node = trigger
    infinitive = any(child.dep_ == "aux" and child.tag_ == "TO" for child in trigger.children)
    for ancestor in trigger.ancestors:
        lemma = ancestor.lemma_.lower()
        if lemma in achieving:
            return None
        if lemma in words("hope_heads"):
            return "hoped"
        if lemma in words("plan_heads_of_nouns_only") and trigger.pos_ != "NOUN":
            pass  # "before moving on the port" tells a sequence; "before the last push" a plan
        elif lemma in words("plan_heads") and (infinitive or node.dep_ in ("xcomp", "acl", "advcl", "pcomp", "pobj")):
            if lemma in words("plan_heads_of_movement") and not infinitive:
                return None
            return "planned"
        if any(child.dep_ == "aux" and child.lower_ in future_aux for child in ancestor.children) and node.dep_ in ("xcomp", "ccomp", "advcl", "prep"):
            return "planned"
        if ancestor.dep_ in ("ROOT",) or ancestor.lemma_ in speech:
            break
        node = ancestor
    if infinitive and trigger.head.lemma_.lower() not in achieving:
        return "planned"
    for ancestor in trigger.ancestors:
        if ancestor.dep_ in ("advcl", "xcomp", "acl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in ancestor.children):
            if ancestor.head.lemma_.lower() not in achieving:
                return "planned"  # "closed the bridge to keep the rebels from crossing"
        if ancestor.dep_ == "ROOT":
            break
    return None


def speaker_of(trigger: Token, sentence: Span) -> str | None:
    """Who says it: the subject of the verb of saying above the trigger, or "according to X"."""
    for ancestor in trigger.ancestors:
        if ancestor.lemma_ in words("speech_heads"):
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


def only_simple_present(trigger: Token) -> bool:
    """Whether the simple present is all that makes the trigger a plan: no future, intent or purpose
    governs it ("forces raid the home of X", not "forces will raid" nor "plan to raid")."""
    if not _simple_present(trigger) or any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    return _governed_modality(trigger, tense=False) is None


def _simple_present(trigger: Token) -> bool:
    """"targets", "the cells attack": the simple present tells a habit or a plan, not a happening."""
    if trigger.tag_ == "VBZ":
        return True
    return trigger.tag_ == "VBP" and trigger.lower_ == trigger.lemma_.lower() and trigger.lower_ not in words("past_forms_tagged_as_present")
