"""Comment threads (frontlines.review_api) on an SQLite file and a PostgreSQL database: oldest first,
one thread per target, empty or unknown targets refused with a hint."""

from __future__ import annotations

import pytest

from frontlines.errors import ControlError
from frontlines.review_api import add_comment, audit, comments_on
from frontlines.store import Store


def test_a_places_thread_keeps_its_comments_in_order_and_to_itself(store: Store) -> None:
    add_comment(store, "place", "gn:92004", "bridge down since May", author="ana")
    add_comment(store, "place", "gn:92004", "  and the ferry too  ", author="bo")
    add_comment(store, "place", "gn:1", "elsewhere", author="ana")
    thread = comments_on(store, "place", "gn:92004")
    assert [(c.author, c.body) for c in thread] == [("ana", "bridge down since May"), ("bo", "and the ferry too")]
    assert thread[0].created_at.tzinfo is not None


@pytest.mark.parametrize("kind, target, body, complaint", [("event", 999, "hi", "no event"), ("place", "gn:1", "   ", "characters"), ("report", 1, "hi", "not 'report'")])
def test_a_comment_on_nothing_or_of_nothing_is_refused(store: Store, kind: str, target: object, body: str, complaint: str) -> None:
    with pytest.raises(ControlError, match=complaint):
        add_comment(store, kind, target, body, author="ana")  # type: ignore[arg-type]


def test_an_event_nobody_reviewed_has_an_empty_audit(store: Store) -> None:
    assert audit(store, 1) == []
