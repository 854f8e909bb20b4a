"""Reporting voices: who, inside a report, says that an event happened.

A voice is an embedded post (its author), or a party, agency or spokesperson introduced by a
reporting word from ``knowledge/reporting.tsv`` ("قالت قسد في بيان", "according to SOHR").
Known agencies and monitors come from ``knowledge/sources.tsv``; parties from the actors table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.coding.matcher import Match, PhraseMatcher, lexicon_matcher
from rasd.knowledge import Row, read_tsv, split_list
from rasd.model import Span
from rasd.text.normalize import NormText, normalize
from rasd.text.segments import Post
from rasd.text.tokens import tokenize

VOICE_WINDOW = 8  # tokens after (or before) a reporting word in which the voice is named


@dataclass(frozen=True, slots=True)
class Voice:
    """A reporting voice; spans are offsets into the original document."""

    kind: str  # statement | spokesperson | agency | monitor | official | outlet | post | report
    name: str
    start: int
    end: int
    author: str | None = None
    handle: str | None = None
    platform: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class NamedParty:
    """An actor named in the sentence (normalized offsets), as the actor finder reports it."""

    start: int
    end: int
    name: str


REPORTING_KINDS = frozenset({"statement", "spokesperson", "report", "inherit", "according"})


def reporting_cues(lang: str) -> PhraseMatcher[Row]:
    """Reporting words of a language (``knowledge/reporting.tsv``)."""
    return lexicon_matcher("reporting.tsv", lang, "kind", REPORTING_KINDS)


@lru_cache(maxsize=1)
def source_matcher() -> PhraseMatcher[Row]:
    rows = read_tsv("sources.tsv", required=("id", "name", "kind", "names"))
    entries = [(name, row) for row in rows for name in split_list(row["names"])]
    return PhraseMatcher(entries)


def source_names(text: str) -> list[Span]:
    """Spans of the text (original offsets) that name a known agency, monitor or outlet."""
    norm = normalize(text)
    spans = []
    for m in source_matcher().find(norm):
        s, e = norm.to_original(m.start, m.end)
        spans.append(Span(start=s, end=e, text=text[s:e]))
    return spans


def known_source(text: str) -> Row | None:
    """The sources.tsv row named in a short text (a post author, say), if any."""
    hits = source_matcher().find(normalize(text))
    return hits[0].payload if hits else None


def post_voice(post: Post, start: int, end: int) -> Voice:
    """The voice of an embedded post, named after its author (or the known body it stands for)."""
    row = known_source(post.author)
    name = row["name"] if row is not None else post.author
    return Voice(
        "post",
        name,
        start,
        end,
        author=post.author,
        handle=post.handle,
        platform="X/Twitter" if post.handle.startswith("@") else None,
        date=post_date(post),
    )


def post_date(post: Post) -> dt.date | None:
    """The date printed under an embedded post ("July 7, 2021"), if it reads as one."""
    text = re.sub(r"\s+", " ", post.date_text.strip())
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def has_reporting_cue(norm: NormText, lang: str) -> bool:
    """Does the sentence hold a reporting word at all (cheap test before naming its voice)?"""
    return bool(reporting_cues(lang).find_tokens(tokenize(norm.text)))


def sentence_voice(
    norm: NormText,
    lang: str,
    parties: Sequence[NamedParty],
    offset: int,
    previous: Voice | None,
) -> Voice | None:
    """The voice a sentence reports through, or None for the outlet's own narration.

    ``norm`` is the normalized sentence, ``offset`` the sentence start in the document,
    ``previous`` the last statement voice of the document (for "the statement said").
    """
    cues = reporting_cues(lang)
    tokens = tokenize(norm.text)
    sources = source_matcher().find_tokens(tokens)
    for cue in sorted(cues.find_tokens(tokens), key=lambda c: c.payload["kind"] != "spokesperson"):
        row = cue.payload
        kind = row["kind"]
        if kind == "inherit":
            if previous is not None:
                return previous
            continue
        named = _named_near(cue, row["side"], tokens, sources, parties)
        if named is None:
            continue
        start, end, name, source_row = named
        s, e = norm.to_original(start, end)
        if kind == "spokesperson":
            return Voice("spokesperson", f"{name} spokesperson", offset + s, offset + e)
        if source_row is not None:
            return Voice(source_row["kind"], source_row["name"], offset + s, offset + e)
        return Voice("statement" if kind != "report" else "report", name, offset + s, offset + e)
    return None


def _named_near(
    cue: Match[Row],
    side: str,
    tokens: Sequence[object],
    sources: Sequence[Match[Row]],
    parties: Sequence[NamedParty],
) -> tuple[int, int, str, Row | None] | None:
    """The first agency or party named within the window on the cue's side."""
    toks = list(tokens)
    after_end = toks[min(len(toks) - 1, cue.last_token + VOICE_WINDOW)].end  # type: ignore[attr-defined]
    before_start = toks[max(0, cue.first_token - VOICE_WINDOW)].start  # type: ignore[attr-defined]
    candidates: list[tuple[int, int, str, Row | None]] = [
        (m.start, m.end, m.payload["name"], m.payload) for m in sources
    ] + [(p.start, p.end, p.name, None) for p in parties]
    if side in {"after", "either"}:
        after = sorted((c for c in candidates if cue.end <= c[0] < after_end), key=lambda c: c[0])
        if after:
            return after[0]
    if side in {"before", "either"}:
        before = sorted(
            (c for c in candidates if before_start <= c[0] and c[1] <= cue.start), key=lambda c: -c[0]
        )
        if before:
            return before[0]
    return None
