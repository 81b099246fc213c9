"""Knowledge as data: the trigger and actor tables, read from YAML files a user can extend."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from frontlines.errors import FrontlinesError
from frontlines.theatres import FALLBACK_THEATRE, ArmedGroup, Theatre, load_theatre


@dataclass(frozen=True)
class TriggerTable:
    """Words that announce each event type."""

    verbs: dict[str, str]  # lemma -> event type
    nouns: dict[str, str]  # lemma -> event type
    phrases: dict[tuple[str, ...], str]  # lower-case token sequence -> event type
    operation_nouns: frozenset[str]
    needs_place_object: frozenset[str]
    adjectives: dict[str, str] = field(default_factory=dict)  # "free" (of), "liberated" -> event type
    particle_types: dict[tuple[str, str], str] = field(default_factory=dict)  # ("pull", "back") -> withdrawal
    particle_only: frozenset[str] = frozenset()  # verbs that count only with a particle ("pull")
    phrases_by_first_word: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # longest first


@dataclass(frozen=True)
class Actor:
    name: str
    side: str
    country: str | None
    resolves_by_country: bool = False  # "the army": the state forces of the event's country
    combatant: bool = True  # civilians are no side of the fighting
    violent: bool = False  # civilians who may do an event themselves: rioters, settlers who attack


@dataclass(frozen=True)
class ActorTable:
    actors: dict[str, Actor]  # canonical name -> actor
    aliases: dict[str, str]  # alias (as written; lower-cased unless an acronym) -> canonical name
    generic: frozenset[str] = frozenset()  # the words every war has ("troops", "gunmen"), not a war's own groups


def data_file(name: str) -> Path:
    """A bundled lexicon file."""
    return Path(str(resources.files("frontlines") / "data" / "lexicon" / name))


def read_yaml(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            loaded = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise FrontlinesError(f"cannot read the lexicon file {path}: {exc}", hint="check its YAML syntax") from exc
    if not isinstance(loaded, dict):
        raise FrontlinesError(f"the lexicon file {path} is not a mapping", hint="see the bundled file for its shape")
    return loaded


def _merged(paths: tuple[Path, ...], bundled: str, *, under_users: dict | None = None) -> dict:
    """The bundled table with the user's files laid over it: lists are extended, values replaced.

    `under_users` is laid over the bundled table before the user's files (a theatre's groups)."""
    merged: dict = read_yaml(data_file(bundled))
    layers = [under_users or {}] + [read_yaml(path) for path in paths]
    for layer in layers:
        for name, entry in layer.items():
            base = merged.setdefault(name, {})
            for key, value in (entry or {}).items():
                if isinstance(value, list):
                    base[key] = list(base.get(key, [])) + value
                elif isinstance(value, dict):
                    base[key] = {**base.get(key, {}), **value}
                else:
                    base[key] = value
    return merged


def user_lexicon_files(variable: str) -> tuple[Path, ...]:
    """Extra lexicon files named in an environment variable (paths separated by the OS path separator)."""
    value = os.environ.get(variable, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


def load_triggers(*extra: Path) -> TriggerTable:
    """The bundled trigger table, extended by the user's files (and FRONTLINES_TRIGGERS)."""
    data = _merged((*user_lexicon_files("FRONTLINES_TRIGGERS"), *extra), "triggers.yaml")
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    operation_nouns: set[str] = set()
    needs_place: set[str] = set()
    adjectives: dict[str, str] = {}
    particle_types: dict[tuple[str, str], str] = {}
    particle_only: set[str] = set()
    for event_type, entry in data.items():
        for lemma in entry.get("verbs", []):
            verbs.setdefault(lemma.lower(), event_type)
        for lemma in entry.get("nouns", []):
            nouns.setdefault(lemma.lower(), event_type)
        for phrase in entry.get("phrases", []):
            phrases.setdefault(tuple(phrase.lower().split()), event_type)
        operation_nouns.update(n.lower() for n in entry.get("operation_nouns", []))
        needs_place.update(n.lower() for n in entry.get("needs_place_object", []))
        for lemma in entry.get("adjectives", []):
            adjectives.setdefault(lemma.lower(), event_type)
        for verb, words in (entry.get("particles") or {}).items():
            for word in words:
                particle_types[(verb, word)] = event_type
            if verb in entry.get("verbs", []):
                particle_only.add(verb)
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        by_first_word.setdefault(phrase[0], []).append(phrase)
    return TriggerTable(
        verbs, nouns, phrases, frozenset(operation_nouns), frozenset(needs_place), adjectives, particle_types,
        frozenset(particle_only), {word: tuple(found) for word, found in by_first_word.items()},
    )  # fmt: skip


def load_actors(*extra: Path, theatre: Theatre | None = None) -> ActorTable:
    """The generic actors, the theatre's armed groups over them (the bundled theatre by default),
    and the user's files (and FRONTLINES_ACTORS) over both."""
    theatre = theatre or load_theatre()
    theatre_entries = _entries(theatre.groups.values())
    # the groups any war may name (the fallback theatre's), under a war's own: a report of one war
    # that names a group known from another still knows it
    anywhere = {} if theatre.anywhere else _entries(g for g in load_theatre(FALLBACK_THEATRE).groups.values() if g.name not in theatre_entries)
    data = _merged((*user_lexicon_files("FRONTLINES_ACTORS"), *extra), "actors.yaml", under_users={**anywhere, **theatre_entries})
    actors: dict[str, Actor] = {}
    aliases: dict[str, str] = {}
    # a war's own groups (and the user's) take a word before the groups of any war, and those before
    # the generic actors: "militants" are the group a theatre says they are, an unidentified armed
    # group where no theatre says whom
    generic = set(read_yaml(data_file("actors.yaml"))) - set(theatre_entries) - set(anywhere)
    for name, entry in sorted(data.items(), key=lambda item: 2 if item[0] in generic else 1 if item[0] in anywhere else 0):
        actors[name] = Actor(
            name=name, side=entry.get("side", "unknown"), country=entry.get("country"),
            resolves_by_country=bool(entry.get("resolves_by_country")), combatant=entry.get("combatant", True) is not False,
            violent=bool(entry.get("violent")),
        )  # fmt: skip
        for alias in [name, *entry.get("aliases", [])]:
            aliases.setdefault(alias if _is_acronym(alias) else alias.lower(), name)
    return ActorTable(actors, aliases, frozenset(generic))


def _entries(groups: Iterable[ArmedGroup]) -> dict[str, dict]:
    return {g.name: {"side": g.side, "country": g.country, "aliases": list(g.aliases)} for g in groups}


def _is_acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 6
