"""Discourse cues that tie event mentions together: demonstratives, "at the same time", "in retaliation for".

The words live in ``knowledge/discourse.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.coding.matcher import PhraseMatcher
from rasd.knowledge import Row, read_tsv
from rasd.text.tokens import Token

KINDS = ("anaphor", "simultaneous", "cause", "prior")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    start: int  # normalized offsets
    end: int
    first_token: int
    last_token: int


@lru_cache(maxsize=4)
def discourse_matcher(lang: str) -> PhraseMatcher[Row]:
    rows = read_tsv("discourse.tsv", required=("lang", "cue", "kind"))
    for row in rows:
        if row["kind"] not in KINDS:
            raise row.error(f"unknown kind {row['kind']!r}; expected one of {', '.join(KINDS)}")
    return PhraseMatcher.from_rows([r for r in rows if r["lang"] == lang], "cue")


def find_discourse(tokens: Sequence[Token], lang: str) -> list[Cue]:
    """Discourse cues among the tokens of a normalized sentence."""
    return [
        Cue(m.payload["kind"], m.start, m.end, m.first_token, m.last_token)
        for m in discourse_matcher(lang).find_tokens(tokens)
    ]
