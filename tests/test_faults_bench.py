"""`bench/faults.py` in small: an ingest killed with SIGKILL and run again, ingests at once, and a
folder of generated bad inputs, each a real `frontlines` process; the figures must all be zero."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import faults  # noqa: E402

pytestmark = pytest.mark.model


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_an_ingest_killed_and_run_again_leaves_nothing_twice_half_stored_or_pending(backend: str, tmp_path: Path) -> None:
    figures = faults.kill_trials(backend, tmp_path, reports=40, trials=1, rng=random.Random(3), after_first_report=True)
    assert figures["killed_mid_run"] == 1
    failures = {k: figures[k] for k in ("second_run_failed", "stored_twice", "half_stored", "left_unextracted", "left_unfused",
                                         "claims_in_two_events", "final_count_wrong")}  # fmt: skip
    assert set(failures.values()) == {0}, figures


def test_two_ingests_at_once_abort_none_and_lose_or_repeat_nothing(tmp_path: Path) -> None:
    figures = faults.concurrent_ingests("sqlite", tmp_path, reports=12, writers=2, existing=False)
    failures = {k: v for k, v in figures.items() if k in ("aborted", "faults_shown", "reports_lost", "reports_twice", "outlets_twice",
                                                          "left_unextracted", "left_unfused", "claims_in_two_events")}  # fmt: skip
    assert set(failures.values()) == {0} and figures["claims_per_report"] == 1.0, figures


def test_generated_bad_inputs_are_named_and_the_good_reports_beside_them_stored(tmp_path: Path) -> None:
    figures = faults.bad_inputs("sqlite", tmp_path, count=40, rng=random.Random(5), limit_s=120)
    assert figures["good"] == 4 and figures["exit_status"] == 1, figures
    assert (figures["tracebacks"], figures["hang"], figures["good_not_stored"], figures["bad_not_named"], figures["unaccounted"]) == (0, 0, 0, 0, 0), figures
