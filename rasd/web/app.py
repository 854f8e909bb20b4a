"""The one FastAPI app behind every entry point: ``create_app(engine, settings)``."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import Engine

from rasd import __version__
from rasd.ingest.fetch import Fetcher
from rasd.store.ingest import Extractor
from rasd.web.headers import SafeHeaders
from rasd.web.limits import BodyLimit
from rasd.web.routes import documents, events, points, regroup, reports, stats
from rasd.web.ui import add_ui

DESCRIPTION = """Merged, ACLED-coded events from rasd's store, with every report and the evidence for each field.

Reads are open unless the server runs with `--private`; writes (edits, reviews, reports) need
`Authorization: Bearer <token>` with a token from `rasd token create NAME`.
"""


@dataclass(frozen=True)
class Settings:
    """How the API behaves: private reads, body size limit, allowed CORS origins (none: CORS off)."""

    private: bool = False
    max_body: int = 1_000_000
    cors_origins: tuple[str, ...] = ()
    extractor: Extractor | None = None  # for POST /api/reports; rasd's extraction when None
    fetcher: Callable[[], Fetcher] | None = (
        None  # makes the fetcher of POST /api/reports {url}; Fetcher when None
    )
    warm_map: bool = True  # read the unfiltered map points at start-up, before the first page asks


def create_app(engine: Engine, settings: Settings | None = None) -> FastAPI:
    """The API over the store at ``engine`` (already migrated: see :func:`rasd.store.connect`)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if settings.warm_map:  # in a thread: the server answers at once, the map's points follow
            threading.Thread(target=points.warm, args=(engine,), daemon=True, name="rasd-warm-map").start()
        yield

    app = FastAPI(title="rasd", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.engine = engine
    app.state.settings = settings
    for module in (points, events, regroup, documents, stats, reports):  # points before /events/{id}
        app.include_router(module.router)

    @app.get("/api/health", tags=["health"])
    def health() -> dict[str, str]:
        """Liveness: always ``{"status": "ok"}``."""
        return {"status": "ok"}

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PATCH"],
            allow_headers=["Authorization", "Content-Type"],
        )
    add_ui(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(SafeHeaders)
    return app


SETTINGS_ENV = "RASD_WEB_SETTINGS"


def settings_to_env(settings: Settings) -> str:
    """``settings`` (but the extractor and fetcher) as the JSON :func:`app_from_env` reads from ``$RASD_WEB_SETTINGS``."""
    return json.dumps({k: v for k, v in asdict(settings).items() if k not in ("extractor", "fetcher")})


def app_from_env() -> FastAPI:
    """The app for each uvicorn worker process (``factory=True``): the store at ``$RASD_DB``, settings
    from ``$RASD_WEB_SETTINGS``; ``rasd serve --workers N`` sets both."""
    from rasd.store import connect

    raw = json.loads(os.environ.get(SETTINGS_ENV) or "{}")
    settings = Settings(
        private=bool(raw.get("private", False)),
        max_body=int(raw.get("max_body", 1_000_000)),
        cors_origins=tuple(raw.get("cors_origins", ())),
    )
    return create_app(connect(os.environ.get("RASD_DB")), settings)
