"""The discussion under /api: comment threads on events and places and each event's audit, read by
anyone; comments written by analysts with the session's CSRF token in X-CSRF-Token."""

from __future__ import annotations


import pytest

from frontlines.control_api import add_note
from frontlines.store import Store
from frontlines.web import create_app
from signing_in import session_token

pytestmark = pytest.mark.model


def signed_in(client_of, store: Store, name: str):  # type: ignore[no-untyped-def]
    """A client signed in as `name`, and its session's CSRF token."""
    client = client_of(create_app(store=store))
    return client, session_token(client, name)


def first_event(client) -> int:  # type: ignore[no-untyped-def]
    return client.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]  # type: ignore[no-any-return]


def test_an_analyst_comments_on_an_event_and_everyone_reads_the_thread(client_of, store_with_accounts: Store) -> None:  # type: ignore[no-untyped-def]
    analyst, token = signed_in(client_of, store_with_accounts, "ana")
    event_id = first_event(analyst)
    made = analyst.post(f"/api/events/{event_id}/comments", json={"body": "Two outlets disagree on the day."}, headers={"x-csrf-token": token})
    assert made.status_code == 201 and made.json()["author"] == "ana"
    visitor = client_of(create_app(store=store_with_accounts))
    thread = visitor.get(f"/api/events/{event_id}/comments").json()
    assert [c["body"] for c in thread] == ["Two outlets disagree on the day."] and thread[0]["id"] == made.json()["id"]


def test_a_comment_without_the_token_or_by_a_viewer_is_refused(client_of, store_with_accounts: Store) -> None:  # type: ignore[no-untyped-def]
    analyst, _ = signed_in(client_of, store_with_accounts, "ana")
    event_id = first_event(analyst)
    assert analyst.post(f"/api/events/{event_id}/comments", json={"body": "no token"}).status_code == 403
    viewer, token = signed_in(client_of, store_with_accounts, "vic")
    assert viewer.post(f"/api/events/{event_id}/comments", json={"body": "a viewer"}, headers={"x-csrf-token": token}).status_code == 403
    assert analyst.get(f"/api/events/{event_id}/comments").json() == []


def test_a_place_thread_is_found_under_any_spelling_of_its_name(client_of, store_with_accounts: Store) -> None:  # type: ignore[no-untyped-def]
    analyst, token = signed_in(client_of, store_with_accounts, "ana")
    made = analyst.post("/api/places/Rawa/comments", json={"body": "Held since November."}, headers={"x-csrf-token": token})
    assert made.status_code == 201
    assert [c["body"] for c in analyst.get("/api/places/راوة/comments").json()] == ["Held since November."]
    assert analyst.get("/api/places/Nowhere-at-all/comments").status_code == 404


def test_the_audit_says_who_changed_what_before_and_after(client_of, store_with_accounts: Store) -> None:  # type: ignore[no-untyped-def]
    client = client_of(create_app(store=store_with_accounts))
    event = client.get("/api/events", params={"type": "airstrike", "limit": 1}).json()["items"][0]
    add_note(store_with_accounts, "event", event["id"], "a shelling, not an air strike", author="ana", verdict="correct", corrections={"event_type": "attack"})
    entries = client.get(f"/api/events/{event['id']}/audit").json()
    assert len(entries) == 1
    assert entries[0]["author"] == "ana" and entries[0]["verdict"] == "correct"
    assert entries[0]["before"] == {"event_type": "airstrike"} and entries[0]["after"] == {"event_type": "attack"}


def test_an_unknown_event_has_no_thread_and_no_audit(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/events/999999/comments").status_code == 404
    assert client.get("/api/events/999999/audit").status_code == 404


def test_the_discussion_is_in_the_published_schema(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events/{event_id}/comments", "/api/events/{event_id}/audit", "/api/places/{name}/comments"} <= set(paths)
