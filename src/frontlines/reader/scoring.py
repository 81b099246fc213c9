"""Sentence-level scores of a reader: event vs none, each type, macro F1, modality accuracy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from frontlines.model import EVENT_TYPES


@dataclass(frozen=True)
class SentenceVerdict:
    types: frozenset[str]
    modality: str | None
    scores: dict[str, float] = field(default_factory=dict)
    modality_score: float = 1.0


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_sentences(gold_types: Sequence[frozenset[str]], gold_modalities: Sequence[str | None], verdicts: Sequence[SentenceVerdict]) -> dict:
    tp = fp = fn = 0
    per_type = {t: [0, 0, 0] for t in EVENT_TYPES}
    modality_right = modality_total = 0
    for gold, modality, verdict in zip(gold_types, gold_modalities, verdicts, strict=True):
        said, told = bool(verdict.types), bool(gold)
        tp += said and told
        fp += said and not told
        fn += told and not said
        for t in EVENT_TYPES:
            counts = per_type[t]
            counts[0] += t in verdict.types and t in gold
            counts[1] += t in verdict.types and t not in gold
            counts[2] += t in gold and t not in verdict.types
        if modality is not None:
            modality_total += 1
            modality_right += verdict.modality == modality
    p, r, f = _f1(tp, fp, fn)
    types = {t: dict(zip(("precision", "recall", "f1"), _f1(*c)), support=c[0] + c[2]) for t, c in per_type.items()}
    supported = [v["f1"] for v in types.values() if v["support"] > 0]
    return {
        "items": len(verdicts),
        "with_events": sum(bool(g) for g in gold_types),
        "event": {"precision": p, "recall": r, "f1": f},
        "macro_f1": sum(supported) / len(supported) if supported else 0.0,
        "types": types,
        "modality_accuracy": modality_right / modality_total if modality_total else 0.0,
        "modality_items": modality_total,
    }
