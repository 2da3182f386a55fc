"""One place that knows which reader reads which corpus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from sovkg.extract.training import germeval, ler, mobie, smartdata, ud
from sovkg.extract.training.corpus import Sentence

READERS: dict[str, Callable[[Path], Iterator[Sentence]]] = {
    "ler": ler.read,
    "germeval": germeval.read,
    "smartdata": smartdata.read,
    "mobie": mobie.read,
    "ud": ud.read,
}


def read_corpus(corpus: str, path: Path) -> Iterator[Sentence]:
    """The sentences of ``path`` read as ``corpus`` (a key of :data:`READERS`)."""
    try:
        reader = READERS[corpus]
    except KeyError:
        raise ValueError(f"no reader for corpus {corpus!r}; known: {', '.join(sorted(READERS))}") from None
    if not path.is_file():
        raise FileNotFoundError(f"{path}: corpus file not found (is --corpora the folder holding ler/, germeval2014/, ...?)")
    return reader(path)
