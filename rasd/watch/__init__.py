"""Watching feeds: poll RSS/Atom feeds on a schedule and ingest their new entries into the store."""

from rasd.watch.loop import PollResult, Watcher
from rasd.watch.state import FeedState, FeedStore

__all__ = ["FeedState", "FeedStore", "PollResult", "Watcher"]
