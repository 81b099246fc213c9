"""A place's control timeline: from the baseline, through captures, fighting, disputes, province-wide
captures and captures next door, to spans with a holder (or contested), dates, events and confidence."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.control import BaselineEntry, ControlEvent, ControlRules, place_spans, span_on, summarise_provinces

IS, IRAQ, SYRIA = "Islamic State", "Iraqi forces", "Syrian forces"
RULES = ControlRules.load()


def day(d: int, month: int = 11) -> date:
    return date(2017, month, d)


def capture(event_id: int, on: date, actor: str, target: str | None = IS, **extra: object) -> ControlEvent:
    return ControlEvent(event_id, "territory_taken", on, "gn:1", actor, target, actor, 0.9, **extra)  # type: ignore[arg-type]


def fight(event_id: int, on: date, actor: str | None = IRAQ, target: str | None = IS, **extra: object) -> ControlEvent:
    return ControlEvent(event_id, "battle", on, "gn:1", actor, target, None, 0.75, **extra)  # type: ignore[arg-type]


def held(spans, on: date) -> str | None:  # type: ignore[no-untyped-def]
    span = span_on(spans, on)
    return span.label if span else None


BASE = [BaselineEntry("gn:1", IS, date(2017, 8, 1), "analyst")]


def test_the_timeline_starts_from_the_baseline_and_follows_a_capture() -> None:
    spans = place_spans("gn:1", BASE, [capture(1, day(17), IRAQ)], rules=RULES)
    assert [(s.label, s.start, s.end, s.basis) for s in spans] == [(IS, date(2017, 8, 1), day(17), "baseline"), (IRAQ, day(17), None, "event")]
    assert spans[0].confidence == 1.0 and spans[1].event_ids == (1,)
    assert held(spans, date(2017, 7, 31)) is None


def test_fighting_inside_makes_a_place_contested_until_a_capture_settles_it() -> None:
    spans = place_spans("gn:1", BASE, [fight(1, day(2)), fight(2, day(3)), capture(3, day(5), IRAQ)], rules=RULES)
    assert [held(spans, d) for d in (day(1), day(2), day(4), day(5))] == [IS, "contested", "contested", IRAQ]
    contested = span_on(spans, day(4))
    assert contested is not None and contested.contestants == (IRAQ, IS) and contested.event_ids == (1, 2)


def test_fighting_that_only_approaches_the_place_does_not_contest_it() -> None:
    spans = place_spans("gn:1", BASE, [fight(1, day(14), approach=True)], rules=RULES)
    assert held(spans, day(15)) == IS


def test_the_holder_fighting_in_its_own_place_keeps_holding_it() -> None:
    spans = place_spans("gn:1", BASE, [capture(1, day(3), IRAQ), fight(2, day(13), actor=IRAQ)], rules=RULES)
    assert held(spans, day(14)) == IRAQ


def test_fighting_that_stops_leaves_the_place_to_its_holder() -> None:
    spans = place_spans("gn:1", BASE, [fight(1, day(1, 9))], rules=RULES)
    assert held(spans, day(15, 9)) == "contested" and held(spans, day(15, 10)) == IS
    assert spans[-1].basis == "lapsed"


def test_a_partial_recapture_reopens_the_fight() -> None:
    events = [capture(1, day(9), SYRIA), fight(2, day(10), actor=IS, target=SYRIA), fight(3, day(18), actor=SYRIA), capture(4, day(19), SYRIA)]
    spans = place_spans("gn:1", BASE, events, rules=RULES)
    assert [held(spans, d) for d in (day(9), day(10), day(15), day(19))] == [SYRIA, "contested", "contested", SYRIA]


@pytest.mark.parametrize(("support", "expected"), [((3, 1), IRAQ), ((2, 1), IRAQ), ((1, 1), "contested"), ((1, 2), "contested")])
def test_a_disputed_capture_counts_only_when_one_side_is_told_by_twice_the_outlets(support: tuple[int, int], expected: str) -> None:
    disputed = capture(1, day(17), IRAQ, disputed=True, sides=((IRAQ, support[0]), (IS, support[1])))
    assert held(place_spans("gn:1", BASE, [disputed], rules=RULES), day(18)) == expected


def test_a_confirmed_dispute_is_settled_for_its_leading_side() -> None:
    disputed = capture(1, day(17), IRAQ, disputed=True, sides=((IRAQ, 1), (IS, 1)), verdict="confirm")
    assert held(place_spans("gn:1", BASE, [disputed], rules=RULES), day(18)) == IRAQ


def test_a_denial_told_by_more_outlets_leaves_the_place_to_its_holder() -> None:
    denied = capture(1, day(17), IRAQ, disputed=True, sides=(("denied", 3), (IRAQ, 1)))
    assert held(place_spans("gn:1", BASE, [denied], rules=RULES), day(18)) == IS


def test_a_rejected_event_moves_nothing() -> None:
    assert held(place_spans("gn:1", BASE, [capture(1, day(17), IRAQ, verdict="reject")], rules=RULES), day(18)) == IS


def test_a_hashd_capture_holds_the_place_for_the_iraqi_government() -> None:
    assert held(place_spans("gn:1", BASE, [capture(1, day(17), "Popular Mobilization Forces")], rules=RULES), day(18)) == IRAQ


def test_a_province_declared_free_takes_the_places_its_loser_held() -> None:
    area = capture(9, day(31, 8), IRAQ)
    assert held(place_spans("gn:1", BASE, area_events=[area], rules=RULES), day(1, 9)) == IRAQ
    kurdish = [BaselineEntry("gn:1", "Peshmerga", date(2017, 8, 1))]
    assert held(place_spans("gn:1", kurdish, area_events=[area], rules=RULES), day(1, 9)) == "Peshmerga"


def test_a_capture_next_door_ends_the_same_sides_fight() -> None:
    spans = place_spans("gn:1", BASE, [fight(1, day(2))], neighbour_events=[capture(2, day(3), IRAQ)], rules=RULES)
    assert held(spans, day(3)) == IRAQ and span_on(spans, day(3)).basis == "neighbour"  # type: ignore[union-attr]
    untouched = place_spans("gn:1", BASE, neighbour_events=[capture(2, day(3), IRAQ)], rules=RULES)
    assert held(untouched, day(4)) == IS


def test_a_well_told_capture_overrules_a_thin_earlier_one() -> None:
    thin = capture(1, day(1, 9), IRAQ, sides=((IRAQ, 1),))
    well_told = capture(2, day(17), IRAQ, sides=((IRAQ, 6),))
    spans = place_spans("gn:1", BASE, [thin, well_told], rules=RULES)
    assert held(spans, day(10)) == IS and held(spans, day(17)) == IRAQ


def test_a_contested_baseline_is_settled_by_a_capture() -> None:
    spans = place_spans("gn:1", [BaselineEntry("gn:1", "contested", date(2017, 8, 1))], [capture(1, day(3), SYRIA)], rules=RULES)
    assert [held(spans, d) for d in (day(1, 9), day(3))] == ["contested", SYRIA]


@pytest.mark.parametrize(
    ("trigger", "quote", "mention", "approach"),
    [
        ("surrounded", "The troops had surrounded Rawa on three sides.", "Rawa", True),
        ("clashed", "Army units clashed with ISIS fighters near the Akkas gas field.", "Akkas gas field", True),
        ("reached", "Troops reached the outskirts of Tel Afar.", "Tel Afar", True),
        ("reached", "Troops reached the center of Hawija on Wednesday.", "Hawija", False),
        ("pushed", "Iraqi forces pushed into al-Hawija from the north.", "al-Hawija", False),
        ("battling", "They had been battling the militants in and around al-Ayadiyah since Monday.", "al-Ayadiyah", False),
        ("stormed", "Iraqi forces stormed the border town of Husaybah.", "Husaybah", False),
    ],
)
def test_what_counts_as_only_approaching_a_place(trigger: str, quote: str, mention: str, approach: bool) -> None:
    assert RULES.approaches(trigger, quote, mention) is approach


def test_provinces_are_summarised_from_their_places() -> None:
    (anbar, kirkuk) = summarise_provinces([("IQ", "Anbar", IRAQ), ("IQ", "Anbar", IS), ("IQ", "Anbar", IRAQ), ("IQ", "Kirkuk", "contested")])
    assert anbar.holders == ((IRAQ, 2), (IS, 1)) and kirkuk.text == "contested 1"


def test_one_outlet_saying_a_side_took_ground_in_a_province_settles_no_town_s_fight() -> None:
    fought = [fight(1, day(9), IRAQ, IS)]
    lone = capture(9, day(10), IS, target=None)
    assert held(place_spans("gn:1", BASE, fought, area_events=[lone], rules=RULES), day(11)) == "contested"
    told_by_two = capture(9, day(10), IRAQ, target=None, sides=((IRAQ, 2),))
    assert held(place_spans("gn:1", BASE, fought, area_events=[told_by_two], rules=RULES), day(11)) == IRAQ
