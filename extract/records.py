"""Plain records handed from extraction to the graph builder.

They hold strings and integers only, so they pickle, compare and sort cheaply and the
graph side never needs spaCy objects. Offsets are character offsets into the text as
read from the source file (end exclusive), so evidence can be cut out of it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One source file as read: its text and where it came from."""

    key: str
    """Stable document key, derived from the file name."""
    source: str
    """The file name (not the full path, so builds are reproducible across machines)."""
    sha256: str
    text: str
    encoding: str


@dataclass(frozen=True, slots=True, order=True)
class Sentence:
    doc_key: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One occurrence of an entity in a document."""

    doc_key: str
    start: int
    end: int
    text: str
    entity_key: str
    label: str
    """Entity type, one of the schema's classes (local name)."""
    sentence_start: int
    sentence_end: int
    method: str
    """The spaCy component (and rule) that found it."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One linked entity: the node every mention of it points to."""

    key: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    """Surface forms seen in the documents, other than the label."""
    in_kb: bool = False


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    document: SourceDocument
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one build's documents, linked across documents."""

    documents: list[DocumentExtraction] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
