"""Submitting a report by URL: the page is fetched, its main text extracted and ingested like any report."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from rasd.ingest.fetch import Fetcher
from rasd.web import Settings, create_app

PAGE = """<!doctype html><html lang="en"><head><title>Shelling in Aleppo</title>
<meta property="og:site_name" content="Test Wire"></head><body><nav>Home | World</nav>
<article><h1>Shelling in Aleppo</h1>
<p>Artillery shells hit a market in the Aleppo city on 1 June 2024, killing three civilians and wounding
ten others, local medics said. The shelling came from positions held by an armed group west of the city.</p>
<p>Residents said the market was crowded at the time of the attack.</p></article>
<footer>Copyright</footer></body></html>"""


class _Page(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/news/aleppo.html":
            body, status = PAGE.encode(), 200
        else:
            body, status = b"not here", 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def url_client(engine: Engine) -> Iterator[TestClient]:
    settings = Settings(fetcher=lambda: Fetcher(retries=0, robots=False, timeout=5), warm_map=False)
    with TestClient(create_app(engine, settings)) as client:
        yield client


def test_a_report_submitted_by_url_is_fetched_and_ingested(url_client, auth, site):
    url = f"{site}/news/aleppo.html"
    response = url_client.post("/api/reports", json={"url": url, "published": "2024-06-02"}, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["outcome"] == "new"
    (event,) = body["events"]
    assert event["sub_event_type"] == "Shelling/artillery/missile attack" and event["fatalities"] == 3
    document = url_client.get(f"/api/documents/{body['document_id']}").json()
    assert document["url"] == url and "Copyright" not in document["text"]


def test_a_url_that_cannot_be_fetched_is_a_clear_error(url_client, auth, site):
    missing = f"{site}/news/gone.html"
    response = url_client.post("/api/reports", json={"url": missing}, headers=auth)
    assert response.status_code == 422 and missing in response.text and "404" in response.text
    assert (
        url_client.post("/api/reports", json={"url": "ftp://example.org/x"}, headers=auth).status_code == 422
    )
    assert url_client.post("/api/reports", json={"title": "no text"}, headers=auth).status_code == 422
