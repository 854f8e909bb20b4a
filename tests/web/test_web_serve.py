"""`rasd serve` runs the API under uvicorn; worker processes build the same app from the environment."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
from fastapi.testclient import TestClient

from rasd.web.app import SETTINGS_ENV, Settings, app_from_env, settings_to_env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_rasd_serve_answers_on_localhost(engine, tmp_path):
    port = _free_port()
    code = "from rasd.cli import serve_cmd; from rasd.cli.app import app; app()"
    db = str(engine.url.database)
    args = ["serve", "--db", db, "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen([sys.executable, "-c", code, *args])
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/api/events", params={"country": "IQ"}, timeout=2
                )
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        assert response.status_code == 200 and response.json()["total"] == 2
        assert "server" not in response.headers
    finally:
        server.terminate()
        server.wait(10)


def test_workers_build_the_app_from_the_environment(engine, monkeypatch):
    monkeypatch.setenv("RASD_DB", str(engine.url))
    monkeypatch.setenv(SETTINGS_ENV, settings_to_env(Settings(private=True)))
    app = app_from_env()
    try:
        with TestClient(app) as client:
            assert client.get("/api/events").status_code == 401
    finally:
        app.state.engine.dispose()
