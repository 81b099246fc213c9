"""A report is read in the war it names: its groups, places and capitals, and the day it was published."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.theatre_match import TheatreMatcher, match_theatre, matcher_for
from frontlines.theatres import FALLBACK_THEATRE, all_theatres, bundled_theatres, load_theatre

BUNDLED_WARS = {
    "iraq-syria-2014-2019", "ukraine-2022", "sudan-2023", "yemen-2015", "libya-2019-2020", "nagorno-karabakh-2020",
    "afghanistan-2001-2021",
}  # fmt: skip


def matched(text: str, published: date | None = None) -> str:
    return match_theatre(text, published).key


def test_seven_wars_are_bundled_and_each_reads_its_own_groups() -> None:
    assert BUNDLED_WARS <= set(bundled_theatres())
    for name in BUNDLED_WARS:
        theatre = load_theatre(name)
        assert theatre.key == name and theatre.cues and theatre.groups and theatre.state_forces and theatre.capitals
        assert theatre.start is not None, f"{name} has no period"


@pytest.mark.parametrize(
    ("text", "published", "war"),
    [
        ("Iraqi forces retook Rawa from Islamic State on Friday, the Joint Operations Command said.", date(2017, 11, 17), "iraq-syria-2014-2019"),
        ("Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.", date(2023, 5, 2), "ukraine-2022"),
        ("The RSF said it had taken the army's base in Nyala after days of fighting.", date(2023, 10, 26), "sudan-2023"),
        ("Houthi fighters attacked government positions south of Marib, a military source said.", date(2021, 2, 14), "yemen-2015"),
        ("Haftar's forces pulled back from Tarhuna as GNA troops advanced.", date(2020, 6, 5), "libya-2019-2020"),
        ("Azerbaijani troops entered Shusha, Baku said, while Yerevan denied it.", date(2020, 11, 8), "nagorno-karabakh-2020"),
        ("Taliban militants overran a checkpoint in Helmand, killing four Afghan soldiers.", date(2016, 8, 10), "afghanistan-2001-2021"),
    ],
)  # fmt: skip
def test_a_report_is_matched_to_the_war_it_names(text: str, published: date, war: str) -> None:
    assert matched(text, published) == war
    assert matched(text) == war  # the names alone decide these; the day only helps


def test_a_report_that_names_no_war_is_read_as_any_war() -> None:
    assert matched("Fighting continued on Tuesday near the town, officials said.") == FALLBACK_THEATRE
    assert matched("Militants attacked a checkpoint; gunmen fled.") == FALLBACK_THEATRE  # common nouns name no war


def test_any_war_looks_places_up_everywhere_and_names_each_state_s_forces() -> None:
    anywhere = load_theatre(FALLBACK_THEATRE)
    assert anywhere.anywhere and anywhere.countries == ()
    assert anywhere.state_forces_of("NG") == "Nigerian forces" and anywhere.state_forces_of("CD") == "Congolese forces"
    assert FALLBACK_THEATRE not in [t.key for t in matcher_for(all_theatres()).theatres]  # never matched, only fallen back on


def test_a_group_two_wars_share_is_decided_by_the_day_or_not_at_all() -> None:
    text = "Wagner fighters were seen near the airport, a spokesman said."
    assert matched(text, date(2020, 1, 20)) == "libya-2019-2020"
    assert matched(text, date(2023, 5, 20)) == "ukraine-2022"
    assert matched(text) == FALLBACK_THEATRE  # a tie: nothing decides


def test_a_report_years_away_from_a_war_s_period_is_not_about_that_war() -> None:
    text = "Gaddafi's forces shelled Misrata as rebels held the port, Libyan officials said."
    assert matched(text, date(2020, 2, 1)) == "libya-2019-2020"
    assert matched(text, date(2011, 4, 20)) == FALLBACK_THEATRE  # Libya, but not the war of 2019
    assert matched(text, date(2018, 9, 1)) == "libya-2019-2020"  # within a year of its start: its prelude
    # a word shared with another war of that day does not take the report there instead
    assert matched("NATO jets struck Tripoli overnight, Libyan state television said.", date(2011, 4, 20)) == FALLBACK_THEATRE


def test_names_outweigh_a_stray_word_from_another_war() -> None:
    # a village called Riyadh lies near Hawija: the Iraqi names carry the report
    text = "Iraqi forces and the Hashd freed Riyadh and Hawija from Daesh, the Joint Operations Command said."
    assert matched(text, date(2017, 10, 5)) == "iraq-syria-2014-2019"


def test_short_acronyms_match_in_their_own_case_only() -> None:
    assert matched("The RSF shelled El Fasher.") == "sudan-2023"
    scores = {s.theatre.key: s.words for s in TheatreMatcher(all_theatres()).scores("This is safe: rsf, saf.")}
    assert not scores["sudan-2023"]  # "rsf", "saf" and "is" name no one


def test_a_user_adds_a_war_by_writing_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "northland-2030.yaml").write_text(
        "name: Northland, 2030\ncountries: [NL]\nperiod: {start: 2030-01-01}\n"
        "groups:\n  Northland army: {side: state, country: NL, aliases: [Northland troops]}\n"
        "  Ridge Front: {side: rebel, aliases: [Ridge Front]}\n"
        "camps: {north: [state], ridge: [rebel]}\nstate_forces: {NL: Northland army}\ncapitals: {Northtown: Northland army}\n"
        "cues: [Northland, Ridgeville]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FRONTLINES_THEATRES", str(tmp_path))
    assert "northland-2030" in {t.key for t in all_theatres()}
    assert load_theatre("northland-2030").name == "Northland, 2030"
    assert matched("Northland troops shelled Ridgeville, the Ridge Front said.") == "northland-2030"
    monkeypatch.delenv("FRONTLINES_THEATRES")
    assert "northland-2030" not in {t.key for t in all_theatres()}


WARS_CORPUS = Path(__file__).resolve().parents[1] / "src/frontlines/data/demo/wars"


@pytest.mark.parametrize("war", sorted(p.name for p in WARS_CORPUS.glob("*") if p.is_dir()))
def test_every_demo_report_of_another_war_is_matched_to_that_war(war: str) -> None:
    from frontlines.ingest.dispatch import read_inputs
    from frontlines.model import Report

    reports = [r for r in read_inputs([str(WARS_CORPUS / war)]) if isinstance(r, Report)]
    assert reports
    assert {r.origin: match_theatre(f"{r.title}\n{r.text}", r.published).key for r in reports} == {r.origin: war for r in reports}


def test_a_town_of_a_war_named_in_another_country_s_story_is_not_that_war() -> None:
    text = "Protests spread across Lebanon; clashes between protesters and the army in Tripoli injure 40 soldiers."
    assert matched(text, date(2020, 4, 28)) == FALLBACK_THEATRE  # Lebanon's Tripoli, not Libya's war
    assert matched("Clashes in Tripoli kill five as the GNA pushes south.", date(2020, 4, 28)) == "libya-2019-2020"
    assert matched("Shelling hits Tripoli, Libyan officials say.", date(2020, 4, 28)) == "libya-2019-2020"
