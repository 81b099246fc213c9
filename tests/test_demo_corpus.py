"""The bundled demo corpus: real dates and places, our own sentences, gold that quotes the text exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.demo import demo_corpus_dir
from frontlines.ingest.dispatch import read_inputs
from frontlines.model import Report

NON_EVENTS = demo_corpus_dir().parent / "non_events.jsonl"


def reports() -> list[Report]:
    return [r for r in read_inputs([demo_corpus_dir()]) if isinstance(r, Report)]


def test_the_corpus_is_large_and_varied_enough() -> None:
    found = reports()
    assert len(found) >= 60 and len({r.outlet for r in found}) >= 8
    for report in found:
        assert 80 <= len(report.text.split()) <= 300, report.origin


def test_every_gold_quote_is_text_of_its_report() -> None:
    for gold in sorted(demo_corpus_dir().glob("*.gold.jsonl")):
        body = gold.with_name(gold.name.replace(".gold.jsonl", ".txt")).read_text(encoding="utf-8").split("\n\n", 1)[1]
        for line in gold.read_text(encoding="utf-8").splitlines():
            assert json.loads(line)["quote"] in body, gold.name


def non_event_sentences() -> list[dict[str, str]]:
    return [json.loads(line) for line in NON_EVENTS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.model
def test_no_planned_hoped_negated_or_questioned_sentence_yields_an_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    cases = non_event_sentences()
    assert {c["modality"] for c in cases} == {"planned", "hoped", "negated", "question"}
    by_file = {Path(r.origin).name: r for r in reports()}
    claims = dict(zip(by_file, pipeline.extract_batch(list(by_file.values()))))
    offenders = []
    for case in cases:
        report = by_file[case["file"]]
        start = report.text.index(case["sentence"])
        end = start + len(case["sentence"])
        hits = [c for c in claims[case["file"]] if c.start < end and start < c.end]
        offenders += [f'{case["file"]}: {case["modality"]}: {c.event_type} | {case["sentence"]}' for c in hits]
    assert not offenders, "\n".join(offenders)
