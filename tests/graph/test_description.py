"""The build's VoID/DCAT description: what it counts, and that it meets the shapes."""

from __future__ import annotations

from rdflib import DCTERMS, RDF, VOID, XSD, Dataset, Graph, Literal

from sovkg.graph.description import DATASET, DESCRIPTION_GRAPH, LICENSE, describe
from sovkg.graph.iri import mint
from sovkg.graph.validate import validate
from sovkg.ontology import SOVKG, ontology_path

E = "https://w3id.org/sovkg/id/entity/"


def _graphs() -> dict:
    from rdflib import URIRef

    alpha, beta = URIRef(E + "alpha"), URIRef(E + "beta")
    return {
        mint("graph", "entities"): {(alpha, RDF.type, SOVKG.Initiative), (beta, RDF.type, SOVKG.GovernmentBody)},
        mint("graph", "doc", "one"): {(alpha, SOVKG.operatedBy, beta), (alpha, SOVKG.fundedBy, beta)},
    }


def test_counts_sources_licence_and_date(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    graph = describe(_graphs(), [("one", "one.txt", "a" * 64)], version="9.9")
    assert graph.value(DATASET, VOID.triples) == Literal(4)
    assert graph.value(DATASET, VOID.entities) == Literal(2)
    assert graph.value(DATASET, DCTERMS.created) == Literal("2026-01-01", datatype=XSD.date)
    assert graph.value(DATASET, DCTERMS.license) == LICENSE and str(graph.value(DATASET, DCTERMS.creator)) == "sovkg 9.9"
    partitions = {str(graph.value(p, VOID.property)).rsplit("#")[1]: int(graph.value(p, VOID.triples))
                  for p in graph.objects(DATASET, VOID.propertyPartition)}
    assert partitions == {"fundedBy": 1, "operatedBy": 1}
    (source,) = graph.objects(DATASET, DCTERMS.source)
    assert str(graph.value(source, DCTERMS.title)) == "one.txt" and str(graph.value(source, SOVKG.sha256)) == "a" * 64


def test_it_validates_against_the_shapes_and_a_broken_one_does_not() -> None:
    graph = describe(_graphs(), [("one", "one.txt", "a" * 64)], version="9.9")
    shapes, ontology = ontology_path("shapes.ttl"), ontology_path("sovkg.ttl")
    assert validate(graph, shapes=shapes, ontology=ontology).violations == ()
    graph.remove((DATASET, DCTERMS.created, None))
    (violation,) = validate(graph, shapes=shapes, ontology=ontology).violations
    assert "dcterms:created" in violation


def test_a_build_holds_its_description(sample_build) -> None:
    dataset = Dataset()
    dataset.parse(sample_build.out / "graph.trig", format="trig")
    described = dataset.graph(DESCRIPTION_GRAPH)
    assert (DATASET, RDF.type, VOID.Dataset) in described
    sources = [str(described.value(s, DCTERMS.title)) for s in described.objects(DATASET, DCTERMS.source)]
    assert sources == ["nrw-18-13128-kleine-anfrage-5276.txt"]
    assert "VoID/DCAT" in sample_build.description and "CC BY 4.0" in sample_build.description
    assert isinstance(described, Graph) and len(described) > 20
