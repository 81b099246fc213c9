"""The trained reader's verdict on a sentence, applied to what the rules found there.

The reader decides which events a sentence tells and how; the rules find each event's arguments.
A rule claim stands unless the reader vetoes it (no event in the sentence, or next to no chance of
its type) and is told with the reader's modality where the reader is sure of it; a type the reader
sees and no rule claim covers is read with the sentence's root as its anchor, so that the general
rules for places, actors and dates still apply. Planned, negated and background (history) sentences
keep their claims under that modality: stored, never fused into the current timeline.
"""

from __future__ import annotations

from dataclasses import replace

from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim
from frontlines.reader.scoring import SentenceVerdict

# how the reader names a modality -> how a claim stores it
CLAIM_MODALITY = {"asserted": "asserted", "reported": "reported_speech", "hedged": "hedged", "planned": "planned", "negated": "negated", "history": "history"}
# Where the reader is sure enough of a sentence's modality, its claims take it: the rules see a
# "said" or a year, the reader how the whole sentence tells it. It once overrode only planned, negated
# and history; letting it decide between asserted, reported and hedged too moved the whole extractor's
# line modality accuracy (a reader trained on the train split only) on dev 0.789 -> 0.793, on spent
# waves 10, 12, 13 0.750 -> 0.764, 0.758 -> 0.786, 0.761 -> 0.775, on FA-KES dev sentences 0.639 -> 0.647,
# nothing else moving. It never lifts a claim the rules told as history, planned or negated back onto
# the timeline ("taken in 2014" stays history however the reader reads the sentence).
OVERRIDE_SCORE = 0.5
# The rules' claims stand unless the reader is sure the sentence tells no event (its event score
# below VETO_SCORE) or scores the claim's type below KEEP_RULE_SCORE: trigger words are precise
# where they fire, the reader sees what they miss. Where the reader reads the sentence as telling
# another type ("shells fell" read as an air strike), a rule claim of a type it scores below
# KEEP_OTHER_TYPE_SCORE yields to it (rechecked on dev with a reader trained on the train split only).
# VETO_SCORE is the reader's own threshold for telling an event: where it says the sentence tells
# none, the rules' claims were mostly of lines that tell none (a shootout outside a nightclub, police
# clashing with protesters, a tank lost in an exercise). With a reader trained on the train split only,
# 0.2 -> 0.3 moved line event F1 on dev 0.895 -> 0.898 and on spent waves 10, 12, 13 0.813 -> 0.822,
# 0.853 -> 0.862, 0.825 -> 0.832 (type macro F1 up a little everywhere, modality 0 to -0.009), FA-KES
# dev events F1 0.448 -> 0.450 (docs/reader.md, "After wave 13").
VETO_SCORE = 0.3
KEEP_RULE_SCORE = 0.05
KEEP_OTHER_TYPE_SCORE = 0.3


def judge_rule_claims(claims: list[Claim], verdict: SentenceVerdict) -> list[Claim]:
    """Rule claims the reader does not veto, told with the reader's modality where it overrides."""
    if verdict.scores.get("event", 1.0) < VETO_SCORE:
        return []
    floor = KEEP_OTHER_TYPE_SCORE if verdict.types else KEEP_RULE_SCORE
    kept = [c for c in claims if c.event_type in verdict.types or verdict.scores.get(c.event_type, 0.0) >= floor]
    modality = reader_modality(verdict)
    if modality is not None:
        kept = [replace(c, modality=modality) if _may_retell(c.modality, modality) else c for c in kept]
    return kept


def _may_retell(rules_said: str, reader_says: str) -> bool:
    """The reader moves a claim between the timeline's modalities or off it, never back onto it."""
    return reader_says not in EVENT_MODALITIES or rules_said in EVENT_MODALITIES


def reader_modality(verdict: SentenceVerdict) -> str | None:
    """The claim modality the reader imposes, or None to keep the rules' own."""
    if verdict.modality is not None and verdict.modality_score >= OVERRIDE_SCORE:
        return CLAIM_MODALITY[verdict.modality]
    return None


# The reader alone (no trigger rule fired in the sentence) makes an event only when it is this sure
# that the sentence tells one: context sentences around an event ("weapons depots were destroyed, the
# source said") read like events, and a report has many of them (on dev, 0.6 kept 1.5 points of
# FA-KES event precision and lost 4 of line recall and 2.6 of modality). Or when it is this sure of one type
# ("the Freedonian air force strikes the port": no trigger word, an air strike beyond doubt).
# 0.5 -> 0.4, with a reader trained on the train split only: line event F1 dev 0.898 -> 0.902, spent
# waves 10, 12, 13 0.822 -> 0.844, 0.864 -> 0.865, 0.832 -> 0.844; modality 0.776 -> 0.789, 0.693 -> 0.750,
# 0.730 -> 0.758, 0.737 -> 0.761; type macro F1 mixed (-0.003, +0.015, -0.015, -0.005); FA-KES dev
# article events F1 0.450 -> 0.449 (docs/reader.md, "After wave 13").
READER_ALONE_SCORE = 0.4
READER_ALONE_TYPE_SCORE = 0.9


def uncovered_types(claims: list[Claim], verdict: SentenceVerdict) -> list[str]:
    """Types the reader sees that no kept rule claim tells, most likely first."""
    if not claims and verdict.scores.get("event", 1.0) < READER_ALONE_SCORE and not _sure_of_a_type(verdict):
        return []
    covered = {c.event_type for c in claims}
    if "territory_taken" in covered:
        # a capture the rules found tells the fighting, the assault and the losers' leaving too; where the
        # reader alone reads the capture, the fighting and the leaving it reads beside it stand (spent waves,
        # a reader trained on train only: type macro F1 wave 12 0.611 -> 0.651, dev and waves 10, 13 unchanged);
        # and the seizure that a reader's "other" reads beside it ("had seized X in 2014": no second event;
        # line figures of dev and waves 10-15 unchanged)
        covered |= {"battle", "attack", "withdrawal", "other"}
    if "operation_start" in covered:
        covered.add("territory_taken")  # "a push to recapture X": the rules read the capture as its objective
    return sorted((t for t in verdict.types if t not in covered), key=lambda t: -verdict.scores.get(t, 0.0))


def _sure_of_a_type(verdict: SentenceVerdict) -> bool:
    return any(verdict.scores.get(t, 0.0) >= READER_ALONE_TYPE_SCORE for t in verdict.types)


def confidence_of(event_type: str, modality: str, verdict: SentenceVerdict) -> float:
    factor = {"asserted": 1.0, "reported_speech": 0.95, "hedged": 0.5}.get(modality, 0.3)
    return round(min(0.95, verdict.scores.get(event_type, 0.5)) * factor, 3)
