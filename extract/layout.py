"""The text the pipeline analyses, and the way back to the text as read.

Offsets in the graph always refer to the text as read from the source file, so that
evidence can be cut out of it exactly. The pipeline, though, should not see page
furniture (running headers, the Landtag's publication footer) nor words split at line
ends ("Bundes-\\nregierung"). :func:`analysed_view` drops those pieces and keeps a
sparse map from every position of the analysed text back to the source text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

#: A word split at a line end: the hyphen, the line break and the next line's indent
#: go; only when the next line goes on in lower case ("Bundes-\nregierung"), because
#: "Open-\nSource" keeps its hyphen as a compound.
_SPLIT_WORD = re.compile(
    r"(?<=[A-Za-zÄÖÜäöüß])-(?:[ \t]*\r?\n[ \t]*|[ \t]+)"
    # text flattened from PDF keeps the hyphen and a space ("Bundes- regierung"); but
    # "Analyse- und Informationssysteme" is an ellipsis, not a split word
    r"(?=(?!(?:und|oder|bzw|sowie|als|noch|wie|bis|statt|respektive)\b)[a-zäöüß])"
)


#: Spaces before a line break: nothing to analyse, and a wrapped line run on would keep
#: them as a second space, which the tokenizer makes a token of its own ("Deutsche  Messe AG").
#: A run is tried from its first space only, once: from each of its spaces, a long run
#: that ends in no line break (a laid-out table) would cost time in its square.
_LINE_END_SPACE = re.compile(r"(?<![ \t])[ \t]++(?=\r?\n)")


#: Characters there only for the typesetter: a soft hyphen ("Bundes\u00adregierung"),
#: zero-width spaces and joiners, a byte-order mark. They go from the analysed text.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]+")
#: Spaces other than the plain one (no-break, thin, figure …) are plain spaces to the
#: pipeline, and the typographic hyphens (U+2010, the no-break U+2011) plain hyphens: the
#: tokenizer knows only those ("Deutsche\u00a0Messe AG" was split, "Lamarr\u2011Institut" unknown).
_SPACES = str.maketrans({**dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                         "\u2009\u200a\u202f\u205f\u3000", " "), "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True, slots=True)
class TextView:
    text: str
    points: tuple[int, ...] = (0,)
    shifts: tuple[int, ...] = (0,)
    """From analysed position ``points[i]`` on, source = analysed + ``shifts[i]``."""

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the analysed span ``[start, end)``."""
        if len(self.points) == 1 and not self.shifts[0]:  # nothing dropped before any position
            return start, end
        return self._at(start), (self._at(end - 1) + 1 if end > start else self._at(start))

    def _at(self, position: int) -> int:
        return position + self.shifts[bisect_right(self.points, position) - 1]


def analysed_view(source: str, *, drop: Iterable[tuple[int, int]] = (), unwrap: bool = False) -> TextView:
    """The analysed text: ``drop`` ranges removed, split words joined, spaces before line
    breaks and invisible characters gone, every kind of space and hyphen a plain one.

    With ``unwrap`` (text laid out in lines, as from PDF), a single line break inside
    a paragraph becomes a space, so that sentences run on across lines.
    """
    cuts = sorted(set(drop) | {(m.start(), m.end()) for pattern in (_SPLIT_WORD, _LINE_END_SPACE, _INVISIBLE)
                               for m in pattern.finditer(source)})
    parts: list[str] = []
    points, shifts = [0], [0]
    position = length = 0
    for start, end in cuts:
        start = max(start, position)
        if end <= start:
            continue
        parts.append(source[position:start])
        length += start - position
        position = end
        if points[-1] == length:
            shifts[-1] = position - length
        else:
            points.append(length)
            shifts.append(position - length)
    parts.append(source[position:])
    text = "".join(parts).translate(_SPACES)
    if unwrap:
        text = unwrapped(text)
    return TextView(text, tuple(points), tuple(shifts))


_LIST_START = re.compile(r"^\s*(?:[-•–*]|\d{1,2}\.|[a-z]\)|\d{1,2}\))\s")


