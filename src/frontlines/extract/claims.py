"""One parsed sentence -> the claims it makes, read in the running context of its report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Span, Token

from frontlines.extract.actors import ActorFinder, ActorMention
from frontlines.extract.dates import DateMention, DateResolver
from frontlines.extract.lexicon import TriggerTable
from frontlines.extract.modality import NON_EVENT_MODALITIES, speaker_of, trigger_modality
from frontlines.extract.numbers import Toll, count_toll
from frontlines.extract.triggers import Trigger, find_triggers
from frontlines.gazetteer.precision import place_precision
from frontlines.model import Claim, DateValue, Place, PlaceMatch

_ORIGIN_PREPS = frozenset({"from"})
_DESTINATION_PREPS = frozenset({"toward", "towards", "to", "into", "across", "for"})
_NEAR_WORDS = frozenset({"near", "around", "outside", "surrounding", "vicinity", "outskirts", "edge", "edges", "approach", "approaches", "gates", "doorstep", "opposite", "across", "road", "highway", "short", "between", "beyond"})
# Compass words make a place a reference point only as "east of X".
_COMPASS_WORDS = frozenset({"west", "east", "north", "south", "north-west", "north-east", "south-west", "south-east", "northwest", "northeast", "southwest", "southeast", "upstream", "downstream"})
_PARTIAL_WORDS = frozenset({"most", "part", "parts", "much", "half", "percent", "%", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "quarter", "quarters", "centre", "center", "central", "districts", "section", "sections", "bulk", "majority"})
_WHOLE_WORDS = frozenset({"every", "all", "entire", "whole", "rest", "remaining"})
_SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "report", "confirm", "add", "quote"})
_SOURCE_NOUNS = frozenset({"source", "official", "officer", "spokesman", "spokeswoman", "spokesperson", "commander", "resident", "witness", "correspondent", "reporter", "doctor", "medic", "governor", "mayor", "council", "member", "lawmaker", "MP", "activist", "monitor", "statement"})
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([A-Za-z .]+\))?"  # BAGHDAD, Nov. 4 (Xinhua)
    r"|[A-Z][A-Za-z .'-]{2,40}?\s*\([A-Za-z .]+\))"  # Anbar (NINA)
    r"\s*(?:--|[-—–:])\s*"
)
_REFERENCE_WORDS = frozenset({"town", "city", "village", "it", "there", "area", "crossing", "field", "district", "stronghold"})
_CONTAINER_CODES = frozenset({"PCLI", "ADM1", "ADM2"})
# "the next objective is Anah": a place named as an aim is no place where something happened
_OBJECTIVE_WORDS = frozenset({"objective", "target", "goal", "aim", "destination", "priority"})
# spaCy often labels Iraqi and Syrian villages as people or organisations; a cue names them as places
_NAMED_AFTER_CUE = re.compile(
    r"\b(?:village|town|city|area|district|region|hamlet|settlement|neighbou?rhood|sub-district)s? of "
    r"((?:(?:al|el|Al|El)-|Umm |Abu |Tal |Tell |Ain |Bir |Wadi )?[A-Z][\w'’-]+(?: (?:al-)?[A-Z][\w'’-]+){0,2})"
)
_EVENT_NOUNS = frozenset({"operation", "offensive", "campaign", "attack", "assault", "battle", "fighting", "push", "drive", "strike"})
_COUNTRY_CODES = frozenset({"PCLI", "PCL", "PCLD"})
# When two triggers of one sentence name the same place, the more telling one stays.
_OUTRANKS = {"battle": "territory_taken", "attack": "explosion", "casualties": "*"}
_CONFIDENCE = {"asserted": 0.8, "reported_speech": 0.75, "hedged": 0.4}


class PlaceFinder(Protocol):
    def match_spans(
        self, text: str, *, countries: tuple[str, ...] = ..., context: Sequence[Place] | None = ...
    ) -> list[PlaceMatch]: ...


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


@dataclass(frozen=True)
class _Assignment:
    place: PlaceMatch
    partial: bool
    near: bool


class SentenceReader:
    def __init__(self, triggers: TriggerTable, actors: ActorFinder, places: PlaceFinder, dates: DateResolver) -> None:
        self.triggers = triggers
        self.actors = actors
        self.places = places
        self.dates = dates

    def read(self, sentence: Span, offset: int, context: StoryContext) -> list[Claim]:
        """Claims of one sentence; `offset` is where the sentence starts in the report text."""
        text = sentence.text
        dateline = _DATELINE.match(text)
        skip_to = dateline.end() if dateline else 0  # "BAGHDAD, Nov. 4 (Xinhua) --" names where it was filed
        found = self.places.match_spans(text, countries=context.countries, context=context.places_seen)
        matches = [m for m in found if m.start >= skip_to]
        resolved, unresolved = self._entity_places(sentence, matches, skip_to, context)
        matches = sorted(matches + resolved, key=lambda m: m.start)
        matches = [m for m in matches if m.place.feature_code not in _COUNTRY_CODES]
        actor_mentions = self.actors.find(text)
        if any(m.name == "Islamic State" for m in actor_mentions):
            context.mentions_islamic_state = True
        date_mentions = [m for m in self.dates.mentions(text, context.published, context.running_date) if m.start >= skip_to]
        triggers = find_triggers(sentence, self.triggers)
        modalities = {t.token.i: trigger_modality(t.token, sentence) for t in triggers}
        owners = [t for t in triggers if not _purpose_of_operation(t, triggers, modalities)]
        assignments = _assign_places(sentence, owners, matches, context, self.triggers.needs_place_object)
        drafts: list[Claim] = []
        for trigger in owners:
            modality = modalities[trigger.token.i]
            if modality in NON_EVENT_MODALITIES:
                continue
            for assignment in assignments.get(trigger.token.i, []):
                draft = self._claim(trigger, assignment, modality, sentence, offset, actor_mentions, date_mentions, context, owners)
                if draft is not None:
                    drafts.append(draft)
        drafts += self._text_only_claims(sentence, offset, owners, modalities, unresolved, drafts, actor_mentions, date_mentions, context)
        claims = _keep_most_telling(drafts)
        claims = self._with_toll(claims, count_toll(sentence, self._side_of))
        self._advance(context, date_mentions, matches, claims)
        return claims

    def _claim(
        self,
        trigger: Trigger,
        assignment: _Assignment,
        modality: str,
        sentence: Span,
        offset: int,
        actor_mentions: list[ActorMention],
        date_mentions: list[DateMention],
        context: StoryContext,
        triggers: list[Trigger],
    ) -> Claim | None:
        event_type = trigger.event_type
        if event_type == "territory_taken" and assignment.near:
            return None  # "villages around Zab were taken" does not take Zab
        if event_type == "territory_taken" and assignment.partial:
            event_type = "battle"  # "most of the town", "70 percent": fighting goes on, the place is contested
        actor, target = self._actors(trigger, event_type, sentence, actor_mentions, context)
        country = assignment.place.place.country
        actor, target = self.actors.resolve(actor, country), self.actors.resolve(target, country)
        if actor == "civilians" and event_type != "casualties":
            return None  # residents reaching a camp or fleeing a town is no military event
        text = sentence.text.rstrip()
        return Claim(
            report_id=None,
            event_type=event_type,
            quote=text,
            start=offset,
            end=offset + len(text),
            actor=actor,
            target_actor=target,
            controller_after=actor if event_type == "territory_taken" else None,
            place_mention=assignment.place.text,
            place=assignment.place.place,
            date=_date_for(trigger, sentence, date_mentions, context, triggers),
            modality=modality,
            trigger=trigger.text,
            confidence=_CONFIDENCE.get(modality, 0.5),
            place_precision=place_precision(assignment.place.place),
            speaker=speaker_of(trigger.token, sentence) if modality == "reported_speech" else None,
        )

    def _actors(
        self, trigger: Trigger, event_type: str, sentence: Span, mentions: list[ActorMention], context: StoryContext
    ) -> tuple[str | None, str | None]:
        base = sentence.start_char
        subject_spans, object_spans = _argument_spans(trigger.token)
        actor = _mention_in(mentions, subject_spans, base)
        target = _mention_in(mentions, object_spans, base)
        if event_type == "casualties":
            return actor, target  # who killed is rarely said; the victims are the target
        if actor is None and event_type == "explosion":
            # bombs and shells go off with no doer named; the side they hit tells who set them off
            if target is None:
                target = next((m.name for m in mentions if self.actors.is_anti_is(m.name)), None)
            actor = "Islamic State" if context.mentions_islamic_state and target != "Islamic State" else None
            return actor, target
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.token.children)
        if actor is None and passive and event_type in ("territory_taken", "battle") and context.last_state_actor:
            if all(m.name in ("Islamic State", "civilians") for m in mentions):
                actor = context.last_state_actor  # "70 percent of the town had been recaptured": by the side advancing
        if actor is None:
            others = [m.name for m in mentions if m.name != target and m.name != "civilians"]
            if others:
                actor = others[0]
            elif event_type in ("territory_taken", "operation_start", "airstrike"):
                actor = context.last_state_actor
            else:
                actor = context.last_actor
        if target is None and actor is not None and event_type in ("territory_taken", "battle", "attack", "airstrike"):
            named = [m.name for m in mentions if m.name != "civilians" and not self.actors.same_camp(m.name, actor)]
            if named:
                target = named[0]  # the other side the sentence names
            elif self.actors.is_anti_is(actor) and context.mentions_islamic_state:
                target = "Islamic State"
        if target == actor:
            target = None
        return actor, target

    def _entity_places(
        self, sentence: Span, matches: list[PlaceMatch], skip_to: int, context: StoryContext
    ) -> tuple[list[PlaceMatch], list[tuple[int, int, str]]]:
        """Place names spaCy found that the gazetteer matcher did not: resolved in context, or kept as text."""
        resolve = getattr(self.places, "resolve", None)
        resolved: list[PlaceMatch] = []
        unresolved: list[tuple[int, int, str]] = []
        base = sentence.start_char
        spans = [(e.start_char - base, e.end_char - base) for e in sentence.ents if e.label_ in ("GPE", "LOC", "FAC")]
        spans += [m.span(1) for m in _NAMED_AFTER_CUE.finditer(sentence.text)]  # "the village of Umm al-Waz"
        seen: set[tuple[int, int]] = set()
        for start, end in sorted(spans):
            if (start, end) in seen or any(s0 < end and start < e0 for s0, e0 in seen):
                continue
            seen.add((start, end))
            ent = sentence.char_span(base + start, base + end, alignment_mode="expand")
            if ent is None:
                continue
            if start < skip_to or any(m.start < end and start < m.end for m in matches):
                continue
            words = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            if self.actors.find(words) or not words[:1].isupper():
                continue  # "Iraqi", "the Islamic State": actors, not places
            place = resolve(words, countries=context.countries, context=context.places_seen) if resolve else None
            if place is not None:
                resolved.append(PlaceMatch(start=end - len(words), end=end, text=words, place=place, score=0.8))
            else:
                unresolved.append((end - len(words), end, words))
        return resolved, unresolved

    def _text_only_claims(
        self,
        sentence: Span,
        offset: int,
        triggers: list[Trigger],
        modalities: dict[int, str],
        unresolved: list[tuple[int, int, str]],
        drafts: list[Claim],
        actor_mentions: list[ActorMention],
        date_mentions: list[DateMention],
        context: StoryContext,
    ) -> list[Claim]:
        """A place name the gazetteer cannot resolve is kept as text, with no coordinates: never guessed."""
        if not unresolved:
            return []
        placed = {claim.trigger for claim in drafts}
        trigger_at = {t.token.i: t for t in triggers}
        claims = []
        for start, end, words in unresolved:
            head = _head_token_of_span(sentence, start, end)
            owner = _owning_trigger(head, trigger_at)[0] if head is not None else None
            if owner is None or modalities[owner] in NON_EVENT_MODALITIES or trigger_at[owner].text in placed:
                continue
            trigger = trigger_at[owner]
            actor, target = self._actors(trigger, trigger.event_type, sentence, actor_mentions, context)
            text = sentence.text.rstrip()
            claims.append(
                Claim(
                    report_id=None, event_type=trigger.event_type, quote=text, start=offset, end=offset + len(text),
                    actor=self.actors.resolve(actor, None), target_actor=self.actors.resolve(target, None),
                    controller_after=self.actors.resolve(actor, None) if trigger.event_type == "territory_taken" else None,
                    place_mention=words, place=None, date=_date_for(trigger, sentence, date_mentions, context, triggers),
                    modality=modalities[owner], trigger=trigger.text, confidence=_CONFIDENCE.get(modalities[owner], 0.5) * 0.8,
                )  # fmt: skip
            )
            placed.add(trigger.text)
        return claims

    def _side_of(self, words: str) -> str | None:
        found = self.actors.find(words)
        return found[0].name if found else None

    def _with_toll(self, claims: list[Claim], toll: Toll) -> list[Claim]:
        """The sentence's dead and wounded go on its first claim (a casualties claim when it is alone)."""
        if not claims or toll == Toll():
            return claims
        country = claims[0].place.country if claims[0].place else None
        by_actor: dict[str, int] = {}
        for actor, count in toll.killed_by_side:
            name = self.actors.resolve(actor, country) or actor
            by_actor[name] = by_actor.get(name, 0) + count
        first = replace(
            claims[0],
            fatalities=toll.killed,
            fatalities_by_actor=tuple(sorted(by_actor.items())),
            fatalities_at_least=toll.killed_at_least,
            fatalities_vague=toll.killed_vague,
            wounded=toll.wounded,
            vehicles_destroyed=toll.vehicles_destroyed,
        )
        return [first, *claims[1:]]

    @staticmethod
    def _advance(context: StoryContext, dates: list[DateMention], matches: list[PlaceMatch], claims: list[Claim]) -> None:
        days = [m for m in dates if m.sets_running_date]
        if days:
            context.running_date = days[-1].value.value
        for match in matches:  # the story's places steer how its later names resolve
            if match.place not in context.places_seen:
                context.places_seen.append(match.place)
        towns = [m for m in matches if m.place.feature_code not in _CONTAINER_CODES]
        if towns:
            context.last_place = towns[0]  # the sentence's topic comes first: "the town" next points back to it
        if claims and claims[-1].actor:
            context.last_actor = claims[-1].actor
        for claim in claims:
            if claim.actor and claim.actor != "Islamic State" and claim.actor != "civilians":
                context.last_state_actor = claim.actor


