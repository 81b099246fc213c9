"""The map of a store: `frontlines map` wraps :func:`map_page`."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.api import events
from frontlines.outputs.map import render_map
from frontlines.outputs.map_data import map_data
from frontlines.store import Store
from frontlines.store.control_store import ControlStore


def map_data_of(store: Store, *, since: date | None = None, until: date | None = None, on: date | None = None, title: str | None = None) -> dict[str, Any]:
    """What the map shows from this store: its events and control spans over the period
    (default: the days its events cover), the slider set to `on` (default: the last day)."""
    found = events(store, since=since, until=until)
    spans = [(pc.place, pc.span) for pc in ControlStore(store).iter_spans()]
    return map_data(found, spans, since=since, until=until, on=on, title=title or "frontlines map")


def map_page(store: Store, *, since: date | None = None, until: date | None = None, on: date | None = None, title: str | None = None) -> str:
    """One self-contained HTML page (works offline) with the store's places, control and events."""
    return render_map(map_data_of(store, since=since, until=until, on=on, title=title))
