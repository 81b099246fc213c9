"""`frontlines map`: one HTML page that works offline, with places coloured by control on the
slider's day, events by type with their sources, and report text shown only as text."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.control import ControlSpan
from frontlines.errors import ControlError
from frontlines.model import Event, Place, Source
from frontlines.outputs.map import render_map, script_json
from frontlines.outputs.map_data import map_data

TOWN = Place(key="gn:1", name="Townville", lat=34.45, lon=41.9, country="IQ", admin1="Anbar", feature_code="PPL")
CROSSING = Place(key="fl:townville-crossing", name="Townville crossing", lat=34.45, lon=41.9, country="IQ", admin1="Anbar", feature_code="PSTB")
HOSTILE_TITLE = '<script>window.pwned = "title"</script>'
HOSTILE_QUOTE = '<img src=x onerror="window.pwned = \'quote\'"> took Townville'


def source(title: str, quote: str, day: date, url: str | None = "https://example.org/a") -> Source:
    return Source(report_id=1, outlet="Test Wire", title=title, published=day, url=url, quote=quote, start=0, end=1)


def event(event_type: str, day: date | None, *sources: Source, place: Place | None = TOWN, actor: str = "Iraqi forces") -> Event:
    return Event(event_type=event_type, date=day, date_precision="day", actor=actor, target_actor="Islamic State", controller_after=None,
                 fatalities=None, place=place, place_name=place.name if place else None, confidence=0.8, sources=sources, id=7)  # fmt: skip


def span(place: Place, holder: str | None, start: date, end: date | None, contested: bool = False) -> tuple[Place, ControlSpan]:
    return place, ControlSpan(place.key, holder, start, end, 0.9, "event", contested=contested, contestants=("Iraqi forces", "Islamic State") if contested else ())


SPANS = [
    span(TOWN, "Islamic State", date(2017, 8, 1), date(2017, 10, 5)),
    span(TOWN, "Iraqi forces", date(2017, 10, 5), None),
    span(CROSSING, None, date(2017, 8, 1), None, contested=True),
]
TAKEN = event("territory_taken", date(2017, 10, 5), source(HOSTILE_TITLE, HOSTILE_QUOTE, date(2017, 10, 5)))


# ---- the data and the page, without a browser ----------------------------------------------------
def test_embedded_json_cannot_close_its_script_element() -> None:
    text = script_json({"t": "</script><!-- & \u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028\u2029"}


def test_the_period_is_the_days_the_events_cover_and_the_slider_starts_on_the_last() -> None:
    data = map_data([event("battle", date(2017, 10, 1)), TAKEN, event("battle", None)], SPANS)
    assert data["period"] == {"start": "2017-10-01", "end": "2017-10-05", "day": "2017-10-05"}
    assert [e["date"] for e in data["events"]] == ["2017-10-01", "2017-10-05"] and data["unplaced"] == 1
    assert data["events"][1]["sources"][0]["title"] == HOSTILE_TITLE


def test_each_place_carries_its_spans_and_each_label_a_colour() -> None:
    data = map_data([TAKEN], SPANS, since=date(2017, 9, 1), until=date(2017, 10, 31), on=date(2017, 9, 15))
    spans = {p["name"]: [(s[0], s[2]) for s in p["spans"]] for p in data["places"]}
    assert spans == {"Townville": [("2017-08-01", "Islamic State"), ("2017-10-05", "Iraqi forces")], "Townville crossing": [("2017-08-01", "contested")]}
    assert set(data["colours"]) == {"Islamic State", "Iraqi forces", "contested"} and data["period"]["day"] == "2017-09-15"


def test_a_day_outside_the_period_is_refused_with_a_hint() -> None:
    with pytest.raises(ControlError, match="outside the period"):
        map_data([TAKEN], SPANS, since=date(2017, 10, 1), until=date(2017, 10, 31), on=date(2017, 12, 1))


def test_the_page_inlines_leaflet_and_the_basemap_and_keeps_report_text_out_of_the_markup() -> None:
    page = render_map(map_data([TAKEN], SPANS))
    assert "Leaflet 1.9" in page and "Natural Earth" in page and '"layer":"province"' in page
    assert not re.search(r"""\bsrc=["']?https?:|<link\b|@import""", page) and "sourceMappingURL" not in page  # nothing to fetch
    assert "<img" not in page and page.count("<script") == 4  # two JSON blocks, Leaflet, the map's own


def test_the_map_command_has_an_example_in_its_help() -> None:
    result = CliRunner().invoke(main, ["map", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "frontlines map --from" in result.output


def test_the_map_of_an_empty_store_is_refused_with_what_to_do(tmp_path: Path) -> None:
    from frontlines.store import Store

    Store.open(f"sqlite:///{tmp_path / 'empty.db'}").close()
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "empty.db"), "map", "--out", str(tmp_path / "map.html")])
    assert result.exit_code != 0 and "nothing dated to map" in result.output and "ingest reports first" in result.output
    assert not (tmp_path / "map.html").exists()


