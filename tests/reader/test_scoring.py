"""Sentence scores: event vs none, each type, macro F1 over the types the gold holds, modality."""

from __future__ import annotations

import pytest

from frontlines.reader.scoring import SentenceVerdict, score_sentences


def test_scores_count_events_types_and_modality() -> None:
    gold_types = [frozenset({"airstrike"}), frozenset({"battle", "territory_taken"}), frozenset(), frozenset()]
    gold_modalities = ["asserted", "reported", None, None]
    said = [
        SentenceVerdict(frozenset({"airstrike"}), "asserted"),
        SentenceVerdict(frozenset({"battle"}), "asserted"),
        SentenceVerdict(frozenset({"attack"}), "asserted"),
        SentenceVerdict(frozenset(), None),
    ]
    scores = score_sentences(gold_types, gold_modalities, said)
    assert scores["event"]["precision"] == pytest.approx(2 / 3) and scores["event"]["recall"] == 1.0
    assert scores["types"]["territory_taken"]["f1"] == 0.0 and scores["types"]["airstrike"]["f1"] == 1.0
    # macro over the types the gold holds: airstrike 1, battle 1, territory_taken 0 (attack has no gold)
    assert scores["macro_f1"] == pytest.approx(2 / 3)
    assert scores["modality_accuracy"] == pytest.approx(0.5)
