"""Rich tables of evaluation results, for people (``--json`` gives the machines the same figures)."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table

from rasd.eval.acled import ACLED_FIELDS, AcledReport
from rasd.eval.labels import LabelReport
from rasd.eval.score import FieldScore, Report


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _field_table(title: str, names: tuple[str, ...], fields: dict[str, FieldScore]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("field")
    table.add_column("accuracy", justify="right")
    table.add_column("n/N", justify="right")
    for name in names:
        f = fields[name]
        table.add_row(name, _pct(f.accuracy), f"{f.correct}/{f.total}")
    return table


def report_tables(report: Report) -> RenderableType:
    """Summary, field accuracy, and each document's misses and extras."""
    data = report.to_dict()
    s = data["summary"]
    summary = Table(title="Events", title_justify="left")
    for col in ("precision", "recall", "F1", "TP", "FP", "FN", "gold (req/opt)", "predicted"):
        summary.add_column(col, justify="right")
    summary.add_row(
        _pct(s["precision"]),
        _pct(s["recall"]),
        _pct(s["f1"]),
        str(s["tp"]),
        str(s["fp"]),
        str(s["fn"]),
        f"{s['gold_required']}/{s['gold_optional']}",
        str(s["predicted"]),
    )
    parts: list[RenderableType] = [
        summary,
        _field_table("Fields of matched events", tuple(data["fields"]), report.fields),
    ]
    details = Table(title="Misses and extras", title_justify="left")
    details.add_column("doc", overflow="fold")
    details.add_column("kind")
    details.add_column("event")
    details.add_column("why")
    for doc in data["docs"]:
        for miss in doc["misses"]:
            details.add_row(doc["doc"], "miss", miss["gold"], miss["reason"])
        for extra in doc["extras"]:
            label = f"{extra['pred']} ({extra['sub_event_type']})"
            details.add_row(doc["doc"], "extra", label, extra["reason"])
    if details.row_count:
        parts.append(details)
    parts.extend(_failures(report.failures))
    if report.unscored:
        parts.append(
            f"[yellow]{len(report.unscored)} prediction(s) name no gold document and were not scored[/]"
        )
    return Group(*parts)


def _failures(failures: dict[str, str], show: int = 5) -> list[RenderableType]:
    if not failures:
        return []
    lines = [f"[red]extraction failed on {len(failures)} input(s), scored as no event:[/]"]
    lines += [f"  {escape(key)}: {escape(why)}" for key, why in list(failures.items())[:show]]
    return ["\n".join(lines)]


def acled_tables(report: AcledReport) -> RenderableType:
    """ACLED field accuracy over every row."""
    return Group(
        _field_table(f"ACLED rows: {report.rows}", ACLED_FIELDS, report.fields),
        top_confusions(report.confusion, top=10),
        *_failures(report.failures),
    )


def label_tables(report: LabelReport) -> RenderableType:
    """Averages, per-class scores, and a confusion table (rows gold, columns predicted by number)."""
    summary = Table(title=f"Classification of {report.n} snippets", title_justify="left")
    for col in ("accuracy", "macro F1", "weighted F1"):
        summary.add_column(col, justify="right")
    summary.add_row(_pct(report.accuracy), _pct(report.macro_f1), _pct(report.weighted_f1))
    per_class = Table(title="Per class", title_justify="left")
    per_class.add_column("#", justify="right")
    per_class.add_column("label")
    for col in ("precision", "recall", "F1", "support"):
        per_class.add_column(col, justify="right")
    for i, c in enumerate(report.classes, start=1):
        per_class.add_row(str(i), c.label, _pct(c.precision), _pct(c.recall), _pct(c.f1), str(c.support))
    return Group(summary, per_class, confusion_table(report))


MATRIX_MAX_LABELS = 10
"""Above this many labels the confusion is shown as a list of the most frequent confusions."""


def confusion_table(report: LabelReport, top: int = 20) -> Table:
    """A gold × predicted matrix for few labels; else the ``top`` most frequent confusions."""
    labels = [c.label for c in report.classes]
    if len(labels) <= MATRIX_MAX_LABELS:
        table = Table(title="Confusion", title_justify="left", caption="rows gold, columns predicted (#)")
        table.add_column("gold", no_wrap=True)
        for i in range(1, len(labels) + 1):
            table.add_column(str(i), justify="right")
        for i, gold in enumerate(labels, start=1):
            row = report.confusion.get(gold, {})
            if row:
                table.add_row(f"{i} {gold}", *(str(row[p]) if row.get(p) else "·" for p in labels))
        return table
    return top_confusions(report.confusion, top)


def top_confusions(confusion: dict[str, dict[str, int]], top: int = 20) -> Table:
    """The ``top`` most frequent (gold, predicted) disagreements of a gold → predicted → count table."""
    pairs = sorted(
        ((n, g, p) for g, row in confusion.items() for p, n in row.items() if g != p),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    table = Table(title=f"Most frequent confusions (top {top}; --json has them all)", title_justify="left")
    table.add_column("gold")
    table.add_column("predicted")
    table.add_column("n", justify="right")
    for n, g, p in pairs[:top]:
        table.add_row(g, p, str(n))
    return table


def print_renderable(renderable: RenderableType, console: Console | None = None) -> None:
    (console or Console()).print(renderable)
