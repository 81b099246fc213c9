"""The workbench's background jobs: one at a time, each with its progress, its result or the
message of the error that ended it; the oldest finished jobs are forgotten first."""

from __future__ import annotations

import threading

from frontlines.errors import ControlError
from frontlines.web.jobs import Jobs


def test_a_job_keeps_its_progress_and_its_result() -> None:
    jobs = Jobs()
    job = jobs.start("ana", lambda job: job.progress(2, 2) or "read")
    assert job.finished.wait(5)
    assert (job.state, job.done, job.total, job.result, job.owner) == ("done", 2, 2, "read", "ana")
    assert jobs.get(job.id) is job and jobs.get("nothing") is None


def test_a_library_error_ends_the_job_with_its_message_and_hint_and_cleanup_runs() -> None:
    cleaned = threading.Event()

    def refuse(_job):  # type: ignore[no-untyped-def]
        raise ControlError("no such theatre", hint="see frontlines theatres")

    job = Jobs().start("ana", refuse, cleanup=cleaned.set)
    assert job.finished.wait(5) and cleaned.is_set()
    assert (job.state, job.error, job.hint) == ("failed", "no such theatre", "see frontlines theatres")


def test_an_unexpected_error_says_only_internal_error(caplog) -> None:  # type: ignore[no-untyped-def]
    job = Jobs().start("ana", lambda _job: 1 / 0)
    assert job.finished.wait(5)
    assert job.state == "failed" and job.error.startswith("internal error") and "ZeroDivisionError" not in job.error
    assert "failed" in caplog.text


def test_jobs_run_one_at_a_time() -> None:
    jobs, release = Jobs(), threading.Event()
    first = jobs.start("ana", lambda _job: release.wait(5))
    second = jobs.start("bea", lambda _job: "second")
    assert not second.finished.wait(0.2) and second.state == "waiting"
    release.set()
    assert first.finished.wait(5) and second.finished.wait(5) and second.result == "second"


def test_the_oldest_finished_jobs_are_forgotten() -> None:
    jobs = Jobs(keep=3)
    started = []
    for _ in range(5):
        started.append(jobs.start("ana", lambda _job: None))
        assert started[-1].finished.wait(5)
    assert [jobs.get(job.id) is not None for job in started] == [False, False, True, True, True]
