"""Without a theatre, the pipeline reads each report in the war it names: a report from Ukraine gets
Russian or Ukrainian forces as its actors, never Iraqi forces; with one, it reads every report there."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.extract import Pipeline
from frontlines.model import Report
from frontlines.theatres import DEFAULT_THEATRE, load_theatre

pytestmark = pytest.mark.model


def report(text: str, published: date, number: int = 1) -> Report:
    return Report(outlet="Wire", title="News", published=published, text=text, raw=text.encode(), id=number)


REPORTS = [
    ("Moscow launched a new offensive on Kharkiv on Friday.", date(2024, 5, 10), "ukraine-2022", "Russian forces"),
    ("Troops recaptured Kupiansk on Friday, Ukrainian officials said.", date(2022, 9, 10), "ukraine-2022", "Ukrainian forces"),
    ("The Rapid Support Forces attacked El Fasher on Friday, activists said.", date(2024, 5, 10), "sudan-2023", "Rapid Support Forces"),
    ("Taliban militants overran Kunduz on Monday, Afghan officials said.", date(2015, 9, 28), "afghanistan-2001-2021", "Taliban"),
    ("Azerbaijani forces captured Shusha on Sunday, Baku said.", date(2020, 11, 8), "nagorno-karabakh-2020", "Azerbaijani forces"),
    ("Iraqi forces recaptured Rawa from Daesh on Friday.", date(2017, 11, 17), DEFAULT_THEATRE, "Iraqi forces"),
]  # fmt: skip


def test_each_report_is_read_in_the_war_it_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    reports = [report(text, day, n) for n, (text, day, _, _) in enumerate(REPORTS, start=1)]
    assert [pipeline.theatre_of(r).key for r in reports] == [war for _, _, war, _ in REPORTS]
    claims = pipeline.extract_batch(reports)  # one batch, several wars
    assert [[c.actor for c in found] for found in claims] == [[actor] for _, _, _, actor in REPORTS]


def test_a_theatre_given_reads_every_report_in_that_war(gazetteer) -> None:  # type: ignore[no-untyped-def]
    sudan = Pipeline(gazetteer=gazetteer, reader="rules", theatre=load_theatre("sudan-2023"))
    ukrainian = report("Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.", date(2023, 5, 2))
    assert sudan.theatre_of(ukrainian).key == "sudan-2023"
