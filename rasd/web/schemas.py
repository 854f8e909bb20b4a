"""Request and response bodies of the API (they document it in /openapi.json)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from rasd.model import Event


class EventPage(BaseModel):
    """A page of events and how many match the filters in all."""

    total: int
    limit: int
    offset: int
    events: list[Event]


class Review(BaseModel):
    status: Literal["pending", "approved", "rejected"]
    by: str | None = None
    at: dt.datetime | None = None
    note: str | None = None


class Report(BaseModel):
    """One document's account of an event: the document, and the event as that document tells it."""

    document_id: int
    document_key: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    revision: int
    event: Event


class AuditEntryOut(BaseModel):
    """One logged action: who did what to which event, when, and the value before and after."""

    id: int
    event_id: str
    action: Literal["edit", "approve", "reject"]
    field: str | None
    before: Any
    after: Any
    author: str
    note: str | None
    created_at: dt.datetime


class EventDetail(BaseModel):
    """An event (edits applied; its sources and evidence inside), its review, reports and history."""

    event: Event
    review: Review
    reports: list[Report]
    history: list[AuditEntryOut]


class DocumentOut(BaseModel):
    """A stored document: metadata and the plain text of its current revision (data, never HTML)."""

    id: int
    key: str
    doc_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    revision: int
    n_events: int
    ingested_at: dt.datetime
    text: str
    event_ids: list[str]


class DayCount(BaseModel):
    date: dt.date
    count: int


class TypeCount(BaseModel):
    event_type: str
    count: int


class DayTypeCount(BaseModel):
    date: dt.date
    event_type: str
    count: int


class StatsOut(BaseModel):
    """Counts of the filtered events for a timeline: per start day, per type, per day and type."""

    total: int
    undated: int
    by_day: list[DayCount]
    by_type: list[TypeCount]
    by_day_type: list[DayTypeCount]


class EditIn(BaseModel):
    """Fields to change, by dotted name (``fatalities``, ``location.name``...), and why."""

    changes: dict[str, Any] = Field(min_length=1, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class ReviewIn(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


class ReviewOut(BaseModel):
    event_id: str
    review: Review


class ReportIn(BaseModel):
    """A report to ingest: its text (Arabic or English) and what is known of it."""

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=500)
    published: str | None = Field(default=None, max_length=40, description="YYYY-MM-DD")


class ReportOut(BaseModel):
    """What ingesting a report did (new, revised, unchanged, duplicate) and the events it supports."""

    outcome: str
    document_id: int
    events: list[Event]
