"""`frontlines theatres` lists the wars frontlines reads; `--theatre` names the one to read reports in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_bundled_wars_are_listed_with_their_countries_period_and_groups() -> None:
    listed = {row["key"]: row for row in json.loads(run("theatres", "--json").stdout)}
    assert len(listed) >= 7
    ukraine = listed["ukraine-2022"]
    assert ukraine["countries"] == ["UA", "RU"] and ukraine["start"] == "2022-02-24" and ukraine["end"] is None
    assert ukraine["groups"] >= 4 and ukraine["source"].endswith("ukraine-2022.yaml")
    table = run("theatres").stdout
    assert "sudan-2023" in table and "Nagorno-Karabakh, 2020" in table


def test_a_war_the_user_writes_is_listed_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = (ROOT / "src/frontlines/data/theatres/yemen-2015.yaml").read_text(encoding="utf-8")
    (tmp_path / "my-yemen.yaml").write_text(bundled.replace("name: Yemen, 2015-", "name: My Yemen"), encoding="utf-8")
    monkeypatch.setenv("FRONTLINES_THEATRES", str(tmp_path))
    listed = {row["key"]: row["name"] for row in json.loads(run("theatres", "--json").stdout)}
    assert listed["my-yemen"] == "My Yemen" and "yemen-2015" in listed


def test_an_unknown_theatre_is_refused_with_the_names_to_choose_from(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "ingest", "--theatre", "narnia", "-"], input=b"")
    assert result.exit_code == 2 and "narnia" in result.output and "ukraine-2022" in result.output
