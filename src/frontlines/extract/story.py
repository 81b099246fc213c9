"""The running context of one report as it is read: its dates, places and actors so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from frontlines.model import Place, PlaceMatch


@dataclass
class StoryContext:
    """What the report has established so far: its running date, last place and actor."""

    published: date
    running_date: date | None = None
    last_place: PlaceMatch | None = None
    last_actor: str | None = None
    last_state_actor: str | None = None  # the last side fighting the Islamic State that the story named
    mentions_islamic_state: bool = False
    countries: tuple[str, ...] = ("IQ", "SY")
    places_seen: list[Place] = field(default_factory=list)
    cited: dict[str, date] = field(default_factory=dict)  # outlet -> date of the article the post cites
