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
from frontlines.model import Claim

# the kinds of event a claim of responsibility is about
CLAIMED_TYPES = frozenset({"attack", "explosion", "airstrike", "casualties"})


@lru_cache(maxsize=1)
def _responsibility() -> re.Pattern[str]:
    phrases = sorted(grammar.words("responsibility_phrases"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.IGNORECASE)


def claimed_by(sentences: Iterable[str], actors: ActorFinder) -> str | None:
    """The armed group a sentence of the story holds responsible, if one does."""
    for text in sentences:
        if not _responsibility().search(text):
            continue
        for mention in actors.find(text):
            if actors.is_combatant(mention.name) and actors.side(mention.name) not in (None, "state"):
                return mention.name
    return None


def with_claimed_doer(claims: list[Claim], doer: str | None) -> list[Claim]:
    """The story's attacks and bombings that name no doer, given the one held responsible."""
    if doer is None:
        return claims
    return [replace(c, actor=doer) if c.actor is None and c.event_type in CLAIMED_TYPES else c for c in claims]
