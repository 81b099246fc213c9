"""Filters on events beyond place, date and type: actor, outlet, review state and free text.

The workbench's events table (issue 12) filters by these; the store applies them in SQL so that a
page and its total agree. Every text match is a case-insensitive substring with LIKE wildcards
escaped (a "%" in the search is a "%").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, select

from frontlines.errors import ControlError
from frontlines.model import REVIEW_STATES
from frontlines.store import control_schema as c
from frontlines.store import schema as t

# Event.review -> event_facts.verdict; "none" is no verdict at all
VERDICT_OF_REVIEW = {"confirmed": "confirm", "rejected": "reject", "corrected": "correct"}


@dataclass(frozen=True)
class EventMatch:
    """What an event must match besides place, dates and type; None matches everything.

    actor: in the actor or the target actor. outlet: the name of one of its sources' outlets.
    review: one of REVIEW_STATES. text: in one of its quotes, or in its place's name. event_id: that one.
    needs_review: only events no analyst has reviewed that are disputed, single-source captures or
    of low confidence (the workbench's review queue; see ``needs_review_condition``).
    """

    actor: str | None = None
    outlet: str | None = None
    review: str | None = None
    text: str | None = None
    event_id: int | None = None
    needs_review: bool = False

    def __post_init__(self) -> None:
        if self.review is not None and self.review not in REVIEW_STATES:
            raise ControlError(f"unknown review state {self.review!r}", hint=f"one of {', '.join(REVIEW_STATES)}")

    @property
    def empty(self) -> bool:
        return not (self.actor or self.outlet or self.review or self.text or self.needs_review) and self.event_id is None

    def apply(self, query: Select[Any]) -> Select[Any]:
        """The query (events outer-joined to places and event_facts) narrowed to the matching events."""
        if self.event_id is not None:
            query = query.where(t.events.c.id == self.event_id)
        if self.actor:
            query = query.where(_contains(t.events.c.actor, self.actor) | _contains(t.events.c.target_actor, self.actor))
        if self.review == "none":
            query = query.where(c.event_facts.c.verdict.is_(None))
        elif self.review:
            query = query.where(c.event_facts.c.verdict == VERDICT_OF_REVIEW[self.review])
        if self.outlet:
            query = query.where(_source_exists(_contains(t.outlets.c.name, self.outlet)))
        if self.text:
            in_quote = _source_exists(_contains(t.claims.c.quote, self.text))
            query = query.where(in_quote | _contains(t.places.c.name, self.text) | _contains(t.events.c.place_name, self.text))
        if self.needs_review:
            query = query.where(needs_review_condition())
        return query


LOW_CONFIDENCE = 0.5  # an event below this confidence waits in the review queue
CAPTURES = ("territory_taken", "withdrawal")  # events that move control: one outlet is not enough


def needs_review_condition() -> Any:
    """Events that wait for an analyst: not yet reviewed, and disputed (sources that disagree), a
    capture or withdrawal told by one outlet only, or of low confidence. On the query of
    ``events_query`` (events outer-joined to event_facts)."""
    facts = c.event_facts.c
    single_source_capture = t.events.c.event_type.in_(CAPTURES) & (func.coalesce(facts.outlets, 0) <= 1)
    doubtful = (facts.disputed.is_(True)) | single_source_capture | (t.events.c.confidence < LOW_CONFIDENCE)
    return facts.verdict.is_(None) & doubtful


def review_reasons(event_type: str, confidence: float, disputed: bool | None, outlets: int | None) -> tuple[str, ...]:
    """Why an event is in the review queue, in words (the same tests as ``needs_review_condition``)."""
    reasons = []
    if disputed:
        reasons.append("disputed")
    if event_type in CAPTURES and (outlets or 0) <= 1:
        reasons.append("one outlet only")
    if confidence < LOW_CONFIDENCE:
        reasons.append("low confidence")
    return tuple(reasons)


def _contains(column: Any, text: str) -> Any:
    return func.lower(column).contains(text.lower(), autoescape=True)


def _source_exists(condition: Any) -> Any:
    """Some claim of the event, in a report of some outlet, meets `condition`."""
    return exists(
        select(1)
        .select_from(t.event_claims)
        .join(t.claims, t.claims.c.id == t.event_claims.c.claim_id)
        .join(t.reports, t.reports.c.id == t.claims.c.report_id)
        .join(t.outlets, t.outlets.c.id == t.reports.c.outlet_id)
        .where(t.event_claims.c.event_id == t.events.c.id, condition)
    )
