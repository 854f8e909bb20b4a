"""The kind of document a report is: news, or opinion and analysis (``knowledge/genres.tsv``)."""

from __future__ import annotations

from functools import lru_cache

from rasd.knowledge import read_tsv
from rasd.text.normalize import normalize


@lru_cache(maxsize=1)
def document_genre_markers() -> tuple[tuple[str, str], ...]:
    """(normalized marker, genre) pairs of ``knowledge/genres.tsv``, loaded once."""
    rows = read_tsv("genres.tsv", required=("lang", "marker", "genre"))
    return tuple((normalize(r["marker"]).text, r["genre"]) for r in rows)


def document_genre(normalized_text: str) -> str:
    """``opinion`` when the (normalized) text carries a marker of a column or analysis, else ``news``."""
    return next((genre for marker, genre in document_genre_markers() if marker in normalized_text), "news")
