"""Readers trained on the train split only, with each type's threshold chosen on dev, saved for
`scripts/score_split.py --split dev --reader FOLDER` (tuned, not blind, figures).

usage: python scripts/experiments/train_only_readers.py OUT_BEFORE OUT_AFTER [MODALITY_WEIGHT]

OUT_BEFORE is the reader as it was before the experiments in this folder (modality C 16, event
threshold 0.35, no cue words); OUT_AFTER is what `frontlines train` fits today.
"""

from __future__ import annotations

import sys
from pathlib import Path

from frontlines.model import EVENT_TYPES
from frontlines.reader.examples import READER_MODALITIES
from frontlines.reader.linear import fit_linear
from frontlines.reader.train import gather, train_reader, tuned_thresholds

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    before, after = map(Path, sys.argv[1:3])
    if len(sys.argv) > 3:  # a modality weighting other than the shipped one ("none", "balanced", "sqrt_balanced", "timeline")
        fit_linear.__kwdefaults__["modality_weight"] = None if sys.argv[3] == "none" else sys.argv[3]
    ann = ROOT / "annotations"
    data = gather(sorted((ann / "current_events").glob("*.jsonl")), sorted((ann / "fakes").glob("*.jsonl")), [ROOT / "src/frontlines/data/demo/reports"])
    train, dev = data.split("train"), data.split("dev")
    old = fit_linear([e.text for e in train], [e.types for e in train], [e.modality for e in train],
                     type_names=EVENT_TYPES, modality_names=READER_MODALITIES, c_modality=16.0, modality_weight=None, meta={"name": "before"})  # fmt: skip
    old.thresholds["event"] = 0.35
    old.thresholds.update(tuned_thresholds(old, dev))
    old.save(before)
    new = train_reader(data, splits=("train",))
    new.thresholds.update(tuned_thresholds(new, dev))
    new.save(after)
    print("before", old.thresholds, "\nafter", new.thresholds)


if __name__ == "__main__":
    main()
