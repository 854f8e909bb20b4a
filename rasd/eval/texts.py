"""Texts of gold documents: inline, in a JSONL, beside the gold file, or a row of a shared data file."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
from pathlib import Path

from rasd.eval.errors import EvalInputError
from rasd.eval.gold import GoldDoc, read_json

Texts = dict[str, tuple[str, dt.date | None]]

_ID_KEYS = ("id", "unit_id")
_TEXT_KEYS = ("text", "article_content")
_TITLE_KEYS = ("title", "article_title")


def load_texts(path: str | Path) -> Texts:
    """Texts of a JSONL file (``{"id" or "doc", "text", "published"?}`` a line), by document id."""
    path = Path(path)
    if not path.is_file():
        raise EvalInputError(path, "texts file not found")
    out: Texts = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = read_json(line, path, lineno)
        if not isinstance(row, dict):
            raise EvalInputError(path, "each line must be a JSON object", lineno)
        key = row.get("id") or row.get("doc")
        if not key or not isinstance(row.get("text"), str):
            raise EvalInputError(path, "each line needs 'id' (or 'doc') and 'text'", lineno)
        published = None
        if row.get("published"):
            try:
                published = dt.date.fromisoformat(str(row["published"])[:10])
            except ValueError:
                raise EvalInputError(path, f"published {row['published']!r} is not a date", lineno) from None
        out[str(key)] = (row["text"], published)
    return out


def shared_raw_dir(near: str | Path) -> Path | None:
    """The shared ``data/raw`` folder: ``$RASD_SHARED/data/raw``, else a ``shared/data/raw`` above ``near``."""
    candidates = []
    if os.environ.get("RASD_SHARED"):
        candidates.append(Path(os.environ["RASD_SHARED"]) / "data" / "raw")
    candidates += [parent / "shared" / "data" / "raw" for parent in Path(near).resolve().parents]
    return next((c for c in candidates if c.is_dir()), None)


def _first(row: dict[str, object], keys: tuple[str, ...]) -> str:
    return next((str(row[k]) for k in keys if row.get(k) not in (None, "")), "")


@functools.lru_cache(maxsize=8)
def _source_rows(path: Path) -> dict[str, str]:
    """Text by id of a JSONL or CSV data file; the title, when there is one, comes first."""
    rows: list[dict[str, object]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix == ".csv":
            rows = list(csv.DictReader(fh))
        else:
            for lineno, line in enumerate(fh, start=1):
                if line.strip():
                    row = read_json(line, path, lineno)
                    if isinstance(row, dict):
                        rows.append(row)
    out = {}
    for row in rows:
        title, text = _first(row, _TITLE_KEYS), _first(row, _TEXT_KEYS)
        out[_first(row, _ID_KEYS)] = f"{title}\n\n{text}" if title else text
    return out


def doc_text(doc: GoldDoc, gold_path: str | Path, texts: Texts | None = None) -> tuple[str, dt.date | None]:
    """Text and publication date of a gold document.

    Looked up in order: inline ``text``; the ``--texts`` JSONL (by id, doc, file name or stem); the row
    ``source.id`` of ``source.file`` under the shared data/raw folder (title, blank line, text); a file named
    ``doc`` beside the gold file.
    """
    if doc.text is not None:
        return doc.text, doc.published
    for alias in (doc.key, doc.doc, *sorted(doc.aliases())):
        if texts and alias in texts:
            text, published = texts[alias]
            return text, doc.published or published
    if doc.source is not None:
        raw = shared_raw_dir(gold_path)
        path = raw / doc.source.file if raw else Path(doc.source.file)
        if not path.is_file():
            raise EvalInputError(
                path, f"source file of gold document {doc.key!r} not found (set RASD_SHARED)"
            )
        found = _source_rows(path).get(doc.source.id)
        if found is None:
            raise EvalInputError(path, f"no row with id {doc.source.id!r} (gold document {doc.key!r})")
        return found, doc.published
    candidate = Path(gold_path).parent / doc.doc
    if not candidate.is_file():
        raise EvalInputError(
            candidate, f"text of gold document {doc.key!r} not found (give --texts FILE.jsonl)"
        )
    try:
        return candidate.read_text(encoding="utf-8"), doc.published
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(candidate, f"cannot read: {exc}") from None
