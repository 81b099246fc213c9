"""Ingest options from the browser, as `frontlines ingest` takes them: a publication date or a year
for reports that carry none, and the war every report is read in. An upload is stored under its own
file name and its uploader (upload:USER/FILE), never under the temporary folder it was saved in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from frontlines.store import Store
from frontlines.store import schema as t
from frontlines.web import create_app
from signing_in import session_token as sign_in
from test_ingest_page import finished, upload

pytestmark = pytest.mark.model

UNDATED = """title: Freedonian forces enter Sylvania Junction
outlet: Options Wire

Iraqi forces recaptured the town of Rutba from Islamic State on Saturday, the army said.
"""


@pytest.fixture
def browser(client_of, store_with_accounts: Store, pipeline):  # type: ignore[no-untyped-def]
    return client_of(create_app(store=store_with_accounts, pipeline=pipeline))


def stored(store: Store, title_part: str):  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return conn.execute(select(t.reports.c.origin, t.reports.c.published).where(t.reports.c.title.contains(title_part))).one()


def test_a_report_without_a_date_takes_the_one_given_and_keeps_its_file_name(browser, store_with_accounts: Store) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    finished(browser, upload(browser, token, [("rutba.txt", UNDATED.encode())], published="2017-11-04"))
    origin, published = stored(store_with_accounts, "Sylvania Junction")
    assert origin == "upload:ana/rutba.txt" and str(published) == "2017-11-04"


def test_a_year_dates_the_weekday_of_an_undated_report_in_that_year(browser, store_with_accounts: Store) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    page = finished(browser, upload(browser, token, [("rutba.txt", UNDATED.encode())], year="2017"))
    assert "frontlines-upload-" not in page
    origin, _ = stored(store_with_accounts, "Sylvania Junction")
    assert origin == "upload:ana/rutba.txt"


@pytest.mark.parametrize(
    "form, message",
    [
        ({"published": "the fifth of never"}, "is not a date"),
        ({"year": "twenty"}, "&#39;twenty&#39; is not a year"),
        ({"published": "2017-11-04", "year": "2017"}, "not both"),
        ({"theatre": "atlantis-1999"}, "no war &#39;atlantis-1999&#39;"),
    ],
)
def test_an_option_that_cannot_be_used_is_refused_and_nothing_is_ingested(browser, store_with_accounts: Store, form: dict[str, str], message: str) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    before = store_with_accounts.count("reports")
    response = upload(browser, token, [("rutba.txt", UNDATED.encode())], **form)
    assert response.status_code == 422 and message in response.text
    assert store_with_accounts.count("reports") == before


def test_the_form_offers_every_bundled_war(browser) -> None:  # type: ignore[no-untyped-def]
    sign_in(browser, "ana")
    page = browser.get("/ingest").text
    assert 'name="published"' in page and 'name="year"' in page
    assert all(f'<option value="{war}">' in page for war in ("ukraine-2022", "sudan-2023", "iraq-syria-2014-2019"))


def test_a_chosen_war_reads_every_report_in_it(browser) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    report = "title: Shelling of Kharkiv outskirts\noutlet: Options Wire\npublished: 2022-05-02\n\nTroops shelled the outskirts of Kharkiv on Monday, officials said.\n"
    finished(browser, upload(browser, token, [("kharkiv.txt", report.encode())], theatre="ukraine-2022"))
    events = browser.get("/api/events", params={"outlet": "Options Wire"}).json()["items"]
    assert events and all(e["place"] is None or e["place"]["country"] == "UA" for e in events)


def test_another_server_process_shows_the_ingest_and_its_result(browser, client_of, writable_store_path) -> None:  # type: ignore[no-untyped-def]
    token = sign_in(browser, "ana")
    response = upload(browser, token, [("rutba.txt", UNDATED.encode())], published="2017-11-04")
    finished(browser, response)
    with Store.open(f"sqlite:///{writable_store_path}") as opened:  # a second worker over the same database
        other = client_of(create_app(store=opened))
        other.cookies.update(browser.cookies)  # the session key is kept in the store: the cookie holds there too
        page = other.get(response.headers["location"])
    assert page.status_code == 200 and '<td id="added">1</td>' in page.text
