"""The word lists that keep place matching in running text honest, read from data files.

- stopwords.txt: words and phrases never taken as places (demonyms, actors, months, ...).
- ambiguous_words.txt: place names that are also ordinary words or personal names ("Hit").
- feature_words.tsv: words after a name that say what kind of place it is ("gas field").
- feature_hints.tsv: words next to a name that hint at its kind without joining it ("village of").
- name_particles.txt: lower-case words inside names ("Porto da Serra"); optional in a user's folder.
- capital_words.txt: words that after a country stand for its capital ("Freedonia's capital"); optional.

Users extend the files, not the code. Each list is read once per process, on first use.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.gazetteer.disambiguate import FeatureHint
from frontlines.gazetteer.normalise import name_key
from frontlines.gazetteer.records import DATA_DIR

__all__ = ["FeaturePhrase", "WordLists", "bundled_word_lists", "read_word_lists"]


@dataclass(frozen=True)
class FeaturePhrase:
    codes: frozenset[str]
    """GeoNames feature codes the phrase names ("gas field" → GASF, OILF)."""
    drop_if_missing: bool
    """When the name has no such feature: True drops the name ("the Zab river"), False keeps it."""


@dataclass(frozen=True)
class WordLists:
    stop_keys: frozenset[str]
    """Normalised keys (name_key) of words and phrases that are never places."""
    ambiguous: frozenset[str]
    """Lower-cased surface forms of place names that need capitalisation and context."""
    feature_phrases: dict[tuple[str, ...], FeaturePhrase]
    """Lower-cased word sequences ("gas", "field") → the kind of place they name."""
    hints_before: dict[tuple[str, ...], FeatureHint] = field(default_factory=dict)
    """Lower-cased words right before a name ("village", "of") → the kinds of place they hint at."""
    hints_after: dict[tuple[str, ...], FeatureHint] = field(default_factory=dict)
    """Lower-cased words right after a name ("village",) → the kinds of place they hint at."""
    particles: frozenset[str] = frozenset()
    """Lower-case words that may sit inside a name between capitalised ones ("da", "de", "van")."""
    capital_words: frozenset[str] = frozenset()
    """Lower-cased words that after a country's name or adjective mean its capital ("capital")."""

    @property
    def longest_feature_phrase(self) -> int:
        return max((len(p) for p in self.feature_phrases), default=0)

    @property
    def longest_hint(self) -> int:
        return max((len(p) for p in (*self.hints_before, *self.hints_after)), default=0)


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GazetteerError(f"word list not found: {path}", hint="restore it from the repository") from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def read_word_lists(directory: Path = DATA_DIR) -> WordLists:
    """Read stopwords.txt, ambiguous_words.txt, feature_words.tsv, feature_hints.tsv and (if there)
    name_particles.txt and capital_words.txt from a directory."""
    stop_keys = frozenset(key for key in (name_key(line) for line in _lines(directory / "stopwords.txt")) if key)
    ambiguous = frozenset(line.casefold() for line in _lines(directory / "ambiguous_words.txt"))
    rows = csv.DictReader(_lines(directory / "feature_words.tsv"), delimiter="\t")
    phrases: dict[tuple[str, ...], FeaturePhrase] = {}
    for row in rows:
        words = tuple((row.get("phrase") or "").casefold().split())
        codes = frozenset((row.get("feature_codes") or "").split())
        if_missing = (row.get("if_missing") or "keep").strip()
        if not words or not codes or if_missing not in ("keep", "drop"):
            raise GazetteerError(
                f"{directory / 'feature_words.tsv'}: bad row {row!r}",
                hint="write 'phrase<TAB>CODE CODE<TAB>keep|drop'",
            )
        phrases[words] = FeaturePhrase(codes, if_missing == "drop")
    before, after = _read_hints(directory / "feature_hints.tsv")
    particles = _optional_words(directory / "name_particles.txt")
    return WordLists(
        stop_keys=stop_keys,
        ambiguous=ambiguous,
        feature_phrases=phrases,
        hints_before=before,
        hints_after=after,
        particles=particles,
        capital_words=_optional_words(directory / "capital_words.txt"),
    )


def _optional_words(path: Path) -> frozenset[str]:
    """A list a user's folder may lack (it came after the others): empty then."""
    return frozenset(w.casefold() for w in _lines(path)) if path.exists() else frozenset()


def _read_hints(path: Path) -> tuple[dict[tuple[str, ...], FeatureHint], dict[tuple[str, ...], FeatureHint]]:
    found: dict[str, dict[tuple[str, ...], FeatureHint]] = {"before": {}, "after": {}}
    for row in csv.DictReader(_lines(path), delimiter="\t"):
        words = tuple((row.get("phrase") or "").casefold().split())
        position = (row.get("position") or "").strip()
        hint = FeatureHint.parse((row.get("feature_codes") or "").split())
        if not words or not hint or position not in found:
            raise GazetteerError(f"{path}: bad row {row!r}", hint="write 'phrase<TAB>before|after<TAB>P PPLX ...'")
        found[position][words] = hint
    return found["before"], found["after"]


@lru_cache(maxsize=1)
def bundled_word_lists() -> WordLists:
    """The word lists shipped with frontlines (read once per process)."""
    return read_word_lists()
