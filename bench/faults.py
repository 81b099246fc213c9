"""Faults and load, as figures (issue 10, item 3), on SQLite and PostgreSQL:

- kill -9 at a random point of an ingest, then the same ingest again: reports stored twice, reports
  half-stored (extracted but without claims) or never extracted, claims never fused, final counts
  against an ingest that was never killed;
- two and four `frontlines ingest` processes at once on one database (new and existing), with
  overlapping inputs: aborted processes, "database is locked" or tracebacks shown, reports lost or
  stored twice, claims stored twice or in two events;
- a folder of generated bad inputs with good reports among them: tracebacks, hangs (each run has a
  time limit), peak memory, good reports stored, bad inputs named with a reason.

Every ingest is a real `frontlines` process. Prints figures only.

    python bench/faults.py                                   # 2,000 reports, 20 kills, 10,000 bad inputs
    python bench/faults.py --reports 200 --trials 3 --bad 1000 --backend sqlite
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from fault_inputs import BAD_KINDS, OUTLETS, write_bad_inputs, write_reports
from frontlines.store import Store
from frontlines.store import control_schema as c
from frontlines.store import schema as t

POSTGRES_ADMIN_URL = os.environ.get("FRONTLINES_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
FRONTLINES = str(Path(sys.executable).with_name("frontlines"))


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float
    timed_out: bool

    @property
    def aborted(self) -> bool:
        return self.timed_out or self.returncode not in (0, 1)

    @property
    def shows_a_fault(self) -> bool:
        return "Traceback" in self.stderr or "database is locked" in self.stderr


@dataclass
class StoreFigures:
    reports: int
    outlets: int
    never_extracted: int
    extracted_without_claims: int
    claims: int
    claims_unfused: int
    claims_in_two_events: int
    events: int


def start_ingest(url: str, args: list[str], folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    logs = folder / f"run-{uuid.uuid4().hex[:8]}"
    logs.mkdir(parents=True)
    env = {**os.environ, "FRONTLINES_DB": url, "COLUMNS": "200"}
    with open(logs / "out", "wb") as out, open(logs / "err", "wb") as err:
        process = subprocess.Popen([FRONTLINES, "ingest", *args], env=env, stdout=out, stderr=err)
    return process, logs


def finish(process: subprocess.Popen[bytes], logs: Path, started: float, limit_s: float) -> Run:
    """Wait for the process (killed past `limit_s`), with its own peak memory from wait4."""
    max_rss_kb = 0
    if process.returncode is None:  # not yet reaped (Popen.poll or send_signal reap an ended process)
        timer = threading.Timer(limit_s, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        max_rss_kb = usage.ru_maxrss
    seconds = time.monotonic() - started
    return Run(
        returncode=process.returncode, stdout=(logs / "out").read_text(errors="replace"), stderr=(logs / "err").read_text(errors="replace"),
        seconds=seconds, max_rss_mb=max_rss_kb / 1024, timed_out=seconds >= limit_s,
    )  # fmt: skip


def run_ingest(url: str, args: list[str], folder: Path, limit_s: float = 1800) -> Run:
    started = time.monotonic()
    process, logs = start_ingest(url, args, folder)
    return finish(process, logs, started, limit_s)


def store_figures(url: str) -> StoreFigures:
    with Store.open(url) as store, store.engine.connect() as conn:
        with_claims = select(t.claims.c.report_id).where(t.claims.c.report_id == t.reports.c.id).exists()
        fused = select(c.claim_fusion.c.claim_id).where(c.claim_fusion.c.claim_id == t.claims.c.id).exists()
        links = select(t.event_claims.c.claim_id).group_by(t.event_claims.c.claim_id).having(func.count() > 1).subquery()

        def count(query: object) -> int:
            return conn.execute(select(func.count()).select_from(query)).scalar_one()  # type: ignore[arg-type]

        return StoreFigures(
            reports=store.count("reports"), outlets=store.count("outlets"),
            never_extracted=count(select(t.reports.c.id).where(t.reports.c.extracted_version.is_(None)).subquery()),
            extracted_without_claims=count(select(t.reports.c.id).where(t.reports.c.extracted_version.is_not(None), ~with_claims).subquery()),
            claims=store.count("claims"), claims_unfused=count(select(t.claims.c.id).where(~fused).subquery()),
            claims_in_two_events=count(links), events=store.count("events"),
        )  # fmt: skip


@contextlib.contextmanager
def fresh_database(backend: str, workdir: Path) -> Iterator[str]:
    """The URL of a database that does not exist yet (SQLite) or is empty (PostgreSQL), dropped after."""
    if backend == "sqlite":
        yield f"sqlite:///{workdir / f'faults-{uuid.uuid4().hex[:8]}.db'}"
        return
    name = f"frontlines_faults_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# ---- the scenarios -------------------------------------------------------------------------------
def wait_for_first_report(url: str, process: subprocess.Popen[bytes], limit_s: float = 120) -> None:
    """Return once the ingest has stored a report (or ended, or `limit_s` passed)."""
    engine = create_engine(url)
    deadline = time.monotonic() + limit_s
    try:
        while process.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(SQLAlchemyError), engine.connect() as conn:  # no tables yet: keep waiting
                if conn.execute(select(func.count()).select_from(t.reports)).scalar_one():
                    return
            time.sleep(0.05)
    finally:
        engine.dispose()


def kill_trials(
    backend: str, workdir: Path, reports: int, trials: int, rng: random.Random, *, after_first_report: bool = False
) -> dict[str, object]:
    """An ingest killed (SIGKILL) at a random moment, then run again to the end, `trials` times.
    `after_first_report`: the moment is drawn from after it stored its first report (its start-up,
    loading the models, is most of a small ingest's time)."""
    folder = workdir / "reports"
    write_reports(folder, reports)
    with fresh_database(backend, workdir) as url:
        whole = run_ingest(url, [str(folder)], workdir)
        expected = store_figures(url)
    figures = {"trials": trials, "reports": reports, "killed_mid_run": 0, "kills_that_left_work": 0, "second_run_failed": 0, "stored_twice": 0,
               "half_stored": 0, "left_unextracted": 0, "left_unfused": 0, "claims_in_two_events": 0,
               "final_count_wrong": 0, "uninterrupted_s": round(whole.seconds, 1)}  # fmt: skip
    for _ in range(trials):
        with fresh_database(backend, workdir) as url:
            started = time.monotonic()
            process, logs = start_ingest(url, [str(folder)], workdir)
            if after_first_report:
                wait_for_first_report(url, process)
                time.sleep(rng.uniform(0, 0.5))
            else:
                time.sleep(rng.uniform(0.2, 0.8 * whole.seconds))
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGKILL)
            killed = finish(process, logs, started, 60)
            figures["killed_mid_run"] += killed.returncode == -signal.SIGKILL
            left = store_figures(url)
            figures["kills_that_left_work"] += bool(left.never_extracted or left.claims_unfused or left.reports < reports)
            again = run_ingest(url, [str(folder)], workdir)
            figures["second_run_failed"] += again.aborted or again.shows_a_fault
            after = store_figures(url)
            figures["stored_twice"] += max(0, after.reports - reports)
            figures["half_stored"] += after.extracted_without_claims
            figures["left_unextracted"] += after.never_extracted
            figures["left_unfused"] += after.claims_unfused
            figures["claims_in_two_events"] += after.claims_in_two_events
            figures["final_count_wrong"] += (after.reports, after.claims) != (expected.reports, expected.claims)
    return figures


