"""Reading running narrative the way an analyst does (issue: narrative time, modality, partial outcomes,
several events in a sentence, references, actors with sides, numbers)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.extract import Pipeline
from frontlines.extract.lexicon import load_actors
from frontlines.ingest.dispatch import read_inputs
from frontlines.model import Claim, Report
from frontlines.theatres import DEFAULT_THEATRE, load_theatre

pytestmark = pytest.mark.model

PUBLISHED = date(2017, 11, 6)  # a Monday


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    """The rules read in the Iraq and Syria theatre: these sentences are written as its reports are,
    and some name no war (a report naming none is read as any war, its small towns unresolved)."""
    return Pipeline(reader="rules", theatre=load_theatre(DEFAULT_THEATRE))


def read(pipeline, text: str, title: str = "t", published: date = PUBLISHED) -> list[Claim]:  # type: ignore[no-untyped-def]
    return pipeline.extract(Report(outlet="Blog", title=title, published=published, text=text, raw=text.encode(), id=1))


def key(pipeline, name: str) -> str:  # type: ignore[no-untyped-def]
    return pipeline.gazetteer.lookup(name)[0][0].key


def told(pipeline, claims: list[Claim]) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    names = {}
    for c in claims:
        names[c.place.key] = c.place.name
    return {(c.event_type, c.place.name, c.date.value.isoformat()) for c in claims}


# 1. Narrative time -----------------------------------------------------------------------------------
def test_relative_days_count_from_the_date_the_story_last_set(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Starting on October 26, the joint forces launched an offensive on al-Qaim. "
        "The day before, aircraft had bombed Husaybah. "
        "By October 28 the army had entered Karabila. "
        "The next day militants attacked Rawa. "
        "Two days later troops stormed Ubaydi."
    )
    found = told(pipeline, read(pipeline, text))
    assert ("operation_start", "al-Qaim", "2017-10-26") in found
    assert ("airstrike", "Husaybah", "2017-10-25") in found
    assert ("battle", "Karabila", "2017-10-28") in found
    assert ("attack", "Rawa", "2017-10-29") in found
    assert ("battle", "Ubaydi", "2017-10-31") in found


def test_an_aside_about_an_earlier_event_is_dated_from_the_main_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Troops reached the centre of Hawija on Wednesday, a day after the army took Abbasi."
    found = told(pipeline, read(pipeline, text, published=date(2017, 10, 4)))
    assert ("battle", "Hawija", "2017-10-04") in found and ("territory_taken", "Abbasi", "2017-10-03") in found


def test_vague_spans_keep_their_precision(pipeline) -> None:  # type: ignore[no-untyped-def]
    (week,) = read(pipeline, "Militants attacked an army post in Rawa last week.")
    assert (week.date.precision, week.date.value, week.date.until) == ("range", date(2017, 10, 30), date(2017, 11, 5))
    (month,) = read(pipeline, "The group attacked Anah in September.")
    assert (month.date.precision, month.date.value) == ("month", date(2017, 9, 1))


def test_a_day_in_the_headline_starts_the_story(pipeline) -> None:  # type: ignore[no-untyped-def]
    (claim,) = read(pipeline, "Iraqi forces freed the town of Rawa.", title="17 November: Rawa freed", published=date(2017, 11, 20))
    assert claim.date.value == date(2017, 11, 17)


def test_a_report_without_a_date_takes_it_from_its_citations_flagged_as_inferred(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        "title: How Qaim fell\noutlet: A Blog\n\nThe army freed Qaim and the border crossing.\n\n"
        'Iraqi News, "Iraqi forces retake Qaim," 11/3/17\n',
        encoding="utf-8",
    )
    (report,) = list(read_inputs([path]))
    assert isinstance(report, Report) and report.published == date(2017, 11, 3) and report.published_inferred


def test_citation_lines_assert_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = 'Fighting went on in Rawa yesterday.\n\nSOURCES\n\nIraqi News, "Iraqi forces retake Qaim," 11/3/17'
    assert {c.event_type for c in read(pipeline, text)} == {"battle"}


# 2. Modality -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The next objective is to retake Anah.", None),
        ("The plan was to seize Rawa before winter.", None),
        ("Commanders were hoping to free Hawija within a week.", None),
        ("The army did not enter Rawa on Sunday.", None),
        ("Has the army taken Rawa?", None),
        ("There were stories that the militants fled Rawa on Sunday.", "hedged"),
        ("Militants reportedly fled Rawa on Sunday.", "hedged"),
        ("The commander said troops freed Rawa on Sunday.", "reported_speech"),
        ("Troops freed Rawa on Sunday.", "asserted"),
    ],
)
def test_modality_is_kept_and_only_what_happened_makes_events(pipeline, sentence: str, modality: str | None) -> None:  # type: ignore[no-untyped-def]
    found = read(pipeline, sentence)
    assert [c.modality for c in found] == ([modality] if modality else [])


def test_reported_speech_names_its_speaker_and_hedged_claims_weigh_less(pipeline) -> None:  # type: ignore[no-untyped-def]
    (said,) = read(pipeline, "Lt. Gen. Abdul Amir Yarallah said troops freed Rawa on Sunday.")
    (hedged,) = read(pipeline, "Militants reportedly fled Rawa on Sunday.")
    (plain,) = read(pipeline, "Troops freed Rawa on Sunday.")
    assert said.speaker and "Yarallah" in said.speaker
    assert hedged.confidence < said.confidence <= plain.confidence


# 3. Partial and ongoing outcomes ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The commander said 70% of Rawa was recaptured on Sunday.",
        "Troops reached the center of Rawa on Sunday.",
        "The army was stopped outside Sharqat by roadside bombs on Sunday.",
        "The militants were hemmed in at Rawa on Sunday.",
        "Troops besieged Rawa on Sunday.",
        "Iraqi forces entered Rawa on Sunday.",
    ],
)
def test_partial_and_ongoing_outcomes_are_battles_never_captures(pipeline, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = read(pipeline, sentence)
    assert found and {c.event_type for c in found} <= {"battle", "attack", "explosion"}


# 4. Several events in one sentence -------------------------------------------------------------------
def test_a_field_taken_with_villages_around_a_town_does_not_take_the_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = read(pipeline, "On September 29 the Alas oil field had been seized along with several villages around Zab.")
    assert [(c.event_type, c.place.key) for c in found] == [("territory_taken", key(pipeline, "Alas oil field"))]


def test_push_in_one_day_and_capture_the_next_are_two_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On October 4 the troops pushed into Hawija from the north and freed it by the next day together with the Riyadh district."
    found = told(pipeline, read(pipeline, text))
    assert ("battle", "Hawija", "2017-10-04") in found
    assert ("territory_taken", "Hawija", "2017-10-05") in found
    assert ("territory_taken", "Riyadh", "2017-10-05") in found


# 5. Reference within a paragraph ---------------------------------------------------------------------
def test_the_town_and_the_group_point_back_at_what_was_just_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = read(pipeline, "Troops surrounded Rawa on Sunday. The militants abandoned the town two days later.")
    withdrawal = [c for c in found if c.event_type == "withdrawal"]
    assert withdrawal and withdrawal[0].place.key == key(pipeline, "Rawa")
    assert withdrawal[0].actor == "Islamic State" and withdrawal[0].date.value == date(2017, 11, 7)


# 6. Actors with sides --------------------------------------------------------------------------------
def test_actors_come_from_a_table_the_user_can_extend(tmp_path: Path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "my_actors.yaml"
    extra.write_text("Iraqi forces:\n  aliases: [Golden Lions brigade]\n", encoding="utf-8")
    pipeline = Pipeline(gazetteer=gazetteer, actors=load_actors(extra))
    (claim,) = read(pipeline, "The Golden Lions brigade freed Rawa on Sunday.")
    assert claim.actor == "Iraqi forces" and claim.target_actor is None or claim.target_actor != "Iraqi forces"


# 7. Numbers ------------------------------------------------------------------------------------------
def test_fatalities_by_side_lower_bounds_wounded_and_vehicles_apart(pipeline) -> None:  # type: ignore[no-untyped-def]
    (both,) = read(pipeline, "Two soldiers and 13 militants were killed in clashes in Rawa on Sunday.")
    assert both.fatalities == 15 and dict(both.fatalities_by_actor) == {"Iraqi forces": 2, "Islamic State": 13}
    (bound,) = read(pipeline, "At least 20 people were killed and 35 wounded when a car bomb exploded in Hit on Sunday.")
    assert (bound.fatalities, bound.fatalities_at_least, bound.wounded) == (20, True, 35)
    (vague,) = read(pipeline, "Dozens of militants were killed in air strikes on Rawa on Sunday.")
    assert vague.fatalities is None and vague.fatalities_vague
    (vehicles,) = read(pipeline, "Aircraft destroyed four car bombs and killed 12 militants in Rawa on Sunday.")
    assert (vehicles.fatalities, vehicles.vehicles_destroyed) == (12, 4)
