"""Cue words beside the n-grams: groups kept as data, counted per sentence, saved with the reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from frontlines.reader.linear import LinearReader, cue_counts, default_cues, fit_linear

CUES = {"attributed": ["says?\\b", "said\\b", "according to\\b"], "planned": ["will\\b", "plans? to\\b"]}


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Rebels said they shelled the airport, according to a spokesman.", [2, 0]),
        ("The army plans to retake the town and will attack at dawn.", [0, 2]),
        ("Saidi was killed in the blast.", [0, 0]),
    ],
)
def test_each_cue_group_counts_its_words_at_word_starts(sentence: str, counts: list[int]) -> None:
    assert np.allclose(cue_counts([sentence], CUES).toarray()[0], np.log1p(counts))


def test_the_shipped_cue_groups_are_data_with_one_group_per_way_of_telling() -> None:
    cues = default_cues()
    assert {"attributed", "hedged", "planned", "negated", "history"} <= set(cues)
    assert all(isinstance(p, str) for patterns in cues.values() for p in patterns)


def _tiny_reader() -> LinearReader:
    texts = ["Troops said they shelled the village.", "Troops shelled the village.", "The ministers met in Geneva.",
             "Rebels will attack the town tomorrow.", "Rebels attacked the town.", "The team won the cup."] * 3  # fmt: skip
    types = [frozenset({"attack"}), frozenset({"attack"}), frozenset(), frozenset({"attack"}), frozenset({"attack"}), frozenset()] * 3
    modalities = ["reported", "asserted", None, "planned", "asserted", None] * 3
    return fit_linear(texts, types, modalities, type_names=("attack",), modality_names=("asserted", "reported", "planned"), cues=CUES)


def test_a_reader_keeps_the_cue_groups_it_learned_with(tmp_path: Path) -> None:
    reader = _tiny_reader()
    reader.save(tmp_path / "r")
    loaded = LinearReader.load(tmp_path / "r")
    assert loaded.cues == CUES
    sentence = ["Rebels said they attacked the town."]
    assert np.allclose(loaded.modality_probabilities(loaded.features(sentence)), reader.modality_probabilities(reader.features(sentence)), atol=1e-2)


def test_a_sure_type_tells_an_event_the_event_score_missed() -> None:
    reader = _tiny_reader()
    reader.thresholds.update({"event": 1.0, "attack": 0.5, "any_type": 1.01})
    (missed,) = reader.read(["Rebels attacked the town."])
    reader.thresholds["any_type"] = 0.5
    (seen,) = reader.read(["Rebels attacked the town."])
    assert not missed.types and seen.types == {"attack"}
