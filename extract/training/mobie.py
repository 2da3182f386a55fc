"""Reader of the DFKI MobIE corpus in its CoNLL-2003 export (Hennig et al. 2021).

``token POS chunk TAG`` per line (tab-separated), ``-DOCSTART-`` lines between documents (tweets,
traffic and police reports) and blank lines between sentences.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sovkg.extract.training.corpus import Sentence, blocks


def read(path: Path) -> Iterator[Sentence]:
    """The sentences of one MobIE ``.conll2003`` file."""
    with path.open(encoding="utf-8") as lines:
        for block in blocks(lines):
            rows = [line.rsplit(None, 3) for line in block if not line.startswith("-DOCSTART-")]
            if rows:
                yield Sentence(tuple(r[0] for r in rows), tuple(r[-1] for r in rows))
