"""Claims about one happening become one event listing every source; contradictions stay together as
one disputed event; fighting, strikes and bombs on different days or by rival actors stay apart."""

from __future__ import annotations

import json
from datetime import date

import pytest

from frontlines.demo import demo_corpus_dir
from frontlines.fuse import ReportInfo, fuse
from frontlines.fusion_eval import gold_claims, read_gold_clusters, score_clustering
from frontlines.model import Claim, DateValue, Place

RAWA = Place(key="gn:1", name="Rawa", lat=34.47, lon=41.91, country="IQ", admin1="Anbar", feature_code="PPL", feature_class="P")
ANAH = Place(key="gn:2", name="Anah", lat=34.37, lon=41.98, country="IQ", admin1="Anbar", feature_code="PPL", feature_class="P")
ANBAR = Place(key="gn:3", name="Anbar", lat=34.0, lon=41.7, country="IQ", admin1="Anbar", feature_code="ADM1", feature_class="A")
HUSAYBAH = Place(key="fl:h", name="Husaybah", lat=34.392, lon=40.989, country="IQ", admin1="Anbar", feature_code="PPL", feature_class="P")
CROSSING = Place(key="fl:hc", name="Husaybah border crossing", lat=34.415, lon=40.955, country="IQ", admin1="Anbar", feature_code="PSTB", feature_class="S")
OUTLETS = {10: "A", 11: "B", 12: "C", 13: "D"}


def claim(
    claim_id: int, report_id: int, actor: str | None = "Iraqi forces", *, event_type: str = "territory_taken",
    place: Place = RAWA, day: date = date(2017, 11, 17), precision: str = "day", confidence: float = 0.8,
    modality: str = "asserted", trigger: str = "", target: str | None = None,
) -> Claim:  # fmt: skip
    return Claim(
        id=claim_id, report_id=report_id, event_type=event_type, quote="q", start=claim_id, end=claim_id + 1, actor=actor,
        target_actor=target, controller_after=actor if event_type == "territory_taken" else None, place=place,
        date=DateValue(day, precision), confidence=confidence, modality=modality, trigger=trigger,
    )  # fmt: skip


def test_claims_of_one_happening_from_several_outlets_make_one_event() -> None:
    (event,) = fuse([claim(1, 10), claim(2, 11), claim(3, 12, None)], OUTLETS)
    assert event.claim_ids == (1, 2, 3) and event.event.actor == "Iraqi forces"
    assert event.facts.corroboration == 3 and not event.facts.disputed


def test_the_earliest_report_and_the_outlets_are_listed() -> None:
    reports = {10: ReportInfo("Xinhua", date(2017, 11, 18)), 11: ReportInfo("Iraqi News", date(2017, 11, 17)), 12: ReportInfo("Xinhua", date(2017, 11, 19))}
    (event,) = fuse([claim(1, 10), claim(2, 11), claim(3, 12)], reports)
    assert event.facts.first_report_id == 11 and event.facts.first_reported == date(2017, 11, 17)
    assert (event.facts.outlets, event.facts.reports, event.facts.corroboration) == (2, 3, 2)


def test_independent_outlets_count_more_than_one_outlet_repeating_itself() -> None:
    (two_outlets,) = fuse([claim(1, 10, confidence=0.6), claim(2, 11, confidence=0.6)], {10: "A", 11: "B"})
    (one_outlet,) = fuse([claim(1, 10, confidence=0.6), claim(2, 11, confidence=0.6)], {10: "A", 11: "A"})
    assert two_outlets.event.confidence > one_outlet.event.confidence == 0.6
    assert (two_outlets.facts.corroboration, one_outlet.facts.corroboration) == (2, 1)


@pytest.mark.parametrize(("days_apart", "one_event"), [(0, True), (1, True), (2, True), (3, False)])
def test_a_capture_dated_a_day_or_two_apart_is_one_capture(days_apart: int, one_event: bool) -> None:
    fused = fuse([claim(1, 10, day=date(2017, 11, 17)), claim(2, 11, day=date(2017, 11, 17 + days_apart))], OUTLETS)
    assert (len(fused) == 1) is one_event


def test_air_strikes_on_consecutive_days_are_two_events() -> None:
    strikes = [claim(1, 10, event_type="airstrike", day=date(2017, 11, 16)), claim(2, 11, event_type="airstrike", day=date(2017, 11, 17))]
    assert len(fuse(strikes, OUTLETS)) == 2


def test_members_must_all_agree_so_days_do_not_chain() -> None:
    days = [date(2017, 11, 13), date(2017, 11, 15), date(2017, 11, 17)]
    fused = fuse([claim(i, 10 + i, day=d) for i, d in enumerate(days, start=1)], {11: "A", 12: "B", 13: "C"})
    assert len(fused) == 2


def test_a_month_precise_claim_joins_the_capture_most_sources_tell() -> None:
    claims = [claim(1, 10, day=date(2017, 11, 3)), claim(2, 11, day=date(2017, 11, 17)), claim(3, 12, day=date(2017, 11, 17)),
              claim(4, 13, day=date(2017, 11, 1), precision="month")]  # fmt: skip
    by_claim = {cid: f.key for f in fuse(claims, OUTLETS) for cid in f.claim_ids}
    assert by_claim[4] == by_claim[2] != by_claim[1]


def test_a_crossing_fuses_with_the_town_it_is_named_after() -> None:
    (event,) = fuse([claim(1, 10, place=HUSAYBAH), claim(2, 11, place=CROSSING)], OUTLETS)
    assert event.event.place == CROSSING  # the more precise place


