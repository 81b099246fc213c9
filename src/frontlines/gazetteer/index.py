"""The gazetteer index: names → places, by normalised key, with fuzzy matching as a fallback.

Two layers. In memory: the bundled Iraq/Syria file (curated) and whatever `frontlines gazetteer
import` stored. On disk: the worldwide index (`frontlines.gazetteer.world`, GeoNames cities500,
first-level divisions and countries), queried by key when a lookup may reach beyond Iraq and
Syria. A worldwide place with the GeoNames id of one in memory is the one in memory, so curated
facts win; for Iraq and Syria the worldwide layer adds only names in other scripts (Cyrillic,
Chinese, ...), the bundled file being complete for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from frontlines.errors import GazetteerError
from frontlines.gazetteer.disambiguate import ALIAS_FIT, OWN_NAME_FIT, Evidence, FeatureHint, corroborated, decisive, rank, sole_town
from frontlines.gazetteer.normalise import is_arabic, name_key
from frontlines.gazetteer.records import read_places
from frontlines.gazetteer.spans import find_place_spans
from frontlines.gazetteer.wordlists import WordLists, bundled_word_lists
from frontlines.model import Place, PlaceMatch

if TYPE_CHECKING:
    from frontlines.gazetteer.world import WorldIndex
    from frontlines.store import Store

__all__ = ["BUNDLED_COUNTRIES", "DEFAULT_COUNTRIES", "Gazetteer"]

DEFAULT_COUNTRIES = ("IQ", "SY")
BUNDLED_COUNTRIES = frozenset(DEFAULT_COUNTRIES)
"""Countries whose places the bundled file holds whole: the worldwide layer only adds names in other scripts."""

# How well a name fits: its own name (OWN_NAME_FIT) beats one of its aliases (ALIAS_FIT); fuzzy
# matches score below any exact one.
_FUZZY_WEIGHT = 0.9
FUZZY_CUTOFF = 88  # rapidfuzz fuzz.ratio, 0-100
_FUZZY_MIN_KEY = 5  # shorter keys are never fuzzy-matched: "hit" or "abas" are one edit from too much

KeyedEntry = tuple[Place, Sequence[tuple[str, str]]]
"""A place and its names, each with its normalised key: (name, name_key(name))."""


class Gazetteer:
    """Places and their names, searchable by name (`lookup`, `resolve`) and in running text (`match_spans`).

    Built from (place, names) pairs; `Gazetteer.bundled()` gives the one shipped with frontlines,
    worldwide, `Gazetteer.from_store(store)` that one plus what `frontlines gazetteer import` stored.
    `world`: the worldwide layer, or a function that opens it on first need; None (the default for
    a gazetteer built from entries) means the entries are all there is. `len`, iteration and
    `key_count` count the places in memory only.
    """

    def __init__(
        self,
        entries: Iterable[tuple[Place, Sequence[str]]],
        *,
        word_lists: WordLists | None = None,
        world: WorldIndex | Callable[[], WorldIndex] | None = None,
    ) -> None:
        self._index(((place, [(name, name_key(name)) for name in names]) for place, names in entries), word_lists)
        self._world = world

    @classmethod
    def from_keyed(
        cls,
        entries: Iterable[KeyedEntry],
        *,
        word_lists: WordLists | None = None,
        world: WorldIndex | Callable[[], WorldIndex] | None = None,
    ) -> Gazetteer:
        """A gazetteer from names whose keys are already known (as the store holds them)."""
        gazetteer = cls.__new__(cls)
        gazetteer._index(entries, word_lists)
        gazetteer._world = world
        return gazetteer

    @property
    def world(self) -> WorldIndex | None:
        """The worldwide layer (opened, and built the first time, on first use), or None."""
        if callable(self._world):
            self._world = self._world()
        return self._world

    def _index(self, entries: Iterable[KeyedEntry], word_lists: WordLists | None) -> None:
        places: dict[str, Place] = {}
        names: dict[str, tuple[str, ...]] = {}
        by_key: dict[str, list[tuple[Place, float]]] = {}
        for place, keyed in entries:
            if place.key in places:
                raise GazetteerError(f"duplicate gazetteer key {place.key}", hint="merge the two entries")
            places[place.key] = place
            names[place.key] = tuple(name for name, _ in keyed)
            own = next((key for name, key in keyed if name == place.name), None) or name_key(place.name)
            if own:
                by_key.setdefault(own, []).append((place, OWN_NAME_FIT))
            for key in {key for _, key in keyed}:
                if key and key != own:
                    by_key.setdefault(key, []).append((place, ALIAS_FIT))
        self._places, self._names, self._by_key = places, names, by_key
        # Fuzzy candidates by (first letter, length) and (last letter, length): a ratio ≥ FUZZY_CUTOFF
        # bounds the length difference, and a misspelling keeps the first or the last letter.
        self._fuzzy_by_first: dict[tuple[str, int], list[str]] = {}
        self._fuzzy_by_last: dict[tuple[str, int], list[str]] = {}
        for key in self._by_key:
            if len(key) >= _FUZZY_MIN_KEY:
                self._fuzzy_by_first.setdefault((key[0], len(key)), []).append(key)
                self._fuzzy_by_last.setdefault((key[-1], len(key)), []).append(key)
        self._word_lists = word_lists

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The gazetteer shipped with frontlines, loaded on first use and shared in the process."""
        return _bundled_gazetteer()

    @classmethod
    def from_store(cls, store: Store) -> Gazetteer:
        """The bundled gazetteer plus every place and name imported into this store.

        Imported GeoNames rows win over bundled rows with the same GeoNames id (the bundled,
        curated display name stays); names are merged. With nothing imported this is `bundled()`.
        """
        from frontlines.gazetteer.stored import gazetteer_from_store

        return gazetteer_from_store(store)

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

    @property
    def key_count(self) -> int:
        """How many distinct normalised names the index holds."""
        return len(self._by_key)

    def get(self, key: str) -> Place:
        """The place with this key ("gn:92138", "fl:akkas-gas-field"), in memory or worldwide."""
        place = self._places.get(key)
        if place is None and key.startswith("gn:") and key[3:].isdigit() and self.world is not None:
            place = self.world.get(int(key[3:]))
        if place is None:
            raise GazetteerError(
                f"no gazetteer entry with key {key!r}",
                hint="keys look like gn:<GeoNames id> or fl:<slug>; use lookup() to find a place by name",
            )
        return place

    def capital_of(self, country: str) -> Place | None:
        """The capital of a country (ISO code), as the worldwide layer marks it (the curated entry
        when the place is also in memory); None without a worldwide layer or a capital."""
        world = self.world
        capital = world.capital(country) if world is not None else None
        if capital is None:
            return None
        return self._places.get(capital.key, capital)

    def names(self, key: str) -> tuple[str, ...]:
        """All names of the place with this key (a worldwide place: one per normalised key)."""
        place = self.get(key)
        if key in self._names:
            return self._names[key]
        assert self.world is not None and place.geonames_id is not None
        return self.world.names(place.geonames_id)

    def candidates(
        self,
        key: str,
        *,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        feature_codes: Iterable[str] | None = None,
        evidence: Evidence | None = None,
    ) -> list[tuple[Place, float]]:
        """Places whose names have exactly this normalised key, best first."""
        found: Sequence[tuple[Place, float]] = self._by_key.get(key, ())
        if self.reaches_world(key, countries):
            found = self._with_world(key, found, countries)
        if feature_codes is not None:
            codes = set(feature_codes)
            found = tuple(fit for fit in found if fit[0].feature_code in codes)
        return rank(found, countries, evidence)

    def reaches_world(self, key: str, countries: Sequence[str] | None) -> bool:
        """Whether the worldwide layer can add to a search: there is one, and the search reaches a
        country beyond the bundled ones, or the key is in a script the bundled file leaves out."""
        if self._world is None:
            return False
        if countries is None or any(country not in BUNDLED_COUNTRIES for country in countries):
            return True
        return not key.isascii() and not is_arabic(key)

    def _with_world(
        self, key: str, found: Sequence[tuple[Place, float]], countries: Sequence[str] | None
    ) -> list[tuple[Place, float]]:
        """In-memory candidates plus worldwide ones, a place known in memory taken from memory."""
        world = self.world
        assert world is not None
        merged = {place.key: (place, fit) for place, fit in found}
        wanted = None if countries is None else set(countries)
        other_script = not key.isascii() and not is_arabic(key)
        for place, fit in world.candidates(key):
            if wanted is not None and place.country not in wanted:
                continue
            if place.country in BUNDLED_COUNTRIES and not other_script:
                continue  # the bundled file has every Latin and Arabic name of Iraq and Syria
            known = self._places.get(place.key)
            if known is None and place.country in BUNDLED_COUNTRIES:
                continue  # not a bundled place: the curated file left it out or moved it
            place = known or place
            if place.key not in merged or merged[place.key][1] < fit:
                merged[place.key] = (place, fit)
        return list(merged.values())

    def lookup(
        self,
        name: str,
        *,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        limit: int = 10,
        context: Sequence[Place] | None = None,
    ) -> list[tuple[Place, float]]:
        """Places that a name may mean, best first, each with a score in [0, 1].

        Exact normalised-key matches come first and alone; only when there is none does a fuzzy
        match (rapidfuzz ratio ≥ 88 on the keys) run. A feature word in the name that no entry
        carries ("the village of Zab", "Zab town") is read as a hint at the kind of place.
        `countries` both filters and orders (earlier is preferred); None means every country.
        `context`, the places already resolved in the same story, ranks shared names by country,
        province and distance (see `frontlines.gazetteer.disambiguate`); without it, ties go to
        the place's own name over an alias, then towns over provinces over features, then the
        larger population.
        """
        return self._lookup(name, countries, limit, context)[0]

    def _lookup(
        self, name: str, countries: Sequence[str] | None, limit: int, context: Sequence[Place] | None
    ) -> tuple[list[tuple[Place, float]], bool]:
        """Ranked candidates, and whether they came from fuzzy matching."""
        key = name_key(name)
        if not key:
            return [], False
        evidence = Evidence(context=tuple(context or ()))
        exact = self.candidates(key, countries=countries, evidence=evidence)
        if not exact:
            core, hint = self._split_hint(name)
            core_key = name_key(core) if core else ""
            if core_key:
                evidence = Evidence(context=evidence.context, hint=hint)
                exact = self.candidates(core_key, countries=countries, evidence=evidence)
        if exact or len(key) < _FUZZY_MIN_KEY:
            return exact[:limit], False
        found: dict[str, tuple[Place, float]] = {}
        for other, ratio in self._fuzzy_keys(key, limit):
            for place, weight in self._by_key[other]:
                score = round(weight * _FUZZY_WEIGHT * ratio / 100, 4)
                if score > found.get(place.key, (place, 0.0))[1]:
                    found[place.key] = (place, score)
        return rank(tuple(found.values()), countries, evidence)[:limit], True

    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        context: Sequence[Place] | None = None,
    ) -> Place | None:
        """The one place a name means in this context, or None — never a guess.

        Unresolved: unknown names; coin tosses between distant places of one name (see
        `disambiguate.decisive`); with `countries` None, a place that is neither prominent nor in
        a country the context names; fuzzy matches the context does not corroborate (a place in
        the same province or within 250 km of one the story named: "Hweija" is Hawija in a
        story about Kirkuk, while "Baghdadi" on its own is not Baghdad).
        """
        ranked, fuzzy = self._lookup(name, countries, 2, context)
        if not ranked or not decisive(ranked, countries, context or ()):
            return None
        best = ranked[0][0]
        if fuzzy and not corroborated(best, context or ()):
            return None
        return best

    def sole_town(self, name: str) -> Place | None:
        """The town a name means with no country to go by: the only place whose own name it is, worldwide,
        a town (`disambiguate.sole_town`); by an alternate name only for a prominent place far larger than
        every town whose own name it is (GeoNames gives London a spelling of Ra'anana, which is not
        prominent); never by a fuzzy match."""
        key = name_key(name)
        if not key:
            return None
        found = self.candidates(key, countries=None)
        return sole_town([place for place, fit in found if fit >= OWN_NAME_FIT], [place for place, fit in found if ALIAS_FIT <= fit < OWN_NAME_FIT])

    def match_spans(
        self,
        text: str,
        *,
        countries: Sequence[str] | None = DEFAULT_COUNTRIES,
        context: Sequence[Place] | None = None,
    ) -> list[PlaceMatch]:
        """Every place name in a text, as non-overlapping character spans, in text order.

        `context`: places already resolved in the same story (earlier sentences), used with the
        text's own unambiguous places to choose among places sharing a name. A name that stays
        a coin toss between distant places is left out. See `frontlines.gazetteer.spans`.
        """
        return find_place_spans(self, text, countries=countries, context=context)

    def _fuzzy_keys(self, key: str, limit: int) -> list[tuple[str, float]]:
        """Keys within FUZZY_CUTOFF of `key`, best first, among those sharing its first or last
        letter and of a length that can reach the cutoff."""
        size = len(key)
        found: dict[str, float] = {}
        longest = size * 200 // FUZZY_CUTOFF
        for length in range(max(_FUZZY_MIN_KEY, size * FUZZY_CUTOFF // 200), longest + 1):
            if 200 * min(size, length) < FUZZY_CUTOFF * (size + length):
                continue
            for bucket in (self._fuzzy_by_first.get((key[0], length)), self._fuzzy_by_last.get((key[-1], length))):
                if not bucket:
                    continue
                for other, ratio, _ in process.extract(
                    key, bucket, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit
                ):
                    found[other] = ratio
        return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]

    def _split_hint(self, name: str) -> tuple[str, FeatureHint]:
        """"the village of Zab" → ("Zab", hint at populated places); ("", empty hint) when none."""
        words = name.split()
        if words and words[0].casefold() == "the":
            words = words[1:]
        folded = [w.casefold() for w in words]
        lists = self.word_lists
        longest = max(lists.longest_hint, lists.longest_feature_phrase)
        for size in range(min(longest, len(words) - 1), 0, -1):
            hint = lists.hints_before.get(tuple(folded[:size]))
            if hint is not None:
                return " ".join(words[size:]), hint
            hint = lists.hints_after.get(tuple(folded[-size:]))
            feature = lists.feature_phrases.get(tuple(folded[-size:]))
            if hint is None and feature is not None:
                hint = FeatureHint(codes=feature.codes)
            if hint is not None:
                return " ".join(words[:-size]), hint
        return "", FeatureHint()


@lru_cache(maxsize=1)
def _bundled_gazetteer() -> Gazetteer:
    from frontlines.gazetteer.world import world_index

    return Gazetteer(read_places(), world=world_index)
