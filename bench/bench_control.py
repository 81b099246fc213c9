"""Benchmark: control and the read commands over a store of synthetic events (default 1,000,000 in SQLite).

Generates places across Iraq and Syria (the first is the gazetteer's Rawa, so that commands can name
it), a baseline, and events of every type over ten years (a mix like the demo's: captures, fighting,
strikes, bombs), recomputes the control timeline once, then times `frontlines.control_api.control_on`
for random days: whole map, one country, one actor, and the same whole map written out as JSON.
Then it runs the read commands as real `frontlines` processes against the store, their output piped
(`timeline`, `events --place Rawa`, `events --format jsonl`, `history Rawa`, `control --format json`)
and prints p50/p95 of the time to the first line and to the end, and the peak memory of the process.
Prints figures only.

    python bench/bench_control.py                       # 1M events, 5,000 places
    python bench/bench_control.py --events 200000 --db /tmp/bench.db --keep
    python bench/bench_control.py --db /tmp/bench.db --keep --runs 20 --command-runs 3
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import insert

from frontlines.control_api import control_on, rebuild_control
from frontlines.store import Store
from frontlines.store import control_schema as c
from frontlines.store import schema as t

TYPES = [("territory_taken", 0.12), ("battle", 0.2), ("airstrike", 0.25), ("explosion", 0.15), ("attack", 0.1), ("casualties", 0.1), ("operation_start", 0.04), ("withdrawal", 0.04)]
ACTORS = ["Islamic State", "Iraqi forces", "Syrian forces", "Syrian Democratic Forces", "Peshmerga", "Popular Mobilization Forces"]
PROVINCES = {"IQ": ["Anbar", "Nineveh", "Kirkuk", "Salahuddin", "Diyala", "Baghdad"], "SY": ["Deir ez-Zor", "Raqqa", "Hasakah", "Aleppo", "Homs"]}
START, DAYS = date(2014, 1, 1), 3650


# the commands timed as processes: (label, arguments after `frontlines --db DB`)
COMMANDS = [
    ("timeline", ["timeline"]),
    ("events --place Rawa", ["events", "--place", "Rawa"]),
    ("events --format jsonl", ["events", "--format", "jsonl"]),
    ("history Rawa", ["history", "Rawa"]),
    ("control --on DATE --format json", ["control", "--on", "2017-06-01", "--format", "json"]),
]
NAMED_PLACE = "Rawa"  # place 1 of the store is the gazetteer's Rawa


def generate(store: Store, n_events: int, n_places: int, rng: random.Random) -> None:
    from frontlines.gazetteer import Gazetteer

    now = datetime.now(timezone.utc)
    rawa = Gazetteer.from_store(store).lookup(NAMED_PLACE)[0][0]
    with store.engine.begin() as conn:
        places = []
        for i in range(1, n_places + 1):
            country = "IQ" if i % 3 else "SY"
            places.append({
                "id": i, "key": f"bench:{i}", "geonames_id": None, "name": f"Place {i}", "lat": rng.uniform(32.0, 37.0), "lon": rng.uniform(38.0, 45.0),
                "country": country, "admin1": rng.choice(PROVINCES[country]), "feature_class": "P", "feature_code": "PPL", "population": 0,
            })  # fmt: skip
        places[0].update(key=rawa.key, name=rawa.name, lat=rawa.lat, lon=rawa.lon, country=rawa.country, admin1=rawa.admin1, geonames_id=rawa.geonames_id)
        conn.execute(insert(t.places), places)
        conn.execute(insert(c.control_baseline), [
            {"place_id": p["id"], "holder": rng.choice(ACTORS[:3]), "since": START, "source": "bench", "created_at": now} for p in places
        ])  # fmt: skip
        names, weights = zip(*TYPES)
        batch: list[dict[str, object]] = []
        for i in range(1, n_events + 1):
            kind = rng.choices(names, weights)[0]
            actor = rng.choice(ACTORS)
            batch.append({
                "id": i, "fusion_key": f"bench|{i}", "event_type": kind, "date": START + timedelta(days=rng.randrange(DAYS)),
                "date_precision": "day", "actor": actor, "target_actor": rng.choice(ACTORS),
                "controller_after": actor if kind == "territory_taken" else None, "fatalities": None,
                "place_id": rng.randrange(1, n_places + 1), "place_name": None, "place_precision": "town",
                "confidence": round(rng.uniform(0.4, 0.99), 3),
            })  # fmt: skip
            if len(batch) == 50_000:
                conn.execute(insert(t.events), batch)
                batch.clear()
        if batch:
            conn.execute(insert(t.events), batch)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(label: str, runs: int, call) -> None:  # type: ignore[no-untyped-def]
    times, sizes = [], []
    for _ in range(runs):
        begin = time.perf_counter()
        size = call()
        times.append((time.perf_counter() - begin) * 1000)
        sizes.append(size)
    print(f"{label:<34} p50 {statistics.median(times):7.1f} ms   p95 {percentile(times, 0.95):7.1f} ms   max {max(times):7.1f} ms   rows {statistics.median(sizes):,.0f}")


def peak_memory_mb(pid: int, stop: threading.Event, peaks: list[float]) -> None:
    """Follow a process's high-water mark of resident memory (VmHWM) until it ends. Not its rusage:
    Linux carries a forked child's ru_maxrss over from this (large) benchmark process."""
    while not stop.wait(0.02):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)