def _purpose_of_operation(trigger: Trigger, triggers: list[Trigger], modalities: dict[int, str]) -> bool:
    """"an offensive to retake Anah": the capture is the operation's purpose; its places are the operation's."""
    if modalities[trigger.token.i] not in NON_EVENT_MODALITIES:
        return False
    starts = {t.token.i for t in triggers if t.event_type == "operation_start"}
    return any(a.i in starts or a.lemma_.lower() in ("operation", "offensive", "campaign") for a in trigger.token.ancestors)


def _assign_places(
    sentence: Span, triggers: list[Trigger], matches: list[PlaceMatch], context: StoryContext, needs_object: frozenset[str]
) -> dict[int, list[_Assignment]]:
    """Which places each trigger speaks of: those in its part of the dependency tree."""
    by_trigger: dict[int, list[_Assignment]] = {t.token.i: [] for t in triggers}
    trigger_at = {t.token.i: t for t in triggers}
    loose: list[tuple[PlaceMatch, Token, bool, bool]] = []  # places no trigger governs: near? partial?
    speakers: list[tuple[PlaceMatch, bool, bool]] = []
    preceding: list[tuple[PlaceMatch, Token]] = []
    for match in matches:
        head = _head_token(sentence, match)
        if head is None:
            continue
        if _names_a_speaker(head):
            speakers.append((match, *_flags_nearby(head)))
            continue
        if any(t.lemma_.lower() in _OBJECTIVE_WORDS for t in _path_up(head, 3)) and not any(
            t.event_type == "operation_start" for t in triggers
        ):
            continue
        if match.place.feature_code not in _CONTAINER_CODES and not _is_near(head):
            preceding.append((match, head))
        owner, path = _owning_trigger(head, trigger_at)
        if owner is None:
            loose.append((match, head, *_flags_nearby(head)))
            continue
        trigger = trigger_at[owner]
        preps = {t.lower_ for t in path if t.dep_ == "prep"}
        if preps & {"between", "beyond", "like"}:
            continue
        if preps & {"toward", "towards"} and trigger.event_type != "operation_start":
            continue  # "advanced toward Anah" tells where they were heading
        if preps & _ORIGIN_PREPS and trigger.event_type != "withdrawal":
            continue
        if trigger.event_type == "withdrawal" and preps & _DESTINATION_PREPS:
            continue
        if trigger.token.lemma_.lower() in needs_object and not _is_object(head, path, trigger.token):
            continue  # "taken to a hospital in Haditha" takes no town
        if trigger.event_type == "territory_taken" and any(
            t.pos_ == "VERB" and t.dep_ in ("advcl", "xcomp", "ccomp") and t.i not in trigger_at for t in path[1:]
        ):
            continue  # "freed Abbasi, opening the road to Hawija": Hawija is where the road leads
        words = _path_words(path, head)
        near = bool(words & _NEAR_WORDS)
        partial = bool(words & _PARTIAL_WORDS) or any(t.like_num for t in path if t.i != head.i)
        partial = partial and not words & _WHOLE_WORDS
        by_trigger[owner].append(_Assignment(match, partial, near))
    _lend_casualty_places(triggers, by_trigger)
    for trigger in triggers:
        if _has_referring_object(trigger.token):
            earlier = [m for m, head in preceding if head.i < trigger.token.i]
            referent = earlier[0] if earlier else context.last_place
            if referent is not None and all(a.place.place.key != referent.place.key for a in by_trigger[trigger.token.i]):
                by_trigger[trigger.token.i].insert(0, _Assignment(referent, False, False))
    for trigger in sorted(triggers, key=lambda t: t.event_type == "casualties"):
        if by_trigger[trigger.token.i] or _mentions_earlier_event(trigger.token):
            continue  # "the battle", "the operation": a place for them must come from their own words
        if trigger.token.lemma_.lower() in needs_object:
            continue
        nearest = _nearest_loose(trigger, loose)
        if nearest is not None:
            match, near, partial = nearest
            by_trigger[trigger.token.i].append(_Assignment(match, partial, near))
        elif _refers_back(trigger.token):
            earlier = [m for m, head in preceding if head.i < trigger.token.i]
            referent = earlier[-1] if earlier else context.last_place
            if referent is None:
                continue
            # read "70 percent of the town" from the trigger's own arguments, not from clauses beside it
            arguments = [c for c in trigger.token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "prep")]
            tokens = [t for c in arguments for t in c.subtree]
            words = {t.lower_ for t in tokens}
            partial = (bool(words & _PARTIAL_WORDS) or any(t.like_num for t in tokens)) and not words & _WHOLE_WORDS
            by_trigger[trigger.token.i].append(_Assignment(referent, partial, bool(words & _NEAR_WORDS)))
        elif speakers:
            match, near, partial = speakers[0]
            by_trigger[trigger.token.i].append(_Assignment(match, partial, near))
    return {key: _most_specific(_without_reference_points(value)) for key, value in by_trigger.items()}


