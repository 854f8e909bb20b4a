"""Screenshots of the web UI's main screens, saved as PNGs in docs/screenshots/ (see docs/web.md).

    python benchmarks/ui_screenshots.py [--out docs/screenshots] [--events 3000]

Builds a demonstration store (``ui_demo_store.py``: synthetic events plus the bundled example reports,
extracted by rasd), serves it on a free 127.0.0.1 port, makes one analyst edit and approval through the
API, and photographs the pages in Debian's Chromium (/usr/bin/chromium, through Playwright):
``events.png`` (map, timeline, table), ``event-arabic.png`` (an Arabic report right-to-left with its
evidence highlighted) and ``review.png`` (editing an event, with its history).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import httpx
from api_latency import free_port, start_server, stop_server
from ui_demo_store import build
from ui_map_load import ARGS, CHROMIUM

from rasd.store import connect
from rasd.web.tokens import create_token

ROOT = Path(__file__).resolve().parents[1]


def shoot(base: str, out: Path, token: str, arabic: str, english: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
        page = context.new_page()
        page.goto(base + "/#/?since=2024-01-01&until=2024-12-31")
        page.wait_for_selector("html[data-map-ready]")
        page.wait_for_selector("table.events tbody tr")
        page.wait_for_selector(".leaflet-basemap-pane canvas", state="attached")
        page.wait_for_timeout(300)  # basemap drawn
        page.screenshot(path=out / "events.png")

        page.goto(f"{base}/#/event/{arabic}")
        page.wait_for_selector(f"#view-event[data-loaded='{arabic}'] .doc-text")
        page.screenshot(path=out / "event-arabic.png")

        page.evaluate("token => sessionStorage.setItem('rasd.token', token)", token)
        page.goto(f"{base}/#/event/{english}")
        page.reload()
        page.wait_for_selector(f"#view-event[data-loaded='{english}'] #review")
        page.click("#review details.edit summary")
        page.fill("#edit-form input[name=fatalities]", "0")
        page.fill("#edit-form input[name=edit-note]", "no casualties, per the CTD statement")
        page.evaluate("document.querySelector('main').scrollTo(0, 40)")
        page.wait_for_timeout(300)
        page.screenshot(path=out / "review.png")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--events", type=int, default=3000)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} not found: apt-get install chromium")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = build(Path(tmp) / "events.sqlite", args.events)
        engine = connect(url)
        token = create_token(engine, "layla", "write")
        engine.dispose()
        port = free_port()
        server = start_server(url, port, 1)
        base = f"http://127.0.0.1:{port}"
        try:
            auth = {"Authorization": f"Bearer {token}"}
            ids = {}
            for name in ("ar-report", "en-report"):
                params = {"since": "2024-03-01", "type": "Explosions/Remote violence", "limit": 1000}
                found = httpx.get(f"{base}/api/events", params=params).json()["events"]
                ids[name] = next(e["id"] for e in found if e.get("doc_id") == name)
            english = ids["en-report"]
            httpx.patch(
                f"{base}/api/events/{english}",
                json={
                    "changes": {"munitions": {"rockets": 5}},
                    "note": "five rockets per the airport authority",
                },
                headers=auth,
            ).raise_for_status()
            httpx.post(
                f"{base}/api/events/{ids['ar-report']}/approve", json={"note": "checked"}, headers=auth
            )
            shoot(base, args.out, token, ids["ar-report"], english)
        finally:
            stop_server(server)
    for name in ("events.png", "event-arabic.png", "review.png"):
        print(args.out / name)


if __name__ == "__main__":
    main()
