"""The timeline chart: events per day by type above, places held per side per day below.

`timeline_series` counts (plain data in, plain data out); `timeline_figure` draws the counts with
matplotlib's object API (no pyplot, no global state); `timeline_chart` reads a store and writes a
PNG or SVG, by the suffix of the path. matplotlib is imported only when a chart is drawn.

An event counts on its day; one dated only to a range, a month or a year has no day and is counted
in the chart's note instead. A place counts for its holder on each day a control span gives it one,
and as "contested" while it is fought over.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.control import CONTESTED, ControlSpan
from frontlines.errors import FrontlinesError
from frontlines.model import EVENT_TYPES, Event

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from frontlines.store import Store

FORMATS = (".png", ".svg")
MAX_HOLDERS = 6  # lines drawn for the holders of most places; the rest are summed as "others"
EVENTS_TITLE = "Events per day, by type"
HELD_TITLE = "Places held per side"


@dataclass(frozen=True)
class TimelineSeries:
    days: tuple[date, ...]
    events_by_type: dict[str, tuple[int, ...]]  # event type -> events a day; only the types that occur
    held_by: dict[str, tuple[int, ...]]  # holder (or "contested", "others") -> places held a day
    without_day: int = 0  # events of the period dated to no single day


def timeline_series(events: Iterable[Event], spans: Iterable[ControlSpan], since: date, until: date) -> TimelineSeries:
    """Events a day by type and places held a day by holder, from `since` to `until` inclusive."""
    if until < since:
        raise FrontlinesError(f"the chart's period ends ({until}) before it starts ({since})", hint="give --from before --to")
    days = tuple(since + timedelta(n) for n in range((until - since).days + 1))
    per_type = {t: [0] * len(days) for t in EVENT_TYPES}
    without_day = 0
    for event in events:
        if event.date is None or not since <= event.date <= until:
            continue
        if event.date_precision != "day":
            without_day += 1
            continue
        per_type.setdefault(event.event_type, [0] * len(days))[(event.date - since).days] += 1
    held = _held_per_day(spans, since, len(days))
    return TimelineSeries(
        days=days,
        events_by_type={t: tuple(counts) for t, counts in per_type.items() if any(counts)},
        held_by=held,
        without_day=without_day,
    )


def _held_per_day(spans: Iterable[ControlSpan], since: date, length: int) -> dict[str, tuple[int, ...]]:
    """Places held each day by each label, from each span's first and last day (a running sum)."""
    steps: dict[str, list[int]] = {}
    for span in spans:
        label = span.label
        if label == "unknown":
            continue
        first = max((span.start - since).days, 0)
        stop = length if span.end is None else min((span.end - since).days, length)
        if first >= stop:
            continue
        counts = steps.setdefault(label, [0] * (length + 1))
        counts[first] += 1
        counts[stop] -= 1
    running: dict[str, tuple[int, ...]] = {}
    for label, counts in steps.items():
        total, series = 0, []
        for change in counts[:length]:
            total += change
            series.append(total)
        running[label] = tuple(series)
    holders = sorted((h for h in running if h != CONTESTED), key=lambda h: (-max(running[h]), h))
    kept = {h: running[h] for h in holders[:MAX_HOLDERS]}
    if holders[MAX_HOLDERS:]:
        kept["others"] = tuple(map(sum, zip(*(running[h] for h in holders[MAX_HOLDERS:]), strict=True)))
    if CONTESTED in running:
        kept[CONTESTED] = running[CONTESTED]
    return kept


def timeline_figure(series: TimelineSeries, *, title: str = "Timeline") -> Figure:
    """Two panels sharing the days: stacked bars of events by type, lines of places held by side."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    figure = Figure(figsize=(12, 7), layout="constrained")
    FigureCanvasAgg(figure)  # draws without pyplot or a display; SVG is chosen by savefig's format
    events_ax, held_ax = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    colours = {t: f"C{i}" for i, t in enumerate(EVENT_TYPES)}
    bottom = [0] * len(series.days)
    for event_type, counts in series.events_by_type.items():
        events_ax.bar(series.days, counts, bottom=bottom, width=0.9, label=event_type.replace("_", " "), color=colours.get(event_type))
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    events_ax.set_title(EVENTS_TITLE, loc="left")
    events_ax.set_ylabel("events")
    events_ax.yaxis.get_major_locator().set_params(integer=True)
    if series.events_by_type:
        events_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    if series.without_day:
        events_ax.annotate(f"{series.without_day} event(s) dated to no single day are not shown", (1, 1.01),
                           xycoords="axes fraction", ha="right", va="bottom", fontsize="small", color="0.4")  # fmt: skip
    for i, (holder, counts) in enumerate(series.held_by.items()):
        contested = holder == CONTESTED
        held_ax.step(series.days, counts, where="post", label=holder, color="0.5" if contested else f"C{i % 10}",
                     linestyle="--" if contested else "-", linewidth=1.8)  # fmt: skip
    held_ax.set_title(HELD_TITLE, loc="left")
    held_ax.set_ylabel("places")
    held_ax.set_ylim(bottom=0)
    held_ax.yaxis.get_major_locator().set_params(integer=True)
    if series.held_by:
        held_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    locator = AutoDateLocator()
    held_ax.xaxis.set_major_locator(locator)
    held_ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if series.days:
        held_ax.set_xlim(series.days[0] - timedelta(days=1), series.days[-1] + timedelta(days=1))
    figure.suptitle(f"{title}: {series.days[0].isoformat()} to {series.days[-1].isoformat()}" if series.days else title)
    return figure


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write the figure as PNG or SVG, by the path's suffix."""
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise FrontlinesError(f"cannot write a chart to {target.name}: unknown format {target.suffix or '(none)'}",
                              hint="end the file name in .png or .svg")  # fmt: skip
    try:
        figure.savefig(target, format=target.suffix.lower().lstrip("."), dpi=150)
    except OSError as exc:
        raise FrontlinesError(f"cannot write the chart to {target}: {exc.strerror or exc}", hint="check that its folder exists and is writable") from exc
    return target


def timeline_chart(store: Store, out: str | Path, *, since: date | None = None, until: date | None = None, title: str = "Timeline") -> Path:
    """Draw the stored events and control timeline to `out` (.png or .svg). The period defaults to
    the first and last day of the stored events."""
    from frontlines.api import events as stored_events
    from frontlines.control_api import iter_timeline

    found = stored_events(store, since=since, until=until)
    dated = [e.date for e in found if e.date]
    start, end = since or min(dated, default=None), until or max(dated, default=None)
    if start is None or end is None:
        raise FrontlinesError("no dated events to chart", hint="ingest reports first, or give --from and --to")
    series = timeline_series(found, (change.span for change in iter_timeline(store)), start, end)
    return save_figure(timeline_figure(series, title=title), out)
