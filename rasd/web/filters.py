"""The query parameters that filter events, as ``rasd events`` takes them."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated

from fastapi import Depends, HTTPException, Query, status

from rasd.store.query import EventFilter


def parse_near(value: str) -> tuple[float, float, float]:
    """``LAT,LON,KM`` as floats; a 422 error when it is not that."""
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"near={value!r} is not LAT,LON,KM"
        ) from exc
    if not all(math.isfinite(x) for x in (lat, lon, km)) or abs(lat) > 90 or abs(lon) > 180 or km < 0:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"near={value!r} is out of range")
    return lat, lon, km


def event_filter(
    since: Annotated[dt.date | None, Query(description="Events ending on or after this date.")] = None,
    until: Annotated[dt.date | None, Query(description="Events starting on or before this date.")] = None,
    country: Annotated[str | None, Query(max_length=100, description="ISO2 code or country name.")] = None,
    type: Annotated[  # noqa: A002 - the public parameter name
        str | None, Query(max_length=200, description="Event type or sub-event type.")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Part of an actor's name, any case.")
    ] = None,
    near: Annotated[
        str | None, Query(max_length=100, description="LAT,LON,KM: events within KM of the point.")
    ] = None,
) -> EventFilter:
    return EventFilter(
        since=since,
        until=until,
        country=country or None,
        event_type=type or None,
        actor=actor or None,
        near=parse_near(near) if near else None,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
