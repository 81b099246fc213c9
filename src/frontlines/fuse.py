"""Claims -> events: claims from many reports about one happening become one event.

Claims tell one happening when they are of one kind (an attack and a clash on the same day count
as one fight), at the same or a nested place (a town inside a province the report names vaguely; a
crossing beside the town it is named after), on dates that agree at their precision (a capture
reported a day or two apart is one capture; air strikes must agree on the day; a claim dated only
to a month joins the happening most sources tell), and by compatible actors (the same side or a
claim that names none; for fighting, two sides between them, whichever a report names first).
Every member must agree with every other (no chaining of day after day into one long event).

Claims that contradict each other stay together as one disputed event with both sides: a town
taken by two rival actors, or taken according to some and "repelled" or denied according to
others. The side more independent outlets tell leads; the event never silently drops the other.

Fusion is a pure function of the claims it is given, processed in one canonical order, so the
same claims always give the same events; `frontlines.store.fusion_store` runs it incrementally on the
neighbourhood of new claims and keeps the ids of the events it had.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from frontlines.fusion_rules import (
    AREA_PRECISIONS,
    FusionRules,
    beside,
    contains,
    date_interval,
    dates_agree,
    distance_km,
    is_area,
    place_identity,
    precision_of,
)
from frontlines.gazetteer.normalise import name_key
from frontlines.model import EVENT_TYPES, WITHIN, Claim, Event

EVENT_MODALITIES = frozenset({"asserted", "reported_speech", "hedged"})
DENIAL_MODALITIES = frozenset({"negated"})
DENIED = "denied"  # the side of claims that deny a capture
_PRECISION_RANK = {"point": 0, "town": 1, "within": 1, "district": 2, "province": 3, "country": 4, None: 5}
_FAR_FUTURE = date.max

__all__ = [
    "DENIAL_MODALITIES", "DENIED", "EVENT_MODALITIES", "EventFacts", "FusedEvent", "FusionRules", "ReportInfo",
    "Side", "corroborated_confidence", "date_interval", "distance_km", "event_of", "fuse", "is_area",
]  # fmt: skip


@dataclass(frozen=True)
class ReportInfo:
    """What fusion needs to know about a claim's report."""

    outlet: str
    published: date | None = None


@dataclass(frozen=True)
class Side:
    """One account of a disputed happening: who holds the place after it, per these claims."""

    name: str  # the actor the claims say holds the place, or "denied"
    claim_ids: tuple[int, ...]
    outlets: tuple[str, ...]

    @property
    def support(self) -> int:
        """Independent outlets: one outlet repeating itself counts once."""
        return len(self.outlets)


@dataclass(frozen=True)
class EventFacts:
    disputed: bool
    sides: tuple[Side, ...]  # the leading side first
    first_report_id: int | None
    first_reported: date | None
    outlets: int  # distinct outlets behind the event (all sides)
    reports: int  # distinct reports behind the event (all sides)
    corroboration: int  # distinct outlets behind the leading side
    verdict: str | None = None  # an analyst's: confirm | reject | correct


@dataclass(frozen=True)
class FusedEvent:
    key: str
    event: Event
    claim_ids: tuple[int, ...]
    facts: EventFacts = field(default_factory=lambda: EventFacts(False, (), None, None, 0, 0, 0))
    side_of_claim: Mapping[int, str] = field(default_factory=dict)


# ---- clusters --------------------------------------------------------------------------------
@dataclass(eq=False)
class _Cluster:
    kind: str
    number: int  # creation order, the last tie-break
    members: list[Claim] = field(default_factory=list)
    sides: dict[int, str] = field(default_factory=dict)  # claim id -> side ("" when unnamed)

    @property
    def named_sides(self) -> set[str]:
        return {s for s in self.sides.values() if s}

    @property
    def territorial(self) -> bool:
        return self.kind == "territory_taken"

    @property
    def fine_members(self) -> list[Claim]:
        return [c for c in self.members if not is_area(c)] or self.members


