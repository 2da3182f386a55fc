"""Records to RDF: the named graphs of one build.

Layout of a build (graph names minted in :mod:`sovkg.graph.iri`):

* ``…/id/graph/ontology`` – the OWL ontology, so a store holding the build can reason;
* ``…/id/graph/kb`` – the curated knowledge base, when the build used it;
* ``…/id/graph/entities`` – one node per linked entity: type, labels;
* ``…/id/graph/doc/<document>`` – one per source document: the document node, what it
  ``mentions``, and the relations it states;
* ``…/id/graph/provenance`` – mentions and sentences with character offsets and the
  component that found them, kept apart so domain queries need not wade through them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from sovkg.extract.records import DocumentExtraction, Entity, Extraction
from sovkg.graph.iri import mint
from sovkg.ontology import SOVKG

#: Prefixes written in every output file.
PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS),
    "doc": str(mint("doc", "x"))[:-1],
    "e": str(mint("entity", "x"))[:-1],
    "g": str(mint("graph", "x"))[:-1],
    "org": "http://www.w3.org/ns/org#",
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": "https://schema.org/",
    "skos": str(SKOS),
    "sovkg": str(SOVKG),
    "wd": "http://www.wikidata.org/entity/",
    "xsd": str(XSD),
}

ONTOLOGY_GRAPH = mint("graph", "ontology")
KB_GRAPH = mint("graph", "kb")
ENTITIES_GRAPH = mint("graph", "entities")
PROVENANCE_GRAPH = mint("graph", "provenance")


def document_graph(doc_key: str) -> URIRef:
    return mint("graph", "doc", doc_key)


def entity_iri(key: str) -> URIRef:
    return mint("entity", key)


def to_dataset(
    extraction: Extraction, *, ontology: Path | None = None, kb: Path | None = None
) -> Dataset:
    """The build's named graphs as an rdflib Dataset (default graph = union)."""
    dataset = Dataset(default_union=True)
    for name, path in ((ONTOLOGY_GRAPH, ontology), (KB_GRAPH, kb)):
        if path is not None:
            dataset.graph(name).parse(path, format="turtle")
    add_entities(dataset.graph(ENTITIES_GRAPH), extraction.entities.values())
    provenance = dataset.graph(PROVENANCE_GRAPH)
    for item in extraction.documents:
        add_document(dataset.graph(document_graph(item.document.key)), provenance, item)
    return dataset


def add_entities(graph: Graph, entities: Iterable[Entity]) -> None:
    for entity in entities:
        node = entity_iri(entity.key)
        for type_ in entity.types:
            graph.add((node, RDF.type, SOVKG[type_]))
        graph.add((node, SKOS.prefLabel, Literal(entity.label, lang="de")))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias, lang="de")))


def add_document(graph: Graph, provenance: Graph, item: DocumentExtraction) -> None:
    source = item.document
    doc = mint("doc", source.key)
    graph.add((doc, RDF.type, SOVKG.Document))
    graph.add((doc, DCTERMS.source, Literal(source.source)))
    graph.add((doc, SOVKG.sha256, Literal(source.sha256)))
    for mention in item.mentions:
        graph.add((doc, SOVKG.mentions, entity_iri(mention.entity_key)))

    for sentence in item.sentences:
        node = mint("sentence", source.key, f"{sentence.start}-{sentence.end}")
        provenance.add((node, RDF.type, SOVKG.Sentence))
        provenance.add((node, SOVKG.inDocument, doc))
        provenance.add((node, SOVKG.start, Literal(sentence.start)))
        provenance.add((node, SOVKG.end, Literal(sentence.end)))
        provenance.add((node, SOVKG.text, Literal(sentence.text)))
    for mention in item.mentions:
        node = mint("mention", source.key, f"{mention.start}-{mention.end}")
        sentence = mint("sentence", source.key, f"{mention.sentence_start}-{mention.sentence_end}")
        provenance.add((node, RDF.type, SOVKG.Mention))
        provenance.add((node, SOVKG.inDocument, doc))
        provenance.add((node, SOVKG.inSentence, sentence))
        provenance.add((node, SOVKG.refersTo, entity_iri(mention.entity_key)))
        provenance.add((node, SOVKG.start, Literal(mention.start)))
        provenance.add((node, SOVKG.end, Literal(mention.end)))
        provenance.add((node, SOVKG.surfaceForm, Literal(mention.text)))
        provenance.add((node, SOVKG.method, Literal(mention.method)))
