"""Bytes to text: BOMs, UTF-8, then detection (charset-normalizer) for windows-1256, UTF-16 and others."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024  # one report larger than this is refused


class DecodeError(ValueError):
    """The bytes are not text rasd can read; the message says why."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def decode_bytes(data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """Text of a document's bytes, or :class:`DecodeError` (empty, too large, binary, undecodable)."""
    if len(data) > max_bytes:
        raise DecodeError(f"too large: {len(data) / 1e6:.1f} MB (the limit is {max_bytes / 1e6:.0f} MB)")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strip(data.decode(codec, errors="replace"))
    if not data.strip():
        raise DecodeError("empty")
    utf16 = _utf16_text(data)
    if utf16 is not None:
        return _strip(utf16)
    if _looks_binary(data):
        raise DecodeError("binary data, not text")
    try:
        return _strip(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "cp1252", "utf_16", "latin_1"]).best()
    if best is None:
        raise DecodeError("not text in any encoding rasd can detect")
    return _strip(str(best))


def _readable(text: str) -> float:
    """Share of characters that are Latin, Arabic, digits, white space or punctuation."""
    if not text:
        return 0.0
    ok = sum(1 for c in text if c.isascii() and (c.isprintable() or c.isspace()) or "\u0600" <= c <= "\u06ff")
    return ok / len(text)


def _utf16_text(data: bytes) -> str | None:
    """The text of BOM-less UTF-16 (either byte order) when it decodes to readable script."""
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[:4096]
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            if _readable(sample.decode(codec)) > 0.95:
                return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _strip(text: str) -> str:
    if not text.strip():
        raise DecodeError("empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")
