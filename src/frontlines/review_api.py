"""Review and discussion: the audit of an event's verdicts, and comments on events and places.

Verdicts themselves are `frontlines.control_api.add_note` (the workbench and `frontlines note` both
call it); this module reads them back as an audit (who, when, what was there before, what after) and
keeps the comment threads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import insert, select

from frontlines.errors import ControlError
from frontlines.store import Store
from frontlines.store import accounts_schema as a
from frontlines.store import control_schema as c
from frontlines.store import schema as t

TARGETS = ("event", "place")
MAX_COMMENT = 10_000  # characters


@dataclass(frozen=True)
class AuditEntry:
    """One note on an event: who wrote it when, its verdict, and the fields before and after it."""

    id: int
    author: str
    created_at: datetime
    verdict: str | None
    body: str
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(frozen=True)
class Comment:
    id: int
    target_kind: str
    target: str
    author: str
    created_at: datetime
    body: str


def audit(store: Store, event_id: int) -> list[AuditEntry]:
    """Every note on the event, oldest first. `after` holds a correction's fields, or the review
    state a confirm or reject set; `before` the same fields as they were (empty for notes stored
    before migration 0009 kept them)."""
    with store.engine.connect() as conn:
        notes = list(conn.execute(select(t.notes).where(t.notes.c.target_kind == "event", t.notes.c.target_id == event_id).order_by(t.notes.c.id)))
        fixes: dict[int, dict[str, Any]] = {}
        if notes:
            query = select(c.claim_reviews.c.note_id, c.claim_reviews.c.field, c.claim_reviews.c.value).where(
                c.claim_reviews.c.note_id.in_([n.id for n in notes]), c.claim_reviews.c.field.is_not(None)
            )
            for row in conn.execute(query):
                fixes.setdefault(row.note_id, {})[row.field] = row.value
        places = _place_names(conn, [v for f in fixes.values() for k, v in f.items() if k == "place"])
    entries = []
    for note in notes:
        after = {k: places.get(v, v) if k == "place" else v for k, v in fixes.get(note.id, {}).items()}
        if note.verdict in ("confirm", "reject"):
            after["review"] = "confirmed" if note.verdict == "confirm" else "rejected"
        previous = json.loads(note.previous) if note.previous else {}
        before = {k: previous.get(k) for k in after} if previous else {}
        entries.append(AuditEntry(note.id, note.author, _aware(note.created_at), note.verdict, note.body, before, after))
    return entries


def _place_names(conn: Any, keys: list[str]) -> dict[str, str]:
    if not keys:
        return {}
    return {row.key: row.name for row in conn.execute(select(t.places.c.key, t.places.c.name).where(t.places.c.key.in_(keys)))}


def add_comment(store: Store, target_kind: str, target: str | int, body: str, *, author: str) -> Comment:
    """Add a comment to the thread of an event (its id) or a place (its gazetteer key, as the caller
    resolved it: a place need not be in the store yet); a ControlError when the event is unknown or
    the text empty or longer than MAX_COMMENT."""
    if target_kind not in TARGETS:
        raise ControlError(f"a comment is on an event or a place, not {target_kind!r}", hint="event or place")
    body = body.strip()
    if not body or len(body) > MAX_COMMENT:
        raise ControlError(f"a comment has 1 to {MAX_COMMENT} characters", hint="write something, or less")
    now = datetime.now(timezone.utc)
    with store.engine.begin() as conn:
        if target_kind == "event" and conn.execute(select(t.events.c.id).where(t.events.c.id == int(target))).first() is None:
            raise ControlError(f"no event {target!r}", hint="comment on an event the store holds")
        values = {"target_kind": target_kind, "target": str(target), "author": author, "created_at": now, "body": body}
        comment_id = conn.execute(insert(a.comments).values(values)).inserted_primary_key[0]
    return Comment(comment_id, target_kind, str(target), author, now, body)


def comments_on(store: Store, target_kind: str, target: str | int) -> list[Comment]:
    """The thread of an event or a place, oldest first."""
    query = select(a.comments).where(a.comments.c.target_kind == target_kind, a.comments.c.target == str(target)).order_by(a.comments.c.id)
    with store.engine.connect() as conn:
        return [Comment(r.id, r.target_kind, r.target, r.author, _aware(r.created_at), r.body) for r in conn.execute(query)]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # SQLite gives it back naive
