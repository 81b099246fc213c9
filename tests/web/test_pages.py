"""The workbench's pages on the demo corpus: the events table, an event with its sources' text, a
place, a report, the map; and a report carrying script payloads, which stays text."""

from __future__ import annotations

from markupsafe import escape

import pytest

pytestmark = pytest.mark.model

SCRIPT = "<script>alert(1)</script>"  # as in the hostile report of conftest.py
IMG = "<img src=x onerror=alert(1)>"


def hostile_event_id(client) -> int:  # type: ignore[no-untyped-def]
    return client.get("/api/events", params={"outlet": "Hostile Wire"}).json()["items"][0]["id"]  # type: ignore[no-any-return]


def test_the_events_table_lists_a_page_with_links_to_each_event_and_the_next_page(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/events", params={"limit": 10}).text
    assert page.count('class="event"') == 10 and '<a class="event-link" href="/events/1">' in page
    assert 'rel="next" href="/events?limit=10&amp;offset=10"' in page and 'rel="prev"' not in page
    assert '<form method="get" action="/events"' in page


def test_the_table_keeps_its_filter_in_the_form_the_paging_and_the_downloads(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/events", params={"place": "Rawa", "review": "none", "limit": 1}).text
    assert 'name="place" value="Rawa"' in page and '<option value="none" selected>' in page
    assert 'href="/api/events.csv?place=Rawa&amp;review=none"' in page
    assert 'href="/events?place=Rawa&amp;review=none&amp;limit=1&amp;offset=1"' in page


def test_a_bad_filter_on_the_page_is_a_400_page_with_a_hint(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/events", params={"since": "yesterday"})
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "is not a date" in response.text and "YYYY-MM-DD" in response.text


def test_an_event_page_shows_each_source_with_its_supporting_sentence_marked(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/events", params={"place": "Rawa", "type": "territory_taken"}).json()["items"][0]
    page = client.get(f"/events/{first['id']}").text
    assert page.count('<article class="source"') == len(first["sources"])
    for source in first["sources"]:
        assert f'<mark class="support">{escape(source["quote"])}</mark>' in page
    assert client.get("/events/999999").status_code == 404


def test_a_report_carrying_script_payloads_renders_them_as_text(client) -> None:  # type: ignore[no-untyped-def]
    event_id = hostile_event_id(client)
    for url in (f"/events/{event_id}", "/events?outlet=Hostile+Wire"):
        body = client.get(url).text
        assert "<script>alert" not in body and "<img" not in body, url
    data = client.get(f"/api/events/{event_id}")  # the API gives the text as it is, as JSON never sniffed as HTML
    assert SCRIPT in data.json()["sources"][0]["title"] and data.headers["x-content-type-options"] == "nosniff"
    page = client.get(f"/events/{event_id}").text
    assert escape(SCRIPT) in page and escape(IMG) in page  # in the title and in the text, as text
    assert '<mark class="support">Iraqi forces recaptured the town of Kubaisa' in page


def test_a_place_page_shows_its_control_and_history(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/places/Rawa").text
    assert "<h1>Rawa</h1>" in page and '<table id="control">' in page and "Islamic State" in page and "Iraqi forces" in page
    assert 'href="/events/' in page
    missing = client.get("/places/Nowhereville-on-Sea")
    assert missing.status_code == 404 and "no place called" in missing.text


def test_the_report_page_asks_for_a_period_then_shows_the_report(client) -> None:  # type: ignore[no-untyped-def]
    assert "Choose a period" in client.get("/report").text
    page = client.get("/report", params={"from": "2017-10-20", "to": "2017-11-20", "region": "Anbar"}).text
    assert '<article class="report"><h1>' in page and "<h2>SOURCES</h2>" in page and "<html" not in page.split('<article class="report">')[1]


def test_the_map_page_is_the_offline_map_of_the_store(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/map", params={"from": "2017-09-01", "to": "2017-11-30", "on": "2017-11-10"})
    assert response.status_code == 200 and 'id="map-data"' in response.text and "Leaflet" in response.text
