"""Matching predicted events to gold events of one document (rules in docs/gold-format.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.eval.assign import max_weight_assignment
from rasd.eval.geo import haversine_km
from rasd.eval.gold import GoldDoc, GoldEvent
from rasd.model import Event

_PAIR_BASE = 1000.0
"""Every compatible pair weighs more than any quality bonus: the most pairs first, then the best ones."""


@dataclass(frozen=True, slots=True)
class Compat:
    """Whether a prediction may match a gold event, the distance to its nearest place, and why not."""

    ok: bool
    km: float | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold event and the prediction matched to it."""

    gold: GoldEvent
    pred: Event
    km: float | None


@dataclass(slots=True)
class DocMatch:
    """The outcome of matching one document."""

    doc: GoldDoc
    pairs: list[Pair] = field(default_factory=list)
    split_extras: list[Pair] = field(default_factory=list)
    misses: list[tuple[GoldEvent, str]] = field(default_factory=list)
    optional_unmatched: list[GoldEvent] = field(default_factory=list)
    false_positives: list[tuple[Event, str]] = field(default_factory=list)

    @property
    def true_positives(self) -> int:
        """Required gold events matched one-to-one."""
        return sum(1 for p in self.pairs if p.gold.required)

    def gold_of_pred(self) -> dict[str, str]:
        """Gold id each matched prediction (one-to-one or split) stands for, by prediction id."""
        return {p.pred.id: p.gold.id for p in [*self.pairs, *self.split_extras]}


def nearest_km(gold: GoldEvent, pred: Event) -> float | None:
    """Distance from the predicted location to the nearest gold place; None when either is missing."""
    loc = pred.location
    if not gold.places or loc is None or loc.lat is None or loc.lon is None:
        return None
    return min(haversine_km(loc.lat, loc.lon, p.lat, p.lon) for p in gold.places)


def compatible(gold: GoldEvent, pred: Event) -> Compat:
    """Same event type, overlapping date interval, location within ``km`` of an acceptable place."""
    if pred.event_type != gold.event_type:
        return Compat(False, None, f"event type {pred.event_type!r} is not {gold.event_type!r}")
    if gold.date is not None:
        if pred.when is None:
            return Compat(False, None, "no date predicted")
        if pred.when.end < gold.date[0] or pred.when.start > gold.date[1]:
            return Compat(
                False,
                None,
                f"date {pred.when.start}..{pred.when.end} outside {gold.date[0]}..{gold.date[1]}",
            )
    km = nearest_km(gold, pred)
    if gold.places:
        if km is None:
            return Compat(False, None, "no coordinates predicted")
        if km > gold.km:
            return Compat(
                False, km, f"location {km:.0f} km from the nearest gold place (radius {gold.km:g} km)"
            )
    return Compat(True, km)


def quality(gold: GoldEvent, pred: Event, km: float | None) -> float:
    """How well a compatible pair agrees (0-10): breaks ties between possible assignments."""
    score = 0.0
    if gold.sub_event_type and pred.sub_event_type in gold.sub_event_type:
        score += 4.0
    if gold.date and pred.when and gold.date[0] <= pred.when.start and pred.when.end <= gold.date[1]:
        score += 2.0
    if km is not None:
        score += 2.0 * max(0.0, 1.0 - km / gold.km)
    score += pred.confidence
    return score


def match_doc(doc: GoldDoc, preds: list[Event]) -> DocMatch:
    """One-to-one assignment, then split extras; misses, optional golds and false positives."""
    golds = doc.events
    checks = [[compatible(g, p) for p in preds] for g in golds]
    weights = [
        [_PAIR_BASE + quality(g, p, c.km) if c.ok else 0.0 for p, c in zip(preds, row, strict=True)]
        for g, row in zip(golds, checks, strict=True)
    ]
    result = DocMatch(doc)
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for gi, pi in max_weight_assignment(weights):
        result.pairs.append(Pair(golds[gi], preds[pi], checks[gi][pi].km))
        matched_gold.add(gi)
        matched_pred.add(pi)
    for pi, pred in enumerate(preds):
        if pi in matched_pred:
            continue
        splits = [gi for gi, g in enumerate(golds) if g.split_ok and checks[gi][pi].ok]
        if splits:
            gi = max(splits, key=lambda i: weights[i][pi])
            result.split_extras.append(Pair(golds[gi], pred, checks[gi][pi].km))
        else:
            result.false_positives.append((pred, _why_extra(golds, checks, pi, matched_gold)))
    for gi, gold in enumerate(golds):
        if gi in matched_gold:
            continue
        if gold.required:
            result.misses.append((gold, _why_missed(gold, checks[gi], preds)))
        else:
            result.optional_unmatched.append(gold)
    return result


def _why_missed(gold: GoldEvent, row: list[Compat], preds: list[Event]) -> str:
    """The nearest reason a gold event found no prediction."""
    if not preds:
        return "no event predicted in this document"
    if any(c.ok for c in row):
        return "its compatible predictions were matched to other gold events"
    same_type = [c for c, p in zip(row, preds, strict=True) if p.event_type == gold.event_type]
    if not same_type:
        return f"no prediction of type {gold.event_type!r}"
    return min(same_type, key=lambda c: (c.km is None, c.km or 0.0)).reason


def _why_extra(golds: list[GoldEvent], checks: list[list[Compat]], pi: int, matched_gold: set[int]) -> str:
    dupes = [g.id for gi, g in enumerate(golds) if checks[gi][pi].ok and gi in matched_gold]
    if dupes:
        return f"duplicate of the prediction matched to {dupes[0]!r}"
    return "matches no gold event"
