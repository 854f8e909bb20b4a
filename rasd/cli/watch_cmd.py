"""``rasd watch FEEDS.yaml``: poll RSS/Atom feeds and ingest their new entries until stopped."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

from rasd.cli.app import app
from rasd.cli.ingest_cmd import DB_HELP


@app.command("watch")
def watch_cmd(
    feeds_file: Annotated[
        Path,
        typer.Argument(
            metavar="FEEDS.yaml",
            help="A list of feeds: {url, name?, interval? (seconds, default 300), outlet?, language?, fetch_pages?}.",
        ),
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, then exit (for cron).")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a server before giving up.")] = 20.0,
    retries: Annotated[
        int, typer.Option(help="Tries again after a timeout or a 5xx answer, with backoff.")
    ] = 3,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Log only warnings and errors.")] = False,
) -> None:
    """Poll each feed at its interval, fetch new entries' pages, and ingest them (SIGINT/SIGTERM stop it).

    Per-feed state (ETag, Last-Modified, entries seen, last error) is kept in the store, so a restart
    picks up where it stopped. Every failure (feed, page, document) is in `rasd errors`. With --once
    the exit code is 1 when something failed.
    """
    from rasd.ingest.feeds import FeedConfigError, load_feeds
    from rasd.ingest.fetch import Fetcher
    from rasd.store import StoreError, connect
    from rasd.store.ingest import FATAL, Ingestor
    from rasd.watch import Watcher

    try:
        feeds = load_feeds(feeds_file)
    except FeedConfigError as exc:
        typer.echo(f"rasd watch: {exc}", err=True)
        raise typer.Exit(2) from exc
    logging.basicConfig(  # other libraries (HTTP, migrations) log warnings only
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s", datefmt="%Y-%m-%d %H:%M:%S"
    )
    logging.getLogger("rasd").setLevel(logging.WARNING if quiet else logging.INFO)
    try:
        engine = connect(db)
    except StoreError as exc:
        typer.echo(f"rasd watch: {exc}", err=True)
        raise typer.Exit(2) from exc
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():

        def on_signal(signum: int, _frame: object) -> None:
            if stop.is_set():  # asked twice: stop now (each document is one transaction, nothing is lost)
                raise KeyboardInterrupt
            logging.getLogger("rasd.watch").info(
                "%s: stopping after the current document (again to stop at once)", signal.Signals(signum).name
            )
            stop.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, on_signal)
    ingestor = Ingestor(engine)
    fetcher = Fetcher(timeout=timeout, retries=retries, sleep=stop.wait)  # backoff ends when stopped
    watcher = Watcher(engine, feeds, fetcher=fetcher, ingestor=ingestor, stop=stop)
    logging.getLogger("rasd.watch").info(
        "watching %d feeds (%s)", len(feeds), "one round" if once else "until stopped"
    )
    try:
        if once:
            watcher.run_once()
        else:
            watcher.run()
    except FATAL as exc:
        typer.echo(f"rasd watch: stopped, the installation needs fixing: {exc}", err=True)
        raise typer.Exit(2) from exc
    except KeyboardInterrupt as exc:
        typer.echo(f"rasd watch: interrupted: {ingestor.report.summary()}", err=True)
        raise typer.Exit(130) from exc
    finally:
        fetcher.close()
        engine.dispose()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    typer.echo(f"rasd watch: {ingestor.report.summary()}", err=True)
    if once and ingestor.report.failed:
        raise typer.Exit(1)
