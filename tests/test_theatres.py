"""Theatres: one war as data, read from a YAML file a user writes (or the bundled one)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import TheatreError
from frontlines.extract.actors import ActorFinder
from frontlines.extract.lexicon import load_actors
from frontlines.theatres import DEFAULT_THEATRE, all_theatres, bundled_theatres, load_theatre

# An invented war, so that nothing here is true of any real one.
NORTHLAND = """\
name: Northland, 2030
countries: [NL, SL]
period: {start: 2030-01-01, end: 2030-12-31}
groups:
  Northland army:
    side: state
    country: NL
    aliases: [Northland army, Northland troops]
  Southland army:
    side: state
    country: SL
    aliases: [Southland army]
  Ridge Front:
    side: rebel
    aliases: [Ridge Front, the Front, rebels]
camps:
  north: [state]
  ridge: [rebel]
state_forces:
  NL: Northland army
  SL: Southland army
capitals:
  Northtown: Northland army
common_enemy: Ridge Front
blame_unclaimed_explosions_on:
place_name_prefixes: [Mount]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "northland.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_theatre_lists_its_countries_groups_and_sides() -> None:
    theatre = load_theatre()
    assert DEFAULT_THEATRE in bundled_theatres() and load_theatre(DEFAULT_THEATRE) is theatre
    assert theatre.countries == ("IQ", "SY")
    assert (theatre.start, theatre.end) == (date(2014, 1, 1), date(2019, 12, 31))
    assert {"Iraqi forces", "Syrian forces", "Peshmerga", "Syrian Democratic Forces", "Islamic State"} <= set(theatre.groups)
    assert theatre.groups["Peshmerga"].side == "kurdish" and "Daesh" in theatre.groups["Islamic State"].aliases
    assert theatre.state_forces_of("SY") == "Syrian forces" and theatre.state_forces_of(None) == "Iraqi forces"
    assert theatre.common_enemy == theatre.blame_unclaimed_explosions_on == "Islamic State"
    assert theatre.capitals["Damascus"] == "Syrian forces"


def test_a_user_written_theatre_is_loaded_from_its_file(tmp_path: Path) -> None:
    theatre = load_theatre(write(tmp_path, NORTHLAND))
    assert theatre.name == "Northland, 2030" and theatre.countries == ("NL", "SL")
    assert set(theatre.groups) == {"Northland army", "Southland army", "Ridge Front"}
    assert theatre.blame_unclaimed_explosions_on is None and theatre.common_enemy == "Ridge Front"
    assert theatre.place_name_prefixes == ("Mount",) and theatre.source.endswith("northland.yaml")


def test_a_theatre_decides_who_the_army_is_and_who_fights_whom(tmp_path: Path) -> None:
    theatre = load_theatre(write(tmp_path, NORTHLAND))
    finder = ActorFinder(load_actors(theatre=theatre), theatre)
    assert [m.name for m in finder.find("Northland troops and villagers fled from the Front")] == [
        "Northland army", "civilians", "Ridge Front",
    ]  # fmt: skip
    assert finder.resolve("state forces", "SL") == "Southland army"  # "the army" in Southland
    assert finder.resolve("state forces", "XX") == "Northland army"  # elsewhere: the theatre's first
    assert finder.same_camp("Northland army", "Southland army") and not finder.same_camp("Northland army", "Ridge Front")
    assert finder.opposes("Southland army", "Ridge Front") and not finder.opposes("civilians", "Ridge Front")
    assert finder.government_of("Northtown") == "Northland army" and not finder.is_combatant("civilians")
    assert "Iraqi forces" not in finder.table.actors  # the bundled war's own groups stay out of this one
    # the groups any war may name are known in every war, under its own
    assert finder.table.actors["Islamic State"].side == "jihadist" and finder.side("Northland army") == "state"
    assert [m.name for m in finder.find("al-Shabaab fighters crossed into Northland")] == ["al-Shabaab"]


def test_the_bundled_theatre_groups_are_what_the_actor_table_reads_by_default() -> None:
    table = load_actors()
    assert table.actors["Iraqi forces"].country == "IQ" and table.aliases["daesh"] == "Islamic State"
    assert table.actors["state forces"].resolves_by_country and not table.actors["civilians"].combatant


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("common_enemy: Ridge Front", "common_enemy: Ridge Frnt"), "'Ridge Frnt' is not one of its groups"),
        (("countries: [NL, SL]", "countries: [Northland]"), "not two-letter codes"),
        (("    side: rebel\n", ""), "has no side"),
        (("end: 2030-12-31", "end: soon"), "not a date"),
    ],
)
def test_a_theatre_with_a_mistake_names_its_file_and_the_fix(tmp_path: Path, change: tuple[str, str], complaint: str) -> None:
    path = write(tmp_path, NORTHLAND.replace(*change))
    with pytest.raises(TheatreError) as raised:
        load_theatre(path)
    assert complaint in str(raised.value) and str(path) in str(raised.value) and raised.value.hint


def test_a_missing_theatre_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(TheatreError, match="cannot be read"):
        load_theatre(tmp_path / "nowhere.yaml")


def test_a_theatre_name_no_path_can_hold_says_so() -> None:
    # a web query once asked for the theatre "\x00": a server error, found by the schema fuzzer
    with pytest.raises(TheatreError, match="cannot be read"):
        load_theatre("iraq\x00syria")


def test_a_war_whose_groups_have_no_acronyms_is_read_all_the_same(tmp_path: Path) -> None:
    theatre = load_theatre(write(tmp_path, NORTHLAND))  # no alias is an acronym
    finder = ActorFinder(load_actors(theatre=theatre), theatre)
    assert [m.name for m in finder.find("Rebels shelled the town. Northland troops fled.")] == ["Ridge Front", "Northland army"]


def test_the_users_theatre_folder_adds_wars_and_may_replace_a_bundled_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "northland-2030.yaml").write_text(NORTHLAND + "cues: [Northland]\n", encoding="utf-8")
    (tmp_path / f"{DEFAULT_THEATRE}.yaml").write_text(NORTHLAND.replace("Northland, 2030", "My Iraq"), encoding="utf-8")
    monkeypatch.setenv("FRONTLINES_THEATRES", str(tmp_path))
    assert load_theatre("northland-2030").cues == ("Northland",) and load_theatre("northland-2030").key == "northland-2030"
    assert load_theatre().name == "My Iraq"  # the user's file of the same name wins
    assert {t.key for t in all_theatres()} >= {"northland-2030", DEFAULT_THEATRE, "ukraine-2022"}
