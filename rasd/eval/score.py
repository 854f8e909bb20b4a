"""Scores of predictions against gold documents: precision, recall, F1 and field accuracy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasd.eval.fields import FIELDS, Tally, score_pair
from rasd.eval.gold import GoldDoc
from rasd.eval.match import DocMatch, match_doc
from rasd.model import Event


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty denominator gives 1.0 for P/R (nothing to get wrong)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(slots=True)
class FieldScore:
    """Correct out of scored for one field."""

    correct: int = 0
    total: int = 0

    def add(self, tally: Tally) -> None:
        self.correct += tally[0]
        self.total += tally[1]

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": _round(self.accuracy)}


@dataclass(slots=True)
class DocScore:
    """The match of one document and the fields of each matched pair."""

    match: DocMatch
    pair_fields: list[dict[str, Tally]] = field(default_factory=list)

    @property
    def tp(self) -> int:
        return self.match.true_positives

    @property
    def fp(self) -> int:
        return len(self.match.false_positives)

    @property
    def fn(self) -> int:
        return len(self.match.misses)

    def to_dict(self) -> dict[str, Any]:
        m = self.match
        p, r, f = prf(self.tp, self.fp, self.fn)
        return {
            "doc": m.doc.key,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(p),
            "recall": _round(r),
            "f1": _round(f),
            "matches": [
                {
                    "gold": pair.gold.id,
                    "pred": pair.pred.id,
                    "required": pair.gold.required,
                    "km": _round(pair.km, 1),
                    "fields": {k: list(v) for k, v in fields.items()},
                }
                for pair, fields in zip(m.pairs, self.pair_fields, strict=True)
            ],
            "split_extras": [{"gold": p.gold.id, "pred": p.pred.id} for p in m.split_extras],
            "optional_unmatched": [g.id for g in m.optional_unmatched],
            "misses": [{"gold": g.id, "reason": why} for g, why in m.misses],
            "extras": [
                {
                    "pred": e.id,
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "date": [str(e.when.start), str(e.when.end)] if e.when else None,
                    "reason": why,
                }
                for e, why in m.false_positives
            ],
        }


@dataclass(slots=True)
class Report:
    """Scores over every gold document."""

    docs: list[DocScore]
    fields: dict[str, FieldScore]
    unscored: list[Event] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    """Documents the extractor failed on (scored as predicting nothing), with the error."""

    @property
    def tp(self) -> int:
        return sum(d.tp for d in self.docs)

    @property
    def fp(self) -> int:
        return sum(d.fp for d in self.docs)

    @property
    def fn(self) -> int:
        return sum(d.fn for d in self.docs)

    def prf(self) -> tuple[float, float, float]:
        """Micro-averaged precision, recall and F1."""
        return prf(self.tp, self.fp, self.fn)

    def to_dict(self) -> dict[str, Any]:
        p, r, f = self.prf()
        golds = [g for d in self.docs for g in d.match.doc.events]
        return {
            "summary": {
                "docs": len(self.docs),
                "gold_required": sum(1 for g in golds if g.required),
                "gold_optional": sum(1 for g in golds if not g.required),
                "predicted": sum(len(d.match.pairs) + len(d.match.split_extras) + d.fp for d in self.docs),
                "tp": self.tp,
                "fp": self.fp,
                "fn": self.fn,
                "optional_matched": sum(1 for d in self.docs for pr in d.match.pairs if not pr.gold.required),
                "split_extras": sum(len(d.match.split_extras) for d in self.docs),
                "unscored_predictions": len(self.unscored),
                "extraction_failures": len(self.failures),
                "precision": _round(p),
                "recall": _round(r),
                "f1": _round(f),
                "median_km": _round(
                    _median([pr.km for d in self.docs for pr in d.match.pairs if pr.km is not None]), 1
                ),
            },
            "fields": {name: self.fields[name].to_dict() for name in FIELDS},
            "docs": [d.to_dict() for d in self.docs],
            "failures": self.failures,
        }


def score_doc(doc: GoldDoc, preds: list[Event]) -> DocScore:
    """Match one document and score the fields of its one-to-one pairs."""
    match = match_doc(doc, preds)
    gold_of_pred = match.gold_of_pred()
    split: dict[str, list[Event]] = {}
    for extra in match.split_extras:
        split.setdefault(extra.gold.id, []).append(extra.pred)
    return DocScore(match, [score_pair(pair, gold_of_pred, split.get(pair.gold.id)) for pair in match.pairs])


def score(docs: list[GoldDoc], preds: dict[str, list[Event]], unscored: list[Event] | None = None) -> Report:
    """Scores of predictions (by gold document key) against gold documents."""
    scored = [score_doc(doc, preds.get(doc.key, [])) for doc in docs]
    fields = {name: FieldScore() for name in FIELDS}
    for d in scored:
        for pair_fields in d.pair_fields:
            for name, tally in pair_fields.items():
                fields[name].add(tally)
    return Report(scored, fields, list(unscored or []))


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)
