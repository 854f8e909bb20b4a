"""API bearer tokens: shown once when created, stored only as their SHA-256 hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from rasd.store.rows import now
from rasd.store.schema import tokens

SCOPES = ("read", "write")
PREFIX = "rasd_"


class TokenError(ValueError):
    """A token cannot be created or revoked; the message says why."""


@dataclass(frozen=True)
class Token:
    """A stored token (never its secret)."""

    name: str
    scope: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def can_write(self) -> bool:
        return self.scope == "write" and self.revoked_at is None


def hash_token(secret: str) -> str:
    """The SHA-256 hex digest stored for ``secret`` (tokens are random, so no slow hash is needed)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(engine: Engine, name: str, scope: str = "write") -> str:
    """Create the token ``name`` and return its secret: the only time it is available."""
    if scope not in SCOPES:
        raise TokenError(f"unknown scope {scope!r}; expected one of {', '.join(SCOPES)}")
    if not name.strip() or len(name) > 200:
        raise TokenError("a token name is 1 to 200 characters")
    secret = PREFIX + secrets.token_urlsafe(32)
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(tokens).values(name=name, token_hash=hash_token(secret), scope=scope, created_at=now())
            )
    except IntegrityError as exc:
        raise TokenError(f"a token named {name!r} exists already") from exc
    return secret


def find_token(engine: Engine, secret: str) -> Token | None:
    """The live (not revoked) token whose secret is ``secret``, else None."""
    query = select(tokens.c.name, tokens.c.scope, tokens.c.created_at, tokens.c.revoked_at).where(
        tokens.c.token_hash == hash_token(secret), tokens.c.revoked_at.is_(None)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Token(*row) if row else None


def list_tokens(engine: Engine) -> list[Token]:
    """Every token, oldest first."""
    query = select(tokens.c.name, tokens.c.scope, tokens.c.created_at, tokens.c.revoked_at).order_by(
        tokens.c.id
    )
    with engine.connect() as conn:
        return [Token(*row) for row in conn.execute(query)]


def revoke_token(engine: Engine, name: str) -> None:
    """Revoke the token ``name``: requests bearing it are refused from now on."""
    with engine.begin() as conn:
        result = conn.execute(
            update(tokens)
            .where(tokens.c.name == name, tokens.c.revoked_at.is_(None))
            .values(revoked_at=now())
        )
    if result.rowcount == 0:
        raise TokenError(f"no live token named {name!r}")
