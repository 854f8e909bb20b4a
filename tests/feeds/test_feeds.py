"""Feeds: FEEDS.yaml validation, RSS/Atom entries, and polls that add only what is new."""

from __future__ import annotations

import pytest

from rasd.ingest.feeds import FeedConfig, FeedConfigError, FeedError, load_feeds, parse_feed
from rasd.ingest.fetch import Fetcher
from rasd.store import Ingestor, connect, read_errors, read_events
from rasd.watch import Watcher

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desert Wire</title><id>urn:desert</id>
<updated>2024-04-17T10:00:00Z</updated>
<entry><title>Rockets near Erbil airport</title><id>urn:desert:1</id>
<link href="https://desert.example/erbil"/><updated>2024-04-17T07:00:00Z</updated>
<summary>Three rockets struck near Erbil airport late on Tuesday, officials said.</summary></entry>
</feed>"""


def no_wait(_seconds: float) -> None:
    pass


def test_feeds_yaml_is_read_with_defaults(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "- url: https://a.example/rss\n  name: A\n  interval: 60\n  outlet: Alpha\n  language: ar\n"
        "- https://b.example/atom.xml\n"
        "- {url: 'https://c.example/feed', fetch_pages: false}\n",
        encoding="utf-8",
    )
    a, b, c = load_feeds(path)
    assert a == FeedConfig("https://a.example/rss", "A", 60.0, "Alpha", "ar", True)
    assert (b.name, b.interval, b.fetch_pages) == ("b.example/atom.xml", 300.0, True)
    assert c.fetch_pages is False


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("url: x", "expected a non-empty list of feeds"),
        ("- name: no url", "feed 1: 'url' must be an http(s) URL, not None"),
        ("- url: https://a.example/rss\n- url: ftp://b.example/", "feed 2: 'url' must be an http(s) URL"),
        ("- url: https://a.example/rss\n  interval: 1", "feed 1 (https://a.example/rss): 'interval' must be"),
        (
            "- url: https://a.example/rss\n  intervall: 60",
            "feed 1 (https://a.example/rss): unknown key(s) intervall",
        ),
        ("- url: https://a.example/rss\n  fetch_pages: sometimes", "'fetch_pages' must be true or false"),
        (
            "- https://a.example/rss\n- https://a.example/rss",
            "feed 2 (https://a.example/rss): the same URL as feed 1",
        ),
        ("- url: [", "not valid YAML"),
    ],
)
def test_feeds_yaml_errors_name_the_file_and_the_entry(tmp_path, text, message):
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FeedConfigError) as err:
        load_feeds(path)
    assert str(err.value).startswith(f"{path}: ") and message in str(err.value)


def test_atom_and_rss_entries():
    title, (entry,) = parse_feed(ATOM.encode(), "https://desert.example/atom.xml")
    assert title == "Desert Wire"
    assert (entry.key, entry.link, entry.published) == (
        "urn:desert:1",
        "https://desert.example/erbil",
        "2024-04-17",
    )
    assert entry.summary == "Three rockets struck near Erbil airport late on Tuesday, officials said."
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body>This is not a feed</body></html>", "https://x.example/")


def test_a_second_poll_is_conditional_and_adds_only_new_entries(site, entries, tmp_path):
    engine = connect(f"sqlite:///{tmp_path / 'store.sqlite'}")
    feed = FeedConfig(site.url("/feeds/main.xml"), "main")
    with Fetcher(sleep=no_wait) as fetcher:
        watcher = Watcher(engine, [feed], fetcher=fetcher)
        (first,) = watcher.run_once()
        assert (first.status, first.entries, first.outcomes) == ("ok", 2, {"new": 2})
        events = list(read_events(engine))
        assert {e.location.country_code for e in events if e.location} == {"SY", "IQ"}
        assert {e.sub_event_type for e in events} >= {
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
        }
        assert {s.name for e in events for s in e.sources if s.kind == "outlet"} >= {"Northern Monitor"}

        (second,) = watcher.run_once()  # nothing changed: the server answers 304
        assert (
            second.status == "not modified" and site.headers["/feeds/main.xml"][-1]["if-none-match"] == '"v1"'
        )

        site.rss("/feeds/main.xml", [entries["daraa"], entries["hawija"], entries["sarmin"]], etag='"v2"')
        (third,) = watcher.run_once()
        assert (third.status, third.entries, third.outcomes) == ("ok", 1, {"new": 1})
        assert site.hits["/news/daraa-checkpoint.html"] == 1 and site.hits["/news/sarmin-shelling.html"] == 1

        # A restart remembers the feed's validators and its entries.
        (again,) = Watcher(engine, [feed], fetcher=fetcher).run_once()
        assert again.status == "not modified"
    assert read_errors(engine) == []
    engine.dispose()


def test_a_feed_that_fails_once_is_retried_within_the_poll(site, tmp_path):
    site.rss(
        "/feeds/flaky.xml",
        [{"title": "t", "link": "/news/daraa-checkpoint.html", "date": "Wed, 08 May 2024 12:00:00 GMT"}],
        fail_first=1,
    )
    engine = connect(f"sqlite:///{tmp_path / 'store.sqlite'}")
    with Fetcher(sleep=no_wait) as fetcher:
        (result,) = Watcher(
            engine, [FeedConfig(site.url("/feeds/flaky.xml"), "flaky")], fetcher=fetcher
        ).run_once()
    assert (result.status, result.outcomes) == ("ok", {"new": 1}) and site.hits["/feeds/flaky.xml"] == 2
    engine.dispose()


def test_failures_are_recorded_and_the_other_feeds_go_on(site, entries, tmp_path):
    site.add("/feeds/broken.xml", "<html><body>We moved our feed.</body></html>", content_type="text/html")
    site.rss(
        "/feeds/mixed.xml",
        [
            {"title": "Gone", "link": "/news/gone.html", "date": "Thu, 09 May 2024 08:00:00 GMT"},
            {"title": "Private", "link": "/private/secret.html", "date": "Thu, 09 May 2024 09:00:00 GMT"},
            {
                "title": "Summary only",
                "link": "/news/removed.html",
                "date": "Thu, 09 May 2024 10:00:00 GMT",
                "description": "Two rockets hit Kirkuk on Thursday, wounding three people, police said.",
            },
        ],
    )
    site.rss("/feeds/main.xml", [entries["sarmin"]])
    feeds = [
        FeedConfig(site.url("/feeds/broken.xml"), "broken"),
        FeedConfig(site.url("/feeds/missing.xml"), "missing"),
        FeedConfig(site.url("/feeds/mixed.xml"), "mixed"),
        FeedConfig(site.url("/feeds/main.xml"), "main"),
    ]
    engine = connect(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingestor = Ingestor(engine)
    with Fetcher(sleep=no_wait) as fetcher:
        broken, missing, mixed, main = Watcher(engine, feeds, fetcher=fetcher, ingestor=ingestor).run_once()
    assert (broken.status, missing.status, mixed.status, main.status) == ("failed", "failed", "ok", "ok")
    assert main.outcomes == {"new": 1} and mixed.outcomes == {"failed": 2, "new": 1}
    reasons = {e.origin: e.reason for e in read_errors(engine)}
    base = site.base
    assert reasons[f"{base}/feeds/broken.xml"].startswith("feed: not an RSS or Atom feed")
    assert reasons[f"{base}/feeds/missing.xml"] == "feed: HTTP 404 Not Found"
    assert (
        reasons[f"{base}/news/gone.html"]
        == "page not fetched: HTTP 404 Not Found; the feed has no text for this entry"
    )
    assert reasons[f"{base}/private/secret.html"].startswith(
        f"page not fetched: skipped: robots.txt of {base} disallows"
    )
    assert reasons[f"{base}/news/removed.html"] == (
        "page not fetched: HTTP 404 Not Found; ingested the feed's text for this entry instead"
    )
    assert any(e.location and e.location.name == "Kirkuk" for e in read_events(engine))
    engine.dispose()
