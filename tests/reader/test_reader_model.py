"""The shipped reader: inside the package, small, with a card, and reading text it never saw."""

from __future__ import annotations

import pytest

from frontlines.reader.bundled import BUNDLED, load_reader
from frontlines.reader.linear import LinearReader


@pytest.fixture(scope="module")
def reader() -> LinearReader:
    return LinearReader.load(BUNDLED)


def test_the_reader_ships_inside_the_package_under_30_mb_with_its_card() -> None:
    size = sum(f.stat().st_size for f in BUNDLED.iterdir())
    assert size <= 30 * 1024 * 1024
    card = (BUNDLED / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in card and "FA-KES" in card and "CC BY 4.0" in card


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Rebel fighters wrested control of the hilltop town from government troops on Monday.", "territory_taken"),
        ("A suicide car bomb tore through a crowded market in the provincial capital, killing 23 people.", "explosion"),
        ("Warplanes pounded rebel positions across the northern countryside overnight.", "airstrike"),
        ("Gunmen stormed a village church during Sunday prayers and opened fire on worshippers.", "attack"),
    ],
)
def test_it_sees_the_event_a_sentence_tells_whatever_its_verb(reader: LinearReader, sentence: str, event_type: str) -> None:
    (verdict,) = reader.read([sentence])
    assert event_type in verdict.types, verdict.scores


@pytest.mark.parametrize(
    "sentence",
    [
        "The foreign ministers met in Geneva to discuss a new trade agreement.",
        "The national football team won the regional cup for the third time.",
    ],
)
def test_it_sees_no_event_in_politics_or_sport(reader: LinearReader, sentence: str) -> None:
    (verdict,) = reader.read([sentence])
    assert not verdict.types, verdict.scores


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Rebels said they had shot down a government helicopter near the city.", "reported"),
        ("The militants reportedly executed twelve villagers.", "hedged"),
    ],
)
def test_it_tells_how_an_event_is_told(reader: LinearReader, sentence: str, modality: str) -> None:
    (verdict,) = reader.read([sentence])
    assert verdict.types and verdict.modality == modality, verdict


def test_the_rules_alone_are_one_setting_away() -> None:
    assert load_reader("rules") is None
