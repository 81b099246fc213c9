"""The JSON API under /api, on the demo corpus: filters, paging, one event, places, control, reports."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_events_come_as_the_event_export_with_a_total_and_a_page(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events", params={"limit": 5, "offset": 10}).json()
    assert body["total"] > 100 and body["limit"] == 5 and body["offset"] == 10 and len(body["items"]) == 5
    first = body["items"][0]
    assert {"id", "event_type", "date", "place", "sources", "review"} <= set(first)
    assert {"report_id", "outlet", "title", "quote", "start", "end", "url"} <= set(first["sources"][0])


def test_pages_follow_each_other_without_overlap(client) -> None:  # type: ignore[no-untyped-def]
    ids = [e["id"] for offset in (0, 20, 40) for e in client.get("/api/events", params={"limit": 20, "offset": offset}).json()["items"]]
    whole = [e["id"] for e in client.get("/api/events", params={"limit": 60}).json()["items"]]
    assert ids == whole and len(set(ids)) == 60


def test_a_page_past_the_end_is_empty_and_keeps_the_total(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events", params={"offset": 100_000}).json()
    assert body["items"] == [] and body["total"] > 100


@pytest.mark.parametrize("params, check", [
    ({"since": "2017-11-01", "until": "2017-11-05"}, lambda e: "2017-11-01" <= e["date"] <= "2017-11-05"),
    ({"type": "territory_taken"}, lambda e: e["event_type"] == "territory_taken"),
    ({"place": "Rawa"}, lambda e: e["place"]["name"] == "Rawa"),
    ({"actor": "islamic state"}, lambda e: "Islamic State" in (e["actor"], e["target_actor"])),
    ({"outlet": "hostile wire"}, lambda e: any(s["outlet"] == "Hostile Wire" for s in e["sources"])),
    ({"q": "phosphate"}, lambda e: "phosphate" in " ".join(s["quote"] for s in e["sources"]).lower() or "phosphate" in e["place"]["name"].lower()),
    ({"review": "none"}, lambda e: e["review"] == "none"),
])  # fmt: skip
def test_each_filter_keeps_only_matching_events(client, params, check) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    assert body["items"] and body["total"] == len(body["items"]), params
    assert all(check(e) for e in body["items"]), params


def test_filters_combine(client) -> None:  # type: ignore[no-untyped-def]
    both = client.get("/api/events", params={"place": "Rawa", "type": "territory_taken"}).json()
    alone = client.get("/api/events", params={"place": "Rawa"}).json()
    assert 0 < both["total"] < alone["total"]


def test_no_confirmed_events_in_a_store_no_analyst_reviewed(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/events", params={"review": "confirmed"}).json() == {"total": 0, "limit": 50, "offset": 0, "items": []}


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"offset": -1}, {"type": "massacre"}, {"review": "maybe"}, {"since": "1 Oct"}])
def test_bad_parameters_are_a_422_that_names_them(client, params) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/events", params=params)
    assert response.status_code == 422 and list(params)[0] in response.text


def test_one_event_by_id_and_a_404_for_an_unknown_one(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    assert client.get(f"/api/events/{first['id']}").json() == first
    missing = client.get("/api/events/999999")
    assert missing.status_code == 404 and missing.json() == {"detail": "no event 999999"}


def test_downloads_carry_the_current_filter(client) -> None:  # type: ignore[no-untyped-def]
    csv = client.get("/api/events.csv", params={"place": "Rawa"})
    assert csv.headers["content-type"].startswith("text/csv") and "attachment" in csv.headers["content-disposition"]
    total = client.get("/api/events", params={"place": "Rawa"}).json()["total"]
    assert len(csv.text.strip().splitlines()) == total + 1 and csv.text.startswith("id,event_type,date")
    geojson = client.get("/api/events.geojson", params={"place": "Rawa"}).json()
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) == total


def test_a_place_has_its_history_and_control_spans(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/places/Rawa").json()
    assert body["place"]["name"] == "Rawa" and body["place"]["country"] == "IQ"
    assert [s["holder"] for s in body["control"]][:1] == ["Islamic State"] and "Iraqi forces" in [s["holder"] for s in body["control"]]
    assert any(e["kind"] == "event" and e["event_id"] for e in body["history"])
    assert client.get("/api/places/Nowhereville-on-Sea").status_code == 404


def test_control_on_a_day(client) -> None:  # type: ignore[no-untyped-def]
    before, after = (client.get("/api/control", params={"on": day}).json() for day in ("2017-11-10", "2017-11-20"))
    holder = {d: {p["place"]: p["holder"] for p in body["places"]} for d, body in (("before", before), ("after", after))}
    assert holder["before"]["Rawa"] == "Islamic State" and holder["after"]["Rawa"] == "Iraqi forces"
    assert client.get("/api/control").status_code == 422


def test_the_report_of_a_period_in_markdown_and_html(client) -> None:  # type: ignore[no-untyped-def]
    md = client.get("/api/report", params={"from": "2017-10-20", "to": "2017-11-20", "region": "Anbar"})
    assert md.headers["content-type"].startswith("text/markdown") and "SOURCES" in md.text and "Rawa" in md.text
    html = client.get("/api/report", params={"from": "2017-10-20", "to": "2017-11-20", "format": "html"})
    assert html.headers["content-type"].startswith("text/html") and "<h2>SOURCES</h2>" in html.text
    backwards = client.get("/api/report", params={"from": "2017-11-20", "to": "2017-10-20"})
    assert backwards.status_code == 400 and "before it begins" in backwards.json()["detail"] and backwards.json()["hint"]


def test_the_openapi_schema_is_published(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/places/{name}", "/api/control", "/api/report", "/api/events.csv"} <= set(schema["paths"])
    assert not any(path.startswith("/events") for path in schema["paths"])  # the pages are not API
