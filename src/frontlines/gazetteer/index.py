"""The gazetteer index: names → places, by normalised key, with fuzzy matching as a fallback."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from frontlines.errors import GazetteerError
from frontlines.gazetteer.normalise import name_key
from frontlines.gazetteer.records import read_places
from frontlines.gazetteer.spans import find_place_spans
from frontlines.gazetteer.wordlists import WordLists, bundled_word_lists
from frontlines.model import Place, PlaceMatch

__all__ = ["DEFAULT_COUNTRIES", "Gazetteer"]

DEFAULT_COUNTRIES = ("IQ", "SY")

# How well a name fits: the place's own name beats one of its aliases; fuzzy matches score below
# any exact one.
_OWN_NAME = 1.0
_ALIAS = 0.95
_FUZZY_WEIGHT = 0.9
FUZZY_CUTOFF = 88  # rapidfuzz fuzz.ratio, 0-100
_FUZZY_MIN_KEY = 5  # shorter keys are never fuzzy-matched: "hit" or "abas" are one edit from too much

# A bare name most often means the town: populated places first, then provinces and countries,
# then features (fields, dams, mountains).
_FEATURE_RANK = {"P": 0, "A": 1}


def _feature_rank(place: Place) -> int:
    return _FEATURE_RANK.get(place.feature_class, 2)


class Gazetteer:
    """Places and their names, searchable by name (`lookup`) and in running text (`match_spans`).

    Built from (place, names) pairs; `Gazetteer.bundled()` gives the one shipped with frontlines.
    """

    def __init__(
        self,
        entries: Iterable[tuple[Place, Sequence[str]]],
        *,
        word_lists: WordLists | None = None,
    ) -> None:
        self._places: dict[str, Place] = {}
        self._names: dict[str, tuple[str, ...]] = {}
        by_key: dict[str, dict[str, float]] = {}
        for place, names in entries:
            if place.key in self._places:
                raise GazetteerError(f"duplicate gazetteer key {place.key}", hint="merge the two entries")
            self._places[place.key] = place
            self._names[place.key] = tuple(names)
            own = name_key(place.name)
            for name in (place.name, *names):
                key = name_key(name)
                if not key:
                    continue
                weight = _OWN_NAME if key == own else _ALIAS
                fits = by_key.setdefault(key, {})
                fits[place.key] = max(weight, fits.get(place.key, 0.0))
        self._by_key: dict[str, tuple[tuple[Place, float], ...]] = {
            key: tuple((self._places[k], w) for k, w in fits.items()) for key, fits in by_key.items()
        }
        self._fuzzy_keys = [key for key in self._by_key if len(key) >= _FUZZY_MIN_KEY]
        self._word_lists = word_lists

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The gazetteer shipped with frontlines, loaded on first use and shared in the process."""
        return _bundled_gazetteer()

    @property
    def word_lists(self) -> WordLists:
        if self._word_lists is None:
            self._word_lists = bundled_word_lists()
        return self._word_lists

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, key: object) -> bool:
        return key in self._places

    def get(self, key: str) -> Place:
        """The place with this key ("gn:92138", "fl:akkas-gas-field")."""
        try:
            return self._places[key]
        except KeyError:
            raise GazetteerError(
                f"no gazetteer entry with key {key!r}",
                hint="keys look like gn:<GeoNames id> or fl:<slug>; use lookup() to find a place by name",
            ) from None

    def names(self, key: str) -> tuple[str, ...]:
        """All names of the place with this key."""
        self.get(key)
        return self._names[key]

    def candidates(
        self,
        key: str,
        *,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        feature_codes: Iterable[str] | None = None,
    ) -> list[tuple[Place, float]]:
        """Places whose names have exactly this normalised key, best first."""
        found = self._by_key.get(key, ())
        if feature_codes is not None:
            codes = set(feature_codes)
            found = tuple(fit for fit in found if fit[0].feature_code in codes)
        return self._rank(found, countries)

    def lookup(
        self,
        name: str,
        *,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        limit: int = 10,
    ) -> list[tuple[Place, float]]:
        """Places that a name may mean, best first, each with a score in [0, 1].

        Exact normalised-key matches come first and alone; only when there is none does a fuzzy
        match (rapidfuzz ratio ≥ 88 on the keys) run. `countries` both filters and orders
        (earlier is preferred); None means every country. Ties go to the place's own name over
        an alias, then towns over provinces over features, then the larger population.
        """
        key = name_key(name)
        if not key:
            return []
        exact = self.candidates(key, countries=countries)
        if exact or len(key) < _FUZZY_MIN_KEY:
            return exact[:limit]
        found: dict[str, tuple[Place, float]] = {}
        for other, ratio, _ in process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit
        ):
            for place, weight in self._by_key[other]:
                score = round(weight * _FUZZY_WEIGHT * ratio / 100, 4)
                if score > found.get(place.key, (place, 0.0))[1]:
                    found[place.key] = (place, score)
        return self._rank(tuple(found.values()), countries)[:limit]

    def match_spans(self, text: str, *, countries: Sequence[str] | None = DEFAULT_COUNTRIES) -> list[PlaceMatch]:
        """Every place name in a text, as non-overlapping character spans, in text order.

        See `frontlines.gazetteer.spans` for the rules (capitals, stop words, feature words).
        """
        return find_place_spans(self, text, countries=countries)

    @staticmethod
    def _rank(found: Iterable[tuple[Place, float]], countries: Sequence[str] | None) -> list[tuple[Place, float]]:
        if countries is not None:
            order = {country: i for i, country in enumerate(countries)}
            found = [fit for fit in found if fit[0].country in order]
        else:
            order = {}
        return sorted(
            found,
            key=lambda fit: (
                order.get(fit[0].country, 0),
                -fit[1],
                _feature_rank(fit[0]),
                -fit[0].population,
                fit[0].key,
            ),
        )


@lru_cache(maxsize=1)
def _bundled_gazetteer() -> Gazetteer:
    return Gazetteer(read_places())
