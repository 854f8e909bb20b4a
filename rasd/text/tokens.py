"""Tokens of normalized text, and the clitic forms an Arabic token may hide behind."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"[0-9]+(?:[.:,][0-9]+)*|[^\W\d_]+", re.UNICODE)

# Proclitics, outermost first: conjunction, preposition, article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ART = "ال"
MIN_STEM = 2


class Token(NamedTuple):
    """A word or number of normalized text (a named tuple: cheap to build and to hash)."""

    start: int  # offsets into the normalized text
    end: int
    text: str


_new_token = tuple.__new__


@lru_cache(maxsize=1024)
def tokenize(text: str) -> tuple[Token, ...]:
    """Word and number tokens of (normalized) text (cached: the stages tokenize the same sentences)."""
    return tuple([_new_token(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text)])


@lru_cache(maxsize=65536)
def clitic_forms(token: str) -> tuple[str, ...]:
    """The token and each form left after stripping Arabic proclitics (و، ف، ب، ل، ك، ال، لل).

    Forms are ordered from the whole token to the barest stem; a stem shorter than two
    letters is never produced. Latin tokens only lose an English possessive.
    """
    if token.isascii():
        if token.endswith("'s"):
            return (token, token[:-2])
        return (token,)
    forms = [token]
    heads = [token]
    for group, shortest in ((_CONJ, MIN_STEM + 1), (_PREP, MIN_STEM + 2)):
        new = []
        for h in heads:
            if len(h) >= shortest and h[0] in group:
                new.append(h[1:])
        forms.extend(new)
        heads = heads + new
    stems = []
    for h in heads:
        if h.startswith("لل") and len(h) > MIN_STEM + 2:  # ل + ال
            stems.append(h[2:])
        if h.startswith(_ART) and len(h) >= MIN_STEM + 2:
            stems.append(h[2:])
    forms.extend(stems)
    seen: dict[str, None] = {}
    for f in forms:
        seen.setdefault(f, None)
    return tuple(seen)


def strip_article(token: str) -> str:
    """A token without a leading ال (used to key lexicon entries)."""
    if not token.isascii() and token.startswith(_ART) and len(token) >= MIN_STEM + 2:
        return token[2:]
    return token
