"""A report that lost its commas still lists places: "the villages of Kafr Alfa Tal Beta and Zorbaya" is three
villages, each an event, as the same list with its commas would be; a lone two-word name stays whole."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.extract import Pipeline
from frontlines.extract.glued_lists import glued_items, lost_its_commas
from frontlines.model import Report

BACKGROUND = (
    " Residents said the night was quiet afterwards and that shops opened in the morning while families waited"
    " for news from relatives who had fled to the countryside during the previous weeks of fighting in the area."
    " Aid workers said roads to the north stayed closed and that fuel and bread were short in every market they"
    " visited during the week."
)


def names(sentence: str) -> list[str]:
    return [sentence[start:end] for start, end in glued_items(sentence)]


def test_a_run_of_names_closed_by_and_is_cut_at_each_capitalised_word() -> None:
    assert names("Jets bombed the towns of Marzuq Hadiya Kafr Alfa and Tal Beta in the north.") == ["Marzuq", "Hadiya", "Kafr Alfa", "Tal Beta"]


def test_an_article_and_the_word_after_an_opener_stay_with_their_name() -> None:
    assert names("Clashes raged in Qarya al-Gamma Deir Zeta and Jabal al Rahw areas on Monday.") == ["Qarya al-Gamma", "Deir Zeta", "Jabal al Rahw"]


def test_a_plural_settlement_noun_opens_a_list_without_and() -> None:
    assert names("Shells fell on the villages of Marzuq Hadiya Zorbaya overnight.") == ["Marzuq", "Hadiya", "Zorbaya"]


@pytest.mark.parametrize("sentence", ["Fighting raged in Kafr Alfa on Monday.", "Shells fell on the village of Qustal Zeta overnight."])
def test_a_lone_name_of_two_words_is_no_list(sentence: str) -> None:
    assert names(sentence) == []


def test_a_report_has_lost_its_commas_only_when_a_long_text_has_none() -> None:
    assert lost_its_commas("Jets struck the town." + BACKGROUND * 2)
    assert not lost_its_commas("Jets struck the town, a monitor said." + BACKGROUND * 2)
    assert not lost_its_commas("Jets struck the town.")


@pytest.mark.model
def test_each_village_of_a_list_without_commas_is_an_event(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked the villages of Kafr Alfa Tal Beta and Zorbaya on Sunday killing nine people." + BACKGROUND * 2
    unjudged = Pipeline(nlp=reader_pipeline.nlp, gazetteer=reader_pipeline.gazetteer, judge=None)  # what the extractor reads, before the judge weighs it
    report = Report(outlet="Test Wire", title="t", published=date(2016, 8, 15), text=text, raw=text.encode(), id=1)
    places = [c.place_mention for c in unjudged.extract(report) if c.event_type == "attack"]
    assert places == ["Kafr Alfa", "Tal Beta", "Zorbaya"]
