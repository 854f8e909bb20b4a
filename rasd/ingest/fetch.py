"""HTTP fetching for web pages and feeds: timeouts, retries with backoff, a size cap, robots.txt.

Retries (with exponential backoff) are for timeouts, connection errors and 5xx answers, never for
4xx. Bodies are streamed and refused past ``max_bytes``. Pages are checked against the site's
robots.txt (cached per host); feeds a user configured are not. Every failure is a
:class:`FetchError` naming the URL and the reason.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from rasd import __version__

USER_AGENT = f"rasd/{__version__} (conflict event coding; +https://github.com/rasd-project/rasd)"
ROBOTS_AGENT = "rasd"
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_ROBOTS_BYTES = 512 * 1024
ROBOTS_TTL = 3600.0  # seconds a site's robots.txt is cached


class FetchError(RuntimeError):
    """A URL that could not be fetched; ``reason`` says why, ``retryable`` whether a later try may work."""

    def __init__(self, url: str, reason: str, *, retryable: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retryable = retryable


@dataclass(slots=True)
class Fetched:
    """A fetched URL: final URL after redirects, status, body, headers (``not_modified`` for a 304)."""

    url: str
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


class Fetcher:
    """Fetches URLs with one pooled HTTP client; use as a context manager or call :meth:`close`."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = MAX_PAGE_BYTES,
        user_agent: str = USER_AGENT,
        robots: bool = True,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.robots = robots
        self.sleep = sleep
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None, str]] = {}
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=10,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        check_robots: bool = True,
        max_bytes: int | None = None,
    ) -> Fetched:
        """Fetch ``url`` (a conditional GET when ``etag``/``last_modified`` are given).

        A 304 is returned (``not_modified``); other statuses of 400 and above are a :class:`FetchError`.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(url, "not an http(s) URL")
        if check_robots and self.robots:
            refusal = self.robots_refusal(url)
            if refusal:
                raise FetchError(url, refusal)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._get_once(url, headers, max_bytes or self.max_bytes)
            except FetchError as exc:
                if not exc.retryable or attempt >= self.retries:
                    if attempt:
                        raise FetchError(
                            url, f"{exc.reason} (after {attempt + 1} tries)", retryable=exc.retryable
                        ) from exc
                    raise
            attempt += 1
            self.sleep(self.backoff * 2 ** (attempt - 1))

    def _get_once(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched:
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status >= 500:
                    raise FetchError(url, f"HTTP {status} {response.reason_phrase}".rstrip(), retryable=True)
                if status >= 400:
                    raise FetchError(url, f"HTTP {status} {response.reason_phrase}".rstrip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(url, _too_large(int(declared), max_bytes))
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(url, _too_large(size, max_bytes, partial=True))
                    chunks.append(chunk)
                return Fetched(
                    url=str(response.url),
                    status=status,
                    content=b"".join(chunks),
                    headers={k.lower(): v for k, v in response.headers.items()},
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})", retryable=True) from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, "too many redirects") from exc
        except httpx.TransportError as exc:
            raise FetchError(url, f"connection failed: {exc or type(exc).__name__}", retryable=True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"HTTP error: {exc or type(exc).__name__}") from exc

    def robots_refusal(self, url: str) -> str | None:
        """Why the site's robots.txt keeps rasd from ``url``, or None when it may fetch it.

        No robots.txt (or a 4xx one) allows everything; one the server fails to give (5xx, timeout)
        disallows everything until it is read again (RFC 9309). Each site's file is cached for an hour.
        """
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(site)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
            cached = (time.monotonic(), *self._read_robots(site))
            self._robots[site] = cached
        _, parser, problem = cached
        if problem:
            return f"skipped: robots.txt of {site} could not be read ({problem}), so nothing is fetched there"
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
            return f"skipped: robots.txt of {site} disallows this URL"
        return None

    def _read_robots(self, site: str) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        try:
            fetched = self.get(f"{site}/robots.txt", check_robots=False, max_bytes=MAX_ROBOTS_BYTES)
        except FetchError as exc:
            if exc.retryable:  # the server fails: assume everything is disallowed for now
                return None, exc.reason
            return None, ""  # 4xx, too large, ...: no usable robots.txt, so no restriction
        parser = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
        parser.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
        return parser, ""


def _too_large(size: int, limit: int, partial: bool = False) -> str:
    more = "more than " if partial else ""
    return f"too large: {more}{size / 1e6:.1f} MB (the limit is {limit / 1e6:.1f} MB)"