#: A line that visibly goes on in the next: it ends in a small letter or a comma, and the
#: next begins with one ("… gegeben, dessen Ergebnisse noch\nnicht vorliegen").
_GOES_ON = re.compile(r"[a-zäöüß,][ \t]*\n[ \t]*[a-zäöüß]")
#: Lines that go on before a text counts as laid out in lines (see :func:`hard_wrapped`).
WRAPS_AT_LEAST = 8


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is laid out in lines, as a PDF's text layer saved without form feeds
    is: at least :data:`WRAPS_AT_LEAST` lines, and one in twelve of its line breaks, go on
    in the next line in mid-sentence. A text with a paragraph a line never does so
    except in a formula ("Der Landtag wolle beschließen,\ndie Landesregierung zu ersuchen")."""
    wraps = len(_GOES_ON.findall(text))
    return wraps >= WRAPS_AT_LEAST and wraps * 12 >= text.count("\n")


def unwrapped(text: str) -> str:
    """Turn line wraps into spaces, keeping paragraph breaks and list items (same length)."""
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    wide = lengths[int(len(lengths) * 0.75)] if lengths else 0
    joined = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        body = line.rstrip()
        wraps = (
            body and nxt.strip()
            and len(body) >= 0.6 * wide
            and not body.endswith(":")
            and not _LIST_START.match(nxt)
        )
        joined.append(line + (" " if wraps else "\n"))
    joined.append(lines[-1])
    return "".join(joined)


@lru_cache(maxsize=1)
def furniture_patterns() -> tuple[re.Pattern[str], ...]:
    """Running headers and publication footers of parliamentary papers (data file)."""
    from sovkg.extract.pipeline_data import data_lines

    return tuple(re.compile(line, re.MULTILINE) for line in data_lines("furniture.txt"))


def find_furniture(text: str) -> list[tuple[int, int]]:
    """Source ranges of running headers and footers: those the patterns describe, and
    any line that names only a parliament, its Drucksache, Wahlperiode and page."""
    ranges = []
    for pattern in furniture_patterns():
        ranges += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return _merged(ranges + _running_headers(text))


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping ranges as one (a header line inside a header block)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_HEADER_DRUCKSACHE = re.compile(r"Drucksache\s+\d{1,2}\s?/\s?\d{1,6}")
#: one character or number at a time, so that a long run of spaces cannot be split in
#: exponentially many ways before a line fails to match (laid-out headers have such runs)
_HEADER_REST = re.compile(r"(?:\d{1,2}\.\s*Wahlperiode|Seite\s+\d+(?:\s*(?:/|von)\s*\d+)?|\d+(?!\d)|[\s\-–•·|,])*")


def _running_headers(text: str) -> list[tuple[int, int]]:
    """Lines such as "Drucksache 8/5120 Landtag Mecklenburg-Vorpommern - 8. Wahlperiode" or
    "2   Hessischer Landtag · 21. Wahlperiode · Drucksache 21/1987": a parliament's name
    and a Drucksache number, and nothing but a Wahlperiode and a page number besides."""
    from sovkg.extract.layouts.common import parliaments

    ranges = []
    for line in re.finditer(r"[^\n\f]{10,160}", text):
        if not _HEADER_DRUCKSACHE.search(line.group(0)):
            continue
        for parliament in (p for p in parliaments() if p.pattern.search(line.group(0))):
            rest = parliament.pattern.sub("", _HEADER_DRUCKSACHE.sub("", line.group(0)), count=1)
            if _HEADER_REST.fullmatch(rest):
                ranges.append((line.start(), line.end()))
                break
    return ranges


# --- pages -------------------------------------------------------------------------

_EDGE_LINES = 3
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:Seite\s+)?\d{1,4}(?:\s*[-–])?(?:\s*(?:/|von)\s*\d{1,4})?\s*$")


def split_pages(text: str) -> tuple[list[str], list[int]]:
    """Pages of a text layer saved with form feeds (as ``pdftotext`` writes it), and
    the start offset of each; one page for text without them."""
    pages = text.split("\f")
    starts, position = [], 0
    for page in pages:
        starts.append(position)
        position += len(page) + 1
    return pages, starts


def page_furniture(text: str, pages: list[str], starts: list[int]) -> tuple[tuple[int, int], ...]:
    """Running headers and footers: lines that repeat at the top or bottom of several
    pages (digits ignored, so page numbers and dates do not hide a repeat), lone page
    numbers at a page's edge, and the known furniture patterns."""
    edges = _repeated_edges(pages, starts) if len(pages) > 1 else []
    markers = [cut for page, base in zip(pages, starts) for cut in footnote_markers(page, base)]
    return tuple(_merged(edges + markers + find_furniture(text)))


#: a footnote at a page's foot: its number, then its text ("7 https://www.govstack.global/")
_FOOTNOTE = re.compile(r"^[ \t]*(\d{1,3})[ \t]+\S", re.MULTILINE)
#: digits glued to the end of a word, a closing quote or parenthesis ("GovStack7", "C535",
#: „BayernCloud Schule“48, "(GXFS)32"), a footnote's mark
_MARKED_WORD = re.compile(r"(?:(?<=[^\W\d_])|(?<=[“”\")]))(\d{1,3})(?=[\s.,;:!?)\]]|$)")


def footnote_markers(page: str, base: int = 0) -> list[tuple[int, int]]:
    """Footnote marks glued to words ("die Initiative GovStack7", "nach BSI C535"), as
    ranges to drop: digits ending a word, before the footnote of that number on the same
    page, which lies in the page's last third (so a numbered list above is no footnote).
    The longest trailing digits that number a footnote are the mark ("C535": "35", "C5"
    stays)."""
    foot = len(page) * 2 // 3
    notes = {int(m.group(1)): m.start() for m in _FOOTNOTE.finditer(page) if m.start() >= foot}
    cuts = []
    for match in _MARKED_WORD.finditer(page):
        digits = match.group(1)
        for k in range(len(digits)):  # the longest suffix first
            number = int(digits[k:])
            if digits[k] != "0" and number in notes and match.end() < notes[number]:
                cuts.append((base + match.start() + k, base + match.end()))
                break
    return cuts


def _lines_with_offsets(text: str, base: int) -> list[tuple[int, int, str]]:
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((base + position, base + position + len(line), line))
        position += len(line) + 1
    return lines


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip()))


def _repeated_edges(pages: list[str], starts: list[int]) -> list[tuple[int, int]]:
    edges = []
    for text, base in zip(pages, starts):
        lines = [entry for entry in _lines_with_offsets(text, base) if entry[2].strip()]
        edges.append(lines[:_EDGE_LINES] + lines[-_EDGE_LINES:])
    counts = Counter(_shape(line) for page in edges for _s, _e, line in set(page))
    needed = 2 if len(pages) >= 2 else 10**9
    ranges = []
    for page in edges:
        for start, end, line in page:
            if counts[_shape(line)] >= needed or _PAGE_NUMBER.match(line):
                ranges.append((start, end))
    return ranges
