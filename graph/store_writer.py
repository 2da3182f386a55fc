"""A build's on-disk Oxigraph store, written whole or changed from the previous one.

A build is a list of pieces (a document's graph, its provenance, a shard of the
entities, the knowledge base, the ontology, the description), each a run of Turtle
statements in one named graph. The first build loads ``graph.trig`` in batches. A later build
starts from a checkpoint of the previous store (RocksDB hard-links its files, so this
is instant and leaves the previous store untouched) and applies only the difference:
the quads of pieces that went are removed, those of new pieces added, and the default
graph, which holds the union of the named graphs, follows: a triple leaves it only when
no named graph holds it any more. Whenever the difference cannot be known (no previous
store, a piece no longer cached, the ontology or knowledge base changed) or is most of
the build, the store is loaded whole, with the same content.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("sovkg.build")


@dataclass(frozen=True, slots=True, order=True)
class Part:
    """One piece of a build: the named graph it belongs to and where its text is."""

    graph: str
    kind: str
    """The cache's kind ("shard", "piece"), or "build" for the description, made anew each time."""
    key: str
    field: str = ""
    """For a document's shard: "document" or "provenance"."""
    static: bool = False
    """The ontology and the knowledge base: when they change, everything is loaded again."""


#: Quads per write when a store is loaded whole: Oxigraph's bulk loader holds what it is
#: given in memory (a whole build of 1,600 documents took 1.4 GB), so it gets batches.
BATCH = 100_000


def load_whole(folder: Path, trig: Path) -> None:
    """An Oxigraph store on disk with the named graphs of ``trig`` and, as its default
    graph, their union: queries get set semantics, as in rdflib. Memory stays bounded
    by :data:`BATCH` whatever the size of the build."""
    from itertools import islice

    import pyoxigraph as ox

    store = ox.Store(str(folder))
    default = ox.DefaultGraph()
    quads = ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
    while batch := list(islice(quads, BATCH)):
        store.bulk_extend(batch + [ox.Quad(q.subject, q.predicate, q.object, default) for q in batch])
    store.flush()


def update(folder: Path, previous: Path, old: Iterable[Part], new: Iterable[Part],
           text: Callable[[Part], str | None], header: str) -> bool:
    """Make ``folder`` the store of ``new`` from the store of ``old`` at ``previous``;
    False (and nothing made) if the difference cannot be applied exactly."""
    import pyoxigraph as ox

    old, new = set(old), set(new)
    if {p for p in old if p.static} != {p for p in new if p.static}:
        return False
    gone = sorted(p for p in old - new if p.kind != "build")
    if 2 * (len(gone) + len(new - old)) > len(new):  # most of it changed: loading is faster
        return False
    triples_gone = {}
    for part in gone:
        found = _triples(text(part), header)
        if found is None:
            return False
        triples_gone[part] = found
    try:
        ox.Store.read_only(str(previous)).backup(str(folder))
    except OSError as exc:
        log.info("the previous store cannot be reused (%s); loading it whole", exc)
        return False
    store = ox.Store(str(folder))
    candidates = set()
    for part, triples in triples_gone.items():
        for triple in triples:
            store.remove(ox.Quad(*triple, ox.NamedNode(part.graph)))
            candidates.add(triple)
    for graph in sorted({p.graph for p in old if p.kind == "build"}):
        for quad in list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph))):
            store.remove(quad)
            candidates.add((quad.subject, quad.predicate, quad.object))
    for part in sorted(p for p in new if p.kind == "build" or p not in old):
        triples = _triples(text(part), header) or []
        graph = ox.NamedNode(part.graph)
        store.extend([ox.Quad(*t, graph) for t in triples] + [ox.Quad(*t, ox.DefaultGraph()) for t in triples])
    for triple in candidates:
        if not any(q.graph_name != ox.DefaultGraph() for q in store.quads_for_pattern(*triple, None)):
            store.remove(ox.Quad(*triple, ox.DefaultGraph()))
    store.flush()
    log.info("store: %d piece(s) out, %d in, from the previous store", len(gone), len(new - old))
    return True


def _triples(text: str | None, header: str) -> list[tuple] | None:
    """The triples of a piece, or None when it is lost or holds blank nodes (which are
    named anew by every parse, so they cannot be found again to be removed)."""
    import pyoxigraph as ox

    if text is None:
        return None
    triples = [(t.subject, t.predicate, t.object) for t in ox.parse(header + text, format=ox.RdfFormat.TURTLE)]
    if any(isinstance(term, ox.BlankNode) for t in triples for term in t):
        return None
    return triples
