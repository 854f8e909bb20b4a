"""Telegram Desktop exports (``result.json``): one document per channel message with text.

A single-chat export is ``{name, type, id, messages: [...]}``; a whole-account export keeps its chats
under ``chats.list``. A message's ``text`` is a string or a list of strings and entity objects
(``{"type": "bold", "text": ...}``). Service messages and messages without text (a photo with no
caption) are skipped. Document ids are ``telegram:<chat id>:<message id>``; the outlet is the
channel's name and the publication date the message's date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.ingest.documents import Document, InputError

MAX_EXPORT_BYTES = 200 * 1024 * 1024


def is_export(obj: object) -> bool:
    """Whether parsed JSON is a Telegram Desktop export (one chat, or an account's ``chats.list``)."""
    if not isinstance(obj, dict):
        return False
    if isinstance(obj.get("messages"), list):
        return True
    chats = obj.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def read_export(path: Path, max_bytes: int = MAX_EXPORT_BYTES) -> Iterator[Document | InputError]:
    """Documents of every text message in the export at ``path`` (or an error naming the file)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(
                str(path), f"too large: {size / 1e6:.1f} MB (the limit is {max_bytes / 1e6:.0f} MB)"
            )
            return
        obj = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    except UnicodeDecodeError:
        yield InputError(str(path), "not UTF-8 (Telegram exports are UTF-8)")
        return
    except json.JSONDecodeError as exc:
        yield InputError(str(path), f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if not is_export(obj):
        yield InputError(
            str(path),
            "a .json input must be a Telegram Desktop export (result.json with a 'messages' list); documents go in .jsonl",
        )
        return
    yield from export_documents(obj, str(path))


def export_documents(obj: dict[str, Any], origin: str) -> Iterator[Document | InputError]:
    """Documents of a parsed export (``origin`` names the file in documents and errors)."""
    chats = [obj] if isinstance(obj.get("messages"), list) else obj["chats"]["list"]
    for chat in chats:
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            continue
        name = str(chat.get("name") or "").strip() or None
        chat_id = chat.get("id", name or "chat")
        for index, message in enumerate(chat["messages"]):
            if not isinstance(message, dict):
                yield InputError(f"{origin}#{index}", "a message must be a JSON object")
                continue
            if message.get("type", "message") != "message":
                continue  # service messages: joined, pinned, ...
            text = message_text(message.get("text"))
            if text is None:
                yield InputError(
                    f"{origin}#{message.get('id', index)}", "'text' is neither a string nor a list"
                )
                continue
            if not text.strip():
                continue  # media without a caption
            msg_id = message.get("id", index)
            date = message.get("date")
            yield Document(
                id=f"telegram:{chat_id}:{msg_id}",
                text=text,
                published=date[:10] if isinstance(date, str) and len(date) >= 10 else None,
                outlet=name,
                origin=f"{origin}#{chat_id}:{msg_id}",
            )


def message_text(value: object) -> str | None:
    """The plain text of a message's ``text``: a string, or a list of strings and entity objects."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    parts = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)