def _without_reference_points(assignments: list[_Assignment]) -> list[_Assignment]:
    """"in a market in Hit, west of Ramadi": Ramadi only says where Hit is."""
    if any(not a.near for a in assignments):
        return [a for a in assignments if not a.near]
    return assignments


def _path_words(path: list[Token], head: Token) -> set[str]:
    modifiers = ("amod", "advmod", "quantmod", "nummod", "det", "npadvmod")
    tokens = [t for t in path if t.i != head.i]
    tokens += [c for t in path for c in t.children if c.dep_ in modifiers and c.i != head.i]
    words = {t.lower_ for t in tokens if t.lower_ not in _COMPASS_WORDS}
    if any(t.lower_ in _COMPASS_WORDS and any(c.lower_ == "of" for c in t.children) for t in tokens):
        words.add("near")
    return words


def _flags_nearby(head: Token) -> tuple[bool, bool]:
    """(near, partial) read from the words just above a place no trigger governs."""
    words = _path_words(_path_up(head, 4), head)
    return bool(words & _NEAR_WORDS), bool(words & _PARTIAL_WORDS) and not words & _WHOLE_WORDS


def _is_near(head: Token) -> bool:
    """A place named only as a reference point: "west of Mosul", "near Rawa"."""
    return bool(_path_words(_path_up(head, 3), head) & _NEAR_WORDS)


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
    """A place inside the subject of "said" tells where the speaker is: "a source in Haditha said"."""
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "from") and head.head.head.lemma_.lower() in _SOURCE_NOUNS:
        return True
    node = head
    while node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.lemma_.lower() in _SPEECH_VERBS:
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
        return True  # "reached the outskirts of Tel Afar"
    if head.dep_ == "pobj" and head.head.head.i == trigger.i and head.head.lower_ in ("into", "on", "toward", "towards", "to"):
        return True
    return any(t.lemma_.lower() in ("control", "town", "city", "village", "area", "district") for t in path) and path[-1].dep_ in ("dobj", "nsubjpass")


