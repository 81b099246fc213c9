"""Splits are fixed by the day or the article, never by the sentence, and never move."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from frontlines.reader.splits import HELD_OUT_WAVES_FILE, SCORED_WAVES_FILE, SPLITS, scored_wave_files, split_of, split_of_item
from frontlines.reader.train import train


def test_a_day_always_falls_in_the_same_split() -> None:
    assert split_of("2017-11-03") == split_of("2017-11-03")


def test_the_frozen_split_of_known_keys_never_changes() -> None:
    # pinned when the test split was frozen: a change here changes what was measured
    keys = ("2017-11-03", "2022-02-24", "2014-06-10", "1914947530", "1923848231")
    assert [split_of(k) for k in keys] == ["test", "train", "train", "test", "dev"]


def test_about_a_quarter_of_days_are_held_out_for_test() -> None:
    counts = Counter(split_of(f"day-{n}") for n in range(10_000))
    assert 0.57 < counts["train"] / 10_000 < 0.63
    assert 0.13 < counts["dev"] / 10_000 < 0.17
    assert 0.22 < counts["test"] / 10_000 < 0.28


def test_a_test_item_of_a_wave_already_scored_lies_in_the_scored_split(tmp_path: Path) -> None:
    (tmp_path / "current_events").mkdir()
    (tmp_path / SCORED_WAVES_FILE).write_text("# wave 9, scored\nlines_90.jsonl  # its lines\n", encoding="utf-8")
    scored, fresh = tmp_path / "current_events" / "lines_90.jsonl", tmp_path / "current_events" / "lines_91.jsonl"
    assert split_of("2017-11-03") == "test"
    assert split_of_item("2017-11-03", scored) == "scored"  # spent as a measure: it may train
    assert split_of_item("2017-11-03", fresh) == "test"  # a wave not yet scored stays held out
    assert split_of_item("2022-02-24", scored) == "train"  # only test items move


def test_an_item_of_a_wave_drawn_outside_the_test_split_is_held_out_until_scored(tmp_path: Path) -> None:
    (tmp_path / "fakes").mkdir()
    (tmp_path / HELD_OUT_WAVES_FILE).write_text("# wave 30\nfakes_60.jsonl\nfakes_61.jsonl\n", encoding="utf-8")
    (tmp_path / SCORED_WAVES_FILE).write_text("fakes_61.jsonl\n", encoding="utf-8")
    assert split_of("2022-02-24") == "train"
    assert split_of_item("2022-02-24", tmp_path / "fakes" / "fakes_60.jsonl") == "test"  # whatever its hash
    assert split_of_item("2022-02-24", tmp_path / "fakes" / "fakes_61.jsonl") == "scored"  # then spent, it trains
    assert split_of_item("2022-02-24", tmp_path / "fakes" / "fakes_62.jsonl") == "train"  # a file not listed keeps its hash's


def test_the_bundled_reader_learns_from_the_scored_waves_never_from_the_test_split() -> None:
    listed = scored_wave_files(Path(__file__).resolve().parents[2] / "annotations")
    assert listed and all(name.startswith(("lines_", "fakes_")) for name in listed)
    assert "train" in SPLITS and "scored" in SPLITS
    assert train.__kwdefaults__["splits"] == ("train", "dev", "scored")  # the test split only with --splits naming it
