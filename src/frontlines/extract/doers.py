"""Who did it, and to whom: the doer and the target of a trigger.

Read from the trigger's arguments in the dependency tree and the actors they name; where the
sentence names none, from the story so far and from the theatre (which group unclaimed bombs are
put down to, which group every other side fights, which capital stands for which government).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from frontlines.extract import grammar
from frontlines.extract.actors import ActorFinder, ActorMention
from frontlines.extract.doer_spans import (
    PRONOUNS,
    accused_spans,
    agent_spans,
    argument_spans,
    bystander_spans,
    doing_subject_spans,
    holder_spans,
    source_spans,
    says_or_claims,
    speaker_spans,
    speaks_of,
    victim_spans,
)
from frontlines.extract.state_doers import forces_of, state_in
from frontlines.extract.story import StoryContext
from frontlines.extract.triggers import Trigger
from frontlines.model import Claim
from frontlines.theatres import Theatre


# the events someone fires or sets off: their noun may name where the fire came from ("shelling from
# the hills"), and a person may be their doer ("a man opened fire")
_FIRED = frozenset({"explosion", "airstrike", "attack"})
# the events whose dead are their fighters: unless a group is named beside them, the state's dead tell
# that its forces fought ("ten soldiers and six rebels died in the clashes")
_FOUGHT = frozenset({"battle"})
# the events a violent crowd (protesters, rioters, settlers) does when no armed side is named
_CROWDS_DO = frozenset({"attack", "battle"})
# how a name qualifies a generic word in the same noun phrase
_QUALIFYING = frozenset({"compound", "amod", "poss", "nmod", "pobj", "prep", "acl"})


class DoerFinder:
    def __init__(self, actors: ActorFinder, theatre: Theatre, event_nouns: frozenset[str] = frozenset()) -> None:
        self.actors = actors
        self.theatre = theatre
        # what the dead may have died in: the nouns that tell an event ("strike", "operation") and weapons
        self._means = event_nouns | grammar.words("weapon_words")
        self._in_the_course_of = grammar.words("in_the_course_of")

    def doer_and_target(
        self, trigger: Trigger, event_type: str, sentence: Span, mentions: list[ActorMention], context: StoryContext
    ) -> tuple[str | None, str | None]:
        """(actor, target) of the event the trigger tells, as canonical names or None."""
        actor, target = self._doer_and_target(trigger, event_type, sentence, mentions, context)
        if self.actors.is_unnamed_armed(actor):
            # "the rebels", "the gunmen" of a story that names one armed group outside the state's camp: that group
            groups = {n for n in context.named_actors if self._irregular(n)}
            if len(groups) == 1 and target not in groups:
                actor = groups.pop()
        return actor, target

    def _irregular(self, name: str) -> bool:
        """A named armed group outside the camp of state forces (no generic word, no state's forces)."""
        if self.actors.is_generic(name) or not self.actors.is_combatant(name) or name in self.theatre.state_forces.values():
            return False
        side = self.actors.side(name)
        return side is not None and self.theatre.camp_of(side) != self.theatre.camp_of(self.actors.state_side())

    def _doer_and_target(
        self, trigger: Trigger, event_type: str, sentence: Span, mentions: list[ActorMention], context: StoryContext
    ) -> tuple[str | None, str | None]:
        base = sentence.start_char
        subject_spans, object_spans = argument_spans(trigger.token)
        if not trigger.text and speaks_of(trigger.token):
            subject_spans = []  # the reader's clause is one of saying or urging: its subject is no doer
        if _undergone(trigger):
            # "the garrison comes under Hill Army shelling": the subject is hit; the fire's source, if named, did it
            object_spans, subject_spans = object_spans + subject_spans, source_spans(trigger.token)
        # "bombs killed ten soldiers": not by the soldiers; but "... killed in an attack by the Hill Army" is by them
        victims = victim_spans(sentence) + bystander_spans(sentence)
        agents = agent_spans(sentence)
        doers = [m for m in mentions if not _inside(m, victims, base) or _inside(m, agents, base)]
        actor = self.named_doer(trigger, sentence, doers, subject_spans)
        if actor is None and event_type in _FIRED and trigger.token.pos_ == "NOUN":
            actor = self.named_doer(trigger, sentence, doers, source_spans(trigger.token))  # "shelling from the hills' gunners"
        actor = actor or self.actors.government_of(self.acting_capital(trigger.token) or "")
        if actor is None:
            country = state_in(sentence, subject_spans, trigger.token)  # "Freedonia shelled", "Sylvanian air strikes"
            actor = forces_of(country, self.theatre) if country else None
        if actor is None:
            # "six are killed during a Sylvanian operation", "... in Freedonian strikes": the state whose event it came in
            country = next(filter(None, (state_in(sentence, [], noun) for noun in self._events_it_came_in(trigger.token))), None)
            actor = forces_of(country, self.theatre) if country else None
        if actor is None and not trigger.text:
            # "three are killed in clashes between protesters and police": the doer of the event the dead died in
            actor = next(filter(None, (self.named_doer(trigger, sentence, doers, argument_spans(noun)[0]) for noun in self._events_it_came_in(trigger.token))), None)
        if actor is None and not trigger.text:
            # the reader's clause names no doer of its own ("thirteen are killed as Freedonia launches
            # missiles"): the subject of the sentence's verb of armed doing, if one names an actor or a state
            spans = doing_subject_spans(sentence)
            actor = self.named_doer(trigger, sentence, doers, spans) if spans else None
            if actor is None and spans:
                country = state_in(sentence, spans, trigger.token)
                actor = forces_of(country, self.theatre) if country else None
        # a trigger word, or the reader's clause when its verb is one of armed doing (not "they detained")
        acting = bool(trigger.text) or trigger.token.lemma_.lower() in grammar.words("armed_doing_verbs")
        if actor is None and acting and _pronoun_subject(trigger.token):
            # "Freedonia says it struck X", "the army said they retook X": the speaker is the doer
            speaker = _speaker_above(trigger.token)
            if speaker is not None:
                spans = [(speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge))]
                actor = self.named_doer(trigger, sentence, doers, spans)
                if actor is None:
                    country = state_in(sentence, spans, speaker)
                    actor = forces_of(country, self.theatre) if country else None
        if actor is None and event_type in _FIRED:
            accused = accused_spans(trigger.token)  # "a man was arrested for attempting to bomb a shop": he tried it
            actor = self.named_doer(trigger, sentence, doers, accused) if accused else None
            if actor is None and (_person_did_it(sentence, subject_spans + accused) or _named_person(sentence, accused)):
                actor = self.actors.unidentified()  # "a man opened fire": an armed man no one has named
        target = mention_in(mentions, object_spans, base)
        if event_type == "casualties":
            return actor, target  # who killed is rarely said; the victims are the target
        enemy = self.theatre.common_enemy
        blamed = self.theatre.blame_unclaimed_explosions_on
        if event_type == "explosion" and blamed is not None and self.actors.is_unnamed_armed(actor) and blamed in context.named_actors:
            actor = None  # "a suicide bomber" names no group: the one this war's unclaimed bombs are put down to
        if actor is None and event_type == "explosion":
            # bombs and shells go off with no doer named: the theatre says whose they usually are
            # (when the story names that group), and the side they hit is one that fights it
            if blamed is None:
                # no usual author in this war: the armed actor the sentence names ("an attacker set off
                # a charge", "rocket fire by the rebels"), if any
                speakers = speaker_spans(sentence)  # "the embassy reports explosions": it tells, it did not fire
                named = [self.specific(sentence, m, doers) for m in doers if m.name != target and self.actors.is_combatant(m.name) and not _inside(m, speakers, base)]
                return (named[0] if named else None), target
            if target is None:
                target = next((m.name for m in mentions if self.actors.opposes(m.name, blamed)), None)
            actor = blamed if blamed in context.named_actors and target != blamed else None
            return actor, target
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.token.children)
        if actor is None and passive and event_type in ("territory_taken", "battle") and context.last_actor_against_enemy:
            if all(m.name == enemy or not self.actors.is_combatant(m.name) for m in mentions):
                actor = context.last_actor_against_enemy  # "half of Townville was retaken": by the side advancing
        if actor is None:
            # a side that only tells of it ("Freedonia's army reports that the Hill Army advanced") yields to one that acts
            speakers = speaker_spans(sentence)
            acting = [m for m in doers if not _inside(m, speakers, base)]
            holders = holder_spans(sentence)  # "Sylvanian police arrest a man convicted of a bombing": not by the police
            if not any(m.name != target and self.actors.is_combatant(m.name) for m in acting):
                # the side that tells of fighting is in it ("the army reports clashes in X"); the side
                # that tells of a blow is more often the one hit ("the army says a rocket hit a post")
                own = any(t.lower_ in PRONOUNS or t.lower_ in ("its", "their", "our") for t in sentence)  # "says they struck", "its own soldiers"
                acting = [m for m in doers if not _inside(m, holders, base) and (event_type not in _FIRED or own or not _inside(m, speakers, base))]
            others = [self.specific(sentence, m, doers) for m in acting if m.name != target and self.actors.is_combatant(m.name)]
            dead = victim_spans(sentence) if event_type in _FOUGHT else []
            # the sides among the dead: the state's, and groups named by name ("rebels" names none)
            sides = [m for m in mentions if _inside(m, dead, base) and self.actors.is_combatant(m.name)
                     and (self._of_the_state(m.name) or not self.actors.is_unnamed_armed(m.name))]  # fmt: skip
            fallen = [m for m in sides if self._of_the_state(m.name)]
            # two sides among the dead, in two noun phrases ("two Hill Army fighters and two militiamen";
            # "Filipino ISIL leaders" is one), none of them a person's name ("Omar Maute")
            among = [m for m in mentions if _inside(m, dead, base) and self.actors.is_combatant(m.name) and not _in_a_name(sentence, m)]
            both = any(a.name != b.name and _phrase_of(sentence, a) != _phrase_of(sentence, b) for n, a in enumerate(among) for b in among[n + 1 :])
            if (fallen or (sides and both)) and all(self.actors.is_unnamed_armed(o) for o in others):
                # "ten soldiers and six rebels died in the clashes": the state's; "five Hill Army fighters
                # and two soldiers are killed in fighting": the first side named, as of two sides clashing
                actor = self.specific(sentence, sides[0], mentions)
            elif others:
                actor = others[0]
            elif event_type in ("territory_taken", "operation_start", "airstrike"):
                actor = context.last_actor_against_enemy
            else:
                actor = context.last_actor
            if actor is None and event_type in _CROWDS_DO:
                # no armed side named: a violent crowd the sentence names, not as the one hit, did it
                # ("protesters in the state capital attack the government's headquarters")
                at = trigger.token.idx - base
                crowds = [m for m in acting if self._crowd(m.name) and m.name != target and (not trigger.text or m.start < at)]
                actor = crowds[0].name if crowds else None
        if target is None and actor is not None and event_type in ("territory_taken", "battle", "attack", "airstrike"):
            named = [m.name for m in mentions if self.actors.is_combatant(m.name) and not self.actors.same_camp(m.name, actor)]
            if named:
                target = named[0]  # the other side the sentence names
            elif enemy is not None and self.actors.opposes(actor, enemy) and enemy in context.named_actors:
                target = enemy  # the side the story is about fighting
        if target == actor:
            target = None
        return actor, target

    def _events_it_came_in(self, token: Token) -> list[Token]:
        """The event nouns (or weapons) the trigger's words hang on by "in", "during" or "amid": "killed
        in strikes", "killed and wounded in missile fire"."""
        return [
            noun
            for verb in (token, *(c for c in token.children if c.dep_ == "conj"))
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in self._in_the_course_of
            for noun in prep.children
            if noun.dep_ == "pobj" and noun.lemma_.lower() in self._means
        ]

    def named_doer(self, trigger: Trigger, sentence: Span, mentions: list[ActorMention], spans: list[tuple[int, int]]) -> str | None:
        """The actor the doer's words name. A trigger that is itself an actor's word ("a suicide bomber
        struck") names its doer; a group's name qualifying a generic word beats it ("a militant from
        the Hill Army", "forces loyal to the Hill Army", "a Hill Army fighter"); a country qualifying
        a generic word for state forces makes them that state's ("Sylvanian naval forces")."""
        base = sentence.start_char
        at = trigger.token.idx - base
        own = [m for m in mentions if m.start <= at < m.end and self.actors.is_combatant(m.name)]
        # a mention whose last word, its head, is in the doer's words: "during the military assault"
        inside = own or [m for start, end in spans for m in mentions if start < base + m.end <= end]
        inside = [m for m in inside if not _of_a_person(sentence, m)]  # "four Sylvanian nationals": people, not Sylvania's forces
        if not inside:
            return None
        named = [self.specific(sentence, m, mentions, spans, trigger.token) for m in inside]
        # a generic word that only qualifies the event ("a Hill Army member carried out a terrorist
        # attack") yields to the doer the subject names
        kept = [n for m, n in zip(inside, named, strict=True) if not (self.actors.is_unnamed_armed(n) and _qualifies_trigger(sentence, m, trigger.token))]
        return (kept or named)[0]

    def _crowd(self, name: str) -> bool:
        """Civilians who act with violence: no side of the fighting, but a doer (actors.yaml; an actor the
        table does not know is a combatant)."""
        return not self.actors.is_combatant(name) and self.actors.may_do_events(name)

    def _of_the_state(self, name: str) -> bool:
        """State forces, by the generic words or by name."""
        return self.actors.resolves_by_country(name) or (self.actors.side(name) is not None and self.actors.side(name) == self.actors.state_side())

    def specific(
        self,
        sentence: Span,
        mention: ActorMention,
        mentions: list[ActorMention],
        spans: Sequence[tuple[int, int]] = (),
        trigger: Token | None = None,
    ) -> str:
        """The most telling name for the actor a mention names: the group or state that qualifies a
        generic word ("a Hill Army suicide bomber", "Sylvanian troops"), else the mention's own."""
        if not self.actors.is_generic(mention.name):
            return mention.name
        head = _head_of(sentence, mention)
        if head is None:
            return mention.name
        for other in mentions:
            if other is mention or self.actors.is_generic(other.name):
                continue
            other_head = _head_of(sentence, other)
            if other_head is not None and _qualifies(other_head, head):
                return other.name
        if self.actors.resolves_by_country(mention.name) and _backed_by_another(head):
            return self.actors.unidentified() or mention.name  # "pro-Freedonian forces": irregulars, no state's forces
        if self.actors.resolves_by_country(mention.name):
            words = sentence.char_span(mention.start, mention.end, alignment_mode="expand")
            first = sentence.doc[max(sentence.start, (words.start if words is not None else head.i) - 2)]
            before = [(min(head.left_edge.idx, first.idx), head.idx + len(head))]  # "Sylvanian troops", "the Freedonian Air Force"
            country = state_in(sentence, before, head, of_forces=True) or (state_in(sentence, spans, trigger) if spans and trigger is not None else None)
            if country is not None:
                return forces_of(country, self.theatre)
        return mention.name

    def acting_capital(self, trigger: Token) -> str | None:
        """"<capital> launched an offensive": a capital that does something to something stands for its
        government (the theatre's `capitals`), and is no place of the event; one that falls is a place."""
        if not any(c.dep_ == "dobj" for c in trigger.children):
            return None
        for child in trigger.children:
            if child.dep_ == "nsubj":
                words = trigger.doc[child.left_edge.i : child.right_edge.i + 1].text
                return words if self.actors.government_of(words) else None
        return None

    def remember(self, context: StoryContext, claims: list[Claim]) -> None:
        """The story's last doers: a capture told later with no doer is by the side last seen fighting the enemy."""
        for claim in claims:
            if claim.actor and claim.actor != self.theatre.common_enemy and self.actors.is_combatant(claim.actor):
                context.last_actor_against_enemy = claim.actor


