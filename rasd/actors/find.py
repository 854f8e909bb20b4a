"""Find actor mentions in normalized text and name them as ACLED does.

Three kinds of phrases come from ``actors.tsv``: names of an actor ("قسد", "Hezbollah"), words
naming a class on their own ("gunmen", "المتظاهرين"), and class words that need a country
("القوات", "drones"). Gentilics from ``actor_roles/countries.tsv`` ("الأمريكية", "Turkish")
give a class its country: "غارات أمريكية" is the US military, "الميليشيات الإيرانية" a pro-Iran
militia. Without a gentilic a class takes the country of the report (``country=``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rasd.actors.lexicon import ActorInfo, ActorRow, actor_rows, class_actor, countries, country_code, resolve
from rasd.coding.matcher import Match, PhraseMatcher, compile_pattern
from rasd.text.normalize import NormText, is_arabic, normalize
from rasd.text.tokens import Token, clitic_forms, tokenize

EntryKind = Literal["name", "generic", "generic_c", "gentilic"]
_AR_ADJ_SUFFIXES = ("", "ه", "ين", "ون", "ان", "تان", "تين")
_AR_PLURAL = ("ين", "ون", "ان")
_CLAUSE_BREAK = re.compile(r"[.,،؛;:!?()\[\]\"]")
_ATTACH_GAP = 2  # tokens allowed between a class word and its gentilic
_CLASS = ("generic", "generic_c")


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: EntryKind
    row: ActorRow | None
    iso: str | None = None
    plural: bool = False
    case_sensitive: bool = False
    stem: str = ""  # first pattern token, article-free (to see a proclitic on the text token)
    named: bool = False  # an own name of a class row ("داعش" for "Islamic State ({country})")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text; ``start``/``end`` are offsets into the normalized text."""

    start: int
    end: int
    text: str  # the original words
    actor_id: str
    acled_name: str
    short: str | None
    inter: int
    country: str | None
    generic: bool  # named by a class word ("gunmen", "القوات التركية"), not by its own name
    kind: str = ""
    country_code: str | None = None
    proclitic: str = ""  # Arabic proclitics on the first word (e.g. "ل" in "لداعش")
    first_token: int = 0
    last_token: int = 0


def _is_acronym(variant: str) -> bool:
    letters = [c for c in variant if c.isalpha()]
    return variant.isascii() and 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


def _entry_for(pattern: str, kind: EntryKind, row: ActorRow | None, **kw: object) -> tuple[str, _Entry]:
    stem = compile_pattern(pattern)[0][1]
    return pattern, _Entry(kind, row, stem=stem, case_sensitive=_is_acronym(pattern), **kw)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher[_Entry]:
    entries: list[tuple[str, _Entry]] = []
    for row in actor_rows():
        # names of a class row ("Islamic State ({country})") take a gentilic like class words do
        if row.is_class:
            entries += [_entry_for(p, "generic", row, named=True) for p in row.names]
        else:
            entries += [_entry_for(p, "name", row) for p in row.names]
        entries += [_entry_for(p, "generic", row) for p in row.generic]
        entries += [_entry_for(p, "generic_c", row) for p in row.generic_with_country]
    for iso, c in countries().items():
        for stem in c.ar_adj:
            for suf in _AR_ADJ_SUFFIXES:
                entries.append(_entry_for(stem + suf, "gentilic", None, iso=iso, plural=suf in _AR_PLURAL))
        for name in c.names:  # "Myanmar military", "الموالية لإيران"
            entries.append(_entry_for(name, "gentilic", None, iso=iso))
        en = set(c.en_adj)
        for adj in c.en_adj:
            plural = adj.endswith("s") and adj[:-1] in en
            entries.append(_entry_for(adj, "gentilic", None, iso=iso, plural=plural))
    return PhraseMatcher(entries, max_gap=0)


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    first: int
    last: int
    entry: _Entry


