"""Web pages to documents: fetch a URL, keep the main text (trafilatura) and its metadata.

Metadata: title, publication date, outlet (the site name, else the host) and language (the page's
``lang`` attribute or trafilatura's guess). A page that cannot be fetched or read is an
:class:`InputError` naming the URL and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from rasd.ingest.decode import DecodeError, decode_bytes
from rasd.ingest.documents import Document, InputError
from rasd.ingest.fetch import Fetched, Fetcher, FetchError
from rasd.ingest.html import html_to_text

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_url(value: str) -> bool:
    """Whether a command-line argument is an http(s) URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def fetch_document(url: str, fetcher: Fetcher, doc_id: str | None = None) -> Document | InputError:
    """The document of the page at ``url``, or an :class:`InputError` (fetch failed, not text, empty)."""
    try:
        fetched = fetcher.get(url)
    except FetchError as exc:
        return InputError(url, exc.reason)
    return page_document(url, fetched, doc_id)


def page_document(url: str, fetched: Fetched, doc_id: str | None = None) -> Document | InputError:
    """The document of a fetched page (``url`` is the address asked for; redirects are followed)."""
    if fetched.content_type not in TEXT_TYPES:
        return InputError(url, f"not an HTML or text page: {fetched.content_type}")
    try:
        text = _decode(fetched)
    except DecodeError as exc:
        return InputError(url, str(exc))
    meta: dict[str, str] = {}
    if fetched.content_type != "text/plain" or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        try:
            body, meta = html_to_text(text)
        except Exception as exc:  # a page malformed beyond what the HTML parsers recover from
            return InputError(url, f"unreadable HTML: {type(exc).__name__}: {exc}")
        lang = _LANG.search(text[:5000])
        if lang and "language" not in meta:
            meta["language"] = lang.group(1).lower()
        text = body
    if not text.strip():
        return InputError(url, "no readable text in the page")
    date = _DATE.search(meta.get("date", ""))
    return Document(
        id=doc_id or url,
        text=text,
        published=date.group(0) if date else None,
        title=meta.get("title"),
        url=url,
        outlet=meta.get("sitename") or urlsplit(fetched.url).hostname,
        origin=url,
        language=meta.get("language"),
    )


def read_urls(urls: Iterable[str], fetcher: Fetcher | None = None) -> Iterator[Document | InputError]:
    """Documents (or errors) of each URL in turn; a fetcher is made (and closed) when none is given."""
    own = fetcher is None
    client = fetcher or Fetcher()
    try:
        for url in urls:
            yield fetch_document(url, client)
    finally:
        if own:
            client.close()


def _decode(fetched: Fetched) -> str:
    if fetched.charset:
        try:
            text = fetched.content.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if text.strip():
                return text.replace("\r\n", "\n").replace("\r", "\n")
    return decode_bytes(fetched.content)
