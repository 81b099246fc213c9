"""A tripwire: the extractor names no place of any gold file and quotes no phrase of the demo corpus.

Rules fitted to sentences we wrote ourselves score well on them and teach us nothing about text we
did not write; a comment that quotes one, or a word list that names a town, is the first sign. The
extractor's code and its word tables (`data/lexicon/grammar.yaml`, moved out of the code) are compared
with the gold places and the corpus on lower-case word sequences, so that neither case, punctuation
nor a line break hides a quote. Theatre files are data about one war and may name its places.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTRACTOR = ROOT / "src" / "frontlines" / "extract"
WORD_TABLES = ROOT / "src" / "frontlines" / "data" / "lexicon" / "grammar.yaml"
DEMO_REPORTS = ROOT / "src" / "frontlines" / "data" / "demo" / "reports"
FAKES_GOLD = ROOT / "annotations" / "fakes"
PHRASE_WORDS = 4
# Gold places that are also ordinary English words, each with the reason it may appear in code.
COMMON_WORD_PLACES: dict[str, str] = {
    "habit": "a village of Idlib in FA-KES gold; in code, the English word (the simple present tells a habit)",
}

_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[tuple[str, int]]:
    """Lower-case words with their offsets; underscores split words, so identifiers count as words too."""
    return [(m.group(0).lower(), m.start()) for m in _WORD.finditer(text)]


def code_files() -> list[Path]:
    return sorted(EXTRACTOR.glob("*.py")) + [WORD_TABLES]


def gold_places() -> set[str]:
    places: set[str] = set()
    for path in [*DEMO_REPORTS.glob("*.gold.jsonl"), *FAKES_GOLD.glob("*.jsonl")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                places.update(_places_in(json.loads(line)))
    return {p for p in places if p.strip() and p.lower() not in COMMON_WORD_PLACES}


def _places_in(record: object) -> Iterator[str]:
    """Every "place" field of a gold record, at any depth (FA-KES gold lists its events inside)."""
    if isinstance(record, dict):
        for key, value in record.items():
            if key == "place" and isinstance(value, str):
                yield value
            else:
                yield from _places_in(value)
    elif isinstance(record, list):
        for value in record:
            yield from _places_in(value)


def corpus_phrases() -> set[tuple[str, ...]]:
    """Every run of PHRASE_WORDS words of the demo reports' titles and bodies (the header's fields aside)."""
    phrases: set[tuple[str, ...]] = set()
    for path in DEMO_REPORTS.glob("*.txt"):
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        titles = [line.split(":", 1)[1] for line in header.splitlines() if line.lower().startswith("title:")]
        for text in [*titles, body]:
            found = [w for w, _ in words_of(text)]
            phrases.update(tuple(found[i : i + PHRASE_WORDS]) for i in range(len(found) - PHRASE_WORDS + 1))
    return phrases


def place_offences(text: str, places: set[str]) -> list[tuple[int, str]]:
    """(offset, place) for each gold place named in the text."""
    found = words_of(text)
    sequence = [w for w, _ in found]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for place in places:
        key = tuple(w for w, _ in words_of(place))
        if key:
            by_first.setdefault(key[0], []).append(key)
    offences = []
    for i, word in enumerate(sequence):
        for key in by_first.get(word, ()):
            if tuple(sequence[i : i + len(key)]) == key:
                offences.append((found[i][1], " ".join(key)))
    return offences


def phrase_offences(text: str, phrases: set[tuple[str, ...]]) -> list[tuple[int, str]]:
    """(offset, phrase) for each run of PHRASE_WORDS words the text shares with the corpus."""
    found = words_of(text)
    sequence = [w for w, _ in found]
    return [
        (found[i][1], " ".join(sequence[i : i + PHRASE_WORDS]))
        for i in range(len(sequence) - PHRASE_WORDS + 1)
        if tuple(sequence[i : i + PHRASE_WORDS]) in phrases
    ]


def _report(path: Path, text: str, offences: list[tuple[int, str]]) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, offset) + 1}: {what!r}" for offset, what in offences]


def test_the_gold_and_the_corpus_are_there_to_compare_with() -> None:
    assert len(gold_places()) > 100 and len(corpus_phrases()) > 5000
    assert len(code_files()) > 5


@pytest.mark.parametrize("path", code_files(), ids=lambda p: p.name)
def test_no_gold_place_is_named_in_the_extractor(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    offences = _report(path, text, place_offences(text, gold_places()))
    assert not offences, "write neutral examples (\"the town of X\") instead of:\n" + "\n".join(offences)


@pytest.mark.parametrize("path", code_files(), ids=lambda p: p.name)
def test_no_phrase_of_the_demo_corpus_is_quoted_in_the_extractor(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    offences = _report(path, text, phrase_offences(text, corpus_phrases()))
    assert not offences, "explain the rule with an invented sentence instead of:\n" + "\n".join(offences)


@pytest.mark.parametrize(
    ("code", "caught"),
    [
        ('# "the army took Rawa": ...', "rawa"),
        ("'AL-QAIM'", "al qaim"),
        ("x = 1  # near Abu\n# Kamal", "abu kamal"),
    ],
)
def test_the_tripwire_catches_a_place_whatever_its_case_or_punctuation(code: str, caught: str) -> None:
    assert [what for _, what in place_offences(code, gold_places())] == [caught]


def test_the_tripwire_catches_a_quoted_phrase_across_a_line_break() -> None:
    body = (DEMO_REPORTS / "anah-01-akashat-air-strikes.txt").read_text(encoding="utf-8").partition("\n\n")[2]
    first, second, third, fourth = body.split()[3:7]
    code = f'# as in "{first} {second}\n#   {third.upper()}, {fourth}"'
    assert len(phrase_offences(code, corpus_phrases())) == 1
