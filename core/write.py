"""The last phase of ``sovkg build``: the shards streamed into the output folder.

``graph.trig`` holds one block per named graph in the order of their names; each block
is its shards' statements one after the other, read from the build cache one at a time,
so writing holds one document's text at a time whatever the corpus. ``graph.ttl`` is the
same statements without the graph blocks (a subject may recur; Turtle merges). The
on-disk store is the previous build's store changed by the difference, or loaded whole
(:mod:`sovkg.graph.store_writer`), and the view is drawn from it. All of it goes into a
fresh folder that replaces the output folder in one step (:mod:`sovkg.graph.outputs`).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from rdflib import Graph, Literal, URIRef

log = logging.getLogger("sovkg.build")

if TYPE_CHECKING:
    from sovkg.builder import Document, _Run
    from sovkg.extract.linker import Linking
    from sovkg.graph.shards import DocumentShard, Piece

#: The pieces of the build in the output folder, so that the next build can change its store.
MANIFEST = ".sovkg-manifest"


def write_build(run: _Run, documents: list[Document], linking: Linking, shards: dict[str, DocumentShard]) -> None:
    """Write the build's files, store and view; fill in the report."""
    from sovkg import __version__
    from sovkg.builder import HTML, STORE, TRIG, TURTLE, fault
    from sovkg.graph.outputs import write_output_set

    documents = sorted(documents, key=lambda d: str(_graph_of(d.key)))
    tick = run.ticker("writing", 3)
    statics = _static_pieces(run, linking)
    description = _description(run, documents, linking, shards, statics)
    run.report.violations = tuple(sorted(set(_violations(shards, statics, description))))
    run.report.validated = run.validate

    parts = _parts(documents, shards, statics, description)

    def produce(folder: Path) -> None:
        _write_graphs(folder / TRIG, folder / TURTLE, run, documents, statics, description)
        tick()
        fault("write")  # the test hook: killed with one output written
        _write_store(folder, run, parts, description)
        tick()
        _write_view(folder / HTML, folder / STORE, title=_title(documents))
        tick()

    written = write_output_set(run.report.out, (TRIG, TURTLE, HTML, STORE, MANIFEST), produce)
    run.report.files += [p for p in written if p.name in (TRIG, TURTLE, HTML)]
    run.report.description = f"sovkg {__version__}, {description.date}, CC BY 4.0; VoID/DCAT in graph " \
                             f"{description.name}"


def _graph_of(key: str) -> URIRef:
    from sovkg.graph.rdf import document_graph

    return document_graph(key)


@dataclass(frozen=True, slots=True)
class _Statics:
    """The pieces made once per build: entities (in shards), knowledge base, ontology;
    each as (cache key, piece)."""

    entities: list[tuple[str, Piece]]
    kb: tuple[str, Piece] | None
    ontology: tuple[str, Piece]
    kb_triples: set[tuple]
    ontology_triples: set[tuple]


def _static_pieces(run: _Run, linking: Linking) -> _Statics:
    from itertools import groupby

    from sovkg.cache import digest
    from sovkg.graph.shards import entity_piece
    from sovkg.ontology import ontology_path

    shapes, ontology_file = ontology_path("shapes.ttl"), ontology_path("sovkg.ttl")
    entities = []
    for bucket, group in groupby(linking.entities.values(), key=lambda e: e.key[:2]):
        group = list(group)
        key = digest(run.fingerprint, "entities", group, run.validate)
        piece = run.cache.get("piece", key)
        if piece is None:
            piece = entity_piece(group, validate=run.validate, shapes=shapes, ontology=ontology_file)
            run.cache.put("piece", key, piece)
        entities.append((key, piece))
    kb, kb_triples = _cached_piece(run, "kb", run.kb_path, validate=run.validate)
    ontology, ontology_triples = _cached_piece(run, "ontology", ontology_file, validate=False)
    return _Statics(entities, kb if kb_triples else None, ontology, kb_triples, ontology_triples)


