"""Event <-> table rows: the columns of an event row and of a mention row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasd.model import Event


def event_columns(event: Event, n_mentions: int) -> dict[str, Any]:
    """Values of the ``events`` columns for the merged ``event``."""
    loc, when = event.location, event.when
    names = [a.name for a in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2) if a]
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": when.start if when else None,
        "date_end": when.end if when else None,
        "time_precision": when.time_precision if when else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "actors": "|".join(names),
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "n_mentions": n_mentions,
        "data": event.model_dump_json(),
        "updated_at": now(),
    }


def mention_columns(event: Event, document_id: int, revision: int, event_id: str) -> dict[str, Any]:
    """Values of the ``mentions`` columns for what one document says (``event``) about ``event_id``."""
    return {
        "event_id": event_id,
        "document_id": document_id,
        "revision": revision,
        "local_id": event.id,
        "sources": "; ".join(s.name for s in event.sources),
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "data": event.model_dump_json(),
    }


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
