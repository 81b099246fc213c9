"""Events -> control: for each place, who held it from when to when, and while it was contested.

A place's timeline starts from what an analyst knows (the baseline) and from captures the reports
tell (even "the group seized it in 2014"); then, in date order:

- a capture gives the place to the side that took it (a Hashd capture holds it for the Iraqi
  government, see data/control.yaml); a disputed capture counts only when one side has
  `dispute_ratio` times the other's independent support, otherwise the place is contested;
- fighting inside the place (a battle, a partial capture "most of the town") by anyone but its
  holder makes it contested until a capture settles it or the fighting stops for `contest_days`;
  fighting that only approaches it (troops that surround it, reach its outskirts, clash near it)
  does not;
- a capture "from" a side, told by `dispute_ratio` times more outlets than the capture that had
  the place change hands before it, overrules that thin capture (the loser held it till then);
- a capture of a province ("Nineveh is free of IS") takes the places in it that its loser held;
- a capture ends the same side's fight for places a few km away (al-Qaim freed ends the fight
  for Husaybah);
- an event an analyst rejected counts for nothing; one confirmed settles its dispute.

Everything here is pure: `frontlines.store.control_store` loads and saves, `frontlines.control_api`
is the library API.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.fuse import DENIED
from frontlines.fusion_rules import read_rules_yaml
from frontlines.theatres import Theatre, all_theatres, holds_for_in_every_war

CONTESTED = "contested"


@dataclass(frozen=True)
class ControlRules:
    """How events become control; read from data/control.yaml (see the comments there)."""

    holds_for: Mapping[str, str]
    approach_triggers: frozenset[str]
    near_words: frozenset[str]
    inside_words: frozenset[str]
    also_inside_words: frozenset[str]
    near_window: int
    contest_days: int
    neighbour_km: float
    dispute_ratio: float

    @classmethod
    def load(cls, path: str | Path | None = None) -> ControlRules:
        """data/control.yaml (or the file given), over what the theatres say about who holds for whom."""
        if path is None:
            return _bundled_rules()
        return cls.from_mapping(read_rules_yaml(Path(path))).with_theatres()

    def with_theatres(self, theatres: Sequence[Theatre] | None = None) -> ControlRules:
        """These rules with the theatres' groups that hold for a state's forces (see
        `frontlines.theatres.holds_for`) under the rules' own `holds_for`."""
        derived = holds_for_in_every_war(list(all_theatres() if theatres is None else theatres))
        return replace(self, holds_for={**derived, **self.holds_for})

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ControlRules:
        def words(name: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in list(data.get(name) or []))  # type: ignore[call-overload]

        return cls(
            holds_for={str(k): str(v) for k, v in dict(data.get("holds_for") or {}).items()},  # type: ignore[call-overload]
            approach_triggers=words("approach_triggers"),
            near_words=words("near_words"),
            inside_words=words("inside_words"),
            also_inside_words=words("also_inside_words"),
            near_window=int(data.get("near_window", 3)),  # type: ignore[call-overload]
            contest_days=int(data.get("contest_days", 30)),  # type: ignore[call-overload]
            neighbour_km=float(data.get("neighbour_km", 5)),  # type: ignore[arg-type]
            dispute_ratio=float(data.get("dispute_ratio", 2.0)),  # type: ignore[arg-type]
        )

    def holder(self, actor: str | None) -> str | None:
        return self.holds_for.get(actor, actor) if actor else None

    def approaches(self, trigger: str, quote: str, mention: str | None) -> bool:
        """Whether a claim of fighting only approaches its place ("surrounded Rawa", "near Akkas"):
        an approach trigger, or near words just before the name, and nothing there putting it inside."""
        before: set[str] = set()
        at = quote.find(mention) if mention else -1
        if at >= 0:
            before = set(re.findall(r"[\w-]+", quote[:at].lower())[-self.near_window :])
        if before & self.inside_words:
            return False
        if trigger.lower().split(" ")[0] in self.approach_triggers:
            return True
        return bool(before & self.near_words) and not before & self.also_inside_words


@lru_cache(maxsize=1)
def _bundled_rules() -> ControlRules:
    return ControlRules.from_mapping(read_rules_yaml(Path(str(resources.files("frontlines") / "data" / "control.yaml")))).with_theatres()


@dataclass(frozen=True)
class BaselineEntry:
    """Control an analyst knows: `holder` (an actor, or "contested") held the place from `since`."""

    place_key: str
    holder: str
    since: date
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class ControlEvent:
    """An event as control reads it."""

    event_id: int
    event_type: str  # territory_taken | battle
    date: date
    place_key: str
    actor: str | None
    target_actor: str | None
    controller_after: str | None
    confidence: float
    disputed: bool = False
    sides: tuple[tuple[str, int], ...] = ()  # (side, support), leading side first
    verdict: str | None = None
    approach: bool = False  # fighting that only approaches the place