def concurrent_ingests(backend: str, workdir: Path, reports: int, writers: int, existing: bool, *, extract: bool = True) -> dict[str, object]:
    """`writers` ingests started together, each on two thirds of the reports in its own order (the
    last on all of them), on a new or an existing database."""
    folder = workdir / f"concurrent-{writers}-{existing}"
    paths = write_reports(folder, reports)
    with fresh_database(backend, workdir) as url:
        if existing:
            Store.open(url).close()
        orders = [random.Random(seed).sample(paths, len(paths)) for seed in range(writers)]
        inputs = [order[: len(paths) * 2 // 3] if i < writers - 1 else order for i, order in enumerate(orders)]
        args = [[] if extract else ["--no-extract"]] * writers
        started = [(time.monotonic(), *start_ingest(url, a + [str(p) for p in ps], workdir)) for a, ps in zip(args, inputs)]
        runs = [finish(process, logs, began, 1800) for began, process, logs in started]
        after = store_figures(url)
    return {
        "writers": writers, "database": "existing" if existing else "new", "reports": reports,
        "aborted": sum(r.aborted for r in runs), "faults_shown": sum(r.shows_a_fault for r in runs),
        "reports_lost": max(0, reports - after.reports), "reports_twice": max(0, after.reports - reports),
        "outlets_twice": max(0, after.outlets - min(reports, OUTLETS)),
        "left_unextracted": after.never_extracted if extract else 0, "claims_per_report": round(after.claims / max(after.reports, 1), 3),
        "left_unfused": after.claims_unfused if extract else 0, "claims_in_two_events": after.claims_in_two_events,
        "slowest_s": round(max(r.seconds for r in runs), 1),
    }  # fmt: skip


def bad_inputs(backend: str, workdir: Path, count: int, rng: random.Random, limit_s: float = 1800) -> dict[str, object]:
    """One ingest of a folder of `count` generated files, one in ten a good report."""
    folder = workdir / "bad-inputs"
    kinds = write_bad_inputs(folder, count, rng)
    with fresh_database(backend, workdir) as url:
        run = run_ingest(url, ["--no-extract", "--json", str(folder)], workdir, limit_s)
        with Store.open(url) as store:
            stored = {Path(s.report.origin).name for s in store.reports()}
    named: set[str] = set()
    with contextlib.suppress(json.JSONDecodeError):
        named = {Path(p["origin"]).name.rsplit(":", 1)[0] for p in json.loads(run.stdout)["problems"]}
    must_name = {name for name, kind in kinds.items() if kind != "good" and BAD_KINDS[kind][2]}
    return {
        "inputs": count, "good": sum(k == "good" for k in kinds.values()), "tracebacks": int("Traceback" in run.stderr),
        "hang": int(run.timed_out), "exit_status": run.returncode, "seconds": round(run.seconds, 1), "peak_rss_mb": round(run.max_rss_mb),
        "good_not_stored": sum(1 for name, kind in kinds.items() if kind == "good" and name not in stored),
        "bad_not_named": len(must_name - named), "unaccounted": sum(1 for name in kinds if name not in stored and name not in named),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000, help="reports in the killed ingest (default 2,000)")
    parser.add_argument("--trials", type=int, default=20, help="kill -9 trials (default 20)")
    parser.add_argument("--concurrent-reports", type=int, default=200, help="reports each concurrent test shares (default 200)")
    parser.add_argument("--bad", type=int, default=10_000, help="generated inputs (default 10,000)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--seed", type=int, default=10)
    options = parser.parse_args()
    backends = ["sqlite", "postgresql"] if options.backend == "both" else [options.backend]
    rng = random.Random(options.seed)
    for backend in backends:
        with tempfile.TemporaryDirectory(prefix=f"faults-{backend}-") as tmp:
            workdir = Path(tmp)
            print(f"{backend}: kill -9", json.dumps(kill_trials(backend, workdir / "kill", options.reports, options.trials, rng)), flush=True)
            for writers in (2, 4):
                for existing in (False, True):
                    figures = concurrent_ingests(backend, workdir / f"c{writers}{existing}", options.concurrent_reports, writers, existing)
                    print(f"{backend}: concurrent", json.dumps(figures), flush=True)
            print(f"{backend}: bad inputs", json.dumps(bad_inputs(backend, workdir / "bad", options.bad, rng)), flush=True)


if __name__ == "__main__":
    main()
