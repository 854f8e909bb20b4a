"""`rasd watch --once` and `rasd ingest URL` end to end into a SQLite store; a clean stop on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from typer.testing import CliRunner

from rasd.cli.main import app

runner = CliRunner()


def test_watch_once_then_events_and_errors(site, tmp_path):
    db = str(tmp_path / "events.sqlite")
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        f"- url: {site.url('/feeds/main.xml')}\n  name: Northern Monitor\n  interval: 60\n"
        f"- url: {site.url('/feeds/missing.xml')}\n  name: missing\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["watch", str(feeds), "--db", db, "--once", "--retries", "0"])
    assert result.exit_code == 1, result.output  # the missing feed failed
    assert "2 new documents" in result.output and "1 failed" in result.output

    events = runner.invoke(app, ["events", "--db", db])
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert {r["location"]["country_code"] for r in rows} == {"SY", "IQ"}
    errors = runner.invoke(app, ["errors", "--db", db])
    assert f"{site.url('/feeds/missing.xml')}\tfeed: HTTP 404 Not Found\t1\t" in errors.stdout

    again = runner.invoke(app, ["watch", str(feeds), "--db", db, "--once", "--retries", "0"])
    assert "0 new documents" in again.output


def test_watch_names_the_file_and_entry_of_a_bad_feeds_yaml(tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("- url: https://a.example/rss\n  interval: soon\n", encoding="utf-8")
    result = runner.invoke(app, ["watch", str(feeds), "--db", str(tmp_path / "e.sqlite"), "--once"])
    assert result.exit_code == 2
    assert f"rasd watch: {feeds}: feed 1 (https://a.example/rss): 'interval' must be" in result.output


def test_ingest_fetches_url_arguments(site, tmp_path):
    db = str(tmp_path / "events.sqlite")
    url = site.url("/ar/hawija-ied.html")
    result = runner.invoke(app, ["ingest", url, site.url("/gone.html"), "--db", db])
    assert result.exit_code == 1
    assert (
        "1 new documents" in result.output
        and f"failed: {site.url('/gone.html')}: HTTP 404 Not Found" in result.output
    )
    rows = [json.loads(line) for line in runner.invoke(app, ["events", "--db", db]).stdout.splitlines()]
    assert rows and rows[0]["location"]["country_code"] == "IQ"


def test_watch_stops_cleanly_on_sigterm(site, tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"- url: {site.url('/feeds/main.xml')}\n  interval: 3600\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "rasd.cli.main", "watch", str(feeds), "--db", str(tmp_path / "e.sqlite")]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 120
        for line in proc.stderr:  # wait for the first poll to be logged
            if "new entries" in line or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, rest
    assert "SIGTERM: stopping" in rest and "2 new documents" in rest
