"""The reader sees a sentence's grammar beside its words: who did what to what as lemma links, and
the sentence with its names and numbers replaced by their kind, so that one war's sentences teach it
another's. A reader trained with these views keeps them, and reads a parsed sentence as it reads
its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.extract.nlp import load_nlp
from frontlines.model import EVENT_TYPES
from frontlines.reader.examples import READER_MODALITIES
from frontlines.reader.linear import LinearReader, fit_linear
from frontlines.reader.parse_views import VIEWS, parse_words

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp(Settings().model)


def test_the_grammar_view_links_the_doer_the_deed_and_what_it_was_done_to(nlp) -> None:  # type: ignore[no-untyped-def]
    deps, _ = parse_words(nlp("Rebels captured the town on Monday."))
    assert "capture>nsubj>rebel" in deps.split() and "capture>dobj>town" in deps.split(), deps


def test_the_masked_view_reads_names_and_numbers_as_their_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    _, masked = parse_words(nlp("Gunmen attacked a checkpoint in Kandahar, killing 12 policemen."))
    words = masked.split()
    assert "ENT_GPE" in words and "NUM" in words and "kandahar" not in words and "12" not in words, masked


SENTENCES = [
    ("Rebels captured the town after two days of fighting.", frozenset({"territory_taken"}), "asserted"),
    ("Government forces retook the village from the insurgents.", frozenset({"territory_taken"}), "asserted"),
    ("A car bomb exploded near the market, killing nine people.", frozenset({"explosion"}), "asserted"),
    ("A roadside bomb hit an army convoy, police said.", frozenset({"explosion"}), "reported"),
    ("The ministers discussed trade in the capital.", frozenset(), None),
    ("The football team won the cup on Sunday.", frozenset(), None),
]


def test_a_reader_trained_with_the_views_keeps_them_and_reads_a_parsed_sentence_as_its_text(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = [s for s, _, _ in SENTENCES]
    reader = fit_linear(texts, [t for _, t, _ in SENTENCES], [m for _, _, m in SENTENCES],
                        type_names=EVENT_TYPES, modality_names=READER_MODALITIES, views=VIEWS)  # fmt: skip
    reader.save(tmp_path)
    loaded = LinearReader.load(tmp_path)
    assert loaded.views == VIEWS
    sentences = [next(iter(nlp(t).sents)) for t in texts]
    from_text, from_parse = loaded.read(texts), loaded.read(texts, sentences)
    assert all(a.scores == pytest.approx(b.scores) for a, b in zip(from_text, from_parse, strict=True))
