"""The timeline chart: events per day stacked by type above, places held per side per day below,
counted from plain events and control spans, drawn by matplotlib and written as PNG or SVG."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.control import ControlSpan
from frontlines.errors import FrontlinesError
from frontlines.model import Event
from frontlines.outputs.chart import EVENTS_TITLE, HELD_TITLE, save_figure, timeline_figure, timeline_series

OCT = date(2017, 10, 1)


def day(n: int) -> date:
    return date(2017, 10, n)


def event(event_type: str, when: date, precision: str = "day") -> Event:
    return Event(event_type=event_type, date=when, date_precision=precision, actor="Iraqi forces", target_actor=None,
                 controller_after=None, fatalities=None, place=None, place_name="Rawa", confidence=0.8)  # fmt: skip


def span(place: str, holder: str | None, start: date, end: date | None, *, contested: bool = False) -> ControlSpan:
    return ControlSpan(place_key=place, holder=holder, start=start, end=end, confidence=0.8, basis="event", contested=contested)


EVENTS = [event("battle", day(1)), event("battle", day(1)), event("territory_taken", day(2)), event("airstrike", day(3)),
          event("battle", day(2), "range"), event("battle", date(2017, 9, 30))]  # fmt: skip
SPANS = [
    span("rawa", "Islamic State", date(2017, 8, 1), day(2)),  # from before the period; ends the day Rawa was taken
    span("rawa", "Iraqi forces", day(2), None),
    span("anah", "Iraqi forces", date(2017, 9, 1), None),
    span("qaim", None, day(2), day(4), contested=True),
]


def test_events_are_counted_per_day_by_type_and_those_with_no_single_day_set_aside() -> None:
    series = timeline_series(EVENTS, SPANS, day(1), day(4))
    assert series.days == (day(1), day(2), day(3), day(4))
    assert series.events_by_type == {"territory_taken": (0, 1, 0, 0), "battle": (2, 0, 0, 0), "airstrike": (0, 0, 1, 0)}
    assert series.without_day == 1  # the range; the event before the period is not counted at all


def test_places_held_are_counted_per_side_each_day_with_contested_places_apart() -> None:
    series = timeline_series(EVENTS, SPANS, day(1), day(4))
    assert series.held_by == {"Iraqi forces": (1, 2, 2, 2), "Islamic State": (1, 0, 0, 0), "contested": (0, 1, 1, 0)}
    assert list(series.held_by)[-1] == "contested"


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(FrontlinesError, match="before it starts"):
        timeline_series([], [], day(4), day(1))


def test_the_figure_has_an_events_panel_and_a_held_panel_with_their_legends() -> None:
    figure = timeline_figure(timeline_series(EVENTS, SPANS, day(1), day(4)))
    events_ax, held_ax = figure.axes
    assert events_ax.get_title(loc="left") == EVENTS_TITLE and held_ax.get_title(loc="left") == HELD_TITLE
    assert (events_ax.get_ylabel(), held_ax.get_ylabel()) == ("events", "places")
    assert [t.get_text() for t in events_ax.get_legend().get_texts()] == ["territory taken", "battle", "airstrike"]
    assert [t.get_text() for t in held_ax.get_legend().get_texts()] == ["Iraqi forces", "Islamic State", "contested"]
    assert figure.texts[0].get_text() == "Timeline: 2017-10-01 to 2017-10-04"


@pytest.mark.parametrize(("name", "magic"), [("timeline.png", b"\x89PNG\r\n\x1a\n"), ("timeline.svg", b"<?xml")])
def test_the_chart_is_written_as_png_or_svg_by_its_suffix(tmp_path: Path, name: str, magic: bytes) -> None:
    written = save_figure(timeline_figure(timeline_series(EVENTS, SPANS, day(1), day(4))), tmp_path / name)
    data = written.read_bytes()
    assert data.startswith(magic) and len(data) > 10_000
    if name.endswith(".svg"):
        assert b"<svg" in data


def test_an_unknown_suffix_is_refused_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(FrontlinesError, match="unknown format .pdf") as raised:
        save_figure(timeline_figure(timeline_series(EVENTS, SPANS, day(1), day(4))), tmp_path / "timeline.pdf")
    assert ".png or .svg" in raised.value.hint


def test_a_folder_that_does_not_exist_is_a_readable_error(tmp_path: Path) -> None:
    with pytest.raises(FrontlinesError, match="cannot write the chart") as raised:
        save_figure(timeline_figure(timeline_series(EVENTS, SPANS, day(1), day(4))), tmp_path / "missing" / "timeline.png")
    assert "folder" in raised.value.hint


def test_importing_the_chart_module_loads_no_matplotlib_and_sets_no_backend() -> None:
    code = "import sys, frontlines.cli, frontlines.outputs.chart; print('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


@pytest.mark.model
def test_the_chart_command_draws_the_demo_corpus(demo_store_path: Path, tmp_path: Path) -> None:
    for name in ("timeline.png", "timeline.svg"):
        result = CliRunner().invoke(main, ["--db", str(demo_store_path), "chart", "--from", "2017-10-01", "--to", "2017-11-20",
                                           "--out", str(tmp_path / name)], catch_exceptions=False)  # fmt: skip
        assert result.exit_code == 0 and name in result.output
        assert (tmp_path / name).stat().st_size > 20_000