def _pick(group: list[Match[_Entry]], norm: NormText, ctx: str | None) -> _Entry | None:
    """The best entry among the ones matching the same span (context decides between namesakes)."""
    best: tuple[int, _Entry] | None = None
    for m in group:
        e = m.payload
        if e.case_sensitive and any(c.islower() for c in norm.original_span(m.start, m.end)):
            continue
        if e.kind == "name":
            assert e.row is not None
            if e.row.where:
                if ctx is None:
                    score = 3
                elif ctx in e.row.where:
                    score = 5
                else:
                    continue
            else:
                score = 4
        elif e.kind == "gentilic":
            score = 1
        else:
            score = 2
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


def _no_break(norm: NormText, a: int, b: int) -> bool:
    return a <= b and not _CLAUSE_BREAK.search(norm.text, a, b)


def _adjust_inter(info: ActorInfo, ctx: str | None) -> int:
    """A state force acting outside its own country is an external force (8) for ACLED."""
    if info.inter == 1 and ctx and info.country_code and info.country_code != ctx:
        return 8
    return info.inter


_EN_OF = frozenset({"of", "for", "against"})


def _head(tokens: Sequence[Token], entry: _Entry, first: int, last: int) -> str:
    """The word that names a multi-word name on its own: in English the last before any "of"
    ("Syrian Coalition", "Coalition for ..."), in Arabic the first ("الائتلاف الوطني السوري")."""
    if not entry.stem.isascii():
        return entry.stem
    for k in range(first + 1, last + 1):
        if tokens[k].text.casefold() in _EN_OF:
            return tokens[k - 1].text.casefold()
    return tokens[last].text.casefold()


def document_heads(norm: NormText) -> dict[str, ActorRow]:
    """Head words of the multi-word actor names of a whole document, each with its actor.

    A report that names "the Syrian Coalition" means it by "the Coalition" later on, not the
    anti-IS coalition whose short name that word also is (see ``heads=`` of :func:`find_actors`).
    A head two different actors share is left out.
    """
    tokens = tokenize(norm.text)
    out: dict[str, ActorRow] = {}
    clash: set[str] = set()
    for m in _matcher().find_tokens(tokens):
        e = m.payload
        if e.kind != "name" or e.row is None or m.first_token == m.last_token:
            continue
        head = _head(tokens, e, m.first_token, m.last_token)
        if out.setdefault(head, e.row).id != e.row.id:
            clash.add(head)
    return {k: v for k, v in out.items() if k not in clash}


