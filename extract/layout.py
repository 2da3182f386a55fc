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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

#: A word split at a line end: the hyphen, the line break and the next line's indent
#: go; only when the next line goes on in lower case ("Bundes-\nregierung"), because
#: "Open-\nSource" keeps its hyphen as a compound.
_SPLIT_WORD = re.compile(r"(?<=[A-Za-zÄÖÜäöüß])-[ \t]*\r?\n[ \t]*(?=[a-zäöüß])")


@dataclass(frozen=True, slots=True)
class TextView:
    text: str
    points: tuple[int, ...] = (0,)
    shifts: tuple[int, ...] = (0,)
    """From analysed position ``points[i]`` on, source = analysed + ``shifts[i]``."""

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the analysed span ``[start, end)``."""
        if len(self.points) == 1:
            return start, end
        return self._at(start), (self._at(end - 1) + 1 if end > start else self._at(start))

    def _at(self, position: int) -> int:
        return position + self.shifts[bisect_right(self.points, position) - 1]


def analysed_view(source: str, *, drop: Iterable[tuple[int, int]] = (), unwrap: bool = False) -> TextView:
    """The analysed text: ``drop`` ranges removed, split words joined.

    With ``unwrap`` (text laid out in lines, as from PDF), a single line break inside
    a paragraph becomes a space, so that sentences run on across lines.
    """
    cuts = sorted(set(drop) | {(m.start(), m.end()) for m in _SPLIT_WORD.finditer(source)})
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
    text = "".join(parts)
    if unwrap:
        text = _unwrap(text)
    return TextView(text, tuple(points), tuple(shifts))


_LIST_START = re.compile(r"^\s*(?:[-•–*]|\d{1,2}\.|[a-z]\)|\d{1,2}\))\s")


def _unwrap(text: str) -> str:
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
    data = files("sovkg.extract").joinpath("data", "furniture.txt").read_text(encoding="utf-8")
    return tuple(
        re.compile(line, re.MULTILINE)
        for line in data.splitlines()
        if line.strip() and not line.startswith("#")
    )


def find_furniture(text: str) -> list[tuple[int, int]]:
    """Source ranges of running headers and footers found by the patterns."""
    ranges = []
    for pattern in furniture_patterns():
        ranges += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return sorted(ranges)
