"""The spelling-variant suite: how reports spell places of Iraq and Syria, resolved by the bundled gazetteer.

data/spelling_variants.tsv lists each spelling with the entry it must resolve to. A spelling counts
as resolved only when `Gazetteer.resolve` (no story context, countries IQ then SY) returns exactly
that entry: a miss is a wrong place or no place. The bar is 95%; the misses are printed.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontlines.gazetteer import Gazetteer
from frontlines.gazetteer.normalise import is_arabic

VARIANTS_FILE = Path(__file__).with_name("data") / "spelling_variants.tsv"
BAR = 0.95


def _variants() -> list[tuple[str, str]]:
    with open(VARIANTS_FILE, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(row["spelling"], row["key"]) for row in rows]


VARIANTS = _variants()


def test_the_suite_covers_enough_places_spellings_and_scripts() -> None:
    assert len(VARIANTS) >= 80
    assert len({key for _, key in VARIANTS}) >= 25
    assert sum(is_arabic(spelling) for spelling, _ in VARIANTS) >= 25
    assert len(set(VARIANTS)) == len(VARIANTS), "no spelling twice"


def test_every_expected_entry_exists(gazetteer: Gazetteer) -> None:
    missing = sorted({key for _, key in VARIANTS if key not in gazetteer})
    assert not missing


@pytest.fixture(scope="module")
def outcomes(gazetteer: Gazetteer) -> list[tuple[str, str, str | None]]:
    results = []
    for spelling, key in VARIANTS:
        place = gazetteer.resolve(spelling)
        results.append((spelling, key, None if place is None else place.key))
    return results


def test_at_least_95_percent_of_spellings_resolve_to_the_right_entry(
    gazetteer: Gazetteer, outcomes: list[tuple[str, str, str | None]]
) -> None:
    misses = [(spelling, key, got) for spelling, key, got in outcomes if got != key]
    share = 1 - len(misses) / len(outcomes)
    report = "\n".join(
        f"  {spelling!r}: expected {key} ({gazetteer.get(key).name}), got "
        + (f"{got} ({gazetteer.get(got).name}, {gazetteer.get(got).admin1})" if got else "nothing")
        for spelling, key, got in misses
    )
    print(f"\nspelling variants: {len(outcomes) - len(misses)}/{len(outcomes)} = {share:.1%} resolved right")
    if misses:
        print(f"misses:\n{report}")
    assert share >= BAR, f"{share:.1%} < {BAR:.0%}; misses:\n{report}"
