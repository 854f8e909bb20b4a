"""Are two events one incident? Hard rules (type, dates, place, actors), then a score over the rest.

Hard rules, each a reason to keep events apart: same document (the extractor already split its
incidents), different event types, date intervals that do not overlap (the same base hit on two
days is two events), no date or no coordinates, different countries, too far apart for the worse
geo-precision, disjoint specific actors. What is left is scored: same sub-event type, distance,
day precision, shared actors and agreeing counts add; conflicting counts and province-level
places subtract. ``same`` is ``score >= THRESHOLD``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.geo.spatial import distance_km
from rasd.merge.features import Features, features
from rasd.model import Event

THRESHOLD = 2.0
MAX_KM = {1: 15.0, 2: 25.0}  # by the worse geo_precision of the two; 3 (province) needs the same admin1
PROVINCE_KM = 150.0


@dataclass(frozen=True, slots=True)
class Decision:
    """Outcome of comparing two events: ``same``, the score, and the deciding reason."""

    same: bool
    score: float
    reason: str


def _counts_conflict(a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return False
    low, high = min(a, b), max(a, b)
    return (low == 0 and high >= 3) or high > 3 * low + 3


def _no(reason: str) -> Decision:
    return Decision(False, 0.0, reason)


def compare(a: Features, b: Features) -> Decision:
    """Decide whether ``a`` and ``b`` (see :func:`rasd.merge.features`) describe the same incident."""
    if a.doc is not None and a.doc == b.doc:
        return _no("same document")
    if a.event_type != b.event_type:
        return _no("different event types")
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return _no("undated")
    if max(a.start, b.start) > min(a.end, b.end):
        return _no("dates do not overlap")
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return _no("no coordinates")
    if a.country and b.country and a.country != b.country:
        return _no("different countries")
    worse = max(a.geo_precision, b.geo_precision)
    km = distance_km(a.lat, a.lon, b.lat, b.lon)
    if worse >= 3:
        if a.admin1 and b.admin1 and a.admin1 != b.admin1:
            return _no("different provinces")
        if km > PROVINCE_KM:
            return _no(f"{km:.0f} km apart")
    elif km > MAX_KM[worse]:
        return _no(f"{km:.0f} km apart")
    if a.actors and b.actors and not (a.actors & b.actors):
        return _no("different actors")
    score = 1.0 if a.sub_event_type == b.sub_event_type else -0.5
    score += 1.5 if km <= 2 else 1.0 if km <= 10 else 0.25
    score += 1.0 if a.precision == 1 and b.precision == 1 else 0.0
    score += 1.0 if a.actors & b.actors else 0.0
    score -= 0.5 if worse >= 3 else 0.0
    for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries)):
        if _counts_conflict(x, y):
            score -= 1.0
        elif x is not None and x == y:
            score += 0.5
    score = round(score, 3)
    return Decision(score >= THRESHOLD, score, "score" if score >= THRESHOLD else "score below threshold")


def same_incident(a: Event, b: Event) -> bool:
    """True when events ``a`` and ``b`` (from different reports) describe the same incident."""
    return compare(features(a), features(b)).same
