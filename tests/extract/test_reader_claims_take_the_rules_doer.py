"""An event the reader alone sees in a sentence takes the doer the trigger rules found there: the
trigger word's subject ("an attacker fired shots") is a surer doer than the sentence root's, even
when the rules' own claim gave way to the reader's type."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.extract.claims import _with_rules_doer
from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim, Report

QUOTE = "An attacker threw a grenade and fired shots outside a hall in Freedonia Junction."


def claim(event_type: str, actor: str | None, target: str | None = None, controller: str | None = None) -> Claim:
    return Claim(report_id=None, event_type=event_type, quote=QUOTE, start=0, end=len(QUOTE), actor=actor, target_actor=target, controller_after=controller)


def as_written(name: str | None, country: str | None) -> str | None:
    return name


def with_rules_doer(read: list[Claim], rule_drafts: list[Claim], trigger_doers: dict | None = None) -> list[Claim]:
    return _with_rules_doer(read, rule_drafts, trigger_doers or {}, as_written)


def test_the_readers_event_takes_the_one_doer_the_rules_found() -> None:
    read = [claim("explosion", "Freedonian forces")]
    fixed = with_rules_doer(read, [claim("attack", "Unidentified armed group", "civilians")])
    assert [(c.actor, c.target_actor) for c in fixed] == [("Unidentified armed group", "civilians")]


def test_a_readers_capture_takes_the_doer_as_its_new_holder() -> None:
    fixed = with_rules_doer([claim("territory_taken", "Sylvanian forces", controller="Sylvanian forces")], [claim("battle", "Freedonian forces")])
    assert (fixed[0].actor, fixed[0].controller_after) == ("Freedonian forces", "Freedonian forces")


def test_with_two_doers_or_none_the_reader_keeps_its_own() -> None:
    read = [claim("explosion", "Freedonian forces")]
    assert with_rules_doer(read, [claim("attack", "Unidentified armed group"), claim("battle", "Sylvanian forces")]) == read
    assert with_rules_doer(read, [claim("attack", None)]) == read
    assert with_rules_doer(read, []) == read


def test_with_no_rule_claim_the_doer_of_a_trigger_word_of_the_same_type_stands_in() -> None:
    read = [claim("attack", None)]
    fixed = with_rules_doer(read, [], {"attack": {("Unidentified armed group", None)}})
    assert fixed[0].actor == "Unidentified armed group"
    assert with_rules_doer(read, [], {"withdrawal": {("Freedonian forces", None)}}) == read


@pytest.mark.model
def test_an_attack_told_in_a_side_clause_gives_the_events_doer(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Three people are killed after a Freedonian man carries out a stabbing attack in Townville."
    report = Report(outlet="Test Wire", title="t", published=date(2016, 6, 16), text=text, raw=text.encode(), id=1)
    attacks = [c for c in reader_pipeline.extract(report) if c.modality in EVENT_MODALITIES and c.event_type == "attack"]
    assert attacks and all(c.actor == "Unidentified armed group" for c in attacks), attacks
