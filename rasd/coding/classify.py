"""ACLED event and sub-event type of a sentence or snippet, from triggers, weapons, actors and cues.

The rules follow ACLED's definitions: protests become interventions or excessive force when
force is used on them, demonstrators' violence makes a riot, armed fights are clashes while
one-sided violence on civilians is an Attack, explosive weapons used on their own are
Explosions/Remote violence, and the rest are strategic developments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rasd.coding.codebook import load_codebook
from rasd.coding.triggers import CueHit, TriggerHit, find_cues_tokens, find_triggers_tokens
from rasd.model import Span
from rasd.text.normalize import NormText, is_arabic, normalize
from rasd.text.tokens import Token, tokenize

ARMED_CLASH = "Armed clash"
ATTACK = "Attack"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
EXCESSIVE = "Excessive force against protesters"
VIOLENT_DEMO = "Violent demonstration"
MOB = "Mob violence"
REGAINS = "Government regains territory"
OVERTAKES = "Non-state actor overtakes territory"
DISRUPTED = "Disrupted weapons use"
NVT = "Non-violent transfer of territory"
ABDUCTION = "Abduction/forced disappearance"
ARRESTS = "Arrests"
SEXUAL = "Sexual violence"
REMOTE = (
    "Chemical weapon",
    "Suicide bomb",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
)
STRATEGIC = (
    "Agreement",
    ARRESTS,
    "Change to group/activity",
    DISRUPTED,
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
)
# Cues that make a trigger describe something that did not (or not yet) happen: negation and
# hypotheticals govern the next few words, a threat or denial the rest of its sentence.
_DENIED = 0.2  # weight left to a threatened, denied, hypothetical or negated trigger
# these govern the rest of their sentence ("an earthquake struck ..., killing thousands": no attack)
_WHOLE_SENTENCE = frozenset({"threat", "denial", "disaster"})
_CUE_SCOPE = 3  # tokens after a hypothetical cue that it governs
_NEGATION_SCOPE = 3  # "لم تسجل أي اشتباكات", "did not fire at"
_SIZE_NOTE = re.compile(r"\[size=", re.IGNORECASE)  # ACLED notes give a crowd size for demonstrations
_FLAG_OF_CUE = {
    "claimed": "claimed",
    "denial": "denied",
    "repelled": "repelled",
    "no_damage": "no_damage",
    "unidentified": "unidentified_perpetrator",
}
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /-]{2,40}):")  # ACLED note label, e.g. "Displacement:"


@dataclass(frozen=True)
class Classification:
    """The ACLED type of an event with the evidence for it (spans of the original text)."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    score: float  # 0..1
    evidence: tuple[Span, ...]
    alternatives: tuple[tuple[str, float], ...] = ()
    cues: tuple[str, ...] = ()  # kinds of status cues seen (claimed, repelled, ...)
    reason: str = ""
    plover: tuple[str, str] = ("", "")
    triggers: tuple[TriggerHit, ...] = field(default=(), repr=False)

    @property
    def munitions(self) -> tuple[str, ...]:
        """Munition keys (rockets, drones, ied, ...) named by the weapons found, in text order."""
        seen: dict[str, None] = {}
        for hit in self.triggers:
            if hit.munition:
                seen.setdefault(hit.munition, None)
        return tuple(seen)

    @property
    def flags(self) -> dict[str, bool]:
        """The status cues as :class:`rasd.model.Flags` fields."""
        return {name: kind in self.cues for kind, name in _FLAG_OF_CUE.items()}


@dataclass
class _Features:
    subs: dict[str, float]
    classes: dict[str, float]
    support: dict[str, list[TriggerHit]]
    label: str | None
    demo_note: bool
    target: str | None  # "civilian" or "armed": who the first violent act was done to
    asserted: bool = True  # False when every trigger is threatened, denied, hypothetical or negated
    arrest_by: str | None = None  # "state" or "nonstate": who made the first arrest (words before it)

    def c(self, name: str) -> float:
        return self.classes.get(name, 0.0)

    def s(self, name: str) -> float:
        return self.subs.get(name, 0.0)


# Words a background clause ("to protest against ...") does not weaken: the protest itself and
# the strategic developments that happen around it (deployments, displacement, looting ...).
_UNSUPPRESSED = frozenset({"@protest", *(s for s in STRATEGIC if s != ARRESTS)})
_VIOLENT = ("@kill", "@shoot", "@beat", "@attack")
_TARGET_WINDOW = 8
CLASH_OVER_REMOTE = 2.5  # battle words at least this strong make an explosion part of a clash
_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are"})
_SENTENCE_END = re.compile(r"[.!?;\n\u061f\u061b]")