def support(ev: ControlEvent) -> int:
    """Independent outlets behind an event's account (1 when unknown)."""
    return max(1, ev.sides[0][1]) if ev.sides else 1


@dataclass(frozen=True)
class ControlSpan:
    place_key: str
    holder: str | None  # None while contested (or unknown)
    start: date
    end: date | None  # exclusive; None: still holds
    confidence: float
    basis: str  # baseline | event | dispute | area | neighbour | fighting | lapsed
    event_ids: tuple[int, ...] = ()
    contested: bool = False
    contestants: tuple[str, ...] = ()

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def label(self) -> str:
        return CONTESTED if self.contested else (self.holder or "unknown")


@dataclass
class _State:
    holder: str | None = None
    contested: bool = False
    contestants: set[str] = field(default_factory=set)
    prior: str | None = None
    start: date | None = None
    confidence: float = 0.0
    basis: str = ""
    events: list[int] = field(default_factory=list)
    last_fight: date | None = None
    support: int = 0  # independent outlets behind the capture that opened this span


class _Timeline:
    def __init__(self, place_key: str, rules: ControlRules) -> None:
        self.place_key = place_key
        self.rules = rules
        self.state = _State()
        self.spans: list[ControlSpan] = []

    def close(self, end: date | None) -> None:
        s = self.state
        if s.start is None or (end is not None and end <= s.start):
            return
        self.spans.append(ControlSpan(
            self.place_key, None if s.contested else s.holder, s.start, end, round(s.confidence, 3), s.basis,
            tuple(dict.fromkeys(s.events)), s.contested, tuple(sorted(s.contestants)),
        ))  # fmt: skip

    def open(self, day: date, *, holder: str | None, contested: bool, confidence: float, basis: str, events: Sequence[int], contestants: Iterable[str] = (), prior: str | None = None) -> None:
        s = self.state
        if s.start is not None and day <= s.start:
            events = [*s.events, *events]  # a change on the day the last one began replaces it
        else:
            self.close(day)
        last = self.spans[-1] if self.spans else None
        if last is not None and last.end == day and not contested and not last.contested and last.holder == holder:
            self.spans.pop()  # back to the side that held it just before: one span, not two
            day, events, confidence = last.start, [*last.event_ids, *events], max(confidence, last.confidence)
            basis = last.basis
        self.state = _State(holder, contested, set(contestants), prior, day, confidence, basis, list(events), day if contested else None)

    def lapse(self, until: date | None) -> None:
        """Fighting that stopped `contest_days` ago leaves the place to the side that held it."""
        s = self.state
        if not s.contested or s.last_fight is None or s.basis not in ("fighting", "dispute"):
            return
        ends = s.last_fight + timedelta(days=self.rules.contest_days)
        if until is not None and ends >= until:
            return
        if s.prior is None:
            self.close(ends)
            self.state = _State()
        else:
            self.open(ends, holder=s.prior, contested=False, confidence=0.5, basis="lapsed", events=())

    def baseline(self, entry: BaselineEntry) -> None:
        s = self.state
        if entry.holder == CONTESTED:
            if not s.contested:
                self.open(entry.since, holder=None, contested=True, confidence=1.0, basis="baseline", events=(), prior=None)
                self.state.last_fight = None
            return
        if s.holder == entry.holder and not s.contested:
            s.confidence = 1.0
            return
        self.open(entry.since, holder=entry.holder, contested=False, confidence=1.0, basis="baseline", events=())

    def capture(self, ev: ControlEvent) -> None:
        s = self.state
        if ev.disputed and ev.verdict != "confirm" and len(ev.sides) > 1:
            (lead, lead_support), (_, second_support) = ev.sides[0], ev.sides[1]
            if lead_support < self.rules.dispute_ratio * second_support:
                rivals = {self.rules.holder(name) or "?" for name, _ in ev.sides if name != DENIED}
                if any(name == DENIED for name, _ in ev.sides) and s.holder:
                    rivals.add(s.holder)
                prior = s.prior if s.contested else s.holder
                self.open(ev.date, holder=None, contested=True, confidence=ev.confidence, basis="dispute", events=[ev.event_id], contestants=rivals, prior=prior)
                return
            if lead == DENIED:
                s.events.append(ev.event_id)
                return
            taker = self.rules.holder(lead)
        else:
            taker = self.rules.holder(ev.controller_after or ev.actor)
        if taker is None:
            attackers = s.contestants - {s.prior} if s.contested else set()
            if len(attackers) != 1:
                return  # "the town fell", to whom no report says
            taker = attackers.pop()
        loser = self.rules.holder(ev.target_actor)
        if s.holder == taker and not s.contested and s.basis == "event" and loser and loser != taker and support(ev) >= self.rules.dispute_ratio * s.support:
            self.discount()  # a capture from `loser` says the loser held it: the thin capture before was wrong
            s = self.state
        if s.holder == taker and not s.contested:
            s.events.append(ev.event_id)
            s.confidence = max(s.confidence, ev.confidence)
            return
        self.open(ev.date, holder=taker, contested=False, confidence=ev.confidence, basis="event", events=[ev.event_id])
        self.state.support = support(ev)

    def discount(self) -> None:
        """Drop the open span, going back to the one before it."""
        if self.spans:
            last = self.spans.pop()
            self.state = _State(last.holder, last.contested, set(last.contestants), None, last.start, last.confidence, last.basis, list(last.event_ids))
        else:
            self.state = _State()

    def fight(self, ev: ControlEvent) -> None:
        if ev.approach:
            return
        s = self.state
        if s.contested:
            s.last_fight = ev.date
            s.events.append(ev.event_id)
            attacker = self.rules.holder(ev.actor)
            if attacker:
                s.contestants.add(attacker)
            return
        if s.holder is not None and self.rules.holder(ev.actor) == s.holder:
            return  # the holder fighting in its own place (sleeper cells, mopping up) keeps holding it
        sides = {h for h in (self.rules.holder(ev.actor), self.rules.holder(ev.target_actor), s.holder) if h}
        self.open(ev.date, holder=None, contested=True, confidence=ev.confidence, basis="fighting", events=[ev.event_id], contestants=sides, prior=s.holder)

    def area_capture(self, ev: ControlEvent) -> None:
        s = self.state
        taker, loser = self.rules.holder(ev.controller_after or ev.actor), self.rules.holder(ev.target_actor)
        if taker is None or (loser is None and support(ev) < 2 and ev.verdict is None):
            return  # one outlet's "took ground in the province", naming no loser, settles no town's fight
        held_by_loser = (s.holder == loser and not s.contested) or (s.contested and s.prior == loser)
        if (loser is not None and held_by_loser and s.holder != taker) or (loser is None and s.contested and taker in s.contestants):
            self.open(ev.date, holder=taker, contested=False, confidence=ev.confidence, basis="area", events=[ev.event_id])

    def neighbour_capture(self, ev: ControlEvent) -> None:
        s = self.state
        taker = self.rules.holder(ev.controller_after or ev.actor)
        if s.contested and taker is not None and taker in s.contestants and s.basis in ("fighting", "dispute"):
            self.open(ev.date, holder=taker, contested=False, confidence=ev.confidence, basis="neighbour", events=[ev.event_id])


