"""Fetching pages: main text and metadata, retries with backoff, 4xx not retried, size cap, robots.txt."""

from __future__ import annotations

import pytest

from rasd.ingest import Document, InputError
from rasd.ingest.fetch import Fetcher, FetchError
from rasd.ingest.inputs import read_inputs
from rasd.ingest.web import fetch_document


def no_wait(_seconds: float) -> None:
    pass


def test_a_page_becomes_a_document_with_its_title_date_outlet_and_language(site):
    with Fetcher(sleep=no_wait) as fetcher:
        en = fetch_document(site.url("/news/sarmin-shelling.html"), fetcher)
        ar = fetch_document(site.url("/ar/hawija-ied.html"), fetcher)
    assert isinstance(en, Document) and isinstance(ar, Document)
    assert en.title == "Artillery shelling kills three civilians in Sarmin"
    assert (en.published, en.outlet, en.language) == ("2024-03-11", "Northern Monitor", "en")
    assert "artillery shells hit residential areas of the town of Sarmin" in en.text
    assert "Home" not in en.text and "Copyright" not in en.text  # navigation and footer are dropped
    assert en.url == en.origin == site.url("/news/sarmin-shelling.html")
    assert (ar.published, ar.outlet, ar.language) == ("2024-04-14", "مرصد الشمال", "ar")
    assert "بانفجار عبوة ناسفة استهدفت دوريتهم" in ar.text


def test_a_server_error_is_tried_again_with_backoff_and_then_succeeds(site):
    url = site.add(
        "/flaky.html", "<html><body><p>Rockets hit Kirkuk, police said.</p></body></html>", fail_first=2
    )
    waits: list[float] = []
    with Fetcher(sleep=waits.append, backoff=0.5) as fetcher:
        fetched = fetcher.get(url)
    assert fetched.status == 200 and b"Kirkuk" in fetched.content
    assert site.hits["/flaky.html"] == 3 and waits == [0.5, 1.0]


def test_server_errors_give_up_after_the_retries_and_say_so(site):
    url = site.add("/down.html", "never", fail_first=100)
    with Fetcher(sleep=no_wait, retries=2) as fetcher, pytest.raises(FetchError) as err:
        fetcher.get(url)
    assert err.value.reason == "HTTP 500 Internal Server Error (after 3 tries)" and err.value.retryable
    assert site.hits["/down.html"] == 3


def test_a_missing_page_is_not_tried_again(site):
    with Fetcher(sleep=no_wait) as fetcher:
        result = fetch_document(site.url("/gone.html"), fetcher)
    assert result == InputError(site.url("/gone.html"), "HTTP 404 Not Found")
    assert site.hits["/gone.html"] == 1


def test_a_slow_server_times_out(site):
    url = site.add("/slow.html", "<p>late</p>", delay=1.5)
    with Fetcher(sleep=no_wait, timeout=0.3, retries=1) as fetcher, pytest.raises(FetchError) as err:
        fetcher.get(url)
    assert err.value.reason.startswith("timed out") and err.value.reason.endswith("(after 2 tries)")


@pytest.mark.parametrize("send_length", [True, False])
def test_a_page_over_the_size_limit_is_refused(site, send_length):
    url = site.add("/huge.html", "<p>" + "x" * 200_000 + "</p>", send_length=send_length)
    with Fetcher(sleep=no_wait, max_bytes=50_000) as fetcher:
        result = fetch_document(url, fetcher)
    assert isinstance(result, InputError) and result.reason.startswith("too large: ")
    assert "the limit is 0.1 MB" in result.reason


def test_robots_txt_keeps_rasd_away_from_disallowed_pages(site):
    with Fetcher(sleep=no_wait) as fetcher:
        result = fetch_document(site.url("/private/secret.html"), fetcher)
        fetch_document(site.url("/news/daraa-checkpoint.html"), fetcher)
    assert result == InputError(
        site.url("/private/secret.html"), f"skipped: robots.txt of {site.base} disallows this URL"
    )
    assert site.hits["/private/secret.html"] == 0
    assert site.hits["/robots.txt"] == 1  # read once per site


def test_a_failing_robots_txt_disallows_the_site_for_now(site):
    site.add("/robots.txt", "oops", fail_first=100)
    with Fetcher(sleep=no_wait, retries=0) as fetcher:
        result = fetch_document(site.url("/news/daraa-checkpoint.html"), fetcher)
    assert isinstance(result, InputError) and "robots.txt" in result.reason and "HTTP 500" in result.reason


def test_not_a_text_page(site):
    url = site.add("/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100), content_type="image/jpeg")
    with Fetcher(sleep=no_wait) as fetcher:
        assert fetch_document(url, fetcher) == InputError(url, "not an HTML or text page: image/jpeg")


def test_command_line_inputs_mix_urls_and_paths_in_order(site, tmp_path):
    (tmp_path / "note.txt").write_text("Rockets hit Kirkuk on Thursday, police said.", encoding="utf-8")
    args = [site.url("/news/daraa-checkpoint.html"), str(tmp_path / "note.txt"), site.url("/gone.html")]
    results = list(read_inputs(args))
    assert [type(r).__name__ for r in results] == ["Document", "Document", "InputError"]
    assert results[0].url == args[0] and results[1].origin == args[1]


def test_a_malformed_page_is_an_error_not_a_crash(site):
    binary = site.add("/garbage.html", bytes(range(256)) * 20)
    empty = site.add(
        "/empty.html", "<html><head><title>x</title></head><body><script>var a;</script></body></html>"
    )
    with Fetcher(sleep=no_wait) as fetcher:
        assert fetch_document(binary, fetcher) == InputError(binary, "binary data, not text")
        assert fetch_document(empty, fetcher) == InputError(empty, "no readable text in the page")
