"""Helpers of the layout tests: papers of several parliaments, read as sovkg reads them."""

from __future__ import annotations

import json
from pathlib import Path

from sovkg.extract.layout import analysed_view
from sovkg.extract.reader import read_source
from sovkg.extract.records import DocumentPart
from sovkg.extract.structure import parse_structure

PARLIAMENTS = Path(__file__).parents[2] / "data" / "parliaments"


def read_paper(path: Path) -> list[DocumentPart]:
    source = read_source(path).document
    view = analysed_view(source.text, drop=source.furniture)  # structure is read from the lines as laid out
    return parse_structure(view.text, furniture=[source.text[s:e] for s, e in source.furniture], title=source.title)


def by_kind(parts: list[DocumentPart]) -> dict[str, DocumentPart]:
    return {part.kind: part for part in parts}


def ni_metadata(folder: Path) -> list[dict]:
    """The Landtag's listing of the papers in ``folder``."""
    return json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