def _sentence_ids(tokens: Sequence[Token], text: str) -> list[int]:
    ids: list[int] = []
    sid, prev_end = 0, 0
    for t in tokens:
        if _SENTENCE_END.search(text, prev_end, t.start):
            sid += 1
        ids.append(sid)
        prev_end = t.end
    return ids


def _factor(hit: TriggerHit, cues: Iterable[CueHit], sent: list[int]) -> float:
    """How much a trigger counts given the cues before it (1 = fully, less when negated or background)."""
    factor = 1.0
    for c in cues:
        gap = hit.first_token - c.last_token
        if gap <= 0:
            continue
        same_sentence = sent[c.last_token] == sent[hit.first_token]
        if (
            (c.kind == "negation" and gap <= _NEGATION_SCOPE)
            or (c.kind == "hypothetical" and gap <= _CUE_SCOPE)
            or (c.kind in _WHOLE_SENTENCE and same_sentence)
        ):
            factor = min(factor, _DENIED)
        elif c.kind == "background" and same_sentence and gap <= 15:
            factor = min(factor, 0.25)
    return factor


def _victim(
    hits: list[TriggerHit], weights: dict[int, float], tokens: Sequence[Token], text: str
) -> str | None:
    """Whether the first violent act targeted civilians or armed people (by the words around it)."""
    act = next((h for h in hits if weights[id(h)] >= 1 and any(k in h.classes for k in _VIOLENT)), None)
    if act is None:
        return None
    after = text[act.end : tokens[min(act.last_token + 3, len(tokens) - 1)].end]
    before = tokens[act.first_token - 1].text if act.first_token else ""
    passive = before in _PASSIVE or re.search(r"\bby\b", after) is not None
    if passive:
        lo, hi = act.first_token - _TARGET_WINDOW, act.first_token - 1
    else:
        lo, hi = act.last_token + 1, act.last_token + _TARGET_WINDOW
    civ = arm = 0.0
    for h in hits:
        if lo <= h.first_token <= hi and h is not act:
            civ += h.classes.get("@civilian", 0.0)
            arm += h.classes.get("@armed", 0.0)
    if civ > arm:
        return "civilian"
    if arm > civ:
        return "armed"
    return None


def _arrester(hits: list[TriggerHit], sent: list[int]) -> str | None:
    """Whether the words before the first arrest name state forces or a non-state group."""
    arrest = next((h for h in hits if ARRESTS in h.subs), None)
    if arrest is None:
        return None
    state = nonstate = 0.0
    for h in hits:
        if h.first_token >= arrest.first_token:
            break
        if sent[h.first_token] == sent[arrest.first_token]:
            state += h.classes.get("@state", 0.0)
            nonstate += h.classes.get("@nonstate", 0.0)
    if nonstate > state:
        return "nonstate"
    return "state" if state else None


def _features(
    hits: list[TriggerHit], cues: list[CueHit], tokens: Sequence[Token], norm: NormText, crowd: bool = False
) -> _Features:
    subs: dict[str, float] = {}
    classes: dict[str, float] = {}
    support: dict[str, list[TriggerHit]] = {}
    label: str | None = None
    sent = _sentence_ids(tokens, norm.text)
    weights: dict[int, float] = {}
    for hit in hits:
        factor = _factor(hit, cues, sent)
        weights[id(hit)] = factor
        labels = [lx.target for lx in hit.lexemes if lx.row.get("notes") == "acled_label"]
        if labels and hit.first_token == 0 and _LABEL.match(norm.original):
            label = labels[0]
        hit_subs = {
            lx.target: lx.weight
            for lx in hit.lexemes
            if not lx.is_class and lx.row.get("notes") != "acled_label"
        }
        for bucket, weights_of in ((classes, hit.classes), (subs, hit_subs)):
            for name, weight in weights_of.items():
                w = weight * (1.0 if name in _UNSUPPRESSED else factor)
                bucket[name] = bucket.get(name, 0.0) + w
                support.setdefault(name, []).append(hit)
    target = _victim(hits, weights, tokens, norm.text)
    asserted = any(w > _DENIED for w in weights.values())
    arrest_by = _arrester(hits, sent)
    return _Features(
        subs, classes, support, label, crowd or has_crowd_size(norm.original), target, asserted, arrest_by
    )


def _best(f: _Features, names: Iterable[str]) -> tuple[str, float]:
    scored = [(n, f.s(n)) for n in names]
    return max(scored, key=lambda x: x[1])


