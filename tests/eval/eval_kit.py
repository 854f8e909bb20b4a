"""Builders of hand-made gold and predicted events for the evaluation tests (invented places and dates)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasd.eval.gold import GoldDoc, GoldEvent
from rasd.model import Event, Place, Source, When

ERV = "Explosions/Remote violence"
BATTLES = "Battles"

# Two invented towns about 55 km apart (0.5 degree of latitude).
NORTH = (36.0, 38.0)
SOUTH = (35.5, 38.0)


def gold_event(id: str, **kw: Any) -> GoldEvent:
    data: dict[str, Any] = {
        "id": id,
        "event_type": ERV,
        "sub_event_type": "Air/drone strike",
        "date": ["2024-03-10", "2024-03-10"],
        "places": [{"name": "North town", "lat": NORTH[0], "lon": NORTH[1]}],
        "km": 25,
    }
    data.update(kw)
    return GoldEvent.model_validate(data)


def gold_doc(*events: GoldEvent, doc: str = "doc-a.txt", **kw: Any) -> GoldDoc:
    return GoldDoc(doc=doc, events=list(events), **kw)


def pred(
    id: str,
    *,
    event_type: str = ERV,
    sub: str = "Air/drone strike",
    start: str = "2024-03-10",
    end: str | None = None,
    precision: int = 1,
    time: str | None = None,
    at: tuple[float, float] | None = NORTH,
    sources: tuple[tuple[str, str], ...] = (),
    confidence: float = 0.8,
    doc_id: str | None = "doc-a.txt",
    **kw: Any,
) -> Event:
    return Event(
        id=id,
        doc_id=doc_id,
        event_type=event_type,
        sub_event_type=sub,
        when=When(
            start=dt.date.fromisoformat(start),
            end=dt.date.fromisoformat(end or start),
            time_precision=precision,
            time=time,
        ),
        location=Place(name="somewhere", lat=at[0], lon=at[1]) if at else None,
        sources=[Source.model_validate({"kind": k, "name": n}) for k, n in sources],
        confidence=confidence,
        **kw,
    )
