"""The label map: each corpus's fine labels to sovkg's coarse NER classes.

The map is data (``labels.tsv``) so that a reviewer can read and change a decision
without reading code; every line carries its reason. A label missing from the map is
an error rather than silently "O", so a new corpus version cannot shift the classes
unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from sovkg.extract.training.corpus import Sentence, iob_spans

#: Coarse value meaning "not annotated": training ignores these tokens.
UNKNOWN = "-"
OUTSIDE = "O"


class UnknownLabelError(KeyError):
    """A corpus label the map does not list (add a line to ``labels.tsv``)."""


@dataclass(frozen=True, slots=True)
class CoarseSentence:
    """A sentence with coarse IOB tags; ``None`` marks a token left unannotated."""

    words: tuple[str, ...]
    tags: tuple[str | None, ...]
    spaces: tuple[bool, ...] | None = None


def load_label_map(path: Path | None = None) -> dict[tuple[str, str], str]:
    """``(corpus, fine label) -> coarse`` from a TSV file (default: the shipped ``labels.tsv``)."""
    text = path.read_text(encoding="utf-8") if path else (
        files("sovkg.extract.training").joinpath("labels.tsv").read_text(encoding="utf-8"))
    mapping: dict[tuple[str, str], str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise ValueError(f"labels.tsv line {number}: want corpus<TAB>fine<TAB>coarse, got {line!r}")
        mapping[(fields[0], fields[1])] = fields[2]
    return mapping


@cache
def default_label_map() -> dict[tuple[str, str], str]:
    """The shipped map, read once."""
    return load_label_map()


def classes(mapping: dict[tuple[str, str], str]) -> list[str]:
    """The coarse entity classes the map produces, sorted."""
    return sorted({c for c in mapping.values() if c not in (OUTSIDE, UNKNOWN)})


def coarsen(sentence: Sentence, corpus: str, mapping: dict[tuple[str, str], str] | None = None) -> CoarseSentence:
    """The sentence with its fine spans mapped to coarse IOB2 tags (``None`` = unknown)."""
    mapping = default_label_map() if mapping is None else mapping
    tags: list[str | None] = [OUTSIDE] * len(sentence.words)
    for span in iob_spans(sentence.tags):
        try:
            coarse = mapping[(corpus, span.label)]
        except KeyError:
            raise UnknownLabelError(
                f"label {span.label!r} of corpus {corpus!r} is not in labels.tsv; add a line "
                f"'{corpus}<TAB>{span.label}<TAB>coarse class, O or -'") from None
        for i in range(span.start, span.end):
            if coarse == UNKNOWN:
                tags[i] = None
            elif coarse != OUTSIDE:
                tags[i] = ("B-" if i == span.start else "I-") + coarse
    return CoarseSentence(sentence.words, tuple(tags), sentence.spaces)
