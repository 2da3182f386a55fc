"""The one record every corpus reader yields: a tokenised sentence with IOB2 tags.

Readers keep the corpus's own fine labels (``B-GRT``, ``I-location-city``); mapping
them to coarse classes is the label map's job, so a reader can be tested against the
file it reads and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    """Tokens, one IOB2 tag per token (``O``, ``B-X``, ``I-X``), and whether a space follows each."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    spaces: tuple[bool, ...] | None = None

    def __post_init__(self) -> None:
        if len(self.words) != len(self.tags):
            raise ValueError(f"{len(self.words)} words but {len(self.tags)} tags: {self.words[:8]}")


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens ``start`` to ``end`` (exclusive) carry one entity of ``label``."""

    start: int
    end: int
    label: str


def iob_spans(tags: Iterable[str]) -> list[Span]:
    """The entity spans of an IOB1/IOB2 tag sequence.

    An ``I-X`` after ``O`` or after another label opens a new span, as the CoNLL
    evaluation script reads it, so corpora with sloppy IOB2 still give whole spans.
    """
    spans: list[Span] = []
    start, label = -1, ""
    i = -1
    for i, tag in enumerate(tags):
        prefix, _, name = tag.partition("-")
        if prefix == "I" and name == label:
            continue
        if label:
            spans.append(Span(start, i, label))
        start, label = (i, name) if prefix in ("B", "I") else (-1, "")
    if label:
        spans.append(Span(start, i + 1, label))
    return spans


def blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    """Groups of non-blank lines separated by blank lines (the CoNLL sentence layout)."""
    block: list[str] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block
