"""Work that outlasts a request: each job runs in a thread of its own, one at a time, and is kept in
memory (per process) with how far it got, so that a page can show "done N of M" until it ends.

The workbench's uploads are jobs (``frontlines.web.ingest``): the request saves the files and
answers at once with the job's page, which refreshes itself until the job's result is there.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontlines.errors import FrontlinesError

log = logging.getLogger(__name__)
KEEP = 200  # finished jobs remembered; the oldest are forgotten first


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

    def progress(self, done: int, total: int) -> None:
        """The `progress=` callback of the library's long calls."""
        self.done, self.total = done, total

    @property
    def ended(self) -> bool:
        return self.state in ("done", "failed")


class Jobs:
    """The jobs of one application. `start` runs `work(job)` in a new thread; jobs run one after
    another (the store has one writer), the others wait their turn."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()  # guards the registry
        self._turn = threading.Lock()  # one job at a time

    def start(self, owner: str, work: Callable[[Job], Any], cleanup: Callable[[], None] | None = None) -> Job:
        """Run `work(job)` in the background; its return value becomes the job's result.
        `cleanup` runs after it, whatever happened."""
        job = Job(id=secrets.token_urlsafe(16), owner=owner)
        with self._lock:
            ended = [key for key, each in self._jobs.items() if each.ended]
            for key in ended[: max(0, len(self._jobs) - self.keep + 1)]:
                del self._jobs[key]
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, work, cleanup), name=f"job-{job.id[:8]}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: Job, work: Callable[[Job], Any], cleanup: Callable[[], None] | None) -> None:
        try:
            with self._turn:
                job.state = "running"
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
            job.finished.set()
