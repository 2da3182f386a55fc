"""Reading PDF files: the text layer page by page, with running headers found.

The text as read is the pages' text joined by line breaks; page start offsets are
kept so evidence can cite a page. Running headers and footers are found as lines that
repeat at the top or bottom of several pages (digits ignored, so page numbers and
dates do not hide a repeat), lone page numbers, and the known furniture patterns;
they are dropped from the analysed text and kept as metadata.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from sovkg.errors import InputError
from sovkg.extract.layout import find_furniture

_EDGE_LINES = 3
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:Seite\s+)?\d{1,4}(?:\s*[-–])?(?:\s*(?:/|von)\s*\d{1,4})?\s*$")


def read_pdf(path: Path, data: bytes) -> tuple[str, tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Return ``(text, page_starts, furniture_ranges)`` or raise :class:`InputError`."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                opened = 0
            if not opened:
                raise InputError(path, "PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(path, "PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise InputError(path, f"damaged or truncated PDF ({type(exc).__name__}: {exc})".rstrip()) from None
    if not pages or not any(p.strip() for p in pages):
        raise InputError(path, "PDF has no text layer (a scan?); run OCR first, e.g. ocrmypdf")

    starts, position = [], 0
    for text in pages:
        starts.append(position)
        position += len(text) + 1
    full = "\n".join(pages)
    furniture = sorted(set(_repeated_edges(pages, starts)) | set(find_furniture(full)))
    return full, tuple(starts), tuple(furniture)


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
