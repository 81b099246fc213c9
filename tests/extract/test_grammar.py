"""The extraction rules' word tables live in one data file; every list the code names is there, and
every list there is read by some rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontlines.errors import FrontlinesError
from frontlines.extract.grammar import number_words, phrase_pattern, table_names, words

EXTRACTOR = Path(__file__).resolve().parents[2] / "src" / "frontlines" / "extract"
_NAMED = re.compile(r"""\b(?:words|phrase_pattern)\(\s*["']([a-z_]+)["']\s*\)""")


def names_in_code() -> set[str]:
    return {name for path in EXTRACTOR.glob("*.py") for name in _NAMED.findall(path.read_text(encoding="utf-8"))}


def test_every_word_list_the_rules_name_is_in_the_data_file_and_every_list_is_used() -> None:
    in_code = names_in_code()
    assert in_code and all(words(name) for name in in_code)
    assert table_names() - {"number_words"} == in_code


def test_a_list_the_file_lacks_is_an_error_that_names_the_file() -> None:
    with pytest.raises(FrontlinesError, match="grammar.yaml"):
        words("no_such_list")


def test_phrases_match_as_whole_words_in_any_case_and_numbers_read_as_words() -> None:
    hedges = phrase_pattern("hedges")
    assert hedges.search("Rebels REPORTEDLY took the hill") and not hedges.search("the reportedlyish claim")
    assert hedges.search("There were reports of shelling")
    assert number_words()["twelve"] == 12


@pytest.mark.parametrize("name", ["lexicon/grammar.yaml", "lexicon/triggers.yaml", "lexicon/actors.yaml", "reader/keyword_baseline.yaml"])
def test_every_word_in_the_data_files_reads_as_a_word(name: str) -> None:
    # YAML reads a bare on, off, yes or no as true or false: such a word would silently never match
    import yaml

    import frontlines

    data = yaml.safe_load((Path(frontlines.__file__).parent / "data" / name).read_text(encoding="utf-8"))
    def listed(value: object) -> list[object]:
        """The items of every list in the file (flags such as `combatant: false` are no words)."""
        if isinstance(value, dict):
            return [item for v in value.values() for item in listed(v)]
        if isinstance(value, list):
            return [item for v in value for item in (listed(v) if isinstance(v, (dict, list)) else [v])]
        return []

    assert not [item for item in listed(data) if isinstance(item, bool)], name


def test_no_list_is_named_twice_in_the_data_file() -> None:
    text = (EXTRACTOR.parent / "data" / "lexicon" / "grammar.yaml").read_text(encoding="utf-8")
    names = re.findall(r"^([a-z_]+):", text, flags=re.MULTILINE)
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
