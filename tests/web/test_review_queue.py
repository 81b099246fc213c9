"""The review queue: the events that wait for an analyst, with why each waits. An event waits while
no analyst has reviewed it and it is disputed, a capture or withdrawal told by one outlet only, or of
low confidence; a verdict takes it out of the queue."""

from __future__ import annotations

import pytest

from frontlines import api
from frontlines.control_api import add_note
from frontlines.store import Store
from frontlines.store.event_filters import CAPTURES, LOW_CONFIDENCE, review_reasons
from frontlines.web import create_app

pytestmark = pytest.mark.model


def queue(client, **params):  # type: ignore[no-untyped-def]
    return client.get("/api/events", params={"needs_review": "true", "limit": 500, **params}).json()


def test_the_reasons_are_the_three_doubts_an_analyst_checks_first() -> None:
    assert review_reasons("battle", 0.9, True, 3) == ("disputed",)
    assert review_reasons("territory_taken", 0.9, False, 1) == ("one outlet only",)
    assert review_reasons("territory_taken", 0.9, False, 2) == ()
    assert review_reasons("airstrike", LOW_CONFIDENCE - 0.01, False, 1) == ("low confidence",)
    assert review_reasons("withdrawal", 0.1, True, 0) == ("disputed", "one outlet only", "low confidence")


def test_every_event_in_the_queue_says_why_it_waits_and_none_was_reviewed(client) -> None:  # type: ignore[no-untyped-def]
    found = queue(client)
    assert found["total"] == len(found["items"]) > 0
    for item in found["items"]:
        assert item["review_reasons"], item
        assert item["review"] == "none"
        single_capture = item["event_type"] in CAPTURES and len({s["outlet"] for s in item["sources"]}) <= 1
        assert "one outlet only" not in item["review_reasons"] or single_capture


def test_the_queue_holds_exactly_the_events_that_meet_a_reason(client, web_store_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(f"sqlite:///{web_store_path}") as store:
        every = list(api.iter_events(store))
        reasons = api.review_queue_reasons(store, [e.id for e in every if e.id is not None])
    assert {item["id"] for item in queue(client)["items"]} == {e.id for e in every if e.id in reasons}


def test_a_verdict_takes_an_event_out_of_the_queue(client_of, writable_store_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(f"sqlite:///{writable_store_path}") as store:
        browser = client_of(create_app(store=store))
        before = queue(browser)
        waiting = before["items"][0]["id"]
        add_note(store, "event", waiting, "read the sources", author="ana", verdict="confirm")
        browser.app.state.totals.forget()
        browser.app.state.pages.forget()
        after = queue(browser)
    assert after["total"] == before["total"] - 1 and waiting not in {item["id"] for item in after["items"]}


def test_the_queue_page_lists_each_event_with_its_reasons_and_links_to_it(client) -> None:  # type: ignore[no-untyped-def]
    first = queue(client)["items"][0]
    page = client.get("/review")
    assert page.status_code == 200 and "Review queue" in page.text
    assert f'href="/events/{first["id"]}"' in page.text and ", ".join(first["review_reasons"]) in page.text


def test_the_queue_page_filters_like_the_events_table(client) -> None:  # type: ignore[no-untyped-def]
    captures = queue(client, type="territory_taken")
    page = client.get("/review", params={"type": "territory_taken"})
    assert f'data-total="{captures["total"]}"' in page.text
    assert all(item["event_type"] == "territory_taken" for item in captures["items"])
