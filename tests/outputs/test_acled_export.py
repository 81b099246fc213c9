"""The ACLED export: ACLED's columns in ACLED's order, ACLED's event and sub-event types chosen by
the mapping in data/exports/acled.yaml, precision and actor codes from our data, URLs in the notes,
and cells a spreadsheet shows as text. It loads with pandas."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas
import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.errors import FrontlinesError
from frontlines.model import Event, Place, Source
from frontlines.outputs.acled import ACLED_COLUMNS, acled_row, events_to_acled_csv
from frontlines.outputs.acled_mapping import bundled_mapping_path, load_acled_mapping
from frontlines.theatres import load_theatre

# ACLED's columns and vocabulary, copied by hand from the ACLED Codebook (2023-2024)
ACLED_CODEBOOK_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
ACLED_VOCABULARY = {
    "Battles": {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}  # fmt: skip

RAWA = Place(key="gn:92004", name="Rawa", lat=34.48229, lon=41.91898, country="IQ", admin1="Anbar", geonames_id=92004)
ANBAR = Place(key="fl:anbar", name="Anbar", lat=33.4, lon=42.0, country="IQ", admin1="Anbar", feature_code="ADM1")


def source(quote: str, *, url: str | None = "https://example.org/rawa", outlet: str = "Iraqi News", day: date = date(2017, 11, 17)) -> Source:
    return Source(report_id=1, outlet=outlet, title="Rawa freed", published=day, url=url, quote=quote, start=0, end=len(quote))


def event(event_type: str, actor: str | None = "Iraqi forces", target: str | None = "Islamic State", *sources: Source, **changes: object) -> Event:
    fields: dict[str, object] = dict(
        event_type=event_type, date=date(2017, 11, 17), date_precision="day", actor=actor, target_actor=target,
        controller_after=None, fatalities=None, place=RAWA, place_name="Rawa", confidence=0.8,
        sources=sources or (source("Iraqi forces retook Rawa."),), place_precision="town", id=7,
    )  # fmt: skip
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def row(ev: Event) -> dict[str, object]:
    return acled_row(ev, load_acled_mapping(), load_theatre())


def test_the_columns_are_acled_s_in_acled_s_order() -> None:
    assert list(ACLED_COLUMNS) == ACLED_CODEBOOK_COLUMNS


def test_every_rule_of_the_mapping_names_an_acled_event_type_and_one_of_its_sub_types() -> None:
    mapping = load_acled_mapping()
    for rules in mapping.rules.values():
        for rule in rules:
            assert rule.sub_event_type in ACLED_VOCABULARY[rule.event_type], rule
        assert rules[-1].actor is None and rules[-1].words is None and not rules[-1].target  # the last always fits


@pytest.mark.parametrize(
    ("ev", "acled_type", "sub_type"),
    [
        (event("territory_taken", "Iraqi forces"), "Battles", "Government regains territory"),
        (event("territory_taken", "Popular Mobilization Forces"), "Battles", "Government regains territory"),
        (event("territory_taken", "US-led coalition"), "Battles", "Government regains territory"),  # an affiliate
        (event("territory_taken", "Islamic State", "Iraqi forces"), "Battles", "Non-state actor overtakes territory"),
        (event("territory_taken", "Syrian Democratic Forces"), "Battles", "Non-state actor overtakes territory"),
        (event("battle"), "Battles", "Armed clash"),
        (event("attack", "Islamic State", "civilians"), "Violence against civilians", "Attack"),
        (event("attack", "Islamic State", "Iraqi forces"), "Battles", "Armed clash"),
        (event("airstrike", "US-led coalition"), "Explosions/Remote violence", "Air/drone strike"),
        (event("explosion", "Islamic State", None, source("A suicide bomber struck a checkpoint in Rawa.")), "Explosions/Remote violence", "Suicide bomb"),
        (event("explosion", "Islamic State", None, source("Mortar shells fell on Rawa.")), "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        (event("explosion", "Islamic State", None, source("A roadside bomb went off near Rawa.")), "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        (event("operation_start"), "Strategic developments", "Change to group/activity"),
        (event("withdrawal", "Islamic State", None, controller_after="Iraqi forces"), "Strategic developments", "Non-violent transfer of territory"),
        (event("withdrawal", "Islamic State", None), "Strategic developments", "Change to group/activity"),
        (event("casualties", None, "civilians"), "Violence against civilians", "Attack"),
        (event("other"), "Strategic developments", "Other"),
    ],
    ids=lambda value: value.event_type + ":" + str(value.actor) if isinstance(value, Event) else None,
)
def test_each_event_type_maps_onto_acled_s_types_by_its_actors_and_words(ev: Event, acled_type: str, sub_type: str) -> None:
    found = row(ev)
    assert (found["event_type"], found["sub_event_type"]) == (acled_type, sub_type)
    assert found["disorder_type"] == ("Strategic developments" if acled_type == "Strategic developments" else "Political violence")


def test_actor_types_come_from_the_theatre_and_make_the_interaction_code() -> None:
    taken = row(event("territory_taken", "Iraqi forces", "Islamic State"))
    assert (taken["inter1"], taken["inter2"], taken["interaction"], taken["civilian_targeting"]) == (1, 2, 12, "")
    on_civilians = row(event("attack", "Islamic State", "civilians"))
    assert (on_civilians["inter1"], on_civilians["inter2"], on_civilians["interaction"]) == (2, 7, 27)
    assert on_civilians["civilian_targeting"] == "Civilian targeting"
    alone = row(event("airstrike", "US-led coalition", None))
    assert (alone["inter1"], alone["inter2"], alone["interaction"]) == (8, "", 80)
    nobody = row(event("explosion", None, None, source("A car bomb exploded in Rawa.")))
    assert (nobody["actor1"], nobody["inter1"], nobody["interaction"]) == ("Unidentified Armed Group (Iraq)", 3, 30)


def test_dates_places_and_precisions_take_acled_s_codes() -> None:
    found = row(event("territory_taken"))
    assert (found["event_id_cnty"], found["event_date"], found["year"], found["time_precision"]) == ("IRQ7", "2017-11-17", 2017, 1)
    assert (found["iso"], found["region"], found["country"], found["admin1"], found["location"]) == (368, "Middle East", "Iraq", "Anbar", "Rawa")
    assert (found["latitude"], found["longitude"], found["geo_precision"]) == (34.48229, 41.91898, 1)
    vague = row(event("battle", date=date(2017, 11, 1), date_precision="month", place=ANBAR, place_precision="province"))
    assert (vague["time_precision"], vague["geo_precision"]) == (3, 3)
    nowhere = row(event("battle", place=None, place_name="the desert", place_precision=None))
    assert (nowhere["event_id_cnty"], nowhere["location"], nowhere["latitude"], nowhere["geo_precision"]) == ("XXX7", "the desert", "", "")


def test_sources_notes_and_fatalities_carry_outlets_urls_and_the_toll() -> None:
    two = (source("Iraqi forces retook Rawa.", url="https://a.example/1"),
           source("Rawa was freed.", url="https://b.example/2", outlet="Xinhua", day=date(2017, 11, 18)))  # fmt: skip
    found = row(event("territory_taken", "Iraqi forces", "Islamic State", *two))
    assert found["source"] == "Iraqi News; Xinhua"
    assert found["notes"] == "Iraqi forces retook Rawa. Sources: https://a.example/1 https://b.example/2"
    assert found["fatalities"] == 0  # no toll reported: 0, as in ACLED
    assert row(event("battle", fatalities=12))["fatalities"] == 12
    assert found["timestamp"] == 1510963200  # 2017-11-18, the newest source, midnight UTC


def test_pandas_reads_the_csv_with_acled_s_columns_and_formula_cells_stay_text() -> None:
    hostile = event("attack", "=HYPERLINK(\"http://x\")", "civilians", source("-5 dead in Rawa @ noon", url=None))
    text = events_to_acled_csv([event("territory_taken"), hostile])
    table = pandas.read_csv(io.StringIO(text))
    assert list(table.columns) == ACLED_CODEBOOK_COLUMNS and len(table) == 2
    assert table.loc[1, "actor1"] == "'=HYPERLINK(\"http://x\")" and table.loc[1, "notes"] == "'-5 dead in Rawa @ noon"
    assert table["fatalities"].dtype.kind == "i" and table["interaction"].tolist() == [12, 37]


def test_a_mapping_that_names_a_type_acled_does_not_have_is_refused(tmp_path: Path) -> None:
    bad = bundled_mapping_path().read_text(encoding="utf-8").replace("[Battles, Armed clash]}", "[Battles, Tank duel]}", 1)
    (tmp_path / "acled.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(FrontlinesError, match="Tank duel"):
        load_acled_mapping(tmp_path / "acled.yaml")


@pytest.mark.model
def test_the_demo_corpus_exports_to_acled_columns_and_vocabulary(demo_store_path: Path) -> None:
    db = str(demo_store_path)
    out = CliRunner().invoke(main, ["--db", db, "events", "--format", "acled"], catch_exceptions=False)
    assert out.exit_code == 0
    table = pandas.read_csv(io.StringIO(out.stdout))
    jsonl = CliRunner().invoke(main, ["--db", db, "events", "--format", "jsonl"]).stdout.splitlines()
    assert list(table.columns) == ACLED_CODEBOOK_COLUMNS and len(table) == len(jsonl) > 50
    pairs = set(zip(table["event_type"], table["sub_event_type"], strict=True))
    assert all(sub in ACLED_VOCABULARY[kind] for kind, sub in pairs)
    assert {"Government regains territory", "Air/drone strike", "Armed clash"} <= {sub for _, sub in pairs}
    rawa = table[table["location"] == "Rawa"].iloc[0]
    assert (round(rawa["latitude"], 2), round(rawa["longitude"], 2), rawa["country"]) == (34.48, 41.92, "Iraq")
    assert table["notes"].str.contains("Sources: http").all()  # every demo report has a URL


def test_a_spot_the_gazetteer_lacks_is_the_location_at_the_coordinates_of_the_town_around_it() -> None:
    shelled = row(event("explosion", place_name="Qaryat Zandorra", place_precision="within"))
    assert (shelled["location"], shelled["latitude"], shelled["longitude"]) == ("Qaryat Zandorra", RAWA.lat, RAWA.lon)
    assert shelled["geo_precision"] == 2
