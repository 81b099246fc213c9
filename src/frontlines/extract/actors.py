"""Actor mentions in a sentence, normalised to canonical names through the alias table.

Who fights whom, what "the army" means and which capital stands for which government come from the
theatre (one war as data, see `frontlines.theatres`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontlines.extract import grammar
from frontlines.extract.lexicon import ActorTable
from frontlines.theatres import Theatre, load_theatre


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    name: str


class ActorFinder:
    """Finds alias mentions, longest first; acronyms match their exact case only."""

    def __init__(self, table: ActorTable, theatre: Theatre | None = None) -> None:
        self.table = table
        self.theatre = theatre or load_theatre()
        folded = sorted((a for a in table.aliases if a.lower() == a), key=len, reverse=True)
        exact = sorted((a for a in table.aliases if a.lower() != a), key=len, reverse=True)
        self._folded = re.compile(_whole_words(folded), re.I)
        self._exact = re.compile(_whole_words(exact))
        # "wal-Muslimin" is "wal Muslimin", "Jama’at" is "Jama'at": one name however it is joined
        self._exact_names = {_joined(a): table.aliases[a] for a in reversed(exact)}
        self._folded_names = {_joined(a): table.aliases[a] for a in reversed(folded)}

    def find(self, text: str) -> list[ActorMention]:
        found: list[ActorMention] = []
        for match in self._exact.finditer(text):
            found.append(ActorMention(match.start(), match.end(), self._exact_names[_joined(match.group(0))]))
        for match in self._folded.finditer(text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            found.append(ActorMention(match.start(), match.end(), self._folded_names[_joined(match.group(0).lower())]))
        # "450 bomber drones", "attacker jets": a word for irregulars that names the weapon's kind is no doer
        found = [m for m in found if not (self.is_unnamed_armed(m.name) and _weapon_follows(text, m.end))]
        return sorted(found, key=lambda m: m.start)

    def is_generic(self, name: str | None) -> bool:
        """A word every war has ("troops", "gunmen"), not a group's name: a name beside it says more."""
        return name in self.table.generic

    def is_unnamed_armed(self, name: str | None) -> bool:
        """A generic word for irregulars ("gunmen", "a suicide bomber"): armed, but no one in particular."""
        return name is not None and self.is_generic(name) and not self.resolves_by_country(name) and self.is_combatant(name)

    def resolves_by_country(self, name: str | None) -> bool:
        """"The army", "troops": the state forces of a country, which the words or the place tell."""
        actor = self.table.actors.get(name or "")
        return actor is not None and actor.resolves_by_country

    def unidentified(self) -> str | None:
        """The generic actor for armed men no one has named ("gunmen", "attackers")."""
        return next((n for n in sorted(self.table.generic) if self.is_unnamed_armed(n) and n in self.table.actors), None)

    def state_side(self) -> str | None:
        """The side of the generic words for state forces ("the army", "troops")."""
        return next((a.side for a in self.table.actors.values() if a.resolves_by_country), None)

    def resolve(self, name: str | None, country: str | None) -> str | None:
        """The canonical actor, with "the army" made the army of the country where it happened."""
        actor = self.table.actors.get(name or "")
        if actor is None or not actor.resolves_by_country:
            return name
        return self.theatre.state_forces_of(country)

    def government_of(self, words: str) -> str | None:
        """The group a capital stands for when it acts: "<capital> launched an offensive"."""
        return self.theatre.capitals.get(words.strip())

    def same_camp(self, one: str | None, other: str | None) -> bool:
        """Whether two actors fight on the same side (the army and its militias, the coalition and the army)."""
        a, b = self.side(one), self.side(other)
        return a is not None and b is not None and self.theatre.camp_of(a) == self.theatre.camp_of(b)

    def side(self, name: str | None) -> str | None:
        actor = self.table.actors.get(name or "")
        return actor.side if actor else None

    def is_combatant(self, name: str | None) -> bool:
        """False for civilians; an actor the table does not know is taken for a combatant."""
        actor = self.table.actors.get(name or "")
        return actor.combatant if actor else True

    def may_do_events(self, name: str | None) -> bool:
        """Whether the actor can be an event's doer: every armed actor, and civilians who act with
        violence (rioters, settlers who attack a village); not residents who flee."""
        actor = self.table.actors.get(name or "")
        return actor is None or actor.combatant or actor.violent

    def opposes(self, name: str | None, other: str | None) -> bool:
        """An armed actor in another camp than `other`: "the army" opposes the group it fights."""
        side = self.side(name)
        if other is None or not self.theatre.is_armed_side(side):
            return False
        return self.theatre.camp_of(side) != self.theatre.camp_of(self.side(other))


def _weapon_follows(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in grammar.words("machines_of_a_kind")


_NEXT_WORD = re.compile(r"[\s-]+(\w+)")


def _whole_words(aliases: list[str]) -> str:
    """Any of the aliases as whole words, the longest that fits first; nothing at all when there are
    none (a war without acronyms). The aliases are folded into a trie of their characters, so that a
    table of a thousand groups' names costs one pass over the text, not one per name."""
    if not aliases:
        return r"(?!)"
    return r"(?<![\w-])" + _trie_pattern(aliases) + r"(?![\w-])"


_JOINS = re.compile(r"[\s\-‐‑–—]+")
_APOSTROPHES = re.compile(r"['’ʼ‘`]")
_CHAR_CLASS = {" ": r"[\s\-‐‑–—]+", "'": r"['’ʼ‘`]"}  # a space or hyphen, an apostrophe: however written


def _joined(name: str) -> str:
    """A name with its words joined by one space and one kind of apostrophe."""
    return _APOSTROPHES.sub("'", _JOINS.sub(" ", name))


def _trie_pattern(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in _joined(word):
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [_CHAR_CLASS.get(char, re.escape(char)) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer name is tried first

    return pattern(trie)
