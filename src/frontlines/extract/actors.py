"""Actor mentions in a sentence, normalised to canonical names through the alias table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontlines.extract.lexicon import ActorTable

ANTI_IS_SIDES = frozenset({"state", "state-aligned militia", "kurdish", "coalition"})
GENERIC_STATE = "state forces"  # "the army", "troops": whose depends on the country of the event


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    name: str


class ActorFinder:
    """Finds alias mentions, longest first; acronyms match their exact case only."""

    def __init__(self, table: ActorTable) -> None:
        self.table = table
        folded = sorted((a for a in table.aliases if a.lower() == a), key=len, reverse=True)
        exact = sorted((a for a in table.aliases if a.lower() != a), key=len, reverse=True)
        self._folded = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, folded)) + r")(?![\w-])", re.I)
        self._exact = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, exact)) + r")(?![\w-])")

    def find(self, text: str) -> list[ActorMention]:
        found: list[ActorMention] = []
        for match in self._exact.finditer(text):
            found.append(ActorMention(match.start(), match.end(), self.table.aliases[match.group(0)]))
        for match in self._folded.finditer(text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            found.append(ActorMention(match.start(), match.end(), self.table.aliases[match.group(0).lower()]))
        return sorted(found, key=lambda m: m.start)

    def resolve(self, name: str | None, country: str | None) -> str | None:
        """The canonical actor, with "the army" made the army of the country where it happened."""
        if name != GENERIC_STATE:
            return name
        for actor in self.table.actors.values():
            if actor.side == "state" and actor.country and actor.country == country:
                return actor.name
        return next((a.name for a in self.table.actors.values() if a.side == "state" and a.country), None)

    def same_camp(self, one: str | None, other: str | None) -> bool:
        """Whether two actors fight on the same side (the army and the PMF, the coalition and the army)."""
        camp = {"state": "government", "state-aligned militia": "government", "coalition": "government"}
        a, b = self.side(one), self.side(other)
        return a is not None and b is not None and camp.get(a, a) == camp.get(b, b)

    def side(self, name: str | None) -> str | None:
        actor = self.table.actors.get(name or "")
        return actor.side if actor else None

    def is_anti_is(self, name: str | None) -> bool:
        return self.side(name) in ANTI_IS_SIDES
