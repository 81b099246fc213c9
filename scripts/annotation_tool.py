"""Helpers for annotating ../shared/corpus without copying its text into the project.

  python scripts/annotation_tool.py lines IDS_FILE [--start N] [--count K]   show lines to read
  python scripts/annotation_tool.py article ID                               show an article, sentences with offsets
  python scripts/annotation_tool.py finalise-lines DRAFT.jsonl OUT.jsonl     texts -> offsets, labels checked
  python scripts/annotation_tool.py finalise-articles DRAFT.jsonl OUT.jsonl  texts -> offsets, labels checked

Drafts may hold short strings of the text (a place or actor as written); the finalised files hold
only ids, character offsets and labels. See docs/annotation-guide.md.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

def _load_sentence_spans():  # type: ignore[no-untyped-def]
    """frontlines' own sentence splitter, loaded from the checkout without importing the package (and spaCy)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("reader_text", Path(__file__).resolve().parents[1] / "src" / "frontlines" / "reader" / "text.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.sentence_spans


sentence_spans = _load_sentence_spans()
TYPES = {"territory_taken", "battle", "attack", "airstrike", "explosion", "operation_start", "withdrawal", "casualties", "other"}
MODALITIES = {"asserted", "reported", "hedged", "planned", "negated", "history"}


def _lines() -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, (CORPUS / "current-events" / "lines.jsonl").open(encoding="utf-8"))}


def _articles() -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, (CORPUS / "fa-kes" / "articles.jsonl").open(encoding="utf-8"))}


def show_lines(ids_file: str, start: int, count: int) -> None:
    lines = _lines()
    ids = Path(ids_file).read_text().split()
    for n, line_id in enumerate(ids[start : start + count], start):
        d = lines[line_id]
        print(f"#{n} {line_id} | {d['category']} | topic: {d['topic']}\n    {d['text']}")


def show_article(article_id: str) -> None:
    d = _articles()[article_id]
    print(f"id {article_id} | date (M/D/Y) {d['date']} | source {d['source']} | location {d['location']}")
    print(f"title: {d['title']}")
    for s, e in sentence_spans(d["text"]):
        print(f"[{s}-{e}] {d['text'][s:e]}")


def _span(text: str, needle: str | None, within: tuple[int, int] | None, where: str) -> list[int] | None:
    if needle is None:
        return None
    lo, hi = within or (0, len(text))
    at = text.find(needle, lo, hi)
    if at < 0:
        at = text.lower().find(needle.lower(), lo, hi)
    if at < 0:
        raise SystemExit(f"{where}: {needle!r} is not in the text{' of that sentence' if within else ''}; copy it exactly as written")
    return [at, at + len(needle)]


def _check(event: dict, where: str) -> None:
    if event.get("type") not in TYPES:
        raise SystemExit(f"{where}: type {event.get('type')!r} is not one of {sorted(TYPES)}")
    if event.get("modality") not in MODALITIES:
        raise SystemExit(f"{where}: modality {event.get('modality')!r} is not one of {sorted(MODALITIES)}")
    killed = event.get("killed", event.get("fatalities"))
    if killed is not None and not isinstance(killed, int):
        raise SystemExit(f"{where}: fatalities must be a whole number or null")


def finalise_lines(draft: str, out: str) -> None:
    lines = _lines()
    done = []
    for n, row in enumerate(Path(draft).read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip():
            continue
        d = json.loads(row)
        text = lines[d["id"]]["text"]
        events = []
        for e in d.get("events", []):
            where = f"{draft}:{n} ({d['id']})"
            _check(e, where)
            events.append({
                "type": e["type"], "modality": e["modality"],
                "place": _span(text, e.get("place"), None, where),
                "actor": _span(text, e.get("actor"), None, where),
                "target": _span(text, e.get("target"), None, where),
                "killed": e.get("killed"),
            })
        done.append({"id": d["id"], "conflict": d.get("conflict"), "events": events})
    Path(out).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in done), encoding="utf-8")
    print(f"{len(done)} lines finalised into {out}")


def finalise_articles(draft: str, out: str) -> None:
    articles = _articles()
    done = []
    for n, row in enumerate(Path(draft).read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip():
            continue
        d = json.loads(row)
        text = articles[d["id"]]["text"]
        events = []
        for e in d.get("events", []):
            where = f"{draft}:{n} ({d['id']})"
            _check(e, where)
            start, end = e["sentence"]
            if not (0 <= start < end <= len(text)):
                raise SystemExit(f"{where}: sentence offsets {start}-{end} are outside the text")
            date = e.get("date")
            if date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
                raise SystemExit(f"{where}: date {date!r} must be YYYY-MM-DD, YYYY-MM or YYYY")
            events.append({
                "start": start, "end": end, "event_type": e["type"], "modality": e["modality"],
                "place": e.get("place_name"), "place_span": _span(text, e.get("place"), (start, end), where),
                "country": e.get("country"), "date": date, "actor": e.get("actor"),
                "target_actor": e.get("target_actor"), "fatalities": e.get("fatalities"),
                "also": [list(x) for x in e.get("also", [])],
            })
        done.append({"id": d["id"], "events": events})
    Path(out).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in done), encoding="utf-8")
    print(f"{len(done)} articles finalised into {out}")


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    command, rest = argv[0], argv[1:]
    if command == "lines":
        start = int(rest[rest.index("--start") + 1]) if "--start" in rest else 0
        count = int(rest[rest.index("--count") + 1]) if "--count" in rest else 50
        show_lines(rest[0], start, count)
    elif command == "article":
        show_article(rest[0])
    elif command == "finalise-lines":
        finalise_lines(rest[0], rest[1])
    elif command == "finalise-articles":
        finalise_articles(rest[0], rest[1])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
