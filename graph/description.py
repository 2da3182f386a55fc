"""Each build describes itself: a VoID and DCAT description in a named graph of its own.

It says what the build holds (triples, entities by type, relations by predicate), from
which source files (with their SHA-256 sums), made by which sovkg and when, under which
licence, so a graph found on a disk or pushed into a shared store still says where it
came from. The date is the build's day, or ``SOURCE_DATE_EPOCH`` when set (reproducible
builds): two builds of the same input on the same day are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Mapping

from rdflib import DCAT, DCTERMS, RDF, VOID, XSD, Graph, Literal, URIRef

from sovkg.graph.iri import mint
from sovkg.graph.rdf import ENTITIES_GRAPH, relations_by_predicate
from sovkg.ontology import SOVKG

DESCRIPTION_GRAPH = mint("graph", "build")
DATASET = mint("dataset", "build")
#: The licence of a build's data: the knowledge base and the place names (GeoNames) are CC BY 4.0.
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
LICENSE_NAME = "CC BY 4.0"
RIGHTS = ("Built by sovkg from official documents (amtliche Werke, § 5 UrhG) and from data under "
          "CC BY 4.0 (GeoNames place names, the sovkg knowledge base); attribute GeoNames and sovkg.")


def describe(graphs: Mapping[URIRef, Iterable[tuple]], sources: Iterable[tuple[str, str, str]],
             *, version: str, triples: set[tuple] | None = None) -> Graph:
    """The description of a build whose named graphs are ``graphs`` (held in memory);
    ``sources`` are (document key, file name, SHA-256) of the files read; ``triples``,
    their union, if the caller has it already."""
    triples = set().union(*(set(t) for t in graphs.values())) if triples is None else triples
    linked = set(graphs.get(ENTITIES_GRAPH, ()))
    return description(
        graphs, sources, version=version, triples=len(triples),
        entities=len({s for s, p, o in linked if p == RDF.type}),
        classes=Counter(o for s, p, o in linked if p == RDF.type and str(o).startswith(str(SOVKG))),
        relations=relations_by_predicate(triples),
    )


def description(names: Iterable[URIRef], sources: Iterable[tuple[str, str, str]], *, version: str,
                triples: int, entities: int, classes: Mapping[URIRef, int],
                relations: Mapping[str, int]) -> Graph:
    """The description from counts: a streamed build never holds its graphs at once.
    ``classes`` counts the linked entities by class, ``relations`` the relation triples
    of the union by the local name of their predicate."""
    graph = Graph()
    graph.add((DATASET, RDF.type, VOID.Dataset))
    graph.add((DATASET, RDF.type, DCAT.Dataset))
    graph.add((DATASET, DCTERMS.title, Literal("sovkg knowledge graph", lang="en")))
    graph.add((DATASET, DCTERMS.created, Literal(_build_date(), datatype=XSD.date)))
    graph.add((DATASET, DCTERMS.creator, Literal(f"sovkg {version}")))
    graph.add((DATASET, DCTERMS.license, LICENSE))
    graph.add((DATASET, DCTERMS.rights, Literal(RIGHTS, lang="en")))
    graph.add((DATASET, VOID.triples, Literal(triples)))
    graph.add((DATASET, VOID.vocabulary, URIRef(str(SOVKG))))
    for name in sorted(names, key=str):
        graph.add((DATASET, VOID.subset, name))
    _partitions(graph, entities, classes, relations)
    for key, name, sha256 in sorted(sources):
        node = mint("dataset", "build", "source", key)
        graph.add((DATASET, DCTERMS.source, node))
        graph.add((node, DCTERMS.title, Literal(name)))
        graph.add((node, SOVKG.sha256, Literal(sha256)))
    return graph


def _partitions(graph: Graph, entities: int, classes: Mapping[URIRef, int], relations: Mapping[str, int]) -> None:
    """Entities the documents name, by type (class partitions), and relations by
    predicate (property partitions)."""
    graph.add((DATASET, VOID.entities, Literal(entities)))
    for cls, count in sorted(classes.items()):
        node = mint("dataset", "build", "class", str(cls).rsplit("#", 1)[1])
        graph.add((DATASET, VOID.classPartition, node))
        graph.add((node, VOID["class"], cls))
        graph.add((node, VOID.entities, Literal(count)))
    for name, count in sorted(relations.items()):
        node = mint("dataset", "build", "property", name)
        graph.add((DATASET, VOID.propertyPartition, node))
        graph.add((node, VOID.property, SOVKG[name]))
        graph.add((node, VOID.triples, Literal(count)))


def _build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()
