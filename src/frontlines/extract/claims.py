"""One parsed sentence -> the claims it makes, read in the running context of its report."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Protocol

from spacy.attrs import IS_STOP
from spacy.tokens import Span, Token

from frontlines.extract import grammar
from frontlines.extract.actors import ActorFinder, ActorMention
from frontlines.extract.countries_told import CountryPlaces, countries_told, country_spans, names_a_country_not_the_place
from frontlines.extract.dates import DateMention, DateResolver
from frontlines.extract.doer_spans import says_or_claims
from frontlines.extract.doers import DoerFinder
from frontlines.extract.finer_places import CHANGES_HANDS, UNGOVERNED, at_finer_places, given_the_lent_place, within_lent_place
from frontlines.extract.glued_lists import glued_lists
from frontlines.extract.province_seats import CONTAINED_IN, seats_read_as_provinces
from frontlines.extract.quarters import a_quarter_of, namesake_quarters, written_as_quarter
from frontlines.extract.retelling import ANY_TYPE, as_retelling, at_told_place, retold_types
from frontlines.extract.tense import as_told_in_time
from frontlines.extract.lexicon import TriggerTable
from frontlines.extract.modality import (
    NON_EVENT_MODALITIES,
    only_simple_present,
    speaker_of,
    trigger_modality,
)
from frontlines.extract.numbers import Toll, count_toll
from frontlines.extract.place_words import names_after_locatives, names_before_place_nouns
from frontlines.extract.placing import (
    CONTAINER_CODES,
    PlaceAssignment,
    assign_places,
    head_token_of_span,
    owning_trigger,
    purpose_of_operation,
    with_the_rest_of_their_lists,
)
from frontlines.extract.story import StoryContext
from frontlines.extract.verdicts import CLAIM_MODALITY, confidence_of, judge_rule_claims, reader_modality, uncovered_types
from frontlines.extract.triggers import Trigger, captures_only_things, find_triggers
from frontlines.extract.unlisted_groups import with_unlisted_groups
from frontlines.gazetteer.disambiguate import COUNTRY_CODES, distance_km, prominent
from frontlines.gazetteer.normalise import strip_article
from frontlines.fuse import EVENT_MODALITIES
from frontlines.fusion_rules import place_identity
from frontlines.gazetteer.precision import place_precision
from frontlines.model import Claim, DateValue, Place, PlaceMatch
from frontlines.reader.scoring import SentenceVerdict
from frontlines.theatres import Theatre

_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([A-Za-z .]+\))?"  # CAPITAL CITY, Nov. 4 (Agency)
    r"|[A-Z][A-Za-z .'-]{2,40}?\s*\([A-Za-z .]+\))"  # Province (Agency)
    r"\s*(?:--|[-—–:])\s*"
)
_STATE_SIDES = frozenset({"state", "foreign state", "foreign-state", "coalition", "peacekeepers"})  # forces sent abroad as well
_CAPITALISED = re.compile(r"(?<![\w'’-])[^\W\d_a-z][\w'’-]+")  # a word that may start a name, in any script
_SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl", "appos", "parataxis"})
_HEADINGS = frozenset({"toward", "towards", "for"})
# When two triggers of one sentence name the same place, the more telling one stays.
# Bombs or barrels dropped from the air are the air strike, not a second event beside it.
_OUTRANKS = {"battle": "territory_taken", "attack": "explosion", "explosion": "airstrike", "casualties": "*"}
_NAMESAKE_KM = 1500  # a place this far from the middle of every country a story names is not in its war
_MAX_PLACES = 4  # "strikes on A, B and C" are events at each; a longer list is a survey, not a report
_CONFIDENCE = {"asserted": 0.8, "reported_speech": 0.75, "hedged": 0.4}


class PlaceFinder(Protocol):
    def match_spans(
        self, text: str, *, countries: tuple[str, ...] = ..., context: Sequence[Place] | None = ...
    ) -> list[PlaceMatch]: ...


class SentenceReader:
    def __init__(
        self, triggers: TriggerTable, actors: ActorFinder, places: PlaceFinder, dates: DateResolver, theatre: Theatre | None = None
    ) -> None:
        """`theatre`: the war being read (its groups, sides, place-name forms); the actor finder's by default."""
        self.triggers = triggers
        self.actors = actors
        self.places = places
        self.dates = dates
        self.theatre = theatre or actors.theatre
        self.doers = DoerFinder(actors, self.theatre, frozenset(triggers.nouns) | triggers.operation_nouns)
        self._country_places = CountryPlaces(getattr(places, "lookup", None))
        self._named_after_cue = _named_after_cue(self.theatre)

    def read(self, sentence: Span, offset: int, context: StoryContext, verdict: SentenceVerdict | None = None) -> list[Claim]:
        """Claims of one sentence; `offset` is where the sentence starts in the report text.

        With a `verdict` of the trained reader, the reader decides which events the sentence tells
        and how; without one, the trigger rules alone decide.
        """
        text = sentence.text
        dateline = _DATELINE.match(text)
        skip_to = dateline.end() if dateline else 0  # "TOWNVILLE, Nov. 4 (Agency) --" names where it was filed
        actor_mentions = self.actors.find(text)
        actor_mentions = with_unlisted_groups(sentence, actor_mentions, self.actors.is_unnamed_armed, self.actors.is_generic)
        context.countries_told |= self._homes_of(actor_mentions)
        found = self._places_in(sentence, context, [(m.start, m.end) for m in actor_mentions])
        matches = [m for m in found if m.start >= skip_to]
        glued = glued_lists(text) if context.commas_lost else []  # "the villages of X Y and Z" in a text that lost its commas
        listed = [item for names in glued for item in names]
        resolved, unresolved = self._entity_places(sentence, matches, skip_to, context, listed)
        matches = sorted(matches + resolved, key=lambda m: m.start)
        matches = [m for m in matches if not self._stands_for_someone(head_token_of_span(sentence, m.start, m.end), m.text, m.place, context)]
        matches = [m for m in matches if not _seat_of_a_body(text, m.end)]
        matches = seats_read_as_provinces(matches, text, getattr(self.places, "lookup", None))  # "X in Y": Y the province
        quarters = namesake_quarters(matches, text, context.last_place)  # "the Sulaymaniyah neighbourhood" of another city
        if quarters:
            matches = [m for m in matches if m not in quarters]
            unresolved = sorted(unresolved + [(m.start, m.end, m.text) for m in quarters])
        # "Freedonia strikes targets in Sylvania": the country that acts is where only when no other is named
        countries_named = sorted((m for m in matches if m.place.feature_code in COUNTRY_CODES), key=lambda m: _acts_as_a_state(sentence, m))
        matches = [m for m in matches if m.place.feature_code not in COUNTRY_CODES]
        context.named_actors.update(m.name for m in actor_mentions)
        if _opens_another_thread(sentence, matches):
            context.running_date = context.base_date
        date_mentions = [m for m in self.dates.mentions(text, context.published, context.running_date) if m.start >= skip_to and not _dateline_month(m, text, context.published)]
        triggers = find_triggers(sentence, self.triggers)
        modalities = {t.token.i: _told_as(t.token, sentence, verdict) for t in triggers}
        owners = [t for t in triggers if not purpose_of_operation(t, triggers, modalities)]
        assignments = with_the_rest_of_their_lists(assign_places(sentence, owners, matches, context, self.triggers.needs_place_object), matches, glued)
        drafts: list[Claim] = []
        for trigger in owners:
            modality = modalities[trigger.token.i]
            if modality in NON_EVENT_MODALITIES:
                continue
            for assignment in assignments.get(trigger.token.i, []):
                draft = self._claim(trigger, assignment, modality, sentence, offset, actor_mentions, date_mentions, context, owners)
                if draft is not None:
                    drafts.append(draft)
        own = {m.place.key for m in matches} | {m.place.key for m in countries_named}
        text_only = self._text_only_claims(sentence, offset, owners, modalities, unresolved, drafts, actor_mentions, date_mentions, context, own, set(listed))
        named_here = {c.trigger for c in text_only}
        # a place the story lent a trigger yields to the place its own sentence names, known or not
        lent = [d for d in drafts if d.trigger in named_here and not (d.place is not None and d.place.key in own)]
        drafts = [d for d in drafts if d.trigger not in named_here or (d.place is not None and d.place.key in own)]
        drafts += [_in_the_storys_city(c, text, context) for c in given_the_lent_place(text_only, lent, text)] if not matches else text_only
        drafts = at_finer_places(
            drafts, _finer_names(sentence, owners, modalities, unresolved), [(m.start, m.end, m.place.key) for m in matches], most=_MAX_PLACES, text=text
        )
        claims = _keep_most_telling(drafts)
        if verdict is not None:
            claims = judge_rule_claims(claims, verdict)
            args = _Arguments(matches, countries_named, unresolved, actor_mentions, date_mentions)
            read = self._reader_claims(sentence, offset, verdict, claims, args, context)
            lent = any(c.actor is None for c in read) and not any(d.actor for d in drafts)  # read the trigger words' doers only then
            read = _with_rules_doer(read, drafts, self._doers_of(sentence, triggers, actor_mentions, context) if lent else {}, self.actors.resolve)
            claims = _keep_most_telling(claims + read)
        disaster = _tells_a_disaster(sentence)
        # an armed side named, or a munition ("a cruise missile crashes near X" is no air crash)
        armed = any(self.actors.is_combatant(m.name) for m in actor_mentions) or any(t.lower_ in grammar.words("munition_nouns") for t in sentence)
        # "killed" alone is no word of war, nor "strikes" of a landslide, nor a gas explosion
        warlike = any(t.event_type != "casualties" and not _done_by_nature(t.token) and not _accidental(t.token) for t in triggers)
        if disaster:
            # "four killed in flooding": no war's dead; "a landslide hits the town", "a fire kills four": no
            # event at all where the sentence has no word of war of its own and names no armed side
            claims = [c for c in claims if c.event_type != "casualties" and (armed or warlike or c.modality not in EVENT_MODALITIES)]
        elif context.disaster_before:
            # "A balloon crashes near X. A tourist is killed.": a toll takes its cause from the sentence
            # before; a sentence with no word of war of its own ("gunmen attacked") tells no current event
            claims = [c for c in claims if c.event_type != "casualties" and (warlike or c.modality not in EVENT_MODALITIES)]
        # a disaster that names no armed side ("the truce between Sylvania and the Hill Army collapses" names two)
        context.disaster_before = disaster and not claims and not armed
        claims = self._with_toll(claims, count_toll(sentence, self._side_of))
        if claims and context.told:  # a story's first telling of anything is no retelling
            placeless = not (matches or unresolved or countries_named or _points_to_a_place(sentence))
            claims = self._told_again(claims, sentence, context, placeless=placeless)
        self._advance(context, date_mentions, matches, claims)
        return [as_told_in_time(c, context.published) for c in claims]

    def _doers_of(
        self, sentence: Span, triggers: list[Trigger], mentions: list[ActorMention], context: StoryContext
    ) -> dict[str, set[tuple[str, str | None]]]:
        """The doers (and targets) the sentence's trigger words name, by event type, whatever their
        modality, as written."""
        found: dict[str, set[tuple[str, str | None]]] = {}
        for trigger in triggers:
            actor, target = self._actors(trigger, trigger.event_type, sentence, mentions, context)
            if actor is not None and self.actors.may_do_events(actor):
                found.setdefault(trigger.event_type, set()).add((actor, target))
        return found

    def homes_in_story(self, text: str) -> set[str]:
        """The home countries of the armed groups a whole report names: a town the first sentence names is
        no coin toss when a later one blames a group of that country ("... in Townville. Police blame the
        Hill Army"). Countries named by name or adjective count from the sentence that names them on: a
        person's nationality further on ("a Sylvanian minister") says less of where it happened."""
        return self._homes_of(self.actors.find(text))

    def _homes_of(self, mentions: list[ActorMention]) -> set[str]:
        """The home countries of the armed groups named (Boko Haram's, the New IRA's): a story that
        names one is about that country as much as one that names it, and its small towns are no coin toss
        there. A state's forces name no such country: they strike abroad as often as at home."""
        homes = set()
        for mention in mentions:
            actor = self.actors.table.actors.get(mention.name)
            if (
                actor is not None and actor.country and actor.combatant and actor.side not in _STATE_SIDES
                and mention.name not in self.actors.theatre.state_forces.values() and not self.actors.is_generic(mention.name)
            ):  # fmt: skip
                homes.add(actor.country)
        return homes

    def _places_in(self, sentence: Span, context: StoryContext, actor_spans: list[tuple[int, int]]) -> list[PlaceMatch]:
        """Place names of a sentence: in the war's countries first; then, where no name of the war was
        found, places of other countries (a war spills over its borders: a city of a neighbouring state),
        which the gazetteer takes only when prominent or when the story names their country (by name or
        by adjective). A common word is no place ("Many of them")."""
        text = sentence.text
        context.countries_told |= countries_told(text)
        seen = [*context.places_seen, *self._country_places.of(context.countries_told)]  # "the Freedonian town of X"
        found = [
            m for m in self.places.match_spans(text, countries=context.countries, context=seen)
            if not names_a_country_not_the_place(m.text, m.place) and not _names_no_place(m, actor_spans) and not _a_common_word(m, sentence)
        ]  # fmt: skip
        found = [m for m in _agreeing_with_appositions(found, text) if not _namesake_in_the_war(m.place, context)]
        if not context.countries:
            # any war: a small town of a country the story never names, when it names others, is a namesake
            return [m for m in found if not self._namesake_abroad(m, context.countries_told | _vouching(found, m))]
        taken = [(m.start, m.end) for m in found] + actor_spans
        if not any(w.start() > 0 and not any(s <= w.start() < e for s, e in taken) for w in _CAPITALISED.finditer(text)):
            return found  # every name of the sentence is a place of the war or an actor: nothing to look for abroad
        named = {m.place.country for m in found} | {p.country for p in seen}
        abroad = [
            m for m in self.places.match_spans(text, countries=None, context=seen)
            if m.place.country not in context.countries and not any(s < m.end and m.start < e for s, e in taken)
            and _town_abroad(m, named) and not names_a_country_not_the_place(m.text, m.place) and not _names_no_place(m, actor_spans)
            and not _a_common_word(m, sentence)
        ]  # fmt: skip
        return sorted(found + _agreeing_with_appositions(abroad, text), key=lambda m: m.start) if abroad else found

    def _namesake_abroad(self, match: PlaceMatch, told: set[str]) -> bool:
        """Any war: a province, or a town that is not prominent, of a country the story does not name,
        far from every country it names ("Kuriga, Freedonia" is no namesake town on another continent;
        a town of a neighbour the story's war spills into stays)."""
        place = match.place
        if not told or place.country in told or place.feature_code in COUNTRY_CODES or (place.feature_class == "P" and prominent(place)):
            return False
        countries = self._country_places.of(told)
        return bool(countries) and all(distance_km(place, country) > _NAMESAKE_KM for country in countries)

    def _stands_for_someone(self, head: Token | None, words: str, place: Place | None, context: StoryContext) -> bool:
        """A name that speaks or acts for someone is no place of the story: the speaker of a verb of saying
        ("... Hamdan said", "Moscow said"); a capital the war names that acts on something ("Baghdad has
        taken a step"); the capital of a state outside the war's countries that acts or owns ("Moscow has
        been waging an air campaign", "Moscow's report"). "Kyiv came under fire" still is a place."""
        if head is None or head.dep_ not in ("nsubj", "poss"):
            return False
        verb = head.head
        if head.dep_ == "nsubj" and verb.lemma_.lower() in _saying_or_acting_for_a_state():
            # "... Deir Ezzor province a monitor said", its comma lost, parses the province as the speaker
            return not any(word in grammar.words("place_nouns") for word in words.lower().split())
        if head.dep_ == "nsubj" and self.actors.government_of(words) and any(c.dep_ == "dobj" for c in verb.children):
            return True
        return self._foreign_capital(words, place, context)

    def _foreign_capital(self, words: str, place: Place | None, context: StoryContext) -> bool:
        """Whether the name is the capital of a state outside the war's countries (looked up when unresolved)."""
        if not context.countries:
            return False
        lookup = getattr(self.places, "lookup", None)
        if place is None and lookup is not None:
            found = lookup(words, countries=None, limit=1)
            place = found[0][0] if found else None
        return place is not None and place.feature_code == "PPLC" and place.country not in context.countries

    def _claim(
        self,
        trigger: Trigger,
        assignment: PlaceAssignment,
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
            return None  # "villages around X were taken" does not take X
        if event_type == "territory_taken" and assignment.partial:
            event_type = "battle"  # "most of the town", "70 percent": fighting goes on, the place is contested
        if assignment.place.text == self.doers.acting_capital(trigger.token):
            return None  # the government acted; its capital is not where
        actor, target = self._actors(trigger, event_type, sentence, actor_mentions, context)
        country = assignment.place.place.country
        actor, target = self.actors.resolve(actor, country), self.actors.resolve(target, country)
        if not self.actors.may_do_events(actor):
            if event_type != "casualties":
                return None  # residents reaching a camp or fleeing a town is no military event
            actor = None  # the dead of a toll are its target, not its doer
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

    def _reader_claims(
        self, sentence: Span, offset: int, verdict: SentenceVerdict, claims: list[Claim], args: _Arguments, context: StoryContext
    ) -> list[Claim]:
        """Events the reader sees and no rule found, anchored on the sentence's root: never dropped for want of a place.

        A town the gazetteer knows wins; else the words of a place it does not know (a village missing
        from GeoNames is more telling than the province around it); else the province or country.
        """
        modality = reader_modality(verdict) or CLAIM_MODALITY[verdict.modality or "asserted"]
        made: list[Claim] = []
        for event_type in uncovered_types(claims, verdict):
            if event_type in CHANGES_HANDS and captures_only_things(sentence, self.triggers):
                continue  # "Freedonia captured the group's leader": no ground changed hands
            anchor = Trigger(_told_clause(sentence), event_type, "")
            assignments = assign_places(sentence, [anchor], args.matches, context, frozenset()).get(anchor.token.i, [])
            towns = [a for a in assignments if a.place.place.feature_code not in CONTAINER_CODES]
            if event_type in CHANGES_HANDS:
                named = {id(m) for m in args.matches}
                # a town this sentence names, as the object of its main clause: not one an earlier sentence
                # named, nor one in a side clause ("the minister, who came from X, spoke ...")
                towns = [a for a in towns if id(a.place) in named and _plainly_governed(sentence, a.place, anchor.token)]
            if event_type in CHANGES_HANDS and not towns:
                # a capture the reader alone sees takes a town only where its own sentence names it: the
                # story's town is a guess control must not act on; the province the story gives is kept
                areas = _areas_told(assignments, args, context)
                drafts = [self._claim(anchor, a, modality, sentence, offset, args.actors, args.dates, context, [anchor]) for a in areas[:1]]
                drafts = [d for d in drafts if d is not None] or [
                    self._unplaced_claim(anchor, modality, sentence, offset, args, context, args.unresolved[0][2] if args.unresolved else None)
                ]
            elif towns or not args.unresolved:
                chosen = towns or assignments or [PlaceAssignment(m, False, False) for m in _fallback_places(args, context)]
                drafts = [self._claim(anchor, a, modality, sentence, offset, args.actors, args.dates, context, [anchor]) for a in chosen[:_MAX_PLACES]]
                drafts = [d for d in drafts if d is not None] or [self._unplaced_claim(anchor, modality, sentence, offset, args, context, None)]
                finer = [(start, words) for start, _, words in args.unresolved if _may_be_finer(words)]
                known = [(m.start, m.end, m.place.key) for m in args.matches]
                if known:
                    drafts = at_finer_places(drafts, {"": finer}, known, most=_MAX_PLACES, text=sentence.text)
                else:  # the sentence names no place the gazetteer knows: its own names are within the story's place
                    drafts = within_lent_place(drafts, [w for _, w in finer], most=_MAX_PLACES, text=sentence.text)
            else:
                drafts = [self._unplaced_claim(anchor, modality, sentence, offset, args, context, words) for _, _, words in args.unresolved[:_MAX_PLACES]]
                drafts = [_in_the_storys_city(d, sentence.text, context) for d in drafts] if not args.matches else drafts
            made += [replace(d, trigger="", confidence=confidence_of(event_type, modality, verdict)) for d in drafts]
        return made

    def _unplaced_claim(
        self, anchor: Trigger, modality: str, sentence: Span, offset: int, args: _Arguments, context: StoryContext, words: str | None
    ) -> Claim:
        """An event whose place has no gazetteer entry keeps the place's words (or none) and no coordinates."""
        actor, target = self._actors(anchor, anchor.event_type, sentence, args.actors, context)
        if not self.actors.may_do_events(actor):
            actor = None  # "seven people died in clashes": the people are who died, not who fought
        actor, target = self._resolved_unplaced(actor, context), self._resolved_unplaced(target, context)
        text = sentence.text.rstrip()
        return Claim(
            report_id=None, event_type=anchor.event_type, quote=text, start=offset, end=offset + len(text),
            actor=actor, target_actor=target,
            controller_after=actor if anchor.event_type == "territory_taken" else None,
            place_mention=words, place=None,
            date=_date_for(anchor, sentence, args.dates, context, [anchor]), modality=modality,
        )  # fmt: skip

    def _actors(
        self, trigger: Trigger, event_type: str, sentence: Span, mentions: list[ActorMention], context: StoryContext
    ) -> tuple[str | None, str | None]:
        return self.doers.doer_and_target(trigger, event_type, sentence, mentions, context)

    def _entity_places(
        self, sentence: Span, matches: list[PlaceMatch], skip_to: int, context: StoryContext, listed: list[tuple[int, int]]
    ) -> tuple[list[PlaceMatch], list[tuple[int, int, str]]]:
        """Place names spaCy found that the gazetteer matcher did not: resolved in context, or kept as text.
        `listed`: the names of a list that lost its commas (`glued_lists`), which stand for the spans over them."""
        resolve = getattr(self.places, "resolve", None)
        resolved: list[PlaceMatch] = []
        unresolved: list[tuple[int, int, str]] = []
        base = sentence.start_char
        spans = [(e.start_char - base, e.end_char - base) for e in sentence.ents if e.label_ in ("GPE", "LOC", "FAC")]
        spans += [m.span(1) for m in self._named_after_cue.finditer(sentence.text)]  # "the village of X"
        spans += names_after_locatives(sentence)  # "shelling in X": spaCy often calls a village a person
        before_nouns = names_before_place_nouns(sentence)  # "X town", "the al-X area": spaCy may call X a people
        spans += before_nouns
        if listed:
            spans = [(s, e) for s, e in spans if not any(s < e1 and s1 < e for s1, e1 in listed)] + listed
        told = context.countries_told | _vouching(matches, None)  # any war: the countries that vouch for a name resolved
        seen: set[tuple[int, int]] = set()
        countries = [(start, end) for start, end, _ in country_spans(sentence.text)]
        for start, end in sorted(spans):
            if (start, end) in seen or any(s0 < end and start < e0 for s0, e0 in seen):
                continue
            if any(s0 <= start and end <= e0 and (start, end) != (s0, e0) for s0, e0 in countries):
                continue  # "Congo" or "Democratic Republic" of a country's longer name
            seen.add((start, end))
            ent = sentence.char_span(start, end, alignment_mode="expand")  # offsets within the sentence, as Span.char_span takes them
            if ent is None:
                continue
            if start < skip_to or any(m.start < end and start < m.end for m in matches):
                continue
            if _inside_other_name(ent, sentence, peoples_too=(start, end) not in before_nouns):
                continue
            if _seat_of_a_body(sentence.text, end):
                continue
            words = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            if _non_place_word().search(words) or _names_a_building(ent, sentence) or _a_people(words):
                continue
            if self.actors.find(words) or not strip_article(words)[:1].isupper():
                continue  # a group's name or its people's adjective: an actor, not a place
            if self._stands_for_someone(ent.root, words, None, context):
                continue
            place = resolve(words, countries=context.countries, context=context.places_seen) if resolve else None
            if place is not None and context.countries and place.country not in context.countries:
                continue  # "the Sylvania-based monitor", "bombers from Sylvania": another state's name is no place of this war
            if place is not None and _namesake_in_the_war(place, context):
                place = None  # a quarter named after a town of the war's other country: the words are kept
            if place is not None and not context.countries and told and place.country not in told:
                place = None  # any war: a name the gazetteer's matcher left aside, resolved abroad, is a namesake; the words are kept
            if place is None and not context.countries and not told and hasattr(self.places, "sole_town"):
                place = self.places.sole_town(words)  # a story that names no country: a town known by this name alone
            if place is None and countries_told(words):
                continue  # a country the gazetteer matcher left aside ("Sylvania-based", "from Sylvania") is no village
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
        own: set[str],
        listed: set[tuple[int, int]],
    ) -> list[Claim]:
        """A place name the gazetteer cannot resolve is kept as text, with no coordinates: never guessed.
        It stands for a trigger that has no place of its own sentence (`own`: the keys of the places it names);
        each name of a list that lost its commas (`listed`) is an event."""
        if not unresolved:
            return []
        placed = {claim.trigger for claim in drafts if claim.place is not None and claim.place.key in own}
        trigger_at = {t.token.i: t for t in triggers}
        claims = []
        list_owner: int | None = None
        for start, end, words in unresolved:
            head = head_token_of_span(sentence, start, end)
            owner = owning_trigger(head, trigger_at)[0] if head is not None else None
            in_list = (start, end) in listed
            if in_list and owner is None:
                owner = list_owner  # the parse seldom links the later names of a glued list to its verb
            if owner is None or modalities[owner] in NON_EVENT_MODALITIES:
                continue
            if trigger_at[owner].text in placed and not (in_list and owner == list_owner and len(claims) < _MAX_PLACES):
                continue
            list_owner = owner if in_list else list_owner
            trigger = trigger_at[owner]
            actor, target = self._actors(trigger, trigger.event_type, sentence, actor_mentions, context)
            actor, target = self._resolved_unplaced(actor, context), self._resolved_unplaced(target, context)
            text = sentence.text.rstrip()
            claims.append(
                Claim(
                    report_id=None, event_type=trigger.event_type, quote=text, start=offset, end=offset + len(text),
                    actor=actor, target_actor=target, controller_after=actor if trigger.event_type == "territory_taken" else None,
                    place_mention=words, place=None, date=_date_for(trigger, sentence, date_mentions, context, triggers),
                    modality=modalities[owner], trigger=trigger.text, confidence=_CONFIDENCE.get(modalities[owner], 0.5) * 0.8,
                )  # fmt: skip
            )
            placed.add(trigger.text)
        return claims

    def _resolved_unplaced(self, actor: str | None, context: StoryContext) -> str | None:
        """An actor of an event with no resolved place: "the army" is the army of the one country the
        story names ("X's ministry says the army retook a village"), else of none."""
        country = next(iter(context.countries_told)) if len(context.countries_told) == 1 else None
        return self.actors.resolve(actor, country)

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

    def _told_again(self, claims: list[Claim], sentence: Span, context: StoryContext, *, placeless: bool) -> list[Claim]:
        """"The attack ...": an event the story told before, told again (`frontlines.extract.retelling`);
        so is what the reader alone reads in a sentence that names no place ("A witness at the hospital
        said he saw many wounded"): a detail of the event of that type the story last told."""
        retold = retold_types(sentence, self.triggers.nouns)
        claims = [
            as_retelling(c, context.told[c.event_type])
            if (c.event_type in retold or ANY_TYPE in retold) and c.event_type in context.told and c.modality in EVENT_MODALITIES else c
            for c in claims
        ]
        if not placeless:
            return claims
        return [at_told_place(c, context.told[c.event_type]) if _a_detail(c, context) else c for c in claims]

    def _advance(self, context: StoryContext, dates: list[DateMention], matches: list[PlaceMatch], claims: list[Claim]) -> None:
        days = [m for m in dates if m.sets_running_date]
        if days:
            context.running_date = days[-1].value.value
            if context.base_date is None:
                context.base_date = days[0].value.value
        for match in matches:  # the story's places steer how its later names resolve
            if match.place not in context.places_seen:
                context.places_seen.append(match.place)
        towns = [m for m in matches if m.place.feature_code not in CONTAINER_CODES]
        if towns:
            context.last_place = towns[0]  # the sentence's topic comes first: "the town" next points back to it
        if claims and claims[-1].actor:
            context.last_actor = claims[-1].actor
        for claim in claims:
            if claim.modality in EVENT_MODALITIES and claim.place is not None:
                context.told[claim.event_type] = claim
        self.doers.remember(context, claims)


