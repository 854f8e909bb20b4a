"""API latency: /api/events over a 100,000-event store, served by `rasd serve` (uvicorn) on 127.0.0.1.

    python benchmarks/api_latency.py [--events 100000] [--requests 300] [--clients 50] [--duration 60]

Fills a temporary SQLite store with synthetic events (rows inserted directly), starts the server in a
subprocess on a free local port, times filtered requests one at a time (p50/p95 per filter), then runs a
bounded load test (``--clients`` concurrent clients for ``--duration`` seconds, 127.0.0.1 only) and prints
throughput, latency and errors. Then it runs the same filters again after 100 analysts' edits
(edited events take the slower merge path). It stops the server and deletes the store by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

from rasd.model import Actor, Event, Place, Source, When
from rasd.store import add_edit, connect
from rasd.store.rows import event_columns
from rasd.store.schema import events

PLACES = [
    ("Mosul", "IQ", "Iraq", 36.335, 43.119),
    ("Kirkuk", "IQ", "Iraq", 35.468, 44.392),
    ("Baghdad", "IQ", "Iraq", 33.341, 44.401),
    ("Basra", "IQ", "Iraq", 30.508, 47.783),
    ("Aleppo", "SY", "Syria", 36.202, 37.134),
    ("Homs", "SY", "Syria", 34.724, 36.726),
    ("Idlib", "SY", "Syria", 35.931, 36.633),
    ("Raqqa", "SY", "Syria", 35.952, 39.009),
    ("Amman", "JO", "Jordan", 31.955, 35.945),
    ("Beirut", "LB", "Lebanon", 33.889, 35.495),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]
ACTORS = [
    "Islamic State",
    "Military Forces of Syria",
    "Military Forces of Iraq",
    "Unidentified Armed Group",
    "Protesters",
]
FILTERS: dict[str, dict[str, Any]] = {
    "type+dates": {"type": "Battles", "since": "2024-03-01", "until": "2024-03-31"},
    "country": {"country": "IQ", "limit": 50},
    "near 25 km": {"near": "36.2,37.13,25", "since": "2024-06-01"},
    "actor": {"actor": "islamic", "until": "2024-02-15"},
    "deep page": {"offset": 90_000, "limit": 100},
    "geojson": {"format": "geojson", "country": "SY", "since": "2024-10-01"},
}


def fill(url: str, n: int, seed: int = 7) -> None:
    """Insert ``n`` synthetic merged events straight into the events table."""
    rng = random.Random(seed)
    engine = connect(url)
    start = dt.date(2024, 1, 1)
    rows = []
    for i in range(n):
        name, cc, country, lat, lon = rng.choice(PLACES)
        etype, sub = rng.choice(TYPES)
        day = start + dt.timedelta(days=rng.randrange(366))
        event = Event(
            id=f"ev-{i:016x}",
            event_type=etype,
            sub_event_type=sub,
            actor1=Actor(name=f"{rng.choice(ACTORS)} ({country})"),
            location=Place(
                name=name,
                country=country,
                country_code=cc,
                lat=lat + rng.uniform(-0.3, 0.3),
                lon=lon + rng.uniform(-0.3, 0.3),
                geo_precision=1,
            ),
            when=When(start=day, end=day, time_precision=1),
            fatalities=rng.randint(0, 12),
            sources=[Source(kind="outlet", name=f"Outlet {rng.randrange(40)}")],
            confidence=0.7,
        )
        rows.append(event_columns(event, 1))
        if len(rows) == 5000:
            with engine.begin() as conn:
                conn.execute(insert(events), rows)
            rows = []
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(events), rows)
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop a server started by :func:`start_server` (killed when it does not stop within 10 s)."""
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    code = "from rasd.cli import serve_cmd; from rasd.cli.app import app; app()"
    args = [
        "serve",
        "--db",
        url,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen([sys.executable, "-c", code, *args])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def sequential(base: str, requests: int) -> None:
    """Time ``requests`` requests, spread over the filters, one at a time."""
    timings: dict[str, list[float]] = {name: [] for name in FILTERS}
    totals: dict[str, int] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for i in range(requests):
            name = list(FILTERS)[i % len(FILTERS)]
            t0 = time.perf_counter()
            response = client.get("/api/events", params=FILTERS[name])
            timings[name].append((time.perf_counter() - t0) * 1000)
            response.raise_for_status()
            totals[name] = response.json()["total"]
    every = [t for ts in timings.values() for t in ts]
    for name, ts in timings.items():
        print(
            f"  {name:<11} total={totals[name]:>6}  p50 {pct(ts, 50):7.1f} ms  p95 {pct(ts, 95):7.1f} ms  (n={len(ts)})"
        )
    print(f"  all         p50 {pct(every, 50):7.1f} ms  p95 {pct(every, 95):7.1f} ms  (n={len(every)})")


async def load(base: str, clients: int, duration: float) -> None:
    """``clients`` concurrent clients requesting filtered pages for ``duration`` seconds."""
    timings: list[float] = []
    errors: Counter[str] = Counter()
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def one(client: httpx.AsyncClient, k: int) -> None:
        names = list(FILTERS)
        i = k
        while time.monotonic() < deadline:
            params = FILTERS[names[i % len(names)]]
            i += 1
            t0 = time.perf_counter()
            try:
                response = await client.get("/api/events", params=params)
                if response.status_code != 200:
                    errors[f"HTTP {response.status_code}"] += 1
                    continue
            except httpx.HTTPError as exc:
                errors[f"{type(exc).__name__}: {exc}"[:120]] += 1
                continue
            timings.append((time.perf_counter() - t0) * 1000)

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        t0 = time.monotonic()
        await asyncio.gather(*(one(client, k) for k in range(clients)))
        elapsed = time.monotonic() - t0
    ok = len(timings)
    print(
        f"  {clients} clients, {elapsed:.1f} s: {ok} ok, {sum(errors.values())} errors, {ok / elapsed:.1f} req/s"
    )
    if timings:
        print(f"  latency under load: p50 {pct(timings, 50):.1f} ms  p95 {pct(timings, 95):.1f} ms")
    for error, n in errors.most_common(10):
        print(f"  error x{n}: {error}")


def add_edits(url: str, n: int, events_in_store: int) -> None:
    engine = connect(url)
    rng = random.Random(11)
    for i in rng.sample(range(events_in_store), n):
        add_edit(engine, f"ev-{i:016x}", "fatalities", rng.randint(0, 5), "benchmark")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--duration", type=float, default=60.0, help="load test seconds (capped at 60)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'events.sqlite'}"
        t0 = time.perf_counter()
        fill(url, args.events)
        print(f"server: rasd serve --workers {args.workers}")
        print(f"filled a store with {args.events:,} events in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        server = start_server(url, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            print(f"sequential GET /api/events ({args.requests} requests):")
            sequential(base, args.requests)
            print("load test:")
            asyncio.run(load(base, args.clients, min(60.0, args.duration)))
            add_edits(url, min(100, args.events), args.events)
            print(f"sequential GET /api/events after 100 edits ({args.requests} requests):")
            sequential(base, args.requests)
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
