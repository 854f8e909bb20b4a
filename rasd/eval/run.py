"""End-to-end evaluations behind ``rasd eval``: gold documents, ACLED rows, labelled snippets."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rasd.eval.acled import AcledReport, AcledRow, read_acled, score_acled
from rasd.eval.gold import GoldDoc, load_gold
from rasd.eval.labels import LabelReport, classification_report, label_of, read_label_predictions, read_labels
from rasd.eval.predictions import Extractor, group_by_doc, load_extractor, read_predictions, run_extractor
from rasd.eval.score import Report, score
from rasd.eval.texts import doc_text, load_texts
from rasd.model import Event

Progress = Callable[[Iterable[Any], int], Iterable[Any]]
"""Wraps an iterable of known length to show progress (e.g. rich.progress.track)."""


def _plain(items: Iterable[Any], total: int) -> Iterable[Any]:
    return items


def doc_aliases(docs: list[GoldDoc]) -> dict[str, str]:
    """Every doc_id a prediction may use, mapped to its document's key; names shared by two documents are
    kept only as some document's own key."""
    owners: dict[str, set[str]] = {}
    for doc in docs:
        for alias in doc.aliases():
            owners.setdefault(alias, set()).add(doc.key)
    aliases = {alias: next(iter(keys)) for alias, keys in owners.items() if len(keys) == 1}
    aliases.update({doc.key: doc.key for doc in docs})
    return aliases


def evaluate_gold(
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    texts_path: str | Path | None = None,
    extractor: Extractor | None = None,
) -> Report:
    """Score predictions read from ``pred_path``, or the extractor's output on the gold texts."""
    docs = load_gold(gold_path)
    if pred_path is not None:
        aliases = doc_aliases(docs)
        single = docs[0].key if len(docs) == 1 else None
        by_doc, unscored = group_by_doc(read_predictions(pred_path), aliases, single)
        return score(docs, by_doc, unscored)
    texts = load_texts(texts_path) if texts_path is not None else None
    inputs = [(doc, *doc_text(doc, gold_path, texts)) for doc in docs]
    extract = extractor or load_extractor()
    grouped: dict[str, list[Event]] = {}
    failures: dict[str, str] = {}
    for doc, text, published in inputs:
        try:
            grouped[doc.key] = run_extractor(extract, text, published, doc.key)
        except Exception as exc:  # one failing document must not hide the scores of the others
            failures[doc.key] = f"{type(exc).__name__}: {exc}"
    report = score(docs, grouped)
    report.failures = failures
    return report


def evaluate_acled(
    csv_path: str | Path,
    pred_path: str | Path | None = None,
    country: str | None = None,
    limit: int | None = None,
    sample: int | None = None,
    extractor: Extractor | None = None,
    progress: Progress = _plain,
) -> AcledReport:
    """Score the most confident event of each ACLED row's notes (extracted, or read with doc_id = event_id_cnty)."""
    rows = read_acled(csv_path, country=country, limit=limit, sample=sample)
    predict: Callable[[AcledRow], list[Event]]
    if pred_path is not None:
        by_id: dict[str, list[Event]] = {}
        for event in read_predictions(pred_path):
            by_id.setdefault(event.doc_id or "", []).append(event)

        def predict(row: AcledRow) -> list[Event]:
            return by_id.get(row.id, [])
    else:
        extract = extractor or load_extractor()

        def predict(row: AcledRow) -> list[Event]:
            return run_extractor(extract, row.notes, row.published, row.id)

    return score_acled(progress(rows, len(rows)), predict, catch=pred_path is None)


def load_classifier() -> Callable[[str], Any]:
    """``rasd.coding.classify.classify`` (imported only when needed); RuntimeError when not available."""
    try:
        module = importlib.import_module("rasd.coding.classify")
    except ImportError as exc:
        raise RuntimeError(f"the classifier cannot be imported ({exc}); pass --pred FILE.tsv") from None
    fn = getattr(module, "classify", None)
    if not callable(fn):
        raise RuntimeError("rasd.coding.classify.classify is not available yet; pass --pred FILE.tsv")
    return fn  # type: ignore[no-any-return,unused-ignore]


def evaluate_labels(
    labels_path: str | Path,
    pred_path: str | Path | None = None,
    classifier: Callable[[str], Any] | None = None,
    progress: Progress = _plain,
    field: str = "sub_event_type",
) -> LabelReport:
    """Score predicted labels (a TSV, or the classifier's ``field``) against labelled snippets.

    A snippet the TSV does not list, or the classifier finds no event in, is predicted ``(none)``.
    """
    snippets = read_labels(labels_path)
    if pred_path is not None:
        predicted = read_label_predictions(pred_path)
        pred = [label_of(predicted.get(s.id)) for s in snippets]
    else:
        classify = classifier or load_classifier()
        pred = [label_of(classify(s.text), field) for s in progress(snippets, len(snippets))]
    return classification_report([s.label for s in snippets], pred)
