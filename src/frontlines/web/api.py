"""The JSON API under /api: events (filtered, paged, downloadable), places, control, reports.

Reads only (verdicts are written by ``frontlines.web.review``). Events come in the shape of the JSONL
event export (``frontlines.outputs.exports``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response, StreamingResponse

from frontlines import api as library
from frontlines.control_api import control_on
from frontlines.errors import ControlError
from frontlines.model import Event
from frontlines.outputs.exports import event_csv_lines, event_to_dict
from frontlines.outputs.geojson import geojson_lines
from frontlines.report_api import report
from frontlines.store import Store
from frontlines.web.context import gazetteer_getter, get_pages, get_store, get_totals
from frontlines.web.totals import Totals
from frontlines.web.views import DEFAULT_PAGE, MAX_PAGE, EventFilters, PlaceView, all_events, entry_dict, event_page, place_dict, place_view

router = APIRouter(prefix="/api", tags=["api"])

EventType = Literal["territory_taken", "battle", "attack", "airstrike", "explosion", "operation_start", "withdrawal", "casualties", "other"]
ReviewState = Literal["confirmed", "rejected", "corrected", "none"]
Text = Annotated[str | None, Query(max_length=200)]
StoreDep = Annotated[Store, Depends(get_store)]
TotalsDep = Annotated[Totals, Depends(get_totals)]
PagesDep = Annotated[Totals, Depends(get_pages)]
GazetteerDep = Annotated[Callable[[], Any], Depends(gazetteer_getter)]  # built on first use


async def event_filters(
    since: date | None = None,
    until: date | None = None,
    place: Text = None,
    type: EventType | None = None,  # noqa: A002 - the name the form and the CLI use
    actor: Text = None,
    outlet: Text = None,
    review: ReviewState | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in a quote or the place's name")] = None,
    needs_review: Annotated[bool, Query(description="Only the review queue: unreviewed events that are disputed, captures told by one outlet, or of low confidence")] = False,
) -> EventFilters:
    """The filters of /api/events and its downloads (query parameters)."""
    return EventFilters(since, until, place, type, actor, outlet, review, q, needs_review)


Filters = Annotated[EventFilters, Depends(event_filters)]


def _gazetteer_if_needed(filters: EventFilters, gazetteer: Callable[[], Any]) -> Any:
    return gazetteer() if filters.place else None


@router.get("/events")
def list_events(
    store: StoreDep,
    filters: Filters,
    gazetteer: GazetteerDep,
    totals: TotalsDep,
    pages: PagesDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """Events that match the filters, oldest first: `total` matching, and one page of `items`."""

    def body() -> bytes:
        page = event_page(store, filters, limit=limit, offset=offset, gazetteer=_gazetteer_if_needed(filters, gazetteer), totals=totals)
        # the export's dicts hold only JSON types: written straight out, not walked again by FastAPI's encoder
        items = [event_to_dict(e) for e in page.items]
        if filters.needs_review:  # the queue says why each event waits
            reasons = library.review_queue_reasons(store, [e.id for e in page.items if e.id is not None])
            for item, event in zip(items, page.items, strict=True):
                item["review_reasons"] = list(reasons.get(event.id or 0, ()))
        found = {"total": page.total, "limit": page.limit, "offset": page.offset, "items": items}
        return json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    return Response(pages.remember(("events", filters, limit, offset), body), media_type="application/json")


@router.get("/events.csv", response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}})
def download_csv(store: StoreDep, filters: Filters, gazetteer: GazetteerDep) -> StreamingResponse:
    """Every event that matches the filters as CSV (the columns of `frontlines events --format csv`)."""
    found = all_events(store, filters, gazetteer=_gazetteer_if_needed(filters, gazetteer))
    return _download(event_csv_lines(found), "text/csv; charset=utf-8", "events.csv")


@router.get("/events.geojson", response_class=StreamingResponse, responses={200: {"content": {"application/geo+json": {}}}})
def download_geojson(store: StoreDep, filters: Filters, gazetteer: GazetteerDep) -> StreamingResponse:
    """Every event that matches the filters as a GeoJSON FeatureCollection."""
    found = all_events(store, filters, gazetteer=_gazetteer_if_needed(filters, gazetteer))
    return _download(geojson_lines(found), "application/geo+json", "events.geojson")


def _download(lines: Iterator[str], media_type: str, name: str) -> StreamingResponse:
    return StreamingResponse(lines, media_type=media_type, headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/events/{event_id}")
def get_event(store: StoreDep, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    """One event, rejected or not, in the event export's shape."""
    return event_to_dict(event_or_404(store, event_id))


def event_or_404(store: Store, event_id: int) -> Event:
    found = library.event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


def place_or_404(store: Store, name: str, gazetteer: Callable[[], Any], limit: int = 1000) -> PlaceView:
    """The place any spelling names, with its history (at most `limit` entries); a 404 when the gazetteer does not know it."""
    try:
        return place_view(store, name, gazetteer=gazetteer(), limit=limit)
    except ControlError as exc:
        raise HTTPException(404, exc.message) from None


@router.get("/places/{name}")
def get_place(store: StoreDep, gazetteer: GazetteerDep, name: Annotated[str, Path(min_length=1, max_length=200)]) -> dict[str, Any]:
    """A place (any spelling of its name): everything known about it, oldest first, and its control spans."""
    view = place_or_404(store, name, gazetteer)
    return {
        "place": place_dict(view.place),
        "history": [entry_dict(e) for e in view.entries],
        "control": [entry_dict(e)["span"] for e in view.control],
    }


@router.get("/control")
def get_control(
    store: StoreDep,
    on: date,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    actor: Text = None,
) -> dict[str, Any]:
    """Who held each place on a day, contested places included, with a tally per province."""
    return control_on(store, on, actor=actor, country=country).as_dict()


@router.get("/report", responses={200: {"content": {"text/markdown": {}, "text/html": {}}}})
def get_report(
    store: StoreDep,
    since: Annotated[date, Query(alias="from")],
    until: Annotated[date, Query(alias="to")],
    region: Text = None,
    theatre: Annotated[str | None, Query(max_length=100)] = None,
    format: Literal["md", "html"] = "md",  # noqa: A002 - the CLI's name
) -> Response:
    """The situation report of a period (as `frontlines report`): Markdown, or an HTML page."""
    text = report(store, since, until, region=region, theatre=theatre, fmt=format)
    return Response(text, media_type="text/markdown; charset=utf-8" if format == "md" else "text/html; charset=utf-8")
