"""``rasd eval``: measure rasd on gold events, ACLED rows or labelled snippets."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from rasd.cli.app import app


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path | None,
        typer.Argument(help='Gold file: one document, {"docs": [...]}, or JSONL (docs/gold-format.md).'),
    ] = None,
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred",
            help="Predictions instead of running rasd: Event JSONL, or id<TAB>label TSV for --labels.",
        ),
    ] = None,
    texts: Annotated[
        Path | None,
        typer.Option("--texts", help="JSONL of document texts ({id, text, published?}) for GOLD."),
    ] = None,
    acled: Annotated[
        Path | None,
        typer.Option("--acled", help="ACLED CSV: each row's notes is the input, its columns the gold."),
    ] = None,
    labels: Annotated[
        Path | None,
        typer.Option("--labels", help="JSONL of labelled snippets {id, text, label} for classification."),
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="--acled: keep rows of these countries (comma list).")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="--acled: score at most N rows.")] = None,
    sample: Annotated[
        int | None, typer.Option(min=1, help="--acled: keep every N-th row (after --country).")
    ] = None,
    label_field: Annotated[
        str, typer.Option(help="--labels: classifier field the labels are (sub_event_type or event_type).")
    ] = "sub_event_type",
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score rasd (or --pred predictions) against GOLD, --acled rows or --labels snippets.

    Scores are not errors: the exit code is 0 whatever the figures, 2 on bad input, 1 when the
    extractor failed on every input.
    """
    from rich.console import Console
    from rich.markup import escape

    from rasd.eval import EvalInputError, evaluate_acled, evaluate_gold, evaluate_labels
    from rasd.eval.render import acled_tables, label_tables, report_tables

    err = Console(stderr=True)
    chosen = [name for name, value in (("GOLD", gold), ("--acled", acled), ("--labels", labels)) if value]
    if len(chosen) != 1:
        err.print("[red]error:[/] give exactly one of GOLD, --acled FILE.csv or --labels FILE.jsonl")
        raise typer.Exit(2)

    def progress(items: Iterable[Any], total: int) -> Iterable[Any]:
        if as_json or not sys.stderr.isatty():
            return items
        from rich.progress import track

        return track(items, total=total, description="scoring", console=err, transient=True)

    try:
        result: Any
        if gold is not None:
            result = evaluate_gold(gold, pred_path=pred, texts_path=texts)
            view = report_tables(result)
        elif acled is not None:
            result = evaluate_acled(
                acled, pred, country=country, limit=limit, sample=sample, progress=progress
            )
            view = acled_tables(result)
        else:
            assert labels is not None
            result = evaluate_labels(labels, pred, progress=progress, field=label_field)
            view = label_tables(result)
    except (EvalInputError, RuntimeError) as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        Console().print(view)
    failures = getattr(result, "failures", {})
    inputs = len(result.docs) if gold is not None else getattr(result, "rows", 0)
    if failures and len(failures) >= inputs:
        err.print("[red]error:[/] extraction failed on every input; the figures above measure nothing")
        raise typer.Exit(1)
