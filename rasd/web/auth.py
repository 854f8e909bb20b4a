"""Bearer-token checks: writes need a write token; reads need a token only on a private server."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from rasd.web.tokens import Token, find_token

bearer = HTTPBearer(auto_error=False, description="A token from `rasd token create NAME`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Token:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "a bearer token is required", {"WWW-Authenticate": "Bearer"}
        )
    token = find_token(request.app.state.engine, credentials.credentials)
    if token is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "unknown or revoked token",
            {"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    return token


def reader(request: Request, credentials: Credentials) -> Token | None:
    """Anyone may read, unless the server is private: then any live token."""
    if not request.app.state.settings.private:
        return None
    return _token(request, credentials)


def writer(request: Request, credentials: Credentials) -> Token:
    """A live token with the write scope (401 without a valid token, 403 for a read-only one)."""
    token = _token(request, credentials)
    if not token.can_write:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"token {token.name!r} may only read")
    return token


Reader = Annotated[Token | None, Depends(reader)]
Writer = Annotated[Token, Depends(writer)]
