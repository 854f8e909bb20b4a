"""Request and response bodies of the API (they document it in /openapi.json)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

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

    mention_id: int  # what POST /api/events/{id}/split names
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
    action: Literal["edit", "approve", "reject", "merge", "split"]
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


class MergeIn(BaseModel):
    """The event to merge this one into (it keeps its id; this one's reports move to it), and why."""

    into: str = Field(min_length=1, max_length=40)
    note: str | None = Field(default=None, max_length=2000)


class MergeOut(BaseModel):
    """The surviving event (recombined from all its reports), the merged-away id, edits copied over."""

    event_id: str
    merged: str
    carried_edits: list[str]
    event: Event


class SplitIn(BaseModel):
    """The reports to move out into a new event, by mention id and/or document id, and why."""

    mentions: list[int] = Field(default_factory=list, max_length=1000)
    documents: list[int] = Field(default_factory=list, max_length=1000)
    note: str | None = Field(default=None, max_length=2000)


class SplitOut(BaseModel):
    """The event split (it keeps its id and edits) and the new event made of the reports moved out."""

    event_id: str
    new_event_id: str
    event: Event
    new_event: Event


class ReportIn(BaseModel):
    """A report to ingest: its text (Arabic or English), or the http(s) URL of a page to fetch it from,
    and what is known of it."""

    text: str | None = Field(default=None, min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=500)
    published: str | None = Field(default=None, max_length=40, description="YYYY-MM-DD")

    @model_validator(mode="after")
    def _text_or_url(self) -> ReportIn:
        if self.text is None and self.url is None:
            raise ValueError("give the report's text, or the url of a page to fetch it from")
        if self.url is not None and not self.url.lower().startswith(("http://", "https://")):
            raise ValueError(f"url must be http(s): {self.url!r}")
        return self


class ReportOut(BaseModel):
    """What ingesting a report did (new, revised, unchanged, duplicate) and the events it supports."""

    outcome: str
    document_id: int
    events: list[Event]
