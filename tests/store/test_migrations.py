"""Developers add migrations with `python -m rasd.store.migrations.new "message"` (no alembic.ini)."""

from __future__ import annotations

import shutil

from rasd.store.db import MIGRATIONS
from rasd.store.migrations.new import new_migration


def test_the_next_migration_is_numbered_and_chained_to_the_last(tmp_path):
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    path = new_migration("Add a column!", folder)
    last = max(int(p.name[:4]) for p in (folder / "versions").glob("[0-9][0-9][0-9][0-9]_*.py") if p != path)
    assert path.name == f"{last + 1:04d}_add_a_column.py"
    text = path.read_text(encoding="utf-8")
    assert f"revision = '{last + 1:04d}'" in text and f"down_revision = '{last:04d}'" in text
    assert "pass" in text  # schema.py and the migrations agree: nothing to do
