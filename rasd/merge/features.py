"""The few fields of an event that merging looks at, in a compact record (1M of them fit in memory)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.model import Actor, Event

GENERIC_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")


@dataclass(frozen=True, slots=True)
class Features:
    """What :func:`rasd.merge.compare` needs: type, dates as day ordinals, place, actors, counts, origin."""

    event_type: str
    sub_event_type: str
    start: int | None  # date.toordinal()
    end: int | None
    precision: int  # ACLED time_precision, 1 day .. 3 month
    lat: float | None
    lon: float | None
    geo_precision: int  # 1 the place, 2 near it, 3 the province; 4 when unknown
    country: str | None
    admin1: str | None
    actors: frozenset[str]  # specific (non-generic) actor names
    fatalities: int | None
    injuries: int | None
    doc: str | None  # document the event was read from; two events of one document are never merged
    weapons: frozenset[str] = frozenset()  # kinds of weapon named (car_bomb, ied, rockets, ...)


# ACLED's state actors of one country: reports name the same side as "the army", "government forces"
# or "security forces", so for merging they are one actor ("Military Forces of Syria (2000-2024)").
_STATE = re.compile(r"^(?:(?:Military|Police) Forces of|Government of) (.+?) \(")


EXTERNAL = 8  # ACLED inter code of external forces: a foreign army or a coalition a country leads


def _specific(actor: Actor | None) -> str | None:
    if actor is None or not actor.name or actor.name.startswith(GENERIC_PREFIXES):
        return None
    state = _STATE.match(actor.name)
    if state:
        return f"State forces of {state.group(1).removeprefix('the ')}"
    if actor.inter == EXTERNAL and actor.country:
        # "the American coalition's bases" and "US forces" are one side: a coalition is its leader's
        return f"State forces of {actor.country}"
    return actor.name


def features(event: Event, doc: str | None = None) -> Features:
    """The merge features of ``event``; ``doc`` defaults to ``event.doc_id``."""
    loc = event.location
    when = event.when
    names = {n for n in (_specific(event.actor1), _specific(event.actor2)) if n}
    return Features(
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        start=when.start.toordinal() if when else None,
        end=when.end.toordinal() if when else None,
        precision=when.time_precision if when else 3,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        geo_precision=(loc.geo_precision or 4) if loc and loc.lat is not None else 4,
        country=loc.country_code if loc else None,
        admin1=loc.admin1 if loc else None,
        actors=frozenset(names),
        fatalities=event.fatalities,
        injuries=event.injuries,
        doc=doc if doc is not None else event.doc_id,
        weapons=frozenset(event.weapons),
    )