# ---- in headless Chromium, with the network cut ---------------------------------------------------
class OfflinePage:
    """A page opened from a file with the network cut: every request other than the file is
    aborted and remembered."""

    def __init__(self, chromium, path: Path) -> None:  # type: ignore[no-untyped-def]
        self.context = chromium.new_context(viewport={"width": 1280, "height": 800})
        self.context.set_offline(True)
        self.left: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())
        assert self.page.evaluate("window.frontlinesMap !== undefined")  # goto waited for the load event

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.left.append(url)
            route.abort()

    def set_day(self, iso: str) -> None:
        first = self.page.evaluate("document.getElementById('day').min")
        start = date.fromisoformat(self.page.evaluate("JSON.parse(document.getElementById('map-data').textContent).period.start"))
        self.page.locator("#day").fill(str(int(first) + (date.fromisoformat(iso) - start).days))
        assert self.page.evaluate("document.body.dataset.day") == iso

    def status_of(self, place: str) -> str:
        return self.page.locator(f'.place[data-place="{place}"]').get_attribute("data-status") or ""

    def close(self) -> None:
        self.context.close()


def test_report_text_stays_text_in_the_popups(chromium, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "map.html"
    path.write_text(render_map(map_data([TAKEN], SPANS)), encoding="utf-8")
    opened = OfflinePage(chromium, path)
    opened.page.locator(".event").first.dispatch_event("click")
    popup = opened.page.locator(".leaflet-popup-content")
    assert HOSTILE_TITLE in popup.inner_text() and "<img src=x" in popup.inner_text()
    assert popup.locator("img, script").count() == 0 and opened.page.evaluate("window.pwned") is None
    assert opened.page.locator(".place").count() == 2  # the town and its crossing, at one spot, both shown
    boxes = [opened.page.locator(f'.place[data-place="{name}"]').bounding_box() for name in ("Townville", "Townville crossing")]
    assert boxes[0] and boxes[1] and (boxes[0]["x"], boxes[0]["y"]) != (boxes[1]["x"], boxes[1]["y"])
    assert opened.status_of("Townville crossing") == "contested"
    assert opened.left == [] and opened.errors == []
    opened.close()


@pytest.fixture(scope="module")
def demo_map(tmp_path_factory: pytest.TempPathFactory, demo_store_path: Path) -> Path:
    """The map page of the demo corpus (the store of tests/outputs/conftest.py), slider on 10 November."""
    from frontlines.map_api import map_page
    from frontlines.store import Store

    with Store.open(f"sqlite:///{demo_store_path}") as store:
        page = map_page(store, since=date(2017, 9, 1), until=date(2017, 11, 30), on=date(2017, 11, 10))
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.model
def test_the_demo_map_shows_places_events_and_sources_and_the_slider_changes_control(chromium, demo_map: Path) -> None:  # type: ignore[no-untyped-def]
    opened = OfflinePage(chromium, demo_map)
    page = opened.page
    for name in ("Rawa", "al-Qaim", "Hawija", "Husaybah", "Husaybah border crossing"):
        assert page.locator(f'.place[data-place="{name}"]').count() == 1, name
    assert page.locator(".event").count() > 10
    assert opened.status_of("Rawa") == "Islamic State" and opened.status_of("al-Qaim") == "Iraqi forces"
    legend = page.locator('#holders li[data-holder="Islamic State"] .count').inner_text()

    opened.set_day("2017-11-20")  # Rawa was taken on 17 November
    assert opened.status_of("Rawa") == "Iraqi forces"
    assert page.locator('#holders li[data-holder="Islamic State"] .count').inner_text() != legend

    page.locator(".event:not(.cluster)").first.dispatch_event("click")
    source = page.locator(".leaflet-popup-content .source").first
    assert source.locator(".outlet").inner_text().strip() and source.locator(".title").inner_text().strip()
    page.locator('.place[data-place="Rawa"]').dispatch_event("click")
    assert "Iraqi forces since 2017-11-1" in page.locator(".leaflet-popup-content").last.inner_text()

    opened.set_day("2017-09-01")
    assert page.locator(".event").count() < 10  # only the events up to the first day
    page.locator("#play").click()
    for _ in range(50):  # the page's policy forbids eval, so poll from here
        if (page.locator("body").get_attribute("data-day") or "") > "2017-09-03":
            break
        page.wait_for_timeout(100)
    assert (page.locator("body").get_attribute("data-day") or "") > "2017-09-03"
    page.locator("#play").click()
    assert opened.left == [] and opened.errors == []
    opened.close()
