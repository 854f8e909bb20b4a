"""Evaluation: score rasd against gold events, ACLED rows or labelled snippets (see docs/gold-format.md)."""

from rasd.eval.acled import AcledReport, AcledRow, read_acled, score_acled, score_row
from rasd.eval.errors import EvalInputError
from rasd.eval.gold import GoldDoc, GoldEvent, GoldPlace, load_gold
from rasd.eval.labels import LabelReport, classification_report
from rasd.eval.match import DocMatch, Pair, compatible, match_doc
from rasd.eval.predictions import read_predictions
from rasd.eval.run import evaluate_acled, evaluate_gold, evaluate_labels
from rasd.eval.score import FieldScore, Report, prf, score, score_doc

__all__ = [
    "AcledReport",
    "AcledRow",
    "DocMatch",
    "EvalInputError",
    "FieldScore",
    "GoldDoc",
    "GoldEvent",
    "GoldPlace",
    "LabelReport",
    "Pair",
    "Report",
    "classification_report",
    "compatible",
    "evaluate_acled",
    "evaluate_gold",
    "evaluate_labels",
    "load_gold",
    "match_doc",
    "prf",
    "read_acled",
    "read_predictions",
    "score",
    "score_acled",
    "score_doc",
    "score_row",
]
