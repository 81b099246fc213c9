"""Who a story says did it, in a sentence of its own: "The Northern Front claimed responsibility",
"Police blamed the River Brigade", "the Hill Army is suspected". The group named there is the doer of
the story's attacks and bombings that name none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from frontlines.extract import grammar
from frontlines.extract.actors import ActorFinder
from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim

# the kinds of event a claim of responsibility is about (hijackings, kidnappings and arson are "other")
CLAIMED_TYPES = frozenset({"attack", "explosion", "airstrike", "casualties", "other"})


@lru_cache(maxsize=1)
def _responsibility() -> re.Pattern[str]:
    phrases = sorted(grammar.words("responsibility_phrases"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.IGNORECASE)


def claimed_by(sentences: Iterable[str], actors: ActorFinder) -> str | None:
    """The armed group a sentence of the story holds responsible, if one does."""
    for text in sentences:
        phrases = list(_responsibility().finditer(text))
        if not phrases:
            continue
        held = [m for m in actors.find(text) if actors.is_combatant(m.name) and actors.side(m.name) not in (None, "state")]
        named = [m for m in held if not actors.is_generic(m.name)] or held
        if named:
            # the group nearest the phrase: "the Hill Army splinter group Ridge Front claimed responsibility"
            return min(named, key=lambda m: min(abs(p.start() - m.end) if m.end <= p.start() else abs(m.start - p.end()) for p in phrases)).name
    return None


def with_claimed_doer(claims: list[Claim], doer: str | None, actors: ActorFinder) -> list[Claim]:
    """The story's attacks and bombings that name no doer, or only a generic one ("gunmen"), given the
    group held responsible."""
    if doer is not None:
        unnamed = actors.is_unnamed_armed
        claims = [
            replace(c, actor=doer, target_actor=None if c.target_actor == doer else c.target_actor)
            if (c.actor is None or unnamed(c.actor)) and c.event_type in CLAIMED_TYPES
            else c
            for c in claims
        ]
    return _one_attack_one_doer(claims, actors)


def with_unnamed_doer(claims: list[Claim], named: Iterable[str], actors: ActorFinder) -> list[Claim]:
    """"Six are killed in a shooting at a mosque. The three attackers are shot dead by police": a story
    that speaks of armed men no one has named, and names no armed group, puts its attacks and bombings
    that have no doer down to those men, wherever in the story they are named. `named`: the actors the
    story names (its `StoryContext.named_actors`)."""
    named = set(named)
    if not any(actors.is_unnamed_armed(name) for name in named):
        return claims
    if any(actors.is_combatant(name) and not actors.is_generic(name) and actors.side(name) not in (None, "state") for name in named):
        return claims  # a group is named: the sentence's or the claim of responsibility's doer, not a guess
    unnamed = actors.unidentified()
    # the story's own news only: a past bombing or a plot it recalls ("arrested over the 2004 bombings") is not theirs
    return [replace(c, actor=unnamed) if c.actor is None and c.event_type in _DONE_BY_ARMED_MEN and c.modality in EVENT_MODALITIES else c for c in claims]


_DONE_BY_ARMED_MEN = frozenset({"attack", "explosion"})


def _one_attack_one_doer(claims: list[Claim], actors: ActorFinder) -> list[Claim]:
    """One attack told twice at one place has one doer. Two words of one sentence for it ("a round of
    bombings near X" beside the air strike the sentence tells): the one with no doer takes the other's,
    when the sentence names one. Across sentences only the generic armed doer is carried ("ten guards
    were killed in an ambush in X. The attackers laid mines ..."): the next sentence's named subject
    is as often who speaks of the attack as who made it."""
    in_sentence: dict[tuple[str, int], set[str]] = {}
    in_story: dict[str, set[str]] = {}
    for claim in claims:
        if claim.actor is not None and claim.event_type in CLAIMED_TYPES and _where(claim):
            in_sentence.setdefault((_where(claim), claim.start), set()).add(claim.actor)
            in_story.setdefault(_where(claim), set()).add(claim.actor)

    def doer_of(claim: Claim) -> str | None:
        if claim.actor is not None or claim.event_type not in CLAIMED_TYPES or not _where(claim):
            return claim.actor
        told = in_sentence.get((_where(claim), claim.start), set())
        if len(told) == 1:
            return next(iter(told))
        story = in_story.get(_where(claim), set())
        return next(iter(story)) if len(story) == 1 and all(actors.is_unnamed_armed(n) for n in story) else None

    return [replace(c, actor=doer_of(c)) if c.actor is None else c for c in claims]


def _where(claim: Claim) -> str:
    """The place of a claim: the gazetteer's, else the words of a place it does not hold."""
    return claim.place.key if claim.place is not None else (claim.place_mention or "")
