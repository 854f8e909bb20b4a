"""/api/events/points: every filtered, placed event as id, lat, lon and type, for a clustered map."""

from __future__ import annotations

import gzip
import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import Engine

from rasd.store.query import EventFilter
from rasd.web.auth import Reader
from rasd.web.filters import Filter
from rasd.web.points import AnswerCache, event_points

router = APIRouter(prefix="/api", tags=["events"])
POINTS_EXAMPLE = {
    "total": 2,
    "unplaced": 1,
    "types": ["Battles", "Protests"],
    "ids": ["ev-1", "ev-2"],
    "lat": [36.34, 31.95],
    "lon": [43.13, 35.93],
    "type": [0, 1],
}


@router.get(
    "/events/points",
    responses={200: {"content": {"application/json": {"example": POINTS_EXAMPLE}}}},
)
def events_points(
    request: Request,
    where: Filter,
    _: Reader,
    ids: Annotated[
        bool, Query(description="Include the event ids (false: a smaller answer to draw first)")
    ] = True,
) -> Response:
    """Every placed event the filters select (no paging), in columns: `ids`, `lat`, `lon` and `type` (an
    index into `types`); `unplaced` counts the events without coordinates. Gzipped when the client
    accepts it. With `ids=false` the ids are left out: a map draws from the small answer and asks for the
    ids (the same order) only to open an event."""
    engine = request.app.state.engine
    key = str(sorted(request.query_params.multi_items()))
    body, zipped = _CACHE.get(engine, key, lambda: _encode(event_points(engine, where).body(with_ids=ids)))
    headers = {"Vary": "Accept-Encoding"}
    if zipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        body = zipped
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)


def _encode(answer: dict[str, object]) -> tuple[bytes, bytes | None]:
    body = json.dumps(answer, separators=(",", ":"), ensure_ascii=False).encode()
    return body, (gzip.compress(body, compresslevel=1) if len(body) > 1000 else None)


_CACHE = AnswerCache()


def warm(engine: Engine) -> None:
    """Read and encode the unfiltered map points (both answers) now, so the first page load finds them."""
    where = EventFilter()
    # each read after its version (as every request does): a store changed meanwhile is read again later
    _CACHE.get(
        engine, str([("ids", "false")]), lambda: _encode(event_points(engine, where).body(with_ids=False))
    )
    _CACHE.get(engine, str([]), lambda: _encode(event_points(engine, where).body(with_ids=True)))