def _cached_piece(run: _Run, name: str, path: Path | None, *, validate: bool) -> tuple[tuple[str, Piece], set]:
    """The piece of a graph file (knowledge base, ontology) and its triples, parsed only
    when the cache has not got them (the fingerprint covers the files)."""
    from sovkg.cache import digest
    from sovkg.graph.shards import graph_piece
    from sovkg.ontology import ontology_path

    key = digest(run.fingerprint, name, validate)
    piece, triples = run.cache.get("piece", key), run.cache.get("triples", key)
    if piece is None or triples is None:
        graph = Graph().parse(path, format="turtle") if path is not None else Graph()
        piece = graph_piece(graph, validate=validate, shapes=ontology_path("shapes.ttl"),
                            ontology=ontology_path("sovkg.ttl"))
        triples = set(graph)
        run.cache.put("piece", key, piece)
        run.cache.put("triples", key, triples)
    return (key, piece), triples


def _parts(documents: list[Document], shards: dict[str, DocumentShard], statics: _Statics,
           description: _Description) -> list:
    """The build as pieces of named graphs, for the store (:mod:`sovkg.graph.store_writer`)."""
    from sovkg.graph import rdf
    from sovkg.graph.store_writer import Part

    parts = [Part(str(description.name), "build", "")]
    for document in documents:
        shard = shards[document.key]
        parts.append(Part(str(_graph_of(document.key)), "shard", document.shard, "document"))
        if shard.provenance.triples:
            parts.append(Part(str(rdf.PROVENANCE_GRAPH), "shard", document.shard, "provenance"))
    parts += [Part(str(rdf.ENTITIES_GRAPH), "piece", key) for key, _piece in statics.entities]
    parts.append(Part(str(rdf.ONTOLOGY_GRAPH), "piece", statics.ontology[0], static=True))
    if statics.kb is not None:
        parts.append(Part(str(rdf.KB_GRAPH), "piece", statics.kb[0], static=True))
    return parts


def _write_store(folder: Path, run: _Run, parts: list, description: _Description) -> None:
    """The store of this build: the previous one changed by the difference, else loaded whole."""
    import pickle

    from sovkg.builder import STORE, TRIG
    from sovkg.graph import store_writer
    from sovkg.graph.shards import writer

    def text(part) -> str | None:
        if part.kind == "build":
            return description.piece.text
        found = run.cache.get(part.kind, part.key, keep=part in current)
        return None if found is None else found.text if part.kind == "piece" else getattr(found, part.field).text

    current = set(parts)
    previous = Path(run.report.out) / MANIFEST
    try:
        old = pickle.loads(previous.read_bytes()) if not run.rebuild else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        old = None
    if old is None or not store_writer.update(folder / STORE, previous.parent / STORE, old, parts, text,
                                              writer().header()):
        shutil.rmtree(folder / STORE, ignore_errors=True)
        store_writer.load_whole(folder / STORE, folder / TRIG)
    (folder / MANIFEST).write_bytes(pickle.dumps(parts, protocol=5))


@dataclass(frozen=True, slots=True)
class _Description:
    graph: Graph
    piece: Piece
    name: URIRef
    date: Literal


def _description(run: _Run, documents: list[Document], linking: Linking, shards: dict[str, DocumentShard],
                 statics: _Statics) -> _Description:
    """The build's VoID/DCAT description, from counts; fills in the report's counts."""
    from sovkg import __version__
    from sovkg.graph import rdf
    from sovkg.graph.description import DATASET, DESCRIPTION_GRAPH, description
    from sovkg.graph.shards import graph_piece
    from sovkg.ontology import SOVKG, ontology_path
    from rdflib import DCTERMS

    shared = {(URIRef(s), URIRef(p), URIRef(o)) for shard in shards.values() for s, p, o in shard.shared}
    common = shared | statics.kb_triples | statics.ontology_triples
    extra = sum(1 for triple in rdf.entity_triples(linking.entities.values()) if triple not in common)
    private = sum(s.document.triples - len(s.shared) + s.provenance.triples for s in shards.values())
    relations = rdf.relations_by_predicate(shared | statics.kb_triples)
    names = [_graph_of(d.key) for d in documents] + [rdf.ENTITIES_GRAPH, rdf.ONTOLOGY_GRAPH]
    names += [rdf.KB_GRAPH] if statics.kb is not None else []
    names += [rdf.PROVENANCE_GRAPH] if any(s.provenance.triples for s in shards.values()) else []
    classes = Counter(SOVKG[t] for e in linking.entities.values() for t in e.types)
    graph = description(
        names, [(d.key, d.summary.source, d.summary.sha256) for d in documents], version=__version__,
        triples=private + len(common) + extra, entities=len(linking.entities), classes=classes, relations=relations)
    piece = graph_piece(graph, validate=run.validate, shapes=ontology_path("shapes.ttl"),
                        ontology=ontology_path("sovkg.ttl"))
    report = run.report
    report.files_read = len(documents)
    report.documents = sum(d.summary.parts for d in documents)
    report.relations_by_predicate = Counter(relations)
    report.relations = sum(relations.values())
    report.entities_by_type = Counter(t for e in linking.entities.values() for t in e.types[:1])
    report.triples = private + len(common) + extra + len(graph)
    return _Description(graph, piece, DESCRIPTION_GRAPH, graph.value(DATASET, DCTERMS.created))


