"""Blocking keys: only events sharing a day, a ~25 km grid neighbourhood (or province) and a type meet.

An event is filed under each day of its interval (at most ``MAX_DAYS``) and its 0.25° grid cell;
it is looked up in the 3x3 cells around it, which covers every distance :mod:`similar` accepts
for precise places. Province-level events (geo_precision 3) are also filed by (country, admin1). An
event whose toll is high enough for a report a day apart to match it is also filed, for the day either
side, under its province and toll.
"""

from __future__ import annotations

from collections.abc import Iterator

from rasd.merge.features import Features
from rasd.merge.similar import MIN_SAME_TOLL

CELL = 0.25  # degrees, ~25 km
MAX_DAYS = 31

Key = tuple[object, ...]


def _days(f: Features) -> range:
    assert f.start is not None and f.end is not None
    return range(f.start, min(f.end, f.start + MAX_DAYS - 1) + 1)


def mergeable(f: Features) -> bool:
    """Only dated, located events are ever merged."""
    return f.start is not None and f.end is not None and f.lat is not None and f.lon is not None


def cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // CELL), int(lon // CELL)


def file_keys(f: Features) -> Iterator[Key]:
    """Keys the event is stored under."""
    assert f.lat is not None and f.lon is not None
    ci, cj = cell(f.lat, f.lon)
    toll = _toll(f)
    for day in _days(f):
        yield ("g", f.event_type, day, ci, cj)
        yield ("a", f.event_type, day, f.country, f.admin1)
        if f.geo_precision >= 3:
            yield ("p", f.event_type, day, f.country, f.admin1)
    if toll is not None:  # also filed the day either side: a report a day apart with the same toll finds it
        days = _days(f)
        for day in range(days.start - 1, days.stop + 1):
            yield ("t", f.event_type, day, f.country, f.admin1, toll)


def _toll(f: Features) -> int | None:
    """The toll under which the event is also filed, when it is high enough for
    :func:`rasd.merge.similar.compare` to accept a report of it dated a day apart."""
    return f.fatalities if f.fatalities is not None and f.fatalities >= MIN_SAME_TOLL else None


def probe_keys(f: Features) -> Iterator[Key]:
    """Keys to look up for candidates of the event."""
    assert f.lat is not None and f.lon is not None
    ci, cj = cell(f.lat, f.lon)
    toll = _toll(f)
    for day in _days(f):
        if toll is not None:
            yield ("t", f.event_type, day, f.country, f.admin1, toll)
        if f.geo_precision >= 3:
            yield ("a", f.event_type, day, f.country, f.admin1)
            continue
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                yield ("g", f.event_type, day, ci + di, cj + dj)
        yield ("p", f.event_type, day, f.country, f.admin1)
