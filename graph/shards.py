"""A build's graph in pieces that are made, checked and written one at a time.

Holding a corpus as one rdflib graph cost memory in proportion to the corpus and made
every build redo everything. Instead each document becomes one :class:`DocumentShard`:
its named graph and its part of the provenance graph as Turtle statements, checked
against the shapes on their own, with what the build's description needs to know of
them (how many triples, which relations). The entities are cut into shards by the first
letters of their keys. Each shard is a pure function of its inputs, so it can be made in
any process and cached by a hash of those inputs; written in a fixed order, the shards
give the same bytes however and wherever they were made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from sovkg.extract.records import DocumentExtraction, Entity
from sovkg.graph import rdf
from sovkg.graph.serialize import TermWriter, statements
from sovkg.graph.validate import checker

INDENT = "    "
_ENTITY_PREFIX = str(rdf.entity_iri("x"))[:-1]


@dataclass(frozen=True, slots=True)
class Piece:
    """Turtle statements of one named graph's share, and what checking them found."""

    text: str
    triples: int
    violations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentShard:
    """One source file's share of the graph."""

    key: str
    document: Piece
    """The file's named graph (``…/id/graph/doc/<key>``)."""
    provenance: Piece
    """Its sentences, mentions and evidence, written into the provenance graph."""
    shared: frozenset[tuple[str, str, str]]
    """Triples about entities (the relations it states): other documents may state them too."""


@dataclass(frozen=True, slots=True)
class RenderTask:
    """What a worker needs to render one document: the linked records and the types of
    the entities they refer to (the shapes check that a mention refers to an entity)."""

    item: DocumentExtraction
    entity_types: Mapping[str, tuple[str, ...]]
    validate: bool
    shapes: Path
    ontology: Path


def render_document(task: RenderTask) -> DocumentShard:
    """The shard of one linked document, checked against the shapes if asked."""
    item = task.item
    graph, provenance = Graph(), Graph()
    rdf.add_document(graph, provenance, item)
    terms = writer()
    violations: tuple[str, ...] = ()
    if task.validate:
        violations = _check_document(task, graph, provenance)
    shared = frozenset((str(s), str(p), str(o)) for s, p, o in graph if str(s).startswith(_ENTITY_PREFIX))
    return DocumentShard(
        key=item.document.key,
        document=Piece(statements(graph, terms, INDENT), len(graph), violations),
        provenance=Piece(statements(provenance, terms, INDENT), len(provenance)),
        shared=shared,
    )


def _check_document(task: RenderTask, graph: Graph, provenance: Graph) -> tuple[str, ...]:
    """The document's triples with the types of the entities they name. The document's
    own nodes are focus nodes; the entities are checked once, in their shards, except
    one the build does not know, which is checked here (and lacks its label)."""
    from sovkg.ontology import SOVKG

    typed = [(rdf.entity_iri(key), RDF.type, SOVKG[t]) for key, types in task.entity_types.items() for t in types]
    known = {str(rdf.entity_iri(key)) for key in task.entity_types}
    triples = [*graph, *provenance]
    focus = sorted({node for s, p, o in triples for node in ((s,) if p == RDF.type else (s, o))
                    if isinstance(node, URIRef) and (not str(node).startswith(_ENTITY_PREFIX) or str(node) not in known)})
    return checker(task.shapes, task.ontology).check([*triples, *typed], focus=focus)


def entity_piece(entities: Iterable[Entity], *, validate: bool, shapes: Path, ontology: Path) -> Piece:
    """A shard of the entities graph: the build cuts it by the first two letters of the
    keys, so a new document changes few shards and few are checked again."""
    graph = Graph()
    rdf.add_entities(graph, entities)
    return graph_piece(graph, validate=validate, shapes=shapes, ontology=ontology)


def graph_piece(graph: Graph, *, validate: bool, shapes: Path, ontology: Path) -> Piece:
    """A graph that is one shard (the knowledge base, the build's description)."""
    violations = checker(shapes, ontology).check(graph) if validate else ()
    return Piece(statements(graph, writer(), INDENT), len(graph), violations)


@lru_cache(maxsize=1)
def writer() -> TermWriter:
    """The one term writer of a process (its prefixes are sorted once)."""
    return TermWriter(rdf.PREFIXES)
