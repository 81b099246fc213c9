"""`frontlines demo`: a fresh database from the bundled corpus, the whole pipeline, and its outputs."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import json

from frontlines.api import IngestResult, events, ingest
from frontlines.control_api import control_on, load_baseline
from frontlines.config import database_url
from frontlines.map_api import map_page
from frontlines.report_api import report
from frontlines.outputs.chronology import chronology
from frontlines.outputs.exports import events_to_csv, events_to_jsonl
from frontlines.store import Store


@dataclass(frozen=True)
class DemoResult:
    database: Path
    ingest: IngestResult
    event_count: int
    outputs: dict[str, Path]
    chronology: str


def demo_corpus_dir() -> Path:
    return Path(str(resources.files("frontlines") / "data" / "demo" / "reports"))


def run_demo(out_dir: str | Path, *, progress=None) -> DemoResult:  # type: ignore[no-untyped-def]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    database = out / "frontlines.db"
    for stale in (database, database.with_name("frontlines.db-wal"), database.with_name("frontlines.db-shm")):
        stale.unlink(missing_ok=True)
    with Store.open(database_url(str(database))) as store:
        result = ingest([demo_corpus_dir()], store=store, progress=progress)
        load_baseline(store, demo_corpus_dir().parent / "baseline.yaml")  # who held what on 2017-08-01
        found = events(store)
        last_day = max((e.date for e in found if e.date and e.date_precision == "day"), default=None)
        snapshot = control_on(store, last_day) if last_day else None
        page = map_page(store) if found else None
        first_day = min((e.date for e in found if e.date and e.date_precision == "day"), default=None)
        post = report(store, first_day, last_day) if first_day and last_day else None
    text = chronology(found)
    if snapshot is not None:
        held = [f"  {p.place.name}: {p.holder}" for p in snapshot.places]  # type: ignore[attr-defined]
        text += f"\nCONTROL ON {snapshot.day.isoformat()}\n" + "\n".join(held) + "\n"
    outputs = {
        "events.jsonl": out / "events.jsonl",
        "events.csv": out / "events.csv",
        "chronology.txt": out / "chronology.txt",
    }
    if snapshot is not None:
        outputs["control.json"] = out / "control.json"
        outputs["control.json"].write_text(json.dumps(snapshot.as_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    if post is not None:
        outputs["report.md"] = out / "report.md"
        outputs["report.md"].write_text(post, encoding="utf-8")
    if page is not None:
        outputs["map.html"] = out / "map.html"
        outputs["map.html"].write_text(page, encoding="utf-8")
    outputs["events.jsonl"].write_text(events_to_jsonl(found), encoding="utf-8")
    outputs["events.csv"].write_text(events_to_csv(found), encoding="utf-8")
    outputs["chronology.txt"].write_text(text, encoding="utf-8")
    return DemoResult(database=database, ingest=result, event_count=len(found), outputs=outputs, chronology=text)
