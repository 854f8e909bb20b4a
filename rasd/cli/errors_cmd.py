"""``rasd errors``: documents the store quarantined, and why."""

from __future__ import annotations

from typing import Annotated

import typer

from rasd.cli.app import app
from rasd.cli.ingest_cmd import DB_HELP


@app.command("errors")
def errors_cmd(db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None) -> None:
    """List documents that failed to ingest: where, why, how many attempts, last attempt (UTC). Tab-separated."""
    from rasd.store import StoreError, connect, read_errors

    try:
        engine = connect(db, create=False)
    except StoreError as exc:
        typer.echo(f"rasd errors: {exc}", err=True)
        raise typer.Exit(2) from exc
    try:
        rows = read_errors(engine)
    finally:
        engine.dispose()
    for row in rows:
        typer.echo(f"{row.origin}\t{row.reason}\t{row.attempts}\t{row.last_seen:%Y-%m-%d %H:%M:%S}")
    if not rows:
        typer.echo("rasd errors: no failed documents", err=True)
