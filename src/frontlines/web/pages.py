"""The workbench's pages: the events table, an event with its sources' text, a place, a report, the map.

Each page reads the store through the library (``frontlines.web.views``, the report and map APIs)
and renders a Jinja2 template with autoescape on; nothing here builds HTML from report text.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from frontlines.api import review_queue_reasons
from frontlines.map_api import map_page
from frontlines.model import EVENT_TYPES, REVIEW_STATES
from frontlines.report_api import report
from frontlines.review_api import audit, comments_on
from frontlines.store import Store
from frontlines.web.api import GazetteerDep, TotalsDep, event_or_404, place_or_404
from frontlines.web.context import get_store, stylesheet
from frontlines.web.security import MAP_POLICY, security_headers
from frontlines.web.sessions import page_context
from frontlines.web.views import DEFAULT_PAGE, MAX_PAGE, EventFilters, event_page, event_sources, form_day

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    page = request.app.state.templates.get_template(template).render(**page_context(request), **context)
    return HTMLResponse(page, status_code=status_code)


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value))) if value else default
    except ValueError:
        return default


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events")


@router.get("/static/web.css")
def css() -> Response:
    return Response(stylesheet(), media_type="text/css", headers={"cache-control": "max-age=3600"})


@router.get("/events", response_class=HTMLResponse)
def events_table(request: Request, store: StoreDep, gazetteer: GazetteerDep, totals: TotalsDep) -> HTMLResponse:
    return _table(request, store, gazetteer, totals, "events.html", EventFilters.from_form(dict(request.query_params)))


@router.get("/review", response_class=HTMLResponse)
def review_queue(request: Request, store: StoreDep, gazetteer: GazetteerDep, totals: TotalsDep) -> HTMLResponse:
    """The events that wait for an analyst (disputed, captures told by one outlet, low confidence), with why."""
    filters = EventFilters.from_form({**request.query_params, "needs_review": "true", "review": ""})
    return _table(request, store, gazetteer, totals, "review.html", filters, with_reasons=True)


def _table(
    request: Request, store: Store, gazetteer: Any, totals: Any, template: str, filters: EventFilters, with_reasons: bool = False
) -> HTMLResponse:
    values = request.query_params
    limit = _int(values.get("limit"), DEFAULT_PAGE, 1, MAX_PAGE)
    offset = _int(values.get("offset"), 0, 0, 10_000_000)
    page = event_page(store, filters, limit=limit, offset=offset, gazetteer=gazetteer() if filters.place else None, totals=totals)
    reasons = review_queue_reasons(store, [e.id for e in page.items if e.id is not None]) if with_reasons else {}
    return render(
        request, template, page=page, filters=filters, event_types=EVENT_TYPES, review_states=REVIEW_STATES, reasons=reasons,
        previous=filters.query(limit=limit, offset=max(0, offset - limit)) if offset > 0 else None,
        next=filters.query(limit=limit, offset=offset + limit) if offset + limit < page.total else None,
        download=filters.query(),
    )  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_detail(request: Request, store: StoreDep, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> HTMLResponse:
    found = event_or_404(store, event_id)
    return render(
        request, "event.html", event=found, sources=event_sources(store, found), event_types=EVENT_TYPES,
        audit=audit(store, event_id), comments=comments_on(store, "event", event_id),
    )  # fmt: skip


@router.get("/places/{name}", response_class=HTMLResponse)
def place_detail(request: Request, store: StoreDep, gazetteer: GazetteerDep, name: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    view = place_or_404(store, name, gazetteer)
    return render(request, "place.html", view=view, comments=comments_on(store, "place", view.place.key))


@router.get("/report", response_class=HTMLResponse)
def report_page(request: Request, store: StoreDep) -> HTMLResponse:
    values = request.query_params
    since, until, region = form_day(values, "from"), form_day(values, "to"), (values.get("region") or "").strip() or None
    body = None
    if since and until:
        page = report(store, since, until, region=region, fmt="html")
        # the report's HTML escapes every piece of report text itself (frontlines.outputs.report)
        body = Markup(page.split("<body>", 1)[1].rsplit("</body>", 1)[0].strip())
    return render(request, "report.html", since=since, until=until, region=region or "", body=body)


@router.get("/map", response_class=HTMLResponse)
def map_view(request: Request, store: StoreDep) -> HTMLResponse:
    values = request.query_params
    page = map_page(store, since=form_day(values, "from"), until=form_day(values, "to"), on=form_day(values, "on"))
    return HTMLResponse(page, headers=security_headers(MAP_POLICY))
