"""The pipeline reads in the theatre it is given (add to tests/extract/test_theatre_in_extraction.py)."""

from dataclasses import replace
from datetime import date

import pytest

from frontlines.extract import Pipeline
from frontlines.model import Report
from frontlines.theatres import load_theatre

pytestmark = pytest.mark.model


def test_the_pipeline_reads_in_the_theatre_it_is_given(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Islamic State fighters still hold the desert west of Rawa. A roadside bomb exploded in Rawa on Sunday."
    report = Report(outlet="Blog", title="t", published=date(2017, 11, 6), text=text, raw=text.encode(), id=1)
    bundled = Pipeline(gazetteer=gazetteer, reader="rules")
    assert [c.actor for c in bundled.extract(report)] == ["Islamic State"]
    other = Pipeline(gazetteer=gazetteer, reader="rules", theatre=replace(load_theatre(), blame_unclaimed_explosions_on=None))
    assert [c.actor for c in other.extract(report)] == [None]
