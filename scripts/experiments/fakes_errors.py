"""Where the whole extractor loses FA-KES events on one split: misses and false alarms, grouped.

usage: python scripts/experiments/fakes_errors.py [--split dev] [--reader FOLDER] [--list] [--set verdicts.VETO_SCORE=0.3 ...]

Prints counts only unless --list is given; --list prints each miss and false alarm (corpus words) to the
terminal: never redirect it into a project file. `--set module.NAME=VALUE` overrides a threshold of
`frontlines.extract.<module>` for this run, to compare settings side by side.
"""

from __future__ import annotations

import argparse
import importlib
from collections import Counter
from pathlib import Path

from frontlines.extract.pipeline import Pipeline
from frontlines.reader.article_eval import evaluate_articles

ROOT = Path(__file__).resolve().parents[2]
FROZEN = {"fakes_07.jsonl", "fakes_08.jsonl", "fakes_09.jsonl", "fakes_10.jsonl"}  # test and held-out waves: never read here


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--reader", default="default", help="a reader folder (say, one trained on the train split only)")
    args = parser.parse_args()
    for setting in args.set:
        name, value = setting.split("=", 1)
        module, attr = name.rsplit(".", 1)
        setattr(importlib.import_module(f"frontlines.extract.{module}"), attr, float(value))
    articles = [p for p in sorted((ROOT / "annotations" / "fakes").glob("*.jsonl")) if p.name not in FROZEN]
    pipeline = Pipeline(reader=args.reader)
    result = evaluate_articles(pipeline.extract_batch, articles, pipeline.gazetteer, splits=(args.split,))
    o = result.as_dict()["overall"]
    print(f"P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f} predicted {o['predicted']} matched {o['predicted_matched']} "
          f"required {o['required']} found {o['required_matched']}")  # fmt: skip
    for event_type, t in result.as_dict()["by_type"].items():
        print(f"  {event_type:16} P {t['precision']:.2f} ({t['predicted_matched']}/{t['predicted']})  R {t['recall']:.2f} ({t['required_matched']}/{t['required']})")
    print("misses by type:", Counter(m.split(": ", 1)[1].split()[0] for m in result.misses).most_common())
    print("false alarms by type:", Counter(m.split(": ", 1)[1].split()[0] for m in result.false_alarms).most_common())
    if args.list:
        print("\nMISSES")
        print("\n".join(sorted(result.misses)))
        print("\nFALSE ALARMS")
        print("\n".join(sorted(result.false_alarms)))


if __name__ == "__main__":
    main()
