"""Reader of GermEval 2014 NER (Benikova et al. 2014), outer column.

Tab-separated ``index token outer nested`` rows, a ``#`` line with the source URL
before each sentence. Only the outer column is read: spaCy's NER predicts one layer,
and the shared task's main metric is the outer one. Labels keep their ``deriv`` and
``part`` suffixes (``B-LOCderiv``); whether those are names is the label map's call.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sovkg.extract.training.corpus import Sentence, blocks


def read(path: Path) -> Iterator[Sentence]:
    """The sentences of one GermEval 2014 ``.tsv`` file."""
    with path.open(encoding="utf-8") as lines:
        for block in blocks(lines):
            rows = [line.split("\t") for line in block if not line.startswith("#\t")]
            if rows:
                yield Sentence(tuple(r[1] for r in rows), tuple(r[2] for r in rows))
