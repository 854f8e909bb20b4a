"""Predicted events: rasd Events as JSONL (one a line, ``doc_id`` set), or produced by the extractor."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rasd.eval.errors import EvalInputError, read_input
from rasd.model import Event

Extractor = Callable[..., list[Event]]


def read_predictions(path: str | Path) -> list[Event]:
    """Events of a JSONL file (a JSON array is accepted too); errors name the file and line."""
    path = Path(path)
    raw = read_input(path, "predictions file")
    if raw.lstrip().startswith("["):
        try:
            items = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EvalInputError(path, f"invalid JSON: {exc.msg}", exc.lineno) from None
        return [_event(json.dumps(item), path, None, i) for i, item in enumerate(items)]
    return [
        _event(line, path, lineno, None)
        for lineno, line in enumerate(raw.splitlines(), start=1)
        if line.strip()
    ]


def _event(text: str, path: Path, line: int | None, index: int | None) -> Event:
    try:
        return Event.model_validate_json(text)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        where = f"item {index}: " if index is not None else ""
        raise EvalInputError(
            path, f"{where}not a rasd Event: {loc + ': ' if loc else ''}{err['msg']}", line
        ) from None


def group_by_doc(
    events: list[Event], aliases: dict[str, str], single: str | None
) -> tuple[dict[str, list[Event]], list[Event]]:
    """Events by gold document key; ``aliases`` maps every accepted doc_id to its key.

    Events without ``doc_id`` go to ``single`` (the only gold document) when there is one; the rest is
    returned as unscored.
    """
    grouped: dict[str, list[Event]] = {}
    unscored: list[Event] = []
    for event in events:
        key = aliases.get(event.doc_id) if event.doc_id else single
        if key is None:
            unscored.append(event)
        else:
            grouped.setdefault(key, []).append(event)
    return grouped, unscored


def load_extractor() -> Extractor:
    """``rasd.extract`` (imported only when needed); raises RuntimeError when it is not available."""
    fn: Any = None
    try:
        fn = getattr(importlib.import_module("rasd"), "extract", None)
        if not callable(fn):  # the rasd.extract subpackage shadows the function once imported
            fn = getattr(importlib.import_module("rasd.extraction.api"), "extract", None)
    except ImportError as exc:
        raise RuntimeError(f"the extractor cannot be imported ({exc}); pass --pred FILE") from None
    if not callable(fn):
        raise RuntimeError("rasd.extract is not available yet; pass --pred FILE")
    return fn  # type: ignore[no-any-return,unused-ignore]


def run_extractor(extract: Extractor, text: str, published: dt.date | None, doc_id: str) -> list[Event]:
    """Events the extractor finds in a text, with ``doc_id`` set."""
    events = list(extract(text, published=published, doc_id=doc_id))
    return [e if e.doc_id else e.model_copy(update={"doc_id": doc_id}) for e in events]
