"""The reader learns each current-events line also without the outlets that end it, since the extractor
reads a report's sentences, which carry no such tag: an outlet's name must not be what tells an event."""

from __future__ import annotations

from frontlines.reader.examples import Example, with_lines_bare


def _line(text: str, origin: str = "ce:2020-01-01-001") -> Example:
    return Example(text=text, types=frozenset({"battle"}), modality="asserted", split="train", origin=origin, group="2020-01-01")


def test_a_line_that_ends_with_its_outlets_is_learned_with_them_and_without_them() -> None:
    tagged = _line("Rebels and soldiers clash outside the town of Arba. (Radio Freedonia) (Sylvania Post)")
    examples = with_lines_bare([tagged])
    assert [e.text for e in examples] == [tagged.text, "Rebels and soldiers clash outside the town of Arba."]
    assert examples[1].types == tagged.types and examples[1].modality == "asserted" and examples[1].split == "train"


def test_a_line_without_outlets_and_an_article_sentence_are_learned_once() -> None:
    plain = _line("Rebels and soldiers clash outside the town of Arba.")
    sentence = _line("Rebels clashed with soldiers (the army said).", origin="fakes:abc:120")
    assert with_lines_bare([plain, sentence]) == [plain, sentence]
