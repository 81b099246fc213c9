"""Lines of sections that tell no war (disasters, business, sport) teach the reader what is not war."""

from __future__ import annotations

import yaml

from frontlines.reader.baselines import keyword_verdicts
from frontlines.reader.corpus import load_lines
from frontlines.reader.examples import QUIET_SECTIONS, Example, quiet_section_examples
from frontlines.reader.splits import split_of


def test_quiet_lines_are_hard_negatives_of_train_days_only_and_never_an_annotated_line(corpus) -> None:  # type: ignore[no-untyped-def]
    lines = load_lines()
    sections = set(yaml.safe_load(QUIET_SECTIONS.read_text(encoding="utf-8"))["sections"])
    some_quiet = next(line for line in lines.values() if line.category in sections and split_of(line.day.isoformat()) == "train"
                      and keyword_verdicts([line.text])[0].types)  # fmt: skip
    annotated = [Example(some_quiet.text, frozenset({"explosion"}), "asserted", "train", f"ce:{some_quiet.id}")]

    quiet = quiet_section_examples(annotated)

    assert len(quiet) > 500
    assert all(not e.types and e.modality is None and e.split == "train" for e in quiet)
    assert f"ce:{some_quiet.id}" not in {e.origin for e in quiet}  # the team's own label stands
    for example in quiet:
        line = lines[example.origin[3:]]
        assert line.category in sections and split_of(line.day.isoformat()) == "train"
    assert all(keyword_verdicts([e.text for e in quiet])[n].types for n in range(0, len(quiet), 97))


def test_no_section_where_the_team_found_war_events_is_quiet() -> None:
    sections = set(yaml.safe_load(QUIET_SECTIONS.read_text(encoding="utf-8"))["sections"])
    assert not sections & {"Armed conflicts and attacks", "Armed conflict and attacks", "Law and crime", "International relations", "Politics and elections"}
