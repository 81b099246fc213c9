"""Reader variants side by side on the dev split (train split only; the test split is never read).

usage: python scripts/experiments/reader_variants.py [--variants a,b,...] [--json OUT]

Every variant trains on the train split (current-events lines, FA-KES article sentences and the
demo corpus's gold, as `frontlines train` does) and is scored on dev lines and dev article
sentences twice: with thresholds chosen blind (out-of-fold on train, grouped by day or article)
and with thresholds chosen on dev itself, as the shipped procedure does (tuned, not blind).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from frontlines.model import EVENT_TYPES
from frontlines.reader.examples import READER_MODALITIES, Example
from frontlines.reader import linear
from frontlines.reader.linear import LinearReader, default_cues, fit_linear
from frontlines.reader.scoring import score_sentences
from frontlines.reader.train import gather, tuned_thresholds

ROOT = Path(__file__).resolve().parents[2]


def load() -> tuple[list[Example], dict[str, list[Example]]]:
    ann = ROOT / "annotations"
    data = gather(sorted((ann / "current_events").glob("*.jsonl")), sorted((ann / "fakes").glob("*.jsonl")), [ROOT / "src/frontlines/data/demo/reports"])
    train = data.split("train")
    dev = data.split("dev")
    sets = {"lines": [e for e in dev if e.origin.startswith("ce:")], "articles": [e for e in dev if e.origin.startswith("fakes:")]}
    return train, sets


def fit(train: list[Example], any_type: float | None = None, event: float = 0.35, **options) -> LinearReader:
    """A reader as the shipped one was before these experiments unless a variant says otherwise
    (modality C 16 and unweighted, event threshold 0.35, no type overriding the event score, no cue words)."""
    options.setdefault("c_modality", 16.0)
    options.setdefault("modality_weight", None)
    reader = fit_linear([e.text for e in train], [e.types for e in train], [e.modality for e in train],
                        type_names=EVENT_TYPES, modality_names=READER_MODALITIES,
                        origins=[e.origin for e in train], **options)  # fmt: skip
    reader.thresholds["event"] = event
    if any_type:
        reader.thresholds["any_type"] = any_type
    return reader


def score(reader: LinearReader, examples: list[Example]) -> dict:
    s = score_sentences([e.types for e in examples], [e.modality for e in examples], reader.read([e.text for e in examples]))
    return {"event_f1": s["event"]["f1"], "macro_f1": s["macro_f1"], "modality": s["modality_accuracy"],
            "types": {t: v["f1"] for t, v in s["types"].items()}}  # fmt: skip


def oof_thresholds(train: list[Example], options: dict, folds: int = 3) -> dict[str, float]:
    """Per-type thresholds chosen on out-of-fold train predictions (folds by day or article): blind to dev."""
    groups = sorted({e.group for e in train})
    rng = np.random.default_rng(0)
    fold_of = {g: int(f) for g, f in zip(groups, rng.integers(0, folds, len(groups)), strict=True)}
    held: list[Example] = []
    probs = []
    events = []
    for k in range(folds):
        inner = [e for e in train if fold_of[e.group] != k]
        outer = [e for e in train if fold_of[e.group] == k]
        reader = fit(inner, **options)
        x = reader.features([e.text for e in outer])
        events.append(reader.event_probabilities(x))
        probs.append(reader.type_probabilities(x))
        held += outer
    stacked = _Stacked(reader, np.concatenate(events), np.concatenate(probs))
    return tuned_thresholds(stacked, held)


class _Stacked:
    """Out-of-fold scores dressed as a reader for `tuned_thresholds`."""

    def __init__(self, reader: LinearReader, events: np.ndarray, types: np.ndarray) -> None:
        self.types, self.thresholds = reader.types, reader.thresholds
        self._events, self._types = events, types

    def features(self, texts):
        return None

    def event_probabilities(self, _):
        return self._events

    def type_probabilities(self, _):
        return self._types


VARIANTS: dict[str, dict] = {
    "baseline": {},
    "mod_balanced": {"modality_weight": "balanced"},
    "mod_articles_x3": {"article_modality_weight": 3.0},
    "mod_c4": {"c_modality": 4.0},
    "mod_c64": {"c_modality": 64.0},
    "types_on_events": {"types_on_events": True},
    "types_c1": {"c_types": 1.0, "c_event": 4.0},
    "types_c16": {"c_types": 16.0, "c_event": 4.0},
    "types_unbalanced": {"type_weight": None},
    "event_c16": {"c_event": 16.0},
    "any_type_0.9": {"any_type": 0.9},
    "cues": {"cues": default_cues()},
    "cues_mc4": {"cues": default_cues(), "c_modality": 4.0},
    "cues_mc4_any": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9},
    "cues_mc4_any_toe": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "types_on_events": True},
    "cues_mc4_any_ev0.3": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3},
    "cues_mc4_bal_any_toe": {"cues": default_cues(), "c_modality": 4.0, "modality_weight": "balanced", "any_type": 0.9, "types_on_events": True},
    "cues_mc4_bal_any": {"cues": default_cues(), "c_modality": 4.0, "modality_weight": "balanced", "any_type": 0.9},
    "cues_mc4_any_ev0.3_hash18": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3, "hashing": 2**18},
    "cues_mc4_any_ev0.3_hash19": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3, "hashing": 2**19},
    "cues_mc4_any_ev0.3_cue1": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3, "cue_weight": 1.0},
    "cues_mc4_any_ev0.3_cue2": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3, "cue_weight": 2.0},
    "cues_mc4_any_ev0.3_sqrtbal": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3, "modality_weight": "sqrt_balanced"},
    "cues_mc4_any_ev0.3_bal": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3, "modality_weight": "balanced"},
    "shipped": {"cues": default_cues(), "c_modality": 4.0, "any_type": 0.9, "event": 0.3, "modality_weight": "timeline"},  # = train_reader today
}


def run(names: list[str], train: list[Example], sets: dict[str, list[Example]], oof: bool) -> dict:
    results = {}
    for name in names:
        options = dict(VARIANTS[name])
        linear.N_FEATURES = options.pop("hashing", 2**17)  # the vectorizers read it at each call
        linear.CUE_WEIGHT = options.pop("cue_weight", 0.5)
        start = time.perf_counter()
        reader = fit(train, **options)
        seconds = time.perf_counter() - start
        row: dict = {"seconds": round(seconds, 1)}
        row["default"] = {k: score(reader, v) for k, v in sets.items()}
        reader.thresholds.update(tuned_thresholds(reader, sets["lines"] + sets["articles"]))
        row["dev_tuned"] = {k: score(reader, v) for k, v in sets.items()}
        if oof:
            reader.thresholds.update(oof_thresholds(train, options))
            row["oof"] = {k: score(reader, v) for k, v in sets.items()}
        spec = reader.read(["Rebels said they had shot down a government helicopter near the city.", "The militants reportedly executed twelve villagers."])
        row["spec_sentences"] = [(sorted(v.types), v.modality, round(v.modality_score, 2)) for v in spec]  # tests/reader/test_reader_model.py
        results[name] = row
        print(f"\n== {name} ({seconds:.0f} s) spec sentences: {row['spec_sentences']}")
        for how in [h for h in ("default", "oof", "dev_tuned") if h in row]:
            for set_name, s in row[how].items():
                per = " ".join(f"{t[:5]} {v:.2f}" for t, v in s["types"].items())
                print(f"{how:9} {set_name:8} ev {s['event_f1']:.3f} macro {s['macro_f1']:.3f} mod {s['modality']:.3f} | {per}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--oof", action="store_true", help="also choose thresholds out-of-fold on train (slow)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    train, sets = load()
    results = run(args.variants.split(","), train, sets, args.oof)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