def test_a_vague_province_claim_joins_the_capture_of_a_town_in_it() -> None:
    claims = [claim(1, 10, place=ANAH), claim(2, 11, place=ANBAR)]
    (event,) = fuse(claims, OUTLETS)
    assert event.event.place == ANAH


def test_a_province_declared_free_by_a_report_that_names_the_town_stays_its_own_event() -> None:
    claims = [claim(1, 10, place=ANAH), claim(2, 11, place=ANAH), claim(3, 11, place=ANBAR)]
    assert sorted(len(f.claim_ids) for f in fuse(claims, OUTLETS)) == [1, 2]


def test_two_towns_are_never_one_event() -> None:
    assert len(fuse([claim(1, 10, place=RAWA), claim(2, 11, place=ANAH)], OUTLETS)) == 2


def test_a_town_taken_by_rival_actors_is_one_disputed_event_with_both_sides() -> None:
    claims = [claim(1, 10, "Iraqi forces"), claim(2, 11, "Iraqi forces"), claim(3, 12, "Islamic State")]
    (event,) = fuse(claims, OUTLETS)
    assert event.facts.disputed and [s.name for s in event.facts.sides] == ["Iraqi forces", "Islamic State"]
    assert [s.support for s in event.facts.sides] == [2, 1] and event.event.actor == "Iraqi forces"
    assert event.event.confidence < fuse(claims[:2], OUTLETS)[0].event.confidence


def test_a_repelled_attack_contradicts_the_capture() -> None:
    repelled = claim(3, 12, "Islamic State", event_type="battle", trigger="repelled", target="Iraqi forces")
    (event,) = fuse([claim(1, 10), claim(2, 11), repelled], OUTLETS)
    assert event.facts.disputed and event.side_of_claim[3] == "Islamic State"


def test_a_denial_joins_the_capture_it_denies() -> None:
    denial = claim(3, 12, None, modality="negated")
    (event,) = fuse([claim(1, 10), denial], OUTLETS)
    assert event.facts.disputed and event.side_of_claim[3] == "denied" and event.event.actor == "Iraqi forces"


def test_a_denial_of_nothing_makes_no_event() -> None:
    assert fuse([claim(1, 10, None, modality="negated")], OUTLETS) == []


def test_allies_tell_one_capture_without_dispute() -> None:
    (event,) = fuse([claim(1, 10, "Iraqi forces"), claim(2, 11, "Popular Mobilization Forces")], OUTLETS)
    assert not event.facts.disputed


def test_fighting_told_from_either_side_is_one_battle() -> None:
    ours = claim(1, 10, "Iraqi forces", event_type="battle", target="Islamic State")
    theirs = claim(2, 11, "Islamic State", event_type="battle")
    assault = claim(3, 12, "Iraqi forces", event_type="attack", target="Islamic State")
    (event,) = fuse([ours, theirs, assault], OUTLETS)
    assert event.event.event_type == "battle" and not event.facts.disputed


def test_fighting_between_three_sides_is_not_one_battle() -> None:
    iraqis = claim(1, 10, "Iraqi forces", event_type="battle", target="Islamic State")
    syrians = claim(2, 11, "Syrian forces", event_type="battle", target="Islamic State")
    assert len(fuse([iraqis, syrians], OUTLETS)) == 2


def test_strikes_by_different_actors_stay_apart() -> None:
    strikes = [claim(1, 10, "Iraqi forces", event_type="airstrike"), claim(2, 11, "US-led coalition", event_type="airstrike")]
    assert len(fuse(strikes, OUTLETS)) == 2


def test_planned_claims_make_no_event() -> None:
    assert fuse([claim(9, 10, modality="planned")], OUTLETS) == []


def test_fusion_is_deterministic_whatever_the_order_of_the_claims() -> None:
    claims = [claim(i, 10 + i % 4, day=date(2017, 11, 16 + i % 3)) for i in range(1, 9)] + [claim(20, 12, "Islamic State")]
    assert fuse(claims, OUTLETS) == fuse(list(reversed(claims)), OUTLETS)


def test_an_analyst_verdict_on_a_claim_marks_its_event() -> None:
    (event,) = fuse([claim(1, 10), claim(2, 11)], OUTLETS, verdicts={2: (7, "reject"), 1: (3, "confirm")})
    assert event.facts.verdict == "reject"


CLUSTERS = demo_corpus_dir().parent / "clusters.gold.jsonl"


def test_fusion_of_the_demo_gold_claims_meets_the_gold_clustering(gazetteer) -> None:  # type: ignore[no-untyped-def]
    """Fusion alone, on the demo's claims as if extracted perfectly, against the hand-made clustering."""
    claims, stems, headers = gold_claims(demo_corpus_dir(), gazetteer)
    members = read_gold_clusters(demo_corpus_dir().parent / "clusters.gold.jsonl", gazetteer)
    # the clustering was made by hand for the reports it lists; reports added later are not in it yet
    clustered = {
        entry if isinstance(entry, str) else entry["report"]
        for line in CLUSTERS.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for entry in json.loads(line)["reports"]
    }
    claims = [c for c in claims if stems[c.report_id or 0] in clustered]
    fused = fuse(claims, {rid: ReportInfo(*header) for rid, header in headers.items()})
    event_of = {cid: f.key for f in fused for cid in f.claim_ids}
    scores = score_clustering(((c, stems[c.report_id or 0], event_of.get(c.id or 0)) for c in claims), members)
    assert scores.unmatched == 0 and scores.claims == len(claims)  # the gold clustering covers every gold claim
    assert scores.f1 >= 0.95, scores.as_dict()
