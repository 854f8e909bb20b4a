"""Events as a GeoJSON FeatureCollection (RFC 7946): points at [lon, lat]; unplaced events, null geometry."""

from __future__ import annotations

from typing import Any

from rasd.model import Event


def feature(event: Event) -> dict[str, Any]:
    """One event as a Feature whose properties are the columns a map needs."""
    loc, when = event.location, event.when
    point = loc is not None and loc.lat is not None and loc.lon is not None
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]} if point and loc else None,
        "properties": {
            "id": event.id,
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "date_start": when.start.isoformat() if when else None,
            "date_end": when.end.isoformat() if when else None,
            "time_precision": when.time_precision if when else None,
            "place": loc.name if loc else None,
            "country_code": loc.country_code if loc else None,
            "admin1": loc.admin1 if loc else None,
            "geo_precision": loc.geo_precision if loc else None,
            "actor1": event.actor1.name if event.actor1 else None,
            "actor2": event.actor2.name if event.actor2 else None,
            "fatalities": event.fatalities,
            "injuries": event.injuries,
            "sources": [s.name for s in event.sources],
            "confidence": event.confidence,
        },
    }


def feature_collection(events: list[Event], **members: Any) -> dict[str, Any]:
    """A FeatureCollection of ``events``; ``members`` (total, limit, offset) are added as foreign members."""
    return {"type": "FeatureCollection", "features": [feature(e) for e in events], **members}
