"""The data the pipeline's components are initialised with, read through spaCy's registry.

``pipeline.cfg`` names each component's data in its ``[initialize]`` block with one of
these readers, so a user can point the config at lexicons and a knowledge base of their
own (a path) instead of the package's (a name in ``sovkg.extract/data``)::

    [initialize.components.sovkg_patterns.type_nouns]
    @readers = "sovkg.data_file.v1"
    path = "my/type_nouns.tsv"

Once initialised, each component saves what it read with ``nlp.to_disk`` and reads it
back with ``spacy.load``, so a saved pipeline needs neither the package's files nor the
original paths.
"""

from __future__ import annotations

import gzip
from importlib.resources import files
from pathlib import Path

from spacy.util import registry

from sovkg.kb import KBEntry, load_kb, resolve_kb


@registry.readers("sovkg.data_file.v1")
def data_file(path: str) -> str:
    """The text of a data file: a file of the package's ``extract/data`` by name, or any
    file by its path (``.gz`` files are decompressed)."""
    candidate = Path(path)
    data = candidate.read_bytes() if candidate.is_file() else files("sovkg.extract").joinpath("data", path).read_bytes()
    return (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8")


def content_lines(text: str) -> list[str]:
    """A data file's lines without comments ("# …") and blank lines."""
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def data_lines(path: str) -> list[str]:
    """The content lines of a data file (by name in ``extract/data``, or by path)."""
    return content_lines(data_file(path))


@registry.readers("sovkg.kb_entries.v1")
def kb_entries(kb: str = "none", lexicons: list[str] = ()) -> list[KBEntry]:  # noqa: B006 - a config default
    """Entries of a knowledge base ("default", "none" or a Turtle file) and of lexicons
    (``terms.tsv``, ``places.tsv``, ``parties.tsv`` or files of the same layouts)."""
    from sovkg.extract.gazetteer import parse_lexicon

    path = resolve_kb(kb)
    entries = list(load_kb(path)) if path is not None else []
    for name in lexicons:
        entries += parse_lexicon(Path(name).name, data_file(name))
    return entries
