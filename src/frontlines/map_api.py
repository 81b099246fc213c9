"""The map of a store: `frontlines map` wraps :func:`map_page`."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.api import events
from frontlines.outputs.map import render_map
from frontlines.outputs.map_data import map_data
from frontlines.store import Store
from frontlines.outputs.report import in_theatre
from frontlines.store.control_store import ControlStore
from frontlines.theatres import Theatre


def map_data_of(
    store: Store, *, since: date | None = None, until: date | None = None, on: date | None = None, title: str | None = None,
    theatre: Theatre | None = None,
) -> dict[str, Any]:  # fmt: skip
    """What the map shows from this store: its events and control spans over the period
    (default: the days its events cover), the slider set to `on` (default: the last day);
    with a `theatre`, only the places in that war's countries."""
    found = [e for e in events(store, since=since, until=until) if in_theatre(e, theatre)]
    spans = [(pc.place, pc.span) for pc in ControlStore(store).iter_spans() if theatre is None or pc.place.country in theatre.countries]
    default_title = f"frontlines map: {theatre.name}" if theatre else "frontlines map"
    return map_data(found, spans, since=since, until=until, on=on, title=title or default_title)


def map_page(
    store: Store, *, since: date | None = None, until: date | None = None, on: date | None = None, title: str | None = None,
    theatre: Theatre | None = None,
) -> str:  # fmt: skip
    """One self-contained HTML page (works offline) with the store's places, control and events."""
    return render_map(map_data_of(store, since=since, until=until, on=on, title=title, theatre=theatre))
