"""``rasd serve``: the HTTP API over the event store, under uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from rasd.cli.app import app
from rasd.cli.ingest_cmd import DB_HELP


@app.command("serve")
def serve_cmd(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    private: Annotated[bool, typer.Option("--private", help="Reads need a token too.")] = False,
    max_body: Annotated[
        int, typer.Option(min=1, help="Largest request body accepted, in bytes.")
    ] = 1_000_000,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="Allow this browser origin (repeatable); CORS is off without it."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1, max=64, help="Server processes (reads scale with them; SQLite serialises writes)."
        ),
    ] = 1,
    log_level: Annotated[
        str, typer.Option(help="uvicorn's log level; below info (e.g. warning) drops the access log.")
    ] = "info",
) -> None:
    """Serve the API (documented at /docs and /openapi.json); writes need `rasd token create NAME`."""
    import uvicorn

    from rasd.store import StoreError, connect
    from rasd.store.db import ENV_DB, normalize_url
    from rasd.web import Settings, create_app
    from rasd.web.app import SETTINGS_ENV, settings_to_env

    try:
        engine = connect(db)
    except StoreError as exc:
        typer.echo(f"rasd serve: {exc}", err=True)
        raise typer.Exit(2) from exc
    settings = Settings(private=private, max_body=max_body, cors_origins=tuple(cors_origin or ()))
    if workers > 1:  # each worker process builds the same app from the environment
        engine.dispose()
        os.environ[ENV_DB] = normalize_url(db)
        os.environ[SETTINGS_ENV] = settings_to_env(settings)
        uvicorn.run(
            "rasd.web.app:app_from_env",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level=log_level,
            server_header=False,
        )
        return
    try:
        uvicorn.run(
            create_app(engine, settings), host=host, port=port, log_level=log_level, server_header=False
        )
    finally:
        engine.dispose()
