"""Fast multi-token phrase matching on normalized text, aware of Arabic proclitics.

A pattern is a phrase of tokens (normalized like the text). A token ending in ``*`` matches any
token starting with it; the token ``...`` skips up to ``max_gap`` tokens. Every text token may
carry proclitics (و ف ب ل ك ال لل, see :func:`rasd.text.tokens.clitic_forms`) and a leading
article in a pattern token is optional.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Generic, TypeVar

from rasd.knowledge import Row, read_tsv
from rasd.text.normalize import NormText, normalize_key
from rasd.text.tokens import Token, clitic_forms, strip_article, tokenize

T = TypeVar("T")
GAP = "..."
_CACHE_SIZE = 200_000
_MEMO_SIZE = 512  # token sequences whose matches are kept: the stages match the same sentence again


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A lexicon phrase found at [start, end) of the normalized text."""

    start: int
    end: int
    payload: T
    pattern: str = ""
    first_token: int = 0
    last_token: int = 0  # index of the last matched token (inclusive)


# An element of a compiled pattern: (kind, value); kind is "=", "*" (prefix) or "_" (gap).
_Elem = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    elems: tuple[_Elem, ...]
    payload: T
    pattern: str


def compile_pattern(pattern: str) -> tuple[_Elem, ...]:
    """Compile a lexicon phrase into match elements (normalized, article-free tokens)."""
    elems: list[_Elem] = []
    for piece in normalize_key(pattern).split():
        if piece in (GAP, "…"):
            elems.append(("_", ""))
            continue
        wild = piece.endswith("*")
        subs = [t.text for t in tokenize(piece.rstrip("*"))]
        for i, sub in enumerate(subs):
            kind = "*" if wild and i == len(subs) - 1 else "="
            elems.append((kind, strip_article(sub)))
    while elems and elems[-1][0] == "_":
        elems.pop()
    if not elems or elems[0][0] == "_":
        raise ValueError(f"pattern {pattern!r} has no leading word")
    return tuple(elems)


