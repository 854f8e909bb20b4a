"""Split a report into segments (title, body paragraphs, embedded posts) and sentences.

Offsets are always into the original text. An embedded post is recognised by its signature
line, as social-media embeds print it: ``— Name (@handle) July 7, 2021``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SIGNATURE = re.compile(
    r"^[ \t]*[\u2014\u2013\-]{1,2}[ \t]*(?P<author>[^\n(]{1,120}?)[ \t]*"
    r"\((?P<handle>@[A-Za-z0-9_]{1,30})\)[ \t]*(?P<date>[^\n]{0,40})$",
    re.MULTILINE,
)
# Sentence ends: . ! ? ؟ … or a newline; not a dot between digits (12.30) or after a short abbreviation.
_SENT_END = re.compile(r"(?<!\d)[.!?\u061f\u2026]+(?=\s|$)|(?<=\d)[.!?\u061f\u2026]+(?=\s+\D|$)|\n+")
_ABBREV = re.compile(
    r"(?:^|\s)(?:approx|col|gen|lt|maj|capt|sgt|mr|mrs|dr|st|no|vs|u\.s|e\.g|i\.e|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|nr|sen|rep|gov|prof|jr|sr|d\.c)$",
    re.IGNORECASE,
)
_URL = re.compile(r"\b(?:https?://|pic\.twitter\.com/|www\.)\S+")


@dataclass(frozen=True, slots=True)
class Post:
    """An embedded social-media post: its author, handle and the date line under it."""

    author: str
    handle: str
    date_text: str
    signature_start: int
    signature_end: int


@dataclass(slots=True)
class Segment:
    """A stretch of the report: ``title``, ``body`` paragraph, or ``post`` (with its signature)."""

    kind: str
    start: int
    end: int
    post: Post | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)


def _post_signatures(text: str) -> list[Post]:
    posts = []
    for m in _SIGNATURE.finditer(text):
        author = m.group("author").strip(" \t\u200f\u200e")
        author = re.sub(r"[\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF]+", "", author).strip()
        posts.append(Post(author, m.group("handle"), m.group("date").strip(), m.start(), m.end()))
    return posts


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in re.finditer(r"\n", text[start:end]):
        e = start + m.start()
        if text[pos:e].strip():
            out.append((pos, e))
        pos = start + m.end()
    if text[pos:end].strip():
        out.append((pos, end))
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed of white space; URLs never end a sentence."""
    protected = [(m.start() + start, m.end() + start) for m in _URL.finditer(text[start:end])]
    spans = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in protected):
            continue
        if text[s] == "." and _ABBREV.search(text[max(pos, s - 12) : s]):
            continue
        spans.append((pos, e if text[s] != "\n" else s))
        pos = e
    spans.append((pos, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and re.search(r"\w", text[s:e]):
            trimmed.append((s, e))
    return trimmed


def _looks_like_title(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= 160 and not re.search(r"[.!?\u061f:]\s*$", stripped)


def segment(text: str, first_is_title: bool | None = None) -> list[Segment]:
    """Segments of a report in reading order.

    The first line is the title when ``first_is_title`` says so, or, when it is None, when it
    is a short line without final punctuation followed by more text.
    """
    posts = _post_signatures(text)
    paragraphs = _paragraphs(text, 0, len(text))
    segments: list[Segment] = []
    post_body_for: dict[int, Post] = {}
    for post in posts:
        before = [p for p in paragraphs if p[1] <= post.signature_start]
        if before:
            post_body_for[before[-1][0]] = post
    signature_starts = {p.signature_start for p in posts}
    for i, (s, e) in enumerate(paragraphs):
        sig_line = next(
            (p for p in posts if p.signature_start <= s < p.signature_end or s == p.signature_start), None
        )
        if sig_line is not None or s in signature_starts:
            continue
        if s in post_body_for:
            segments.append(Segment("post", s, e, post_body_for[s]))
        elif i == 0 and (
            first_is_title
            or (first_is_title is None and len(paragraphs) > 1 and _looks_like_title(text[s:e]))
        ):
            segments.append(Segment("title", s, e))
        else:
            segments.append(Segment("body", s, e))
    for seg in segments:
        seg.sentences = split_sentences(text, seg.start, seg.end)
    return segments
