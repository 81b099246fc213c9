"""Splits are fixed by the day or the article, never by the sentence, and never move."""

from __future__ import annotations

from collections import Counter

from frontlines.reader.splits import split_of


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
