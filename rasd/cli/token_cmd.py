"""``rasd token create|list|revoke``: bearer tokens for the API (only their hashes are stored)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rasd.cli.app import app
from rasd.cli.ingest_cmd import DB_HELP

if TYPE_CHECKING:
    from sqlalchemy import Engine

token_app = typer.Typer(help="API bearer tokens: create (shown once), list, revoke.", no_args_is_help=True)
app.add_typer(token_app, name="token")
DbOption = Annotated[str | None, typer.Option("--db", help=DB_HELP)]


def _engine(db: str | None) -> Engine:
    from rasd.store import StoreError, connect

    try:
        return connect(db)
    except StoreError as exc:
        typer.echo(f"rasd token: {exc}", err=True)
        raise typer.Exit(2) from exc


@token_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who or what uses the token; shown in the audit log.")],
    db: DbOption = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="The token may read, not write.")] = False,
) -> None:
    """Create a token and print it: it is shown this once, the store keeps only its hash."""
    from rasd.web.tokens import TokenError, create_token

    engine = _engine(db)
    try:
        typer.echo(create_token(engine, name, "read" if read_only else "write"))
    except TokenError as exc:
        typer.echo(f"rasd token create: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()


@token_app.command("list")
def list_cmd(db: DbOption = None) -> None:
    """Names, scopes and dates of the tokens (never the tokens themselves)."""
    from rasd.web.tokens import list_tokens

    engine = _engine(db)
    try:
        for token in list_tokens(engine):
            revoked = f"\trevoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else ""
            typer.echo(f"{token.name}\t{token.scope}\tcreated {token.created_at:%Y-%m-%d %H:%M}{revoked}")
    finally:
        engine.dispose()


@token_app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="The token's name.")], db: DbOption = None) -> None:
    """Revoke a token: requests bearing it are refused from now on."""
    from rasd.web.tokens import TokenError, revoke_token

    engine = _engine(db)
    try:
        revoke_token(engine, name)
    except TokenError as exc:
        typer.echo(f"rasd token revoke: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()