def _opens_another_thread(sentence: Span, matches: list[PlaceMatch]) -> bool:
    """A roundup's next thread: the sentence opens on "Elsewhere" or on where it is ("In X province, ...",
    "In the neighbouring X province ...")."""
    words = [t for t in sentence if not t.is_punct]
    if not words:
        return False
    if words[0].lower_ in grammar.words("thread_openers"):
        return True
    if words[0].lower_ != "in" or len(words) < 2:
        return False
    fourth = words[min(3, len(words) - 1)]
    opening = fourth.idx + len(fourth) - sentence.start_char  # "In X", "In the X", "In the neighbouring X"
    return any(0 < m.start < opening for m in matches)


def _points_to_a_place(sentence: Span) -> bool:
    """"died in the clashes there": the sentence names the story's last place, by pointing at it."""
    return any(t.lower_ == "there" and t.dep_ != "expl" for t in sentence)


def _a_detail(claim: Claim, context: StoryContext) -> bool:
    """What the reader alone reads in a sentence that names no place: a detail of the event of its type
    the story told last. Never a capture: control acts on a capture's place, and the story's is a guess."""
    return not (claim.trigger or claim.event_type in CHANGES_HANDS or claim.event_type not in context.told or claim.modality not in EVENT_MODALITIES)


@dataclass(frozen=True)
class _Arguments:
    """What the general rules found in a sentence, for the events the reader sees there."""

    matches: list[PlaceMatch]
    countries: list[PlaceMatch]
    unresolved: list[tuple[int, int, str]]
    actors: list[ActorMention]
    dates: list[DateMention]


