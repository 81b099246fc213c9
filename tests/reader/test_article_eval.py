"""Event-level scoring of articles: one event told twice counts once; articles are dated as they print."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from frontlines.evaluate import GoldEvent, same_place
from frontlines.model import WITHIN, Claim, DateValue, Place
from frontlines.reader.article_eval import one_per_event, printed_date

SYRIA = Place(key="gn:1", name="Syria", lat=35.0, lon=38.0, country="SY", feature_code="PCLI")
IDLIB_PROVINCE = Place(key="gn:2", name="Idlib", lat=35.8, lon=36.6, country="SY", admin1="Idlib", feature_code="ADM1")
TOWN = Place(key="gn:3", name="Townville", lat=35.9, lon=36.6, country="SY", admin1="Idlib", feature_code="PPL")
DAY = DateValue(date(2016, 8, 14))


def strike(place: Place | None, mention: str | None = None) -> Claim:
    return Claim(report_id=1, event_type="airstrike", quote="q", start=0, end=1, place=place, place_mention=mention, date=DAY)


def test_a_headline_and_its_body_telling_one_strike_count_once() -> None:
    assert one_per_event([strike(TOWN), strike(TOWN)]) == [strike(TOWN)]


def test_one_strike_told_as_fact_and_as_a_partys_word_counts_once() -> None:
    assert one_per_event([strike(TOWN), replace(strike(TOWN), modality="reported_speech")]) == [strike(TOWN)]


def test_two_spots_within_one_town_are_two_events() -> None:
    within = [replace(strike(TOWN, mention), place_precision=WITHIN) for mention in ("Qaryat Zandorra", "Tell Zandorra")]
    assert one_per_event(within) == within


def test_a_vaguer_telling_joins_the_finer_one() -> None:
    assert one_per_event([strike(SYRIA), strike(IDLIB_PROVINCE), strike(None), strike(TOWN)]) == [strike(TOWN)]


def test_a_place_no_gazetteer_holds_is_its_own_event() -> None:
    assert len(one_per_event([strike(None, "Kafr Zaytoun"), strike(TOWN)])) == 2


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Wed 05 Apr 2017 Strikes hit the north", date(2017, 4, 5)),
        ("Car bomb kills six in the city NGO AFP Monday 17 Mar 2014 Six people were killed", date(2014, 3, 17)),
        ("Last updated at Oct 042017 NORTHTOWN A strike hit the market", date(2017, 10, 4)),  # its comma stripped
        ("Published Aug 12016 Shelling resumed", date(2016, 8, 1)),
        ("24.08.2013 State media said on Saturday that rebels fired shells", date(2013, 8, 24)),  # dots: day first
        ("01-10-2014 Twin car bombs hit the city", date(2014, 10, 1)),  # dashes: day first
        ("A headline with no date at all", None),
    ],
)
def test_an_article_is_dated_by_the_date_it_prints(text: str, day: date | None) -> None:
    assert printed_date(text) == day


def gold_at(place: str, written: str) -> GoldEvent:
    return GoldEvent(
        file="f", line=1, event_type="airstrike", place=place, country="SY", date="2016-08-14", actor=None, fatalities=None,
        quote="q", required=True, resolved=None, place_words=written,
    )  # fmt: skip


def test_a_village_no_gazetteer_holds_matches_the_words_the_text_writes() -> None:
    gold = gold_at("Tall Zandurah", "Tell Zandorra")  # the annotator's spelling, and the article's
    assert same_place(strike(None, "Tell Zandorra"), gold)
    assert same_place(strike(None, "Tall Zandurah"), gold)
    assert not same_place(strike(None, "Kafr Zaytoun"), gold)
