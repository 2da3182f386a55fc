"""Reader of the German Legal Entity Recognition corpus (Leitner et al. 2019).

One ``token TAG`` line per token, IOB2, a blank line between sentences; the dev and
test files end their lines with CRLF, the derived train file with LF.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sovkg.extract.training.corpus import Sentence, blocks


def read(path: Path) -> Iterator[Sentence]:
    """The sentences of one LER file."""
    with path.open(encoding="utf-8", newline=None) as lines:
        for block in blocks(lines):
            pairs = [line.rsplit(" ", 1) for line in block]
            yield Sentence(tuple(p[0] for p in pairs), tuple(p[-1] for p in pairs))
