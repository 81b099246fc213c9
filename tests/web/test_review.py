"""Review and discussion from the browser: signing in and out, verdicts and comments by analysts,
each write behind a role and the session's CSRF token; a correction shows at once on the event page,
in the API and in the report, a rejection in control; the audit says who changed what, and when."""

from __future__ import annotations


import pytest

from frontlines.store import Store
from frontlines.web import create_app
from signing_in import PASSWORD, sign_in, token_on

pytestmark = pytest.mark.model
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def store(store_with_accounts: Store) -> Store:
    return store_with_accounts


@pytest.fixture
def browser(client_of, store: Store):  # type: ignore[no-untyped-def]
    """A client over a writable copy of the test store, not signed in."""
    return client_of(create_app(store=store))


def rawa_capture(client) -> int:  # type: ignore[no-untyped-def]
    found = client.get("/api/events", params={"place": "Rawa", "type": "territory_taken"}).json()["items"]
    return found[0]["id"]  # type: ignore[no-any-return]


def test_a_visitor_reads_the_event_page_with_no_form_that_writes(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.get(f"/events/{rawa_capture(browser)}")
    assert page.status_code == 200 and "Sign in" in page.text and 'method="post"' not in page.text
    assert "set-cookie" not in page.headers  # reading starts no session


def test_the_right_password_signs_in_with_an_httponly_samesite_cookie(browser) -> None:  # type: ignore[no-untyped-def]
    response = sign_in(browser, "ana")
    cookie = response.headers["set-cookie"].lower()
    assert response.status_code == 303 and response.headers["location"] == "/events"
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    assert "Signed in as <strong>ana</strong> (analyst)" in browser.get("/events").text


def test_the_cookie_is_secure_when_the_request_came_over_https(client_of, store: Store) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(create_app(store=store), base_url="https://testserver") as secure:
        assert "secure" in sign_in(secure, "ana").headers["set-cookie"].lower()


@pytest.mark.parametrize("name, password", [("ana", "not the password"), ("nobody", PASSWORD)])
def test_a_wrong_password_or_name_is_refused_and_signs_nobody_in(browser, name: str, password: str) -> None:  # type: ignore[no-untyped-def]
    response = sign_in(browser, name, password)
    assert response.status_code == 401 and "Wrong name or password" in response.text
    assert "Signed in" not in browser.get("/events").text


def test_after_signing_in_the_browser_goes_back_to_a_page_of_this_site_only(browser) -> None:  # type: ignore[no-untyped-def]
    for asked, landed in [("/events/3", "/events/3"), ("//evil.example/", "/events"), ("https://evil.example/", "/events"), ("/\\evil.example", "/events"), ("/\t/evil.example", "/events")]:
        browser.cookies.clear()
        token = token_on(browser.get("/login").text)
        response = browser.post("/login", data={"name": "ana", "password": PASSWORD, "csrf_token": token, "next": asked}, follow_redirects=False)
        assert response.headers["location"] == landed


def test_a_visitor_and_a_viewer_cannot_review_or_comment(browser) -> None:  # type: ignore[no-untyped-def]
    event_id = rawa_capture(browser)
    token = token_on(browser.get("/login").text)
    assert browser.post(f"/events/{event_id}/review", data={"verdict": "reject", "csrf_token": token}).status_code == 403
    sign_in(browser, "vic")
    page = browser.get(f"/events/{event_id}").text
    assert 'action="/events/{event_id}/review"'.format(event_id=event_id) not in page
    token = token_on(page)  # the logout form's
    assert browser.post(f"/events/{event_id}/review", data={"verdict": "reject", "csrf_token": token}).status_code == 403
    assert browser.post(f"/events/{event_id}/comments", data={"body": "hi", "csrf_token": token}).status_code == 403
    assert browser.get(f"/api/events/{event_id}").json()["review"] == "none"


def test_every_write_without_the_sessions_csrf_token_is_refused(browser) -> None:  # type: ignore[no-untyped-def]
    event_id = rawa_capture(browser)
    sign_in(browser, "ana")
    for token in ({}, {"csrf_token": "forged"}):
        assert browser.post(f"/events/{event_id}/review", data={"verdict": "reject", **token}).status_code == 403
        assert browser.post(f"/events/{event_id}/comments", data={"body": "hi", **token}).status_code == 403
        assert browser.post("/logout", data=token).status_code == 403
    assert browser.post(f"/api/events/{event_id}/notes", json={"verdict": "reject"}).status_code == 403
    assert browser.get(f"/api/events/{event_id}").json()["review"] == "none"


def test_an_analysts_correction_shows_on_the_event_page_in_the_api_and_in_the_report_with_its_audit(browser) -> None:  # type: ignore[no-untyped-def]
    event_id = rawa_capture(browser)
    period = {"from": "2017-11-15", "to": "2017-11-20"}
    assert "Iraqi forces took Rawa" in browser.get("/api/report", params=period).text
    sign_in(browser, "ana")
    token = token_on(browser.get(f"/events/{event_id}").text)
    form = {"verdict": "correct", "event_type": "battle", "body": "they fought; nobody took it yet", "csrf_token": token}
    response = browser.post(f"/events/{event_id}/review", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/events/{event_id}"
    page = browser.get(f"/events/{event_id}").text
    assert f"Event {event_id}: battle" in page and "<dd>corrected</dd>" in page
    audit = page.split('class="audit-entry"', 1)[1]
    assert '<td class="author">ana</td>' in audit and "event_type: territory_taken" in audit and "event_type: battle" in audit
    listed = browser.get("/api/events", params={"place": "Rawa", "review": "corrected"}).json()["items"]
    assert [(e["id"], e["event_type"]) for e in listed] == [(event_id, "battle")]
    assert "Iraqi forces took Rawa" not in browser.get("/api/report", params=period).text


def test_rejecting_the_capture_changes_who_held_the_town(browser) -> None:  # type: ignore[no-untyped-def]
    event_id = rawa_capture(browser)
    holder = lambda: [p["status"] for p in browser.get("/api/control", params={"on": "2017-11-20"}).json()["places"] if p["place"] == "Rawa"]  # noqa: E731
    assert holder() == ["Iraqi forces"]
    sign_in(browser, "ana")
    token = token_on(browser.get(f"/events/{event_id}").text)
    browser.post(f"/events/{event_id}/review", data={"verdict": "reject", "body": "not yet", "csrf_token": token})
    assert holder() != ["Iraqi forces"] and browser.get(f"/api/events/{event_id}").json()["review"] == "rejected"


def test_the_json_call_records_a_verdict_with_the_token_in_its_header(browser) -> None:  # type: ignore[no-untyped-def]
    event_id = rawa_capture(browser)
    sign_in(browser, "ana")
    token = token_on(browser.get("/events").text)
    response = browser.post(f"/api/events/{event_id}/notes", json={"verdict": "correct", "corrections": {"actor": "Iraqi army"}}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200 and response.json()["event"]["actor"] == "Iraqi army"
    refused = browser.post(f"/api/events/{event_id}/notes", json={"verdict": "correct", "corrections": {"fatalities": "3"}}, headers={"X-CSRF-Token": token})
    assert refused.status_code == 422 and "fatalities" in refused.json()["detail"]


def test_comments_are_listed_in_order_and_their_markup_is_text(browser) -> None:  # type: ignore[no-untyped-def]
    event_id = rawa_capture(browser)
    sign_in(browser, "ana")
    token = token_on(browser.get(f"/events/{event_id}").text)
    for body in ("first look", f"second {SCRIPT}"):
        assert browser.post(f"/events/{event_id}/comments", data={"body": body, "csrf_token": token}, follow_redirects=False).status_code == 303
    page = browser.get(f"/events/{event_id}").text
    assert page.index("first look") < page.index("second &lt;script&gt;alert(1)&lt;/script&gt;") and SCRIPT not in page
    assert "Comments (2)" in page


def test_a_place_has_its_own_thread(browser) -> None:  # type: ignore[no-untyped-def]
    sign_in(browser, "ana")
    token = token_on(browser.get("/places/Rawa").text)
    response = browser.post("/places/Rawa/comments", data={"body": "bridge down since May", "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/places/Rawa#comments"
    assert "bridge down since May" in browser.get("/places/Rawa").text
    assert "bridge down since May" not in browser.get(f"/events/{rawa_capture(browser)}").text
    assert browser.post("/places/Nowhere-at-all/comments", data={"body": "x", "csrf_token": token}).status_code == 404


def test_logging_out_ends_the_session(browser) -> None:  # type: ignore[no-untyped-def]
    sign_in(browser, "ana")
    token = token_on(browser.get("/logout").text)  # the page's button, as the header's
    assert browser.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert "Signed in" not in browser.get("/events").text
    event_id = rawa_capture(browser)
    assert browser.post(f"/events/{event_id}/comments", data={"body": "hi", "csrf_token": token}).status_code == 403


def test_an_eleventh_attempt_to_sign_in_within_a_minute_is_refused(browser) -> None:  # type: ignore[no-untyped-def]
    codes = [sign_in(browser, "ana", "wrong password").status_code for _ in range(11)]
    assert codes == [401] * 10 + [429]
