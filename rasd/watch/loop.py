"""The watch loop: poll each feed when it is due, ingest its new entries, remember what was seen.

A poll is a conditional GET (ETag, Last-Modified). Each new entry's page is fetched and read (or the
feed's own content or summary is used: when ``fetch_pages`` is off, when the feed carries the full
text, or when the page cannot be fetched) and ingested at once through the store's
:class:`~rasd.store.Ingestor`, one transaction per document, so its events are queryable as soon as
the entry is done. Every failure (feed, page, document) is recorded in the store's errors
(``rasd errors``); one failing feed never stops the others.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from rasd.ingest.documents import Document, InputError
from rasd.ingest.feeds import FeedConfig, FeedEntry, FeedError, entry_document, has_full_text, parse_feed
from rasd.ingest.fetch import Fetcher, FetchError
from rasd.ingest.web import page_document
from rasd.store.ingest import FATAL, Ingestor
from rasd.watch.state import FeedStore

log = logging.getLogger("rasd.watch")
MAX_ENTRY_ATTEMPTS = 3  # an entry whose page keeps failing (5xx, timeouts) is tried on this many polls
MAX_FEED_BYTES = 10 * 1024 * 1024


@dataclass
class PollResult:
    """What one poll of one feed did."""

    feed: str
    status: str  # ok | not modified | failed
    entries: int = 0  # new entries handled
    outcomes: dict[str, int] = field(default_factory=dict)  # new, revised, unchanged, duplicate, failed
    events_new: int = 0
    events_merged: int = 0
    error: str | None = None

    def summary(self) -> str:
        if self.status == "failed":
            return f"{self.feed}: failed: {self.error}"
        if self.status == "not modified":
            return f"{self.feed}: not modified"
        done = ", ".join(f"{n} {k}" for k, n in sorted(self.outcomes.items())) or "nothing new"
        return (
            f"{self.feed}: {self.entries} new entries ({done}); "
            f"{self.events_new} new events, {self.events_merged} reports merged into existing events"
        )


class Watcher:
    """Polls ``feeds`` and ingests their new entries into the store at ``engine``."""

    def __init__(
        self,
        engine: Engine,
        feeds: list[FeedConfig],
        *,
        fetcher: Fetcher | None = None,
        ingestor: Ingestor | None = None,
        stop: threading.Event | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.feeds = feeds
        self.state = FeedStore(engine)
        self.fetcher = fetcher or Fetcher()
        self.ingestor = ingestor or Ingestor(engine)
        self.stop = stop or threading.Event()
        self.clock = clock

    def run_once(self) -> list[PollResult]:
        """Poll every feed once (until stopped)."""
        results = []
        for feed in self.feeds:
            if self.stop.is_set():
                break
            results.append(self.poll(feed))
        return results

    def run(self) -> None:
        """Poll each feed at its interval until :attr:`stop` is set (by SIGINT/SIGTERM in `rasd watch`)."""
        due: dict[str, float] = {}
        for feed in self.feeds:
            last = self.state.feed(feed).last_polled
            due[feed.url] = last.timestamp() + feed.interval if last else 0.0
        while not self.stop.is_set():
            now = self.clock()
            for feed in self.feeds:
                if self.stop.is_set():
                    break
                if due[feed.url] <= now:
                    self.poll(feed)
                    due[feed.url] = self.clock() + feed.interval
            wait = min(due.values()) - self.clock()
            if wait > 0:
                self.stop.wait(wait)

    def poll(self, feed: FeedConfig) -> PollResult:
        """Poll one feed and ingest its new entries; failures are recorded, never raised (but FATAL ones)."""
        try:
            return self._poll(feed)
        except FATAL:
            raise
        except Exception as exc:  # a bug or a surprise in one feed must not stop the others
            reason = f"poll failed: {type(exc).__name__}: {exc}"
            log.exception("%s: %s", feed.name, reason)
            return self._feed_failed(feed, None, reason)

    def _poll(self, feed: FeedConfig) -> PollResult:
        state = self.state.feed(feed)
        try:
            fetched = self.fetcher.get(
                feed.url,
                etag=state.etag,
                last_modified=state.last_modified,
                check_robots=False,  # a feed the user configured is read like a feed reader reads it
                max_bytes=MAX_FEED_BYTES,
            )
        except FetchError as exc:
            return self._feed_failed(feed, state.id, exc.reason)
        if fetched.not_modified:
            self.state.clear_errors(feed.url)  # the feed answers again: its earlier failure is over
            self.state.polled(state.id, keep_validators=True)
            result = PollResult(feed.name, "not modified")
            log.info("%s", result.summary())
            return result
        try:
            title, entries = parse_feed(fetched.content, feed.url)
        except FeedError as exc:
            return self._feed_failed(feed, state.id, str(exc))
        self.state.clear_errors(feed.url)
        known = self.state.entries(state.id, (e.key for e in entries))
        todo = [
            e
            for e in reversed(entries)  # feeds list the newest first: ingest in the order of publication
            if e.key not in known or (known[e.key][0] == "failed" and known[e.key][1] < MAX_ENTRY_ATTEMPTS)
        ]
        todo.sort(key=lambda e: e.published or "")  # stable: entries of one day keep the feed's order
        result = PollResult(feed.name, "ok")
        before = (self.ingestor.report.events_new, self.ingestor.report.events_merged)
        complete = True
        for entry in todo:
            if self.stop.is_set():
                complete = False
                break
            outcome, status = self._entry(feed, title, entry)
            self.state.mark(state.id, entry.key, entry.link, status)
            complete = complete and status == "done"
            result.entries += 1
            result.outcomes[outcome] = result.outcomes.get(outcome, 0) + 1
        result.events_new = self.ingestor.report.events_new - before[0]
        result.events_merged = self.ingestor.report.events_merged - before[1]
        # Keep the old validators while entries wait for another try: a 304 would hide them.
        self.state.polled(
            state.id, etag=fetched.etag, last_modified=fetched.last_modified, keep_validators=not complete
        )
        log.info("%s", result.summary())
        return result

    def _entry(self, feed: FeedConfig, feed_title: str | None, entry: FeedEntry) -> tuple[str, str]:
        """Ingest one entry: (outcome, entry status ``done`` or ``failed`` to try again later)."""
        doc: Document | None = None
        problem: str | None = None
        retryable = False
        if feed.fetch_pages and entry.link and not has_full_text(entry):
            try:
                fetched = self.fetcher.get(entry.link)
            except FetchError as exc:
                problem, retryable = exc.reason, exc.retryable
            else:
                page = page_document(entry.link, fetched)
                if isinstance(page, InputError):
                    problem = page.reason
                else:
                    doc = _with_feed_metadata(page, feed, feed_title, entry)
        if doc is None:
            doc = entry_document(entry, feed, feed_title)
            if problem is not None:
                assert entry.link is not None
                if doc is None:
                    reason = f"page not fetched: {problem}; the feed has no text for this entry"
                    outcome = self.ingestor.fail(entry.link, reason)
                    log.warning("%s: %s: %s", feed.name, entry.link, reason)
                    return outcome, "failed" if retryable else "done"
                reason = f"page not fetched: {problem}; ingested the feed's text for this entry instead"
                self.ingestor.fail(entry.link, reason)
                log.warning("%s: %s: %s", feed.name, entry.link, reason)
        if doc is None:
            origin = f"{feed.url}#{entry.key}"
            return self.ingestor.fail(origin, "the entry has no text and no page to fetch"), "done"
        return self.ingestor.add(doc), "done"

    def _feed_failed(self, feed: FeedConfig, feed_id: int | None, reason: str) -> PollResult:
        self.ingestor.fail(feed.url, f"feed: {reason}")
        if feed_id is not None:
            self.state.polled(feed_id, error=reason)
        result = PollResult(feed.name, "failed", error=reason)
        log.warning("%s", result.summary())
        return result


def _with_feed_metadata(
    doc: Document, feed: FeedConfig, feed_title: str | None, entry: FeedEntry
) -> Document:
    """A page's document with what the feed says: its date, the outlet and language configured."""
    doc.published = entry.published or doc.published
    doc.title = doc.title or entry.title
    doc.outlet = feed.outlet or doc.outlet or feed_title or feed.name
    doc.language = doc.language or feed.language
    return doc