def _lend_casualty_places(triggers: list[Trigger], by_trigger: dict[int, list[_Assignment]]) -> None:
    """"Two soldiers were killed by a roadside bomb at the entrance of Anah": the bomb was at Anah."""
    lent = [a for t in triggers if t.event_type == "casualties" for a in by_trigger[t.token.i]]
    if not lent:
        return
    for trigger in triggers:
        if trigger.event_type != "casualties" and not by_trigger[trigger.token.i]:
            by_trigger[trigger.token.i].extend(lent)


def _head_token(sentence: Span, match: PlaceMatch) -> Token | None:
    return _head_token_of_span(sentence, match.start, match.end)


def _head_token_of_span(sentence: Span, start: int, end: int) -> Token | None:
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


def _owning_trigger(head: Token, trigger_at: dict[int, Trigger]) -> tuple[int | None, list[Token]]:
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
) -> tuple[PlaceMatch, bool, bool] | None:
    candidates = [
        (abs(head.i - trigger.token.i), match, near, partial)
        for match, head, near, partial in loose
        if not _after_origin_prep(head) and match.place.feature_code not in _CONTAINER_CODES
    ]
    if not candidates:
        return None
    _, match, near, partial = min(candidates, key=lambda item: item[0])
    return match, near, partial


def _after_origin_prep(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in _ORIGIN_PREPS


def _refers_back(trigger: Token) -> bool:
    nearby = list(trigger.subtree) + list(trigger.children)
    if trigger.head.i != trigger.i:
        nearby += list(trigger.head.children)
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass", "dobj"):
            nearby += list(trigger.head.subtree)  # "a bomber drove into a position inside the city"
    return any(t.lower_ in _REFERENCE_WORDS for t in nearby)


def _has_referring_object(trigger: Token) -> bool:
    """"freed it", "took the town": the trigger's own object points back at a place just named."""
    arguments = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    arguments += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("into", "on") for g in c.children if g.dep_ == "pobj"]
    for child in arguments:
        if (
            child.lower_ in ("it", "them")
            or (child.lemma_.lower() in ("town", "city") and [c.lower_ for c in child.children] == ["the"])
        ):
            return True
    return False


