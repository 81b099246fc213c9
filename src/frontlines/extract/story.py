"""The running context of one report as it is read: its dates, places and actors so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from frontlines.model import Claim, Place, PlaceMatch
from frontlines.theatres import load_theatre


def _bundled_theatre_countries() -> tuple[str, ...]:
    return load_theatre().countries


@dataclass
class StoryContext:
    """What the report has established so far: its running date, last place and actor."""

    published: date
    running_date: date | None = None
    base_date: date | None = None  # the day the story starts from: its headline's, else the first its text tells (none: the publication's)
    last_place: PlaceMatch | None = None
    last_actor: str | None = None
    # the last doer the story named that is neither the theatre's common enemy nor civilians
    last_actor_against_enemy: str | None = None
    named_actors: set[str] = field(default_factory=set)  # every actor the story has named so far
    # where place names are looked up: the theatre's countries (the bundled theatre's unless given)
    countries: tuple[str, ...] | None = field(default_factory=_bundled_theatre_countries)  # None: every country
    places_seen: list[Place] = field(default_factory=list)
    # countries the story has named by name or adjective ("the Freedonian town of"): their towns are no coin toss
    countries_told: set[str] = field(default_factory=set)
    commas_lost: bool = False  # the report lost every comma: a run of names may be a list (`glued_lists`)
    cited: dict[str, date] = field(default_factory=dict)  # outlet -> date of the article the post cites
    disaster_before: bool = False  # the sentence before told a disaster (a crash, a flood) and no war event
    told: dict[str, Claim] = field(default_factory=dict)  # event type -> the last current event of it told at a place
