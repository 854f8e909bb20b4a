"""Classification of labelled snippets: per-class and averaged F1, and a confusion table."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.eval.errors import EvalInputError

NO_LABEL = "(none)"


@dataclass(frozen=True, slots=True)
class Labelled:
    """One snippet with its gold label."""

    id: str
    text: str
    label: str


def read_labels(path: str | Path) -> list[Labelled]:
    """Snippets of a JSONL file, ``{"id", "text", "label"}`` a line."""
    path = Path(path)
    if not path.is_file():
        raise EvalInputError(path, "labels file not found")
    out: list[Labelled] = []
    seen: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalInputError(path, f"invalid JSON: {exc.msg}", lineno) from None
        if not isinstance(row, dict) or row.get("id") in (None, "") or not isinstance(row.get("text"), str):
            raise EvalInputError(path, "each line needs 'id', 'text' and 'label'", lineno)
        if not isinstance(row.get("label"), str) or not row["label"].strip():
            raise EvalInputError(path, "'label' must be a non-empty string", lineno)
        key = str(row["id"])
        if key in seen:
            raise EvalInputError(path, f"duplicate id {key!r}", lineno)
        seen.add(key)
        out.append(Labelled(key, row["text"], row["label"].strip()))
    if not out:
        raise EvalInputError(path, "no labelled snippets")
    return out


def read_label_predictions(path: str | Path) -> dict[str, str]:
    """Predicted labels of a TSV file, ``id<TAB>label`` a line, as ``rasd classify`` prints them.

    ``#`` comments and a header ``id label`` are skipped; an empty label or ``none`` means no event.
    """
    path = Path(path)
    if not path.is_file():
        raise EvalInputError(path, "predictions file not found")
    out: dict[str, str] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t")
        if len(cells) != 2:
            raise EvalInputError(path, f"expected 'id<TAB>label', got {len(cells)} cell(s)", lineno)
        key, label = cells[0].strip(), cells[1].strip()
        if lineno == 1 and key.casefold() == "id":
            continue
        out[key] = NO_LABEL if label.casefold() in ("", "none", NO_LABEL) else label
    return out


def label_of(result: Any, field: str = "sub_event_type") -> str:
    """The label of what a classifier returned: a string, an object or dict with ``field`` (or ``label``),
    or a (label, score) pair; None is ``(none)``."""
    if isinstance(result, str):
        return result or NO_LABEL
    if result is None:
        return NO_LABEL
    if isinstance(result, dict):
        return label_of(result.get(field) or result.get("label"), field)
    for attr in (field, "label"):
        value = getattr(result, attr, None)
        if isinstance(value, str):
            return value or NO_LABEL
    if isinstance(result, (list, tuple)) and result:
        return label_of(result[0], field)
    return str(result)


@dataclass(frozen=True, slots=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class LabelReport:
    """Scores of a classification run."""

    n: int
    accuracy: float
    macro_f1: float
    weighted_f1: float
    classes: list[ClassScore]
    confusion: dict[str, dict[str, int]]
    """gold label → predicted label → count."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "weighted_f1": round(self.weighted_f1, 4),
            "classes": [
                {
                    "label": c.label,
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "support": c.support,
                }
                for c in self.classes
            ],
            "confusion": self.confusion,
        }


def classification_report(gold: Sequence[str], pred: Sequence[str]) -> LabelReport:
    """Per-class P/R/F1 over every label seen in gold or predictions; macro = plain mean, weighted by support."""
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    pairs = Counter(zip(gold, pred, strict=True))
    support = Counter(gold)
    predicted = Counter(pred)
    labels = sorted(set(gold) | set(pred), key=lambda lab: (lab == NO_LABEL, lab))
    classes = []
    for label in labels:
        tp = pairs[(label, label)]
        p = tp / predicted[label] if predicted[label] else 0.0
        r = tp / support[label] if support[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        classes.append(ClassScore(label, p, r, f, support[label]))
    n = len(gold)
    confusion: dict[str, dict[str, int]] = {}
    for (g, p_), count in sorted(pairs.items()):
        confusion.setdefault(g, {})[p_] = count
    scored = [c for c in classes if c.label != NO_LABEL or c.support]
    return LabelReport(
        n=n,
        accuracy=sum(pairs[(lab, lab)] for lab in labels) / n if n else 0.0,
        macro_f1=sum(c.f1 for c in scored) / len(scored) if scored else 0.0,
        weighted_f1=sum(c.f1 * c.support for c in classes) / n if n else 0.0,
        classes=classes,
        confusion=confusion,
    )
