"""An event the reader alone sees in a sentence takes the doer the trigger rules found there: the
trigger word's subject ("an attacker fired shots") is a surer doer than the sentence root's, even
when the rules' own claim gave way to the reader's type."""

from __future__ import annotations

from frontlines.extract.claims import _with_rules_doer
from frontlines.model import Claim

QUOTE = "An attacker threw a grenade and fired shots outside a hall in Freedonia Junction."


def claim(event_type: str, actor: str | None, target: str | None = None, controller: str | None = None) -> Claim:
    return Claim(report_id=None, event_type=event_type, quote=QUOTE, start=0, end=len(QUOTE), actor=actor, target_actor=target, controller_after=controller)


def test_the_readers_event_takes_the_one_doer_the_rules_found() -> None:
    read = [claim("explosion", "Freedonian forces")]
    fixed = _with_rules_doer(read, [claim("attack", "Unidentified armed group", "civilians")])
    assert [(c.actor, c.target_actor) for c in fixed] == [("Unidentified armed group", "civilians")]


def test_a_readers_capture_takes_the_doer_as_its_new_holder() -> None:
    fixed = _with_rules_doer([claim("territory_taken", "Sylvanian forces", controller="Sylvanian forces")], [claim("battle", "Freedonian forces")])
    assert (fixed[0].actor, fixed[0].controller_after) == ("Freedonian forces", "Freedonian forces")


def test_with_two_doers_or_none_the_reader_keeps_its_own() -> None:
    read = [claim("explosion", "Freedonian forces")]
    assert _with_rules_doer(read, [claim("attack", "Unidentified armed group"), claim("battle", "Sylvanian forces")]) == read
    assert _with_rules_doer(read, [claim("attack", None)]) == read
    assert _with_rules_doer(read, []) == read
