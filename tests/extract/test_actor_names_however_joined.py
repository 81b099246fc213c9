"""A group's name is found however its words are joined or its apostrophes written: "wal-Muslimin" and
"wal Muslimin", "Jama'at" and "Jama’at", "Hill Army - North" and "Hill Army North" name one group."""

from __future__ import annotations

import pytest

from frontlines.extract.actors import ActorFinder
from frontlines.extract.lexicon import Actor, ActorTable
from frontlines.theatres import load_theatre

TABLE = ActorTable(
    actors={"Jama'at Tilbury": Actor("Jama'at Tilbury", "non-state", None), "HAN": Actor("HAN", "non-state", None)},
    aliases={"jama'at tilbury wal-fens": "Jama'at Tilbury", "HAN": "HAN", "hill army north": "HAN"},
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighters of Jama'at Tilbury wal-Fens stormed the post.", "Jama'at Tilbury"),
        ("Fighters of Jama'at Tilbury wal Fens stormed the post.", "Jama'at Tilbury"),
        ("Fighters of Jama’at Tilbury wal‐Fens stormed the post.", "Jama'at Tilbury"),
        ("The Hill Army - North shelled the town.", "HAN"),
        ("The Hill Army–North shelled the town.", "HAN"),
    ],
)
def test_a_name_is_found_however_its_words_are_joined(text: str, name: str) -> None:
    finder = ActorFinder(TABLE, load_theatre("world"))
    assert [m.name for m in finder.find(text)] == [name]


def test_an_acronym_still_needs_its_own_case() -> None:
    finder = ActorFinder(TABLE, load_theatre("world"))
    assert [m.name for m in finder.find("Han soldiers and HAN fighters")] == ["HAN"]
