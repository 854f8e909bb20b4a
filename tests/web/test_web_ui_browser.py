"""The web UI in a real browser (Debian's Chromium through Playwright), against a served test store.

Skipped when /usr/bin/chromium or the playwright package is absent (`apt-get install chromium`).
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine

from rasd.ingest import Document
from rasd.store import connect, ingest
from rasd.web import Settings, create_app
from rasd.web.tokens import create_token

CHROMIUM = Path("/usr/bin/chromium")
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
# Each payload would set window.__pwned if the page ever treated report text as HTML.
PAYLOAD = (
    "Protesters gathered in Zarqa on 6 May 2024. <script>window.__pwned = 'script'</script> "
    "<img src=x onerror=\"window.__pwned = 'img'\"> <svg onload=\"window.__pwned = 'svg'\"></svg>"
)
PAYLOAD_TITLE = "<img src=x onerror=\"window.__pwned = 'title'\">"


@dataclass
class Served:
    base: str
    engine: Engine
    token: str
    ids: dict[str, str] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(
    template_store: Path, small_gazetteer: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """The five test reports plus a hostile one, served by uvicorn on a free 127.0.0.1 port."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    path = tmp_path_factory.mktemp("ui-store") / "events.sqlite"
    shutil.copy(template_store, path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RASD_GAZETTEER", str(small_gazetteer))
        engine = connect(str(path))
        doc = Document(
            id="zarqa", text=PAYLOAD, published="2024-05-07", title=PAYLOAD_TITLE, outlet="Test Wire"
        )
        report = ingest(engine, [doc])
        assert report.events_new == 1, report.summary()
        token = create_token(engine, "ana", "write")
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(engine, Settings()), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        served = Served(f"http://127.0.0.1:{port}", engine, token)
        from fastapi.testclient import TestClient

        with TestClient(create_app(engine)) as client:
            for name, params in {
                "mosul": {"near": "36.34,43.13,30"},
                "homs": {"country": "SY", "type": "Explosions/Remote violence"},
                "kirkuk": {"near": "35.47,44.39,30"},
                "zarqa": {"since": "2024-05-05"},
            }.items():
                (event,) = client.get("/api/events", params=params).json()["events"]
                served.ids[name] = event["id"]
        try:
            yield served
        finally:
            server.should_exit = True
            thread.join(10)
            engine.dispose()


@pytest.fixture(scope="module")
def browser(served: Served) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (own storage) that records script errors and dialogs, which no test expects."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.errors, page.dialogs = [], []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.set_default_timeout(10_000)
    yield page
    assert page.errors == [] and page.dialogs == []
    context.close()


def test_the_events_view_shows_map_timeline_and_table(page, served: Served):
    from playwright.sync_api import expect

    page.goto(served.base + "/")
    page.wait_for_selector("html[data-map-ready]")
    assert page.locator("#summary").inner_text().startswith("6 events · 6 on the map")
    assert int(page.locator("#map").get_attribute("data-markers")) >= 1  # clusters or points drawn
    page.wait_for_selector(".leaflet-basemap-pane canvas", state="attached")  # the basemap follows the points
    assert page.locator("#timeline svg rect").count() >= 6  # a bar per dated event (and the brush)
    assert page.locator("#timeline-legend .chip").count() == 3  # Battles, Explosions, Protests
    assert page.locator("table.events tbody tr").count() == 6
    page.select_option("select[name=type]", "Battles")
    page.click("#filters button[type=submit]")
    expect(page.locator("table.events tbody tr")).to_have_count(2)
    assert "type=Battles" in page.url
    expect(page.locator("#summary")).to_have_text(re.compile(r"^2 events"))


def test_a_row_opens_the_event_page_with_arabic_text_right_to_left_and_evidence_marked(page, served: Served):
    homs = served.ids["homs"]
    page.goto(served.base + "/")
    page.click(f"table.events tr[data-id='{homs}']")
    page.wait_for_selector(f"#view-event[data-loaded='{homs}'] .doc-text")
    text = page.locator(".doc-text")
    assert text.get_attribute("dir") == "rtl" and text.get_attribute("lang") == "ar"
    assert text.inner_text().startswith("انفجرت عبوة ناسفة في حمص")
    marks = page.locator(".doc-text mark.ev")
    assert marks.count() >= 3
    marked = {
        marks.nth(i).inner_text(): marks.nth(i).get_attribute("data-fields") for i in range(marks.count())
    }
    assert any("location" in fields for word, fields in marked.items() if "حمص" in word), marked
    assert page.locator(".ev-legend .ev-place").count() == 1
    english = served.ids["mosul"]
    page.goto(f"{served.base}/#/event/{english}")
    page.wait_for_selector(f"#view-event[data-loaded='{english}'] .doc-text")
    assert page.locator(".doc-text").get_attribute("dir") == "ltr"


def test_report_text_is_shown_as_text_and_never_runs(page, served: Served):
    from playwright.sync_api import expect

    zarqa = served.ids["zarqa"]
    page.goto(served.base + "/")
    page.wait_for_selector("html[data-map-ready]")
    page.goto(f"{served.base}/#/event/{zarqa}")
    page.wait_for_selector(f"#view-event[data-loaded='{zarqa}'] .doc-text")
    page.wait_for_timeout(300)  # time for an injected handler to fire, were there one
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#view-event img, #view-event script, #view-event svg").count() == 0
    assert "<script>window.__pwned = 'script'</script>" in page.locator(".doc-text").inner_text()
    assert page.locator(".report h3").inner_text() == PAYLOAD_TITLE
    # the template store's report with alert(1) payloads: a dialog would fail the test (see `page`)
    page.goto(f"{served.base}/#/?country=JO")
    expect(page.locator("table.events tbody tr")).to_have_count(2)
    page.locator("table.events tbody tr").first.click()
    page.wait_for_selector("#view-event[data-loaded] .doc-text")
    assert "<img src=x onerror=alert(1)>" in page.locator(".doc-text").inner_text()


def _paste_token(page, token: str) -> None:
    page.click("#token-button")
    page.fill("#token-dialog input[name=token]", token)
    page.click("#token-dialog button[value=save]")
    page.wait_for_selector("#token-state.on")


def test_an_analyst_edits_and_approves_with_a_pasted_token(page, served: Served):
    kirkuk = served.ids["kirkuk"]
    page.goto(f"{served.base}/#/event/{kirkuk}")
    page.wait_for_selector(f"#view-event[data-loaded='{kirkuk}']")
    assert page.locator("#review .hint").count() == 1  # no token yet
    _paste_token(page, served.token)
    assert page.evaluate("sessionStorage.getItem('rasd.token')") == served.token
    assert page.evaluate("localStorage.getItem('rasd.token')") is None
    page.wait_for_selector("#review:not(:has(.hint))")
    page.click("#review details.edit summary")
    page.fill("#edit-form input[name=fatalities]", "6")
    page.fill("#edit-form input[name=edit-note]", "hospital figures")
    page.click("#edit-form button[type=submit]")
    page.wait_for_selector(".history li:has-text('hospital figures')")
    history = page.locator(".history li").first.inner_text()
    assert "fatalities" in history and "4" in history and "6" in history and "ana" in history
    page.fill("#review input[name=note]", "checked")
    page.click("#review button.approve")
    page.wait_for_selector("#review-status.pill-approved")
    detail = page.evaluate(f"fetch('/api/events/{kirkuk}').then(r => r.json())")
    assert detail["event"]["fatalities"] == 6 and detail["review"]["status"] == "approved"
    page.goto(f"{served.base}/#/review")
    page.wait_for_selector(".log .history li")
    assert page.locator(".log .history li").count() >= 2


def test_an_analyst_merges_an_event_into_another_then_splits_a_report_out(page, served: Served):
    mosul, kirkuk = served.ids["mosul"], served.ids["kirkuk"]
    page.goto(f"{served.base}/#/event/{mosul}")
    page.wait_for_selector(f"#view-event[data-loaded='{mosul}']")
    _paste_token(page, served.token)
    page.click("#review details.merge summary")
    page.fill("#merge-form input[name=merge-into]", kirkuk)
    page.fill("#merge-form input[name=merge-note]", "same checkpoint attack")
    page.click("#merge-form button[type=submit]")
    page.click("#merge-confirm-button")  # after seeing what it merges into
    page.wait_for_selector(f"#view-event[data-loaded='{kirkuk}']")
    assert page.locator(".report").count() == 2
    assert "merged" in page.locator(".history li").first.inner_text()
    kept = page.evaluate(f"fetch('/api/events/{kirkuk}').then(r => r.json())")
    assert {r["document_key"] for r in kept["reports"]} == {"id:mosul", "id:kirkuk"}
    page.goto(f"{served.base}/#/event/{mosul}")  # an old link leads to the survivor
    page.wait_for_selector("#merged-note")
    assert page.url.endswith(f"#/event/{kirkuk}")

    moved = next(r["mention_id"] for r in kept["reports"] if r["document_key"] == "id:mosul")
    page.click("#review details.split summary")
    page.check(f"#split-form input[name=split-mention][value='{moved}']")
    page.click("#split-form button[type=submit]")
    page.wait_for_selector(f"#view-event[data-loaded]:not([data-loaded='{kirkuk}'])")
    new = page.locator("#view-event").get_attribute("data-loaded")
    assert new != mosul and page.url.endswith(f"#/event/{new}")
    assert [r.inner_text() for r in page.locator(".report h3").all()] == ["Report mosul"]
    served.ids["mosul"] = new


def test_writes_without_a_token_ask_for_one(page, served: Served):
    page.goto(f"{served.base}/#/event/{served.ids['homs']}")
    page.wait_for_selector("#view-event[data-loaded] #review")
    page.click("#review button.approve")
    page.wait_for_selector("#token-dialog[open]")
    assert "token" in page.locator("#toast").inner_text()
