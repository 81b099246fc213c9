"""The claim judge measured on dev articles: a judge fitted for a reader on the other spent articles (train
and the scored waves; its threshold chosen by their cross-validation), then dev articles scored with no
judge and with it, and at a few other thresholds for information.

usage: python scripts/experiments/judge_dev.py [--reader FOLDER]   (default: the shipped reader)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from frontlines.evaluate import Evaluation, score_report
from frontlines.reader.article_eval import one_per_event
from frontlines.reader.bundled import BUNDLED
from frontlines.reader.judge import JudgedStory, fit_judge
from frontlines.reader.judge_training import event_f1, judged_stories

ROOT = Path(__file__).resolve().parents[2]


def figures(stories: list[JudgedStory], kept: list[list]) -> str:
    result = Evaluation()
    for story, claims in zip(stories, kept, strict=True):
        score_report(story.group, one_per_event(claims), story.gold, result)
    o = result.as_dict()["overall"]
    return f"P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f} (predicted {o['predicted']}, matched {o['predicted_matched']})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reader", type=Path, default=BUNDLED)
    args = parser.parse_args()
    files = sorted((ROOT / "annotations" / "fakes").glob("*.jsonl"))
    fitting = judged_stories(args.reader, files, ("train", "scored"))
    dev = judged_stories(args.reader, files, ("dev",))
    judge = fit_judge(fitting, event_f1)
    print(f"judge fitted on {len(fitting)} articles (train, scored); threshold {judge.threshold} by their cross-validation")
    print(f"dev, {len(dev)} articles, no judge: {figures(dev, [s.claims for s in dev])}")
    chosen = judge.threshold
    for threshold in sorted({0.2, 0.25, 0.3, 0.35, 0.4, chosen}):
        judge.threshold = threshold
        kept = [judge.keep(s.claims, s.verdicts, s.report) for s in dev]
        print(f"dev, judge at {threshold}{' (chosen)' if threshold == chosen else ''}: {figures(dev, kept)}")


if __name__ == "__main__":
    main()
