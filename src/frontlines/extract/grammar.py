"""The word tables of the extraction rules, read once from `data/lexicon/grammar.yaml`.

The rules in this package are logic over the dependency tree; which words count as "near", as a
verb of saying or as a vehicle is knowledge, kept in a data file a reader can check and change.
Nothing is read at import: the file is read on the first lookup and kept for the process.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines.errors import FrontlinesError
from frontlines.extract.lexicon import data_file, read_yaml

GRAMMAR_FILE = "grammar.yaml"


@lru_cache(maxsize=1)
def _tables() -> dict:
    return read_yaml(data_file(GRAMMAR_FILE))


def table_names() -> set[str]:
    """The names of the tables in the file."""
    return set(_tables())


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The named word list, e.g. words("near_words")."""
    table = _tables().get(name)
    if not isinstance(table, list):
        raise FrontlinesError(
            f"the word list {name!r} is missing from {data_file(GRAMMAR_FILE)}",
            hint="restore it from the bundled file; the extraction rules need every list they name",
        )
    return frozenset(str(word) for word in table)


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Numbers written as words: "twelve" -> 12."""
    table = _tables().get("number_words")
    if not isinstance(table, dict):
        raise FrontlinesError(f"number_words is missing from {data_file(GRAMMAR_FILE)}", hint="restore it from the bundled file")
    return {str(word): int(value) for word, value in table.items()}


@lru_cache(maxsize=None)
def phrase_pattern(name: str) -> re.Pattern[str]:
    """Any phrase of a word list, as whole words in any case."""
    phrases = sorted(words(name), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)
