"""The discussion under /api: comment threads on events and places, and each event's audit (who
changed what, when, before and after). Everyone reads; analysts and admins comment, with the
session's CSRF token in X-CSRF-Token, as on the pages (``frontlines.web.review``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path

from frontlines.accounts import User
from frontlines.review_api import MAX_COMMENT, AuditEntry, Comment, add_comment, audit, comments_on  # dataclasses: the response shapes
from frontlines.store import Store
from frontlines.web.api import GazetteerDep, event_or_404, place_or_404
from frontlines.web.context import get_store
from frontlines.web.sessions import writer

router = APIRouter(prefix="/api", tags=["discussion"])
StoreDep = Annotated[Store, Depends(get_store)]
Writer = Annotated[User, Depends(writer)]
EventId = Annotated[int, Path(ge=1, le=2**62)]
PlaceName = Annotated[str, Path(min_length=1, max_length=200)]
CommentBody = Annotated[str, Body(embed=True, min_length=1, max_length=MAX_COMMENT)]


@router.get("/events/{event_id}/comments")
def event_comments(store: StoreDep, event_id: EventId) -> list[Comment]:
    """The event's comment thread, oldest first."""
    event_or_404(store, event_id)
    return comments_on(store, "event", event_id)


@router.post("/events/{event_id}/comments", status_code=201)
def comment_on_event(store: StoreDep, author: Writer, event_id: EventId, body: CommentBody) -> Comment:
    """Add a comment to the event's thread (analysts and admins; X-CSRF-Token)."""
    event_or_404(store, event_id)
    return add_comment(store, "event", event_id, body, author=author.name)


@router.get("/events/{event_id}/audit")
def event_audit(store: StoreDep, event_id: EventId) -> list[AuditEntry]:
    """Every verdict on the event, oldest first: who, when, the fields before and after."""
    event_or_404(store, event_id)
    return audit(store, event_id)


@router.get("/places/{name}/comments")
def place_comments(store: StoreDep, gazetteer: GazetteerDep, name: PlaceName) -> list[Comment]:
    """The place's comment thread (any spelling of its name), oldest first."""
    return comments_on(store, "place", place_or_404(store, name, gazetteer, limit=1).place.key)


@router.post("/places/{name}/comments", status_code=201)
def comment_on_place(store: StoreDep, gazetteer: GazetteerDep, author: Writer, name: PlaceName, body: CommentBody) -> Comment:
    """Add a comment to the place's thread (analysts and admins; X-CSRF-Token)."""
    return add_comment(store, "place", place_or_404(store, name, gazetteer, limit=1).place.key, body, author=author.name)
