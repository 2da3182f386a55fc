"""Document layouts of German parliaments and other publishers, chosen through a registry.

>>> from sovkg.extract.layouts import parse_document
>>> [part.kind for part in parse_document("Pressemitteilung\\nDas Ministerium teilt mit: …")]
['PressRelease']

See :mod:`sovkg.extract.layouts.base` for the interface and how to add a layout.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from sovkg.extract.layouts.base import Layout, Paper, register, registry
from sovkg.extract.layouts.checks import checked
from sovkg.extract.records import DocumentPart

__all__ = ["Layout", "Paper", "available_layouts", "choose_layout", "parse_document", "register"]


@lru_cache(maxsize=1)
def available_layouts() -> tuple[Layout, ...]:
    """Every registered layout, one instance each, by name."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return tuple(factory() for _, factory in sorted(registry.get_all().items()))


def choose_layout(paper: Paper) -> Layout:
    """The layout most sure of the paper (ties go to the first by name)."""
    scored = [(layout.detect(paper), layout) for layout in available_layouts()]
    return max(scored, key=lambda pair: pair[0])[1]


def parse_document(text: str, *, furniture: Sequence[str] = (), title: str | None = None) -> list[DocumentPart]:
    """The documents in ``text`` (the analysed text) with offsets into it.

    ``furniture`` are the running headers removed from the text (they carry the
    Drucksache and Wahlperiode of papers whose first page was flattened into them);
    ``title`` is a title the file format states (HTML).
    """
    paper = Paper(text, "\n".join(furniture), title)
    layout = choose_layout(paper)
    return [_read_by(part, layout.name) for part in checked(layout.parse(paper))]


def _read_by(part: DocumentPart, layout: str) -> DocumentPart:
    answers = _read_by(part.answers, layout) if part.answers is not None else None
    return replace(part, layout=layout, answers=answers)