def _backed_by_another(head: Token) -> bool:
    """Forces named as a state's proxies: "pro-Freedonian forces", "Sylvanian-backed units"."""
    lowers = [t.lower_ for left in head.lefts for t in left.subtree]
    for i, word in enumerate(lowers):
        if word == "-" and 0 < i < len(lowers) - 1 and (lowers[i - 1] in grammar.words("proxy_prefixes") or lowers[i + 1] in grammar.words("proxy_suffixes")):
            return True
    return False


def _qualifies_trigger(sentence: Span, mention: ActorMention, trigger: Token) -> bool:
    head = _head_of(sentence, mention)
    return head is not None and head.head.i == trigger.i and head.dep_ in ("amod", "compound")


def _head_of(sentence: Span, mention: ActorMention) -> Token | None:
    span = sentence.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _in_a_name(sentence: Span, mention: ActorMention) -> bool:
    """A mention inside a person's name ("Omar Maute"): a person, not the group."""
    span = sentence.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and all(t.ent_type_ == "PERSON" for t in span)


def _phrase_of(sentence: Span, mention: ActorMention) -> int | None:
    """The index of the noun heading the phrase a mention stands in."""
    head = _head_of(sentence, mention)
    return _phrase_head(head).i if head is not None else None


def _phrase_head(token: Token) -> Token:
    """The noun a word qualifies, up its noun phrase: "Filipino" and "ISIL" in "Filipino ISIL leaders", and
    the names in apposition to it."""
    while token.head.i != token.i and (
        token.dep_ in ("amod", "compound", "nmod", "poss", "nummod", "appos") or (token.dep_ == "conj" and token.head.dep_ == "appos")
    ):  # "ISIL leaders Hapilon and Maute": the names stand in apposition to the leaders
        token = token.head
    return token


