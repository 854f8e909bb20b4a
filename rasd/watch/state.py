"""Per-feed state in the store: HTTP validators (ETag, Last-Modified), last poll and error, seen entries."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select, update

from rasd.ingest.feeds import FeedConfig
from rasd.store.rows import now
from rasd.store.schema import errors, feed_entries, feeds

MAX_KEY = 1000


@dataclass(slots=True)
class FeedState:
    """What the store remembers of one feed."""

    id: int
    etag: str | None
    last_modified: str | None
    last_polled: dt.datetime | None
    last_error: str | None


def entry_key(key: str) -> str:
    """The stored form of an entry's id (very long ids are shortened with their hash)."""
    if len(key) <= MAX_KEY:
        return key
    return f"{key[:400]}#sha256:{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()}"


class FeedStore:
    """Reads and writes the ``feeds`` and ``feed_entries`` tables of the store at ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def feed(self, config: FeedConfig) -> FeedState:
        """The state of a feed, created (empty) the first time it is watched."""
        with self.engine.begin() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == config.url)).first()
            if row is None:
                pk = conn.execute(insert(feeds).values(url=config.url, name=config.name)).inserted_primary_key
                assert pk is not None
                return FeedState(pk[0], None, None, None, None)
            if row.name != config.name:
                conn.execute(update(feeds).where(feeds.c.id == row.id).values(name=config.name))
        polled = row.last_polled
        if polled is not None and polled.tzinfo is None:  # SQLite gives naive UTC datetimes back
            polled = polled.replace(tzinfo=dt.UTC)
        return FeedState(row.id, row.etag, row.last_modified, polled, row.last_error)

    def polled(
        self,
        feed_id: int,
        *,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        keep_validators: bool = False,
    ) -> None:
        """Record a poll: its error (None when it worked) and, unless kept, the new validators."""
        values: dict[str, object] = {"last_polled": now(), "last_error": error}
        if error is None:
            values["last_ok"] = values["last_polled"]
            if not keep_validators:
                values.update(etag=etag, last_modified=last_modified)
        with self.engine.begin() as conn:
            conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))

    def entries(self, feed_id: int, keys: Iterable[str]) -> dict[str, tuple[str, int]]:
        """(status, attempts) of the entries of ``keys`` the store has seen."""
        wanted = {entry_key(k): k for k in keys}
        out: dict[str, tuple[str, int]] = {}
        stored = list(wanted)
        with self.engine.connect() as conn:
            for start in range(0, len(stored), 500):
                query = select(feed_entries.c.key, feed_entries.c.status, feed_entries.c.attempts).where(
                    feed_entries.c.feed_id == feed_id, feed_entries.c.key.in_(stored[start : start + 500])
                )
                for key, status, attempts in conn.execute(query):
                    out[wanted[key]] = (status, attempts)
        return out

    def mark(self, feed_id: int, key: str, link: str | None, status: str) -> None:
        """Record that an entry was ingested (``done``) or failed in a way a later poll may fix (``failed``)."""
        stored = entry_key(key)
        with self.engine.begin() as conn:
            row = conn.execute(
                select(feed_entries.c.id).where(
                    feed_entries.c.feed_id == feed_id, feed_entries.c.key == stored
                )
            ).first()
            if row is None:
                conn.execute(
                    insert(feed_entries).values(
                        feed_id=feed_id,
                        key=stored,
                        link=link,
                        status=status,
                        attempts=1,
                        first_seen=now(),
                        last_tried=now(),
                    )
                )
            else:
                conn.execute(
                    update(feed_entries)
                    .where(feed_entries.c.id == row.id)
                    .values(status=status, attempts=feed_entries.c.attempts + 1, last_tried=now())
                )

    def clear_errors(self, origin: str) -> None:
        """Forget the recorded failures of ``origin`` (a feed that answers again)."""
        with self.engine.begin() as conn:
            conn.execute(delete(errors).where(errors.c.origin == origin))
