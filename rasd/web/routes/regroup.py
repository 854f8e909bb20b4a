"""/api/events/{id}/merge and /split: analysts regroup reports into events (logged, kept over re-merging)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status

from rasd.store.regroup import RegroupError, UnknownEvent
from rasd.web.auth import Writer
from rasd.web.records import read_event
from rasd.web.regroup import merge, split
from rasd.web.schemas import MergeIn, MergeOut, SplitIn, SplitOut

router = APIRouter(prefix="/api", tags=["events"])


def _refused(exc: Exception) -> HTTPException:
    if isinstance(exc, UnknownEvent):
        return HTTPException(status.HTTP_404_NOT_FOUND, str(exc))
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc))


@router.post("/events/{event_id}/merge", response_model=MergeOut)
def event_merge(request: Request, event_id: str, body: MergeIn, token: Writer) -> MergeOut:
    """Merge this event into `into`: its reports move there and the event is recombined from all of them.

    This event's id then answers `GET` with a 307 redirect to the survivor. The decision is kept over
    re-ingestion and re-merging; this event's edits are copied to the survivor where it has none of its own.
    """
    engine = request.app.state.engine
    try:
        done = merge(engine, event_id, body.into.strip(), token.name, body.note)
    except (UnknownEvent, RegroupError) as exc:
        raise _refused(exc) from exc
    return MergeOut.model_validate({**done, "event": read_event(engine, done["event_id"])})


@router.post("/events/{event_id}/split", response_model=SplitOut)
def event_split(request: Request, event_id: str, body: SplitIn, token: Writer) -> SplitOut:
    """Move the named reports (mention ids and/or document ids) out of this event into a new one.

    This event keeps its id and edits; the decision is kept over re-ingestion and re-merging.
    """
    engine = request.app.state.engine
    try:
        done = split(engine, event_id, body.mentions, body.documents, token.name, body.note)
    except (UnknownEvent, RegroupError) as exc:
        raise _refused(exc) from exc
    return SplitOut.model_validate(
        {
            **done,
            "event": read_event(engine, done["event_id"]),
            "new_event": read_event(engine, done["new_event_id"]),
        }
    )
