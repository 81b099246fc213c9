"""A proper name that "in", "near" or "on" governs is a place, whatever label spaCy gives it."""

from __future__ import annotations

import pytest

from frontlines.extract.place_words import names_after_locatives

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Rebels clashed with government troops in Jabal al-Qurun on Monday.", ["Jabal al-Qurun"]),
        ("Helicopters dropped barrel bombs on Kafr Zaytoun and Tal Umm Harb.", ["Kafr Zaytoun", "Tal Umm Harb"]),
        ("The minister spoke to reporters on Monday.", []),
    ],
)
def test_names_after_locative_prepositions_are_place_words(pipeline, sentence: str, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    span = next(iter(pipeline.nlp(sentence).sents))
    assert [span.text[start:end] for start, end in names_after_locatives(span)] == names
