"""Reading PDF files: the text layer page by page, with running headers found.

The text as read is the pages' text joined by line breaks; page start offsets are
kept so evidence can cite a page. Running headers and footers are found page by page
(:func:`sovkg.extract.layout.page_furniture`); they are dropped from the analysed
text and kept as metadata. Ligatures that the file's fonts write as other letters
("MarNn", "SoXware") are put back first (:mod:`sovkg.extract.ligatures`): the text as
read is the text layer as it should have been, and every offset refers to it.
"""

from __future__ import annotations

import io
from pathlib import Path

from sovkg.errors import InputError
from sovkg.extract.layout import page_furniture
from sovkg.extract.ligatures import repair_pages

PdfText = tuple[str, tuple[int, ...], tuple[tuple[int, int], ...], str | None]


def read_pdf(path: Path, data: bytes) -> PdfText:
    """Return ``(text, page_starts, furniture_ranges, note)`` or raise :class:`InputError`;
    the note says what was repaired, if anything."""
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
    pages, repair = repair_pages(pages)

    starts, position = [], 0
    for text in pages:
        starts.append(position)
        position += len(text) + 1
    full = "\n".join(pages)
    return full, tuple(starts), page_furniture(full, pages, starts), repair and repair.note()
