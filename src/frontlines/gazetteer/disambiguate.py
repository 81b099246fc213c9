"""Choosing among places that share a name, by what the report has already said.

A name such as "Sinjar" or "Rashad" fits several places. With no evidence the order is the
gazetteer's prior: the caller's `countries` order first, then how well the name fits (the place's
own name 1.0, an alias 0.95, a fuzzy match less), towns before provinces before named features,
then the larger population.

Searching every country (countries None), prominent places (below) come before the others of
the same name fit: "Sudan" is the country before the village in Oklahoma. A town that shares its
name with the first-level division it lies in (Fredville in Fredville province) is as prominent
as the division, and comes before it (a bare name most often means the town).

Evidence turns that order into a score, `0.6 × name fit + 0.4 × support`, where support (0–1)
adds up what the story says for a candidate:

- feature (0.35): a word next to the name names its kind — "the village of", "gas field";
- nearness (0.30): closeness to the nearest place already resolved in the story, falling
  linearly to nothing at 250 km (only for points and towns: a province's point is no evidence);
- province (0.20): a place already resolved lies in the same province;
- country (0.15): the share of the places already resolved that lie in the same country.

The caller's countries order, the feature rank and the population then only break ties.

Searching every country (countries None: the worldwide index, no war to narrow it), a place in a
country the story has not named needs more: it must be *prominent* — a capital, a country, a
first-level division or a town of 100,000 people or more. A story about Sudan that says "Kassala"
finds the Sudanese town; a lone "Novoselivka" in a story naming no country stays unresolved.

A choice is *decisive* when the runner-up is the same place in all but name (within 25 km), or lies
in a country the story does not name while the first lies in one it names (searching every country),
or loses on score, on the countries order, on feature rank, or has less than half the population.
Otherwise the name is a coin toss between distant places and stays unresolved: a wrong point
moves a front line by hundreds of kilometres.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontlines.model import Place

__all__ = [
    "ALIAS_FIT",
    "CONTAINER_CODES",
    "OWN_NAME_FIT",
    "PROMINENT_POPULATION",
    "Evidence",
    "FeatureHint",
    "corroborated",
    "decisive",
    "distance_km",
    "feature_rank",
    "prominent",
    "rank",
    "seat_of_namesake",
]

# How well a name fits a place (frontlines.gazetteer.index): its own name beats one of its aliases;
# fuzzy matches score below any exact one.
OWN_NAME_FIT = 1.0
ALIAS_FIT = 0.95
CONTAINER_CODES = frozenset({"PCLI", "PCL", "PCLD", "ADM1", "ADM1H", "ADM2", "ADM2H", "ADM3", "ADMD"})
COUNTRY_CODES = frozenset({"PCLI", "PCL", "PCLD"})  # GeoNames codes of a country
_PROMINENT_CODES = frozenset({"PPLC", "PCLI", "PCL", "PCLD", "ADM1"})
PROMINENT_POPULATION = 100_000
_FEATURE_RANK = {"P": 0, "A": 1}  # a bare name most often means the town

_NAME_WEIGHT = 0.6
_SUPPORT_WEIGHT = 0.4
_FEATURE, _NEARNESS, _PROVINCE, _COUNTRY = 0.35, 0.30, 0.20, 0.15
NEARNESS_RANGE_KM = 250.0
SAME_PLACE_KM = 25.0
NEIGHBOUR_KM = 400.0  # a town this near the middle of a country a story names may be across its border
# A story that names no country at all (a one-line summary: "two bombs went off in X") may still name
# a town the world knows by that name alone: the only town of the name, with this many people. A town
# that merely outweighs its namesakes is not taken: "Leigh-on-Sea, Essex" named the English county, and
# the largest town called Essex is in Maryland.
SOLE_TOWN_POPULATION = 1_000
_CLEAR_MARGIN = 0.02
VILLAGE_POPULATION = 10_000


@dataclass(frozen=True)
class FeatureHint:
    """What a phrase says about the kind of place: GeoNames feature classes ("P") or codes ("GASF")."""

    classes: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, words: Iterable[str]) -> FeatureHint:
        """"P PPLX GASF" → classes {P}, codes {PPLX, GASF}: one letter is a class, more a code."""
        items = [w.strip() for w in words if w.strip()]
        return cls(frozenset(w for w in items if len(w) == 1), frozenset(w for w in items if len(w) > 1))

    def fits(self, place: Place) -> bool:
        return place.feature_class in self.classes or place.feature_code in self.codes

    def __bool__(self) -> bool:
        return bool(self.classes or self.codes)


@dataclass(frozen=True)
class Evidence:
    """What the story has established: places already resolved, and a feature word by the name."""

    context: tuple[Place, ...] = ()
    hint: FeatureHint = FeatureHint()

    def __bool__(self) -> bool:
        return bool(self.context) or bool(self.hint)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def feature_rank(place: Place) -> int:
    return _FEATURE_RANK.get(place.feature_class, 2)


def _is_container(place: Place) -> bool:
    return place.feature_code in CONTAINER_CODES


def support(place: Place, evidence: Evidence) -> float:
    """How much the story's evidence speaks for this candidate, 0–1."""
    total = _FEATURE if evidence.hint and evidence.hint.fits(place) else 0.0
    context = evidence.context
    if not context:
        return total
    in_country = sum(1 for other in context if other.country == place.country)
    total += _COUNTRY * in_country / len(context)
    if place.admin1 and any(
        other.admin1 == place.admin1 and other.country == place.country
        for other in context
        if other.feature_code not in COUNTRY_CODES
    ):
        total += _PROVINCE
    if not _is_container(place):
        points = [other for other in context if not _is_container(other)]
        if points:
            nearest = min(distance_km(place, other) for other in points)
            total += _NEARNESS * max(0.0, 1.0 - nearest / NEARNESS_RANGE_KM)
    return total


