"""Claims about one happening become one event listing every source; who took a place is never merged away."""

from __future__ import annotations

from datetime import date

from frontlines.fuse import fuse
from frontlines.model import Claim, DateValue, Place

RAWA = Place(key="gn:1", name="Rawa", lat=34.47, lon=41.91, country="IQ", admin1="Anbar")


def claim(claim_id: int, report_id: int, actor: str | None, confidence: float = 0.8) -> Claim:
    return Claim(
        id=claim_id, report_id=report_id, event_type="territory_taken", quote="q", start=0, end=1, actor=actor,
        place=RAWA, date=DateValue(date(2017, 11, 17)), confidence=confidence,
    )  # fmt: skip


def test_claims_of_one_happening_from_several_outlets_make_one_event() -> None:
    (event,) = fuse([claim(1, 10, "Iraqi forces"), claim(2, 11, "Iraqi forces"), claim(3, 12, None)], {10: "A", 11: "B", 12: "C"})
    assert event.claim_ids == (1, 2, 3) and event.event.actor == "Iraqi forces"


def test_claims_naming_different_actors_stay_apart() -> None:
    fused = fuse([claim(1, 10, "Iraqi forces"), claim(2, 11, "Islamic State")], {10: "A", 11: "B"})
    assert sorted(f.event.actor for f in fused) == ["Iraqi forces", "Islamic State"]


def test_independent_outlets_count_more_than_one_outlet_repeating_itself() -> None:
    (two_outlets,) = fuse([claim(1, 10, "Iraqi forces", 0.6), claim(2, 11, "Iraqi forces", 0.6)], {10: "A", 11: "B"})
    (one_outlet,) = fuse([claim(1, 10, "Iraqi forces", 0.6), claim(2, 11, "Iraqi forces", 0.6)], {10: "A", 11: "A"})
    assert two_outlets.event.confidence > one_outlet.event.confidence == 0.6


def test_planned_and_negated_claims_make_no_event() -> None:
    planned = Claim(id=9, report_id=10, event_type="territory_taken", quote="q", start=0, end=1, place=RAWA, modality="planned")
    assert fuse([planned], {10: "A"}) == []


def test_fusion_is_deterministic() -> None:
    claims = [claim(i, 10 + i, "Iraqi forces") for i in range(5)]
    outlets = {10 + i: f"O{i}" for i in range(5)}
    assert fuse(claims, outlets) == fuse(list(reversed(claims)), outlets)
