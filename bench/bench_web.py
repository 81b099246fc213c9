"""Benchmark: the workbench's `GET /api/events?limit=50` over loopback, on 100,000 events in SQLite.

Fills a store with synthetic events as bench_control.py does (places across Iraq and Syria, events of
every type over ten years), gives each event a source (a claim in one of 2,000 reports), then starts
`frontlines serve` in a subprocess on a free loopback port and has concurrent clients
request pages of events for a while (a bare keep-alive HTTP/1.1 client on asyncio): the first pages, pages deep in the store,
filtered ones, and filters asked for the first time (their totals counted, their pages read: nothing kept helps).
Prints requests per second and latency percentiles per kind of request. Figures only.

    python bench/bench_web.py                                # 100k events, 10 s per request mix, one server process
    python bench/bench_web.py --workers 4 --only-first       # four server processes, the first page only
    python bench/bench_web.py --db /tmp/web.db --keep --seconds 20 --clients 32
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).parent))
from bench_control import DAYS, START, generate, percentile  # noqa: E402

from frontlines.control_api import rebuild_control  # noqa: E402
from frontlines.store import Store  # noqa: E402
from frontlines.store import schema as t  # noqa: E402

REPORTS = 2_000
QUOTE = "Iraqi forces said they had taken the town after two days of fighting with Islamic State militants."
TEXT = "Baghdad (Bench Wire) - " + QUOTE + " Residents said the fighting had lasted two days. " * 3

# (label, path and query): what the clients ask for, each for its share of the time
MIXES = [
    ("/api/events?limit=50", lambda rng: "/api/events?limit=50"),
    ("/api/events?limit=50&offset=RANDOM", lambda rng: f"/api/events?limit=50&offset={rng.randrange(0, 99_950)}"),
    ("/api/events?limit=50&type=airstrike&since=2016-01-01", lambda rng: "/api/events?limit=50&type=airstrike&since=2016-01-01"),
    ("/api/events?limit=50&actor=Peshmerga", lambda rng: "/api/events?limit=50&actor=Peshmerga"),
    # a filter asked for the first time: its total counted and its page read (3,650 days, few asked twice)
    ("/api/events?limit=50&since=RANDOM_DAY", lambda rng: f"/api/events?limit=50&since={START + timedelta(days=rng.randrange(DAYS))}"),
]


def add_sources(store: Store, rng: random.Random) -> None:
    """One claim per event, in one of REPORTS reports of one outlet."""
    now = datetime.now(timezone.utc)
    start = TEXT.index(QUOTE)
    with store.engine.begin() as conn:
        conn.execute(insert(t.outlets), [{"id": 1, "name": "Bench Wire", "language": "en", "country": None}])
        conn.execute(insert(t.reports), [{
            "id": i, "outlet_id": 1, "title": f"Bench report {i}", "url": f"https://example.org/bench/{i}", "published": None,
            "language": "en", "text": TEXT, "raw": TEXT.encode(), "content_hash": f"{i:064d}", "origin": f"bench-{i}", "ingested_at": now,
        } for i in range(1, REPORTS + 1)])  # fmt: skip
        events = list(conn.execute(select(t.events.c.id, t.events.c.event_type, t.events.c.date, t.events.c.place_id)))
        for begin in range(0, len(events), 50_000):
            chunk = events[begin : begin + 50_000]
            conn.execute(insert(t.claims), [{
                "id": e.id, "report_id": rng.randrange(1, REPORTS + 1), "event_type": e.event_type, "place_id": e.place_id,
                "date": e.date, "date_precision": "day", "modality": "asserted", "confidence": 0.8, "quote": QUOTE,
                "start": start, "end": start + len(QUOTE),
            } for e in chunk])  # fmt: skip
            conn.execute(insert(t.event_claims), [{"event_id": e.id, "claim_id": e.id} for e in chunk])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    program = Path(sys.executable).with_name("frontlines")
    command = [str(program), "--db", str(db), "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


async def load(port: int, make_path, seconds: float, clients: int, rng: random.Random) -> tuple[int, int, list[float]]:  # type: ignore[no-untyped-def]
    """Requests from `clients` concurrent keep-alive connections for `seconds`: (ok, failed, latencies
    in ms). A bare HTTP/1.1 client on asyncio streams, so that the client, which shares the machine,
    takes as little of it as it can (httpx's own work per request is a millisecond)."""
    latencies: list[float] = []
    failed = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal failed
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                begin = time.perf_counter()
                writer.write(f"GET {make_path(rng)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
                await reader.readexactly(length)
                if head.startswith(b"HTTP/1.1 200"):
                    latencies.append((time.perf_counter() - begin) * 1000)
                else:
                    failed += 1
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return len(latencies), failed, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="Seconds of load per request mix")
    parser.add_argument("--clients", type=int, default=16, help="Concurrent connections")
    parser.add_argument("--db", help="SQLite file (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="Reuse the database at --db if it is already filled")
    parser.add_argument("--workers", type=int, default=1, help="Server processes (`frontlines serve --workers`)")
    parser.add_argument("--only-first", action="store_true", help="Time only GET /api/events?limit=50")
    args = parser.parse_args()
    rng = random.Random(2017)
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench_web.db"
    if not (args.keep and path.exists()):
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
        with Store.open(f"sqlite:///{path}") as store:
            begin = time.perf_counter()
            generate(store, args.events, args.places, rng)
            add_sources(store, rng)
            rebuild_control(store)
            print(f"generated {store.count('events'):,} events with sources in {time.perf_counter() - begin:.1f} s")
    port = free_port()
    server = start_server(path, port, args.workers)
    try:
        print(f"frontlines serve --workers {args.workers} on 127.0.0.1:{port}, {args.clients} concurrent clients, {args.seconds:.0f} s each")
        for label, make_path in MIXES[:1] if args.only_first else MIXES:
            ok, failed, latencies = asyncio.run(load(port, make_path, args.seconds, args.clients, rng))
            print(
                f"  {label:<52} {ok / args.seconds:7.1f} req/s   p50 {statistics.median(latencies):6.1f} ms   "
                f"p95 {percentile(latencies, 0.95):6.1f} ms   failed {failed}"
            )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