def place_spans(
    place_key: str,
    baseline: Sequence[BaselineEntry] = (),
    events: Sequence[ControlEvent] = (),
    area_events: Sequence[ControlEvent] = (),
    neighbour_events: Sequence[ControlEvent] = (),
    rules: ControlRules | None = None,
) -> list[ControlSpan]:
    """The control spans of one place, oldest first, from its baseline and the events that bear on it."""
    rules = rules or ControlRules.load()
    steps: list[tuple[date, int, int, object]] = []
    for entry in baseline:
        steps.append((entry.since, 0, 0, entry))
    for ev in events:
        if ev.verdict == "reject":
            continue
        steps.append((ev.date, 1 if ev.event_type == "battle" else 2, ev.event_id, ev))
    for ev in area_events:
        if ev.verdict != "reject" and ev.event_type == "territory_taken":
            steps.append((ev.date, 3, ev.event_id, ev))
    for ev in neighbour_events:
        if ev.verdict != "reject" and ev.event_type == "territory_taken" and not ev.disputed:
            steps.append((ev.date, 4, ev.event_id, ev))
    timeline = _Timeline(place_key, rules)
    for day, order, _, item in sorted(steps, key=lambda s: s[:3]):
        timeline.lapse(day)
        if order == 0:
            timeline.baseline(item)  # type: ignore[arg-type]
        elif order == 1:
            timeline.fight(item)  # type: ignore[arg-type]
        elif order == 2:
            timeline.capture(item)  # type: ignore[arg-type]
        elif order == 3:
            timeline.area_capture(item)  # type: ignore[arg-type]
        else:
            timeline.neighbour_capture(item)  # type: ignore[arg-type]
    timeline.lapse(None)
    timeline.close(None)
    return timeline.spans


def span_on(spans: Sequence[ControlSpan], day: date) -> ControlSpan | None:
    return next((span for span in spans if span.holds_on(day)), None)


@dataclass(frozen=True)
class ProvinceSummary:
    country: str
    province: str
    holders: tuple[tuple[str, int], ...]  # (holder or "contested", places), most places first

    @property
    def text(self) -> str:
        return ", ".join(f"{name} {count}" for name, count in self.holders)


def summarise_provinces(rows: Iterable[tuple[str, str, str]]) -> list[ProvinceSummary]:
    """Provinces from their places: (country, province, holder label) rows -> places per holder."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for (country, province, label), count in Counter(rows).items():
        counts.setdefault((country, province or "?"), {})[label] = count
    return [
        ProvinceSummary(country, province, tuple(sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))))
        for (country, province), per in sorted(counts.items())
    ]
