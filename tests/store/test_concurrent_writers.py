"""Several `frontlines ingest` processes at once on one database, new or existing, with overlapping
inputs: none aborts, nothing is lost or stored twice, "database is locked" never reaches the user."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontlines.store import Store
from frontlines.store import control_schema as c
from frontlines.store import schema as t

TOWNS = ("Anah", "Rawa", "Qaim", "Hit", "Haditha", "Rutba", "Tal Afar", "Hawija", "Mosul", "Tikrit")


def report(number: int) -> str:
    town = TOWNS[number % len(TOWNS)]
    return (
        f"url: https://example.org/{number}\ntitle: {town} retaken ({number})\n"
        f"outlet: Outlet {number % 7}\npublished: 2017-09-{1 + number % 28:02d}\n\n"
        f"Iraqi forces retook the town of {town} on Thursday after {number + 2} days of fighting.\n"
    )


def write_reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"report_{number:03d}.txt"
        path.write_text(report(number), encoding="utf-8")
        paths.append(path)
    return paths


def run_ingests_at_once(url: str, inputs: list[list[Path]], *extra: str) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "FRONTLINES_DB": url, "COLUMNS": "200"}
    command = [str(Path(sys.executable).with_name("frontlines")), "ingest", *extra]
    processes = [
        subprocess.Popen([*command, *map(str, paths)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for paths in inputs
    ]
    finished = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=300)
        finished.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return finished


def assert_none_aborted(runs: list[subprocess.CompletedProcess[str]]) -> None:
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr and "locked" not in run.stderr, run.stderr


def overlapping_shuffles(paths: list[Path], writers: int) -> list[list[Path]]:
    """Each writer gets two thirds of the inputs, in its own order: every input is in several."""
    chosen = []
    for seed in range(writers):
        order = random.Random(seed).sample(paths, len(paths))
        chosen.append(order[: len(paths) * 2 // 3] if seed < writers - 1 else order)
    return chosen


def test_four_ingests_at_once_on_a_new_database_store_each_report_and_outlet_once(new_database_url: str, tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "in", 40)
    runs = run_ingests_at_once(new_database_url, overlapping_shuffles(paths, 4), "--no-extract")
    assert_none_aborted(runs)
    with Store.open(new_database_url) as store, store.engine.connect() as conn:
        assert store.count("reports") == 40
        assert store.count("outlets") == 7
        assert conn.execute(select(func.count(func.distinct(t.reports.c.content_hash)))).scalar_one() == 40


@pytest.mark.model
def test_two_ingests_at_once_extract_and_fuse_every_report_once(new_database_url: str, tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "in", 12)
    Store.open(new_database_url).close()  # an existing database this time
    runs = run_ingests_at_once(new_database_url, overlapping_shuffles(paths, 2))
    assert_none_aborted(runs)
    with Store.open(new_database_url) as store, store.engine.connect() as conn:
        assert store.count("reports") == 12
        assert store.report_ids_never_extracted() == []
        claims_per_report = conn.execute(select(t.claims.c.report_id, func.count()).group_by(t.claims.c.report_id)).all()
        assert len(claims_per_report) == 12 and all(count == 1 for _, count in claims_per_report), claims_per_report
        fused = conn.execute(select(func.count()).select_from(c.claim_fusion)).scalar_one()
        assert fused == store.count("claims")
        linked = conn.execute(select(t.event_claims.c.claim_id, func.count()).group_by(t.event_claims.c.claim_id)).all()
        assert len(linked) == 12 and all(count == 1 for _, count in linked)


def test_a_new_database_another_process_is_creating_opens_once_that_one_is_done(tmp_path: Path) -> None:
    """SQLite refuses at once, busy timeout or not, to turn a file to WAL while another connection
    writes to it (as a second ingest does while the first creates the tables): opening waits and tries
    again instead of telling the user the database is locked."""
    import sqlite3
    import threading

    path = tmp_path / "new.db"
    creating = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    creating.execute("BEGIN IMMEDIATE")
    creating.execute("CREATE TABLE being_created (a INTEGER)")
    done = threading.Timer(0.6, lambda: creating.execute("COMMIT"))
    done.start()
    try:
        with Store.open(f"sqlite:///{path}") as store:
            assert store.count("reports") == 0
    finally:
        done.join()
        creating.close()
