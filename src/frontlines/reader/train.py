"""`frontlines train`: fit the reader from annotations, report files with gold and analysts' verdicts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.model import EVENT_TYPES
from frontlines.reader.examples import (
    READER_MODALITIES,
    Example,
    article_examples,
    gold_report_examples,
    line_examples,
)
from frontlines.reader.linear import LinearReader, fit_linear
from frontlines.reader.scoring import score_sentences

DEFAULT_THRESHOLDS = {"event": 0.4}


@dataclass
class TrainingData:
    examples: list[Example] = field(default_factory=list)
    sources: Counter = field(default_factory=Counter)

    def add(self, name: str, examples: Sequence[Example]) -> None:
        self.examples += examples
        self.sources[name] += len(examples)

    def split(self, *names: str) -> list[Example]:
        return [e for e in self.examples if e.split in names]


def gather(
    line_annotations: Sequence[Path] = (),
    article_annotations: Sequence[Path] = (),
    gold_folders: Sequence[Path] = (),
    verdicts: Sequence[Example] = (),
) -> TrainingData:
    data = TrainingData()
    data.add("current-events lines", line_examples(line_annotations))
    data.add("FA-KES article sentences", article_examples(article_annotations))
    for folder in gold_folders:
        data.add(f"gold reports in {folder.name}", gold_report_examples(folder))
    data.add("analysts' verdicts", list(verdicts))
    return data


def train_reader(
    data: TrainingData,
    *,
    splits: Sequence[str] = ("train",),
    thresholds: dict[str, float] | None = None,
    licences: Sequence[str] = (),
    progress: Callable[[str], None] = lambda _: None,
) -> LinearReader:
    """Fit on the chosen splits; the card records what it learned from."""
    chosen = [e for e in data.examples if e.split in splits]
    progress(f"fitting on {len(chosen)} sentences")
    meta = {
        "name": "frontlines-reader",
        "trained": dt.date.today().isoformat(),
        "splits": list(splits),
        "examples": len(chosen),
        "with_events": sum(bool(e.types) for e in chosen),
        "sources": dict(data.sources),
        "licences": list(licences),
    }
    reader = fit_linear(
        [e.text for e in chosen], [e.types for e in chosen], [e.modality for e in chosen],
        type_names=EVENT_TYPES, modality_names=READER_MODALITIES, meta=meta,
    )  # fmt: skip
    reader.thresholds.update(DEFAULT_THRESHOLDS)
    reader.thresholds.update(thresholds or {})
    return reader


def evaluate_reader(reader: LinearReader, examples: Sequence[Example]) -> dict:
    verdicts = reader.read([e.text for e in examples])
    return score_sentences([e.types for e in examples], [e.modality for e in examples], verdicts)
