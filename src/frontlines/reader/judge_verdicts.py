"""Analysts' verdicts as lessons for the claim judge: a team teaches it which claims of its stories are events.

An analyst who confirms an event (`frontlines note --event ID --verdict confirm`) says each of its claims
is right where and when it puts the event; one who rejects it says they are not; a correction of the place
or the date says the claim was wrong there, a correction of the doer that it was right (the judge weighs
where and when, not who), and a correction of the type that the claim of the other type would have been
right. Each reviewed report is read again as the judge will see it (no judge, the same reader), and the
claims read again are labelled by their sentence, type and place; claims no one reviewed teach nothing,
nor do reports too short for the judge to weigh (`frontlines.reader.judge.is_a_story`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from frontlines.model import Report
from frontlines.reader.judge import JudgedStory
from frontlines.store import Store
from frontlines.store import control_schema as c
from frontlines.store import schema as t

ClaimKey = tuple[int, str, str]  # the claim's start in its report, its type, its place's words

_RIGHT_WHEN_CORRECTED = frozenset({"actor", "target_actor"})


def verdict_stories(store: Store, reader_folder: Path, progress: Callable[[str], None] = lambda _: None) -> list[JudgedStory]:
    """The reports analysts reviewed, read again by the reader in `reader_folder`, their claims labelled."""
    from frontlines.extract.pipeline import Pipeline

    labels, reports = _reviewed(store)
    if not reports:
        return []
    progress(f"reading {len(reports)} reviewed reports for the claim judge")
    pipeline = Pipeline(reader=str(reader_folder), judge=None)
    stories = []
    for report, read in zip(reports, pipeline.read_batch(reports), strict=True):
        mine = labels[report.id or 0]
        keys = [(claim.start, claim.event_type, claim.place_mention or "") for claim in read.claims]
        stories.append(
            JudgedStory(report, read.claims, read.verdicts, [bool(mine.get(k)) for k in keys], group=f"report:{report.id}", labelled=[k in mine for k in keys])
        )
    return stories


def _reviewed(store: Store) -> tuple[dict[int, dict[ClaimKey, bool]], list[Report]]:
    query = (
        select(c.claim_reviews.c.verdict, c.claim_reviews.c.field, c.claim_reviews.c.value,
               t.claims.c.report_id, t.claims.c.start, t.claims.c.event_type, t.claims.c.place_mention)
        .join(t.claims, t.claims.c.id == c.claim_reviews.c.claim_id)
        .order_by(c.claim_reviews.c.id)
    )  # fmt: skip
    labels: dict[int, dict[ClaimKey, bool]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            mine = labels.setdefault(row.report_id, {})
            key = (row.start, row.event_type, row.place_mention or "")
            if row.verdict == "correct" and row.field == "event_type":
                mine[key] = False
                mine[(row.start, row.value, row.place_mention or "")] = True
            else:
                mine[key] = row.verdict == "confirm" or (row.verdict == "correct" and row.field in _RIGHT_WHEN_CORRECTED)
        rows = conn.execute(
            select(t.reports.c.id, t.reports.c.title, t.reports.c.published, t.reports.c.text, t.outlets.c.name)
            .join(t.outlets, t.outlets.c.id == t.reports.c.outlet_id)
            .where(t.reports.c.id.in_(list(labels)))
            .order_by(t.reports.c.id)
        ).all()  # fmt: skip
    reports = [Report(outlet=r.name, title=r.title, published=r.published, text=r.text, raw=b"", id=r.id) for r in rows]
    return labels, reports
