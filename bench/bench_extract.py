"""Throughput of ingest + extraction against bare spaCy `nlp.pipe` over the same texts, in one run.

Replicates the bundled demo corpus to at least --reports report files (each copy made unique so
that ingest stores it), then times:
  1. bare `nlp.pipe` over the report bodies (the floor: parsing alone);
  2. `frontlines.ingest` of the folder into a fresh SQLite database, extraction and fusion included,
     with the shipped reader;
  3. the same ingest with the trigger rules alone (FRONTLINES_READER=rules).
Prints reports/s, words/s, the ratio 2/1, what the reader adds (2/3) and the reader's load time.
A benchmark, not a test: it asserts nothing.

    python bench/bench_extract.py [--reports 1000] [--batch-size 64]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from frontlines.api import ingest
from frontlines.config import Settings
from frontlines.demo import demo_corpus_dir
from frontlines.extract import Pipeline
from frontlines.extract.nlp import load_nlp
from frontlines.ingest.dispatch import read_inputs
from frontlines.model import Report
from frontlines.reader.bundled import BUNDLED
from frontlines.reader.linear import LinearReader
from frontlines.store import Store


def replicate(target: Path, minimum: int) -> int:
    sources = sorted(demo_corpus_dir().glob("*.txt"))
    count = 0
    copy = 0
    while count < minimum:
        for source in sources:
            header, body = source.read_text(encoding="utf-8").split("\n\n", 1)
            header = header.replace("\ntitle: ", f"\ntitle: [copy {copy}] ", 1) if "\ntitle: " in header else header
            (target / f"{copy:03d}-{source.name}").write_text(f"{header}\n\n{body}", encoding="utf-8")
            count += 1
        copy += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1, help="repeat both measurements and report medians")
    args = parser.parse_args()

    settings = Settings(batch_size=args.batch_size)
    nlp = load_nlp(settings.model)
    pipeline = Pipeline(nlp=nlp, settings=settings)  # model and gazetteer loaded once, outside the timings
    rules = Pipeline(nlp=nlp, settings=settings, gazetteer=pipeline.gazetteer, reader="rules")
    started = time.perf_counter()
    LinearReader.load(BUNDLED)
    load_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        count = replicate(corpus, args.reports)
        texts = [r.text for r in read_inputs([corpus]) if isinstance(r, Report)]
        words = sum(len(t.split()) for t in texts)
        bare_times, ours_times, rules_times = [], [], []
        for round_no in range(args.rounds):
            started = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=args.batch_size):
                pass
            bare_times.append(time.perf_counter() - started)

            database = Path(tmp) / f"bench-{round_no}.db"
            with Store.open(f"sqlite:///{database}") as store:
                started = time.perf_counter()
                result = ingest([corpus], store=store, pipeline=pipeline)
                ours_times.append(time.perf_counter() - started)
            with Store.open(f"sqlite:///{Path(tmp) / f'rules-{round_no}.db'}") as store:
                started = time.perf_counter()
                ingest([corpus], store=store, pipeline=rules)
                rules_times.append(time.perf_counter() - started)
        bare = statistics.median(bare_times)
        ours = statistics.median(ours_times)
        rules_only = statistics.median(rules_times)
    print(f"reports: {count}   words: {words}   claims: {result.claims}   events: {result.events}")
    print(f"bare nlp.pipe:        {bare:7.2f} s   {count / bare:7.1f} reports/s   {words / bare:8.0f} words/s")
    print(f"ingest + extraction:  {ours:7.2f} s   {count / ours:7.1f} reports/s   {words / ours:8.0f} words/s")
    print(f"trigger rules alone:  {rules_only:7.2f} s   {count / rules_only:7.1f} reports/s")
    print(f"ratio ours / bare nlp.pipe: {ours / bare:.2f}x")
    print(f"the reader adds: {100 * (ours / rules_only - 1):+.1f}% to ingest + extraction   (loads in {load_seconds:.2f} s)")


if __name__ == "__main__":
    main()
