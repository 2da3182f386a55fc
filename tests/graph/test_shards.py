"""A document's shard: its graph and provenance as Turtle, checked on its own with the
inference the shapes need, finding what full RDFS inference over the build finds."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from sovkg.graph import rdf
from sovkg.graph.shards import RenderTask, render_document, writer
from sovkg.graph.validate import _violation_lines, checker
from sovkg.ontology import SOVKG, ontology_path

SHAPES, ONTOLOGY = ontology_path("shapes.ttl"), ontology_path("sovkg.ttl")


@pytest.fixture(scope="module")
def linked(corpus):
    from sovkg.builder import extract

    extraction, _ = extract([corpus / "nrw-18-13128-kleine-anfrage-5276.txt"])
    return extraction


def _task(extraction, types=None) -> RenderTask:
    types = {k: e.types for k, e in extraction.entities.items()} if types is None else types
    return RenderTask(extraction.documents[0], types, True, SHAPES, ONTOLOGY)


def test_a_document_renders_to_the_triples_of_its_graph_and_passes(linked) -> None:
    shard = render_document(_task(linked))
    graph, provenance = Graph(), Graph()
    rdf.add_document(graph, provenance, linked.documents[0])
    header = writer().header()
    assert set(Graph().parse(data=header + shard.document.text, format="turtle")) == set(graph)
    assert set(Graph().parse(data=header + shard.provenance.text, format="turtle")) == set(provenance)
    assert (shard.document.triples, shard.provenance.triples) == (len(graph), len(provenance))
    assert shard.document.violations == ()
    relations = {t for t in graph if str(t[0]).startswith(str(rdf.entity_iri("")))}
    assert {tuple(map(str, t)) for t in relations} == set(shard.shared) and shard.shared


def test_a_mention_of_an_entity_the_build_does_not_know_is_a_violation(linked) -> None:
    shard = render_document(_task(linked, types={}))
    assert shard.document.violations
    assert all(line.startswith(str(rdf.entity_iri(""))) and "prefLabel" in line
               for line in shard.document.violations), shard.document.violations[:3]


@pytest.mark.slow
def test_the_checker_finds_what_full_rdfs_inference_finds(linked) -> None:
    """The build used to validate everything at once with pySHACL's RDFS inference; the
    checker adds only what the shapes need. On a graph broken in four ways they agree."""
    import pyshacl

    dataset = rdf.to_dataset(linked, ontology=ONTOLOGY)
    data = Graph()
    for graph in dataset.graphs():
        if graph.identifier != rdf.ONTOLOGY_GRAPH:
            for triple in graph:
                data.add(triple)
    sentence = next(data.subjects(RDF.type, SOVKG.Sentence))
    data.remove((sentence, SOVKG.text, None))  # a sentence without its text
    question = next(data.subjects(RDF.type, SOVKG.Question))
    data.remove((question, SOVKG.partOf, None))  # a question of no Kleine Anfrage
    entity = next(data.subjects(RDF.type, SOVKG.Person))
    data.remove((entity, SKOS.prefLabel, None))  # a person without a name
    data.add((URIRef(str(rdf.entity_iri("x"))), SKOS.prefLabel, Literal("a", lang="de")))
    data.add((URIRef(str(rdf.entity_iri("x"))), SKOS.prefLabel, Literal("b", lang="de")))
    data.add((URIRef(str(rdf.entity_iri("x"))), RDF.type, SOVKG.Initiative))  # two names in one language
    question = next(q for q in data.subjects(RDF.type, SOVKG.Question) if q != question)
    data.add((question, SOVKG.mentions, rdf.entity_iri("nowhere")))  # an entity the build does not hold

    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=Graph().parse(SHAPES), ont_graph=Graph().parse(ONTOLOGY), inference="rdfs",
        allow_warnings=True)
    full = _violation_lines(results)
    assert len(full) >= 5
    assert checker(SHAPES, ONTOLOGY).check(data) == full
