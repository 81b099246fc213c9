"""Claims -> events. A first, deterministic fusion: claims of the same kind, place, day and actor
become one event that lists every source. (Cross-day and disputed fusion build on this.)"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontlines.model import Claim, Event

EVENT_MODALITIES = frozenset({"asserted", "reported_speech", "hedged"})


@dataclass(frozen=True)
class FusedEvent:
    key: str
    event: Event
    claim_ids: tuple[int, ...]


def happening_key(claim: Claim) -> str:
    place = claim.place.key if claim.place else f"text:{(claim.place_mention or '').lower()}"
    when = claim.date.value.isoformat() if claim.date else "undated"
    precision = claim.date.precision if claim.date else ""
    return "|".join([claim.event_type, place, when, precision])


def fuse(claims: Iterable[Claim], outlet_of_report: dict[int, str]) -> list[FusedEvent]:
    """Group claims into events; the order of the result is deterministic (by date, then key).

    Claims of one kind, place and date are one happening. Claims that name different actors stay
    apart (who took a town is never merged away); a claim that names no actor joins the happening
    most sources tell.
    """
    happenings: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.modality not in EVENT_MODALITIES or claim.id is None:
            continue
        happenings.setdefault(happening_key(claim), []).append(claim)
    groups: dict[str, list[Claim]] = {}
    for key, members in happenings.items():
        by_actor: dict[str, list[Claim]] = {}
        for claim in members:
            if claim.actor:
                by_actor.setdefault(claim.actor, []).append(claim)
        anonymous = [c for c in members if not c.actor]
        if anonymous:
            biggest = max(by_actor, key=lambda a: (len(by_actor[a]), a), default="")
            by_actor.setdefault(biggest, []).extend(anonymous)
        for actor, group in by_actor.items():
            groups[f"{key}|{actor}"] = sorted(group, key=lambda c: (c.actor is None, c.report_id or 0, c.start))
    fused = [_event_of(key, members, outlet_of_report) for key, members in groups.items()]
    return sorted(fused, key=lambda f: (f.event.date.isoformat() if f.event.date else "9999", f.key))


def _event_of(key: str, members: Sequence[Claim], outlet_of_report: dict[int, str]) -> FusedEvent:
    first = members[0]
    fatalities = [c.fatalities for c in members if c.fatalities is not None]
    return FusedEvent(
        key=key,
        event=Event(
            event_type=first.event_type,
            date=first.date.value if first.date else None,
            date_precision=first.date.precision if first.date else None,
            actor=first.actor,
            target_actor=_most_common([c.target_actor for c in members]),
            controller_after=first.controller_after,
            fatalities=max(fatalities) if fatalities else None,
            place=first.place,
            place_name=first.place.name if first.place else first.place_mention,
            confidence=corroborated_confidence(members, outlet_of_report),
            place_precision=first.place_precision,
        ),
        claim_ids=tuple(c.id for c in members if c.id is not None),
    )


def corroborated_confidence(members: Sequence[Claim], outlet_of_report: dict[int, str]) -> float:
    """Independent outlets raise confidence; one outlet repeating itself counts once."""
    best_per_outlet: dict[str, float] = {}
    for claim in members:
        outlet = outlet_of_report.get(claim.report_id or -1, "?")
        best_per_outlet[outlet] = max(best_per_outlet.get(outlet, 0.0), claim.confidence)
    doubt = 1.0
    for confidence in best_per_outlet.values():
        doubt *= 1.0 - confidence
    return round(min(0.99, 1.0 - doubt), 3)


def _most_common(values: Sequence[str | None]) -> str | None:
    present = [v for v in values if v]
    return max(set(present), key=present.count) if present else None
