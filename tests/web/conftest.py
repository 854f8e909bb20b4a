"""API fixtures: a SQLite store filled once by ingesting short reports (real extraction, small gazetteer)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from rasd.ingest import Document
from rasd.store import connect, ingest
from rasd.web import Settings, create_app
from rasd.web.tokens import create_token

HOSTILE = "Protesters gathered in Amman on 2 May 2024. <script>alert(1)</script> <img src=x onerror=alert(1)>"
REPORTS = [
    ("mosul", "Three rockets hit Mosul on 3 March 2024, killing two civilians, police said.", "2024-03-04"),
    (
        "homs",
        "انفجرت عبوة ناسفة في حمص في 5 مارس 2024، ما أسفر عن مقتل ثلاثة جنود، وفق مصدر أمني.",
        "2024-03-06",
    ),
    (
        "kirkuk",
        "Gunmen attacked a checkpoint in Kirkuk on 10 March 2024, killing four policemen, officials said.",
        "2024-03-11",
    ),
    (
        "palmyra",
        "Islamic State fighters clashed with the Syrian army near Palmyra on 20 April 2024, "
        "killing five soldiers, the army said.",
        "2024-04-21",
    ),
    ("amman", HOSTILE, "2024-05-03"),
]


@pytest.fixture(autouse=True)
def use_small_gazetteer(small_gazetteer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_GAZETTEER", str(small_gazetteer))


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory, small_gazetteer: Path) -> Path:
    """A store holding the five reports, built once; each test gets a copy."""
    path = tmp_path_factory.mktemp("web-store") / "events.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RASD_GAZETTEER", str(small_gazetteer))
        engine = connect(str(path))
        docs = [
            Document(id=name, text=text, published=published, outlet="Test Wire", title=f"Report {name}")
            for name, text, published in REPORTS
        ]
        report = ingest(engine, docs)
        engine.dispose()
    assert report.stored == 5 and report.events_new == 5, report.summary()
    return path


@pytest.fixture
def engine(template_store: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "events.sqlite"
    shutil.copy(template_store, path)
    engine = connect(str(path))
    yield engine
    engine.dispose()


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine, Settings())) as client:
        yield client


@pytest.fixture
def writer_token(engine: Engine) -> str:
    return create_token(engine, "ana", "write")


@pytest.fixture
def auth(writer_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {writer_token}"}


def _one_event_id(client: TestClient, **filters: str) -> str:
    """The id of the one event the filters select."""
    body = client.get("/api/events", params=filters).json()
    assert body["total"] == 1, body
    return str(body["events"][0]["id"])


@pytest.fixture
def one_event_id() -> Callable[..., str]:
    """``one_event_id(client, **filters)``: the id of the one event the filters select."""
    return _one_event_id


@pytest.fixture
def hostile() -> str:
    return HOSTILE
