"""Ingest from the browser: an analyst uploads report files or pastes a feed, the same library ingest
as `frontlines ingest` reads them in a background job whose page says how far it got, and the
result names each refused file with its reason and hint. Writers only, with the CSRF token, within
limits of files, bytes and ingests a minute; report text on the result page stays text."""

from __future__ import annotations

import re
import time

import pytest

from frontlines.accounts import add_user
from frontlines.store import Store
from frontlines.web import create_app
from frontlines.web.ingest import MAX_FILES
from signing_in import PASSWORD, token_on
from signing_in import session_token as sign_in

pytestmark = pytest.mark.model
SCRIPT = "<script>alert(1)</script>"

HIT_REPORT = """title: Islamic State seizes Hit
outlet: Upload Wire
published: 2014-10-04

Islamic State fighters seized the town of Hit on Friday after days of fighting, residents said.
"""
BAIJI_REPORT = """title: Iraqi forces retake Baiji
outlet: Upload Wire
published: 2015-10-21

Iraqi forces recaptured the town of Baiji from Islamic State on Tuesday, the army said.
"""
RSS_FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Pasted Wire</title>
<item><title>Iraqi forces retake Anah</title><link>https://example.org/anah</link>
<pubDate>Thu, 21 Sep 2017 10:00:00 GMT</pubDate>
<description>Iraqi forces recaptured the town of Anah from Islamic State on Thursday, the army said.</description></item>
</channel></rss>
"""


@pytest.fixture
def store(store_with_accounts: Store) -> Store:
    return store_with_accounts


@pytest.fixture
def browser(client_of, store: Store, pipeline):  # type: ignore[no-untyped-def]
    """A client over a writable copy of the test store, its uploads read by the test pipeline."""
    return client_of(create_app(store=store, pipeline=pipeline))


def finished(client, response) -> str:  # type: ignore[no-untyped-def]
    """Follow an ingest's job page until it has its result; the result page."""
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith("/ingest/jobs/")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        page = client.get(location)
        assert page.status_code == 200
        if 'http-equiv="refresh"' not in page.text:
            return page.text  # type: ignore[no-any-return]
        time.sleep(0.1)
    raise AssertionError("the ingest did not finish")


def cell(page: str, name: str) -> int:
    found = re.search(rf'<td id="{name}">(\d+)</td>', page)
    assert found, f"no {name} on the result page"
    return int(found.group(1))


def upload(client, token: str, files: list[tuple[str, bytes]], **form: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/ingest", data={"csrf_token": token, **form}, files=[("files", (name, data)) for name, data in files], follow_redirects=False
    )


def test_an_analyst_sees_the_upload_form_and_a_visitor_a_way_to_sign_in(browser) -> None:  # type: ignore[no-untyped-def]
    visitor = browser.get("/ingest")
    assert visitor.status_code == 200 and 'href="/login?next=/ingest"' in visitor.text and 'action="/ingest"' not in visitor.text
    sign_in(browser, "ana")
    page = browser.get("/ingest").text
    assert 'action="/ingest"' in page and 'enctype="multipart/form-data"' in page and token_on(page)