class DocumentHeads(Mapping[str, ActorRow]):
    """:func:`document_heads` of a text, worked out the first time a lone common-noun name needs it."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._heads: dict[str, ActorRow] | None = None

    def _all(self) -> dict[str, ActorRow]:
        if self._heads is None:
            self._heads = document_heads(normalize(self._text))
        return self._heads

    def __getitem__(self, key: str) -> ActorRow:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _common_noun(entry: _Entry, token: str) -> bool:
    """A one-word name that is a common noun ("coalition", "التحالف" with its article): it may stand
    for a longer name; a proper name ("Hezbollah", "داعش") never does."""
    if entry.stem.isascii():
        return entry.stem.islower()
    return any(form.startswith("ال") for form in clitic_forms(token))


def find_actors(
    norm: NormText,
    lang: str | None = None,
    *,
    country: str | None = None,
    date: dt.date | None = None,
    heads: Mapping[str, ActorRow] | None = None,
) -> list[ActorMention]:
    """Actor mentions in text order.

    ``country`` (ISO2 or ACLED name) is where the reported event happens: it names the generic
    actors without a gentilic ("Civilians (Syria)") and turns foreign state forces into inter 8.
    ``date`` picks the head-of-state era in names like "Military Forces of Iraq (2020-)".
    ``lang`` is accepted for symmetry with the other stages: matching follows each word's script.
    ``heads`` (from :func:`document_heads`) names the actor a lone common-noun name stands for in
    this document ("the Coalition" after "the Syrian Coalition").
    """
    ctx = country_code(country)
    ctx_name = country if (country and not ctx) else None
    tokens: Sequence[Token] = tokenize(norm.text)
    if not tokens:
        return []
    groups: dict[tuple[int, int], list[Match[_Entry]]] = {}
    for m in _matcher().find_tokens(tokens):
        groups.setdefault((m.first_token, m.last_token), []).append(m)
    items: list[_Item] = []
    for (first, last), group in groups.items():
        entry = _pick(group, norm, ctx)
        if entry is not None:
            items.append(_Item(group[0].start, group[0].end, first, last, entry))
    items.sort(key=lambda it: it.start)

    used: set[int] = set()  # indexes of gentilic items attached to a class word
    resolved: list[tuple[_Item, int, int, ActorInfo, bool]] = []
    for idx, it in enumerate(items):
        e = it.entry
        if e.kind == "name":
            assert e.row is not None
            row = e.row
            if heads is not None and it.first == it.last and _common_noun(e, tokens[it.first].text):
                row = heads.get(e.stem.casefold(), row)
            info = resolve(row, None, date)
            resolved.append((it, it.start, it.end, info, False))
            continue
        if e.kind == "gentilic":
            continue
        assert e.row is not None
        latin = it.entry.stem.isascii()
        gent: int | None = None
        if latin and idx > 0:
            j = idx - 1  # "Russian military patrol": step back over class words to the gentilic
            while j > 0 and items[j].entry.kind in _CLASS and items[j].last >= items[j + 1].first - 1:
                j -= 1
            g = items[j]
            near = g.last >= items[j + 1].first - _ATTACH_GAP - 1
            if g.entry.kind == "gentilic" and near and _no_break(norm, g.end, it.start):
                gent = j
        elif not latin and idx + 1 < len(items):
            g = items[idx + 1]
            if (
                g.entry.kind == "gentilic"
                and g.first <= it.last + _ATTACH_GAP + 1
                and _no_break(norm, it.end, g.start)
            ):
                gent = idx + 1
        if gent is not None:
            used.add(gent)
            gm = items[gent]
            info_opt = class_actor(e.row.kind, gm.entry.iso, date)
            start, end = min(it.start, gm.start), max(it.end, gm.end)
        elif e.kind == "generic":
            info_opt = class_actor(e.row.kind, ctx or ctx_name, date)
            start, end = it.start, it.end
        else:
            continue
        if info_opt is not None:
            resolved.append((it, start, end, info_opt, not e.named))
    for idx, it in enumerate(items):
        e = it.entry
        if e.kind == "gentilic" and idx not in used and e.plural:
            info_opt = class_actor("civilians", e.iso, date)
            if info_opt is not None:
                resolved.append((it, it.start, it.end, info_opt, True))
    resolved.sort(key=lambda r: r[1])

    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    out: list[ActorMention] = []
    for it, start, end, info, generic in resolved:
        first_tok = bisect_right(ends, start)
        last_tok = bisect_left(starts, end) - 1
        same = out and out[-1].acled_name == info.acled_name and out[-1].generic and generic
        if same and first_tok - out[-1].last_token <= 1:
            merged = out.pop()  # "Turkish army warplanes" is one mention
            start, first_tok = merged.start, merged.first_token
        tok = tokens[first_tok].text
        proclitic = ""
        stem = it.entry.stem
        if stem and not tok.isascii() and tok.endswith(stem) and it.start == start:
            proclitic = tok[: len(tok) - len(stem)]
            if proclitic.endswith("ال"):
                proclitic = proclitic[:-2]
        out.append(
            ActorMention(
                start=start,
                end=end,
                text=norm.original_span(start, end),
                actor_id=info.id,
                acled_name=info.acled_name,
                short=info.short,
                inter=_adjust_inter(info, ctx),
                country=info.country,
                generic=generic,
                kind=info.kind,
                country_code=info.country_code,
                proclitic=proclitic,
                first_token=first_tok,
                last_token=last_tok,
            )
        )
    return out


def detect_lang(text: str) -> str:
    """ "ar" or "en" for a sentence (used when the caller does not say)."""
    return "ar" if is_arabic(text) else "en"