def _told_clause(sentence: Span) -> Token:
    """The verb of what the sentence tells: its root, or under "X said" the clause X said."""
    node = sentence.root
    while says_or_claims(node):
        told = [c for c in node.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        if not told:
            break
        node = told[0]
    return node


_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "NORP", "PRODUCT", "LANGUAGE"})
_LONGER_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW"})


def _names_a_building(words: Span, sentence: Span) -> bool:
    """"the X mosque", "X Street": the name of a building or a street, not of a village; "X rockets":
    the name of a weapon."""
    after = words.end - sentence.start
    return after < len(sentence) and sentence[after].lower_ in grammar.words("facility_nouns") | grammar.words("munition_nouns")


_BLASTS = frozenset({"explosion", "blast", "explode"})


@lru_cache(maxsize=1)
def _saying_or_acting_for_a_state() -> frozenset[str]:
    """Verbs whose subject speaks ("said") or acts as a state does ("denied", "accused"): joined once."""
    return grammar.words("speech_heads") | grammar.words("government_acts")


def _accidental(token: Token) -> bool:
    """A blast an accident makes: "a gas explosion", "a chemical plant explodes"."""
    if token.lemma_.lower() not in _BLASTS:
        return False
    sources = grammar.words("accident_sources")
    near = [c for c in token.children if c.dep_ in ("compound", "amod", "nsubj", "nmod")]
    return any(t.lemma_.lower() in sources or t.lower_ in sources for c in near for t in (c, *c.children) if t.dep_ in ("compound", "amod", "nsubj", "nmod"))


