"""Documents from paths: text and HTML files, ``-`` for standard input, JSONL of documents, and
Telegram Desktop exports (``.json``, see :mod:`rasd.ingest.telegram`).

A JSONL line is ``{id, text, published?, title?, url?, outlet?}``. Every bad input becomes an
:class:`InputError` naming the input (and line) and the reason; reading goes on with the rest.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.ingest.decode import MAX_BYTES, DecodeError, decode_bytes
from rasd.ingest.html import html_to_text


@dataclass(slots=True)
class Document:
    """One report to extract events from."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str = ""  # where it was read: path, path:line or <stdin>
    language: str | None = None  # ISO 639-1 code when the source says (web pages, feeds)


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read as a document, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_documents(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """Documents (or errors) from each path in turn; folders are read recursively."""
    for raw in paths:
        if raw == "-":
            yield from _from_bytes("<stdin>", sys.stdin.buffer.read(), "-", max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from _from_path(child, max_bytes)
        else:
            yield from _from_path(path, max_bytes)


def _from_path(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl(path, max_bytes)
        return
    if path.suffix.lower() == ".json":  # a Telegram Desktop export (result.json)
        from rasd.ingest.telegram import read_export

        yield from read_export(path)
        return
    if size > max_bytes:
        yield InputError(str(path), f"too large: {size / 1e6:.1f} MB (the limit is {max_bytes / 1e6:.0f} MB)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(
        str(path), data, path.stem, max_bytes, html=path.suffix.lower() in {".html", ".htm"}
    )


def _from_bytes(
    origin: str, data: bytes, doc_id: str, max_bytes: int, html: bool = False
) -> Iterator[Document | InputError]:
    try:
        text = decode_bytes(data, max_bytes)
    except DecodeError as exc:
        yield InputError(origin, str(exc))
        return
    meta: dict[str, str] = {}
    if html or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text, meta = html_to_text(text)
        if not text.strip():
            yield InputError(origin, "no readable text in the HTML page")
            return
    yield Document(
        id=doc_id,
        text=text,
        title=meta.get("title"),
        published=meta.get("date"),
        outlet=meta.get("sitename"),
        origin=origin,
    )


def _jsonl(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            origin = f"{path}:{lineno}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield InputError(origin, f"line too large: {len(raw) / 1e6:.1f} MB")
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield InputError(origin, "not UTF-8 (JSONL must be UTF-8)")
                continue
            except json.JSONDecodeError as exc:
                yield InputError(origin, f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(obj, dict):
                yield InputError(origin, "a line must be a JSON object")
                continue
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                yield InputError(origin, "no 'text' field (a non-empty string is required)")
                continue
            doc_id = obj.get("id")
            yield Document(
                id=str(doc_id) if doc_id is not None else f"{path.stem}:{lineno}",
                text=text,
                published=_opt(obj.get("published") or obj.get("date")),
                title=_opt(obj.get("title")),
                url=_opt(obj.get("url")),
                outlet=_opt(obj.get("outlet")),
                origin=origin,
            )


def _opt(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
