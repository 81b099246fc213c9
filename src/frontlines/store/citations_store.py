"""The citations table: the SOURCES list of each post, one row per cited title, in list order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from frontlines.store import schema as t
from frontlines.store.store import Store


@dataclass(frozen=True)
class StoredCitation:
    """One title a post cites, as stored; ``cited_report_id`` is the report the headline became."""

    id: int
    post_id: int
    position: int
    author: str | None
    outlet: str
    title: str
    published: date | None
    published_precision: str | None
    raw_line: str
    cited_report_id: int | None


def save_citations(store: Store, rows: Sequence[dict[str, Any]]) -> int:
    """Store citation rows (the columns of ``schema.citations`` but ``id``) not stored before, in one
    transaction; a post's row at a position it already has is left as it is. Returns how many were new."""
    if not rows:
        return 0
    added = 0
    with store.engine.begin() as conn:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        for row in sorted(rows, key=lambda r: (r["report_id"], r["position"])):  # one order: no deadlock
            statement = (
                dialect.insert(t.citations)
                .values(row)
                .on_conflict_do_nothing(index_elements=[t.citations.c.report_id, t.citations.c.position])
                .returning(t.citations.c.id)
            )
            added += conn.execute(statement).scalar_one_or_none() is not None
    return added


def read_citations(store: Store, post_ids: Sequence[int] | None = None) -> list[StoredCitation]:
    """The citations of the given posts (default: all), by post, then in list order."""
    query = select(t.citations).order_by(t.citations.c.report_id, t.citations.c.position)
    if post_ids is not None:
        query = query.where(t.citations.c.report_id.in_(list(post_ids)))
    with store.engine.connect() as conn:
        return [
            StoredCitation(
                id=row.id,
                post_id=row.report_id,
                position=row.position,
                author=row.author,
                outlet=row.outlet,
                title=row.title,
                published=row.published,
                published_precision=row.published_precision,
                raw_line=row.raw_line,
                cited_report_id=row.cited_report_id,
            )
            for row in conn.execute(query)
        ]
