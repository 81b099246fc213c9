"""What the extraction specifications share: a report of one's own sentences, read as users get it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from frontlines.fuse import EVENT_MODALITIES
from frontlines.model import Claim, Report


@pytest.fixture
def read_news(reader_pipeline) -> Callable[[str, date], list[Claim]]:  # type: ignore[no-untyped-def]
    """The current events (asserted, reported, hedged) the shipped reader finds in a text published on a day."""

    def read(text: str, day: date) -> list[Claim]:
        report = Report(outlet="Test Wire", title="t", published=day, text=text, raw=text.encode(), id=1)
        return [c for c in reader_pipeline.extract(report) if c.modality in EVENT_MODALITIES]

    return read