class _Fusion:
    """Greedy assignment in canonical order, each claim to the best cluster that fits all its members."""

    def __init__(self, rules: FusionRules, reports: Mapping[int, ReportInfo], report_claims: Mapping[int, Sequence[Claim]]):
        self.rules = rules
        self.reports = reports
        self.report_claims = report_claims
        self.clusters: list[_Cluster] = []
        # indexes: by exact place; by province (for area claims); clusters holding areas, points,
        # towns by name (for nested and beside-the-town candidates)
        self.by_place: dict[tuple, dict[int, _Cluster]] = {}
        self.by_province: dict[tuple, dict[int, _Cluster]] = {}
        self.by_country: dict[tuple, dict[int, _Cluster]] = {}
        self.with_area: dict[tuple, dict[int, _Cluster]] = {}
        self.with_point: dict[tuple, dict[int, _Cluster]] = {}
        self.with_town: dict[tuple, dict[int, _Cluster]] = {}

    def order(self, claim: Claim) -> tuple:
        interval = date_interval(claim)
        published = self.reports.get(claim.report_id or -1, ReportInfo("?")).published
        return (interval[0] if interval else _FAR_FUTURE, published or _FAR_FUTURE, claim.report_id or 0, claim.start, claim.id or 0)

    def run(self, claims: Iterable[Claim]) -> list[_Cluster]:
        claims = [c for c in claims if c.id is not None]
        positive = [c for c in claims if c.modality in EVENT_MODALITIES]
        denials = [c for c in claims if c.modality in DENIAL_MODALITIES and c.event_type == "territory_taken"]
        # day-precise claims first: a claim dated only to a month or year then joins what they tell
        fine = sorted((c for c in positive if not is_area(c) and not self.rules.repels(c)), key=lambda c: (_coarse(c), self.order(c)))
        areas = sorted((c for c in positive if is_area(c) and not self.rules.repels(c)), key=self.order)
        repels = sorted((c for c in positive if self.rules.repels(c)), key=self.order)
        for claim in fine + areas:
            self.place(claim)
        for claim in repels:
            if not self.contradict(claim, self.rules.side_of(claim.actor) or DENIED):
                self.place(claim)
        for claim in sorted(denials, key=self.order):
            self.contradict(claim, DENIED)
        return self.clusters

    # -- candidates ---------------------------------------------------------------------------
    def candidates(self, claim: Claim, kind: str) -> list[tuple[int, _Cluster]]:
        """Clusters of this kind at a place that fits, with how well it fits (0 same, 1 beside, 2 nested)."""
        pool = dict(self.by_place.get((kind, place_identity(claim)), {}))
        place = claim.place
        if place is not None:
            precision = precision_of(claim)
            if precision == "province":
                pool.update(self.by_province.get((kind, place.country, place.admin1 or place.name), {}))
            elif precision == "country":
                pool.update(self.by_country.get((kind, place.country), {}))
            pool.update(self.with_area.get((kind, place.country), {}))
            if precision == "town":
                pool.update(self.with_point.get((kind, place.country), {}))
            elif precision == "point":
                key = name_key(place.name)
                for end in range(1, len(key) + 1):
                    pool.update(self.with_town.get((kind, key[:end]), {}))
        found = []
        for number in sorted(pool):
            relation = self.place_relation(claim, pool[number])
            if relation is not None:
                found.append((relation, pool[number]))
        return found

    def place_relation(self, claim: Claim, cluster: _Cluster) -> int | None:
        """0 same place, 1 a point beside its town, 2 nested in an area; None when any member is elsewhere."""
        worst = 0
        for member in cluster.members:
            if place_identity(member) == place_identity(claim):
                continue
            if claim.place is None or member.place is None:
                return None
            if self.is_beside(claim, member):
                worst = max(worst, 1)
            elif is_area(claim) and contains(claim.place, member.place) and self.vague(claim, cluster.kind):
                worst = 2
            elif is_area(member) and contains(member.place, claim.place):
                worst = 2
            else:
                return None
        return worst

    def is_beside(self, a: Claim, b: Claim) -> bool:
        pa, pb = precision_of(a), precision_of(b)
        if a.place is None or b.place is None:
            return False
        if pa == "point" and pb == "town":
            return beside(a.place, b.place, self.rules.adjacent_km)
        if pb == "point" and pa == "town":
            return beside(b.place, a.place, self.rules.adjacent_km)
        return False

    def vague(self, claim: Claim, kind: str) -> bool:
        """An area claim tells a finer happening only when its report names no finer place of that kind in it."""
        assert claim.place is not None
        for other in self.report_claims.get(claim.report_id or -1, ()):
            if other.place is not None and self.rules.kind(other.event_type) == kind and contains(claim.place, other.place):
                return False
        return True

    def fits(self, claim: Claim, cluster: _Cluster, tolerance: int) -> bool:
        return all(dates_agree(claim, member, tolerance) for member in cluster.members)

    # -- assignment ---------------------------------------------------------------------------
    def place(self, claim: Claim) -> None:
        kind = self.rules.kind(claim.event_type)
        side = self.rules.side_of(claim.controller_after or claim.actor)
        tolerance = self.rules.tolerance(claim.event_type)
        best: tuple | None = None
        for relation, cluster in self.candidates(claim, kind):
            if not self.fits(claim, cluster, tolerance):
                continue
            agreement = 0
            if not cluster.territorial:
                if not self.actors_fit(claim, cluster):
                    continue
            elif side and (named := cluster.named_sides - {DENIED}) and side not in named:
                if relation > 1:
                    continue
                agreement = 1  # taken by rival actors: one disputed capture
            score = (relation, agreement, self.distance(claim, cluster), -len(cluster.members), cluster.number)
            if best is None or score < best[0]:
                best = (score, cluster)
        if kind != "territory_taken":
            side = ""  # only captures have sides; other events keep rival actors apart instead
        if best is not None:
            self.join(best[1], claim, side)
        else:
            cluster = _Cluster(kind=kind, number=len(self.clusters))
            self.clusters.append(cluster)
            self.join(cluster, claim, side)

    def actors_fit(self, claim: Claim, cluster: _Cluster) -> bool:
        """Fighting has two sides, whichever a report names as the actor: claims fit while all of
        them name at most two sides between them. Other events fit when they name one actor at most."""
        members = [*cluster.members, claim]
        if cluster.kind == "fighting":
            sides = {self.rules.side_of(x) for m in members for x in (m.actor, m.target_actor) if x}
            return len(sides) <= 2
        return len({self.rules.side_of(m.actor) for m in members if m.actor}) <= 1

    def contradict(self, claim: Claim, side: str) -> bool:
        """Attach a denial or a "repelled" claim to the capture it contradicts, if there is one."""
        tolerance = self.rules.tolerance("territory_taken")
        best: tuple | None = None
        for relation, cluster in self.candidates(claim, "territory_taken"):
            if relation > 1 or not self.fits(claim, cluster, tolerance):
                continue
            if side != DENIED and cluster.named_sides - {DENIED} == {side}:
                continue  # "repelled" by the side that took it: no contradiction
            score = (relation, self.distance(claim, cluster), -len(cluster.members), cluster.number)
            if best is None or score < best[0]:
                best = (score, cluster)
        if best is None:
            return False
        self.join(best[1], claim, side)
        return True

    def distance(self, claim: Claim, cluster: _Cluster) -> int:
        """Days between the claim and the cluster; 0 for a claim dated only to the month or year,
        which then goes to the happening most sources tell."""
        mine = date_interval(claim)
        if mine is None or mine[0] != mine[1]:
            return 0
        theirs = [date_interval(m) for m in cluster.fine_members]
        return min((abs((mine[0] - t[0]).days) for t in theirs if t is not None), default=0)

    def join(self, cluster: _Cluster, claim: Claim, side: str) -> None:
        cluster.members.append(claim)
        cluster.sides[claim.id] = side  # type: ignore[index]
        self.index(cluster, claim)

    def index(self, cluster: _Cluster, claim: Claim) -> None:
        def add(table: dict[tuple, dict[int, _Cluster]], key: tuple) -> None:
            table.setdefault(key, {})[cluster.number] = cluster

        kind, place = cluster.kind, claim.place
        add(self.by_place, (kind, place_identity(claim)))
        if place is None:
            return
        precision = precision_of(claim)
        if precision in AREA_PRECISIONS:
            add(self.with_area, (kind, place.country))
            return
        add(self.by_country, (kind, place.country))
        if place.admin1:
            add(self.by_province, (kind, place.country, place.admin1))
        if precision == "point":
            add(self.with_point, (kind, place.country))
        elif precision == "town":
            add(self.with_town, (kind, name_key(place.name)))


