"""Which places each trigger of a sentence speaks of.

The dependency tree decides first (the places under a trigger are its own), with the words on the
way up saying whether a place is only a reference point ("near X", "west of Y"), partly taken
("most of the town") or an origin ("advancing from X"). Places no trigger governs,
"the town" and "it", the place a speaker sits in, lend themselves afterwards, in that order.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontlines.extract.grammar import words
from frontlines.extract.modality import NON_EVENT_MODALITIES
from frontlines.extract.story import StoryContext
from frontlines.extract.triggers import Trigger
from frontlines.model import Place, PlaceMatch

CONTAINER_CODES = frozenset({"PCLI", "ADM1", "ADM2"})  # GeoNames codes of a country, a province, a district


@dataclass(frozen=True)
class PlaceAssignment:
    place: PlaceMatch
    partial: bool
    near: bool


def purpose_of_operation(trigger: Trigger, triggers: list[Trigger], modalities: dict[int, str]) -> bool:
    """"a campaign to recapture X": the capture is the operation's purpose; its places are the operation's."""
    if modalities[trigger.token.i] not in NON_EVENT_MODALITIES:
        return False
    starts = {t.token.i for t in triggers if t.event_type == "operation_start"}
    return any(a.i in starts or a.lemma_.lower() in words("campaign_nouns") for a in trigger.token.ancestors)


def assign_places(
    sentence: Span, triggers: list[Trigger], matches: list[PlaceMatch], context: StoryContext, needs_object: frozenset[str]
) -> dict[int, list[PlaceAssignment]]:
    """Which places each trigger speaks of: those in its part of the dependency tree."""
    by_trigger: dict[int, list[PlaceAssignment]] = {t.token.i: [] for t in triggers}
    trigger_at = {t.token.i: t for t in triggers}
    loose: list[tuple[PlaceMatch, Token, bool, bool]] = []  # places no trigger governs: near? partial?
    speakers: list[tuple[PlaceMatch, bool, bool]] = []
    preceding: list[tuple[PlaceMatch, Token]] = []
    for match in matches:
        head = _head_token(sentence, match)
        if head is None:
            continue
        if head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i not in trigger_at:
            if head.head.lemma_.lower() not in words("place_nouns") and not any(a.i in trigger_at for a in head.head.ancestors if a.pos_ == "NOUN"):
                if head.head.lemma_.lower() in words("qualified_things"):
                    continue  # "the X flag", "X officials": the place only qualifies a thing
        if _names_a_speaker(head):
            speakers.append((match, *_flags_nearby(head)))
            continue
        if any(t.lemma_.lower() in words("objective_words") and t.i not in trigger_at for t in _path_up(head, 3)) and not any(
            t.event_type == "operation_start" for t in triggers
        ):
            continue  # "X is the next target"; but "jets targeted X": the trigger's own verb is the event
        if match.place.feature_code not in CONTAINER_CODES and not _is_near(head):
            preceding.append((match, head))
        owner, path = owning_trigger(head, trigger_at)
        if owner is None:
            loose.append((match, head, *_flags_nearby(head)))
            continue
        trigger = trigger_at[owner]
        preps = {t.lower_ for t in path if t.dep_ == "prep"}
        if preps & {"between", "beyond", "like"}:
            continue
        if preps & {"toward", "towards"} and trigger.event_type != "operation_start":
            continue  # "advanced toward X" tells where they were heading
        if preps & words("origin_prepositions") and trigger.event_type != "withdrawal":
            continue
        if trigger.event_type == "withdrawal" and preps & words("destination_prepositions"):
            continue
        if trigger.token.lemma_.lower() in needs_object and not _is_object(head, path, trigger.token):
            continue  # "a medic took him to a clinic in X" takes no town
        if trigger.event_type == "territory_taken" and any(
            t.pos_ == "VERB" and t.dep_ in ("advcl", "xcomp", "ccomp") and t.i not in trigger_at for t in path[1:]
        ):
            continue  # "freed X, opening the road to Y": Y is where the road leads
        above = _path_words(path, head)
        near = bool(above & words("near_words"))
        partial = bool(above & words("partial_words")) or any(t.like_num for t in path if t.i != head.i)
        partial = partial and not above & words("whole_words")
        by_trigger[owner].append(PlaceAssignment(match, partial, near))
    _lend_casualty_places(triggers, by_trigger)
    for trigger in triggers:
        if _has_referring_object(trigger.token):
            earlier = [m for m, head in preceding if head.i < trigger.token.i]
            referent = earlier[0] if earlier else context.last_place
            if referent is not None and all(a.place.place.key != referent.place.key for a in by_trigger[trigger.token.i]):
                by_trigger[trigger.token.i].insert(0, PlaceAssignment(referent, False, False))
    # "a source in X said": X may be where it happened; "the ministry in Y said", Y abroad, is not
    speakers_at_home = [s for s in speakers if not context.countries or s[0].place.country in context.countries]
    for trigger in sorted(triggers, key=lambda t: t.event_type == "casualties"):
        if by_trigger[trigger.token.i] or _mentions_earlier_event(trigger.token):
            continue  # "the battle", "the operation": a place for them must come from their own words
        if trigger.token.lemma_.lower() in needs_object:
            continue
        nearest = _nearest_loose(trigger, loose)
        if nearest:
            by_trigger[trigger.token.i] += [PlaceAssignment(match, partial, near) for match, near, partial in nearest]
        elif _refers_back(trigger.token):
            earlier = [m for m, head in preceding if head.i < trigger.token.i]
            referent = earlier[-1] if earlier else context.last_place
            if referent is None:
                continue
            # read "half of X" in the trigger's own arguments, not in clauses beside it
            arguments = [c for c in trigger.token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "prep")]
            tokens = [t for c in arguments for t in c.subtree]
            said = {t.lower_ for t in tokens}
            partial = (bool(said & words("partial_words")) or any(t.like_num for t in tokens)) and not said & words("whole_words")
            by_trigger[trigger.token.i].append(PlaceAssignment(referent, partial, bool(said & words("near_words"))))
        elif speakers_at_home:
            match, near, partial = speakers_at_home[0]
            by_trigger[trigger.token.i].append(PlaceAssignment(match, partial, near))
    return {key: _most_specific(_without_reference_points(value)) for key, value in by_trigger.items()}


def with_the_rest_of_their_lists(
    by_trigger: dict[int, list[PlaceAssignment]], matches: list[PlaceMatch], lists: list[list[tuple[int, int]]]
) -> dict[int, list[PlaceAssignment]]:
    """A trigger given one place of a list that lost its commas ("fighting in X Y and Z") is given every
    place the gazetteer knows of that list: the parse hangs the later names on the first as one name."""
    if not lists:
        return by_trigger
    listed = [
        [m for m in matches if any(s <= m.start and m.end <= e for s, e in names) and m.place.feature_code not in CONTAINER_CODES]
        for names in lists
    ]
    out = {}
    for trigger, assignments in by_trigger.items():
        given = {id(a.place) for a in assignments}
        out[trigger] = list(assignments)
        for inside in listed:
            first = next((a for a in assignments if id(a.place) in {id(m) for m in inside}), None)
            if first is not None:
                out[trigger] += [PlaceAssignment(m, first.partial, first.near) for m in inside if id(m) not in given]
    return out


def _without_reference_points(assignments: list[PlaceAssignment]) -> list[PlaceAssignment]:
    """"in a market in X, west of Y": Y only says where X is."""
    if any(not a.near for a in assignments):
        return [a for a in assignments if not a.near]
    return assignments


def _path_words(path: list[Token], head: Token) -> set[str]:
    modifiers = ("amod", "advmod", "quantmod", "nummod", "det", "npadvmod")
    centre, seat, compass = words("centre_words"), words("seat_words"), words("compass_words")
    # "the X district centre" is the town itself, not a part of it
    path = [t for t in path if not (t.lower_ in centre and any(c.lower_ in seat for c in t.children))]
    tokens = [t for t in path if t.i != head.i]
    tokens += [c for t in path for c in t.children if c.dep_ in modifiers and c.i != head.i]
    found = {t.lower_ for t in tokens if t.lower_ not in compass}
    if any(t.lower_ in compass and any(c.lower_ == "of" for c in t.children) for t in tokens):
        found.add("near")
    return found


def _flags_nearby(head: Token) -> tuple[bool, bool]:
    """(near, partial) read from the words just above a place no trigger governs."""
    above = _path_words(_path_up(head, 4), head)
    return bool(above & words("near_words")), bool(above & words("partial_words")) and not above & words("whole_words")


def _is_near(head: Token) -> bool:
    """A place named only as a reference point: "west of X", "near Y"."""
    return bool(_path_words(_path_up(head, 3), head) & words("near_words"))


def _path_up(head: Token, steps: int) -> list[Token]:
    path = [head]
    node = head
    for _ in range(steps):
        if node.head.i == node.i:
            break
        node = node.head
        path.append(node)
    return path


def _names_a_speaker(head: Token) -> bool:
    """A place inside the subject of "said" tells where the speaker is: "a source in X said"."""
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "from") and head.head.head.lemma_.lower() in words("source_nouns"):
        return True
    node = head
    while node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.lemma_.lower() in words("speech_verbs"):
            return True
        node = node.head
    return False


def _is_object(head: Token, path: list[Token], trigger: Token) -> bool:
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in trigger.children):
        return True  # the parse lost the object; the place in the trigger's tree is the best reading
    if head.head.i == trigger.i and head.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
        return True
    inside_object = path[-1].dep_ in ("dobj", "nsubjpass") and all(
        t.pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM") or t.lower_ == "of" for t in path[1:]
    )
    if inside_object:
        return True  # "entered the suburbs of X"
    if head.dep_ == "pobj" and head.head.head.i == trigger.i and head.head.lower_ in ("into", "on", "toward", "towards", "to"):
        return True
    return any(t.lemma_.lower() in words("controlled_nouns") for t in path) and path[-1].dep_ in ("dobj", "nsubjpass")


def _lend_casualty_places(triggers: list[Trigger], by_trigger: dict[int, list[PlaceAssignment]]) -> None:
    """"Two guards died in a blast at the gate of X": the blast was at X."""
    lent = [a for t in triggers if t.event_type == "casualties" for a in by_trigger[t.token.i]]
    if not lent:
        return
    for trigger in triggers:
        if trigger.event_type != "casualties" and not by_trigger[trigger.token.i]:
            by_trigger[trigger.token.i].extend(lent)


def _head_token(sentence: Span, match: PlaceMatch) -> Token | None:
    return head_token_of_span(sentence, match.start, match.end)


def head_token_of_span(sentence: Span, start: int, end: int) -> Token | None:
    start += sentence.start_char
    end += sentence.start_char
    tokens = [t for t in sentence if t.idx >= start and t.idx < end]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[-1]


def owning_trigger(head: Token, trigger_at: dict[int, Trigger]) -> tuple[int | None, list[Token]]:
    path: list[Token] = [head]
    node = head
    while node.head.i != node.i:
        node = node.head
        if node.i in trigger_at:
            return node.i, path
        path.append(node)
    return None, path


def _nearest_loose(
    trigger: Trigger, loose: list[tuple[PlaceMatch, Token, bool, bool]]
) -> list[tuple[PlaceMatch, bool, bool]]:
    """The loose place nearest the trigger, and the places joined to it by "and" or a list."""
    candidates = [
        (abs(head.i - trigger.token.i), match, head, near, partial)
        for match, head, near, partial in loose
        if not _after_origin_prep(head) and match.place.feature_code not in CONTAINER_CODES and not _in_another_clause(head, trigger)
    ]
    if not candidates:
        return []
    _, match, head, near, partial = min(candidates, key=lambda item: item[0])
    joined = {t.i for t in head.conjuncts}  # "in many areas including X, Y and Z": each is a place of the event
    return [(match, near, partial)] + [(m, n, p) for m, h, n, p in loose if h.i in joined and m.place.feature_code not in CONTAINER_CODES]


def _in_another_clause(head: Token, trigger: Trigger) -> bool:
    """"X was freed, but Y was bypassed": Y belongs to the verb of its own clause."""
    verb = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and verb.i != trigger.token.i


def _after_origin_prep(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in words("origin_prepositions")


def _refers_back(trigger: Token) -> bool:
    nearby = list(trigger.subtree) + list(trigger.children)
    if trigger.head.i != trigger.i:
        nearby += list(trigger.head.children)
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass", "dobj"):
            nearby += list(trigger.head.subtree)  # "a truck bomb rammed a post inside the city"
    return any(t.lower_ in words("reference_words") for t in nearby)


def _has_referring_object(trigger: Token) -> bool:
    """"freed it", "took the town": the trigger's own object points back at a place just named."""
    arguments = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    arguments += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("into", "on") for g in c.children if g.dep_ == "pobj"]
    for child in arguments:
        if (
            child.lower_ in ("it", "them")
            or (child.lemma_.lower() in words("settlement_nouns") and [c.lower_ for c in child.children] == ["the"])
        ):
            return True
    return False


def _mentions_earlier_event(trigger: Token) -> bool:
    """"the raids", "such raids", "when the offensive started": words that point back at an event already told."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else [
        c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words("event_nouns")
    ]
    pointing_back = words("pointing_back_words") | words("pointing_back_kinds")
    return any(c.dep_ in ("det", "amod", "predet") and c.lower_ in pointing_back for noun in nouns for c in noun.children)


def _most_specific(assignments: list[PlaceAssignment]) -> list[PlaceAssignment]:
    """Drop a province or country when a place inside it is named for the same trigger."""
    kept = []
    for item in assignments:
        place = item.place.place
        contains_other = place.feature_code in CONTAINER_CODES and any(
            other is not item and _inside(other.place.place, place) for other in assignments
        )
        if not contains_other:
            kept.append(item)
    return kept


def _inside(inner: Place, outer: Place) -> bool:
    if inner.key == outer.key:
        return False
    if outer.feature_code == "PCLI":
        return inner.country == outer.country
    return bool(inner.admin1) and inner.admin1 == outer.admin1 and inner.country == outer.country