def _done_by_nature(token: Token) -> bool:
    """A word of war whose subject is a blow of nature: "a landslide strikes the town", "lightning hits"."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in grammar.words("disaster_words") for c in token.children)


def _dateline_month(mention: DateMention, text: str, published: date) -> bool:
    """The month and year a sentence opens with, in the month the report was published: the rest of a
    dateline split from its day ("Monday 22 | Sep 2014 Government air strikes killed ..."), no event's date."""
    value = mention.value
    return (
        value.precision == "month" and not text[: mention.start].strip()
        and (value.value.year, value.value.month) == (published.year, published.month)
    )  # fmt: skip


def _tells_a_disaster(sentence: Span) -> bool:
    """Deaths of a flood, a crash or an epidemic: "fire" only as a noun ("opened fire" is fighting); a
    blast an accident makes ("a gas explosion")."""
    disasters = grammar.words("disaster_words")
    return any(
        _accidental(token) or ((token.lemma_.lower() in disasters or token.lower_ in disasters) and not _of_fighting(token, sentence))
        for token in sentence
    )


def _of_fighting(token: Token, sentence: Span) -> bool:
    """A disaster word said of fighting: "protesters storm the building", and "fire" anywhere but as a
    blaze ("fires missiles", "opened fire", "rocket fire", "Sylvanian fire", "the exchange of fire",
    "a house is set on fire": arson)."""
    if token.lower_ in ("storm", "storms", "stormed", "storming"):
        return token.pos_ != "NOUN"
    if not (token.lemma_.lower() == "fire" or token.lower_ in ("fire", "fires")):
        return False
    fighting = grammar.words("fire_of_fighting")
    if token.pos_ != "NOUN" or token.head.lemma_.lower() in fighting:
        return True
    if token.head.dep_ == "prep" and token.head.head.lemma_.lower() in fighting:
        return True
    if any(c.dep_ in ("compound", "amod") and (c.lower_ in grammar.words("weapon_words") or c.ent_type_ == "NORP" or c.lower_ == "friendly") for c in token.children):
        return True
    before = [t.lemma_.lower() for t in sentence.doc[max(sentence.start, token.i - 2) : token.i]]  # however the parser hangs it
    return bool(before) and (before[-1] in fighting or before[-2:] in (["exchange", "of"], ["hail", "of"]))


