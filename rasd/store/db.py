"""Open a store: an engine from a URL or path (SQLite by default), migrated to the newest schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

ENV_DB = "RASD_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 7_243_001  # PostgreSQL advisory lock key held while migrating


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says why."""


def default_db_url() -> str:
    """``$RASD_DB`` or a SQLite file ``events.sqlite`` in the user data dir."""
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return f"sqlite:///{Path(platformdirs.user_data_dir('rasd', appauthor=False)) / 'events.sqlite'}"


def normalize_url(url: str | None) -> str:
    """A SQLAlchemy URL: plain paths become SQLite files, ``postgresql://`` uses psycopg 3."""
    url = url or default_db_url()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_con: Any, _record: Any) -> None:
    cur = dbapi_con.cursor()
    # first: switching to WAL needs the file to itself for a moment, so it must wait for other openers
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def connect(url: str | None = None, *, migrate_schema: bool = True, create: bool = True) -> Engine:
    """An engine for ``url`` (see :func:`normalize_url`), its schema migrated to head.

    With ``create=False`` a SQLite file that does not exist is a :class:`StoreError` (for readers).
    """
    full = normalize_url(url)
    parsed = make_url(full)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            if not create and not Path(parsed.database).exists():
                raise StoreError(f"no store at {parsed.database}; `rasd ingest` creates one")
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        if parsed.database in (None, "", ":memory:"):
            engine = create_engine(full, poolclass=StaticPool)
        else:
            engine = create_engine(full)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(full, pool_pre_ping=True)
    if migrate_schema:
        try:
            migrate(engine)
        except Exception as exc:  # connection refused, bad credentials, unwritable file...
            engine.dispose()
            raise StoreError(
                f"cannot open the store at {parsed.render_as_string(hide_password=True)}: {exc}"
            ) from exc
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` with the Alembic migrations shipped in rasd (no alembic.ini)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as conn:
        # One process migrates at a time; the others wait, then find the schema current.
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # also makes SQLite's DDL transactional here
        elif conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        if revision == "head" and MigrationContext.configure(conn).get_current_revision() == head:
            return
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
