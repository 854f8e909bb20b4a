"""Event mentions: each sentence with an event trigger becomes one or more clauses with their arguments.

A sentence is cut in two at a "cause" cue ("رداً على", "in retaliation for"): what follows the cue
is the event the first part answers. Every argument (place, time, count, cue) belongs to the clause
whose span holds it. Offsets in a :class:`Clause` are offsets into the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rasd.actors import find_actors
from rasd.coding.classify import Classification, classify_norm
from rasd.coding.triggers import TriggerHit, find_cues_tokens, find_triggers_tokens
from rasd.extraction.counts import Count, find_counts
from rasd.extraction.discourse import Cue, find_discourse
from rasd.extraction.sources import Voice
from rasd.text.normalize import NormText, normalize
from rasd.text.segments import Segment
from rasd.text.tokens import tokenize

_STATUS_CUES = {"repelled", "no_damage", "claimed", "unidentified", "denial", "habitual"}


@dataclass(slots=True)
class Clause:
    """One event mention with the spans of what it says (document offsets)."""

    start: int
    end: int
    sentence: int
    segment: Segment
    lang: str
    classification: Classification | None
    voice: Voice | None = None
    definite: bool = False
    demonstrative: bool = False
    simultaneous: bool = False
    prior: bool = False  # "before that": a new event, earlier than the one told just before
    there: bool = False  # "an attack there": at the place told just before
    another: bool = False  # "هجوم آخر", "another attack": a new event, not the one told before
    cause_of: Clause | None = None  # this clause tells the event that ``cause_of`` answers
    counts: list[Count] = field(default_factory=list)  # spans already in document offsets
    cues: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def is_title(self) -> bool:
        return self.segment.kind == "title"

    @property
    def habitual(self) -> bool:
        """Told as something that goes on ("continued targeting") rather than as one event."""
        return any(kind == "habitual" for kind, _, _ in self.cues)

    @property
    def munition(self) -> str | None:
        if self.classification is None:
            return None
        return next((h.munition for h in self.classification.triggers if h.munition), None)


def _doc_span(norm: NormText, offset: int, start: int, end: int) -> tuple[int, int]:
    s, e = norm.to_original(start, end)
    return offset + s, offset + e


def _definite(norm: NormText, hit_start: int, lang: str) -> bool:
    """Is the trigger a definite noun (ال..., "the ...")?"""
    text = norm.text
    word_start = text.rfind(" ", 0, hit_start) + 1
    word = text[word_start : hit_start + 8]
    if lang == "ar":
        return any(word.startswith(prefix) for prefix in ("وال", "فال", "بال", "لل", "ال"))
    before = text[max(0, hit_start - 4) : hit_start]
    return before.endswith("the ")


@dataclass(slots=True)
class Leftover:
    """What a sentence without an event clause still says: counts, status cues, and whether it
    names an event at all ("the attack happened at 7:30"), so its time can go to the event told before."""

    sentence: int
    start: int
    end: int
    counts: list[Count]
    cues: list[tuple[str, int, int]]
    names_event: bool


def analyse_sentence(
    text: str,
    start: int,
    end: int,
    index: int,
    segment: Segment,
    lang: str,
    voice: Voice | None,
    crowd: bool = False,
) -> tuple[list[Clause], Leftover | None]:
    """Clauses of one sentence, or what is left of it when it has none (``crowd``: the document is the
    note of a demonstration, by ACLED's crowd size tag)."""
    sentence = text[start:end]
    norm = normalize(sentence)
    tokens = tokenize(norm.text)
    hits = find_triggers_tokens(tokens, lang)
    triggered = bool(hits)
    discourse = find_discourse(tokens, lang) if triggered else []
    cause = next((c for c in discourse if c.kind == "cause"), None)
    cuts: list[tuple[int, int]] = [(0, len(norm.text))] if triggered else []
    if cause is not None:
        cuts = [(0, cause.start), (cause.end, len(norm.text))]
    clauses: list[Clause] = []
    coded = _mask_names(norm, lang, hits) if triggered else norm.text
    for cs, ce in cuts:
        sub = NormText(norm.original, coded[cs:ce], norm.offsets[cs : ce + 1])
        cls = classify_norm(_renormalized(sub), lang, crowd)
        if cls is None:
            continue
        s, e = _doc_span(norm, start, cs, ce)
        first = cls.triggers[0] if cls.triggers else None
        clause = Clause(s, e, index, segment, lang, _shift(cls, s), voice)
        if first is not None:
            clause.definite = _definite(norm, cs + first.start, lang)
        clause.demonstrative = any(
            d.kind == "anaphor"
            and cs <= d.start < ce
            and _determines_trigger(d.end, cls, cs, norm.text, lang)
            for d in discourse
        )
        clause.simultaneous = any(d.kind == "simultaneous" and cs <= d.start < ce for d in discourse)
        clause.prior = any(d.kind == "prior" and cs <= d.start < ce for d in discourse)
        clause.there = any(d.kind == "there" and cs <= d.start < ce for d in discourse)
        clause.another = any(
            d.kind == "another" and cs <= d.start < ce and _qualifies_trigger(d, cls, cs, norm.text, lang)
            for d in discourse
        )
        if clause.prior:
            clause.demonstrative = False  # the "that" of "before that" points at the last event, not this one
        clauses.append(clause)
    if len(clauses) == 2:
        clauses[1].cause_of = clauses[0]
    counts = [
        Count(c.field, c.value, *_doc_span(norm, start, c.start, c.end), c.approx)
        for c in find_counts(norm.text)
    ]
    cues = [
        (c.kind, *_doc_span(norm, start, c.start, c.end))
        for c in find_cues_tokens(tokens, lang)
        if c.kind in _STATUS_CUES
    ]
    if not clauses:
        names_event = triggered
        if counts or cues or names_event:
            return [], Leftover(index, start, end, counts, cues, names_event)
        return [], None
    for count in counts:
        _owner(clauses, count.start).counts.append(count)
    for cue in cues:
        _owner(clauses, cue[1]).cues.append(cue)
    return clauses, None


# Classes of trigger words that say who took part, not what happened ("IS militants", "Peshmerga forces").
_PEOPLE_CLASSES = frozenset({"@armed", "@gunmen", "@civilian", "@state", "@nonstate"})


def _mask_names(norm: NormText, lang: str, hits: Sequence[TriggerHit]) -> str:
    """The normalized sentence with the names of actors blanked out where their words would be read
    as the event it reports ("هيئة تحرير الشام", "Liberation Army"); a name whose words only say who
    took part and with what ("IS militants", "Russian warplanes") stays, so the classifier sees them."""
    chars = list(norm.text)
    for m in find_actors(norm, lang):
        if m.generic:
            continue
        inside = [h for h in hits if h.start < m.end and h.end > m.start]
        if all(h.munition is not None or (not h.subs and set(h.classes) <= _PEOPLE_CLASSES) for h in inside):
            continue  # "IS militants", "الطائرات الروسية": who took part, and with what
        chars[m.start : m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _renormalized(sub: NormText) -> NormText:
    """A clause's NormText whose offsets index the clause text itself (for the classifier)."""
    base = sub.offsets[0] if sub.offsets else 0
    original = sub.original[base : (sub.offsets[-1] if sub.offsets else base)]
    offsets = sub.offsets if base == 0 else tuple([o - base for o in sub.offsets])
    return NormText(original, sub.text, offsets)


def _shift(cls: Classification, delta: int) -> Classification:
    """The classification with its evidence spans moved from clause to document offsets."""
    from dataclasses import replace

    from rasd.model import Span

    return replace(
        cls, evidence=tuple(Span(start=e.start + delta, end=e.end + delta, text=e.text) for e in cls.evidence)
    )


def _determines_trigger(end: int, cls: Classification, offset: int, text: str, lang: str) -> bool:
    """Does the demonstrative ending at ``end`` point at a trigger of the clause: "هذه الهجمات", "this
    (deadly) attack"? Not the connective "وذلك عبر الطائرات" ("and that, by drones"): in Arabic the
    trigger follows at once; in English one adjective may stand between."""
    for h in cls.triggers:
        between = text[end : offset + h.start]
        if offset + h.start < end or len(between) > _DEMONSTRATIVE_REACH:
            continue
        words = between.split()
        if not words or (lang == "en" and len(words) == 1 and words[0] not in _NOT_ADJECTIVES):
            return True
    return False


def _qualifies_trigger(cue: Cue, cls: Classification, offset: int, text: str, lang: str) -> bool:
    """Is "another" said of a trigger: right after it in Arabic ("هجوم آخر"; before it, "آخر هجوم" is
    "the last attack"), right before it in English ("another attack")?"""
    for h in cls.triggers:
        start, end = offset + h.start, offset + h.end
        between = text[end : cue.start] if lang == "ar" else text[cue.end : start]
        if (cue.start >= end if lang == "ar" else start >= cue.end) and not between.strip():
            return True
    return False


_DEMONSTRATIVE_REACH = 16  # characters between a demonstrative and the trigger it determines
_NOT_ADJECTIVES = frozenset({"is", "was", "were", "are", "after", "in", "on", "by", "of", "to", "for", "as"})


def _owner(clauses: list[Clause], pos: int) -> Clause:
    for clause in clauses:
        if clause.start <= pos < clause.end:
            return clause
    return clauses[-1]
