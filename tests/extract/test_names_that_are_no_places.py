"""A place name inside a group's name, or a people's name a gazetteer also lists, is no place of the
sentence: "Ahrar al-Sham fighters" were not in Damascus (al-Sham), "a district home to Alawites" is no town;
nor is a namesake on another continent of a village in the country the story names."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim, Report

pytestmark = pytest.mark.model


def news_of(pipeline, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    report = Report(outlet="Test Wire", title="t", published=date(2016, 6, 16), text=text, raw=text.encode(), id=1)
    return [c for c in pipeline.extract(report) if c.modality in EVENT_MODALITIES]


def test_a_place_inside_a_groups_name_is_not_where_it_happened(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = news_of(reader_pipeline, "Ahrar al-Sham fighters shelled army positions near Idlib on Thursday.")
    assert claims and not any(c.place is not None and c.place.name == "Damascus" for c in claims), claims


def test_a_peoples_name_is_no_town(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = news_of(reader_pipeline, "Mortar shells hit a district of Latakia home to Alawites on Thursday, killing two people.")
    assert claims and not any((c.place_mention or "").lower().startswith("alawite") for c in claims), claims


def test_a_namesake_province_on_another_continent_is_not_the_place(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = news_of(reader_pipeline, "Soldiers repelled an attack on the village of Qayib in central Somalia on Thursday, killing ten militants.")
    assert claims and not any(c.place is not None and c.place.country != "SO" for c in claims), claims


def test_a_city_of_a_neighbour_the_war_spills_into_stays(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    claims = news_of(reader_pipeline, "Kenyan troops shelled Kismayo on Thursday, killing two fighters.")
    assert any(c.place is not None and c.place.name == "Kismayo" for c in claims), claims
