"""Deaths a flood, a crash, a fire or an epidemic caused are no war's casualties (the annotation
guide: accidents and disasters are no events), while shooting ("opened fire") and arson ("set fire
to") still tell their attack."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Claim, Report

pytestmark = pytest.mark.model

PUBLISHED = date(2019, 3, 5)


def read(pipeline, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return pipeline.extract(Report(outlet="Test Wire", title="", published=PUBLISHED, text=text, raw=text.encode(), id=1))


@pytest.mark.parametrize(
    "text",
    [
        "Floods killed 12 people in Beledweyne, Somalia, on Monday.",
        "Nine people died when a bus crashed near Kandahar, Afghanistan, on Monday.",
        "A fire at a market in Maiduguri, Nigeria, killed seven traders on Monday.",
        "Cholera has killed 40 people in Kassala, Sudan, since June.",
    ],
)
def test_deaths_of_a_disaster_are_no_casualties_of_war(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in read(pipeline, text) if c.event_type == "casualties"]


def test_deaths_in_fighting_stay_casualties(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Twelve soldiers were killed in Beledweyne, Somalia, on Monday.")
    assert any(c.event_type == "casualties" for c in claims), claims


def test_opening_fire_is_no_fire_disaster(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "Soldiers opened fire on protesters in Yangon, Myanmar, on Monday, killing four people.")
    assert any(c.event_type in ("attack", "casualties") for c in claims), claims


def test_combatants_captured_are_no_ground_taken(pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = read(pipeline, "The two sides exchanged eleven combatants captured during the fighting near Las Anod, Somalia.")
    assert not any(c.event_type == "territory_taken" for c in claims), claims



@pytest.mark.parametrize(
    "text",
    [
        "A hot air balloon crashed near Luxor, Egypt, on Monday. A tourist from Japan was killed and eight others were injured.",
        "A ferry capsized off Mombasa, Kenya, on Monday. At least 30 people were killed.",
    ],
)
def test_the_dead_told_just_after_a_disaster_are_its_dead(read_news, text: str) -> None:  # type: ignore[no-untyped-def]
    assert read_news(text, PUBLISHED) == []  # the trained reader alone would take the second sentence for an event


def test_the_dead_told_after_fighting_are_still_its_dead(read_news) -> None:  # type: ignore[no-untyped-def]
    text = "A ferry capsized off Mombasa, Kenya, on Monday. Separately, gunmen attacked a police post in Mombasa, killing two officers."
    assert any(c.event_type == "attack" for c in read_news(text, PUBLISHED))
    assert len(read_news("Fighting broke out near Kandahar, Afghanistan, on Monday. At least 30 people were killed.", PUBLISHED)) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "A landslide strikes the village of Bududa in eastern Uganda, with at least 40 people dead.",
        "A fire kills at least four people and injures eight in Lahore, Pakistan.",
        "A gas explosion at a market in Accra kills six people.",
    ],
)
def test_a_disaster_with_no_word_of_war_and_no_armed_side_tells_no_event(read_news, text: str) -> None:  # type: ignore[no-untyped-def]
    assert read_news(text, PUBLISHED) == []  # the trained reader alone would take a blow of nature for one


@pytest.mark.parametrize(
    "text",
    [
        "Protesters storm the parliament building in Tripoli, Libya, and set parts of it on fire.",
        "A drone attack causes a large fire at an oil depot in Belgorod, Russia.",
        "Artillery fire kills four civilians in Avdiivka, Ukraine.",
        "A car bomb explosion kills six people at a market in Baghdad.",
    ],
)
def test_a_disaster_word_beside_a_word_of_war_leaves_the_event(read_news, text: str) -> None:  # type: ignore[no-untyped-def]
    assert read_news(text, PUBLISHED), text
