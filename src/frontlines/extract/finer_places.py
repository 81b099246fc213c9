"""A place the gazetteer lacks, named beside the town or province around it, is where the event was.

Reporters place an event at the smallest name they have and add the larger one the reader knows:
"the village of X in Y countryside", "the X neighbourhood of Y", "X town in Y", "in the east of Y ...
in X". The gazetteer knows Y, and seldom X. The event is at X: it keeps X's words and takes Y's
coordinates, with the precision "within" (ACLED's "part of a region named": geo_precision 2), as an
analyst codes a village their gazetteer lacks. Several such names are several events. A name goes
to the known place written next after it ("X in Y"), else to the one written last before it.

A name listed beside a town ("the towns of X, Y and Z", Z known) is no part of it but a place of its
own: an event of its own at X's words, beside Z ("within" stands for inside or beside: Z's coordinates
are the nearest the gazetteer has), and the event at Z stays.

A capture is different: taking X does not take Y. A capture whose only known place is a province
or district around X is kept at X's words alone, with no coordinates, so control waits for X to be
resolved; a capture of a town Y next to X is left as it is (both were taken, or Y was).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from frontlines.extract.placing import CONTAINER_CODES
from frontlines.extract.quarters import a_quarter_of
from frontlines.gazetteer.disambiguate import COUNTRY_CODES
from frontlines.gazetteer.normalise import name_key
from frontlines.model import WITHIN, Claim

UNGOVERNED = "\0ungoverned"  # the key of `finer` for names no trigger governs: they go to claims placed at a province or district
CHANGES_HANDS = frozenset({"territory_taken"})  # the events after which a place has another holder

FinerName = tuple[int, str]  # where the name starts in the sentence, and its words
KnownPlace = tuple[int, int, str]  # where a place the gazetteer knows is named in the sentence (start, end), and its key

_LIST_GAP = re.compile(r"(?:[\s,;&]|\band\b|\bor\b|\bas well as\b)*", re.IGNORECASE)  # what may stand between items of a list
_JOINING_WORD = re.compile(r"\b(?:and|or|as well as)\b|&", re.IGNORECASE)


def at_finer_places(
    claims: Sequence[Claim], finer: Mapping[str, Sequence[FinerName]], known: Sequence[KnownPlace], *, most: int, text: str = ""
) -> list[Claim]:
    """Claims at the places the gazetteer lacks that their triggers govern (`finer`: trigger text → names,
    in the order written; UNGOVERNED → names no trigger governs, which only a province or district takes).
    `known`: where the sentence names places the gazetteer knows; a name whose next known place no
    claim is at ("X town in Y", Y no event's place) is left alone. `text`: the sentence, to tell a list
    ("X, Y and Z") from a place within another ("X in Z")."""
    if not finer:
        return list(claims)  # most sentences name no place the gazetteer lacks
    names = [(start, start + len(words)) for listed in finer.values() for start, words in listed]
    aim = _Aim(known, text, names)
    for trigger in {c.trigger for c in claims}:
        placed = [(i, c) for i, c in enumerate(claims) if c.trigger == trigger and _takes_finer(c)]
        for start, words in finer.get(trigger, ()):
            aim(placed, start, words)
        around = [(i, c) for i, c in placed if c.place is not None and c.place.feature_code in CONTAINER_CODES]
        for start, words in finer.get(UNGOVERNED, ()):
            aim(around, start, words)
    out: list[Claim] = []
    for i, claim in enumerate(claims):
        words = aim.within.get(i)
        beside = [replace(claim, place_mention=w, place_precision=WITHIN) for w in aim.beside.get(i, [])[: most - 1]]
        if not words:
            out.append(claim)
        elif claim.event_type in CHANGES_HANDS:
            if claim.place is not None and claim.place.feature_code in CONTAINER_CODES:
                out += [replace(claim, place=None, place_mention=w, place_precision=None) for w in words[:most]]
            else:
                out.append(claim)
        else:
            out += [replace(claim, place_mention=w, place_precision=spot_precision(claim, w, text)) for w in words[:most]]
        out += beside
    return out


def within_lent_place(claims: Sequence[Claim], names: Sequence[str], *, most: int, text: str) -> list[Claim]:
    """Claims of a sentence that names no place the gazetteer knows, placed where the story was: at the
    names it gives that the gazetteer lacks ("sorties targeting positions in the X village"), within the
    story's place, as a name beside a known place is. A capture stays where it was: taking X is not
    taking the story's town."""
    if not names:
        return list(claims)
    out: list[Claim] = []
    for claim in claims:
        if claim.event_type in CHANGES_HANDS or not _takes_finer(claim):
            out.append(claim)
        else:
            out += [replace(claim, place_mention=words, place_precision=spot_precision(claim, words, text)) for words in list(dict.fromkeys(names))[:most]]
    return out


def given_the_lent_place(claims: Sequence[Claim], lent: Sequence[Claim], text: str) -> list[Claim]:
    """Claims at names the gazetteer lacks (no coordinates), in a sentence that names no place it knows,
    each given the place the story lent its trigger (`lent`: the claims the story placed there), within it
    as `within_lent_place` puts them."""
    out: list[Claim] = []
    for claim in claims:
        story = next((c for c in lent if c.trigger == claim.trigger and c.event_type == claim.event_type and _takes_finer(c)), None)
        if story is None or claim.event_type in CHANGES_HANDS or claim.place is not None:
            out.append(claim)
        else:
            out.append(replace(claim, place=story.place, place_precision=spot_precision(story, claim.place_mention or "", text)))
    return out


def spot_precision(town: Claim, words: str, text: str) -> str | None:
    """How a spot the gazetteer lacks stands to the place of a claim around it: a quarter of that town
    ("the X neighbourhood", "the neighbourhood of X") is the town, as analysts fold a city's quarters into it
    (an event in two quarters on one day is one event in the city, its words kept); any other spot is
    within the place, an event of its own."""
    return town.place_precision if a_quarter_of(town.place, words, text) else WITHIN


def _takes_finer(claim: Claim) -> bool:
    return claim.place is not None and claim.place.feature_code not in COUNTRY_CODES and claim.place_precision != WITHIN


class _Aim:
    """Gives each name to the claim at the known place written next after it, or with none after it, to
    the claim at the one written last before it: within that place, or beside it when listed with it."""

    def __init__(self, known: Sequence[KnownPlace], text: str, names: Sequence[tuple[int, int]]) -> None:
        self.known = sorted(known)
        self.text = text
        self.names = names
        self.within: dict[int, list[str]] = {}
        self.beside: dict[int, list[str]] = {}

    def __call__(self, placed: list[tuple[int, Claim]], start: int, words: str) -> None:
        key = name_key(words)
        at_place = {c.place.key: (i, c) for i, c in placed if c.place is not None and name_key(c.place_mention or c.place.name) != key}
        end = start + len(words)
        after = [(at, to, k) for at, to, k in self.known if at > start]
        if after:
            at, _, k = after[0]
            chosen, gap = at_place.get(k), (end, at)  # "X in Y": Y, or no one when Y is no event's place
        else:
            before = [(to, k) for at, to, k in reversed(self.known) if at < start and k in at_place]
            chosen, gap = (at_place[before[0][1]], (before[0][0], start)) if before else (None, (0, 0))
        if chosen is None:
            return
        index, claim = chosen
        listed = self._listed_beside(*gap, claim.place is not None and claim.place.feature_code in CONTAINER_CODES)
        names = (self.beside if listed else self.within).setdefault(index, [])
        if words not in names:
            names.append(words)

    def _listed_beside(self, start: int, end: int, container: bool) -> bool:
        """Whether only list marks (commas, "and", other names of the list) stand between a name and a
        known place: "X, Y and Z" lists three places; "X, Z province" and "X Z" put X in Z."""
        if not self.text or start >= end:
            return False
        gap = "".join(" " if any(s <= i < e for s, e in self.names) else ch for i, ch in enumerate(self.text[start:end], start))
        if _LIST_GAP.fullmatch(gap) is None:
            return False  # "X in Z", "X town, Z": words that place X
        if _JOINING_WORD.search(gap):
            return True
        return "," in gap and not container  # "X, Z" lists two towns; "X, Z province" puts X in Z
