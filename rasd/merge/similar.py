"""Are two events one incident? Hard rules (type, dates, place), then a score over the rest.

Hard rules, each a reason to keep events apart: same document (the extractor already split its
incidents), different event types, date intervals that do not overlap (the same base hit on two
days is two events; reports a day apart with the same sub-type and the same toll of 3 or more dead
may still be one, at a cost), no date or no coordinates, different countries, too far apart for the worse
geo-precision. What is left is scored: same sub-event type, distance, day precision, shared actors
and agreeing counts add; a different sub-event type (except between confusable ways of delivering
a strike), disjoint specific actors, different weapons for the same sub-event type (a car bomb and a
roadside bomb), conflicting counts and province-level places subtract.
Actors and counts are evidence, not vetoes: reports often name the wrong side or an early toll.
``same`` is ``score >= THRESHOLD``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.geo.spatial import distance_km
from rasd.merge.features import Features, features
from rasd.model import Event

THRESHOLD = 2.0
MAX_KM = {1: 15.0, 2: 25.0}  # by the worse geo_precision of the two; 3 (province) needs the same admin1
PROVINCE_KM = 150.0
# Reports often disagree on how a weapon was delivered (a "missile" from a jet or a gun, a gas shell).
CONFUSABLE = frozenset({"Shelling/artillery/missile attack", "Air/drone strike", "Chemical weapon"})
WEAPON_CONFLICT = -1.5  # both name the weapon and no kind is shared: a car bomb is no roadside bomb
ADJACENT_DAY = -1.0  # dates a day apart (allowed only with the same toll): a penalty
MIN_SAME_TOLL = 3
ACTOR_CONFLICT = -1.5  # disjoint specific actors: a penalty, not a veto (actor attribution is often wrong)


@dataclass(frozen=True, slots=True)
class Decision:
    """Outcome of comparing two events: ``same``, the score, and the deciding reason."""

    same: bool
    score: float
    reason: str


def _counts_penalty(a: int | None, b: int | None) -> float:
    """0 when the counts agree enough; a rising toll (both > 0) costs less than none against many."""
    if a is None or b is None:
        return 0.0
    low, high = min(a, b), max(a, b)
    if low == 0 and high >= 3:
        return 1.0
    return 0.5 if high > 3 * low + 3 else 0.0


def _sub_type_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return 0.0 if a in CONFUSABLE and b in CONFUSABLE else -0.5


def _distance_score(km: float, worse: int) -> float:
    """How much the places agree: the same spot, the same town, or as close as "near X" (precision 2) allows."""
    if km <= 2:
        return 1.5
    if km <= 10 or (worse == 2 and km <= MAX_KM[2]):
        return 1.0
    return 0.25


def _same_toll_next_day(a: Features, b: Features) -> bool:
    """Reports a day apart may tell one incident (one dates it by the day it was published, another by
    "yesterday"), but only the same kind of event with the same toll of at least MIN_SAME_TOLL dead
    says so: the same base hit on two days is two events."""
    return (
        a.sub_event_type == b.sub_event_type
        and a.fatalities is not None
        and a.fatalities == b.fatalities
        and a.fatalities >= MIN_SAME_TOLL
    )


def dates_agree(a: Features, b: Features) -> bool:
    """Do the two events' dates allow one incident: overlapping intervals, or the next day with the same toll?"""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    gap = max(a.start, b.start) - min(a.end, b.end)
    return gap <= 0 or (gap == 1 and _same_toll_next_day(a, b))


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
    if not dates_agree(a, b):
        return _no("dates do not overlap")
    gap = max(a.start, b.start) - min(a.end, b.end)
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
    score = _sub_type_score(a.sub_event_type, b.sub_event_type)
    score += _distance_score(km, worse)
    score += 1.0 if a.precision == 1 and b.precision == 1 else 0.0
    if a.actors and b.actors:
        score += 1.0 if a.actors & b.actors else ACTOR_CONFLICT
    score -= 0.5 if worse >= 3 else 0.0
    if a.weapons and b.weapons and not a.weapons & b.weapons and a.sub_event_type == b.sub_event_type:
        score += WEAPON_CONFLICT
    for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries)):
        penalty = _counts_penalty(x, y)
        score -= penalty
        if not penalty and x is not None and x == y:
            score += 0.5
    score += ADJACENT_DAY if gap == 1 else 0.0
    score = round(score, 3)
    return Decision(score >= THRESHOLD, score, "score" if score >= THRESHOLD else "score below threshold")


def same_incident(a: Event, b: Event) -> bool:
    """True when events ``a`` and ``b`` (from different reports) describe the same incident."""
    return compare(features(a), features(b)).same