def _mentions_earlier_event(trigger: Token) -> bool:
    """"the attacks", "such attacks", "after the operation began": words that point back at an event already told."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else [
        c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _EVENT_NOUNS
    ]
    return any(
        c.dep_ in ("det", "amod", "predet") and c.lower_ in ("the", "such", "these", "those", "this", "that", "few")
        for noun in nouns
        for c in noun.children
    )


def _most_specific(assignments: list[_Assignment]) -> list[_Assignment]:
    """Drop a province or country when a place inside it is named for the same trigger."""
    kept = []
    for item in assignments:
        place = item.place.place
        contains_other = place.feature_code in _CONTAINER_CODES and any(
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


def _argument_spans(token: Token) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the trigger's doer and of whom it was done to."""
    node = token
    while node.dep_ in ("conj", "xcomp", "advcl") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        node = node.head
    subjects: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
    if token.dep_ in ("relcl", "acl") and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in token.children):
        noun = token.head  # "residents who reached Anah": the residents did
        subjects.append((noun.left_edge.idx, token.idx))
    children = list(node.children) + ([c for c in token.children] if node.i != token.i else [])
    children += [g for c in children if c.dep_ in ("acomp", "oprd") for g in c.children]  # "free of the militants"
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr") and token.head.i != token.i:
        children += [c for c in token.head.children if c.dep_ == "nsubj"]  # "aircraft carried out strikes"
    for child in children:
        span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
        if child.dep_ == "nsubj":
            subjects.append(span)
        elif child.dep_ == "agent":
            subjects.append(span)
        elif child.dep_ in ("dobj", "nsubjpass"):
            objects.append(span)
        elif child.dep_ == "prep" and child.lower_ in ("from", "against", "on", "at", "of"):
            objects.append(span)
        elif child.dep_ == "prep" and child.lower_ == "by":
            subjects.append(span)
        elif child.dep_ in ("compound", "poss", "amod") and token.pos_ == "NOUN":
            subjects.append(span)
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                subjects.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
    return subjects, objects