def _crowd(f: _Features, violence: float) -> tuple[str, str] | None:
    """Protests and riots: what demonstrators did and what was done to them."""
    protest, riot, clash = f.c("@protest"), f.c("@riot"), f.c("@clash")
    if protest >= 1 and (riot >= 1.5 or (protest >= 2 and clash >= 2.5)):
        return VIOLENT_DEMO, "demonstrators used violence"
    if protest >= 2:
        force = f.c("@shoot") + f.c("@intervene")
        if f.c("@lethal") >= 3 or (f.c("@lethal") >= 1.5 and force >= 1.5):
            return EXCESSIVE, "lethal force against protesters"
        if f.c("@intervene") >= 1.2:
            return INTERVENTION, "protest dispersed or suppressed"
        if f.c("@beat") + f.c("@attack") >= 1.5:
            return VIOLENT_DEMO, "demonstrators attacked others"
        if violence + clash < 2 or protest >= violence + clash:
            return PEACEFUL, "protest without force"
    if riot >= 2 or violence + clash >= 1.5:
        return MOB, "crowd violence outside a demonstration"
    if protest > 0:
        return PEACEFUL, "protest without force"
    return None


def _decide(f: _Features, cue_kinds: set[str]) -> tuple[str, str] | None:
    """(sub-event type, reason) by ACLED's definitions, or None when nothing happened."""
    if f.label:
        return f.label, "ACLED note label"
    violence = f.c("@kill") + f.c("@shoot") + f.c("@beat") + f.c("@attack") + f.c("@injure")
    protest, riot, mob = f.c("@protest"), f.c("@riot"), f.c("@mob")
    remote, remote_score = _best(f, REMOTE)
    clash = f.c("@clash")
    armed = f.c("@armed") + f.c("@gunmen")
    demo = f.demo_note or protest >= 2
    if demo and remote_score < 4 and not (clash >= 3 and armed >= 3 and not f.demo_note):
        crowd = _crowd(f, violence)
        if crowd:
            return crowd
    if f.s(NVT) >= 3 and clash < 2:
        return NVT, "control changed hands without fighting"
    if f.s(SEXUAL) >= 4:
        return SEXUAL, "sexual violence"
    capture, regain = f.c("@capture"), f.c("@regain")
    if max(capture, regain) >= 2 and clash < 1.5 and violence < 1.5 and remote_score < 3:
        return NVT, "control changed hands, no fighting reported"
    if regain >= 2.5 and (clash or armed):
        return REGAINS, "government forces regained control"
    if capture >= 2 and (clash >= 2 or armed >= 2) and regain < 2.5 and (clash >= 2 or capture >= 2.5):
        return OVERTAKES, "armed group took control"
    if f.s(DISRUPTED) >= 3 and remote_score and f.c("@kill") + f.c("@injure") < 1 and clash < 2:
        return DISRUPTED, "weapon intercepted or defused"
    if remote_score >= 3 and clash < CLASH_OVER_REMOTE:
        if f.s(DISRUPTED) >= 4.5 and f.s(DISRUPTED) > remote_score:
            return DISRUPTED, "weapon defused or intercepted"
        return remote, "explosive or remote weapon used"
    if f.s(ABDUCTION) >= 4 and f.c("@kill") < 2:
        return ABDUCTION, "people abducted"
    if clash >= 2 and riot >= 2 and f.c("@shoot") < 1.5 and (mob >= 1 or protest):
        return MOB, "crowds fought with crude weapons"
    if clash >= 2 or (clash >= 1 and armed >= 2 and riot < 2):
        return ARMED_CLASH, "armed groups fought"
    if riot >= 2.5 and armed < 1.5:
        return MOB if protest < 2 else VIOLENT_DEMO, "rioting"
    strategic, strat_score = _best(f, STRATEGIC)
    if mob >= 3 and armed < 1.5 and violence >= 1:
        return MOB, "mob violence"
    people = f.c("@civilian") + armed
    if violence - f.c("@attack") == 0 and not people:
        violence = 0.0  # a bare "the attack" refers to an event told elsewhere
    if violence >= 1 and strat_score < violence + 1:
        if mob >= 2 and armed < 1.5:
            return MOB, "mob violence"
        if f.target == "armed":
            return ARMED_CLASH, "violence against armed people"
        if f.target == "civilian":
            return ATTACK, "violence against civilians"
        if f.c("@civilian") >= f.c("@armed") or "unidentified" in cue_kinds:
            return ATTACK, "violence against civilians"
        return ARMED_CLASH, "violence between armed groups"
    if remote_score >= 1.5 and remote_score >= strat_score:
        return remote, "explosion"
    if strat_score >= 2:
        if strategic == ARRESTS and f.arrest_by == "nonstate":
            return ABDUCTION, "people detained by a non-state group"
        return strategic, "strategic development"
    if violence >= 1:
        return ATTACK, "violence"
    return None


def _alternatives(f: _Features, chosen: str) -> tuple[tuple[str, float], ...]:
    pool = {k: v for k, v in f.subs.items() if k != chosen and v > 0}
    total = sum(pool.values()) + 1.0
    ranked = sorted(pool.items(), key=lambda x: -x[1])[:3]
    return tuple((k, round(v / total, 3)) for k, v in ranked)


