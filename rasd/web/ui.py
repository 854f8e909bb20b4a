"""The analyst web UI: ``/`` (the page) and ``/static/...`` (its modules, styles and vendored packages).

Everything is served from the package (no CDN). The page gets a strict Content-Security-Policy: scripts
and styles from this server only, no inline script, so report text can never run as code.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from starlette.middleware.gzip import GZipMiddleware
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


def add_ui(app: FastAPI) -> None:
    """Serve the UI on ``app`` at ``/`` and ``/static`` (the API under ``/api`` is unchanged)."""
    index = STATIC / "index.html"
    if not index.is_file():  # a build without the UI files
        return

    @app.get("/", include_in_schema=False)
    def ui_index() -> FileResponse:
        return FileResponse(index, headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"})

    app.mount(
        "/static",
        GZipMiddleware(StaticFiles(directory=STATIC), minimum_size=1000, compresslevel=5),
        name="static",
    )