# ---- events from clusters ----------------------------------------------------------------------
def fuse(
    claims: Iterable[Claim],
    outlet_of_report: Mapping[int, str] | Mapping[int, ReportInfo],
    *,
    rules: FusionRules | None = None,
    report_claims: Mapping[int, Sequence[Claim]] | None = None,
    verdicts: Mapping[int, tuple[int, str]] | None = None,
) -> list[FusedEvent]:
    """Group claims into events, deterministically (the result is ordered by date, then key).

    `outlet_of_report` maps report ids to outlet names or `ReportInfo`; `report_claims` gives the
    other claims of the reports of area-level claims (default: those among `claims`); `verdicts`
    maps claim ids to an analyst's latest (note id, verdict) (the event takes the latest of its claims').
    """
    rules = rules or FusionRules.load()
    claims = list(claims)
    reports = {rid: info if isinstance(info, ReportInfo) else ReportInfo(str(info)) for rid, info in outlet_of_report.items()}
    if report_claims is None:
        grouped: dict[int, list[Claim]] = {}
        for claim in claims:
            grouped.setdefault(claim.report_id or -1, []).append(claim)
        report_claims = grouped
    clusters = _Fusion(rules, reports, report_claims).run(claims)
    fused = [event_of(cluster.members, cluster.sides, reports, verdicts or {}) for cluster in clusters]
    return sorted(fused, key=lambda f: (f.event.date or _FAR_FUTURE, f.key))


