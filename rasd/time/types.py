"""Result types of time-expression finding and resolution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class TimeMention:
    """A time expression in a text; start/end are offsets in the ORIGINAL text."""

    start: int
    end: int
    text: str
    kind: str  # date | time | datetime | relative | range | zone


@dataclass(frozen=True)
class TimeResolution:
    """An interval of dates (inclusive) with ACLED time_precision, the local time and its UTC form.

    ``time`` and ``time_utc`` are "HH:MM"; ``time_utc`` is computed on ``start`` in zone ``tz``.
    When nothing can be resolved, ``start`` is None and ``reason`` says why.
    """

    start: date | None
    end: date | None
    precision: int | None
    time: str | None
    time_utc: str | None
    tz: str | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.start is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (dates in ISO 8601)."""
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "time": self.time,
            "time_utc": self.time_utc,
            "tz": self.tz,
            "reason": self.reason,
        }
