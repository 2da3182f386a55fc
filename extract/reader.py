"""Reading source files into :class:`~sovkg.extract.records.SourceDocument` records.

The text is decoded from the bytes exactly once and never altered afterwards: every
character offset in the graph refers to this text, so evidence can be cut out of the
source file as read.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sovkg.errors import InputError
from sovkg.extract.layout import find_furniture, page_furniture, split_pages
from sovkg.extract.records import SourceDocument

#: Suffixes picked up when a folder is named.
TEXT_SUFFIXES = (".txt", ".pdf", ".html", ".htm")
_PDF = (".pdf",)
_HTML = (".html", ".htm", ".xhtml")

_BINARY_SIGNATURES = {
    b"%PDF": "a PDF file but not named .pdf; rename it",
    b"PK\x03\x04": "a ZIP archive (or an Office document), not text",
    b"\x89PNG": "a PNG image, not text",
    b"\xff\xd8\xff": "a JPEG image, not text",
    b"\x7fELF": "an executable, not text",
}


@dataclass(frozen=True, slots=True)
class ReadResult:
    document: SourceDocument
    warning: str | None = None
    """A one-line note for the user (e.g. the file was not UTF-8), or None."""


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Expand files and folders into the files to read, in a stable order.

    A path that does not exist is yielded as an :class:`InputError` instead of
    raising, so one bad argument does not stop the others.
    """
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            if not found:
                yield InputError(path, f"folder holds no {', '.join(TEXT_SUFFIXES)} files")
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(path, "is not a regular file (a FIFO, a device or a socket); give files or folders")
        else:
            yield InputError(path, "no such file or folder")


#: Largest file read (bytes): a bound on the time and memory one input may take.
MAX_FILE_BYTES = 20_000_000
#: Largest PDF file read (bytes): PDFs carry images, so their files are larger than their text.
MAX_PDF_BYTES = 200_000_000
#: Longest text analysed (characters, about 1.4 million words).
MAX_TEXT_CHARS = 10_000_000


def read_source(path: Path) -> ReadResult:
    """Read one file as a document, or raise :class:`InputError` saying why not.

    Whatever a third-party reader raises on a damaged or hostile file (deep nesting,
    decompression bombs, anything else) becomes an :class:`InputError` for this file
    alone, and what such a reader logs becomes this file's warning.
    """
    data = _bytes(path)
    with _captured_logs() as logged:
        try:
            text, encoding, fields, note = _text(path, data)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - one hostile file must not end the build
            raise InputError(path, f"could not be read ({type(exc).__name__}: {str(exc)[:160]}); "
                             "the file may be damaged or built to break readers") from None
    if not text.strip():
        raise InputError(path, "file is empty (no text to extract)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(path, f"text too long ({len(text):,} characters, more than {MAX_TEXT_CHARS:,}); "
                         "split the file")
    document = SourceDocument(
        key=document_key(path),
        source=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding=encoding,
        **fields,
    )
    notes = [note] if note else []
    if encoding not in ("utf-8", "utf-8-sig", "pdf"):
        notes.append(f"not UTF-8, decoded as {encoding}; check umlauts in the output")
    if logged:
        notes.append(f"the reader noted: {logged[0]}" + (f" (and {len(logged) - 1} more)" if len(logged) > 1 else ""))
    return ReadResult(document, f"{path}: " + "; ".join(notes) if notes else None)


def _bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        limit = MAX_PDF_BYTES if path.suffix.lower() in _PDF else MAX_FILE_BYTES
        if size > limit:
            raise InputError(path, f"file too large ({size / 1e6:,.0f} MB, more than {limit / 1e6:,.0f} MB); "
                             "split it")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "file is empty (no text to extract)")
    return data


def _text(path: Path, data: bytes) -> tuple[str, str, dict, str | None]:
    """The text as read, its encoding, the format's fields, and a note if any."""
    suffix = path.suffix.lower()
    if suffix in _PDF and b"%PDF" not in data[:1024]:
        text, encoding = decode(data, path)  # binary data is refused here
        return text, encoding, _text_fields(text), "named .pdf but holds no PDF; read as text"
    if suffix in _PDF or (data.startswith(b"%PDF") and suffix not in _HTML):
        from sovkg.extract.pdf import read_pdf

        text, pages, furniture, note = read_pdf(path, data)
        return text, "pdf", {"format": "pdf", "pages": pages, "furniture": furniture}, note
    if suffix in _HTML:
        from sovkg.extract.html import read_html

        markup, encoding = decode(data, path)
        text, title = read_html(markup)
        if not text.strip():
            raise InputError(path, "HTML page has no text outside scripts, styles and navigation")
        return text, encoding, {"format": "html", "title": title, "furniture": tuple(find_furniture(text))}, None
    text, encoding = decode(data, path)
    return text, encoding, _text_fields(text), None


def _text_fields(text: str) -> dict:
    pages, starts = split_pages(text)
    fields: dict = {"furniture": page_furniture(text, pages, starts)}
    if len(pages) > 1:  # a text layer saved with form feeds between pages
        fields["pages"] = tuple(starts)
    return fields


@contextmanager
def _captured_logs() -> Iterator[list[str]]:
    """What third-party readers log while reading one file, instead of on the terminal."""
    records: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage().strip().splitlines()[0][:160] if record.getMessage().strip() else "")

    loggers = [logging.getLogger(name) for name in ("pypdf", "PyPDF2")]
    saved = [(logger.handlers[:], logger.propagate) for logger in loggers]
    handler = _Collect(level=logging.WARNING)
    for logger in loggers:
        logger.handlers, logger.propagate = [handler], False
    try:
        yield records
    finally:
        for logger, (handlers, propagate) in zip(loggers, saved):
            logger.handlers, logger.propagate = handlers, propagate


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode bytes as UTF-8, else as a legacy Windows/ISO encoding; refuse binary data."""
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(path, f"looks like {what}")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(encoding), path), encoding
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    # German legacy text is almost always Windows-1252; its undefined bytes mean latin-1.
    for encoding in ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(encoding), path), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(path, "cannot be decoded as text")  # pragma: no cover - latin-1 decodes all


def _checked(text: str, path: Path) -> str:
    """Reject text that is mostly control characters: a binary file decoded by luck."""
    sample = text[:8192]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"
    )
    if sample and controls / len(sample) > 0.05:
        raise InputError(path, "looks like a binary file (control characters), not text")
    return text


def document_key(path: Path) -> str:
    """A readable key from the file name; the IRI minting makes it safe."""
    stem = re.sub(r"\s+", "-", path.stem.strip())
    return stem or "document"
