"""Discourse cues that tie event mentions together: demonstratives, "at the same time", "in retaliation for".

The words live in ``knowledge/discourse.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasd.coding.matcher import PhraseMatcher, lexicon_matcher
from rasd.knowledge import Row
from rasd.text.tokens import Token

KINDS = ("anaphor", "simultaneous", "cause", "prior", "period", "there", "another")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    start: int  # normalized offsets
    end: int
    first_token: int
    last_token: int


def discourse_matcher(lang: str) -> PhraseMatcher[Row]:
    return lexicon_matcher("discourse.tsv", lang, "kind", frozenset(KINDS))


def find_discourse(tokens: Sequence[Token], lang: str) -> list[Cue]:
    """Discourse cues among the tokens of a normalized sentence."""
    return [
        Cue(m.payload["kind"], m.start, m.end, m.first_token, m.last_token)
        for m in discourse_matcher(lang).find_tokens(tokens)
    ]
