"""One file read and extracted: the unit of work a build hands to its workers.

It is a plain function of plain, picklable values, so it runs the same in the build's
own process, in a local worker process or on a Dask worker, and a file that cannot be
read comes back as one line saying why instead of stopping the others.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sovkg.errors import InputError
from sovkg.extract.records import DocumentExtraction

#: Relations found with less confidence are left out (``sovkg build --min-confidence``).
#: Chosen on the development set, where relation F1 is the same from 0.5 to 0.7 and falls
#: above (0.956 at 0.75, 0.821 at 0.8, with the knowledge base): 0.6 is that range's middle
#: (and the best of 0.5 / 0.6 / 0.7 on the held-out set as well). Checked again with the
#: relation model, on the ten development sets each scored by a model that never saw it
#: (with the knowledge base, pooled): F1 0.468 at 0.5, 0.471 at 0.6, 0.432 at 0.65, 0.403
#: at 0.7, precision 0.78 / 0.81 / 0.81 / 0.81; still the best.
DEFAULT_MIN_CONFIDENCE = 0.6


@dataclass(frozen=True, slots=True)
class ExtractTask:
    path: str
    key: str
    """The document's key in this build (a file name seen twice gets "-2")."""
    kb: str
    """The knowledge base's file, or "none"."""
    ner: bool = False
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    """Relations a rule or pattern found with less confidence are dropped."""


@dataclass(frozen=True, slots=True)
class Extracted:
    item: DocumentExtraction | None
    failure: str | None = None
    """Why the file could not be read (then ``item`` is None)."""
    warnings: tuple[str, ...] = ()


def extract_file(task: ExtractTask) -> Extracted:
    """Read ``task.path`` and run the pipeline over it (loaded once per process)."""
    from sovkg.extract.extractor import extract_documents
    from sovkg.extract.nlp import load_pipeline
    from sovkg.extract.reader import read_source

    try:
        result = read_source(Path(task.path))
    except InputError as exc:
        return Extracted(None, failure=str(exc))
    document = result.document
    if document.key != task.key:
        document = replace(document, key=task.key)
    nlp = load_pipeline(kb=task.kb, ner=task.ner)
    # The records are plain strings, so the strings spaCy learns from this document can go
    # when it is done: a worker's memory stays flat over thousands of documents.
    with nlp.memory_zone():
        (item,) = extract_documents([document], nlp)
    item = replace(item, candidates=tuple(c for c in item.candidates if c.confidence >= task.min_confidence))
    warnings = [result.warning] if result.warning else []
    warnings += [f"{document.source}: {note}" for part in item.parts for note in part.notes]
    return Extracted(item, warnings=tuple(warnings))
