"""Labelled sentences for the reader, from every kind of annotation the project keeps.

- current-events lines (`annotations/current_events/*.jsonl`): a line with the types it tells;
- FA-KES articles (`annotations/fakes/*.jsonl`): each sentence with the gold events it states;
- report files with gold (`X.txt` + `X.gold.jsonl`, the demo corpus or a team's own);
- analysts' verdicts recorded with `frontlines note` (see `verdicts.py`);
- lines of the quiet sections (`data/reader/quiet_sections.yaml`) a keyword list takes for war, as
  sentences with no event: hard negatives drawn by their section, never by reading.

An example's `modality` is how its first event is told (None for a sentence with no event); its
`split` comes from the day or the article, never from the sentence itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from frontlines.reader.corpus import load_articles, load_lines
from frontlines.reader.splits import split_of, split_of_item
from frontlines.reader.text import sentence_spans

READER_MODALITIES = ("asserted", "reported", "hedged", "planned", "negated", "history")
CURRENT_MODALITIES = frozenset({"asserted", "reported", "hedged"})


@dataclass(frozen=True)
class Example:
    text: str
    types: frozenset[str]
    modality: str | None
    split: str
    origin: str  # "ce:<line id>", "fakes:<article id>:<start>", a report file name, "note:<id>"
    group: str = ""  # what the split was drawn from (a day, an article)


# the outlets in parentheses that end a current-events line: "... (Reuters) (BBC News)"
_OUTLETS_AT_END = re.compile(r"(\s*\([^()]{1,80}\))+\s*$")


def with_lines_bare(examples: Sequence[Example]) -> list[Example]:
    """The examples and, beside each current-events line that ends with its outlets, the line without
    them: the extractor reads a report's sentences, which carry no such tag, so the reader must not learn
    that an outlet's name tells an event."""
    bare = []
    for example in examples:
        if example.origin.startswith("ce:"):
            text = _OUTLETS_AT_END.sub("", example.text)
            if text != example.text and text.strip():
                bare.append(replace(example, text=text, origin=f"{example.origin}#bare"))
    return [*examples, *bare]


def annotation_records(paths: Iterable[Path]) -> Iterator[tuple[Path, dict]]:
    for path in paths:
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            for row in file.read_text(encoding="utf-8").splitlines():
                if row.strip():
                    yield file, json.loads(row)


def line_examples(paths: Iterable[Path]) -> list[Example]:
    lines = load_lines()
    examples = []
    for file, record in annotation_records(paths):
        line = lines[record["id"]]
        events = record.get("events", [])
        day = line.day.isoformat()
        examples.append(
            Example(
                text=line.text,
                types=frozenset(e["type"] for e in events),
                modality=events[0]["modality"] if events else None,
                split=split_of_item(day, file),
                origin=f"ce:{line.id}",
                group=day,
            )
        )
    return examples


QUIET_SECTIONS = Path(__file__).resolve().parent.parent / "data" / "reader" / "quiet_sections.yaml"


def quiet_section_examples(annotated: Iterable[Example]) -> list[Example]:
    """Lines of train-split days under a section that tells no war (disasters, business, sport...),
    which the keyword list would take for war, as sentences with no event; none the team annotated."""
    import yaml

    from frontlines.reader.baselines import keyword_verdicts

    table = yaml.safe_load(QUIET_SECTIONS.read_text(encoding="utf-8"))
    sections, share = frozenset(table["sections"]), float(table.get("share", 1.0))
    seen = {e.origin for e in annotated}
    quiet = [
        line for line in load_lines().values()
        if line.category in sections and f"ce:{line.id}" not in seen and split_of(line.day.isoformat()) == "train"
        and _bucket(line.id) < share * 100
    ]  # fmt: skip
    verdicts = keyword_verdicts([line.text for line in quiet])
    return [
        Example(line.text, frozenset(), None, "train", f"ce:{line.id}", line.day.isoformat())
        for line, verdict in zip(quiet, verdicts, strict=True) if verdict.types
    ]  # fmt: skip


def _bucket(key: str) -> int:
    import hashlib

    return int(hashlib.sha1(f"frontlines-quiet:{key}".encode()).hexdigest(), 16) % 100


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def article_examples(paths: Iterable[Path]) -> list[Example]:
    """Every sentence of every annotated article: the events whose sentence it is, or none."""
    articles = load_articles()
    examples = []
    for file, record in annotation_records(paths):
        article = articles[record["id"]]
        spans = []
        for event in record.get("events", []):
            for span in [(event["start"], event["end"]), *map(tuple, event.get("also", []))]:
                spans.append((span, event))
        for start, end in sentence_spans(article.text):
            told = [e for span, e in spans if _overlap(span, (start, end)) * 2 >= min(end - start, span[1] - span[0])]
            examples.append(
                Example(
                    text=article.text[start:end],
                    types=frozenset(e["event_type"] for e in told),
                    modality=told[0]["modality"] if told else None,
                    split=split_of_item(article.id, file),
                    origin=f"fakes:{article.id}:{start}",
                    group=article.id,
                )
            )
    return examples


def gold_report_examples(folder: Path) -> list[Example]:
    """Sentences that required gold events quote; `non_events.jsonl` beside the folder lists sentences with none."""
    examples = []
    for gold in sorted(folder.rglob("*.gold.jsonl")):
        by_quote: dict[str, list[dict]] = {}
        for row in gold.read_text(encoding="utf-8").splitlines():
            if row.strip():
                event = json.loads(row)
                if event.get("quote") and event.get("event_type") and event.get("required", True):
                    by_quote.setdefault(event["quote"], []).append(event)
        for quote, events in by_quote.items():
            modality = _reader_modality(events[0])
            examples.append(Example(quote, frozenset(e["event_type"] for e in events), modality, "train", gold.name, gold.name))
    non_events = folder.parent / "non_events.jsonl"
    if non_events.exists():
        for row in non_events.read_text(encoding="utf-8").splitlines():
            if row.strip():
                item = json.loads(row)
                examples.append(Example(item["sentence"], frozenset(), None, "train", item.get("file", non_events.name), item.get("file", "")))
    return examples


def _reader_modality(event: dict) -> str:
    return {"reported_speech": "reported"}.get(event.get("modality") or "asserted", event.get("modality") or "asserted")
