"""The paragraphs of a situation report: the period's events told as an analyst writes them.

Events of one area and one day are told together, in the order a day of war unfolds (an operation
launched, strikes, fighting, a withdrawal, a capture, the toll), and events of one type and one actor
share a sentence ("On November 2, Iraqi forces took Karabila and Ubaydi."). An area's story breaks
into a new paragraph after a lull of several days. Every sentence keeps the numbers of all the
reports behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from frontlines.model import Event

# how a day is told: the order of its kinds of event
DAY_ORDER = ("operation_start", "airstrike", "battle", "attack", "explosion", "withdrawal", "territory_taken", "casualties", "other")
# a new paragraph of an area's story after this many days without an event
LULL_DAYS = 4
# ... or once it has told this many days
PARAGRAPH_DAYS = 5
# kinds of event told without their actor: one sentence whoever did them
_ACTORLESS = frozenset({"explosion", "casualties", "other"})
# a town or a point is fought "for"; a province or a country is fought "in"
_AREA_PRECISIONS = frozenset({"district", "province", "country"})
_AREA_CODES = frozenset({"PCLI", "PCL", "PCLD", "ADM1", "ADM2", "ADM3"})

_TOLD = {
    "territory_taken": ("{actor} took {places}", "{actor} took ground in {places}"),
    "battle": ("{actor} fought for {places}", "{actor} fought in {places}"),
    "attack": ("{actor} attacked {places}", "{actor} carried out attacks in {places}"),
    "airstrike": ("air strikes by {actor} hit {places}", "air strikes by {actor} hit {places}"),
    "explosion": ("an explosion struck {places}", "an explosion struck {places}"),
    "operation_start": ("{actor} launched an operation on {places}", "{actor} launched an operation in {places}"),
    "withdrawal": ("{actor} withdrew from {places}", "{actor} withdrew from positions in {places}"),
    "casualties": ("deaths were reported in {places}", "deaths were reported in {places}"),
    "other": ("an incident was reported in {places}", "an incident was reported in {places}"),
}
_TOLD_WITHOUT_ACTOR = {
    "territory_taken": ("{places} changed hands", "ground changed hands in {places}"),
    "battle": ("fighting was reported in {places}", "fighting was reported in {places}"),
    "attack": ("an attack struck {places}", "attacks were reported in {places}"),
    "airstrike": ("air strikes hit {places}", "air strikes hit {places}"),
    "operation_start": ("an operation began on {places}", "an operation began in {places}"),
    "withdrawal": ("forces withdrew from {places}", "forces withdrew from positions in {places}"),
}


@dataclass(frozen=True)
class Told:
    """One sentence of the report and the report numbers behind it."""

    text: str
    refs: tuple[int, ...]

    @property
    def marked(self) -> str:
        return self.text + (" [" + ", ".join(map(str, self.refs)) + "]" if self.refs else "")


@dataclass(frozen=True)
class Paragraph:
    area: str | None  # the area's name on its first paragraph, None on the ones that follow
    sentences: tuple[Told, ...]


def paragraphs(events: Sequence[Event], area_of, numbers: dict[int, int]) -> list[Paragraph]:
    """The report's paragraphs: areas in the order their first event came, each area's days in order."""
    areas: dict[str, list[Event]] = {}
    for event in sorted(events, key=lambda e: (e.date or date.min, e.id or 0)):
        areas.setdefault(area_of(event), []).append(event)
    told: list[Paragraph] = []
    for area, area_events in areas.items():
        for n, run in enumerate(_runs(area_events)):
            sentences = [s for day_events in _days(run) for s in _day_sentences(day_events, numbers)]
            told.append(Paragraph(area if n == 0 else None, tuple(sentences)))
    return told


def _runs(events: list[Event]) -> list[list[Event]]:
    """An area's events cut into paragraphs: after a lull of LULL_DAYS days or more, on a day a new
    operation is launched, or once a paragraph has told PARAGRAPH_DAYS days."""
    runs: list[list[Event]] = []
    last: date | None = None
    days_told = 0
    for day in _days(events):
        first = day[0].date
        lull = first and last and (first - last).days >= LULL_DAYS
        launch = any(e.event_type == "operation_start" for e in day) and days_told >= 2
        if not runs or lull or launch or days_told >= PARAGRAPH_DAYS:
            runs.append([])
            days_told = 0
        runs[-1].extend(day)
        days_told += 1
        last = first or last
    return runs


def _days(events: list[Event]) -> list[list[Event]]:
    days: dict[tuple[date | None, str | None], list[Event]] = {}
    for event in events:
        days.setdefault((event.date, event.date_precision), []).append(event)
    return list(days.values())


def _day_sentences(events: list[Event], numbers: dict[int, int]) -> list[Told]:
    """One sentence per kind of event and actor; only the first carries the date."""
    groups: dict[tuple[int, str, str | None, bool], list[Event]] = {}
    for event in events:
        order = DAY_ORDER.index(event.event_type) if event.event_type in DAY_ORDER else len(DAY_ORDER)
        actor = None if event.event_type in _ACTORLESS else event.actor
        groups.setdefault((order, event.event_type, actor, _is_area(event)), []).append(event)
    sentences = []
    for n, key in enumerate(sorted(groups, key=lambda k: (k[0], k[2] or "", k[3]))):
        _, event_type, actor, area = key
        group = groups[key]
        when = _when(group[0]) if n == 0 else ""
        clause = _clause(event_type, actor, area, group)
        text = f"{when}{clause[0].upper() if not when else clause[0]}{clause[1:]}."
        refs = tuple(sorted({numbers[s.report_id] for e in group for s in e.sources if s.report_id in numbers}))
        sentences.append(Told(text, refs))
    return sentences


def _clause(event_type: str, actor: str | None, area: bool, group: list[Event]) -> str:
    templates = _TOLD[event_type] if actor else _TOLD_WITHOUT_ACTOR.get(event_type, _TOLD[event_type])
    names: list[str] = []
    dead: dict[str, int] = {}
    for event in group:
        name = event.place_label or "an unnamed place"
        if name not in names:
            names.append(name)
        if event.fatalities:
            dead[name] = dead.get(name, 0) + event.fatalities
    if event_type == "casualties" and dead and len(names) == 1:
        return f"{sum(dead.values())} people were reported killed in {names[0]}"
    clause = templates[1 if area else 0].format(actor=actor or "", places=listing(names))
    if len(dead) == 1 and len(names) == 1:
        clause += f", leaving {sum(dead.values())} dead"
    elif dead:
        clause += " (" + "; ".join(f"{n} dead in {name}" for name, n in dead.items()) + ")"
    return clause


def _is_area(event: Event) -> bool:
    if event.place is not None:
        return event.place.feature_code in _AREA_CODES
    return (event.place_precision or "") in _AREA_PRECISIONS


def _when(event: Event) -> str:
    if event.date is None:
        return "At an unknown date, "
    if event.date_precision == "month":
        return f"In {event.date.strftime('%B')}, "
    if event.date_precision == "year":
        return f"In {event.date.year}, "
    return f"On {event.date.strftime('%B')} {event.date.day}, "


def listing(items: Sequence[str]) -> str:
    items = list(items)
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
