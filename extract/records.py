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
    """The text as read: every offset in the graph refers to it."""
    encoding: str
    format: str = "text"
    """"text", "pdf" or "html"."""
    pages: tuple[int, ...] = ()
    """Start offset of each page (PDF), so evidence can cite a page."""
    furniture: tuple[tuple[int, int], ...] = ()
    """Ranges of running headers and footers: metadata, left out of the analysis."""
    title: str | None = None
    """A title the file format states (HTML ``<title>``/``<h1>``)."""

    def page_of(self, offset: int) -> int | None:
        """1-based page number of a character offset, or None for unpaged text."""
        if not self.pages:
            return None
        from bisect import bisect_right

        return bisect_right(self.pages, offset)


#: The method of the mention of a paper's parliament, read from its header (a paper's header
#: stands before its parts, and names the parliament of each of them).
PARLIAMENT_METHOD = "sovkg_structure:parliament"


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
    name: str = ""
    """The name as analysed (line-end hyphenation undone, white space collapsed), or a
    canonical name for structural roles ("Ministerium für …")."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One linked entity: the node every mention of it points to."""

    key: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    """Surface forms seen in the documents, other than the label."""
    in_kb: bool = False


@dataclass(frozen=True, slots=True, order=True)
class Relation:
    """One stated relation between two entities, with the sentence that states it."""

    doc_key: str
    subject: str
    """Entity key of the subject."""
    predicate: str
    """Local name of the relation in the ontology (memberOf, fundedBy, …)."""
    object: str
    sentence_start: int
    sentence_end: int
    method: str
    confidence: float
    cue: str = ""
    """The words that state the relation ("der Abgeordneten … FDP", "gefördert von")."""
    amount: str | None = None
    """An amount stated with the relation, as a decimal string ("676200.00")."""
    currency: str | None = None
    year: str | None = None
    anaphor: tuple[int, int] | None = None
    """Where one end was resolved from a description ("das Zentrum"): its offsets."""
    antecedent: tuple[int, int] | None = None
    """... and the offsets of the mention it was resolved to, in this or an earlier sentence."""


@dataclass(frozen=True, slots=True)
class RelationCandidate:
    """A relation a rule found between two spans of a sentence, before linking.

    Offsets refer to the source text; the object may be given by name instead
    ("landesgeförderte …" names no funder but means the Land's government).
    """

    subject: tuple[int, int]
    predicate: str
    object: tuple[int, int] | None
    sentence: tuple[int, int]
    cue: str
    rule: str
    confidence: float
    object_name: str | None = None
    object_type: str | None = None
    amount: str | None = None
    currency: str | None = None
    year: str | None = None
    anaphor: tuple[int, int] | None = None
    """The description ("das Zentrum") one end was resolved from, if it was ..."""
    antecedent: tuple[int, int] | None = None
    """... and that end's mention (the subject's or the object's offsets)."""


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    document: SourceDocument
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    parts: tuple["DocumentPart", ...] = ()
    """The documents in the file, with their structure (offsets into the source)."""
    relations: tuple[Relation, ...] = ()
    candidates: tuple[RelationCandidate, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    """Abbreviations defined in the text: (folded short form, long form)."""
    land: str | None = None
    """The Land the document is about, for names such as "die Landesregierung"."""


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one build's documents, linked across documents."""

    documents: list[DocumentExtraction] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Role:
    """A name in a structural role: an asking member, their party, a ministry."""

    start: int
    end: int
    text: str
    type: str
    """Entity type (local name of the schema class)."""
    name: str
    """Canonical name: "Ministerium für …" for "Die Ministerin für …"."""
    rule: str
    entity_key: str = ""
    """Filled in by the linker."""


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered question, an answer, or a preamble, with offsets into the source."""

    kind: str
    """"question", "answer" or "preamble"."""
    numbers: tuple[str, ...]
    """The questions' numbers as printed: "3", or "1.1" where sub-questions are numbered."""
    start: int
    end: int
    text: str
    declined: str | None = None
    """For an answer: the phrase with which the government declines to answer."""
    author: str = ""
    """For a preamble: "members" (of the Kleine Anfrage) or "government"."""


@dataclass(frozen=True, slots=True)
class DocumentPart:
    """One document found in a source file: a file may hold a Kleine Anfrage and its Antwort."""

    kind: str
    """Class local name: "KleineAnfrage", "Antwort", "PressRelease" or "Document"."""
    start: int
    end: int
    title: str | None = None
    drucksache: str | None = None
    wahlperiode: int | None = None
    number: str | None = None
    date: str | None = None
    """ISO date of the original ("Datum des Originals")."""
    issued: str | None = None
    parliament: str | None = None
    askers: tuple[Role, ...] = ()
    party: Role | None = None
    answered_by: Role | None = None
    on_behalf_of: Role | None = None
    in_agreement_with: tuple[Role, ...] = ()
    publisher: Role | None = None
    answers: "DocumentPart | None" = None
    """For an Antwort: the Kleine Anfrage it answers, as the Antwort cites it."""
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = ()
    """Quality flags, e.g. an issue date before the date of the original."""
    in_file: bool = True
    """False for a document known only from a citation (the answered Kleine Anfrage)."""
    forwarded: str | None = None
    """ISO date the Kleine Anfrage was passed on to the government ("an die Staatskanzlei übersandt am …")."""
    layout: str = ""
    """The layout that read the paper (:mod:`sovkg.extract.layouts`)."""
