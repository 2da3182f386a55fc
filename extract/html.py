"""Reading HTML pages: the main text, without banners, navigation, teasers and footers.

Portal pages build their chrome from plain ``div`` elements (cookie banners, menus,
breadcrumbs, teaser boxes, share buttons, footers), which no list of tags recognises:
the main text is found by trafilatura, a maintained extractor that weighs text density
and link density. Where it finds nothing (a very short page, markup it cannot parse,
nesting too deep for libxml2), the page's own markup decides: if it marks its main
content (``<main>``, ``<article>``, ``role="main"``), only that is read; otherwise the
body without navigation, headers, footers and asides. Block elements end lines, so
headings and paragraphs stay apart for the sentence splitter. The extracted text is
"the text as read": offsets refer to it.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object",
                   "canvas", "form", "button", "select", "textarea", "head"})
_CHROME = frozenset({"nav", "header", "footer", "aside", "menu"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
                    "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "pre",
                    "br", "hr", "figure", "figcaption", "address", "td", "th"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                   "source", "track", "wbr", "param"})


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, skipped, main
        self.all_parts: list[str] = []
        self.main_parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.has_main = False
        self._in_title = self._in_h1 = False
        # counts kept as the stack changes, so that no event looks through the whole
        # stack: reading stays linear however deeply a page nests its elements
        self._skipped = self._main = 0
        self._open: Counter[str] = Counter()

    def _skipping(self) -> bool:
        return self._skipped > 0

    def _in_main(self) -> bool:
        return self._main > 0

    def _push(self, tag: str, skipped: bool, main: bool) -> None:
        self.stack.append((tag, skipped, main))
        self._skipped += skipped
        self._main += main
        self._open[tag] += 1

    def _pop_to(self, tag: str) -> None:
        """Close ``tag`` and whatever was left open inside it; a stray end tag closes nothing."""
        if not self._open[tag]:
            return
        while self.stack:
            name, skipped, main = self.stack.pop()
            self._skipped -= skipped
            self._main -= main
            self._open[name] -= 1
            if name == tag:
                return

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCK:
            self._emit("\n")
        if tag in _VOID:
            return
        main = tag in ("main", "article") or attributes.get("role") == "main"
        self.has_main = self.has_main or main
        skipped = tag in _SKIP or (tag in _CHROME and not self._in_main()) or attributes.get("hidden") is not None \
            or attributes.get("aria-hidden") == "true" or attributes.get("role") in ("navigation", "banner", "contentinfo")
        self._push(tag, skipped, main)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        self._pop_to(tag)
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skipping():
            return
        if self._in_h1:
            self.h1_parts.append(data)
        self._emit(data)

    def _emit(self, text: str) -> None:
        self.all_parts.append(text)
        if self._in_main():
            self.main_parts.append(text)


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"


def read_html(markup: str) -> tuple[str, str | None]:
    """Return ``(main_text, title)``; the text is empty if the page has none."""
    marked_up = _marked_up_text(markup)
    if not marked_up[0]:  # nothing outside scripts, styles and navigation: no text to find
        return marked_up
    return _main_text(markup) or marked_up


_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")


def _main_text(markup: str) -> tuple[str, str | None] | None:
    """The main text by trafilatura, with the page's date kept as a line of its own after
    the headline when the text no longer holds it; None if it finds no text."""
    try:
        import trafilatura

        text = trafilatura.extract(markup, include_comments=False, include_tables=True,
                                   favor_precision=True, deduplicate=False)
        metadata = trafilatura.extract_metadata(markup) if text else None
    except Exception:  # noqa: BLE001 - markup the extractor cannot handle: the parser below reads it
        return None
    if not text or not text.strip():
        return None
    title = metadata.title.strip() if metadata is not None and metadata.title else None
    if metadata is not None and metadata.date and not _DATE.search(text[:400]):
        year, month, day = metadata.date[:10].split("-")
        head, _, rest = text.partition("\n")
        text = f"{head}\n{day}.{month}.{year}\n{rest}"
    return _tidy(text), title


def _marked_up_text(markup: str) -> tuple[str, str | None]:
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    body = "".join(parser.main_parts if parser.has_main else parser.all_parts)
    title = _tidy("".join(parser.h1_parts) or "".join(parser.title_parts)).strip() or None
    text = _tidy(body)
    return (text if text.strip() else ""), title
