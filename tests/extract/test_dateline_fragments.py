"""A month and year a sentence opens with, in the month of publication, is what is left of a dateline
split from its day ("... AFP Monday 22" | "Sep 2014 Government air strikes killed ..."): no event's date."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Report

pytestmark = pytest.mark.model


def test_a_split_dateline_gives_no_month_date_to_the_event(reader_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Air strikes kill 12 in Idlib Monitor AFP Monday 22. Sep 2014 Government air strikes killed at least 12 people in Idlib province on Sunday."
    report = Report(outlet="Test Wire", title="t", published=date(2014, 9, 22), text=text, raw=text.encode(), id=1)
    claims = reader_pipeline.extract(report)  # however the reader tells it: the date is what is specified here
    strikes = [c for c in claims if c.event_type == "airstrike" and "Government" in c.quote]
    assert strikes and all(c.date is not None and c.date.precision == "day" for c in strikes), strikes


def test_a_month_told_later_in_a_sentence_still_dates_its_event(read_news) -> None:  # type: ignore[no-untyped-def]
    claims = read_news("Government forces recaptured Saraqeb in September 2014, the monitor said.", date(2014, 9, 22))
    assert any(c.event_type == "territory_taken" and c.date is not None and c.date.precision == "month" for c in claims), claims
