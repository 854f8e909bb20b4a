"""A local web site on 127.0.0.1 (threaded http.server, port 0) serving made-up pages and feeds."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def use_small_gazetteer(small_gazetteer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction here (and in subprocesses and Dask workers) uses the small index, not the user's."""
    monkeypatch.setenv("RASD_GAZETTEER", str(small_gazetteer))


@dataclass
class Route:
    """What the site answers for one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    fail_first: int = 0  # answer 500 to this many requests first
    delay: float = 0.0  # seconds to wait before answering
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes


@dataclass
class Site:
    """The routes of the test site, the requests it saw, and its base URL."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, **kw: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kw)  # type: ignore[arg-type]
        return self.url(path)

    def rss(self, path: str, items: list[dict[str, str]], **kw: object) -> str:
        """Serve an RSS 2.0 feed of ``items`` ({title, link?, guid?, date, description?, content?})."""
        return self.add(path, rss(self.base, items), content_type="application/rss+xml", **kw)


def _handler(site: Site) -> Callable[..., BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            site.hits[path] += 1
            site.headers.setdefault(path, []).append({k.lower(): v for k, v in self.headers.items()})
            route = site.routes.get(path)
            if route is None:
                self._send(404, b"<html><body>not found</body></html>", "text/html")
                return
            if route.delay:
                time.sleep(route.delay)
            if site.hits[path] <= route.fail_first:
                self._send(500, b"server error", "text/plain")
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self._send(304, b"", None, route)
                return
            if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                self._send(304, b"", None, route)
                return
            self._send(route.status, route.body, route.content_type, route)

        def _send(self, status: int, body: bytes, ctype: str | None, route: Route | None = None) -> None:
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            if route is not None and route.etag:
                self.send_header("ETag", route.etag)
            if route is not None and route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route is None or route.send_length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """The made-up news site of :func:`populate`, served on 127.0.0.1 for one test."""
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    populate(s)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


# Made-up reports (written for these tests; no real article).
PAGES = {
    "/news/sarmin-shelling.html": dict(
        lang="en",
        site="Northern Monitor",
        date="2024-03-11",
        title="Artillery shelling kills three civilians in Sarmin",
        body=[
            "Three civilians were killed and five others wounded on Monday when artillery shells hit "
            "residential areas of the town of Sarmin in the Idlib countryside, local sources said.",
            "The civil defence said its teams pulled two children from the rubble of a damaged house. "
            "Government forces shelled the area from positions near Saraqib, according to a local monitor.",
        ],
    ),
    "/ar/hawija-ied.html": dict(
        lang="ar",
        site="مرصد الشمال",
        date="2024-04-14",
        title="مقتل جنديين بانفجار عبوة ناسفة جنوب غرب كركوك",
        body=[
            "قتل جنديان من الجيش العراقي وأصيب ثلاثة آخرون، يوم الأحد، بانفجار عبوة ناسفة استهدفت دوريتهم "
            "في قضاء الحويجة جنوب غرب كركوك، بحسب مصدر أمني.",
            "وأضاف المصدر أن قوة أمنية طوقت المكان وبدأت عمليات تفتيش في القرى المجاورة بحثا عن المنفذين.",
        ],
    ),
    "/news/daraa-checkpoint.html": dict(
        lang="en",
        site="Northern Monitor",
        date="2024-05-08",
        title="Gunmen kill two policemen at a checkpoint in Daraa",
        body=[
            "Gunmen attacked a police checkpoint in the city of Daraa on Wednesday, killing two policemen "
            "and wounding another, a security official said.",
            "The attackers fled towards the western countryside of the province, the official added.",
        ],
    ),
    "/private/secret.html": dict(
        lang="en",
        site="Northern Monitor",
        date="2024-05-09",
        title="A page robots.txt keeps rasd away from",
        body=["Rockets hit Kirkuk on Thursday, killing one man, police said."],
    ),
}


def page(lang: str, site: str, date: str, title: str, body: list[str]) -> str:
    """A news page: navigation and footer around an article with its title, date and site name."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{date}T08:30:00+00:00">'
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Copyright {site}</footer></body></html>"
    )


def rss(base: str, items: list[dict[str, str]]) -> str:
    parts = []
    for item in items:
        link = item.get("link")
        parts.append(
            "<item>"
            f"<title>{item['title']}</title>"
            + (f"<link>{base}{link}</link>" if link else "")
            + f"<guid isPermaLink='false'>{item.get('guid') or (base + link if link else item['title'])}</guid>"
            f"<pubDate>{item['date']}</pubDate>"
            + (
                f"<description><![CDATA[{item['description']}]]></description>"
                if item.get("description")
                else ""
            )
            + (
                f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
                if item.get("content")
                else ""
            )
            + "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Northern Monitor</title><link>{base}/</link><description>Reports</description>"
        + "".join(parts)
        + "</channel></rss>"
    )


SARMIN = {
    "title": "Shelling kills three in Sarmin",
    "link": "/news/sarmin-shelling.html",
    "date": "Mon, 11 Mar 2024 09:00:00 GMT",
}
HAWIJA = {
    "title": "مقتل جنديين في الحويجة",
    "link": "/ar/hawija-ied.html",
    "date": "Sun, 14 Apr 2024 10:00:00 GMT",
}
DARAA = {
    "title": "Two policemen killed in Daraa",
    "link": "/news/daraa-checkpoint.html",
    "date": "Wed, 08 May 2024 12:00:00 GMT",
}


def populate(site: Site) -> None:
    """The pages above, a robots.txt that disallows /private/, and a feed of two of the pages."""
    for path, meta in PAGES.items():
        site.add(path, page(**meta))
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.rss("/feeds/main.xml", [HAWIJA, SARMIN], etag='"v1"')


@pytest.fixture
def entries() -> dict[str, dict[str, str]]:
    """Feed items of the site's pages, by name."""
    return {"sarmin": dict(SARMIN), "hawija": dict(HAWIJA), "daraa": dict(DARAA)}
