"""Loading of analyst-editable knowledge files (TSV/YAML) shipped under ``rasd/knowledge/``.

Set ``RASD_KNOWLEDGE`` to a folder to override any file by the same relative path.
Every problem is reported as a :class:`KnowledgeError` naming the file and the line.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class KnowledgeError(ValueError):
    """A knowledge file is missing or malformed."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = str(path)
        self.line = line
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Row:
    """One data row of a TSV knowledge file, with where it came from."""

    path: str
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    def get(self, key: str, default: str = "") -> str:
        return self.values.get(key) or default

    def error(self, reason: str) -> KnowledgeError:
        return KnowledgeError(self.path, self.line, reason)


def knowledge_path(relative: str) -> Path:
    """Path of a knowledge file, preferring the user's override folder."""
    override = os.environ.get("RASD_KNOWLEDGE")
    if override:
        candidate = Path(override) / relative
        if candidate.exists():
            return candidate
    return Path(str(resources.files("rasd.knowledge").joinpath(relative)))


def read_tsv(relative: str | Path, required: Iterable[str] = ()) -> list[Row]:
    """Rows of a tab-separated file with a header line; ``#`` lines and blank lines are skipped."""
    path = relative if isinstance(relative, Path) else knowledge_path(relative)
    if not path.exists():
        raise KnowledgeError(path, None, "file not found")
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(i, line) for i, line in enumerate(fh, start=1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise KnowledgeError(path, None, "no header line")
    header_line, header = lines[0]
    columns = [c.strip() for c in header.rstrip("\r\n").split("\t")]
    missing = [c for c in required if c not in columns]
    if missing:
        raise KnowledgeError(path, header_line, f"missing column(s): {', '.join(missing)}")
    reader = csv.reader((line for _, line in lines[1:]), delimiter="\t", quoting=csv.QUOTE_NONE)
    for (lineno, _), cells in zip(lines[1:], reader, strict=True):
        if len(cells) > len(columns):
            raise KnowledgeError(path, lineno, f"{len(cells)} cells but {len(columns)} columns")
        values = {c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(columns)}
        for col in required:
            if not values[col]:
                raise KnowledgeError(path, lineno, f"empty required column {col!r}")
        rows.append(Row(str(path), lineno, values))
    return rows


def read_yaml(relative: str) -> Any:
    """Parsed content of a YAML knowledge file."""
    path = knowledge_path(relative)
    if not path.exists():
        raise KnowledgeError(path, None, "file not found")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KnowledgeError(path, mark.line + 1 if mark else None, str(exc)) from exc


def split_list(value: str, sep: str = "|") -> list[str]:
    """Cells holding several values use ``|`` between them."""
    return [v.strip() for v in value.split(sep) if v.strip()]
