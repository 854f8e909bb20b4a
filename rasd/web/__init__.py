"""rasd's HTTP API (FastAPI): events, documents, statistics, analysts' edits and reviews."""

from rasd.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