def event_of(
    members: Sequence[Claim],
    sides: Mapping[int, str],
    reports: Mapping[int, ReportInfo],
    verdicts: Mapping[int, tuple[int, str]],
) -> FusedEvent:
    """The event a cluster of claims tells: the leading side's account, with every source."""
    by_side: dict[str, list[Claim]] = {}
    for claim in members:
        by_side.setdefault(sides.get(claim.id, "") if claim.id is not None else "", []).append(claim)
    anonymous = by_side.pop("", [])

    def outlets_of(group: Sequence[Claim]) -> tuple[str, ...]:
        return tuple(sorted({reports.get(c.report_id or -1, ReportInfo("?")).outlet for c in group}))

    ranked = sorted(by_side, key=lambda s: (-len(outlets_of(by_side[s])), -len(by_side[s]), s == DENIED, s))
    telling = [s for s in ranked if s != DENIED]
    if telling:
        by_side[telling[0]].extend(anonymous)
    elif anonymous:
        ranked, telling = [*ranked, ""], [""]
        by_side[""] = anonymous
    side_list = tuple(Side(s, tuple(sorted(c.id for c in by_side[s] if c.id is not None)), outlets_of(by_side[s])) for s in ranked)
    lead = [c for c in by_side[telling[0]] if c.modality in EVENT_MODALITIES] if telling else list(members)
    side_of_claim = {c.id: s for s in ranked for c in by_side[s] if c.id is not None}
    first = min(members, key=lambda c: (reports.get(c.report_id or -1, ReportInfo("?")).published or _FAR_FUTURE, c.report_id or 0))
    reviewed = sorted(verdicts[c.id] for c in members if c.id in verdicts)
    disputed = len([s for s in side_list if s.name]) > 1
    telling_side = next(s for s in side_list if s.name == telling[0]) if telling else side_list[0]
    confidence = corroborated_confidence(lead, {rid: info.outlet for rid, info in reports.items()})
    if disputed:
        total = sum(s.support for s in side_list) or 1
        confidence = round(confidence * telling_side.support / total, 3)
    place_claim = min(lead, key=lambda c: (_PRECISION_RANK.get(precision_of(c), 5), -sum(place_identity(o) == place_identity(c) for o in lead), place_identity(c)))
    dated = _finest_dated(lead)
    date_counts = Counter((c.date.value, c.date.precision) for c in dated if c.date is not None)
    when = min(date_counts, key=lambda d: (-date_counts[d], d[0])) if date_counts else None
    event_type = _most_common([c.event_type for c in lead], order=EVENT_TYPES)
    if any(c.event_type == "battle" for c in lead):
        event_type = "battle"  # an assault some call an attack and others fighting: there was fighting
    key_claim = min(members, key=lambda c: c.id or 0)
    key = "|".join([event_type, place_identity(place_claim), when[0].isoformat() if when else "undated", f"c{key_claim.id}"])
    event = Event(
        event_type=event_type,
        date=when[0] if when else None,
        date_precision=when[1] if when else None,
        actor=_most_common([c.actor for c in lead]),
        target_actor=_most_common([c.target_actor for c in lead]),
        controller_after=_most_common([c.controller_after for c in lead]),
        fatalities=max((c.fatalities for c in lead if c.fatalities is not None), default=None),
        place=place_claim.place,
        place_name=place_claim.place_mention if place_claim.place is None or precision_of(place_claim) == WITHIN else place_claim.place.name,
        confidence=confidence,
        place_precision=precision_of(place_claim),
    )
    facts = EventFacts(
        disputed=disputed,
        sides=side_list,
        first_report_id=first.report_id,
        first_reported=reports.get(first.report_id or -1, ReportInfo("?")).published,
        outlets=len(outlets_of(members)),
        reports=len({c.report_id for c in members}),
        corroboration=telling_side.support,
        verdict=reviewed[-1][1] if reviewed else None,
    )
    claim_ids = tuple(sorted(c.id for c in members if c.id is not None))
    return FusedEvent(key=key, event=event, claim_ids=claim_ids, facts=facts, side_of_claim=side_of_claim)


def _coarse(claim: Claim) -> bool:
    interval = date_interval(claim)
    return interval is not None and interval[0] != interval[1]


def _finest_dated(claims: Sequence[Claim]) -> list[Claim]:
    dated = [c for c in claims if c.date is not None]
    for precision in ("day", "month", "year"):
        found = [c for c in dated if c.date is not None and c.date.precision == precision]
        if found:
            return found
    return dated


def corroborated_confidence(members: Sequence[Claim], outlet_of_report: Mapping[int, str]) -> float:
    """Independent outlets raise confidence; one outlet repeating itself counts once."""
    best_per_outlet: dict[str, float] = {}
    for claim in members:
        outlet = outlet_of_report.get(claim.report_id or -1, "?")
        best_per_outlet[outlet] = max(best_per_outlet.get(outlet, 0.0), claim.confidence)
    doubt = 1.0
    for confidence in best_per_outlet.values():
        doubt *= 1.0 - confidence
    return round(min(0.99, 1.0 - doubt), 3)


def _most_common(values: Sequence[str | None], order: Sequence[str] = ()) -> str | None:
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    rank = {name: i for i, name in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))
