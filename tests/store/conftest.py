"""Store fixtures: a small gazetteer for real extraction, SQLite and (when reachable) PostgreSQL stores."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.ingest import Document
from rasd.model import Event, Place, Source, When

PG_HOST = os.environ.get("RASD_TEST_PG", "127.0.0.1:5432")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long store tests (run with RASD_SLOW_TESTS=1)")


@pytest.fixture(autouse=True)
def use_small_gazetteer(small_gazetteer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction in store tests (and their subprocesses) uses the small index, not the user's."""
    monkeypatch.setenv("RASD_GAZETTEER", str(small_gazetteer))


def _pg_admin_url() -> str | None:
    """URL of a reachable PostgreSQL server's ``test`` database (user postgres, else root), or None."""
    try:
        import psycopg
    except ImportError:
        return None
    for user in ("postgres", "root"):
        url = f"postgresql://{user}@{PG_HOST}/test"
        try:
            with psycopg.connect(url, connect_timeout=2):
                return url
        except psycopg.Error:
            continue
    return None


@pytest.fixture(scope="session")
def pg_admin() -> str:
    url = _pg_admin_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server reachable at {PG_HOST}")
    return url


@pytest.fixture
def pg_url(pg_admin: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    name = f"rasd_store_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_admin.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on a SQLite file and on PostgreSQL (skipped when no server is reachable)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return str(request.getfixturevalue("pg_url"))


# A fake extractor: each line of a document is ``type|sub|date|lat|lon|place|fatalities|source``;
# a line starting with BOOM makes it fail.


def report_line(
    sub: str, date: str, lat: float, lon: float, place: str, fatalities: int | None, source: str
) -> str:
    return f"Explosions/Remote violence|{sub}|{date}|{lat}|{lon}|{place}|{'' if fatalities is None else fatalities}|{source}"


def fake_extract(doc: Document, published: str | None) -> list[Event]:
    out = []
    for i, raw in enumerate(doc.text.splitlines()):
        if not raw.strip():
            continue
        if raw.startswith("BOOM"):
            raise ValueError("the extractor cannot read this document")
        etype, sub, date, lat, lon, place, fat, source = raw.split("|")
        day = dt.date.fromisoformat(date)
        out.append(
            Event(
                id=f"{doc.id}-{i}",
                doc_id=doc.id,
                event_type=etype,
                sub_event_type=sub,
                location=Place(
                    name=place, lat=float(lat), lon=float(lon), geo_precision=1, country_code="IQ"
                ),
                when=When(start=day, end=day, time_precision=1),
                fatalities=int(fat) if fat else None,
                sources=[Source(kind="outlet", name=source)],
                confidence=0.8,
            )
        )
    return out


@pytest.fixture
def extractor():
    return fake_extract
