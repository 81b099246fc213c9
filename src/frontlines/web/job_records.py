"""The workbench's jobs as rows of the store's `jobs` table (migration 0010): a job started by one
server process is seen by all of them (`frontlines serve --workers N`), and one that a restart cut
short says so instead of vanishing.

A job's result is kept as JSON, so it holds only JSON's types (dicts, lists, strings, numbers).
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select, update

from frontlines.store import Store
from frontlines.store import accounts_schema as a

if TYPE_CHECKING:
    from frontlines.web.jobs import Job

CUT_SHORT = "the server stopped before this ingest finished"
CUT_SHORT_HINT = "ingest the files again: the reports already stored are kept, and nothing is stored twice"


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class JobRecords:
    """Reads and writes the rows of jobs; keeps the newest `keep` of them."""

    def __init__(self, store: Store, keep: int, process: str | None = None) -> None:
        self.store, self.keep, self.process = store, keep, process or this_process()

    def add(self, job: Job) -> None:
        now = datetime.now(timezone.utc)
        with self.store.engine.begin() as conn:
            conn.execute(insert(a.jobs).values(
                id=job.id, owner=job.owner, state=job.state, done=job.done, total=job.total, result=None, error="", hint="",
                started_at=now, updated_at=now, process=self.process,
            ))  # fmt: skip
            stale = select(a.jobs.c.id).order_by(a.jobs.c.started_at.desc()).offset(self.keep)
            conn.execute(delete(a.jobs).where(a.jobs.c.id.in_(stale.scalar_subquery())))

    def save(self, job: Job) -> None:
        """Write the job's state, progress and, once ended, its result or error."""
        values = {"state": job.state, "done": job.done, "total": job.total, "error": job.error, "hint": job.hint, "updated_at": datetime.now(timezone.utc)}
        if job.state == "done":
            values["result"] = json.dumps(job.result, ensure_ascii=False)
        with self.store.engine.begin() as conn:
            conn.execute(update(a.jobs).where(a.jobs.c.id == job.id).values(**values))

    def load(self, job_id: str) -> Job | None:
        """The job as its row has it (run by any process); a job whose process is gone is failed."""
        from frontlines.web.jobs import Job

        with self.store.engine.connect() as conn:
            row = conn.execute(select(a.jobs).where(a.jobs.c.id == job_id)).first()
        if row is None:
            return None
        job = Job(id=row.id, owner=row.owner, state=row.state, done=row.done, total=row.total, error=row.error, hint=row.hint)
        job.result = json.loads(row.result) if row.result else None
        if not job.ended and self._gone(row.process):
            job.state, job.error, job.hint = "failed", CUT_SHORT, CUT_SHORT_HINT
        if job.ended:
            job.finished.set()
        return job

    def _gone(self, process: str) -> bool:
        """Whether the process that ran a job has stopped: this process (the job is not among its live
        ones, else it would not be read here), or another on this machine that no longer runs. A
        process on another machine cannot be asked: its jobs are taken as running."""
        host, _, pid = process.rpartition(":")
        if process == self.process:
            return True
        if host != socket.gethostname() or not pid.isdigit():
            return False
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # runs, as another user
            return False
        return False
