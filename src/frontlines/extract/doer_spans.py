"""Where a sentence writes who did it and to whom: character spans read off its dependency parse.

The subject and object of a trigger word ("jets struck the depot"), the agent of a passive ("shelled
by the Hill Army"), whom the verbs of harm were done to ("bombs killed ten soldiers"), who only speaks
("Freedonia's army reports that ..."), who is held for the event ("arrested for the bombing"), and the
bystanders named only to say where. `doers.py` chooses among the actors these spans hold.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.extract import grammar

PRONOUNS = frozenset({"it", "they", "we"})  # subjects that point back to a speaker or a doer named before


def argument_spans(token: Token) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the trigger's doer and of whom it was done to."""
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        token = token.head  # "launched 400 bomber drones": the drones were launched
    node = token
    while node.dep_ in ("conj", "xcomp", "advcl") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        node = node.head
    subjects: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
    if token.dep_ in ("relcl", "acl") and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in token.children):
        noun = token.head  # "residents who reached the camp": the residents did
        subjects.append((noun.left_edge.idx, token.idx))
    children = list(node.children) + ([c for c in token.children] if node.i != token.i else [])
    children += [g for c in children if c.dep_ in ("acomp", "oprd") for g in c.children]  # "free of the militants"
    told = _counted_noun(token)  # "carried out a series of raids": the series is what was carried out
    while told.dep_ == "conj" and told.head.pos_ in ("NOUN", "PROPN") and told.head.i != told.i:
        told = told.head  # "launched drones and missiles": the missiles were launched too
    if token.pos_ == "NOUN" and told.dep_ in ("dobj", "attr") and told.head.i != told.i and not speaks_of(told.head):
        subject = [c for c in told.head.children if c.dep_ == "nsubj"]
        if told.head.lemma_.lower() in grammar.words("suffering_verbs"):
            # "a militant survives a drone strike": the militant was its target
            objects += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in subject]
        else:
            children += subject  # "jets conducted raids": the jets did, "the embassy reports blasts" not
    for child in children:
        span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
        if child.dep_ == "nsubj":
            subjects.append(span)
        elif child.dep_ == "agent":
            subjects.append(span)
        elif child.dep_ in ("dobj", "nsubjpass"):
            objects.append(span)
        elif child.dep_ == "prep" and child.lower_ in ("from", "against", "on", "at", "of"):
            by = _agent_inside(child) if token.pos_ == "NOUN" else None
            if by is not None:  # "an ambush on a convoy by armed men": the men ambushed, the convoy was hit
                subjects.append((by.left_edge.idx, by.right_edge.idx + len(by.right_edge)))
                span = (span[0], by.idx)
            objects.append(span)
        elif child.dep_ == "prep" and child.lower_ == "by":
            subjects.append(span)
        elif child.dep_ == "prep" and child.lower_ == "between" and token.pos_ == "NOUN":
            # "clashes between protesters and police": of two sides clashing, the first named is the doer
            first = next((c for c in child.children if c.dep_ == "pobj"), None)
            if first is not None:
                second = [c for c in first.children if c.dep_ == "conj"]
                end = second[0].left_edge if second else None
                cut = min([c.idx for c in first.children if c.dep_ == "cc"] + ([end.idx] if end is not None else []), default=None)
                subjects.append((first.left_edge.idx, cut if cut is not None else first.right_edge.idx + len(first.right_edge)))
                objects += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in second]
        elif child.dep_ in ("compound", "poss", "amod") and token.pos_ == "NOUN":
            subjects.append(span)
    if token.pos_ in ("VERB", "AUX") and not any(c.dep_ == "agent" for c in token.children) and any(c.dep_ == "nsubjpass" for c in token.children):
        # "a man is killed and others are injured by settlers": the agent of the passive verb joined to it
        for verb in (c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            subjects += [(a.left_edge.idx, a.right_edge.idx + len(a.right_edge)) for a in verb.children if a.dep_ == "agent"]
    if token.pos_ == "NOUN":
        # "rockets fired by the Hill Army", "a bomb planted by militants": the agent of what was done with it
        for verb in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _firing_lemmas()):
            subjects += [(a.left_edge.idx, a.right_edge.idx + len(a.right_edge)) for a in verb.children if a.dep_ == "agent"]
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                subjects.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
    return subjects, objects


def _agent_inside(preposition: Token) -> Token | None:
    """The "by" that hangs on the noun a preposition governs: "on a convoy by gunmen"."""
    for noun in preposition.children:
        if noun.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN"):
            return next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return None


