"""/api/stats: counts of the filtered events per day and per type, for a timeline."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import Engine

from rasd.web.auth import Reader
from rasd.web.filters import Filter
from rasd.web.points import AnswerCache
from rasd.web.queries import event_stats
from rasd.web.schemas import DayCount, DayTypeCount, StatsOut, TypeCount

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats", response_model=StatsOut)
def stats(request: Request, where: Filter, _: Reader) -> StatsOut:
    """Events per start day (ascending), per type (most first) and per day and type; undated counted apart."""
    engine = request.app.state.engine
    key = str(sorted(request.query_params.multi_items()))
    return _CACHE.get(engine, key, lambda: _stats(engine, where))


_CACHE = AnswerCache()  # the timeline's counts are read once per store version and filter


def _stats(engine: Engine, where: Filter) -> StatsOut:
    counts = event_stats(engine, where)
    return StatsOut(
        total=counts.total,
        undated=counts.undated,
        by_day=[DayCount(date=d, count=n) for d, n in sorted(counts.by_day.items())],
        by_type=[
            TypeCount(event_type=t, count=n)
            for t, n in sorted(counts.by_type.items(), key=lambda p: (-p[1], p[0]))
        ],
        by_day_type=[
            DayTypeCount(date=d, event_type=t, count=n) for (d, t), n in sorted(counts.by_day_type.items())
        ],
    )
