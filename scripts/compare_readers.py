"""Choose the reader by measurement: candidates side by side on the dev split (never the test split).

usage: python scripts/compare_readers.py [--annotations annotations] [--json OUT] [--split dev]

Candidates: the linear reader over hashed word and character n-grams (scikit-learn), spaCy's
textcat over a bag of words (trained here, on CPU), today's trigger rules (the whole extractor
with FRONTLINES_READER=rules), and a plain keyword list. All train on the train split only.
Prints a Markdown table for docs/reader.md.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from frontlines.extract.pipeline import Pipeline
from frontlines.model import EVENT_TYPES
from frontlines.reader.baselines import extractor_verdicts, keyword_verdicts
from frontlines.reader.corpus import load_lines
from frontlines.reader.examples import READER_MODALITIES, Example
from frontlines.reader.scoring import SentenceVerdict, score_sentences
from frontlines.reader.train import gather, train_reader

ROOT = Path(__file__).resolve().parents[1]


def _fit_textcat(component: str, labels: list[str], items: list[tuple[str, dict]], epochs: int):
    import spacy
    from spacy.training import Example as SpacyExample

    nlp = spacy.blank("en")
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": component == "textcat", "ngram_size": 2, "no_output_layer": False, "length": 262144}
    pipe = nlp.add_pipe(component, config={"model": bow})
    for label in labels:
        pipe.add_label(label)
    data = [SpacyExample.from_dict(nlp.make_doc(text), {"cats": cats}) for text, cats in items]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(0)
    for _ in range(epochs):
        rng.shuffle(data)
        for start in range(0, len(data), 32):
            nlp.update(data[start : start + 32], sgd=optimizer, drop=0.1)
    return nlp


def spacy_textcat(train: list[Example], epochs: int = 8):
    """spaCy textcat_multilabel (types and "event") and textcat (modality), bag of word 1-2 grams, CPU."""
    labels = [*EVENT_TYPES, "EVENT"]
    types = _fit_textcat("textcat_multilabel", labels, [(e.text, {**{t: float(t in e.types) for t in EVENT_TYPES}, "EVENT": float(bool(e.types))}) for e in train], epochs)
    modality = _fit_textcat("textcat", list(READER_MODALITIES), [(e.text, {m: float(m == e.modality) for m in READER_MODALITIES}) for e in train if e.modality], epochs)

    def read(texts: list[str]) -> list[SentenceVerdict]:
        out = []
        for doc, mdoc in zip(types.pipe(texts), modality.pipe(texts), strict=True):
            if doc.cats["EVENT"] < 0.5:
                out.append(SentenceVerdict(frozenset(), None))
                continue
            told = {t for t in EVENT_TYPES if doc.cats[t] >= 0.5} or {max(EVENT_TYPES, key=lambda t: doc.cats[t])}
            out.append(SentenceVerdict(frozenset(told), max(READER_MODALITIES, key=lambda m: mdoc.cats[m])))
        return out
    return read


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    data = gather(sorted((args.annotations / "current_events").glob("*.jsonl")), sorted((args.annotations / "fakes").glob("*.jsonl")),
                  [ROOT / "src/frontlines/data/demo/reports"])  # fmt: skip
    train = data.split("train")
    lines = load_lines()
    sets = {
        "lines": [e for e in data.examples if e.split == args.split and e.origin.startswith("ce:")],
        "articles": [e for e in data.examples if e.split == args.split and e.origin.startswith("fakes:")],
    }
    timings: dict[str, float] = {}
    start = time.perf_counter()
    linear = train_reader(data)
    timings["linear"] = time.perf_counter() - start
    start = time.perf_counter()
    textcat = spacy_textcat(train)
    timings["spacy textcat"] = time.perf_counter() - start
    rules = Pipeline(reader="rules")
    results: dict[str, dict[str, dict]] = {}
    for name, examples in sets.items():
        texts = [e.text for e in examples]
        gold = ([e.types for e in examples], [e.modality for e in examples])
        days = [lines[e.origin[3:]].day if e.origin.startswith("ce:") else None for e in examples]
        candidates = {
            "linear reader (scikit-learn)": linear.read(texts),
            "spaCy textcat (bag of words)": textcat(texts),
            "today's rules": extractor_verdicts(rules.extract_batch, [(t, d or lines[next(iter(lines))].day) for t, d in zip(texts, days, strict=True)]),
            "keyword list": keyword_verdicts(texts),
        }
        results[name] = {k: score_sentences(*gold, v) for k, v in candidates.items()}
    print(f"| candidate | set | items | event P | event R | event F1 | type macro F1 | modality acc. |")
    print("|---|---|---|---|---|---|---|---|")
    for name, by_candidate in results.items():
        for candidate, s in by_candidate.items():
            e = s["event"]
            print(f"| {candidate} | {args.split} {name} | {s['items']} | {e['precision']:.3f} | {e['recall']:.3f} | {e['f1']:.3f} | {s['macro_f1']:.3f} | {s['modality_accuracy']:.3f} |")
    print("training seconds:", {k: round(v, 1) for k, v in timings.items()})
    if args.json:
        args.json.write_text(json.dumps({"results": results, "training_seconds": timings}, indent=1))


if __name__ == "__main__":
    main()
