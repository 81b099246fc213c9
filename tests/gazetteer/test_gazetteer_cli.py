"""`frontlines gazetteer import | lookup | stats`: thin commands over the gazetteer library."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from geonames_samples import (
    AL_QAIM,
    IRAQ_ROWS,
    NORTH_TESTVILLE,
    SOUTH_TESTVILLE,
    all_countries_file,
    alternate_names_file,
    iraq_file,
    write_text,
)

from frontlines.cli import main


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_import_prints_a_summary_and_a_second_import_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    files = [str(iraq_file(tmp_path)), str(alternate_names_file(tmp_path))]
    first = run("--db", db, "gazetteer", "import", "--json", *files)
    assert first.exit_code == 0
    summary = json.loads(first.stdout)
    assert [item["kind"] for item in summary] == ["places", "alternate names"]
    assert summary[0]["places_added"] == len(IRAQ_ROWS)
    second = run("--db", db, "gazetteer", "import", *files)
    assert second.exit_code == 0 and "nothing changed" in second.stdout


def test_lookup_lists_candidates_with_scores_feature_province_and_point(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    run("--db", db, "gazetteer", "import", str(iraq_file(tmp_path)))
    found = json.loads(run("--db", db, "gazetteer", "lookup", "Al Qa'im", "--json").stdout)
    best = found[0]
    assert (best["key"], best["geonames_id"], best["feature_code"], best["admin1"]) == (
        f"gn:{AL_QAIM}", AL_QAIM, "PPLA2", "Anbar")  # fmt: skip
    assert 0.9 <= best["score"] <= 1.0 and best["lat"] and best["lon"]
    table = run("--db", db, "gazetteer", "lookup", "Testville").stdout
    assert "gn:90000001" in table and "gn:90000002" in table


def test_lookup_near_a_place_ranks_shared_names_by_the_context(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    run("--db", db, "gazetteer", "import", str(iraq_file(tmp_path)))
    near_mosul = json.loads(run("--db", db, "gazetteer", "lookup", "Testville", "--near", "Mosul", "--json").stdout)
    near_kut = json.loads(run("--db", db, "gazetteer", "lookup", "Testville", "--near", "Kut", "--json").stdout)
    assert near_mosul[0]["geonames_id"] == NORTH_TESTVILLE
    assert near_kut[0]["geonames_id"] == SOUTH_TESTVILLE


def test_lookup_of_an_unknown_name_says_so(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "g.db"), "gazetteer", "lookup", "Xyzzyqwerty", "--country", "IQ")
    assert result.exit_code == 0 and "no place named" in result.stdout


def test_stats_counts_bundled_and_imported_places(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    empty = json.loads(run("--db", db, "gazetteer", "stats", "--json").stdout)
    run("--db", db, "gazetteer", "import", str(iraq_file(tmp_path)))
    after = json.loads(run("--db", db, "gazetteer", "stats", "--json").stdout)
    assert empty["imported"]["places"] == 0 and empty["places"] == empty["bundled_places"]
    assert after["imported"]["places"] == len(IRAQ_ROWS)
    assert after["places"] == empty["places"] + 3
    assert after["imports"][0]["file"].endswith("IQ.txt")
    assert "places by country" in run("--db", db, "gazetteer", "stats").stdout


def test_a_bad_file_is_an_error_with_a_hint_and_exit_status_2(tmp_path: Path) -> None:
    bad = write_text(tmp_path / "IQ.txt", ["just a note\n"])
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "g.db"), "gazetteer", "import", str(bad)])
    assert result.exit_code == 2
    assert "error:" in result.output and "line 1" in result.output and "hint:" in result.output


def test_a_bad_country_code_is_explained(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "Rawa", "--country", "Iraq"])
    assert result.exit_code == 2 and "two-letter country code" in result.output


def test_import_with_every_country(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    run("--db", db, "gazetteer", "import", "--country", "*", str(all_countries_file(tmp_path)))
    stats = json.loads(run("--db", db, "gazetteer", "stats", "--json").stdout)
    assert set(stats["imported"]["places_by_country"]) == {"IQ", "SY", "TR"}
    found = json.loads(run("--db", db, "gazetteer", "lookup", "Testköy", "--country", "*", "--json").stdout)
    assert found[0]["country"] == "TR"
