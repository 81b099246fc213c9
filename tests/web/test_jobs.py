"""The workbench's background jobs: one at a time, each with its progress, its result or the
message of the error that ended it; the oldest finished jobs are forgotten first."""

from __future__ import annotations

import threading
import time

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


def test_over_a_store_every_server_process_sees_a_job_and_its_result(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from frontlines.store import Store

    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    with Store.open(url) as one, Store.open(url) as other:
        runner, reader = Jobs(store=one), Jobs(store=other, process="another-server:1")  # two server processes, one database
        release = threading.Event()
        job = runner.start("ana", lambda job: (job.progress(1, 3), release.wait(5), job.progress(3, 3)) and {"added": 3})
        deadline = time.monotonic() + 5
        while (seen := reader.get(job.id)) is None or seen.done != 1:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert (seen.owner, seen.done, seen.total) == ("ana", 1, 3) and not seen.finished.is_set()
        release.set()
        assert job.finished.wait(5)
        ended = reader.get(job.id)
    assert ended is not None and (ended.state, ended.result, ended.done) == ("done", {"added": 3}, 3) and ended.finished.is_set()


def test_a_job_whose_server_stopped_says_it_was_cut_short(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from frontlines.store import Store
    from frontlines.store import accounts_schema as a
    from frontlines.web.job_records import CUT_SHORT

    with Store.open(f"sqlite:///{tmp_path / 'jobs.db'}") as store:
        release = threading.Event()
        job = Jobs(store=store).start("ana", lambda _job: release.wait(5))
        with store.engine.begin() as conn:  # as the server that ran it left it before it was restarted
            conn.execute(update(a.jobs).where(a.jobs.c.id == job.id).values(process="the-server:1"))
        seen = Jobs(store=store, process="the-server:1").get(job.id)  # its own job, not among its live ones
        release.set()
        assert job.finished.wait(5)
    assert seen is not None and seen.state == "failed" and seen.error == CUT_SHORT and seen.hint
