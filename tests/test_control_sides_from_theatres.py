"""Who holds ground for whom comes from each war's theatre: a militia, a foreign force or mercenaries
fighting beside a state's forces hold what they take for them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.control import BaselineEntry, ControlEvent, ControlRules, place_spans, span_on
from frontlines.theatres import holds_for, holds_for_in_every_war, load_theatre


def test_state_aligned_groups_hold_for_their_countrys_state_forces() -> None:
    assert holds_for(load_theatre()) == {"Popular Mobilization Forces": "Iraqi forces", "Tribal fighters": "Iraqi forces"}
    ukraine = holds_for(load_theatre("ukraine-2022"))
    assert ukraine["DPR and LPR forces"] == ukraine["Wagner Group"] == "Russian forces"
    assert ukraine["International Legion"] == "Ukrainian forces" and "Russian forces" not in ukraine
    assert holds_for(load_theatre("sudan-2023"))["Joint Forces"] == "Sudanese Armed Forces"
    assert "Rapid Support Forces" not in holds_for(load_theatre("sudan-2023"))  # a rival camp holds for itself


def test_a_force_beside_two_states_armies_holds_for_neither() -> None:
    # in Iraq and Syria the US-led coalition fought beside both armies: its captures stay its own
    assert "US-led coalition" not in holds_for(load_theatre())


def test_a_group_two_wars_read_differently_holds_for_no_one() -> None:
    # Wagner fought for Russia in Ukraine, for a non-state army in Libya
    wars = [load_theatre("ukraine-2022"), load_theatre("libya-2019-2020")]
    merged = holds_for_in_every_war(wars)
    assert "Wagner Group" not in merged and merged["Chechen forces"] == "Russian forces"


def test_control_reads_the_sides_of_every_war() -> None:
    rules = ControlRules.load()
    base = [BaselineEntry("gn:2", "Ukrainian forces", date(2022, 3, 1), "analyst")]
    capture = ControlEvent(1, "territory_taken", date(2022, 5, 20), "gn:2", "DPR and LPR forces", "Ukrainian forces",
                           "DPR and LPR forces", 0.9)  # fmt: skip
    span = span_on(place_spans("gn:2", base, [capture], rules=rules), date(2022, 5, 21))
    assert span is not None and span.label == "Russian forces"
    assert rules.holder("Popular Mobilization Forces") == "Iraqi forces"


def test_the_rules_file_overrules_the_theatres(tmp_path: Path) -> None:
    bundled = Path(__file__).resolve().parents[1] / "src/frontlines/data/control.yaml"
    text = bundled.read_text(encoding="utf-8").replace("holds_for:\n", "holds_for:\n  DPR and LPR forces: DPR and LPR forces\n", 1)
    (tmp_path / "control.yaml").write_text(text, encoding="utf-8")
    assert ControlRules.load(tmp_path / "control.yaml").holder("DPR and LPR forces") == "DPR and LPR forces"


@pytest.mark.parametrize("war", ["yemen-2015", "afghanistan-2001-2021", "nagorno-karabakh-2020"])
def test_every_bundled_war_names_whom_its_allies_hold_for(war: str) -> None:
    theatre = load_theatre(war)
    assert set(holds_for(theatre).values()) <= set(theatre.state_forces.values()) and holds_for(theatre)


def test_control_of_one_war_shows_only_the_places_in_its_countries(sqlite_store, gazetteer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from frontlines.control_api import control_on, set_control

    set_control(sqlite_store, "Rawa", "Islamic State", date(2017, 8, 1), gazetteer=gazetteer)
    set_control(sqlite_store, "Albu Kamal", "Islamic State", date(2017, 8, 1), country="SY", gazetteer=gazetteer)
    syria = tmp_path / "syria-only.yaml"
    bundled = Path(load_theatre().source).read_text(encoding="utf-8")
    syria.write_text(bundled.replace("countries: [IQ, SY]", "countries: [SY]"), encoding="utf-8")
    day = date(2017, 9, 1)
    assert {p.country for p in control_on(sqlite_store, day).places} == {"IQ", "SY"}
    assert {p.country for p in control_on(sqlite_store, day, theatre=syria).places} == {"SY"}
    assert {p.country for p in control_on(sqlite_store, day, theatre="iraq-syria-2014-2019").places} == {"IQ", "SY"}
    assert not control_on(sqlite_store, day, theatre="ukraine-2022").places