class PhraseMatcher(Generic[T]):
    """Find lexicon phrases in normalized text: longest match first, never overlapping."""

    def __init__(self, entries: Iterable[tuple[str, T]], max_gap: int = 3) -> None:
        self.max_gap = max_gap
        self._exact: dict[str, list[_Entry[T]]] = {}
        self._prefix: dict[str, list[_Entry[T]]] = {}
        lengths: set[int] = set()
        self.size = 0
        for pattern, payload in entries:
            elems = compile_pattern(pattern)
            entry = _Entry(elems, payload, pattern)
            kind, first = elems[0]
            if kind == "*":
                self._prefix.setdefault(first, []).append(entry)
                lengths.add(len(first))
            else:
                self._exact.setdefault(first, []).append(entry)
            self.size += 1
        self._prefix_lengths = tuple(sorted(lengths))
        self._cache: dict[str, tuple[_Entry[T], ...]] = {}
        self._memo: dict[tuple[Token, ...], list[Match[T]]] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[Row], key_column: str, max_gap: int = 3) -> PhraseMatcher[Row]:
        """A matcher over knowledge rows keyed by the phrase in ``key_column``; payload is the row."""
        entries: list[tuple[str, Row]] = []
        for row in rows:
            try:
                compile_pattern(row[key_column])
            except ValueError as exc:
                raise row.error(str(exc)) from exc
            entries.append((row[key_column], row))
        return PhraseMatcher(entries, max_gap=max_gap)

    def _heads(self, texts: list[str]) -> list[tuple[_Entry[T], ...]]:
        """The entries whose first element matches each token (cached per token text: tokens repeat a lot)."""
        cache = self._cache
        new = set(texts).difference(cache)
        if new:
            if len(cache) + len(new) > _CACHE_SIZE:
                cache.clear()
                new = set(texts)
            for text in new:
                cache[text] = tuple(self._candidates(clitic_forms(text)))
        return list(map(cache.__getitem__, texts))

    def _candidates(self, forms: tuple[str, ...]) -> list[_Entry[T]]:
        out: list[_Entry[T]] = []
        for f in forms:
            hit = self._exact.get(f)
            if hit:
                out.extend(hit)
            for n in self._prefix_lengths:
                if n > len(f):
                    break
                phit = self._prefix.get(f[:n])
                if phit:
                    out.extend(phit)
        return out

    @staticmethod
    def _elem_ok(elem: _Elem, forms: tuple[str, ...]) -> bool:
        kind, value = elem
        if kind == "=":
            return value in forms
        return any(f.startswith(value) for f in forms)

    def _extend(self, elems: tuple[_Elem, ...], k: int, i: int, forms: Sequence[tuple[str, ...]]) -> int:
        """Index of the last token matched by elems[k:] starting at token i, or -1."""
        if k == len(elems):
            return i - 1
        if elems[k][0] == "_":
            for skip in range(self.max_gap + 1):
                end = self._extend(elems, k + 1, i + skip, forms)
                if end >= 0:
                    return end
            return -1
        if i >= len(forms) or not self._elem_ok(elems[k], forms[i]):
            return -1
        return self._extend(elems, k + 1, i + 1, forms)

    def find_tokens(self, tokens: Sequence[Token]) -> list[Match[T]]:
        """Matches over already tokenized normalized text."""
        if not isinstance(tokens, tuple):
            return self._find_tokens(tokens)
        hit = self._memo.get(tokens)
        if hit is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            hit = self._memo[tokens] = self._find_tokens(tokens)
        return list(hit)

    def _find_tokens(self, tokens: Sequence[Token]) -> list[Match[T]]:
        texts = [t.text for t in tokens]
        heads = self._heads(texts)
        forms: list[tuple[str, ...]] | None = None  # clitic forms of every token, made when first needed
        found: list[tuple[int, int, _Entry[T]]] = []
        for i in compress(range(len(heads)), heads):  # only the tokens some entry starts with
            for entry in heads[i]:
                elems = entry.elems
                if len(elems) > 1:
                    if forms is None:
                        forms = list(map(clitic_forms, texts))
                    kind, value = elems[1]
                    if kind == "=" and (i + 1 >= len(forms) or value not in forms[i + 1]):
                        continue  # the next word is not the entry's second word (most entries fail here)
                    last = self._extend(elems, 1, i + 1, forms)
                else:
                    last = i
                if last >= 0:
                    found.append((i, last, entry))
        if not found:
            return []
        found.sort(key=lambda c: (-(tokens[c[1]].end - tokens[c[0]].start), c[0]))
        taken: list[tuple[int, int]] = []
        out: list[Match[T]] = []
        for i, last, entry in found:
            if any(not (last < a or i > b) and (i, last) != (a, b) for a, b in taken):
                continue
            if (i, last) not in taken:
                taken.append((i, last))
            out.append(Match(tokens[i].start, tokens[last].end, entry.payload, entry.pattern, i, last))
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def find(self, norm: NormText | str) -> list[Match[T]]:
        """Matches in normalized text (a :class:`NormText` or its ``.text``), in text order."""
        text = norm.text if isinstance(norm, NormText) else norm
        return self.find_tokens(tokenize(text))


@lru_cache(maxsize=64)
def lexicon_matcher(
    relative: str, lang: str, column: str, allowed: frozenset[str], key: str = "cue"
) -> PhraseMatcher[Row]:
    """The matcher of one language's rows of a ``lang``/``key``/``column`` knowledge TSV.

    Every row's ``column`` must be one of ``allowed``; a row that is not names its file and line.
    """
    rows = read_tsv(relative, required=("lang", key, column))
    for row in rows:
        if row[column] not in allowed:
            raise row.error(f"unknown {column} {row[column]!r}; expected one of {', '.join(sorted(allowed))}")
    return PhraseMatcher.from_rows([r for r in rows if r["lang"] == lang], key)
