"""Web UI map load: time until 100,000 stored events are drawn, clustered, on the map in headless Chromium.

    python benchmarks/ui_map_load.py [--events 100000] [--runs 3] [--db STORE.sqlite]

Fills a temporary SQLite store with synthetic events (``api_latency.fill``: rows inserted directly),
serves it with `rasd serve` on a free 127.0.0.1 port, opens the page in Debian's Chromium
(/usr/bin/chromium, through Playwright) with a fresh cache each run, and prints per run: the time from
navigation start until the clusters are drawn (the page marks ``rasd:map-ready`` after fetching the
points and the timeline, indexing them with Supercluster and drawing the markers), the points request,
the clustering, and how long a zoom-in takes to redraw (the map is interactive). Stops the server and
deletes the store by itself.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from api_latency import fill, free_port, start_server, stop_server

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ZOOM = """() => new Promise((resolve) => {
  const map = window.rasd.map;
  const t0 = performance.now();
  map.once("moveend", () => requestAnimationFrame(() => resolve(performance.now() - t0)));
  map.setZoom(map.getZoom() + 2, { animate: false });
})"""


def measure(base: str, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    ready: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for run in range(1, runs + 1):
            context = browser.new_context(viewport={"width": 1440, "height": 900})  # empty cache
            page = context.new_page()
            page.goto(base + "/", wait_until="commit")
            page.wait_for_selector("html[data-map-ready]", timeout=60_000)
            mark = page.evaluate("performance.getEntriesByName('rasd:map-ready')[0].startTime")
            fetch = page.evaluate(
                "performance.getEntriesByType('resource').filter(e => e.name.includes('/api/events/points'))"
                ".map(e => [e.duration, e.encodedBodySize, e.decodedBodySize])[0]"
            )
            index_ms = float(page.locator("#map").get_attribute("data-index-ms") or "nan")
            set_ms = float(page.locator("#map").get_attribute("data-set-ms") or "nan")
            markers = page.locator("#map").get_attribute("data-markers")
            summary = page.locator("#summary").inner_text()
            zoom_ms = page.evaluate(ZOOM)
            ready.append(mark)
            print(
                f"  run {run}: clustered map drawn {mark / 1000:.2f} s after navigation start "
                f"(points request {fetch[0]:.0f} ms, {fetch[1] / 1e6:.1f} MB gzipped / {fetch[2] / 1e6:.1f} MB; "
                f"clustering {index_ms:.0f} ms, then drawn at {set_ms:.0f} ms; {markers} markers); zoom-in redraw {zoom_ms:.0f} ms; {summary}"
            )
            context.close()
        browser.close()
    print(
        f"map ready: median {statistics.median(ready) / 1000:.2f} s, worst {max(ready) / 1000:.2f} s (target: 2 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing store to serve instead (kept)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} not found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            url = f"sqlite:///{args.db.resolve()}"
        else:
            url = f"sqlite:///{Path(tmp) / 'events.sqlite'}"
            t0 = time.perf_counter()
            fill(url, args.events)
            print(f"filled a store with {args.events:,} events in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        server = start_server(url, port, 1)
        try:
            measure(f"http://127.0.0.1:{port}", args.runs)
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
