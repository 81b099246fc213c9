"""A place the gazetteer lacks, named beside the town or province around it, is where the event was.

Reporters place an event at the smallest name they have and add the larger one the reader knows:
"the village of X in Y countryside", "the X neighbourhood of Y", "X town in Y", "in the east of Y ...
in X". The gazetteer knows Y, and seldom X. The event is at X: it keeps X's words and takes Y's
coordinates, with the precision "within" (ACLED's "part of a region named": geo_precision 2), as an
analyst codes a village their gazetteer lacks. Several such names are several events. A name goes
to the known place written next after it ("X in Y"), else to the one written last before it.

A capture is different: taking X does not take Y. A capture whose only known place is a province
or district around X is kept at X's words alone, with no coordinates, so control waits for X to be
resolved; a capture of a town Y next to X is left as it is (both were taken, or Y was).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from frontlines.extract.placing import CONTAINER_CODES
from frontlines.gazetteer.disambiguate import COUNTRY_CODES
from frontlines.gazetteer.normalise import name_key
from frontlines.model import WITHIN, Claim

UNGOVERNED = "\0ungoverned"  # the key of `finer` for names no trigger governs: they go to claims placed at a province or district
CHANGES_HANDS = frozenset({"territory_taken"})  # the events after which a place has another holder

FinerName = tuple[int, str]  # where the name starts in the sentence, and its words
KnownPlace = tuple[int, str]  # where a place the gazetteer knows is named in the sentence, and its key


def at_finer_places(claims: Sequence[Claim], finer: Mapping[str, Sequence[FinerName]], known: Sequence[KnownPlace], *, most: int) -> list[Claim]:
    """Claims at the places the gazetteer lacks that their triggers govern (`finer`: trigger text → names,
    in the order written; UNGOVERNED → names no trigger governs, which only a province or district takes).
    `known`: where the sentence names places the gazetteer knows; a name whose next known place no
    claim is at ("X town in Y", Y no event's place) is left alone."""
    if not finer:
        return list(claims)  # most sentences name no place the gazetteer lacks
    targets: dict[int, list[str]] = {}
    for trigger in {c.trigger for c in claims}:
        placed = [(i, c) for i, c in enumerate(claims) if c.trigger == trigger and _takes_finer(c)]
        for start, words in finer.get(trigger, ()):
            _aim(placed, start, words, known, targets)
        around = [(i, c) for i, c in placed if c.place is not None and c.place.feature_code in CONTAINER_CODES]
        for start, words in finer.get(UNGOVERNED, ()):
            _aim(around, start, words, known, targets)
    out: list[Claim] = []
    for i, claim in enumerate(claims):
        words = targets.get(i)
        if not words:
            out.append(claim)
        elif claim.event_type in CHANGES_HANDS:
            if claim.place is not None and claim.place.feature_code in CONTAINER_CODES:
                out += [replace(claim, place=None, place_mention=w, place_precision=None) for w in words[:most]]
            else:
                out.append(claim)
        else:
            out += [replace(claim, place_mention=w, place_precision=WITHIN) for w in words[:most]]
    return out


def _takes_finer(claim: Claim) -> bool:
    return claim.place is not None and claim.place.feature_code not in COUNTRY_CODES and claim.place_precision != WITHIN


def _aim(placed: list[tuple[int, Claim]], start: int, words: str, known: Sequence[KnownPlace], targets: dict[int, list[str]]) -> None:
    """Give the name to the claim at the known place written next after it; with none after it, to the
    claim at the one written last before it."""
    key = name_key(words)
    at_place = {c.place.key: i for i, c in placed if c.place is not None and name_key(c.place_mention or c.place.name) != key}
    after = [k for at, k in sorted(known) if at > start]
    if after:
        chosen = at_place.get(after[0])  # "X in Y": Y, or no one when Y is no event's place
    else:
        chosen = next((at_place[k] for at, k in sorted(known, reverse=True) if at < start and k in at_place), None)
    if chosen is not None and words not in targets.setdefault(chosen, []):
        targets[chosen].append(words)
