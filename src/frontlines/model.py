"""The nouns of frontlines as plain dataclasses.

Every stage takes and returns these; the store converts them to rows and back,
spaCy objects are converted to them once, at the edge of extraction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

EVENT_TYPES = (
    "territory_taken",
    "battle",
    "attack",
    "airstrike",
    "explosion",
    "operation_start",
    "withdrawal",
    "casualties",
    "other",
)

MODALITIES = ("asserted", "planned", "hoped", "hedged", "negated", "question", "reported_speech", "history")

DATE_PRECISIONS = ("day", "range", "month", "year")

# How exactly a place locates an event, like UCDP's where_prec: a named point (a border crossing,
# a gas field), a town, a district, a province, a country.
# An analyst's verdict on an event or report (`frontlines note --verdict`), the fields a correction
# may set, and the review state an event shows: the latest verdict on it
VERDICTS = ("confirm", "reject", "correct")
CORRECTABLE = ("event_type", "date", "actor", "target_actor", "place")
REVIEW_STATES = ("confirmed", "rejected", "corrected", "none")
ROLES = ("viewer", "analyst", "admin")  # workbench accounts (frontlines.accounts)
# "within": the place's words name a spot the gazetteer lacks, inside or beside the place whose coordinates stand for it
PLACE_PRECISIONS = ("point", "town", "within", "district", "province", "country")
WITHIN = "within"


def content_hash(raw: bytes) -> str:
    """The identity of a report: the SHA-256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Report:
    """One article or post, as ingested. Never changed after ingest."""

    outlet: str
    title: str
    published: date | None
    text: str
    raw: bytes
    url: str | None = None
    language: str = "en"
    origin: str = ""  # file name, "file.jsonl:12", feed item link, or "<stdin>"
    published_inferred: bool = False  # guessed from the URL or the text (see published_source)
    id: int | None = None
    # "day", "month" or "year": `published` is then the first day of that month or year
    published_precision: str | None = "day"
    # where the date came from: one of frontlines.ingest.published.PUBLISHED_SOURCES
    published_source: str = "header"
    author: str | None = None  # the byline as the report prints it ("Ali Karim"); see ingest.bylines

    def __post_init__(self) -> None:
        if self.published is None:  # no date at all: no precision, and flagged as unknown
            object.__setattr__(self, "published_precision", None)
            object.__setattr__(self, "published_source", "unknown")

    @property
    def content_hash(self) -> str:
        return content_hash(self.raw)


@dataclass(frozen=True)
class IngestProblem:
    """An input that could not be ingested: which one, why, and what to do."""

    origin: str
    reason: str
    hint: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason} ({self.hint})"


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    key: str  # stable identifier: "gn:<geonames id>" or "fl:<slug>" for curated entries
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2, e.g. "IQ"
    admin1: str = ""  # province / governorate name
    feature_class: str = ""  # GeoNames feature class (P, A, S, T, H, L...)
    feature_code: str = ""  # GeoNames feature code (PPL, ADM1, OILF, ...)
    geonames_id: int | None = None
    population: int = 0


@dataclass(frozen=True)
class PlaceMatch:
    """A place name found in a text, with the gazetteer entry it resolves to."""

    start: int
    end: int
    text: str
    place: Place
    score: float = 1.0


@dataclass(frozen=True)
class DateValue:
    value: date  # the day; for a range, its first day; for a month or year, its first day
    precision: str = "day"  # one of DATE_PRECISIONS
    text: str = ""  # the words that gave it ("by October 29" keeps its "by": on or before)
    relative: bool = False  # resolved against the publication or running date
    until: date | None = None  # the last day of a range ("last week")


@dataclass(frozen=True)
class Claim:
    """One statement in one report, with the exact quote that supports it."""

    report_id: int | None
    event_type: str
    quote: str
    start: int  # character span of the quote in the report's text
    end: int
    actor: str | None = None
    target_actor: str | None = None
    controller_after: str | None = None
    place_mention: str | None = None
    place: Place | None = None
    date: DateValue | None = None
    fatalities: int | None = None
    modality: str = "asserted"
    trigger: str = ""
    confidence: float = 0.8
    place_precision: str | None = None  # one of PLACE_PRECISIONS
    fatalities_by_actor: tuple[tuple[str, int], ...] = ()  # whose dead, where the sentence says
    fatalities_at_least: bool = False  # "at least 20": a lower bound
    fatalities_vague: bool = False  # "dozens were killed": deaths without a number
    wounded: int | None = None
    vehicles_destroyed: int | None = None  # vehicles and car bombs, never counted as people
    speaker: str | None = None  # who said it, for reported speech
    id: int | None = None


@dataclass(frozen=True)
class Source:
    report_id: int
    outlet: str
    title: str
    published: date | None
    url: str | None
    quote: str
    start: int
    end: int
    modality: str = "asserted"  # how the source tells it: asserted, reported_speech, hedged
    speaker: str | None = None  # who said it, for reported speech
    published_precision: str | None = "day"  # the report's: "day", "month", "year"; None when unknown
    published_source: str = "header"  # where the report's date came from ("unknown": it has none)
    author: str | None = None  # the report's byline


@dataclass(frozen=True)
class Event:
    """Claims fused into one happening; its sources are its claims' reports."""

    event_type: str
    date: date | None
    date_precision: str | None
    actor: str | None
    target_actor: str | None
    controller_after: str | None
    fatalities: int | None
    place: Place | None
    place_name: str | None
    confidence: float
    sources: tuple[Source, ...] = field(default_factory=tuple)
    place_precision: str | None = None  # one of PLACE_PRECISIONS
    id: int | None = None
    review: str = "none"  # an analyst's latest verdict, one of REVIEW_STATES

    @property
    def place_label(self) -> str | None:
        """The name the event is shown at: the words of a spot the gazetteer lacks when it lies within
        the gazetteer place ("within"), else that place's name, else the words of a place unresolved."""
        if self.place is not None and self.place_precision != WITHIN:
            return self.place.name
        return self.place_name or (self.place.name if self.place else None)
