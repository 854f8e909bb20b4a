"""Event triggers, weapons and status cues found in normalized text (Arabic and English lexicons).

Lexicons: ``rasd/knowledge/triggers/{ar,en}.tsv`` (pattern, target, weight), ``weapons.tsv``
(term, lang, munition, sub_event_type, weight) and ``triggers/cues.tsv`` (pattern, lang, kind).
A target is an ACLED sub-event type or an ``@class`` feature combined by :mod:`rasd.coding.classify`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.coding.codebook import load_codebook
from rasd.coding.matcher import Match, PhraseMatcher
from rasd.knowledge import Row, read_tsv, split_list
from rasd.text.normalize import NormText, normalize_key
from rasd.text.tokens import Token, tokenize

LANGS = ("ar", "en")
OTHER_SENSE = "@other_sense"  # event words in a sense that reports no event ("معارك سياسية", "nuclear deal")
CLASSES = frozenset(
    {
        "@protest",
        "@riot",
        "@mob",
        "@intervene",
        "@lethal",
        "@kill",
        "@injure",
        "@shoot",
        "@beat",
        "@attack",
        "@civilian",
        "@armed",
        "@gunmen",
        "@clash",
        "@capture",
        "@regain",
        "@state",
        "@nonstate",
        OTHER_SENSE,
    }
)
CUE_KINDS = frozenset(
    {
        "threat",
        "denial",
        "disaster",
        "hypothetical",
        "negation",
        "repelled",
        "no_damage",
        "claimed",
        "unidentified",
        "background",
        "habitual",
    }
)


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One lexicon entry: what a phrase points to and how strongly."""

    pattern: str
    target: str  # an ACLED sub-event type or an @class
    weight: float
    munition: str | None
    row: Row

    @property
    def is_class(self) -> bool:
        return self.target.startswith("@")


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """Lexicon entries matched at [start, end) of the normalized text."""

    start: int
    end: int
    pattern: str
    lexemes: tuple[Lexeme, ...]
    first_token: int
    last_token: int
    subs: dict[str, float]  # candidate sub-event types -> weight
    classes: dict[str, float]  # @classes -> weight

    @property
    def munition(self) -> str | None:
        return next((lx.munition for lx in self.lexemes if lx.munition), None)

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(lx.row for lx in self.lexemes)


def _hit(
    start: int, end: int, pattern: str, lexemes: tuple[Lexeme, ...], first: int, last: int
) -> TriggerHit:
    subs: dict[str, float] = {}
    classes: dict[str, float] = {}
    for lx in lexemes:
        bucket = classes if lx.is_class else subs
        bucket[lx.target] = max(bucket.get(lx.target, 0.0), lx.weight)
    return TriggerHit(start, end, pattern, lexemes, first, last, subs, classes)


@dataclass(frozen=True, slots=True)
class CueHit:
    """A status cue (threat, denial, hypothetical, negation, repelled, no_damage, claimed, unidentified)."""

    start: int
    end: int
    kind: str
    pattern: str
    first_token: int
    last_token: int
    row: Row


def _weight(row: Row, column: str = "weight") -> float:
    try:
        return float(row.get(column, "1"))
    except ValueError:
        raise row.error(f"weight {row.get(column)!r} is not a number") from None


def _lexemes(lang: str) -> list[Lexeme]:
    subs = set(load_codebook().sub_event_types)
    out: list[Lexeme] = []
    for row in read_tsv(f"triggers/{lang}.tsv", required=("pattern", "target")):
        target = row["target"]
        if target not in subs and target not in CLASSES:
            raise row.error(
                f"unknown target {target!r} (an ACLED sub-event type or one of {sorted(CLASSES)})"
            )
        out.append(Lexeme(row["pattern"], target, _weight(row), None, row))
    for row in read_tsv("weapons.tsv", required=("term", "lang", "munition", "sub_event_type")):
        if row["lang"] not in LANGS:
            raise row.error(f"unknown lang {row['lang']!r}")
        if row["sub_event_type"] not in subs:
            raise row.error(f"unknown sub-event type {row['sub_event_type']!r}")
        if row["lang"] == lang:
            out.append(Lexeme(row["term"], row["sub_event_type"], _weight(row), row["munition"], row))
    return out


@lru_cache(maxsize=4)
def trigger_matcher(lang: str) -> PhraseMatcher[Lexeme]:
    """The compiled trigger + weapon matcher of a language ("ar", "en" or "any" for both)."""
    langs = LANGS if lang == "any" else (lang,)
    if lang != "any" and lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    entries: list[tuple[str, Lexeme]] = []
    for lg in langs:
        for lx in _lexemes(lg):
            if lx.target != OTHER_SENSE:
                entries.append((lx.pattern, lx))
    try:
        return PhraseMatcher(entries)
    except ValueError as exc:  # pragma: no cover - patterns are checked per row below
        raise ValueError(str(exc)) from exc