def _agreeing_with_appositions(matches: list[PlaceMatch], text: str) -> list[PlaceMatch]:
    """"X, Sylvania", "X, Y Province, Sylvania", "X in southern Sylvania" and "X, in Y Province" say which
    country (and province) X is in: a namesake of X elsewhere is not the place (the words stay, to be
    kept unresolved)."""
    after = {start: code for start, _, code in country_spans(text)}
    after |= {m.start: m.place.country for m in matches if m.place.feature_code in CONTAINER_CODES or m.place.feature_code in COUNTRY_CODES}
    provinces = {m.start: m.place.admin1 for m in matches if m.place.feature_code == "ADM1" and m.place.admin1}
    kept = []
    for match in matches:
        if match.place.feature_code in COUNTRY_CODES:
            kept.append(match)  # "Sylvania, Ruritania and X": a list
            continue
        told = _CONTAINED_IN.match(text, match.end) or _APPOSITION.match(text, match.end)
        country = after.get(told.end()) if told else None
        province = provinces.get(told.end()) if told else None
        if (country is None or country == match.place.country) and (province is None or not match.place.admin1 or province == match.place.admin1):
            kept.append(match)
    return kept


_APPOSITION = re.compile(r",\s*(?:the\s+)?")
# "X in southern Sylvania", "X, in Y Province": where X is, said right after it
_CONTAINED_IN = re.compile(CONTAINED_IN)