def victim_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans (document offsets) of whom the sentence's verbs of harm were done to: "bombs
    killed ten soldiers", "a blast targeting the police", "two fighters were wounded". Who is hurt
    or aimed at is no doer, though the sentence names no other."""
    harm = grammar.words("victim_verbs")
    fates = grammar.words("killed_forms") | grammar.words("wounding_words")
    spans: list[tuple[int, int]] = []
    aimed = grammar.words("event_nouns")
    for token in sentence:
        if token.pos_ == "NOUN" and token.lemma_.lower() in aimed:
            # "a third attack on the security service's office": what an attack is on was hit, not the doer
            spans += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
            continue
        if token.lemma_.lower() in grammar.words("harm_complement_verbs"):
            after = sentence.doc[token.i : min(token.right_edge.i + 2, sentence.end)]  # the fate may hang elsewhere
            if not any(t.lower_ in fates for t in after):
                continue  # "left the town" harms no one; "left six guards wounded" does
        elif token.lemma_.lower() not in harm and token.lower_ not in harm:
            continue
        companions = grammar.words("victim_companions")
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "prep" and child.lower_ in companions):
                spans.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
        children = {c.dep_ for c in token.children}
        if token.dep_ in ("acl", "amod") and token.tag_ == "VBN" and children & {"prep", "agent"} and not children & {"aux", "nsubj", "dobj"}:
            head = token.head  # "ten soldiers killed in the blast"
            spans.append((head.left_edge.idx, token.idx))
    return spans


def doing_subject_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans (document offsets) of who does the sentence's acts of armed force: the active
    subjects of its verbs of doing ("Freedonia launches missiles", "the Hill Army fired on the post")."""
    doing = grammar.words("armed_doing_verbs")
    return [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for t in sentence
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in doing
        for c in t.children
        if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS
    ]


def speaks_of(token: Token) -> bool:
    """A verb whose subject says, urges or condemns something ("reports", "urges"), or holds people to
    account for it ("arrests", "charges", "thwarts"): a speaker or a judge, never the doer."""
    return token.lemma_.lower() in _speaking_lemmas()


def says_or_claims(token: Token) -> bool:
    """A verb of saying or of claiming: the clause under it is what the sentence tells."""
    return token.lemma_.lower() in _saying_or_claiming_lemmas()


@lru_cache(maxsize=1)
def _firing_lemmas() -> frozenset[str]:
    """What is done with a weapon by someone: "rockets fired by", "a bomb planted by" (not "areas held by")."""
    return grammar.words("armed_doing_verbs") | grammar.words("explosive_placed_forms") | {"plant", "lay", "drop", "place"}


@lru_cache(maxsize=1)
def _speaking_lemmas() -> frozenset[str]:
    return grammar.words("speech_heads") | grammar.words("speaking_heads") | grammar.words("holding_heads")  # joined once: asked of every token


@lru_cache(maxsize=1)
def _saying_or_claiming_lemmas() -> frozenset[str]:
    return grammar.words("speech_heads") | grammar.words("claiming_heads")


def speaker_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans (document offsets) of who says something in the sentence: the subjects of its
    verbs of saying, urging and condemning."""
    return [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for t in sentence
        if speaks_of(t)
        for c in t.children
        if c.dep_ == "nsubj"
    ]


def holder_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans (document offsets) of who holds people to account for an event or stops it: the
    subjects of its verbs of arrest, charge and thwarting ("Sylvanian police arrest a man convicted of
    a bombing"): never its doer, even where the sentence names no other side."""
    holding = grammar.words("holding_heads")
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for t in sentence if t.lemma_.lower() in holding for c in t.children if c.dep_ == "nsubj"]


def source_spans(token: Token) -> list[tuple[int, int]]:
    """Where fire came from: "shelling from Freedonian forces", "rockets from the Hill Army"."""
    origins = grammar.words("origin_prepositions")
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in token.children if c.dep_ == "prep" and c.lower_ in origins]


def bystander_spans(sentence: Span) -> list[tuple[int, int]]:
    """Actors named only to say where ("clashes outside a Freedonian police post", "near the Hill
    Army's lines") or who tells of it (a report "according to Sylvanian officials"): not the doer a
    sentence leaves unnamed."""
    where = grammar.words("bystander_prepositions")
    spans = [(t.idx, t.right_edge.idx + len(t.right_edge)) for t in sentence if t.dep_ == "prep" and t.lower_ in where]
    # "according to police": a source, not a doer
    sources = grammar.words("source_prepositions")
    spans += [(t.idx, t.right_edge.idx + len(t.right_edge)) for t in sentence if f"{t.head.lower_} {t.lower_}" in sources]
    return spans


def accused_spans(token: Token) -> list[tuple[int, int]]:
    """Who is held for the event: "X was arrested for plotting to attack", "police charged X with the
    bombing". Climbs from the event through the clauses and phrases that hang it on a verb of arrest
    or charge, and gives that verb's person."""
    node = token
    for _ in range(6):
        if node.lemma_.lower() in grammar.words("accusing_verbs"):
            held = [c for c in node.children if c.dep_ in ("nsubjpass", "dobj") and not (c.left_edge.i <= token.i <= c.right_edge.i)]
            if not held and node.dep_ == "acl" and node.head.i != node.i:
                person = node.head  # "Gurmeet Singh, convicted of a bombing", "gunmen suspected in the massacre"
                return [(person.left_edge.idx, person.idx + len(person))]
            return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in held]
        if node.head.i == node.i or node.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "advcl", "acl", "dobj", "compound"):
            return []
        node = node.head
    return []



def _counted_noun(token: Token) -> Token:
    """The noun a trigger noun is counted or gathered by: "a series of raids", "dozens of strikes"."""
    node = token
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "NUM") and node.head.head.i != node.head.i:
        node = node.head.head
    return node


def agent_spans(sentence: Span) -> list[tuple[int, int]]:
    """Who something was done by: "an attack by the Hill Army", "shelled by Sylvanian artillery"."""
    return [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for t in sentence
        if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by")
    ]
