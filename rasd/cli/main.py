"""Entry point of the ``rasd`` console script: imports every command module, then runs the app."""

from rasd.cli import (  # noqa: F401  (imported for their commands)
    check_cmd,
    classify_cmd,
    errors_cmd,
    eval_cmd,
    events_cmd,
    extract_cmd,
    geocode_cmd,
    ingest_cmd,
    serve_cmd,
    token_cmd,
    watch_cmd,
    when_cmd,
)
from rasd.cli.app import app

__all__ = ["app"]

if __name__ == "__main__":  # pragma: no cover
    app()
