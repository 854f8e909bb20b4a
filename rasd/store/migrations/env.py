"""Alembic environment: runs on the connection :func:`rasd.store.db.migrate` hands over."""

from __future__ import annotations

from alembic import context

from rasd.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - rasd always passes its connection
    raise RuntimeError("rasd migrations run through rasd.store.db.migrate(engine)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