def _qualifies(token: Token, head: Token) -> bool:
    """Whether `token` sits in the noun phrase of `head` as what qualifies it ("fighters of X", "X
    fighters", "forces loyal to X"), not beside it ("troops and X", "troops, including X")."""
    node = token
    for _ in range(6):
        if node.dep_ not in _QUALIFYING or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ not in grammar.words("qualifying_prepositions"):
            return False
        node = node.head
        if node.i == head.i:
            return True
    return False


def _pronoun_subject(token: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in PRONOUNS for c in token.children)


def _speaker_above(token: Token) -> Token | None:
    """The subject of the verb of saying whose clause holds the trigger: "Freedonia says (that) it ..."."""
    node = token
    while node.dep_ in ("ccomp", "conj", "xcomp", "advcl") and node.head.i != node.i:
        node = node.head
        if says_or_claims(node):
            return next((c for c in node.children if c.dep_ == "nsubj"), None)
    return None


def _undergone(trigger: Trigger) -> bool:
    """A trigger phrase whose subject suffers the event ("came under attack", "under fire")."""
    told = " ".join(trigger.text.lower().split())
    return any(told.startswith(phrase) or f" {phrase}" in f" {told}" for phrase in grammar.words("undergoing_phrases"))


def _of_a_person(sentence: Span, mention: ActorMention) -> bool:
    """A mention that only qualifies a person ("a Sylvanian man", "Freedonian nationals")."""
    head = _head_of(sentence, mention)
    return head is not None and head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in grammar.words("persons_who_attack")


def _person_did_it(sentence: Span, spans: list[tuple[int, int]]) -> bool:
    """The doer's words are a person's ("a man", "two youths"), not a group's."""
    persons = grammar.words("persons_who_attack")
    return any(
        t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and t.lemma_.lower() in persons and any(start <= t.idx < end for start, end in spans)
        for t in sentence
    )


def _named_person(sentence: Span, spans: list[tuple[int, int]]) -> bool:
    """A person named by name among the words of who is held for it ("police arrest Ivan Petrov, convicted
    of a bombing"): one armed man no table lists."""
    return any(t.ent_type_ == "PERSON" and any(start <= t.idx < end for start, end in spans) for t in sentence)


def _inside(mention: ActorMention, spans: list[tuple[int, int]], base: int) -> bool:
    return any(start <= base + mention.start and base + mention.end <= end for start, end in spans)


def mention_in(mentions: list[ActorMention], spans: list[tuple[int, int]], base: int) -> str | None:
    """The first actor named inside one of the spans (sentence offsets `base` apart from the mentions')."""
    for start, end in spans:
        for mention in mentions:
            if start <= base + mention.start and base + mention.end <= end:
                return mention.name
    return None
