"""Who did it, and to whom: the doer and the target of a trigger.

Read from the trigger's arguments in the dependency tree and the actors they name; where the
sentence names none, from the story so far and from the theatre (which group unclaimed bombs are
put down to, which group every other side fights, which capital stands for which government).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from frontlines.extract.actors import ActorFinder, ActorMention
from frontlines.extract.state_doers import forces_of, state_in
from frontlines.extract.story import StoryContext
from frontlines.extract.triggers import Trigger
from frontlines.model import Claim
from frontlines.theatres import Theatre


class DoerFinder:
    def __init__(self, actors: ActorFinder, theatre: Theatre) -> None:
        self.actors = actors
        self.theatre = theatre

    def doer_and_target(
        self, trigger: Trigger, event_type: str, sentence: Span, mentions: list[ActorMention], context: StoryContext
    ) -> tuple[str | None, str | None]:
        """(actor, target) of the event the trigger tells, as canonical names or None."""
        base = sentence.start_char
        subject_spans, object_spans = argument_spans(trigger.token)
        actor = mention_in(mentions, subject_spans, base) or self.actors.government_of(self.acting_capital(trigger.token) or "")
        if actor is None:
            country = state_in(sentence, subject_spans, trigger.token)  # "Freedonia shelled", "Sylvanian air strikes"
            actor = forces_of(country, self.theatre) if country else None
        target = mention_in(mentions, object_spans, base)
        if event_type == "casualties":
            return actor, target  # who killed is rarely said; the victims are the target
        enemy = self.theatre.common_enemy
        if actor is None and event_type == "explosion":
            # bombs and shells go off with no doer named: the theatre says whose they usually are
            # (when the story names that group), and the side they hit is one that fights it
            blamed = self.theatre.blame_unclaimed_explosions_on
            if blamed is None:
                # no usual author in this war: the armed actor the sentence names ("an attacker set off
                # a charge", "rocket fire by the rebels"), if any
                named = [m.name for m in mentions if m.name != target and self.actors.is_combatant(m.name)]
                return (named[0] if named else None), target
            if target is None:
                target = next((m.name for m in mentions if self.actors.opposes(m.name, blamed)), None)
            actor = blamed if blamed in context.named_actors and target != blamed else None
            return actor, target
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.token.children)
        if actor is None and passive and event_type in ("territory_taken", "battle") and context.last_actor_against_enemy:
            if all(m.name == enemy or not self.actors.is_combatant(m.name) for m in mentions):
                actor = context.last_actor_against_enemy  # "half of Townville was retaken": by the side advancing
        if actor is None:
            others = [m.name for m in mentions if m.name != target and self.actors.is_combatant(m.name)]
            if others:
                actor = others[0]
            elif event_type in ("territory_taken", "operation_start", "airstrike"):
                actor = context.last_actor_against_enemy
            else:
                actor = context.last_actor
        if target is None and actor is not None and event_type in ("territory_taken", "battle", "attack", "airstrike"):
            named = [m.name for m in mentions if self.actors.is_combatant(m.name) and not self.actors.same_camp(m.name, actor)]
            if named:
                target = named[0]  # the other side the sentence names
            elif enemy is not None and self.actors.opposes(actor, enemy) and enemy in context.named_actors:
                target = enemy  # the side the story is about fighting
        if target == actor:
            target = None
        return actor, target

    def acting_capital(self, trigger: Token) -> str | None:
        """"<capital> launched an offensive": a capital that does something to something stands for its
        government (the theatre's `capitals`), and is no place of the event; one that falls is a place."""
        if not any(c.dep_ == "dobj" for c in trigger.children):
            return None
        for child in trigger.children:
            if child.dep_ == "nsubj":
                words = trigger.doc[child.left_edge.i : child.right_edge.i + 1].text
                return words if self.actors.government_of(words) else None
        return None

    def remember(self, context: StoryContext, claims: list[Claim]) -> None:
        """The story's last doers: a capture told later with no doer is by the side last seen fighting the enemy."""
        for claim in claims:
            if claim.actor and claim.actor != self.theatre.common_enemy and self.actors.is_combatant(claim.actor):
                context.last_actor_against_enemy = claim.actor


def argument_spans(token: Token) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the trigger's doer and of whom it was done to."""
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
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr") and token.head.i != token.i:
        children += [c for c in token.head.children if c.dep_ == "nsubj"]  # "jets conducted raids": the jets did
    for child in children:
        span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
        if child.dep_ == "nsubj":
            subjects.append(span)
        elif child.dep_ == "agent":
            subjects.append(span)
        elif child.dep_ in ("dobj", "nsubjpass"):
            objects.append(span)
        elif child.dep_ == "prep" and child.lower_ in ("from", "against", "on", "at", "of"):
            objects.append(span)
        elif child.dep_ == "prep" and child.lower_ == "by":
            subjects.append(span)
        elif child.dep_ in ("compound", "poss", "amod") and token.pos_ == "NOUN":
            subjects.append(span)
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                subjects.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
    return subjects, objects


def mention_in(mentions: list[ActorMention], spans: list[tuple[int, int]], base: int) -> str | None:
    """The first actor named inside one of the spans (sentence offsets `base` apart from the mentions')."""
    for start, end in spans:
        for mention in mentions:
            if start <= base + mention.start and base + mention.end <= end:
                return mention.name
    return None