@lru_cache(maxsize=4)
def other_sense_matcher(lang: str) -> PhraseMatcher[Lexeme]:
    """Phrases that use event words in a sense that reports no event (matched apart from the triggers,
    whose longer matches would otherwise hide them)."""
    langs = LANGS if lang == "any" else (lang,)
    return PhraseMatcher(
        [(lx.pattern, lx) for lg in langs for lx in _lexemes(lg) if lx.target == OTHER_SENSE]
    )


@lru_cache(maxsize=4)
def cue_matcher(lang: str) -> PhraseMatcher[Row]:
    """The compiled status-cue matcher of a language ("ar", "en" or "any")."""
    rows = read_tsv("triggers/cues.tsv", required=("pattern", "lang", "kind"))
    for row in rows:
        if row["kind"] not in CUE_KINDS:
            raise row.error(f"unknown cue kind {row['kind']!r}")
        if row["lang"] not in LANGS:
            raise row.error(f"unknown lang {row['lang']!r}")
    keep = [r for r in rows if lang == "any" or r["lang"] == lang]
    return PhraseMatcher.from_rows(keep, "pattern")


def _group(matches: Sequence[Match[Lexeme]], other_sense: Sequence[tuple[int, int]] = ()) -> list[TriggerHit]:
    hits: list[TriggerHit] = []
    by_span: dict[tuple[int, int], list[Match[Lexeme]]] = {}
    for m in matches:
        if any(m.start < e and s < m.end for s, e in other_sense):
            continue  # "معارك سياسية", "وقعت الاتفاق النووي": no battle, no conflict agreement
        by_span.setdefault((m.start, m.end), []).append(m)
    for (start, end), ms in by_span.items():
        hits.append(
            _hit(start, end, ms[0].pattern, tuple(m.payload for m in ms), ms[0].first_token, ms[0].last_token)
        )
    hits.sort(key=lambda h: h.start)
    return hits


def find_triggers_tokens(tokens: Sequence[Token], lang: str) -> list[TriggerHit]:
    """Triggers over already tokenized normalized text (cached: several stages ask of one sentence)."""
    if isinstance(tokens, tuple):
        return list(_triggers_cached(tokens, lang))
    return _triggers(tokens, lang)


@lru_cache(maxsize=512)
def _triggers_cached(tokens: tuple[Token, ...], lang: str) -> tuple[TriggerHit, ...]:
    return tuple(_triggers(tokens, lang))


def _triggers(tokens: Sequence[Token], lang: str) -> list[TriggerHit]:
    matches = trigger_matcher(lang).find_tokens(tokens)
    if not matches:
        return []
    other_sense = [(m.start, m.end) for m in other_sense_matcher(lang).find_tokens(tokens)]
    return _group(matches, other_sense)


def _next_to_number(tokens: Sequence[Token], m: Match[Row]) -> bool:
    before = tokens[m.first_token - 1].text if m.first_token else ""
    after = tokens[m.last_token + 1].text if m.last_token + 1 < len(tokens) else ""
    return before[:1].isdigit() or after[:1].isdigit()


def find_cues_tokens(tokens: Sequence[Token], lang: str) -> list[CueHit]:
    """Cues over already tokenized normalized text (a modal next to a number, as in "3 May", is a date)."""
    return [
        CueHit(m.start, m.end, m.payload["kind"], m.pattern, m.first_token, m.last_token, m.payload)
        for m in cue_matcher(lang).find_tokens(tokens)
        if not (m.payload["kind"] == "hypothetical" and _next_to_number(tokens, m)) and _next_ok(tokens, m)
    ]


def _next_ok(tokens: Sequence[Token], m: Match[Row]) -> bool:
    prefixes = m.payload.get("next_prefix")
    if not prefixes:
        return True
    nxt = tokens[m.last_token + 1].text if m.last_token + 1 < len(tokens) else ""
    return any(nxt.startswith(normalize_key(p)) for p in split_list(prefixes))


def find_triggers(norm: NormText, lang: str) -> list[TriggerHit]:
    """Event triggers and weapons in normalized text; spans are normalized offsets."""
    return find_triggers_tokens(tokenize(norm.text), lang)


def find_cues(norm: NormText, lang: str) -> list[CueHit]:
    """Status cues in normalized text; spans are normalized offsets."""
    return find_cues_tokens(tokenize(norm.text), lang)
