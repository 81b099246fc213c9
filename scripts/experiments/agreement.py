"""How far two annotators agree: the second, independent annotation of spent wave 10's lines carrying
a word of war (`annotations/agreement/lines_NN_second.jsonl`) scored against the first
(`annotations/current_events/lines_NN.jsonl`) as the reader is scored (`reader.scoring`).

usage: python scripts/experiments/agreement.py
"""

from __future__ import annotations

from pathlib import Path

from frontlines.reader.examples import line_examples
from frontlines.reader.scoring import SentenceVerdict, score_sentences

ROOT = Path(__file__).resolve().parents[2]
BATCHES = ("33", "34")


def main() -> None:
    first = {e.origin: e for e in line_examples([ROOT / "annotations" / "current_events" / f"lines_{n}.jsonl" for n in BATCHES])}
    second = {e.origin: e for e in line_examples([ROOT / "annotations" / "agreement" / f"lines_{n}_second.jsonl" for n in BATCHES])}
    keys = sorted(first)
    assert set(keys) == set(second), "the second annotation covers other lines than the first"
    print(f"{len(keys)} lines, {sum(bool(first[k].types) for k in keys)} with events by the first annotator, {sum(bool(second[k].types) for k in keys)} by the second")
    for gold, other, name in ((first, second, "the second read against the first"), (second, first, "the first read against the second")):
        s = score_sentences([gold[k].types for k in keys], [gold[k].modality for k in keys], [SentenceVerdict(other[k].types, other[k].modality) for k in keys])
        per = ", ".join(f"{t} {v['f1']:.2f} ({v['support']})" for t, v in s["types"].items() if v["support"])
        print(f"{name}: event F1 {s['event']['f1']:.3f}, type macro F1 {s['macro_f1']:.3f}, modality accuracy {s['modality_accuracy']:.3f}; {per}")


if __name__ == "__main__":
    main()
