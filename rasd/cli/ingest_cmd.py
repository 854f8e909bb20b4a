"""``rasd ingest``: reports into the event store (merged across reports, one transaction per document)."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer

from rasd.cli.app import app

DB_HELP = "Database URL (postgresql://user@host/db, sqlite:///file) or SQLite file path. Default: $RASD_DB or the user data dir."


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Text or HTML files, folders, .jsonl of documents, Telegram exports (result.json), "
            "http(s) URLs (fetched), or - for stdin."
        ),
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for documents that do not carry one.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Extract in this many worker processes (storing stays in this process, in order). "
            "Default: 1, or the number of CPUs with --engine dask."
        ),
    ] = None,
    engine_name: Annotated[
        str,
        typer.Option(
            "--engine", help="Where extraction runs: 'process' (this machine) or 'dask' (a Dask cluster)."
        ),
    ] = "process",
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="With --engine dask: the scheduler's address (tcp://host:8786); default: a local cluster."
        ),
    ] = None,
    remerge: Annotated[
        bool,
        typer.Option(help="Afterwards re-merge all stored reports (order-independent; keeps event ids)."),
    ] = False,
) -> None:
    """Store reports and their events; the same report again changes nothing.

    Documents that cannot be read or extracted are quarantined (see `rasd errors`) and the batch goes
    on; the exit code is then 1.
    """
    from rasd.ingest.inputs import read_inputs
    from rasd.store import StoreError, connect
    from rasd.store.dask_engine import DaskUnavailable, require_dask
    from rasd.store.ingest import FATAL, Ingestor, ingest_iter
    from rasd.store.parallel import FatalExtractionError

    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError as exc:
            raise typer.BadParameter(
                f"{published!r} is not a date YYYY-MM-DD", param_hint="--published"
            ) from exc
    if engine_name not in ("process", "dask"):
        raise typer.BadParameter(f"{engine_name!r} is not 'process' or 'dask'", param_hint="--engine")
    if scheduler and engine_name != "dask":
        raise typer.BadParameter("needs --engine dask", param_hint="--scheduler")
    if engine_name == "dask":
        try:
            require_dask()
        except DaskUnavailable as exc:
            typer.echo(f"rasd ingest: {exc}", err=True)
            raise typer.Exit(2) from exc
    try:
        engine = connect(db)
    except StoreError as exc:
        typer.echo(f"rasd ingest: {exc}", err=True)
        raise typer.Exit(2) from exc
    ingestor = Ingestor(engine, published=published)
    if engine_name == "dask":
        import os

        from rasd.store.dask_engine import ingest_with_dask

        n = workers or os.cpu_count() or 2
        outcomes = ingest_with_dask(ingestor, read_inputs(paths), scheduler=scheduler, workers=n)
    else:
        outcomes = ingest_iter(ingestor, read_inputs(paths), workers=workers or 1)
    try:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            columns = (
                SpinnerColumn(),
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
            )
            with Progress(*columns, TextColumn("{task.fields[last]}"), console=Console(stderr=True)) as bar:
                task = bar.add_task("ingest", total=None, last="")
                for outcome in outcomes:
                    bar.update(task, advance=1, last=outcome)
        else:
            for _ in outcomes:
                pass
        if remerge:
            from rasd.store import remerge as remerge_all

            again = remerge_all(engine)
            typer.echo(
                f"rasd ingest: re-merged: {again.events_before} -> {again.events_after} events, "
                f"{again.reports_moved} reports moved",
                err=True,
            )
    except DaskUnavailable as exc:  # --engine dask: the scheduler cannot be reached
        typer.echo(f"rasd ingest: {ingestor.report.summary()}", err=True)
        typer.echo(f"rasd ingest: stopped: {exc}", err=True)
        raise typer.Exit(2) from exc
    except (*FATAL, FatalExtractionError) as exc:
        typer.echo(f"rasd ingest: {ingestor.report.summary()}", err=True)
        typer.echo(f"rasd ingest: stopped, the installation needs fixing: {exc}", err=True)
        raise typer.Exit(2) from exc
    finally:
        engine.dispose()
    report = ingestor.report
    typer.echo(f"rasd ingest: {report.summary()}", err=True)
    for failure in report.failures[:20]:
        typer.echo(f"rasd ingest: failed: {failure}", err=True)
    if report.failed > 20:
        typer.echo(f"rasd ingest: ... {report.failed - 20} more; see `rasd errors`", err=True)
    if report.failed:
        raise typer.Exit(1)
