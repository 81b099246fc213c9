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
    quiet_section_examples,
    with_lines_bare,
)
from frontlines.reader.judge import FILE as JUDGE_FILE
from frontlines.reader.judge_training import train_judge
from frontlines.reader.linear import LinearReader, default_cues, fit_linear
from frontlines.reader.parse_views import VIEWS, parse_texts
from frontlines.reader.scoring import score_sentences

# A sentence tells an event when its event score reaches "event", or when one type's score reaches
# "any_type" (a withdrawal or a toll the event score underrates); chosen on dev (scripts/experiments/).
DEFAULT_THRESHOLDS = {"event": 0.3, "any_type": 0.9}
THRESHOLD_GRID = tuple(round(0.15 + 0.05 * n, 2) for n in range(14))  # 0.15 .. 0.80


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
    quiet_sections: bool = False,
) -> TrainingData:
    data = TrainingData()
    data.add("current-events lines", line_examples(line_annotations))
    if quiet_sections:
        data.add("quiet-section lines (no event, by their section)", quiet_section_examples(data.examples))
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
    annotated = [e for e in data.examples if e.split in splits]
    chosen = with_lines_bare(annotated)
    meta = {
        "name": "frontlines-reader",
        "trained": dt.date.today().isoformat(),
        "splits": list(splits),
        "examples": len(annotated),
        "with_events": sum(bool(e.types) for e in annotated),
        "lines_also_read_bare": len(chosen) - len(annotated),
        "sources": dict(data.sources),
        "licences": list(licences),
    }
    progress(f"parsing {len(chosen)} sentences for the reader's views of their grammar")
    parsed = parse_texts([e.text for e in chosen])
    progress(f"fitting on {len(chosen)} sentences")
    reader = fit_linear(
        [e.text for e in chosen], [e.types for e in chosen], [e.modality for e in chosen],
        type_names=EVENT_TYPES, modality_names=READER_MODALITIES, meta=meta, cues=default_cues(), views=VIEWS, parsed=parsed,
    )  # fmt: skip
    reader.thresholds.update(DEFAULT_THRESHOLDS)
    reader.thresholds.update(thresholds or {})
    return reader


def tuned_thresholds(reader: LinearReader, examples: Sequence[Example]) -> dict[str, float]:
    """For each type, the score above which the reader says it best (F1 on `examples`, never the test split)."""
    x = reader.features([e.text for e in examples])
    scores = reader.type_probabilities(x)
    told = reader.tells_event(reader.event_probabilities(x), scores)
    chosen = {}
    for column, name in enumerate(reader.types):
        gold = [name in e.types for e in examples]
        if not any(gold):
            continue
        def f1(threshold: float) -> float:
            said = [bool(t and s >= threshold) for t, s in zip(told, scores[:, column], strict=True)]
            tp = sum(a and b for a, b in zip(said, gold, strict=True))
            return 2 * tp / (sum(said) + sum(gold)) if tp else 0.0
        chosen[name] = max(THRESHOLD_GRID, key=lambda th: (f1(th), -abs(th - 0.5)))
    return chosen


def evaluate_reader(reader: LinearReader, examples: Sequence[Example]) -> dict:
    verdicts = reader.read([e.text for e in examples])
    return score_sentences([e.types for e in examples], [e.modality for e in examples], verdicts)


@dataclass
class TrainingResult:
    folder: Path
    examples: int
    sources: dict[str, int]
    held_out: dict[str, dict]  # split -> sentence scores on annotated items of splits not trained on
    judge: dict | None = None  # the claim judge's threshold and cross-validated figures, when one was fitted


def train(
    out: Path,
    *,
    annotations: Path | None = None,
    gold_folders: Sequence[Path] = (),
    store_url: str | None = None,
    splits: Sequence[str] = ("train", "dev", "scored"),
    score_test: bool = False,
    quiet_sections: bool = False,
    judge_claims: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> TrainingResult:
    """Train a reader into `out` from an annotations folder (`current_events/`, `fakes/`), report
    folders with gold files and the verdicts of a store; score it on dev when dev is held out.

    The test split is scored only when asked (`score_test`): it is frozen and scored once, when
    a reader is final, so that no choice is ever tuned on it. With annotated articles, a claim judge
    (`frontlines.reader.judge`) is then fitted for the new reader on the articles of `splits`
    (`judge_claims`).
    """
    from frontlines.reader.card import write_card

    lines = sorted((annotations / "current_events").glob("*.jsonl")) if annotations else []
    articles = sorted((annotations / "fakes").glob("*.jsonl")) if annotations else []
    verdicts: list[Example] = []
    if store_url:
        from frontlines.reader.verdicts import verdict_examples
        from frontlines.store import Store

        with Store.open(store_url) as store:
            verdicts = verdict_examples(store)
    progress("reading the annotated text")
    data = gather(lines, articles, gold_folders, verdicts, quiet_sections=quiet_sections and bool(lines))
    if not data.split(*splits):
        from frontlines.errors import ModelError

        raise ModelError("nothing to train on", hint="give --annotations, --gold folders with .gold.jsonl files, or a --db with analysts' verdicts")
    licences = []
    if lines:
        licences.append("Wikipedia Current Events Portal lines (CC BY-SA 4.0; compilation CC0), read from the shared corpus by id")
    if articles:
        licences.append("FA-KES (Salem et al., ICWSM 2019; CC BY 4.0), read from the shared corpus by id")
    thresholds: dict[str, float] = {}
    held_out: dict[str, dict] = {}
    if "dev" in splits and len(splits) > 1 and data.split("dev"):
        progress("choosing each type's threshold on dev with a reader that did not see it")
        trial = train_reader(data, splits=[s for s in splits if s != "dev"])
        thresholds = tuned_thresholds(trial, data.split("dev"))
        trial.thresholds.update(thresholds)
        for name, prefix in (("dev lines", "ce:"), ("dev article sentences", "fakes:")):
            examples = [e for e in data.split("dev") if e.origin.startswith(prefix)]
            if examples:  # tuned there, so not blind: the card says so
                held_out[f"{name} (a reader trained without dev, thresholds tuned on dev)"] = evaluate_reader(trial, examples)
    reader = train_reader(data, splits=splits, thresholds=thresholds, licences=licences, progress=progress)
    for split in (s for s in ("dev", "test") if s not in splits and (s != "test" or score_test)):
        examples = data.split(split)
        if examples:
            held_out[split] = evaluate_reader(reader, examples)
    reader.meta["held_out"] = {k: {"event_f1": round(v["event"]["f1"], 4), "type_macro_f1": round(v["macro_f1"], 4),
                                   "modality_accuracy": round(v["modality_accuracy"], 4), "items": v["items"]} for k, v in held_out.items()}  # fmt: skip
    reader.save(out)
    (out / JUDGE_FILE).unlink(missing_ok=True)  # a judge learned another reader's scores
    judge = train_judge(out, articles, splits, progress, lessons=_lessons(store_url, out, progress)) if judge_claims and articles else None
    judged = judge.summary() if judge else None
    write_card(out, {**reader.meta, "thresholds": reader.thresholds, "views": list(reader.views), "judge": judged})
    return TrainingResult(out, len(data.split(*splits)), dict(data.sources), held_out, judged)


def _lessons(store_url: str | None, reader_folder: Path, progress: Callable[[str], None]) -> list:
    """The reports analysts reviewed in the store, as lessons for the claim judge of the new reader."""
    if not store_url:
        return []
    from frontlines.reader.judge_verdicts import verdict_stories
    from frontlines.store import Store

    with Store.open(store_url) as store:
        return verdict_stories(store, reader_folder, progress)