def rank(
    found: Iterable[tuple[Place, float]],
    countries: Sequence[str] | None,
    evidence: Evidence | None = None,
) -> list[tuple[Place, float]]:
    """Candidates (place, name fit) filtered to `countries` and ordered best first, with scores."""
    order = {country: i for i, country in enumerate(countries)} if countries is not None else {}
    found = [fit for fit in found if countries is None or fit[0].country in order]
    best = max((fit for _, fit in found), default=0.0)
    if any(fit >= best and prominent(place) for place, fit in found):
        # a name that is a prominent place's own name means it before a lesser place it is only another
        # spelling of ("Baghdad" is the city, not an Iranian village GeoNames also calls so)
        found = [(place, fit) for place, fit in found if fit >= best or prominent(place)]
    candidates = [place for place, _ in found]

    def obscure(place: Place) -> bool:  # searching every country, the prominent come first
        return countries is None and not prominent(place) and not seat_of_namesake(place, candidates)

    if not evidence:
        return sorted(
            found,
            key=lambda fit: (
                order.get(fit[0].country, 0), -fit[1], obscure(fit[0]), feature_rank(fit[0]), -fit[0].population,
                fit[0].key,
            ),
        )  # fmt: skip
    scored = [
        (place, round(_NAME_WEIGHT * fit + _SUPPORT_WEIGHT * support(place, evidence), 4)) for place, fit in found
    ]
    return sorted(
        scored,
        key=lambda fit: (
            -fit[1], order.get(fit[0].country, 0), obscure(fit[0]), feature_rank(fit[0]), -fit[0].population, fit[0].key
        ),
    )


def prominent(place: Place) -> bool:
    """A capital, a country, a first-level division, or a town of PROMINENT_POPULATION or more."""
    return place.feature_code in _PROMINENT_CODES or place.population >= PROMINENT_POPULATION


def sole_town(candidates: Sequence[Place], known_by_alias: Sequence[Place] = ()) -> Place | None:
    """The town a name means on its own, worldwide: the only candidate, a town of SOLE_TOWN_POPULATION
    or more (a province or a feature of the name too, or a namesake town, and the name alone does not say).

    A prominent place the name is an alternate name of (`known_by_alias`) is meant before the towns whose
    own name it is when it is the only such place and each of them is a village (under VILLAGE_POPULATION)
    with a tenth of its people or fewer: "Derna" is the Libyan city (its English name) before the
    Romanian village of that name, "Bombay" Mumbai before a New Zealand hamlet; "Ra'anana" stays the
    Israeli town, though GeoNames lists the name among London's."""
    known = [place for place in known_by_alias if prominent(place)]
    if len(known) == 1 and all(town.population < VILLAGE_POPULATION and town.population * 10 <= known[0].population for town in candidates):
        return known[0]
    if len(candidates) != 1 or candidates[0].feature_class != "P":
        return None
    return candidates[0] if candidates[0].population >= SOLE_TOWN_POPULATION else None


def seat_of_namesake(place: Place, candidates: Iterable[Place]) -> bool:
    """Whether a town shares its name with the first-level division it lies in (Fredville in
    Fredville province): a bare name means the town, as prominent as its division."""
    return place.feature_class == "P" and bool(place.admin1) and any(
        other.feature_code == "ADM1" and other.country == place.country and other.admin1 == place.admin1
        for other in candidates
    )


def _country_named(place: Place, context: Sequence[Place]) -> bool:
    """Whether another place of the context (not the candidate itself) lies in its country, or the
    context names a country whose middle lies near it: a war spills over a border ("Rwandan troops
    shelled X": a town just across it)."""
    return any(other.country == place.country and other.key != place.key for other in context) or any(
        other.feature_code in COUNTRY_CODES and distance_km(place, other) <= NEIGHBOUR_KM for other in context
    )


def decisive(
    ranked: Sequence[tuple[Place, float]],
    countries: Sequence[str] | None,
    context: Sequence[Place] = (),
) -> bool:
    """Whether the first of the ranked candidates is a choice rather than a coin toss.

    With `countries` None, also whether it lies in a country of the `context` (the other places
    the story has named) or is `prominent`.
    """
    if not ranked:
        return False
    first = ranked[0][0]
    if countries is None and not prominent(first) and not _country_named(first, context):
        if not seat_of_namesake(first, (place for place, _ in ranked)):
            return False
    if len(ranked) < 2:
        return True
    (first, first_score), (second, second_score) = ranked[0], ranked[1]
    if distance_km(first, second) <= SAME_PLACE_KM:
        return True
    if countries is None and _country_named(first, context) and not _country_named(second, context):
        return True  # the story names the first one's country and not the other's
    if first_score - second_score >= _CLEAR_MARGIN:
        return True
    if countries is not None and first.country != second.country:
        order = list(countries)
        if order.index(first.country) < order.index(second.country):
            return True
    if feature_rank(first) < feature_rank(second):
        return True
    return first.population > 0 and first.population >= 2 * second.population


def corroborated(place: Place, context: Sequence[Place]) -> bool:
    """Whether the story already names a place in the same province, or one within nearness range.

    A fuzzy match ("Hweija" for Hawija) is taken only when so corroborated: on its own it is as
    likely a different place the gazetteer lacks ("Baghdadi" is not Baghdad).
    """
    for other in context:
        if other.country != place.country or other.feature_code in COUNTRY_CODES:
            continue
        if place.admin1 and other.admin1 == place.admin1:
            return True
        if not _is_container(other) and distance_km(place, other) <= NEARNESS_RANGE_KM:
            return True
    return False
