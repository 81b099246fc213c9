"""What fusion reads: its rules (data/fusion.yaml) and how claims' places and dates relate.

Places relate when they are the same gazetteer entry, when a named point lies beside the town it is
named after, or when one is a province or country containing the other. Dates relate at their
precision: a day, a month, a year or a range, widened by the tolerance of the event type.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from frontlines.errors import FrontlinesError
from frontlines.gazetteer.normalise import name_key
from frontlines.gazetteer.precision import place_precision
from frontlines.model import EVENT_TYPES, WITHIN, Claim, Place

AREA_PRECISIONS = ("district", "province", "country")


@dataclass(frozen=True)
class FusionRules:
    """What counts as one happening; read from data/fusion.yaml (see the comments there)."""

    date_tolerance: Mapping[str, int]
    kinds: Mapping[str, str]  # event type -> kind
    sides: Mapping[str, str]  # actor -> the first actor of its alliance
    adjacent_km: float
    repel_triggers: frozenset[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> FusionRules:
        if path is None:
            return _bundled_rules()
        return cls.from_mapping(read_rules_yaml(Path(path)))

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> FusionRules:
        kinds = {t: t for t in EVENT_TYPES}
        for kind, types in dict(data.get("kinds") or {}).items():  # type: ignore[call-overload]
            for event_type in types:
                kinds[str(event_type)] = str(kind)
        sides: dict[str, str] = {}
        for group in list(data.get("allies") or []):  # type: ignore[call-overload]
            for actor in group:
                sides[str(actor)] = str(group[0])
        return cls(
            date_tolerance={str(k): int(v) for k, v in dict(data.get("date_tolerance_days") or {}).items()},  # type: ignore[call-overload]
            kinds=kinds,
            sides=sides,
            adjacent_km=float(data.get("adjacent_km", 10)),  # type: ignore[arg-type]
            repel_triggers=frozenset(str(t).lower() for t in list(data.get("repel_triggers") or [])),  # type: ignore[call-overload]
        )

    def tolerance(self, event_type: str) -> int:
        return self.date_tolerance.get(event_type, self.date_tolerance.get("default", 0))

    def kind(self, event_type: str) -> str:
        return self.kinds.get(event_type, event_type)

    def side_of(self, actor: str | None) -> str:
        return self.sides.get(actor, actor) if actor else ""

    def repels(self, claim: Claim) -> bool:
        return claim.event_type != "territory_taken" and claim.trigger.lower() in self.repel_triggers


def read_rules_yaml(path: Path) -> dict:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FrontlinesError(f"cannot read the rules file {path}: {exc}", hint="check its YAML syntax") from exc
    if not isinstance(loaded, dict):
        raise FrontlinesError(f"the rules file {path} is not a mapping", hint="see the bundled file for its shape")
    return loaded


@lru_cache(maxsize=1)
def _bundled_rules() -> FusionRules:
    return FusionRules.from_mapping(read_rules_yaml(Path(str(resources.files("frontlines") / "data" / "fusion.yaml"))))


# ---- what a claim is, for fusion ---------------------------------------------------------------
def precision_of(claim: Claim) -> str | None:
    return claim.place_precision or place_precision(claim.place)


def is_area(claim: Claim) -> bool:
    return precision_of(claim) in AREA_PRECISIONS


def place_identity(claim: Claim) -> str:
    """The claim's gazetteer entry; with the words of the spot within it that the claim names, where it names one."""
    if claim.place is None:
        return f"text:{(claim.place_mention or '').lower()}"
    if claim.place_precision == WITHIN:
        return f"{claim.place.key}~{name_key(claim.place_mention or '')}"
    return claim.place.key


def date_interval(claim: Claim) -> tuple[date, date] | None:
    if claim.date is None:
        return None
    value, precision = claim.date.value, claim.date.precision
    until = getattr(claim.date, "until", None)
    if until is not None:
        return value, until
    if precision == "year":
        return date(value.year, 1, 1), date(value.year, 12, 31)
    if precision == "month":
        following = date(value.year + (value.month == 12), value.month % 12 + 1, 1)
        return date(value.year, value.month, 1), following - timedelta(days=1)
    return value, value


def dates_agree(a: Claim, b: Claim, tolerance: int) -> bool:
    first, second = date_interval(a), date_interval(b)
    if first is None or second is None:
        return first is None and second is None
    slack = timedelta(days=tolerance)
    return first[0] - slack <= second[1] and second[0] - slack <= first[1]


def contains(area: Place, place: Place) -> bool:
    """Whether a place lies in a province or country (districts have no containment data)."""
    if area.country != place.country or area.key == place.key:
        return False
    if area.feature_code.startswith("PCL"):
        return True
    return area.feature_code.startswith("ADM1") and place.admin1 in {area.admin1, area.name} and bool(place.admin1)


def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def beside(point: Place, town: Place, km: float) -> bool:
    """A named feature beside the town it is named after: "Husaybah border crossing" and Husaybah."""
    town_key = name_key(town.name)
    return bool(town_key) and name_key(point.name).startswith(town_key) and distance_km(point, town) <= km