def _mention_in(mentions: list[ActorMention], spans: list[tuple[int, int]], base: int) -> str | None:
    for start, end in spans:
        for mention in mentions:
            if start <= base + mention.start and base + mention.end <= end:
                return mention.name
    return None


def _date_for(
    trigger: Trigger, sentence: Span, mentions: list[DateMention], context: StoryContext, triggers: list[Trigger]
) -> DateValue:
    """The date in the trigger's part of the tree; else the nearest in the sentence; else the story's."""
    position = trigger.token.idx - sentence.start_char
    if mentions:
        trigger_at = {t.token.i: t for t in triggers}
        own, free = [], []
        for mention in mentions:
            head = _head_token_of_span(sentence, mention.start, mention.end)
            owner = _owning_trigger(head, trigger_at)[0] if head is not None else None
            if mention.looks_back and head is not None:
                # "a day after the army took Abbasi" dates what happens inside the "after" clause
                if any(a.i == head.i for a in trigger.token.ancestors):
                    own.append(mention)
                continue
            if owner == trigger.token.i:
                own.append(mention)
            elif owner is None:
                free.append(mention)  # a date another trigger governs belongs to that one
        nearest = min(own or free or mentions, key=lambda m: (abs(m.start - position), -m.start))
        return nearest.value
    for outlet, day in context.cited.items():
        if outlet in sentence.text:
            return DateValue(day, "day", outlet, relative=True)  # "Iraqi News reported that ...", dated by its citation
    if context.running_date is not None:
        return DateValue(context.running_date, "day", "", relative=True)
    return DateValue(context.published, "day", "", relative=True)


def _keep_most_telling(drafts: list[Claim]) -> list[Claim]:
    """One claim per (type, place, day); a battle yields to a capture of the same place that day, etc."""
    seen: dict[tuple[str, str, str], Claim] = {}
    for claim in drafts:
        place = claim.place.key if claim.place else claim.place_mention or ""
        seen.setdefault((claim.event_type, place, claim.date.value.isoformat() if claim.date else ""), claim)
    kept = []
    for (event_type, place, day), claim in seen.items():
        stronger = _OUTRANKS.get(event_type)
        if stronger == "*" and any(k[0] != event_type for k in seen):
            continue
        if stronger and stronger != "*" and (stronger, place, day) in seen:
            continue
        kept.append(claim)
    return kept
