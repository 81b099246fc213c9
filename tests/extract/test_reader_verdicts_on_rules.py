"""How the reader's verdict on a sentence treats what the trigger rules found there."""

from __future__ import annotations

from dataclasses import replace

from frontlines.extract.verdicts import judge_rule_claims, uncovered_types
from frontlines.model import Claim
from frontlines.reader.scoring import SentenceVerdict

QUOTE = "Freedonian gunners pounded Sylvania Heights on Thursday."


def rule_claim(event_type: str) -> Claim:
    return Claim(report_id=None, event_type=event_type, quote=QUOTE, start=0, end=len(QUOTE), trigger="pounded")


def test_a_rule_claim_stands_where_the_reader_reads_no_type_at_all() -> None:
    # an unfamiliar phrasing: the reader is unsure an event is told, the trigger word is not
    verdict = SentenceVerdict(types=frozenset(), modality="asserted", scores={"event": 0.34, "explosion": 0.11})
    assert [c.event_type for c in judge_rule_claims([rule_claim("explosion")], verdict)] == ["explosion"]


def test_a_rule_claim_yields_where_the_reader_reads_no_event() -> None:
    # "a shootout outside a nightclub": a trigger word, and no event of a war
    verdict = SentenceVerdict(types=frozenset(), modality=None, scores={"event": 0.28, "battle": 0.4})
    assert judge_rule_claims([rule_claim("battle")], verdict) == []


def test_a_rule_claim_yields_where_the_reader_reads_another_type() -> None:
    verdict = SentenceVerdict(types=frozenset({"airstrike"}), modality="asserted", scores={"event": 0.9, "airstrike": 0.8, "explosion": 0.11})
    assert judge_rule_claims([rule_claim("explosion")], verdict) == []


def test_a_rule_claim_the_reader_finds_likely_enough_stands_beside_its_type() -> None:
    verdict = SentenceVerdict(types=frozenset({"airstrike"}), modality="asserted", scores={"event": 0.9, "airstrike": 0.8, "explosion": 0.4})
    assert [c.event_type for c in judge_rule_claims([rule_claim("explosion")], verdict)] == ["explosion"]


def test_no_rule_claim_stands_where_the_reader_is_sure_no_event_is_told() -> None:
    verdict = SentenceVerdict(types=frozenset(), modality=None, scores={"event": 0.05, "explosion": 0.5})
    assert judge_rule_claims([rule_claim("explosion")], verdict) == []


def test_the_reader_alone_tells_an_event_it_is_sure_of_or_whose_type_it_is_sure_of() -> None:
    sure_of_event = SentenceVerdict(types=frozenset({"airstrike"}), modality="asserted", scores={"event": 0.7, "airstrike": 0.6})
    sure_of_type = SentenceVerdict(types=frozenset({"airstrike"}), modality="asserted", scores={"event": 0.35, "airstrike": 0.95})
    unsure = SentenceVerdict(types=frozenset({"airstrike"}), modality="asserted", scores={"event": 0.35, "airstrike": 0.6})
    assert uncovered_types([], sure_of_event) == ["airstrike"]
    assert uncovered_types([], sure_of_type) == ["airstrike"]  # "the Freedonian air force strikes the port": no trigger word
    assert uncovered_types([], unsure) == []  # a context sentence that only reads like an event


def test_a_rule_claim_is_told_as_the_reader_is_sure_the_sentence_tells_it() -> None:
    # "pounded ..., the rebels' spokesman claimed": the reader hears the claim in the whole sentence
    reported = SentenceVerdict(types=frozenset({"explosion"}), modality="reported", scores={"event": 0.9, "explosion": 0.8}, modality_score=0.7)
    unsure = SentenceVerdict(types=frozenset({"explosion"}), modality="reported", scores={"event": 0.9, "explosion": 0.8}, modality_score=0.4)
    assert [c.modality for c in judge_rule_claims([rule_claim("explosion")], reported)] == ["reported_speech"]
    assert [c.modality for c in judge_rule_claims([rule_claim("explosion")], unsure)] == ["asserted"]


def test_the_reader_never_brings_back_onto_the_timeline_what_the_rules_told_as_history() -> None:
    # "gunners pounded the heights in 2014": the year is the rules' to see
    verdict = SentenceVerdict(types=frozenset({"explosion"}), modality="asserted", scores={"event": 0.9, "explosion": 0.8}, modality_score=0.9)
    history = replace(rule_claim("explosion"), modality="history")
    assert [c.modality for c in judge_rule_claims([history], verdict)] == ["history"]


def test_a_capture_the_rules_found_tells_its_assault_too() -> None:
    verdict = SentenceVerdict(types=frozenset({"territory_taken", "attack"}), modality="asserted", scores={"event": 0.95, "territory_taken": 0.9, "attack": 0.6})
    assert uncovered_types([rule_claim("territory_taken")], verdict) == []  # "forces recaptured X from the militants": one event


def test_the_fighting_and_the_leaving_the_reader_reads_beside_a_capture_stand() -> None:
    # "the rebels take X after heavy fighting", "militants take the town after troops withdraw": no trigger fired
    verdict = SentenceVerdict(types=frozenset({"territory_taken", "battle", "withdrawal"}), modality="asserted",
                              scores={"event": 0.95, "territory_taken": 0.9, "battle": 0.7, "withdrawal": 0.6})
    assert uncovered_types([], verdict) == ["territory_taken", "battle", "withdrawal"]
