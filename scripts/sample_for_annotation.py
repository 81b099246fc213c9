"""Draw the items the team annotates from ../shared/corpus (ids only), in batches for annotators.

usage: python scripts/sample_for_annotation.py OUT_DIR [--lines-per-batch 640] [--articles-per-batch 44]

Deterministic (seeded): conflict lines capped per topic so that many wars are drawn, uncategorized
lines of 2020 on (where the later wars are filed), and lines of the other sections; FA-KES articles
at random. Writes OUT_DIR/lines_NN.ids and OUT_DIR/fakes_NN.ids, one id a line.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CONFLICT = {"Armed conflicts and attacks", "Armed conflict and attacks"}


def _capped(lines: list[dict], total: int, cap: int, rng: random.Random) -> list[dict]:
    by_topic: dict[str | None, list[dict]] = defaultdict(list)
    for line in lines:
        by_topic[line["topic"]].append(line)
    picked: list[dict] = []
    for topic, members in sorted(by_topic.items(), key=lambda kv: str(kv[0])):
        rng.shuffle(members)
        picked += members[: (cap * 8 if topic is None else cap)]
    rng.shuffle(picked)
    return picked[:total]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lines-per-batch", type=int, default=640)
    parser.add_argument("--articles-per-batch", type=int, default=44)
    args = parser.parse_args()
    rng = random.Random(20261130)
    lines = [json.loads(row) for row in (CORPUS / "current-events" / "lines.jsonl").open(encoding="utf-8")]
    conflict = [x for x in lines if x["category"] in CONFLICT]
    late_uncategorized = [x for x in lines if x["category"] == "Uncategorized" and x["date"] >= "2020"]
    other = [x for x in lines if x["category"] not in CONFLICT and x["category"] != "Uncategorized"]
    chosen = _capped(conflict, 1700, 35, rng) + _capped(late_uncategorized, 700, 10, rng) + rng.sample(other, 800)
    rng.shuffle(chosen)
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(0, len(chosen), args.lines_per_batch):
        batch = chosen[n : n + args.lines_per_batch]
        (args.out / f"lines_{n // args.lines_per_batch:02d}.ids").write_text("".join(x["id"] + "\n" for x in batch))
    articles = [json.loads(row)["id"] for row in (CORPUS / "fa-kes" / "articles.jsonl").open(encoding="utf-8")]
    picked = rng.sample(articles, 132)
    for n in range(0, len(picked), args.articles_per_batch):
        batch = picked[n : n + args.articles_per_batch]
        (args.out / f"fakes_{n // args.articles_per_batch:02d}.ids").write_text("".join(x + "\n" for x in batch))


if __name__ == "__main__":
    main()
