"""`frontlines train`: from gold files and analysts' verdicts to a reader that reads its lessons."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import frontlines
from frontlines.cli import main
from frontlines.reader.linear import LinearReader
from frontlines.reader.train import train
from frontlines.reader.verdicts import verdict_examples

DEMO = Path(frontlines.__file__).parent / "data" / "demo" / "reports"


def test_training_on_gold_report_files_gives_a_reader_with_its_card(tmp_path: Path) -> None:
    result = train(tmp_path / "reader", gold_folders=[DEMO], splits=("train",))
    reader = LinearReader.load(result.folder)
    assert result.examples > 100 and (result.folder / "MODEL_CARD.md").exists()
    (verdict,) = reader.read(["Iraqi troops recaptured the town of Akashat in western Anbar from Daesh yesterday."])
    assert "territory_taken" in verdict.types


REPORT = """title: Rawa retaken
outlet: Test Wire
published: 2017-11-18

Iraqi forces retook the town of Rawa from the Islamic State on Friday, the army said.
"""


def _one_event_reviewed(store, verdict: str, corrections: dict | None = None) -> int:  # type: ignore[no-untyped-def]
    folder = Path(str(store.engine.url.database)).parent / "reports"
    folder.mkdir(exist_ok=True)
    (folder / "rawa.txt").write_text(REPORT, encoding="utf-8")
    frontlines.ingest([folder], store=store)
    (event,) = [e for e in frontlines.events(store) if e.event_type == "territory_taken"]
    return frontlines.add_note(store, "event", event.id, "checked", author="analyst", verdict=verdict, corrections=corrections)


def test_a_confirmed_event_teaches_its_type(sqlite_store) -> None:  # type: ignore[no-untyped-def]
    _one_event_reviewed(sqlite_store, "confirm")
    (example,) = verdict_examples(sqlite_store)
    assert example.types == {"territory_taken"} and example.split == "train"


def test_a_rejected_event_teaches_that_its_sentence_tells_none(sqlite_store) -> None:  # type: ignore[no-untyped-def]
    _one_event_reviewed(sqlite_store, "reject")
    (example,) = verdict_examples(sqlite_store)
    assert example.types == frozenset() and example.modality is None


def test_a_corrected_type_relabels_the_sentence(sqlite_store) -> None:  # type: ignore[no-untyped-def]
    _one_event_reviewed(sqlite_store, "correct", {"event_type": "battle"})
    (example,) = verdict_examples(sqlite_store)
    assert example.types == {"battle"}


def test_the_train_command_learns_from_the_notes_in_the_database(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    with frontlines.open_store(str(db)) as store:
        _one_event_reviewed(store, "confirm")
    result = CliRunner().invoke(main, ["--db", str(db), "train", "--gold", str(DEMO), "--from-notes", "--splits", "train", "--out", str(tmp_path / "r"), "--json"])
    assert result.exit_code == 0, result.output
    assert '"analysts\' verdicts": 1' in result.output
    assert (tmp_path / "r" / "weights.npz").exists()


def test_training_on_nothing_says_what_to_give(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["train", "--out", str(tmp_path / "r")])
    assert result.exit_code != 0 and "nothing to train on" in result.output
