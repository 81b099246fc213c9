"""One input that takes too long to read is named as a problem; the others of the run are read."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from frontlines.ingest.dispatch import read_inputs
from frontlines.ingest.time_limit import InputTooSlow, within_limit
from frontlines.model import IngestProblem, Report


def test_a_read_past_its_limit_is_stopped() -> None:
    with pytest.raises(InputTooSlow):
        within_limit(lambda: time.sleep(2), seconds=0.05)
    assert within_limit(lambda: 42, seconds=0.05) == 42


def test_a_slow_input_is_named_and_the_rest_of_the_folder_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = {"title": "Clashes near the river", "outlet": "Test Wire", "published": "2017-10-04", "text": "Fighting went on near the river town. " * 5}
    (tmp_path / "huge.jsonl").write_text("".join(json.dumps({**line, "title": f"Report {n}"}) + "\n" for n in range(20_000)), encoding="utf-8")
    (tmp_path / "small.txt").write_text("title: Small\noutlet: Test Wire\npublished: 2017-10-04\n\nA short report.\n", encoding="utf-8")
    monkeypatch.setenv("FRONTLINES_INPUT_SECONDS", "0.05")
    items = list(read_inputs([tmp_path]))
    problems = [i for i in items if isinstance(i, IngestProblem)]
    assert [p.origin.endswith("huge.jsonl") for p in problems] == [True] and "longer than 0.05 s" in problems[0].reason
    assert [r.title for r in items if isinstance(r, Report)] == ["Small"]


def test_the_limit_holds_when_it_runs_out_inside_a_gc_callback() -> None:
    """An exception raised inside a gc callback is swallowed by the interpreter; the alarm fires again
    just after, so the slow read still stops (and no warning of a swallowed exception is left)."""
    import gc
    import time

    from frontlines.ingest.time_limit import InputTooSlow, within_limit

    def slow_callback(phase: str, _info: dict) -> None:
        if phase == "start":  # half of the read's time is spent here
            until = time.perf_counter() + 0.002
            while time.perf_counter() < until:
                pass

    def read() -> None:
        deadline = time.monotonic() + 30.0  # ends on its own, without the error, if the limit fails to stop it
        while time.monotonic() < deadline:
            gc.collect()

    gc.callbacks.append(slow_callback)
    try:
        with pytest.raises(InputTooSlow):
            within_limit(read, 0.02)
    finally:
        gc.callbacks.remove(slow_callback)
