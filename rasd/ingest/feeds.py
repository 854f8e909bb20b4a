"""RSS and Atom feeds: the FEEDS.yaml list of feeds, and the entries of a fetched feed (feedparser).

FEEDS.yaml is a list of feeds (or ``{feeds: [...]}``), each ``{url, name?, interval?, outlet?,
language?, fetch_pages?}``; errors name the file and the entry. An entry becomes a document from its
page (see :mod:`rasd.ingest.web`) or, when the page is not fetched, from the feed's own content or
summary.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from rasd.ingest.documents import Document
from rasd.ingest.html import html_to_text

DEFAULT_INTERVAL = 300.0  # seconds between polls of one feed
MIN_INTERVAL = 10.0
FULL_TEXT_CHARS = 800  # an entry whose own content is this long is taken as the full text
_KEYS = {"url", "name", "interval", "outlet", "language", "fetch_pages"}


class FeedConfigError(ValueError):
    """FEEDS.yaml is not a valid list of feeds; the message names the file and the entry."""


class FeedError(ValueError):
    """A fetched feed that is not RSS or Atom; the message says why."""


@dataclass(frozen=True, slots=True)
class FeedConfig:
    """One feed to watch."""

    url: str
    name: str
    interval: float = DEFAULT_INTERVAL
    outlet: str | None = None
    language: str | None = None
    fetch_pages: bool = True


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed: its identity (``key``), link, title, date, and the feed's text for it."""

    key: str
    link: str | None
    title: str | None
    published: str | None
    content: str  # the entry's full content (content:encoded, atom:content), as plain text
    summary: str  # its summary or description, as plain text


def load_feeds(path: Path) -> list[FeedConfig]:
    """The feeds of a FEEDS.yaml file, or :class:`FeedConfigError` naming the file and the entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FeedConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise FeedConfigError(f"{path}: not UTF-8") from exc
    except yaml.YAMLError as exc:
        raise FeedConfigError(f"{path}: not valid YAML: {exc}") from exc
    if isinstance(raw, dict) and "feeds" in raw:
        raw = raw["feeds"]
    if not isinstance(raw, list) or not raw:
        raise FeedConfigError(f"{path}: expected a non-empty list of feeds ({{url, name?, interval?, ...}})")
    feeds = [_feed(path, i, item) for i, item in enumerate(raw, start=1)]
    seen: dict[str, int] = {}
    for i, feed in enumerate(feeds, start=1):
        if feed.url in seen:
            raise FeedConfigError(f"{path}: feed {i} ({feed.url}): the same URL as feed {seen[feed.url]}")
        seen[feed.url] = i
    return feeds


def _feed(path: Path, index: int, item: object) -> FeedConfig:
    where = f"{path}: feed {index}"
    if isinstance(item, str):
        item = {"url": item}
    if not isinstance(item, dict):
        raise FeedConfigError(f"{where}: expected a mapping {{url, name?, interval?, ...}} or a URL")
    url = item.get("url")
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise FeedConfigError(f"{where}: 'url' must be an http(s) URL, not {url!r}")
    where = f"{where} ({url})"
    unknown = sorted(set(map(str, item)) - _KEYS)
    if unknown:
        raise FeedConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})"
        )
    interval = item.get("interval", DEFAULT_INTERVAL)
    if isinstance(interval, bool) or not isinstance(interval, int | float) or interval < MIN_INTERVAL:
        raise FeedConfigError(f"{where}: 'interval' must be a number of seconds >= {MIN_INTERVAL:g}")
    for key in ("name", "outlet", "language"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise FeedConfigError(f"{where}: '{key}' must be a string")
    fetch_pages = item.get("fetch_pages", True)
    if not isinstance(fetch_pages, bool):
        raise FeedConfigError(f"{where}: 'fetch_pages' must be true or false")
    return FeedConfig(
        url=url,
        name=item.get("name") or url.split("://", 1)[1],
        interval=float(interval),
        outlet=item.get("outlet"),
        language=item.get("language"),
        fetch_pages=fetch_pages,
    )


def parse_feed(content: bytes, url: str) -> tuple[str | None, list[FeedEntry]]:
    """(feed title, entries) of an RSS or Atom document; :class:`FeedError` when it is neither."""
    import feedparser

    parsed = feedparser.parse(
        content, sanitize_html=False, resolve_relative_uris=True, response_headers={"content-location": url}
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    title = parsed.feed.get("title") or None
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        key = entry.get("id") or link or entry.get("title")
        if not key:
            continue  # nothing identifies it: it cannot be told apart from the next poll's entries
        content_html = "\n".join(c.get("value", "") for c in entry.get("content", []) if isinstance(c, dict))
        entries.append(
            FeedEntry(
                key=str(key),
                link=str(link) if link else None,
                title=entry.get("title") or None,
                published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                content=_plain(content_html),
                summary=_plain(entry.get("summary", "")),
            )
        )
    return title, entries


def entry_document(entry: FeedEntry, feed: FeedConfig, feed_title: str | None = None) -> Document | None:
    """The document of an entry from the feed's own text (content, else summary), or None if it has none."""
    text = entry.content if len(entry.content) >= len(entry.summary) else entry.summary
    if not text.strip():
        return None
    if entry.title and not text.startswith(entry.title):
        text = f"{entry.title}\n{text}"
    return Document(
        id=entry.link or entry.key,
        text=text,
        published=entry.published,
        title=entry.title,
        url=entry.link,
        outlet=feed.outlet or feed_title or feed.name,
        origin=f"{feed.url}#{entry.key}",
        language=feed.language,
    )


def has_full_text(entry: FeedEntry) -> bool:
    """Whether the feed carries the entry's full text, so its page need not be fetched."""
    return len(entry.content) >= FULL_TEXT_CHARS


def _plain(html: str) -> str:
    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    text, _ = html_to_text(f"<html><body><div>{html}</div></body></html>")
    return text.strip()


def _date(parsed: Any) -> str | None:
    if not parsed:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date().isoformat()
    except (TypeError, ValueError, OverflowError):
        return None
