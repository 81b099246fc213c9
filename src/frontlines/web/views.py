"""What the pages and the API show, from the library: a filtered page of events, one event with
its reports, a place's history. Plain data in, plain data out; no HTTP here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any
from urllib.parse import urlencode

from frontlines import api
from frontlines.errors import ControlError
from frontlines.history_api import HistoryEntry, iter_history
from frontlines.model import EVENT_TYPES, REVIEW_STATES, Event, Place, Report
from frontlines.store import Store
from frontlines.web.totals import Totals

MAX_PAGE = 500  # events one request returns at most
DEFAULT_PAGE = 50


def form_day(values: Any, name: str) -> date | None:
    """The date a form field holds (YYYY-MM-DD), None when empty; a ControlError that names the field."""
    text = (values.get(name) or "").strip()
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise ControlError(f"{name}: {text!r} is not a date", hint="write YYYY-MM-DD") from None


@dataclass(frozen=True)
class EventFilters:
    """The events table's filters, as the API and the page's form take them; None is no filter."""

    since: date | None = None
    until: date | None = None
    place: str | None = None
    type: str | None = None
    actor: str | None = None
    outlet: str | None = None
    review: str | None = None
    q: str | None = None
    needs_review: bool = False  # only the review queue: unreviewed events that are disputed, single-source captures or doubtful

    @classmethod
    def from_form(cls, values: dict[str, str]) -> EventFilters:
        """Filters from a submitted form, where an empty field means no filter. A value that is not a
        date, an event type or a review state is a ControlError that names it."""
        given: dict[str, Any] = {f.name: (values.get(f.name) or "").strip() or None for f in fields(cls)}
        given["needs_review"] = (given["needs_review"] or "").lower() in ("1", "true", "on", "yes")
        for name in ("since", "until"):
            given[name] = form_day(values, name)
        if given["type"] is not None and given["type"] not in EVENT_TYPES:
            raise ControlError(f"unknown event type {given['type']!r}", hint=f"one of {', '.join(EVENT_TYPES)}")
        if given["review"] is not None and given["review"] not in REVIEW_STATES:
            raise ControlError(f"unknown review state {given['review']!r}", hint=f"one of {', '.join(REVIEW_STATES)}")
        return cls(**given)

    def query(self, **more: Any) -> str:
        """These filters (and `more`) as a URL query string, empty filters left out."""
        values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in {**asdict(self), **more}.items()}
        values["needs_review"] = "true" if values["needs_review"] else None
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})

    def library_args(self) -> dict[str, Any]:
        return {
            "since": self.since, "until": self.until, "place": self.place, "types": [self.type] if self.type else None,
            "actor": self.actor, "outlet": self.outlet, "review": self.review, "text": self.q, "needs_review": self.needs_review,
        }  # fmt: skip


@dataclass(frozen=True)
class EventPage:
    total: int
    limit: int
    offset: int
    items: list[Event]


def event_page(
    store: Store, filters: EventFilters, *, limit: int = DEFAULT_PAGE, offset: int = 0, gazetteer: Any = None, totals: Totals | None = None
) -> EventPage:
    """One page of the events that match, oldest first, and how many match in all (remembered in
    `totals` while the store is unchanged)."""
    limit = max(1, min(limit, MAX_PAGE))
    args = filters.library_args()
    count = lambda: api.count_events(store, gazetteer=gazetteer, **args)  # noqa: E731
    total = totals.total(filters, count) if totals is not None else count()
    items = list(api.iter_events(store, gazetteer=gazetteer, limit=limit, offset=offset, **args)) if offset < total else []
    return EventPage(total, limit, offset, items)


def all_events(store: Store, filters: EventFilters, *, gazetteer: Any = None) -> Iterator[Event]:
    """Every event that matches, read in chunks (for a download of the current filter)."""
    return api.iter_events(store, gazetteer=gazetteer, **filters.library_args())


@dataclass(frozen=True)
class Marked:
    """A report's text cut around the sentence that supports a claim."""

    before: str
    mark: str
    after: str


def mark_quote(text: str, start: int, end: int, quote: str) -> Marked:
    """The text with the quote at start..end marked; when the offsets do not hold the quote (a text
    stored before offsets were kept), its first occurrence; when it is not there, nothing marked."""
    if not (0 <= start < end <= len(text) and text[start:end] == quote):
        start = text.find(quote) if quote else -1
        end = start + len(quote)
    if start < 0:
        return Marked(text, "", "")
    return Marked(text[:start], text[start:end], text[end:])


@dataclass(frozen=True)
class SourceView:
    outlet: str
    title: str
    published: date | None
    url: str | None
    quote: str
    modality: str
    report_id: int
    text: Marked


def event_sources(store: Store, event: Event) -> list[SourceView]:
    """Each source of the event with its report's full text, the supporting sentence marked."""
    reports: dict[int, Report] = {stored.id: stored.report for stored in store.reports(sorted({s.report_id for s in event.sources}))}
    views = []
    for s in event.sources:
        report = reports.get(s.report_id)
        text = mark_quote(report.text, s.start, s.end, s.quote) if report else Marked("", s.quote, "")
        views.append(SourceView(s.outlet, s.title, s.published, s.url, s.quote, s.modality, s.report_id, text))
    return views


@dataclass(frozen=True)
class PlaceView:
    place: Place
    entries: list[HistoryEntry]

    @property
    def control(self) -> list[HistoryEntry]:
        return [e for e in self.entries if e.kind == "control"]


def place_view(store: Store, name: str, *, gazetteer: Any = None, limit: int = 1000) -> PlaceView:
    """A place (any spelling of its name) with its history, oldest first; a ControlError
    when the gazetteer does not know it."""
    found, entries = iter_history(store, name, gazetteer=gazetteer, limit=limit)
    return PlaceView(found, list(entries))


def place_dict(place: Place) -> dict[str, Any]:
    return {"key": place.key, "name": place.name, "lat": place.lat, "lon": place.lon, "country": place.country,
            "admin1": place.admin1, "geonames_id": place.geonames_id}  # fmt: skip


def entry_dict(entry: HistoryEntry) -> dict[str, Any]:
    span = entry.span
    return {
        "day": entry.day.isoformat() if entry.day else None,
        "kind": entry.kind,
        "text": entry.text,
        "event_id": entry.event.id if entry.event else None,
        "span": None if span is None else {
            "holder": span.holder, "start": span.start.isoformat(), "end": span.end.isoformat() if span.end else None,
            "contested": span.contested, "contestants": list(span.contestants), "confidence": span.confidence,
            "basis": span.basis, "event_ids": list(span.event_ids),
        },
        "sources": [{"report_id": s.report_id, "outlet": s.outlet, "title": s.title, "quote": s.quote} for s in entry.sources],
    }  # fmt: skip