def run_command(db: Path, args: list[str]) -> tuple[float, float, float]:
    """One `frontlines` process with its output piped: seconds to the first line and to the end,
    and its peak resident memory in MB."""
    program = Path(sys.executable).with_name("frontlines")
    begin = time.perf_counter()
    process = subprocess.Popen([str(program), "--db", str(db), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    stop, peaks = threading.Event(), [0.0]
    watcher = threading.Thread(target=peak_memory_mb, args=(process.pid, stop, peaks), daemon=True)
    watcher.start()
    assert process.stdout is not None
    process.stdout.readline()
    to_first = time.perf_counter() - begin
    while process.stdout.read(1 << 20):
        pass
    stop.set()
    watcher.join()
    process.wait()
    total = time.perf_counter() - begin
    if process.returncode != 0:
        raise SystemExit(f"frontlines {' '.join(args)} exited {process.returncode}")
    return to_first, total, max(peaks)


def time_commands(db: Path, runs: int) -> None:
    print(f"commands as processes, output piped, {runs} runs each:")
    for label, args in COMMANDS:
        results = [run_command(db, args) for _ in range(runs)]
        firsts, totals, peaks = ([r[i] for r in results] for i in range(3))
        print(
            f"  {label:<32} first line p50 {statistics.median(firsts):6.2f} s  p95 {percentile(firsts, 0.95):6.2f} s   "
            f"total p50 {statistics.median(totals):7.2f} s  p95 {percentile(totals, 0.95):7.2f} s   peak {max(peaks):6.0f} MB"
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--places", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--db", help="SQLite file (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="Reuse the database at --db if it is already filled")
    parser.add_argument("--command-runs", type=int, default=5, help="Runs of each command process (0: none)")
    args = parser.parse_args()
    rng = random.Random(2017)
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench_control.db"
    fresh = not (args.keep and path.exists())
    if fresh:
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
    with Store.open(f"sqlite:///{path}") as store:
        if fresh:
            begin = time.perf_counter()
            generate(store, args.events, args.places, rng)
            print(f"generated {store.count('events'):,} events at {args.places:,} places in {time.perf_counter() - begin:.1f} s")
            begin = time.perf_counter()
            spans = rebuild_control(store)
            print(f"control timeline: {spans:,} spans in {time.perf_counter() - begin:.1f} s")
        print(f"store: {store.count('events'):,} events, {store.count('control_spans'):,} control spans, {path.stat().st_size / 1e6:.0f} MB")
        days = [START + timedelta(days=rng.randrange(DAYS)) for _ in range(args.runs)]
        control_on(store, days[0])  # warm the page cache
        it = iter(days * 4)
        timed("control --on DATE", args.runs, lambda: len(control_on(store, next(it)).places))
        timed("control --on DATE --country SY", args.runs, lambda: len(control_on(store, next(it), country="SY").places))
        timed("control --on DATE --actor 'Islamic State'", args.runs, lambda: len(control_on(store, next(it), actor="Islamic State").places))
        timed("control --on DATE --format json", args.runs, lambda: len(json.dumps(control_on(store, next(it)).as_dict())))
    if args.command_runs:
        time_commands(path, args.command_runs)


if __name__ == "__main__":
    main()
