"""The annotations: ids, offsets and labels into the shared corpus, enough of them, and no copied text."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from frontlines.model import EVENT_TYPES
from frontlines.reader.corpus import load_articles, load_lines
from frontlines.reader.examples import READER_MODALITIES, annotation_records

ANNOTATIONS = Path(__file__).resolve().parents[2] / "annotations"
CONFLICT_SECTIONS = {"Armed conflicts and attacks", "Armed conflict and attacks"}
LINES = sorted((ANNOTATIONS / "current_events").glob("*.jsonl"))
ARTICLES = sorted((ANNOTATIONS / "fakes").glob("*.jsonl"))


def _records(paths: list[Path]) -> list[dict]:
    return [record for _, record in annotation_records(paths)]


def test_every_line_annotation_points_at_a_line_with_valid_labels_and_offsets(corpus) -> None:  # type: ignore[no-untyped-def]
    lines = load_lines()
    for record in _records(LINES):
        text = lines[record["id"]].text
        for event in record["events"]:
            assert event["type"] in EVENT_TYPES and event["modality"] in READER_MODALITIES, record["id"]
            for span in (event["place"], event["actor"], event["target"]):
                assert span is None or 0 <= span[0] < span[1] <= len(text), record["id"]


def test_every_article_annotation_points_inside_its_article_with_a_date_at_a_precision(corpus) -> None:  # type: ignore[no-untyped-def]
    articles = load_articles()
    for record in _records(ARTICLES):
        text = articles[record["id"]].text
        for event in record["events"]:
            assert 0 <= event["start"] < event["end"] <= len(text), record["id"]
            assert event["event_type"] in EVENT_TYPES and event["modality"] in READER_MODALITIES
            assert event["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", event["date"])


def test_there_are_enough_lines_from_enough_wars_and_from_other_sections(corpus) -> None:  # type: ignore[no-untyped-def]
    lines = load_lines()
    records = _records(LINES)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) >= 3000
    conflict = [r for r in records if lines[r["id"]].category in CONFLICT_SECTIONS]
    wars = Counter(r["conflict"] for r in conflict if r["conflict"])
    assert len(conflict) >= 1500 and len(wars) >= 15
    assert sum(1 for r in records if lines[r["id"]].category not in CONFLICT_SECTIONS) >= 1000


def test_there_are_enough_articles_with_full_event_gold(corpus) -> None:  # type: ignore[no-untyped-def]
    records = _records(ARTICLES)
    assert len({r["id"] for r in records}) >= 120
    assert sum(len(r["events"]) for r in records) >= 500


@pytest.mark.parametrize("path", LINES + ARTICLES, ids=lambda p: p.name)
def test_annotation_files_hold_no_sentence_of_the_corpus(path: Path) -> None:
    for row in path.read_text(encoding="utf-8").splitlines():
        for value in _strings(json.loads(row)):
            assert len(value.split()) < 12, f"{path.name}: {value[:60]!r} looks like copied text; keep offsets instead"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
