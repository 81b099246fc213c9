"""Work that outlasts a request: each job runs in a thread of its own, one at a time, with how far it
got, so that a page can show "done N of M" until it ends. Over a store, each job is also a row of
its `jobs` table (``frontlines.web.job_records``): every server process shows every job.

The workbench's uploads are jobs (``frontlines.web.ingest``): the request saves the files and
answers at once with the job's page, which refreshes itself until the job's result is there.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontlines.errors import FrontlinesError
from frontlines.store import Store
from frontlines.web.job_records import JobRecords

log = logging.getLogger(__name__)
KEEP = 200  # finished jobs remembered; the oldest are forgotten first
SAVE_EVERY = 0.5  # seconds between writes of a job's progress to the store


@dataclass
class Job:
    """One piece of work: who started it, its state (waiting, running, done, failed), how far it got,
    and its result (or the message and hint of the error that ended it)."""

    id: str
    owner: str
    state: str = "waiting"
    done: int = 0
    total: int = 0
    result: Any = None
    error: str = ""
    hint: str = ""
    finished: threading.Event = field(default_factory=threading.Event, repr=False)
    saved: Callable[[Job], None] | None = field(default=None, repr=False)  # writes the job to the store
    _last_save: float = field(default=0.0, repr=False)

    def progress(self, done: int, total: int) -> None:
        """The `progress=` callback of the library's long calls."""
        self.done, self.total = done, total
        now = time.monotonic()
        if self.saved is not None and (done >= total or now - self._last_save >= SAVE_EVERY):
            self._last_save = now
            self.save()

    def save(self) -> None:
        if self.saved is not None:
            self.saved(self)

    @property
    def ended(self) -> bool:
        return self.state in ("done", "failed")


class Jobs:
    """The jobs of one application. `start` runs `work(job)` in a new thread; jobs run one after
    another (the store has one writer), the others wait their turn."""

    def __init__(self, keep: int = KEEP, store: Store | None = None, process: str | None = None) -> None:
        """`store`: keep the jobs there too, for every server process; `process`: this process's name
        in the store (default host:pid)."""
        self.keep = keep
        self._records = JobRecords(store, keep, process) if store is not None else None
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()  # guards the registry
        self._turn = threading.Lock()  # one job at a time

    def start(self, owner: str, work: Callable[[Job], Any], cleanup: Callable[[], None] | None = None) -> Job:
        """Run `work(job)` in the background; its return value becomes the job's result.
        `cleanup` runs after it, whatever happened."""
        job = Job(id=secrets.token_urlsafe(16), owner=owner)
        if self._records is not None:
            self._records.add(job)
            job.saved = self._records.save
        with self._lock:
            ended = [key for key, each in self._jobs.items() if each.ended]
            for key in ended[: max(0, len(self._jobs) - self.keep + 1)]:
                del self._jobs[key]
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, work, cleanup), name=f"job-{job.id[:8]}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        """The job: live when this process runs it, else as the store has it (any process's)."""
        with self._lock:
            live = self._jobs.get(job_id)
        if live is not None or self._records is None:
            return live
        return self._records.load(job_id)

    def _run(self, job: Job, work: Callable[[Job], Any], cleanup: Callable[[], None] | None) -> None:
        try:
            with self._turn:
                job.state = "running"
                job.save()
                job.result = work(job)
                job.state = "done"
        except FrontlinesError as exc:
            job.error, job.hint, job.state = exc.message, exc.hint, "failed"
        except Exception:
            log.exception("job %s failed", job.id)
            job.error, job.state = "internal error: the server's log has the details", "failed"
        finally:
            if cleanup is not None:
                cleanup()
            try:
                job.save()
            except Exception:  # the store went away: the page of this process still has the job
                log.exception("job %s: its end could not be stored", job.id)
            job.finished.set()
