"""How frontlines' events become ACLED's: the mapping read from data/exports/acled.yaml.

Event types, actor types (ACLED's inter codes), date and place precision and country codes are
data; this module reads them, checks every rule against ACLED's vocabulary, and answers the
questions the export asks: which ACLED event and sub-event type an event is, and what type of
actor a name is in the theatre (data/theatres/).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from frontlines.errors import FrontlinesError
from frontlines.model import EVENT_TYPES, Event
from frontlines.theatres import Theatre

CONDITIONS = ("actor", "target", "words", "controller_after")


@dataclass(frozen=True)
class AcledRule:
    """One line of the mapping: when its conditions hold, an event is this ACLED type."""

    event_type: str
    sub_event_type: str
    actor: str | None = None  # "government" | "non_state"
    target: tuple[int, ...] = ()  # inter codes the target must have
    words: re.Pattern[str] | None = None  # a source quote must say one of these
    controller_after: bool | None = None


@dataclass(frozen=True)
class AcledCountry:
    name: str
    iso: int | None
    alpha3: str
    region: str


@dataclass(frozen=True)
class AcledMapping:
    vocabulary: Mapping[str, tuple[str, ...]]
    disorder_types: Mapping[str, str]
    rules: Mapping[str, tuple[AcledRule, ...]]
    inter_codes: Mapping[int, str]
    by_actor: Mapping[str, int]
    by_side: Mapping[str, int]
    other_named: int
    unnamed_name: str
    unnamed_inter: int
    state_side: str
    time_precision: Mapping[str, int]
    geo_precision: Mapping[str, int]
    countries: Mapping[str, AcledCountry]

    def inter_of(self, actor: str | None, theatre: Theatre) -> int | None:
        """ACLED's type of actor for a name: by name, else by its side in the theatre."""
        if not actor:
            return None
        if actor in self.by_actor:
            return self.by_actor[actor]
        group = theatre.groups.get(actor)
        if group is not None and group.side in self.by_side:
            return self.by_side[group.side]
        return self.other_named

    def is_government(self, actor: str | None, theatre: Theatre) -> bool:
        """A state force, or a group fighting in the camp of the theatre's state side (an affiliate)."""
        if not actor:
            return False
        if self.inter_of(actor, theatre) == 1:
            return True
        group = theatre.groups.get(actor)
        return group is not None and theatre.is_armed_side(group.side) and theatre.camp_of(group.side) == theatre.camp_of(self.state_side)

    def classify(self, event: Event, theatre: Theatre) -> AcledRule:
        """The first rule for the event's type whose conditions hold."""
        for rule in self.rules.get(event.event_type, ()):
            if self._holds(rule, event, theatre):
                return rule
        raise FrontlinesError(
            f"no ACLED rule for the event type {event.event_type!r} fits event {event.id}",
            hint="end each event type's list in data/exports/acled.yaml with a rule that has no `if`",
        )

    def _holds(self, rule: AcledRule, event: Event, theatre: Theatre) -> bool:
        if rule.actor is not None and self.is_government(event.actor, theatre) != (rule.actor == "government"):
            return False
        if rule.target and self.inter_of(event.target_actor, theatre) not in rule.target:
            return False
        if rule.controller_after is not None and bool(event.controller_after) != rule.controller_after:
            return False
        return rule.words is None or any(rule.words.search(s.quote) for s in event.sources)


def bundled_mapping_path() -> Path:
    return Path(str(resources.files("frontlines") / "data" / "exports" / "acled.yaml"))


def load_acled_mapping(path: str | Path | None = None) -> AcledMapping:
    """The mapping from a YAML file; the bundled data/exports/acled.yaml by default."""
    source = Path(path) if path else bundled_mapping_path()
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FrontlinesError(f"cannot read the ACLED mapping {source}: {exc}", hint="check the path and its YAML syntax") from exc
    if not isinstance(data, dict):
        raise FrontlinesError(f"the ACLED mapping {source} is not a mapping", hint="see the bundled data/exports/acled.yaml")
    return _mapping(source, data)


def _mapping(source: Path, data: dict[str, Any]) -> AcledMapping:
    vocabulary = {str(k): tuple(str(s) for s in v) for k, v in (data.get("vocabulary") or {}).items()}
    rules: dict[str, tuple[AcledRule, ...]] = {}
    for event_type in EVENT_TYPES:
        entries = (data.get("event_types") or {}).get(event_type)
        if not entries:
            raise FrontlinesError(f"{source}: no ACLED rules for the event type {event_type!r}", hint="add a list of rules under event_types")
        rules[event_type] = tuple(_rule(source, event_type, entry, vocabulary) for entry in entries)
    actors = data.get("actor_types") or {}
    unnamed = actors.get("unnamed") or {}
    return AcledMapping(
        vocabulary=vocabulary,
        disorder_types={str(k): str(v) for k, v in (data.get("disorder_types") or {}).items()},
        rules=rules,
        inter_codes={int(k): str(v) for k, v in (data.get("inter_codes") or {}).items()},
        by_actor={str(k): int(v) for k, v in (actors.get("by_actor") or {}).items()},
        by_side={str(k): int(v) for k, v in (actors.get("by_side") or {}).items()},
        other_named=int(actors.get("other_named", 3)),
        unnamed_name=str(unnamed.get("name", "Unidentified Armed Group ({country})")),
        unnamed_inter=int(unnamed.get("inter", 3)),
        state_side=str(actors.get("state_side", "state")),
        time_precision={str(k): int(v) for k, v in (data.get("time_precision") or {}).items()},
        geo_precision={str(k): int(v) for k, v in (data.get("geo_precision") or {}).items()},
        countries={
            str(code): AcledCountry(str(c["name"]), int(c["iso"]) if c.get("iso") else None, str(c.get("alpha3", code)), str(c.get("region", "")))
            for code, c in (data.get("countries") or {}).items()
        },
    )  # fmt: skip


def _rule(source: Path, event_type: str, entry: object, vocabulary: Mapping[str, tuple[str, ...]]) -> AcledRule:
    if not isinstance(entry, dict) or not isinstance(entry.get("then"), list) or len(entry["then"]) != 2:
        raise FrontlinesError(f"{source}: a rule for {event_type!r} is not {{if: ..., then: [event type, sub-event type]}}: {entry!r}",
                              hint="write e.g. `- {then: [Battles, Armed clash]}`")  # fmt: skip
    acled_type, sub_type = (str(v) for v in entry["then"])
    if sub_type not in vocabulary.get(acled_type, ()):
        raise FrontlinesError(f"{source}: {acled_type!r} / {sub_type!r} (for {event_type!r}) is not in ACLED's vocabulary",
                              hint="use an event type and one of its sub-event types listed under `vocabulary`")  # fmt: skip
    when = entry.get("if") or {}
    unknown = set(when) - set(CONDITIONS)
    if unknown or when.get("actor") not in (None, "government", "non_state"):
        raise FrontlinesError(f"{source}: a rule for {event_type!r} has an unknown condition: {when!r}",
                              hint=f"conditions are {', '.join(CONDITIONS)}; actor is government or non_state")  # fmt: skip
    words = when.get("words")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\b", re.IGNORECASE) if words else None
    controller = when.get("controller_after")
    return AcledRule(
        acled_type, sub_type, actor=when.get("actor"), target=tuple(int(t) for t in when.get("target") or ()),
        words=pattern, controller_after=None if controller is None else bool(controller),
    )  # fmt: skip