_EVIDENCE_CLASSES = {
    PEACEFUL: ("@protest",),
    INTERVENTION: ("@protest", "@intervene"),
    EXCESSIVE: ("@protest", "@lethal"),
    VIOLENT_DEMO: ("@protest", "@riot"),
    MOB: ("@mob", "@riot", "@kill", "@beat", "@attack"),
    ARMED_CLASH: ("@clash", "@kill", "@shoot", "@attack", "@injure"),
    ATTACK: ("@kill", "@shoot", "@beat", "@attack", "@civilian", "@injure"),
    REGAINS: ("@regain",),
    OVERTAKES: ("@capture", "@clash"),
    ABDUCTION: (ARRESTS,),  # "militants detained ...": the arrest words are the evidence
}


def has_crowd_size(text: str) -> bool:
    """Does the text carry ACLED's crowd size tag ("[size=no report]"), which only demonstrations have?"""
    return _SIZE_NOTE.search(text) is not None


def classify_norm(norm: NormText, lang: str | None = None, crowd: bool = False) -> Classification | None:
    """Like :func:`classify` on already normalized text; ``crowd``: the document the text comes from
    is the note of a demonstration (its crowd size tag stands in another sentence)."""
    if lang is None:
        lang = "ar" if is_arabic(norm.text) else "en"
    tokens = tokenize(norm.text)
    hits = find_triggers_tokens(tokens, lang)
    if not hits:
        return None
    cues = find_cues_tokens(tokens, lang)
    f = _features(hits, cues, tokens, norm, crowd)
    cue_kinds = {c.kind for c in cues}
    decided = _decide(f, cue_kinds) if f.asserted or f.label else None
    if decided is None:
        return None
    sub, reason = decided
    book = load_codebook()
    keys = (sub, *_EVIDENCE_CLASSES.get(sub, ()))
    ev_hits = sorted({(h.start, h.end) for k in keys for h in f.support.get(k, [])})
    evidence = []
    for s, e in ev_hits:
        os_, oe = norm.to_original(s, e)
        evidence.append(Span(start=os_, end=oe, text=norm.original[os_:oe]))
    strength = f.s(sub) + sum(f.c(k) for k in _EVIDENCE_CLASSES.get(sub, ()))
    score = 0.95 if f.label else round(min(0.95, 0.3 + strength / 12), 3)
    return Classification(
        event_type=book.event_type_of(sub),
        sub_event_type=sub,
        disorder_type=book.disorder_type_of(sub),
        score=score,
        evidence=tuple(evidence),
        alternatives=_alternatives(f, sub),
        cues=tuple(sorted(cue_kinds)),
        reason=reason,
        plover=book.plover_of(sub),
        triggers=tuple(hits),
    )


def classify(text: str, lang: str | None = None) -> Classification | None:
    """The ACLED (event type, sub-event type) of a snippet, or None when it reports no event.

    ``lang`` is "ar" or "en" (detected when None). Evidence spans index the original ``text``.
    """
    return classify_norm(normalize(text), lang)


_SENTENCE_SPLIT = re.compile(r"[.!?\u061f;\u061b]+(?=\s|$)|\n+")
_POSITION_DECAY = 0.3  # later sentences count less: reports lead with their main event


def sentence_spans(norm: NormText) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of normalized text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_SPLIT.finditer(norm.text):
        if norm.text[start : m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if norm.text[start:].strip():
        spans.append((start, len(norm.text)))
    return spans


def classify_document(text: str, lang: str | None = None) -> Classification | None:
    """The ACLED type of a report's main event: sentence votes weighted by score and position.

    Evidence spans index the original ``text``; ``alternatives`` lists the other sub-types voted for.
    """
    norm = normalize(text)
    if lang is None:
        lang = "ar" if is_arabic(norm.text) else "en"
    votes: dict[str, float] = {}
    best: dict[str, Classification] = {}
    rank = 0
    for start, end in sentence_spans(norm):
        sub = NormText(norm.original, norm.text[start:end], norm.offsets[start : end + 1])
        result = classify_norm(sub, lang)
        if result is None:
            continue
        weight = result.score / (1 + _POSITION_DECAY * rank)
        rank += 1
        votes[result.sub_event_type] = votes.get(result.sub_event_type, 0.0) + weight
        if result.sub_event_type not in best or result.score > best[result.sub_event_type].score:
            best[result.sub_event_type] = result
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    winner = best[ranked[0][0]]
    total = sum(votes.values())
    alternatives = tuple((name, round(v / total, 3)) for name, v in ranked[1:4])
    return replace(winner, alternatives=alternatives)
