"""/api/events: list (JSON or GeoJSON), one event with its reports, edits and reviews (a merged-away id
redirects to the event it was merged into)."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import JSONResponse, Response

from rasd.model import Event
from rasd.store.edits import EditError
from rasd.web.audit import NoEvent, edit_event, read_audit, review_event, review_status
from rasd.web.auth import Reader, Writer
from rasd.web.filters import Filter
from rasd.web.geojson import feature_collection
from rasd.web.queries import list_events
from rasd.web.records import read_event, read_reports
from rasd.web.regroup import no_event_message, survivor
from rasd.web.schemas import AuditEntryOut, EditIn, EventDetail, EventPage, ReviewIn, ReviewOut

router = APIRouter(prefix="/api", tags=["events"])
GEOJSON = "application/geo+json"


@router.get(
    "/events",
    response_model=EventPage,
    responses={200: {"content": {GEOJSON: {}}, "description": "format=geojson: a FeatureCollection"}},
)
def events_list(
    request: Request,
    where: Filter,
    _: Reader,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    format: Annotated[Literal["json", "geojson"], Query()] = "json",  # noqa: A002
) -> Any:
    """Merged events (edits applied), by date then id, filtered as `rasd events` filters them."""
    page = list_events(request.app.state.engine, where, limit, offset)
    if format == "geojson":
        body = feature_collection(page.events, total=page.total, limit=limit, offset=offset)
        return JSONResponse(body, media_type=GEOJSON)
    head = f'{{"total":{page.total},"limit":{limit},"offset":{offset},"events":['
    return Response(head + ",".join(page.raw) + "]}", media_type="application/json")  # stored JSON as is


def _missing(request: Request, event_id: str) -> HTTPException:
    """404, saying where the event went when it was merged into another."""
    return HTTPException(status.HTTP_404_NOT_FOUND, no_event_message(request.app.state.engine, event_id))


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    responses={307: {"description": "The event was merged: `Location` and `merged_into` give the survivor"}},
)
def event_detail(request: Request, event_id: str, _: Reader) -> Any:
    """The event with its sources and evidence, every report of it, its review status and history."""
    engine = request.app.state.engine
    event = read_event(engine, event_id)
    if event is None:
        into = survivor(engine, event_id)
        if into is None:
            raise _missing(request, event_id)
        url = f"{request.scope.get('root_path', '')}/api/events/{quote(into, safe='')}"
        body = {"detail": f"event {event_id!r} was merged into {into!r}", "merged_into": into}
        return JSONResponse(body, status_code=status.HTTP_307_TEMPORARY_REDIRECT, headers={"Location": url})
    return {
        "event": event,
        "review": review_status(engine, event_id),
        "reports": read_reports(engine, event_id),
        "history": [vars(entry) for entry in read_audit(engine, event_id, limit=1000)],
    }


@router.patch("/events/{event_id}", response_model=Event)
def event_edit(request: Request, event_id: str, body: EditIn, token: Writer) -> Event:
    """Change fields of the event (kept across re-merging); each change is logged with before and after."""
    try:
        return edit_event(request.app.state.engine, event_id, body.changes, token.name, body.note)
    except NoEvent as exc:
        raise _missing(request, event_id) from exc
    except EditError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc


def _review(request: Request, event_id: str, action: str, body: ReviewIn | None, author: str) -> ReviewOut:
    engine = request.app.state.engine
    try:
        review_event(engine, event_id, action, author, body.note if body else None)
    except NoEvent as exc:
        raise _missing(request, event_id) from exc
    return ReviewOut.model_validate({"event_id": event_id, "review": review_status(engine, event_id)})


@router.post("/events/{event_id}/approve", response_model=ReviewOut)
def event_approve(request: Request, event_id: str, token: Writer, body: ReviewIn | None = None) -> ReviewOut:
    """Mark the event approved (logged)."""
    return _review(request, event_id, "approve", body, token.name)


@router.post("/events/{event_id}/reject", response_model=ReviewOut)
def event_reject(request: Request, event_id: str, token: Writer, body: ReviewIn | None = None) -> ReviewOut:
    """Mark the event rejected (logged)."""
    return _review(request, event_id, "reject", body, token.name)


@router.get("/audit", response_model=list[AuditEntryOut], tags=["audit"])
def audit_log(
    request: Request,
    _: Reader,
    event_id: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """Analysts' actions, newest first: who, when, which event and field, before and after."""
    return [vars(e) for e in read_audit(request.app.state.engine, event_id, limit, offset)]
