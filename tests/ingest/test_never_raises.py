"""Bad input never escapes as an exception: it becomes an IngestProblem."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_samples import AKKAS_REPORT, ARABIC_REPORT_1256, ATOM_FEED, JSONL_LINES, RAWA_PAGE, RSS_FEED

from frontlines.ingest.dispatch import read_bytes
from frontlines.model import IngestProblem, Report

FORMATS = ["report", "html", "feed", "jsonl", None]
SAMPLES = {
    "report": AKKAS_REPORT,
    "report-1256": ARABIC_REPORT_1256,
    "html": RAWA_PAGE,
    "rss": RSS_FEED,
    "atom": ATOM_FEED,
    "jsonl": b"\n".join(JSONL_LINES),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES.values(), ids=SAMPLES.keys())
def test_every_cut_off_copy_of_a_sample_reads_without_raising(sample: bytes, fmt: str | None) -> None:
    for end in range(0, len(sample), 29):
        results = list(read_bytes(sample[:end], "cut.txt", fmt))
        assert results and all(isinstance(result, Report | IngestProblem) for result in results)


@settings(max_examples=150, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(str.encode),
        st.sampled_from(list(SAMPLES.values())).flatmap(
            lambda sample: st.tuples(st.integers(0, len(sample)), st.binary(max_size=12)).map(
                lambda cut: sample[: cut[0]] + cut[1] + sample[cut[0] :]
            )
        ),
    ),
    fmt=st.sampled_from(FORMATS),
)
def test_arbitrary_bytes_give_reports_or_problems_only(data: bytes, fmt: str | None) -> None:
    results = list(read_bytes(data, "any.txt", fmt))
    assert all(isinstance(result, Report | IngestProblem) for result in results)
