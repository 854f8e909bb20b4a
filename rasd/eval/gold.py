"""Gold files: the expected events of one or more documents (format in docs/gold-format.md)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rasd.eval.errors import EvalInputError, read_input

DEFAULT_KM = 25.0
RELATION_TYPES = {"retaliation for": "retaliation_for", "part of": "part_of", "follows": "follows"}
_FREE_KEYS = {"about", "note", "notes", "comment", "title", "url"}
_RELATION_RE = re.compile(r"^\s*(retaliation for|part of|follows)\s+(\S+)\s*$", re.IGNORECASE)


def _drop_free_keys(data: Any) -> Any:
    """Remove free-text keys (``about``, ``note``..., any key starting with ``_``) before strict validation."""
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k not in _FREE_KEYS and not str(k).startswith("_")}
    return data


class GoldPlace(BaseModel):
    """One acceptable location of a gold event."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)

    _strip = model_validator(mode="before")(_drop_free_keys)


class GoldEvent(BaseModel):
    """One expected event; absent or null fields are not scored."""

    model_config = ConfigDict(extra="forbid")

    id: str
    required: bool = True
    split_ok: bool = False
    event_type: str
    sub_event_type: list[str] | None = None
    date: tuple[dt.date, dt.date] | None = None
    local_time: str | None = None
    places: list[GoldPlace] = Field(default_factory=list)
    km: float = Field(DEFAULT_KM, gt=0)
    actors: dict[str, str] = Field(default_factory=dict)
    fatalities: int | None = Field(None, ge=0)
    injuries: int | None = Field(None, ge=0)
    abducted: int | None = Field(None, ge=0)
    munitions: dict[str, int] | None = None
    sources: list[str] = Field(default_factory=list)
    sources_min: int | None = Field(None, ge=0)
    min_time_precision: int | None = Field(None, ge=1, le=3)
    relation: str | None = None

    _strip = model_validator(mode="before")(_drop_free_keys)

    @field_validator("sub_event_type", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("date", mode="before")
    @classmethod
    def _day_or_interval(cls, value: Any) -> Any:
        return [value, value] if isinstance(value, str) else value

    @field_validator("local_time")
    @classmethod
    def _hh_mm(cls, value: str | None) -> str | None:
        if value is None:
            return None
        hhmm = normalize_time(value)
        if hhmm is None:
            raise ValueError(f"local_time {value!r} is not HH:MM")
        return hhmm

    @model_validator(mode="after")
    def _interval_order(self) -> GoldEvent:
        if self.date and self.date[0] > self.date[1]:
            raise ValueError(f"date interval {self.date[0]}..{self.date[1]} ends before it starts")
        return self

    @property
    def relation_parts(self) -> tuple[str, str] | None:
        """(rasd relation type, target gold id) of ``relation``, e.g. ('retaliation_for', 'strikes').

        None when there is no relation or it is free text (not ``<retaliation for|part of|follows> <id>``):
        free-text relations are kept for readers and not scored.
        """
        m = _RELATION_RE.match(self.relation or "")
        return (RELATION_TYPES[m.group(1).lower()], m.group(2)) if m else None

    @property
    def effective_sources_min(self) -> int:
        """Distinct sources a prediction must name: ``sources_min``, else 1 when gold lists any source."""
        if self.sources_min is not None:
            return self.sources_min
        return 1 if self.sources else 0


class GoldSource(BaseModel):
    """Where the text of a document is: a row of a file under the shared ``data/raw`` folder."""

    model_config = ConfigDict(extra="forbid")

    file: str
    id: str


class GoldDoc(BaseModel):
    """The expected events of one document."""

    model_config = ConfigDict(extra="forbid")

    doc: str
    id: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    text: str | None = None
    source: GoldSource | None = None
    events: list[GoldEvent] = Field(default_factory=list)

    _strip = model_validator(mode="before")(_drop_free_keys)

    @model_validator(mode="after")
    def _ids_and_relations(self) -> GoldDoc:
        ids = [e.id for e in self.events]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate event id(s): {', '.join(dupes)}")
        for event in self.events:
            parts = event.relation_parts
            if parts and parts[1] not in ids:
                raise ValueError(f"event {event.id!r}: relation names unknown gold id {parts[1]!r}")
        return self

    @property
    def key(self) -> str:
        """The id predictions use for this document: ``id`` when given, else ``doc``."""
        return self.id or self.doc

    def aliases(self) -> set[str]:
        """Every doc_id a prediction may carry for this document (id, doc, its file name and stem)."""
        names = {self.key, self.doc, Path(self.doc).name}
        if self.source is not None:
            names.add(self.source.id)
        stem = Path(self.doc).name
        while Path(stem).suffix:
            stem = Path(stem).stem
            names.add(stem)
        return names


def normalize_time(value: str) -> str | None:
    """``'9:05'`` / ``'09:05:00'`` → ``'09:05'``; None when not a time of day."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*", value)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _explain(exc: ValidationError, prefix: str) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in err["loc"]).lstrip(".")
        msg = err["msg"].removeprefix("Value error, ")
        where = f"{prefix}.{loc}" if prefix and loc else (prefix or loc)
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def _doc(data: Any, path: Path, prefix: str, line: int | None = None) -> GoldDoc:
    if not isinstance(data, dict):
        raise EvalInputError(path, f"{prefix or 'document'}: expected an object", line)
    try:
        return GoldDoc.model_validate(data)
    except ValidationError as exc:
        raise EvalInputError(path, _explain(exc, prefix), line) from None


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Gold documents of a file: one document, ``{"docs": [...]}``, or JSONL with one document a line."""
    path = Path(path)
    raw = read_input(path, "gold file")
    if path.suffix == ".jsonl":
        docs = []
        for lineno, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                docs.append(_doc(read_json(line, path, lineno), path, "", lineno))
    else:
        data = read_json(raw, path, None)
        if isinstance(data, dict) and "docs" in data:
            if not isinstance(data["docs"], list):
                raise EvalInputError(path, "'docs' must be a list of documents")
            docs = [_doc(d, path, f"docs[{i}]") for i, d in enumerate(data["docs"])]
        else:
            docs = [_doc(data, path, "")]
    if not docs:
        raise EvalInputError(path, "no gold documents")
    keys = [d.key for d in docs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise EvalInputError(path, f"duplicate document(s): {', '.join(dupes)}")
    return docs


def read_json(text: str, path: Path, line: int | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = line or exc.lineno
        raise EvalInputError(path, f"invalid JSON: {exc.msg} (column {exc.colno})", where) from None
