"""ACLED rows as an evaluation set: ``notes`` is the input, the row's columns are the gold."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.eval.errors import EvalInputError
from rasd.eval.fields import count_ok
from rasd.eval.geo import DISTANCE_BUCKETS_KM, bucket_name, haversine_km
from rasd.eval.score import FieldScore
from rasd.model import Actor, Event

REQUIRED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "inter2",
    "country",
    "latitude",
    "longitude",
    "notes",
    "fatalities",
)

ACLED_FIELDS: tuple[str, ...] = (
    "event_found",
    "event_type",
    "sub_event_type",
    "date_exact",
    "date_covers",
    *(bucket_name(km) for km in DISTANCE_BUCKETS_KM),
    "fatalities",
    "inter1",
    "inter2",
    "actor1",
)


@dataclass(frozen=True, slots=True)
class AcledRow:
    """The gold an ACLED row gives, and the text to code."""

    id: str
    line: int
    notes: str
    event_date: dt.date
    published: dt.date
    country: str
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int | None
    inter2: int | None
    lat: float | None
    lon: float | None
    fatalities: int | None


def _int(value: str) -> int | None:
    value = value.strip()
    return int(float(value)) if value else None


def _float(value: str) -> float | None:
    value = value.strip()
    return float(value) if value else None


def publication_date(event_date: dt.date, timestamp: str) -> dt.date:
    """The date passed to extraction as ``published``: the row's upload ``timestamp`` (UTC), else event_date."""
    if timestamp.strip():
        try:
            return dt.datetime.fromtimestamp(int(float(timestamp)), dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            pass
    return event_date


def read_acled(
    path: str | Path, country: str | None = None, limit: int | None = None, sample: int | None = None
) -> list[AcledRow]:
    """Rows of an ACLED CSV, filtered by ``country`` (comma list), then every ``sample``-th, then ``limit``."""
    path = Path(path)
    if not path.is_file():
        raise EvalInputError(path, "ACLED file not found")
    wanted = {c.strip().casefold() for c in country.split(",")} if country else None
    rows: list[AcledRow] = []
    kept = 0
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise EvalInputError(path, f"missing column(s): {', '.join(missing)}", 1)
        for raw in reader:
            if wanted is not None and raw["country"].strip().casefold() not in wanted:
                continue
            kept += 1
            if sample and sample > 1 and (kept - 1) % sample:
                continue
            rows.append(_row(raw, path, reader.line_num))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _row(raw: dict[str, Any], path: Path, line: int) -> AcledRow:
    try:
        event_date = dt.date.fromisoformat(raw["event_date"].strip())
        return AcledRow(
            id=raw["event_id_cnty"].strip(),
            line=line,
            notes=raw["notes"] or "",
            event_date=event_date,
            published=publication_date(event_date, raw.get("timestamp") or ""),
            country=raw["country"].strip(),
            event_type=raw["event_type"].strip(),
            sub_event_type=raw["sub_event_type"].strip(),
            actor1=raw["actor1"].strip(),
            inter1=_int(raw["inter1"]),
            inter2=_int(raw["inter2"]),
            lat=_float(raw["latitude"]),
            lon=_float(raw["longitude"]),
            fatalities=_int(raw["fatalities"]),
        )
    except ValueError as exc:
        raise EvalInputError(path, f"bad value: {exc}", line) from None


_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)\s*$")


def actor_key(name: str) -> str:
    """ACLED actor name compared case-blind and without its period, e.g. '(2000-)'."""
    return _PERIOD.sub("", name).strip().casefold()


def score_row(row: AcledRow, pred: Event | None) -> dict[str, bool]:
    """Every ACLED field for one row; a row with no prediction gets every field wrong."""
    if pred is None:
        return dict.fromkeys(ACLED_FIELDS, False)
    when = pred.when
    km = None
    if row.lat is not None and row.lon is not None and pred.location is not None:
        loc = pred.location
        if loc.lat is not None and loc.lon is not None:
            km = haversine_km(row.lat, row.lon, loc.lat, loc.lon)
    out = {
        "event_found": True,
        "event_type": pred.event_type == row.event_type,
        "sub_event_type": pred.sub_event_type == row.sub_event_type,
        "date_exact": when is not None and when.start == when.end == row.event_date,
        "date_covers": when is not None and when.start <= row.event_date <= when.end,
        "fatalities": bool(count_ok(row.fatalities, pred.fatalities)),
        "inter1": _inter(pred.inter1, pred.actor1) == row.inter1,
        "inter2": (_inter(pred.inter2, pred.actor2) or 0) == (row.inter2 or 0),
        "actor1": pred.actor1 is not None and actor_key(pred.actor1.name) == actor_key(row.actor1),
    }
    for limit in DISTANCE_BUCKETS_KM:
        out[bucket_name(limit)] = km is not None and km <= limit
    return out


def _inter(code: int | None, actor: Actor | None) -> int | None:
    """The event's inter code, else the one its actor carries."""
    return code if code is not None else (actor.inter if actor is not None else None)


def best_event(events: Iterable[Event]) -> Event | None:
    """The prediction a row is scored on: the most confident event, the first one on ties."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


@dataclass(slots=True)
class AcledReport:
    """Field accuracy over ACLED rows (every row counts: a row with no event is wrong everywhere)."""

    rows: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in ACLED_FIELDS})
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    """Rows the extractor failed on (scored as predicting nothing), with the error."""

    def add(self, row: AcledRow, pred: Event | None) -> None:
        self.rows += 1
        for name, ok in score_row(row, pred).items():
            self.fields[name].add((int(ok), 1))
        predicted = pred.sub_event_type if pred else "(none)"
        by_gold = self.confusion.setdefault(row.sub_event_type, {})
        by_gold[predicted] = by_gold.get(predicted, 0) + 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "fields": {name: self.fields[name].to_dict() for name in ACLED_FIELDS},
            "sub_event_type_confusion": self.confusion,
            "failures": self.failures,
        }


def score_acled(
    rows: Iterable[AcledRow], predict: Callable[[AcledRow], list[Event]], catch: bool = False
) -> AcledReport:
    """Score ``predict(row)`` (the extractor, or read predictions) on every row.

    With ``catch``, a row whose prediction raises is recorded in ``failures`` and scored as no event.
    """
    report = AcledReport()
    for row in rows:
        try:
            events = predict(row)
        except Exception as exc:
            if not catch:
                raise
            report.failures[row.id] = f"{type(exc).__name__}: {exc}"
            events = []
        report.add(row, best_event(events))
    return report