def test_two_good_reports_are_stored_and_a_binary_file_is_named_with_its_reason(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    files = [("hit.txt", HIT_REPORT.encode()), ("baiji.txt", BAIJI_REPORT.encode()), ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff")]
    page = finished(browser, upload(browser, token, files))
    assert cell(page, "added") == 2 and cell(page, "problems") == 1 and cell(page, "events") >= 2
    problem = page.split('class="problem"', 1)[1]
    assert "✗ photo.txt</span>: " in problem and "hint:" in problem and "frontlines-upload-" not in page
    events = browser.get("/api/events", params={"outlet": "Upload Wire", "limit": 500}).json()["items"]
    assert {"Hit", "Baiji"} <= {event["place"]["name"] for event in events}


def test_the_same_files_again_are_already_stored(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    finished(browser, upload(browser, token, [("hit.txt", HIT_REPORT.encode())]))
    again = finished(browser, upload(browser, token, [("copy.txt", HIT_REPORT.encode())]))
    assert (cell(again, "added"), cell(again, "duplicates"), cell(again, "events")) == (0, 1, 0)


def test_a_pasted_rss_feed_is_ingested_beside_an_empty_file_input(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    # as a browser sends the form: the file input left empty is a part with an empty file name
    parts = [("csrf_token", "", token), ("files", '; filename=""', ""), ("pasted", "", RSS_FEED)]
    body = "".join(f'--cut\r\nContent-Disposition: form-data; name="{name}"{extra}\r\n\r\n{value}\r\n' for name, extra, value in parts) + "--cut--\r\n"
    sent = browser.post("/ingest", content=body.encode(), headers={"content-type": "multipart/form-data; boundary=cut"}, follow_redirects=False)
    page = finished(browser, sent)
    assert cell(page, "added") == 1 and cell(page, "problems") == 0
    events = browser.get("/api/events", params={"place": "Anah", "since": "2017-09-21", "until": "2017-09-21"}).json()["items"]
    assert events and all(e["date"] == "2017-09-21" for e in events)


def test_report_text_with_script_stays_escaped_on_the_result_page(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    hostile = f"title: {SCRIPT}\noutlet: Hostile Wire\npublished: {SCRIPT}\n\n{SCRIPT} Iraqi forces recaptured Rawa.\n"
    page = finished(browser, upload(browser, token, [(f"x{SCRIPT}.txt", hostile.encode())], pasted=SCRIPT))
    assert "unreadable published date &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;" in page
    assert SCRIPT not in page and "<script" not in page


def test_a_viewer_and_a_visitor_cannot_ingest(browser) -> None:  # type: ignore[no-untyped-def]
    token = token_on(browser.get("/login").text)
    assert upload(browser, token, [("hit.txt", HIT_REPORT.encode())]).status_code == 403
    token = sign_in(browser, "vic")
    assert browser.get("/ingest").status_code == 403
    assert upload(browser, token, [("hit.txt", HIT_REPORT.encode())]).status_code == 403
    assert browser.get("/api/events", params={"outlet": "Upload Wire"}).json()["total"] == 0


def test_an_upload_without_the_csrf_token_is_refused(browser) -> None:  # type: ignore[no-untyped-def]
    sign_in(browser, "ana")
    for token in ("", "forged"):
        assert upload(browser, token, [("hit.txt", HIT_REPORT.encode())]).status_code == 403
    assert browser.get("/api/events", params={"outlet": "Upload Wire"}).json()["total"] == 0


def test_too_many_files_or_bytes_are_refused_with_413(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    many = upload(browser, token, [(f"r{n}.txt", HIT_REPORT.encode()) for n in range(MAX_FILES + 1)])
    assert many.status_code == 413 and f"at most {MAX_FILES}" in many.text
    big = upload(browser, token, [("big.txt", b"x" * (5 << 20)), ("big2.txt", b"x" * ((5 << 20) + 100_000))])
    assert big.status_code == 413 and "at most 10 MiB" in big.text
    huge = upload(browser, token, [("huge.txt", b"x" * (11 << 20))])
    assert huge.status_code == 413 and "request body too large" in huge.text  # refused before it is read


def test_an_upload_over_the_old_one_mib_body_limit_is_accepted_on_ingest_only(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    padded = HIT_REPORT + "\nResidents said the fighting had lasted days." * 30_000  # about 1.3 MB
    assert upload(browser, token, [("long.txt", padded.encode())]).status_code == 303
    assert browser.post("/logout", data={"csrf_token": token, "pad": "x" * (2 << 20)}).status_code == 413


def test_an_eleventh_ingest_within_a_minute_is_refused(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    codes = [upload(browser, token, [], pasted="title: nothing\n\nno outlet").status_code for _ in range(11)]
    assert codes == [303] * 10 + [429]


def test_someone_elses_job_is_not_there(browser, store: Store) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    location = upload(browser, token, [], pasted=RSS_FEED).headers["location"]
    add_user(store, "bea", PASSWORD, "analyst")
    browser.cookies.clear()
    sign_in(browser, "bea")
    assert browser.get(location).status_code == 404
    assert browser.get("/ingest/jobs/no-such-job").status_code == 404


def test_the_job_page_says_how_far_the_ingest_got_and_refreshes_itself_until_it_ends(browser) -> None:  # type: ignore[no-untyped-def]
    import threading

    sign_in(browser, "ana")
    release = threading.Event()

    def work(job):  # type: ignore[no-untyped-def]
        job.progress(3, 7)
        release.wait(30)
        return {"added": 0, "duplicates": 0, "claims": 0, "events": 0, "problems": [], "undated": [], "references": 0, "unread_references": []}

    job = browser.app.state.jobs.start("ana", work)
    deadline = time.monotonic() + 10
    while job.done != 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    page = browser.get(f"/ingest/jobs/{job.id}").text
    assert "done 3 of 7 reports" in page and '<meta http-equiv="refresh" content="1">' in page
    release.set()
    assert job.finished.wait(10)
    page = browser.get(f"/ingest/jobs/{job.id}").text
    assert 'http-equiv="refresh"' not in page and '<td id="added">0</td>' in page


@pytest.mark.parametrize(
    "given, saved",
    [("report.txt", "report.txt"), ("../../etc/passwd", "passwd"), ("C:\\reports\\r.txt", "r.txt"), ("..", "upload"), ("", "upload"), ("a<b>.xml", "a_b_.xml")],
)
def test_an_uploads_name_is_cut_to_its_own_name_in_safe_characters(given: str, saved: str) -> None:
    from frontlines.web.ingest import _safe_name

    assert _safe_name(given) == saved
