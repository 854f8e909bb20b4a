"""Main text and metadata of an HTML page: trafilatura when installed, else a plain tag stripper."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside"}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            self._skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP and self._skip:
            self._skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """(main text, metadata such as title, date, sitename) of an HTML document."""
    try:
        import trafilatura
    except ImportError:  # optional: the plain stripper below does without it
        pass
    else:
        text = trafilatura.extract(html, include_comments=False, favor_recall=True)
        if text:
            meta = trafilatura.extract_metadata(html)
            info = {}
            if meta is not None:
                for key in ("title", "date", "sitename", "url"):
                    value = getattr(meta, key, None)
                    if value:
                        info[key] = str(value)
            return text, info
    parser = _Text()
    parser.feed(html)
    text = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    text = re.sub(r"\n\s*\n+", "\n", text).strip()
    return text, ({"title": parser.title.strip()} if parser.title.strip() else {})
