"""The event record: what rasd emits for every incident a report describes.

`rasd/schema/event.schema.json` is generated from these models (``python -m rasd.model``)
and versioned with ``SCHEMA_VERSION``; a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1.0"


class Span(BaseModel):
    """A [start, end) character span of the input text, with the text it covers."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str


class Actor(BaseModel):
    """An actor as ACLED names it, and the words of the report that named it."""

    name: str = Field(description="ACLED-style actor name, e.g. 'QSD: Syrian Democratic Forces'")
    short: str | None = Field(default=None, description="common English short name or acronym, e.g. 'SDF'")
    inter: int | None = Field(default=None, description="ACLED inter code 0-8")
    country: str | None = None
    text: str | None = Field(default=None, description="the words that named the actor")
    span: Span | None = None
    id: str | None = Field(default=None, description="id in rasd/knowledge/actors.tsv, when known")


class Place(BaseModel):
    """Where an event happened, with ACLED geo_precision (1 the place, 2 near it, 3 the province)."""

    name: str
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    feature: str | None = None
    source: str | None = Field(default=None, description="gazetteer the coordinates come from")
    source_id: str | None = None
    text: str | None = Field(default=None, description="the words of the report that named the place")
    span: Span | None = None
    role: Literal["target", "launch", "base", "other"] = "target"
    reason: str | None = Field(default=None, description="why this place was chosen as the event's location")


class When(BaseModel):
    """A date interval with ACLED time_precision (1 day, 2 week, 3 month) and the time of day."""

    start: dt.date
    end: dt.date
    time_precision: int = Field(ge=1, le=3)
    time: str | None = Field(default=None, description="local time of day, HH:MM")
    time_utc: str | None = Field(
        default=None, description="ISO 8601 UTC datetime when time and zone are known"
    )
    tz: str | None = None
    text: str | None = Field(default=None, description="the expression the interval was resolved from")
    reason: str | None = None


class Source(BaseModel):
    """A voice that reported the event: the outlet, or a statement, spokesperson, agency or post in it."""

    kind: Literal["outlet", "statement", "spokesperson", "agency", "post", "report", "witness"]
    name: str
    author: str | None = None
    handle: str | None = None
    platform: str | None = None
    date: dt.date | None = None
    span: Span | None = None


class Relation(BaseModel):
    """A stated link from this event to another one of the same run."""

    type: Literal["retaliation_for", "part_of", "follows"]
    target: str = Field(description="id of the other event")
    span: Span | None = None


class Flags(BaseModel):
    claimed: bool = False
    denied: bool = False
    repelled: bool = False
    no_damage: bool = False
    unidentified_perpetrator: bool = False


class Event(BaseModel):
    """One ACLED-coded event with the evidence for each field."""

    schema_version: str = SCHEMA_VERSION
    id: str
    doc_id: str | None = None
    language: str | None = None
    event_type: str
    sub_event_type: str
    disorder_type: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = Field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = Field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    location: Place | None = None
    places: list[Place] = Field(default_factory=list, description="every place the event mentions")
    when: When | None = None
    fatalities: int | None = Field(default=None, description="ACLED conservative count; None when not stated")
    injuries: int | None = None
    abducted: int | None = None
    arrested: int | None = None
    munitions: dict[str, int] = Field(default_factory=dict)
    weapons: list[str] = Field(
        default_factory=list,
        description="kinds of weapon the report names, counted or not (keys of knowledge/weapons.tsv)",
    )
    sources: list[Source] = Field(default_factory=list)
    flags: Flags = Field(default_factory=Flags)
    relations: list[Relation] = Field(default_factory=list)
    evidence: dict[str, list[Span]] = Field(
        default_factory=dict, description="field name -> spans of the input that support it"
    )
    confidence: float = Field(ge=0.0, le=1.0)
    notes: str = ""


SCHEMA_PATH = Path(__file__).parent / "schema" / "event.schema.json"


def event_json_schema() -> dict[str, object]:
    schema = Event.model_json_schema()
    schema["$id"] = f"https://rasd.invalid/schema/event-{SCHEMA_VERSION}.json"
    schema["title"] = "rasd event"
    return schema


if __name__ == "__main__":  # pragma: no cover - regenerates the shipped schema
    SCHEMA_PATH.write_text(json.dumps(event_json_schema(), indent=2, ensure_ascii=False) + "\n")
    sys.stdout.write(f"wrote {SCHEMA_PATH}\n")
