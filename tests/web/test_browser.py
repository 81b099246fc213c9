"""The workbench in headless Chromium, served by uvicorn on loopback: open the events table, click an
event and see its supporting sentence highlighted; move the map's slider and see control change; a
report carrying script payloads runs nothing; an analyst signs in, rejects a capture, sees the map
follow, comments and logs out; an analyst opens the review queue, corrects a capture's date and sees
the map and the report follow. Every request off the server is refused."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontlines.accounts import add_user
from frontlines.store import Store
from frontlines.web import create_app

pytestmark = pytest.mark.model
PASSWORD = "a long password"


@pytest.fixture(scope="module")
def server(web_store_path: Path) -> Iterator[str]:
    """The workbench over the test store, on a free loopback port, in a background thread."""
    yield from serve(str(web_store_path))


@pytest.fixture
def writable_server(writable_store_path: Path) -> Iterator[str]:
    """The workbench over a copy of the test store with an analyst, `ana`, whose password is PASSWORD."""
    with Store.open(f"sqlite:///{writable_store_path}") as store:
        add_user(store, "ana", PASSWORD, "analyst")
    yield from serve(str(writable_store_path))


def serve(db: str) -> Iterator[str]:
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


class Visit:
    """A browser tab on the workbench: requests elsewhere are aborted and remembered, and so are
    script errors, console errors (a policy violation is one) and dialogs (an `alert` that ran)."""

    def __init__(self, chromium, origin: str) -> None:  # type: ignore[no-untyped-def]
        self.origin = origin
        self.left: list[str] = []
        self.problems: list[str] = []
        self.context = chromium.new_context(viewport={"width": 1280, "height": 800})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.problems.append(f"error: {error}"))
        self.page.on("console", lambda message: message.type == "error" and self.problems.append(f"console: {message.text}"))
        self.page.on("dialog", lambda dialog: (self.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith((self.origin + "/", "data:")):
            route.continue_()
        else:
            self.left.append(url)
            route.abort()

    def open(self, path: str) -> None:
        self.page.goto(self.origin + path)

    def close(self) -> None:
        self.context.close()


def sign_in_as_ana(page, then: str) -> None:  # type: ignore[no-untyped-def]
    """Fill the sign-in form that is open, send it, and wait to land on `then`."""
    page.fill('input[name="name"]', "ana")
    page.fill('input[name="password"]', PASSWORD)
    page.locator("form.login button").click()
    page.wait_for_url(then)


def test_open_an_event_from_the_table_and_see_its_supporting_sentence_highlighted(chromium, server: str) -> None:  # type: ignore[no-untyped-def]
    visit = Visit(chromium, server)
    visit.open("/events?place=Rawa&type=territory_taken")
    link = visit.page.locator("a.event-link").first
    event_id = link.inner_text()
    link.click()
    visit.page.wait_for_url(f"{server}/events/{event_id}")
    mark = visit.page.locator("article.source mark.support").first
    assert mark.is_visible() and "Rawa" in mark.inner_text()
    # the highlight is the claim's span of the report's text, shown inside the whole text
    text = visit.page.locator("article.source .report-text").first.inner_text()
    assert mark.inner_text() in text and len(text) > len(mark.inner_text())
    assert visit.left == [] and visit.problems == []
    visit.close()


def test_a_report_carrying_script_payloads_stays_inert_in_the_browser(chromium, server: str) -> None:  # type: ignore[no-untyped-def]
    visit = Visit(chromium, server)
    visit.open("/events?outlet=Hostile+Wire")
    visit.page.locator("a.event-link").first.click()
    visit.page.wait_for_url("**/events/*")
    source = visit.page.locator("article.source").first
    assert "<script>alert(1)</script>" in source.locator(".title").inner_text()
    assert "<img src=x onerror=alert(1)>" in source.locator(".report-text").inner_text()
    assert visit.page.locator("main script, main img").count() == 0
    assert visit.left == [] and visit.problems == []  # no alert ran, no image was fetched
    visit.close()


def test_move_the_map_slider_and_see_control_change(chromium, server: str) -> None:  # type: ignore[no-untyped-def]
    visit = Visit(chromium, server)
    visit.open("/map?from=2017-09-01&to=2017-11-30&on=2017-11-10")
    page = visit.page
    status = lambda place: page.locator(f'.place[data-place="{place}"]').get_attribute("data-status")  # noqa: E731
    assert status("Rawa") == "Islamic State"
    first = int(page.evaluate("document.getElementById('day').min"))
    page.locator("#day").fill(str(first + (date(2017, 11, 20) - date(2017, 9, 1)).days))  # Rawa was taken on 17 November
    assert page.evaluate("document.body.dataset.day") == "2017-11-20"
    assert status("Rawa") == "Iraqi forces"
    assert visit.left == [] and visit.problems == []  # the map's inline script ran under the served policy
    visit.close()


def test_sign_in_reject_a_capture_see_the_map_follow_comment_and_log_out(chromium, writable_server: str) -> None:  # type: ignore[no-untyped-def]
    visit = Visit(chromium, writable_server)
    page = visit.page
    rawa = lambda: page.locator('.place[data-place="Rawa"]').get_attribute("data-status")  # noqa: E731
    visit.open("/map?from=2017-09-01&to=2017-11-30&on=2017-11-20")
    assert rawa() == "Iraqi forces"

    visit.open("/events?place=Rawa&type=territory_taken")
    event_url = writable_server + page.locator("a.event-link").first.get_attribute("href")
    page.locator("#login-link").click()
    sign_in_as_ana(page, f"{writable_server}/events")
    assert "Signed in as ana" in page.locator("header").inner_text()

    page.goto(event_url)
    page.locator("form.verdict input[name=body]").fill("Rawa was not taken that day")
    page.locator("#reject").click()
    page.wait_for_url(event_url)
    assert "rejected" in page.locator("dl.facts").inner_text()
    assert "ana" in page.locator("tr.audit-entry .author").first.inner_text()

    visit.open("/map?from=2017-09-01&to=2017-11-30&on=2017-11-20")
    assert rawa() != "Iraqi forces"  # control follows the verdict at once

    page.goto(event_url)
    page.locator("form.comment-form textarea").fill("<b>check</b> the Xinhua report")
    page.locator("#comment").click()
    page.wait_for_url(event_url + "#comments")
    assert page.locator(".comment-text").first.inner_text() == "<b>check</b> the Xinhua report"

    page.locator("#logout").click()
    page.wait_for_url(f"{writable_server}/events")
    assert page.locator("#login-link").is_visible()
    page.goto(event_url)
    assert page.locator("form.comment-form").count() == 0
    assert visit.left == [] and visit.problems == []
    visit.close()


def test_from_the_review_queue_an_analyst_corrects_a_capture_and_the_map_and_report_follow(chromium, writable_server: str) -> None:  # type: ignore[no-untyped-def]
    visit = Visit(chromium, writable_server)
    page = visit.page
    rawa = lambda: page.locator('.place[data-place="Rawa"]').get_attribute("data-status")  # noqa: E731
    report = lambda: page.locator("main").inner_text()  # noqa: E731
    visit.open("/report?from=2017-11-15&to=2017-11-21")
    assert "Iraqi forces took Rawa." in report() and "Contested: Rawa" not in report()

    visit.open("/review")
    assert page.locator("#events tr.event").count() > 0 and page.locator("td.reasons").first.inner_text() != ""
    visit.open("/login?next=/review")
    sign_in_as_ana(page, f"{writable_server}/review")

    visit.open("/events?place=Rawa&type=territory_taken")
    page.locator("a.event-link").first.click()
    page.wait_for_url("**/events/*")
    event_url = page.url
    page.locator("form.correct input[name=date]").fill("2017-11-25")
    page.locator("form.correct input[name=body]").fill("the town was entered on the 17th, freed on the 25th")
    page.locator("#correct").click()
    page.wait_for_url(event_url)
    assert "2017-11-25" in page.locator("dl.facts").inner_text()
    assert "2017-11-25" in page.locator("tr.audit-entry").first.inner_text()

    visit.open("/map?from=2017-09-01&to=2017-11-30&on=2017-11-20")
    assert rawa() != "Iraqi forces"  # no longer taken by the 20th
    visit.open("/map?from=2017-09-01&to=2017-11-30&on=2017-11-26")
    assert rawa() == "Iraqi forces"
    visit.open("/report?from=2017-11-15&to=2017-11-21")
    assert "Iraqi forces took Rawa." not in report() and "Contested: Rawa" in report()  # the report follows too
    visit.open("/report?from=2017-11-22&to=2017-11-28")
    assert "Iraqi forces took Rawa." in report()
    assert visit.left == [] and visit.problems == []
    visit.close()


def test_filter_the_events_table_from_its_form_and_page_through(chromium, server: str) -> None:  # type: ignore[no-untyped-def]
    visit = Visit(chromium, server)
    page = visit.page
    visit.open("/events")
    every = int(page.locator("#count").get_attribute("data-total"))
    page.fill('form.filters input[name="place"]', "Rawa")
    page.select_option('form.filters select[name="type"]', "territory_taken")
    page.locator("form.filters button").click()
    page.wait_for_url("**/events?*place=Rawa*")
    found = int(page.locator("#count").get_attribute("data-total"))
    assert 0 < found < every
    assert all(cell == "territory_taken" for cell in page.locator("#events tr.event td:nth-child(3)").all_inner_texts())
    visit.open("/events?limit=10")
    page.locator('a[rel="next"]').click()
    page.wait_for_url("**offset=10*")
    assert page.locator("#events tr.event").count() == min(10, every - 10)
    assert visit.left == [] and visit.problems == []
    visit.close()