@lru_cache(maxsize=1)
def _non_place_word() -> re.Pattern[str]:
    """A word that tells a name is no place: a month, a platform, an outlet or a monitor (grammar.yaml)."""
    listed = "|".join(re.escape(w) for w in sorted(grammar.words("not_place_words"), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{listed})(?![\w'’-])", re.IGNORECASE)


def _inside_other_name(words: Span, sentence: Span, *, peoples_too: bool = True) -> bool:
    """"Oct", "March 2011", "Rights" of "the Freedonian League for Civil Rights": words a date, a number
    or a people's name covers, or that are only part of a longer organisation's name, are no place."""
    for ent in sentence.ents:
        if ent.start >= words.end or words.start >= ent.end:
            continue
        if ent.label_ in _NOT_PLACE_LABELS and (peoples_too or ent.label_ != "NORP"):
            return True
        if ent.label_ in _LONGER_NAME_LABELS and (ent.start < words.start or ent.end > words.end):
            return True
    return False


def _with_rules_doer(
    read: list[Claim],
    rule_drafts: list[Claim],
    trigger_doers: dict[str, set[tuple[str, str | None]]],
    resolve: Callable[[str | None, str | None], str | None],
) -> list[Claim]:
    """Events the reader alone sees take the doer the trigger rules found in the same sentence, when
    they found one and only one: the trigger word's subject is a surer doer than the sentence root's.
    Where no rule claim stood, the doer of a trigger word of the same type (`trigger_doers`, as written:
    "three were killed after a man carried out an attack", whose attack is told in a side clause) stands
    in, made the actor of the country where the event happened (`resolve`)."""
    doers = {(c.actor, c.target_actor) for c in rule_drafts if c.actor}
    if not doers:
        return [_with_doer(c, *_resolved(trigger_doers[c.event_type], _country(c), resolve)) if _lends(c, trigger_doers) else c for c in read]
    if len(doers) != 1:
        return read
    actor, target = next(iter(doers))
    return [_with_doer(c, actor, target) if c.actor != actor else c for c in read]


def _lends(claim: Claim, trigger_doers: dict[str, set[tuple[str, str | None]]]) -> bool:
    return claim.actor is None and len(trigger_doers.get(claim.event_type, ())) == 1


def _resolved(doers: set[tuple[str, str | None]], country: str | None, resolve: Callable[[str | None, str | None], str | None]) -> tuple[str | None, str | None]:
    (actor, target), = doers
    return resolve(actor, country), resolve(target, country)


def _with_doer(claim: Claim, actor: str | None, target: str | None) -> Claim:
    return replace(claim, actor=actor, target_actor=claim.target_actor or target, controller_after=actor if claim.controller_after else None)


def _country(claim: Claim) -> str | None:
    return claim.place.country if claim.place else None


def _vouching(matches: list[PlaceMatch], besides: PlaceMatch | None) -> set[str]:
    """The countries a sentence's other places tell: its provinces' and regions' ("the West Bank"), and its cities'."""
    return {m.place.country for m in matches if m is not besides and (m.place.feature_class == "A" or prominent(m.place))}


def _names_no_place(match: PlaceMatch, actor_spans: list[tuple[int, int]]) -> bool:
    """A place name inside a group's name ("Ahrar al-X", "the X Military Council") or a people's word
    ("Alawites", "Kurds") that a gazetteer also lists is no place of the sentence."""
    if any(s <= match.start and match.end <= e and (s, e) != (match.start, match.end) for s, e in actor_spans):
        return True
    return _a_people(match.text)


def _seat_of_a_body(text: str, end: int) -> bool:
    """"The X-based monitor", "an X based group": a name that says where a body sits is no place of an event."""
    return _SEAT_OF.match(text, end) is not None


_SEAT_OF = re.compile(r"(?:\s*-\s*|\s+)based\b", re.IGNORECASE)


def _a_people(words: str) -> bool:
    return words.lower().rstrip("s") in grammar.words("people_words")


def _a_common_word(match: PlaceMatch, sentence: Span) -> bool:
    """A name that is a common word of the language ("Many of the residents", "Among them") or a word for a
    kind of place ("the X Road", "the Y Base"): a town of that name is a coin toss no story settles."""
    word = match.text.lower()
    is_stop = sentence.doc.vocab.lex_attr_getters.get(IS_STOP)  # asked of the word, not looked up: the vocabulary does not grow
    return bool(is_stop is not None and is_stop(word)) or word in grammar.words("place_nouns")


def _town_abroad(match: PlaceMatch, countries_named: set[str]) -> bool:
    """A town outside the war's countries: a prominent one, or one whose country the story names; never
    a word in capitals ("SANA" is an agency) nor a country or province of another state."""
    place = match.place
    if match.text.isupper() or place.feature_class != "P":
        return False
    return prominent(place) or place.country in countries_named


def _plainly_governed(sentence: Span, match: PlaceMatch, anchor: Token) -> bool:
    """The place hangs from the anchor with no side clause and no origin or heading between them."""
    node = head_token_of_span(sentence, match.start, match.end)
    while node is not None and node.i != anchor.i:
        if node.dep_ in _SIDE_CLAUSES or (node.dep_ == "pobj" and node.head.lower_ in grammar.words("origin_prepositions") | _HEADINGS):
            return False
        node = None if node.head.i == node.i else node.head
    return node is not None


def _areas_told(assignments: list[PlaceAssignment], args: _Arguments, context: StoryContext) -> list[PlaceAssignment]:
    """A province or district (never a country) the sentence gives the event, else the last one the story named."""
    told = [a for a in assignments if a.place.place.feature_code in CONTAINER_CODES and a.place.place.feature_code not in COUNTRY_CODES]
    if told:
        return told
    named = [m for m in args.matches if m.place.feature_code in CONTAINER_CODES and m.place.feature_code not in COUNTRY_CODES]
    if not named:
        named = [
            PlaceMatch(start=0, end=0, text=p.name, place=p, score=0.5)
            for p in reversed(context.places_seen)
            if p.feature_code in CONTAINER_CODES and p.feature_code not in COUNTRY_CODES
        ][:1]
    return [PlaceAssignment(m, False, False) for m in named[:1]]


def _acts_as_a_state(sentence: Span, match: PlaceMatch) -> bool:
    """A country named as the one who does ("Freedonia launches strikes", "Freedonia's army shelled"):
    the state, not where."""
    head = head_token_of_span(sentence, match.start, match.end)
    if head is not None and head.dep_ == "poss":
        head = head.head
    return head is not None and head.dep_ == "nsubj"


def _namesake_in_the_war(place: Place, context: StoryContext) -> bool:
    """A war of several countries: a province, or a town that is not prominent, of one of its countries that
    the story has neither named nor placed anything in, while it has named another of them, is a namesake (a
    quarter of a Sylvanian city named after a village of Freedonia is no event in Freedonia)."""
    countries = context.countries or ()
    if len(countries) < 2 or place.feature_code in COUNTRY_CODES or (place.feature_class == "P" and prominent(place)):
        return False
    told = context.countries_told & set(countries)
    return bool(told) and place.country not in told and all(seen.country != place.country for seen in context.places_seen)


def _in_the_storys_city(claim: Claim, text: str, context: StoryContext) -> Claim:
    """An event at a quarter the gazetteer lacks ("shells fell on the X neighbourhood"), in a sentence that
    names no place it knows, belongs to the story's own town, as analysts fold a city's quarters into it;
    a capture stays at the quarter's words (taking a quarter is not taking the city)."""
    town = context.last_place.place if context.last_place else None
    if claim.place is not None or claim.event_type in CHANGES_HANDS or not a_quarter_of(town, claim.place_mention or "", text):
        return claim
    return replace(claim, place=town, place_precision=place_precision(town))


def _fallback_places(args: _Arguments, context: StoryContext) -> list[PlaceMatch]:
    """No town in the sentence: the province or country it names; else the town the story is about
    ("the attack killed five": where the story stands); else the last province or country it named."""
    countries = [m for m in args.countries if not context.countries or m.place.country in context.countries]  # "Sylvania said": not where
    containers = [m for m in args.matches if m.place.feature_code in CONTAINER_CODES] + countries
    if containers or args.unresolved:
        return containers[:1]
    towns = [m for m in args.matches if m.place.feature_code not in CONTAINER_CODES]
    if towns:
        return towns[:1]  # the sentence's topic comes first
    if context.last_place is not None:
        return [context.last_place]
    for place in reversed(context.places_seen):
        if place.feature_code in CONTAINER_CODES or place.feature_code in COUNTRY_CODES:
            return [PlaceMatch(start=0, end=0, text=place.name, place=place, score=0.5)]
    return []


def _told_as(trigger: Token, sentence: Span, verdict: SentenceVerdict | None) -> str:
    """The trigger's modality by the rules; a simple present the rules take for a plan or a habit
    ("forces raid the home of X") is the news present of a summary line where the reader reads the
    sentence as telling an event of that type, as fact or as a party's word."""
    modality = trigger_modality(trigger, sentence)
    if modality == "planned" and verdict is not None and verdict.types and only_simple_present(trigger):
        told = CLAIM_MODALITY.get(verdict.modality or "asserted")
        if told in EVENT_MODALITIES:
            return told
    return modality


def _may_be_finer(words: str) -> bool:
    """Whether a name the gazetteer lacks may be a place within the known one beside it: "near Z, the
    capital of X Province" or "Z on the Y Sea" name a wider area or a water, no village of the town Z."""
    return words.split()[-1].casefold() not in grammar.words("wider_area_nouns")


def _finer_names(
    sentence: Span, triggers: list[Trigger], modalities: dict[int, str], unresolved: list[tuple[int, int, str]]
) -> dict[str, list[tuple[int, str]]]:
    """The names the gazetteer lacks that each trigger of the sentence governs, in the order written; a
    name no trigger governs ("fighting went on in the X neighbourhood of Y") goes to the sentence's only trigger,
    or else is listed under UNGOVERNED."""
    trigger_at = {t.token.i: t for t in triggers}
    telling = [i for i in trigger_at if modalities[i] not in NON_EVENT_MODALITIES]
    names: dict[str, list[tuple[int, str]]] = {}
    for start, end, words in unresolved:
        if not _may_be_finer(words):
            continue
        head = head_token_of_span(sentence, start, end)
        owner = owning_trigger(head, trigger_at)[0] if head is not None else None
        if owner is None and len(telling) == 1:
            owner = telling[0]
        if owner is None:
            names.setdefault(UNGOVERNED, []).append((start, words))
        elif modalities[owner] not in NON_EVENT_MODALITIES:
            names.setdefault(trigger_at[owner].text, []).append((start, words))
    return names


def _date_for(
    trigger: Trigger, sentence: Span, mentions: list[DateMention], context: StoryContext, triggers: list[Trigger]
) -> DateValue:
    """The date in the trigger's part of the tree; else the nearest in the sentence; else the story's."""
    position = trigger.token.idx - sentence.start_char
    if mentions:
        trigger_at = {t.token.i: t for t in triggers}
        own, free = [], []
        for mention in mentions:
            head = head_token_of_span(sentence, mention.start, mention.end)
            owner = owning_trigger(head, trigger_at)[0] if head is not None else None
            if mention.looks_back and head is not None:
                # "a day after the army took X" dates what happens inside the "after" clause
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
            return DateValue(day, "day", outlet, relative=True)  # "<outlet> reported that ...", dated by its citation
    if context.running_date is not None:
        return DateValue(context.running_date, "day", "", relative=True)
    return DateValue(context.published, "day", "", relative=True)


def _keep_most_telling(drafts: list[Claim]) -> list[Claim]:
    """One claim per (type, place, day), the one that names the quarter where a sentence names the town
    and its quarter; a battle yields to a capture of the same place that day, etc."""
    seen: dict[tuple[str, str, str], Claim] = {}
    for claim in drafts:
        key = (claim.event_type, place_identity(claim), claim.date.value.isoformat() if claim.date else "")
        if key not in seen or (_at_a_quarter(claim) and not _at_a_quarter(seen[key])):
            seen[key] = claim
    kept = []
    for (event_type, place, day), claim in seen.items():
        stronger = _OUTRANKS.get(event_type)
        if stronger == "*" and any(k[0] != event_type for k in seen):
            continue
        if stronger and stronger != "*" and (stronger, place, day) in seen:
            continue
        kept.append(claim)
    return kept


def _at_a_quarter(claim: Claim) -> bool:
    return bool(claim.place_mention) and written_as_quarter(claim.quote, claim.place_mention or "")


def _named_after_cue(theatre: Theatre) -> re.Pattern[str]:
    """"the village of X": spaCy often takes a village's name for a person or a group; after a
    settlement noun it is a place, written as the theatre writes place names ("al-X", "Umm X")."""
    cues = "|".join(re.escape(w) for w in sorted(grammar.words("place_cue_nouns"), key=len, reverse=True))
    articles = theatre.place_name_articles
    leading = [f"{re.escape(a)}-" for word in articles for a in (word, word.capitalize())]
    leading += [f"{re.escape(p)} " for p in theatre.place_name_prefixes]
    lead = f"(?:{'|'.join(leading)})?" if leading else ""
    inner = f"(?:(?:{'|'.join(map(re.escape, articles))})-)?" if articles else ""
    return re.compile(rf"\b(?:{cues})s? of ({lead}[A-Z][\w'’-]+(?: {inner}[A-Z][\w'’-]+){{0,2}})")
