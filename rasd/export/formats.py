"""Writers for events: ``acled`` (ACLED's columns in ACLED's order, then rasd's), ``jsonl``, ``geojson``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from rasd.model import Event

FORMATS = ("jsonl", "acled", "geojson")
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
RASD_COLUMNS = (
    "doc_id", "rasd_id", "date_start", "date_end", "time_local", "time_utc", "injuries", "abducted", "arrested",
    "munitions", "flags", "relations", "confidence", "plover_type", "plover_mode", "language",
)  # fmt: skip


def acled_row(event: Event) -> dict[str, Any]:
    """One CSV row: ACLED's columns (ACLED's conventions: fatalities 0 when unknown) then rasd's own."""
    loc = event.location
    when = event.when
    flags = [k for k, v in event.flags.model_dump().items() if v]
    return {
        "event_id_cnty": event.id,
        "event_date": when.start.isoformat() if when else "",
        "year": when.start.year if when else "",
        "time_precision": when.time_precision if when else "",
        "disorder_type": event.disorder_type or "",
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "; ".join(a.name for a in event.assoc_actor_1),
        "inter1": event.inter1 if event.inter1 is not None else (event.actor1.inter if event.actor1 else ""),
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "; ".join(a.name for a in event.assoc_actor_2),
        "inter2": event.inter2 if event.inter2 is not None else (event.actor2.inter if event.actor2 else ""),
        "interaction": event.interaction if event.interaction is not None else "",
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": "",
        "region": "",
        "country": (loc.country or "") if loc else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": (loc.geo_precision or "") if loc else "",
        "source": "; ".join(s.name for s in event.sources),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities or 0,
        "tags": "",
        "timestamp": "",
        "doc_id": event.doc_id or "",
        "rasd_id": event.id,
        "date_start": when.start.isoformat() if when else "",
        "date_end": when.end.isoformat() if when else "",
        "time_local": (when.time or "") if when else "",
        "time_utc": (when.time_utc or "") if when else "",
        "injuries": "" if event.injuries is None else event.injuries,
        "abducted": "" if event.abducted is None else event.abducted,
        "arrested": "" if event.arrested is None else event.arrested,
        "munitions": "; ".join(f"{k}={v}" for k, v in event.munitions.items()),
        "flags": "; ".join(flags),
        "relations": "; ".join(f"{r.type}:{r.target}" for r in event.relations),
        "confidence": event.confidence,
        "plover_type": event.plover_type or "",
        "plover_mode": event.plover_mode or "",
        "language": event.language or "",
    }


def _feature(event: Event) -> dict[str, Any]:
    loc = event.location
    geometry = (
        {"type": "Point", "coordinates": [loc.lon, loc.lat]}
        if loc and loc.lat is not None and loc.lon is not None
        else None
    )
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": geometry,
        "properties": event.model_dump(mode="json"),
    }


class EventWriter:
    """Streams events to a text stream in one of :data:`FORMATS`."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self._csv: csv.DictWriter[str] | None = None
        self._first = True

    def write(self, event: Event) -> None:
        if self.fmt == "jsonl":
            self.out.write(event.model_dump_json() + "\n")
        elif self.fmt == "acled":
            if self._csv is None:
                self._csv = csv.DictWriter(self.out, fieldnames=[*ACLED_COLUMNS, *RASD_COLUMNS])
                self._csv.writeheader()
            self._csv.writerow(acled_row(event))
        else:
            if self._first:
                self.out.write('{"type": "FeatureCollection", "features": [\n')
            else:
                self.out.write(",\n")
            self.out.write(json.dumps(_feature(event), ensure_ascii=False))
            self._first = False

    def close(self) -> None:
        if self.fmt == "acled" and self._csv is None:
            csv.DictWriter(self.out, fieldnames=[*ACLED_COLUMNS, *RASD_COLUMNS]).writeheader()
        if self.fmt == "geojson":
            self.out.write('{"type": "FeatureCollection", "features": [\n' if self._first else "")
            self.out.write("\n]}\n")


def write_events(events: Iterable[Event], out: IO[str], fmt: str) -> int:
    """Write all events; returns how many were written."""
    writer = EventWriter(out, fmt)
    n = 0
    for event in events:
        writer.write(event)
        n += 1
    writer.close()
    return n
