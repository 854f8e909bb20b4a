"""Group the clauses of one report into incidents: the mentions a reader takes to be the same event.

A clause joins an earlier incident when it points back to it (a demonstrative, or a definite
trigger with no place or date of its own), or when it names the same target place at a
compatible date with a compatible kind of violence; otherwise it starts a new incident.
Title clauses never start one: a headline summarises what the body tells.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from rasd.extraction.clauses import Clause
from rasd.extraction.dates import TimeRef, overlaps
from rasd.extraction.places import PlaceRef
from rasd.geo.spatial import distance_km

SAME_PLACE_KM = 5.0
LOOKBACK = 40  # a clause is compared with the incidents told most recently, not with a whole archive
SPLIT_KM = 25.0  # places of one clause further apart than this are separate events (ACLED: one per location)
_AREAS = {"country", "admin1", "admin2"}
_Positioned = TypeVar("_Positioned", PlaceRef, TimeRef)
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass(slots=True)
class Incident:
    """Clauses told of one event, with their places and times."""

    clauses: list[Clause] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    inherited: tuple[dt.date, dt.date] | None = None  # from "at the same time" as another incident
    causes: list[Incident] = field(default_factory=list)  # incidents this one answered
    caused: list[Incident] = field(default_factory=list)
    earlier_than: list[Incident] = field(default_factory=list)  # told "before that" of these

    @property
    def date_ref(self) -> TimeRef | None:
        """The expression that dates the incident: the narrowest; of equally narrow ones the earliest
        day ("announced today that yesterday it struck ..." tells of yesterday's strike)."""
        dates = [t for t in self.times if t.has_date]
        # "beheaded eight men last week, a monitor said Monday": the day of the telling gives way
        dates = [t for t in dates if not t.reporting] or dates
        # "On 20 January 2022, relatives of a man found dead on 13 January protested": the opening date
        dates = [t for t in dates if t.framing] or dates
        return min(dates, key=lambda t: ((t.last - t.first).days, t.first, t.start)) if dates else None

    @property
    def dated(self) -> tuple[dt.date, dt.date] | None:
        best = self.date_ref
        return (best.first, best.last) if best is not None else self.inherited

    @property
    def last(self) -> int:
        return max(c.end for c in self.clauses)


def _targets(places: list[PlaceRef]) -> list[PlaceRef]:
    return [p for p in places if p.feature != "country" and p.role in {"target", "other"}]


def _within(area: PlaceRef, place: PlaceRef) -> bool:
    """Is ``place`` inside the province or district ``area`` ("Raqqa" the city in "Raqqa" the province)?"""
    return (
        area.feature in {"admin1", "admin2"}
        and area.country_code == place.country_code
        and area.name in {place.admin1, place.admin2}
    )


def _specific(places: list[PlaceRef]) -> list[PlaceRef]:
    return [p for p in _targets(places) if p.feature not in _AREAS]


def _same_place(a: list[PlaceRef], b: list[PlaceRef]) -> bool:
    """Do places ``a`` (a clause's) name a place of ``b`` (an incident's)? When both name towns or
    sites, those must agree: a province the incident also names does not make another of its towns
    the same place ("across Idlib province ... in Khan Sheikhun ... raids on Kafr Takharim")."""
    mine, theirs = _specific(a), _specific(b)
    if mine and theirs:
        a, b = mine, theirs
    return any(
        x.key == y.key
        or distance_km(x.lat, x.lon, y.lat, y.lon) <= SAME_PLACE_KM
        or _within(x, y)
        or _within(y, x)
        for x in _targets(a)
        for y in b
        if y.feature != "country"
    )


def _kinds_agree(clause: Clause, incident: Incident) -> bool:
    cls = clause.classification
    if cls is None:
        return True
    for other in incident.clauses:
        o = other.classification
        if o is None:
            continue
        if o.event_type != cls.event_type and not (o.event_type in _VIOLENT and cls.event_type in _VIOLENT):
            return False
        if clause.munition and other.munition and o.sub_event_type != cls.sub_event_type:
            return False
    return True


def _inside(items: Sequence[_Positioned], starts: list[int], clause: Clause) -> list[_Positioned]:
    """The items (sorted by start) whose start lies in the clause."""
    lo = bisect_left(starts, clause.start)
    hi = bisect_left(starts, clause.end)
    return list(items[lo:hi])


def _interval(times: list[TimeRef]) -> tuple[dt.date, dt.date] | None:
    dates = [t for t in times if t.has_date]
    if not dates:
        return None
    best = min(dates, key=lambda t: (t.last - t.first).days)
    return best.first, best.last


def group_clauses(
    clauses: list[Clause],
    places: list[PlaceRef],
    times: list[TimeRef],
    lines: Sequence[tuple[int, int]] | None = None,
) -> list[Incident]:
    """Incidents of a report, in the order they are first told. With ``lines`` (a bulletin's headlines),
    a clause joins only an incident told on its own line."""
    places = sorted(places, key=lambda p: p.start)
    times = sorted(times, key=lambda t: t.start)
    place_starts = [p.start for p in places]
    time_starts = [t.start for t in times]
    incidents: list[Incident] = []
    titles: list[Clause] = []
    by_clause: dict[int, Incident] = {}
    for clause in clauses:
        if clause.is_title:
            titles.append(clause)
            continue
        own_places = _inside(places, place_starts, clause)
        own_times = _inside(times, time_starts, clause)
        own_interval = _interval(own_times)
        interval = own_interval
        if clause.simultaneous and incidents and incidents[-1].dated is not None and interval is None:
            interval = incidents[-1].dated
        before_that = incidents[-1] if clause.prior and incidents else None
        groups = [own_places]
        if not clause.demonstrative and not clause.definite:
            groups = _separate_places(own_places)
        used: list[Incident] = []  # a clause's places far apart are separate incidents, never one again
        for n, group in enumerate(groups):
            part = clause if n == 0 else replace(clause, counts=[])  # a toll is told once, not per place
            others = [i for i in incidents if not any(i is u for u in used) and _on_line(i, clause, lines)]
            home = None if clause.prior or clause.another else _join_target(part, group, interval, others)
            if home is None:
                home = Incident()
                if clause.simultaneous and own_interval is None and incidents:
                    home.inherited = incidents[-1].dated
                if clause.there and not _specific(group) and incidents:
                    # "a mid-August attack there": the place of the incident told just before
                    last = max(incidents, key=lambda i: i.last)
                    home.places.extend(
                        replace(p, role="other", context=False) for p in _specific(last.places)
                    )
                incidents.append(home)
            used.append(home)
            home.clauses.append(part)
            home.places.extend(group)
            home.times.extend(own_times)
            by_clause.setdefault(id(clause), home)
        target = by_clause[id(clause)]
        if before_that is not None and before_that is not target:
            target.earlier_than.append(before_that)
        if clause.cause_of is not None and id(clause.cause_of) in by_clause:
            effect = by_clause[id(clause.cause_of)]
            if effect is not target:
                effect.causes.append(target)
                target.caused.append(effect)
    for clause in titles:
        host = next((i for i in incidents if _kinds_agree(clause, i)), None)
        if host is not None:
            host.clauses.append(clause)
    return incidents


def _on_line(incident: Incident, clause: Clause, lines: Sequence[tuple[int, int]] | None) -> bool:
    """May the clause join the incident? Always, unless the report is a bulletin of headlines: then only
    when the incident is told on the clause's own line."""
    if lines is None:
        return True
    line = next(((s, e) for s, e in lines if s <= clause.start < e), None)
    return line is not None and any(line[0] <= c.start < line[1] for c in incident.clauses)


def _separate_places(places: list[PlaceRef]) -> list[list[PlaceRef]]:
    """The clause's places in groups far apart from each other (one group: no split)."""
    points = [
        p for p in places if p.feature not in _AREAS and p.role in {"target", "other"} and not p.context
    ]
    groups: list[list[PlaceRef]] = []
    for p in points:
        home = next(
            (g for g in groups if any(distance_km(p.lat, p.lon, q.lat, q.lon) <= SPLIT_KM for q in g)), None
        )
        if home is None:
            groups.append([p])
        else:
            home.append(p)
    if len(groups) < 2:
        return [places]
    rest = [p for p in places if p not in points]
    return [g + rest for g in groups]


def _vague_past(interval: tuple[dt.date, dt.date] | None, incident: Incident) -> bool:
    """A clause dated only by a span of days ("منذ أيام", "last week") tells of other strikes than an
    undated incident, which the report tells as news of the day; a clause dated to one day may date it."""
    return incident.dated is None and interval is not None and (interval[1] - interval[0]).days >= 2


def _join_target(
    clause: Clause,
    own_places: list[PlaceRef],
    interval: tuple[dt.date, dt.date] | None,
    incidents: list[Incident],
) -> Incident | None:
    """The earlier incident this clause tells again, if any (most recent first)."""
    if not incidents:
        return None
    recent = sorted(incidents[-LOOKBACK:], key=lambda i: i.last, reverse=True)
    named = _targets(own_places)
    aimed = [p for p in named if p.role == "target"]
    if clause.demonstrative or (clause.definite and not aimed and interval is None):
        # "the attack ...": told again, unless it names a target of its own that is new.
        return next(
            (
                i
                for i in recent
                if _kinds_agree(clause, i)
                and (not named or _same_place(named, i.places) or not aimed)
                and overlaps(interval, i.dated)  # "a mid-August attack there" is not Thursday's
            ),
            None,
        )
    if clause.definite and aimed and recent and not _specific(recent[0].places):
        # "... a bombing at the Syria-Turkey border. The attack took place at the Atmeh crossing":
        # the last incident named no place of its own, and this says where it was.
        last = recent[0]
        if _kinds_agree(clause, last) and overlaps(interval, last.dated):
            return last
    if named:
        for inc in recent:
            if (
                _same_place(own_places, inc.places)
                and overlaps(interval, inc.dated)
                and not _vague_past(interval, inc)
                and _kinds_agree(clause, inc)
            ):
                return inc
        return None
    if interval is None:
        return next((i for i in recent if _kinds_agree(clause, i)), None)
    return None
