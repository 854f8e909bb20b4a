"""News bulletins: a report made of one-line headlines, each its own piece of news of the day.

"نشرة الثامنة" lists the day's headlines one per line, without sentence punctuation: a line that names
no place or date is not the story of the line before it, as a sentence of an article would be, and the
headlines tell the news of the day the bulletin went out.
"""

from __future__ import annotations

import datetime as dt
import re

from rasd.model import When

MIN_HEADLINES = 4  # lines that read as headlines
MIN_SHARE = 0.75  # of the document's lines
MAX_HEADLINE_CHARS = 300  # longer lines are paragraphs
BULLETIN_DAYS = 1  # a headline's news: the day of the bulletin or the day before
_SENTENCE_END = re.compile(r"[.!?؟…:\"»”)]\s*$")


def headline_lines(text: str) -> list[tuple[int, int]] | None:
    """The (start, end) spans of the lines when ``text`` is a bulletin of headlines, else None."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    headlines = [
        (s, e)
        for s, e in spans
        if len(text[s:e].strip()) <= MAX_HEADLINE_CHARS and not _SENTENCE_END.search(text[s:e])
    ]
    if len(headlines) < MIN_HEADLINES or len(headlines) < MIN_SHARE * len(spans):
        return None
    return spans


def bulletin_when(published: dt.date | None) -> When | None:
    """The time frame of a bulletin's undated headlines: the day it went out or the day before."""
    if published is None:
        return None
    return When(
        start=published - dt.timedelta(days=BULLETIN_DAYS),
        end=published,
        time_precision=2,
        reason=f"a headline of a news bulletin of {published.isoformat()}: news of that day or the day before",
    )
