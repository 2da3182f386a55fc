"""``sovkg evaluate``: build documents and score them against gold annotations.

Users measure sovkg on their own annotated documents with this: the gold format is
the extraction contract's; documents are found by the gold files' ``document`` names
among the paths given (files or folders), or in the bundled sample.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sovkg.errors import SovkgError
from sovkg.extract.reader import TEXT_SUFFIXES
from sovkg.extract.tasks import DEFAULT_MIN_CONFIDENCE


def evaluate(gold: Path, paths: Sequence[Path] = (), *, kb: str | Path | None = "default", ner: bool = False,
             min_confidence: float = DEFAULT_MIN_CONFIDENCE):
    """Score the documents the gold files name; returns a :class:`~sovkg.graph.evaluate.Score`."""
    from sovkg.builder import build_dataset, sample_paths
    from sovkg.graph.evaluate import load_gold, score

    golds = load_gold(gold)
    available = {}
    for path in [*paths, *sample_paths()]:
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES) if path.is_dir() else [path]
        for file in files:
            available.setdefault(file.name, file)
    missing = [g["document"] for g in golds if g["document"] not in available]
    if missing:
        raise SovkgError(
            f"{gold}: no document named {missing[0]!r} among the paths given; "
            "pass the documents (files or folders) after --gold"
        )
    documents = sorted({available[g["document"]] for g in golds})
    return score(build_dataset(documents, kb=kb, ner=ner, min_confidence=min_confidence), golds)
