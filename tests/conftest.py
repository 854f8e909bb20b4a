"""Shared fixtures: where the shared data lives, and the bundled example reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder; tests that need it skip when it is absent."""
    if not (SHARED / "data" / "raw").exists():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def examples() -> Path:
    return ROOT / "examples"


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small gazetteer index (SY, IQ, JO, LB), built once per test run for the suites that store events."""
    from rasd.geo.build import build_index

    path = tmp_path_factory.mktemp("small-gaz") / "gazetteer.sqlite"
    build_index(path, countries=["SY", "IQ", "JO", "LB"], include_sources_dir=False)
    return path
