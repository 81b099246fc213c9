"""Score extraction against hand-written gold files (`X.gold.jsonl` beside `X.txt`).

A predicted claim matches a gold event when the type agrees, the place resolves to the same
gazetteer entry (or lies within 10 km of it), and the date agrees at the gold's precision.
Precision counts every predicted event; recall counts the gold events marked required.
Field accuracy (type, place, date, actor) is measured over claims and gold events that quote the
same sentence, so that a wrong type or date shows there instead of vanishing into a non-match.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from frontlines.errors import GoldError
from frontlines.fuse import EVENT_MODALITIES
from frontlines.gazetteer.disambiguate import COUNTRY_CODES
from frontlines.gazetteer.normalise import name_key
from frontlines.model import Claim, Place

MATCH_RADIUS_KM = 10.0


@dataclass(frozen=True)
class GoldEvent:
    file: str
    line: int
    event_type: str
    place: str
    country: str
    date: str  # YYYY-MM-DD | YYYY-MM | YYYY
    actor: str | None
    fatalities: int | None
    quote: str
    required: bool
    resolved: Place | None
    place_words: str = ""  # the place's words as the text writes them, where the gold keeps its offsets


@dataclass
class Tally:
    predicted: int = 0
    predicted_matched: int = 0
    required: int = 0
    required_matched: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.required_matched / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    reports: int = 0
    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    field_pairs: int = 0
    field_correct: dict[str, int] = field(
        default_factory=lambda: {"type": 0, "place": 0, "date": 0, "actor": 0, "fatalities": 0}
    )
    misses: list[str] = field(default_factory=list)  # required gold events not found
    false_alarms: list[str] = field(default_factory=list)  # predicted events matching no gold

    def field_accuracy(self) -> dict[str, float]:
        return {k: (v / self.field_pairs if self.field_pairs else 1.0) for k, v in self.field_correct.items()}

    def as_dict(self) -> dict[str, Any]:
        def tally(t: Tally) -> dict[str, Any]:
            return {
                "precision": round(t.precision, 4),
                "recall": round(t.recall, 4),
                "f1": round(t.f1, 4),
                "predicted": t.predicted,
                "predicted_matched": t.predicted_matched,
                "required": t.required,
                "required_matched": t.required_matched,
            }

        return {
            "reports": self.reports,
            "overall": tally(self.overall),
            "by_type": {k: tally(v) for k, v in sorted(self.by_type.items())},
            "fields": {k: round(v, 4) for k, v in self.field_accuracy().items()},
            "field_pairs": self.field_pairs,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
        }


def read_gold(path: Path, gazetteer: Any) -> list[GoldEvent]:
    events: list[GoldEvent] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            country = data.get("country") or "IQ"
            candidates = gazetteer.lookup(data["place"], countries=(country,))
            events.append(
                GoldEvent(
                    file=path.name,
                    line=number,
                    event_type=data["event_type"],
                    place=data["place"],
                    country=country,
                    date=str(data["date"]),
                    actor=data.get("actor"),
                    fatalities=data.get("fatalities"),
                    quote=data.get("quote", ""),
                    required=bool(data.get("required", True)),
                    resolved=candidates[0][0] if candidates else None,
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: not a gold event ({exc})", hint="see the gold format in docs/formats.md") from exc
    return events


def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_place(claim: Claim, gold: GoldEvent) -> bool:
    """The same entry, within 10 km, or inside it when the gold names a province or a country (its precision).

    A gold place no gazetteer entry holds (a village GeoNames lacks) matches the same words, as the
    gold names it or as the text writes it: an event whose place cannot be resolved keeps the text's.
    """
    if gold.resolved is None:
        words = claim.place_mention or (claim.place.name if claim.place else "")
        return bool(words) and name_key(words) in {name_key(gold.place), name_key(gold.place_words or gold.place)}
    if claim.place is None:
        return False
    if claim.place.key == gold.resolved.key or distance_km(claim.place, gold.resolved) <= MATCH_RADIUS_KM:
        return True
    if gold.resolved.country != claim.place.country:
        return False
    if gold.resolved.feature_code in COUNTRY_CODES:
        return True
    return gold.resolved.feature_code == "ADM1" and bool(claim.place.admin1) and claim.place.admin1 == gold.resolved.admin1


def same_date(claim: Claim, gold: GoldEvent) -> bool:
    if claim.date is None:
        return False
    value: date = claim.date.value
    return value.isoformat()[: len(gold.date)] == gold.date


def matches(claim: Claim, gold: GoldEvent) -> bool:
    return claim.event_type == gold.event_type and same_place(claim, gold) and same_date(claim, gold)


def score_report(name: str, claims: Sequence[Claim], gold: Sequence[GoldEvent], result: Evaluation) -> None:
    """Add one report's predicted events and gold events to the running evaluation."""
    predicted = [c for c in claims if c.modality in EVENT_MODALITIES]
    unmatched_gold = list(gold)
    result.reports += 1
    for claim in predicted:
        tally = result.by_type.setdefault(claim.event_type, Tally())
        tally.predicted += 1
        result.overall.predicted += 1
        hit = next((g for g in unmatched_gold if matches(claim, g) and g.quote == claim.quote), None)
        hit = hit or next((g for g in unmatched_gold if matches(claim, g)), None)
        if hit is None:
            place = claim.place.name if claim.place else claim.place_mention
            result.false_alarms.append(f"{name}: {claim.event_type} {place} {claim.date.value if claim.date else ''} | {claim.quote[:90]}")
            continue
        unmatched_gold.remove(hit)
        tally.predicted_matched += 1
        result.overall.predicted_matched += 1
        if hit.required:
            result.overall.required_matched += 1
            result.by_type.setdefault(hit.event_type, Tally()).required_matched += 1
    for g in gold:
        if g.required:
            result.overall.required += 1
            result.by_type.setdefault(g.event_type, Tally()).required += 1
    for g in unmatched_gold:
        if g.required:
            result.misses.append(f"{name}: {g.event_type} {g.place} {g.date} | {g.quote[:90]}")
    _score_fields(predicted, gold, result)


def _score_fields(predicted: Sequence[Claim], gold: Sequence[GoldEvent], result: Evaluation) -> None:
    used: set[int] = set()
    for g in gold:
        same_sentence = [c for c in predicted if c.quote.strip() == g.quote.strip() and id(c) not in used]
        if not same_sentence:
            continue
        best = max(same_sentence, key=lambda c: (same_place(c, g), c.event_type == g.event_type))
        used.add(id(best))
        result.field_pairs += 1
        result.field_correct["type"] += best.event_type == g.event_type
        result.field_correct["place"] += same_place(best, g)
        result.field_correct["date"] += same_date(best, g)
        result.field_correct["actor"] += (best.actor or None) == (g.actor or None)
        result.field_correct["fatalities"] += best.fatalities == g.fatalities