def _violations(shards: dict[str, DocumentShard], statics: _Statics, description: _Description) -> Iterator[str]:
    for shard in shards.values():
        yield from shard.document.violations
    pieces = [p for _k, p in statics.entities] + ([statics.kb[1]] if statics.kb is not None else [])
    for piece in [*pieces, description.piece]:
        yield from piece.violations


def _write_graphs(trig_path: Path, turtle_path: Path, run: _Run, documents: list[Document], statics: _Statics,
                  description: _Description) -> None:
    """Both files in one pass over the documents' shards; the provenance block, which
    TriG wants after the others, waits in a side file meanwhile."""
    from sovkg.graph import rdf
    from sovkg.graph.shards import writer

    header = writer().header()
    side = trig_path.with_name(".provenance.part")
    with _synced(trig_path) as trig, _synced(turtle_path) as turtle, open(side, "w+", encoding="utf-8") as prov:
        trig.write(header)
        turtle.write(header)
        _block(trig, turtle, description.name, [description.piece.text])
        for document in documents:
            shard = run.cache.get("shard", document.shard)
            _block(trig, turtle, _graph_of(document.key), [shard.document.text], separator="\n")
            if shard.provenance.text:
                prov.write(("\n" if prov.tell() else "") + shard.provenance.text)
                turtle.write("\n" + shard.provenance.text)
        _block(trig, turtle, rdf.ENTITIES_GRAPH, [p.text for _k, p in statics.entities], separator="\n")
        if statics.kb is not None:
            _block(trig, turtle, rdf.KB_GRAPH, [statics.kb[1].text], separator="\n")
        _block(trig, turtle, rdf.ONTOLOGY_GRAPH, [statics.ontology[1].text], separator="\n")
        if prov.tell():
            trig.write(f"\n{writer().iri(str(rdf.PROVENANCE_GRAPH))} {{\n")
            prov.seek(0)
            shutil.copyfileobj(prov, trig)
            trig.write("}\n")
    side.unlink()


def _block(trig: IO[str], turtle: IO[str], name: URIRef, texts: Iterable[str], separator: str = "") -> None:
    from sovkg.graph.shards import writer

    body = "\n".join(t for t in texts if t)
    trig.write(f"{separator}{writer().iri(str(name))} {{\n{body}}}\n")
    turtle.write(("\n" if separator else "") + body)


@contextmanager
def _synced(path: Path) -> Iterator[IO[str]]:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def _write_view(path: Path, store_folder: Path, *, title: str) -> None:
    """The build's overview, drawn from the store just written (nothing is parsed again):
    its most central nodes, as many as the browser lays out itself, so that a build of
    any size spends no time on a layout (``sovkg view`` draws larger or narrower views)."""
    from sovkg.graph.network import load_graph, to_networkx
    from sovkg.graph.view import PHYSICS_NODE_LIMIT, render_view

    graph = load_graph(store_folder.parent)
    page = render_view(to_networkx(graph, mentioned_only=True), title="sovkg – " + title,
                       max_nodes=PHYSICS_NODE_LIMIT)
    with _synced(path) as handle:
        handle.write(page)


def _title(documents: list[Document]) -> str:
    names = [d.summary.source for d in documents]
    return names[0] if len(names) == 1 else f"{len(names)} documents"
