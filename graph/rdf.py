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

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from sovkg.extract.records import (
    PARLIAMENT_METHOD, DocumentExtraction, DocumentPart, Entity, Extraction, Mention, Relation,
)
from sovkg.graph.iri import mint
from sovkg.ontology import SOVKG
from sovkg.ontology.namespace import EXTRA_RELATIONS
from sovkg.ontology.namespace import RELATIONS as CONTRACT_RELATIONS

#: Prefixes written in every output file.
PREFIXES: dict[str, str] = {
    "dcat": "http://www.w3.org/ns/dcat#",
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
    "void": "http://rdfs.org/ns/void#",
    "wd": "http://www.wikidata.org/entity/",
    "xsd": str(XSD),
}

ONTOLOGY_GRAPH = mint("graph", "ontology")
KB_GRAPH = mint("graph", "kb")
ENTITIES_GRAPH = mint("graph", "entities")
PROVENANCE_GRAPH = mint("graph", "provenance")


#: The relations between entities: the extraction contract's and the ontology's own.
RELATIONS = frozenset(CONTRACT_RELATIONS) | frozenset(EXTRA_RELATIONS)


def count_relations(triples: Iterable[tuple]) -> int:
    """Relation triples between entities (``partOf`` of questions and answers excluded)."""
    return sum(relations_by_predicate(triples).values())


def relations_by_predicate(triples: Iterable[tuple]) -> Counter[str]:
    """Relation triples between entities by the local name of their predicate."""
    entity_prefix = str(mint("entity", "x"))[:-1]
    return Counter(
        str(p).rsplit("#", 1)[-1] for s, p, o in triples
        if p in RELATIONS and str(s).startswith(entity_prefix) and str(o).startswith(entity_prefix)
    )


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
    for triple in entity_triples(entities):
        graph.add(triple)


def entity_triples(entities: Iterable[Entity]) -> Iterator[tuple]:
    """The entities graph's triples: each entity's types and labels."""
    for entity in entities:
        node = entity_iri(entity.key)
        for type_ in entity.types:
            yield node, RDF.type, SOVKG[type_]
        yield node, SKOS.prefLabel, Literal(entity.label, lang="de")
        for alias in entity.aliases:
            yield node, SKOS.altLabel, Literal(alias, lang="de")


_PART_KEYS = {"KleineAnfrage": "kleine-anfrage", "Antwort": "antwort"}


def document_iris(item: DocumentExtraction) -> dict[int, URIRef]:
    """IRIs of the documents in one file, by index of the part.

    A file with one document gives ``…/id/doc/<file>``; a file holding a Kleine Anfrage
    and its Antwort gives ``…/id/doc/<file>/kleine-anfrage`` and ``…/antwort``.
    """
    key = item.document.key
    if len(item.parts) <= 1:
        return {0: mint("doc", key)}
    return {i: mint("doc", key, _PART_KEYS.get(p.kind, f"part-{i + 1}")) for i, p in enumerate(item.parts)}


def add_document(graph: Graph, provenance: Graph, item: DocumentExtraction) -> None:
    """The file's documents with their structure into ``graph``; mentions and sentences
    into ``provenance``."""
    source = item.document
    parts = item.parts or (DocumentPart(kind="Document", start=0, end=len(source.text)),)
    iris = document_iris(item)
    for index, part in enumerate(parts):
        doc = iris[index]
        graph.add((doc, DCTERMS.source, Literal(source.source)))
        graph.add((doc, SOVKG.sha256, Literal(source.sha256)))
        _add_part(graph, doc, part, item)
        if part.kind == "Antwort" and part.answers is not None:
            if part.answers.in_file:
                anfrage = next(iris[i] for i, p in enumerate(parts) if p.kind == "KleineAnfrage")
            else:
                anfrage = mint("doc", source.key, "kleine-anfrage")
                _add_part(graph, anfrage, part.answers, item)
            graph.add((doc, SOVKG.answers, anfrage))
            _add_sections(graph, doc, anfrage, part, item, parts)
        else:
            _add_sections(graph, doc, doc, part, item, parts)
    for relation in item.relations:
        graph.add((entity_iri(relation.subject), SOVKG[relation.predicate], entity_iri(relation.object)))
    _add_provenance(provenance, item, iris, parts)


def _add_part(graph: Graph, doc: URIRef, part: DocumentPart, item: DocumentExtraction) -> None:
    graph.add((doc, RDF.type, SOVKG[part.kind]))
    for predicate, value in (
        (DCTERMS.title, part.title), (SOVKG.drucksache, part.drucksache), (SOVKG.number, part.number),
        (SOVKG.parliament, part.parliament),
    ):
        if value:
            graph.add((doc, predicate, Literal(value)))
    if part.wahlperiode is not None:
        graph.add((doc, SOVKG.wahlperiode, Literal(part.wahlperiode)))
    if part.layout:
        graph.add((doc, SOVKG.layout, Literal(part.layout)))
    for predicate, value in ((DCTERMS.date, part.date), (DCTERMS.issued, part.issued), (SOVKG.forwarded, part.forwarded)):
        if value:
            graph.add((doc, predicate, Literal(value, datatype=XSD.date)))
    for note in part.notes:
        graph.add((doc, SOVKG.qualityNote, Literal(note)))
    for asker in part.askers:
        graph.add((doc, SOVKG.askedBy, entity_iri(asker.entity_key)))
    for predicate, role in ((SOVKG.answeredBy, part.answered_by), (SOVKG.onBehalfOf, part.on_behalf_of),
                            (DCTERMS.publisher, part.publisher)):
        if role is not None:
            graph.add((doc, predicate, entity_iri(role.entity_key)))
    for role in part.in_agreement_with:
        graph.add((doc, SOVKG.inAgreementWith, entity_iri(role.entity_key)))
    if part.in_file:  # and the parliament the file's header names, before the parts
        for key in _entities_within(item, part.start, part.end, header=True):
            graph.add((doc, SOVKG.mentions, key))


def _entities_within(item: DocumentExtraction, start: int, end: int, *, header: bool = False) -> list[URIRef]:
    """The entities mentioned between ``start`` and ``end`` (with ``header``, and the parliament
    the file's header names), in a fixed order."""
    return sorted({entity_iri(m.entity_key) for m in item.mentions
                   if start <= m.start and m.end <= end or header and m.method == PARLIAMENT_METHOD})


def _question_iri(anfrage: URIRef, number: int) -> URIRef:
    return mint("question", *_iri_keys(anfrage), str(number))


def _iri_keys(doc: URIRef) -> list[str]:
    return str(doc).split("/id/doc/", 1)[1].split("/")


def _add_sections(graph: Graph, doc: URIRef, anfrage: URIRef, part: DocumentPart,
                  item: DocumentExtraction, parts: tuple[DocumentPart, ...]) -> None:
    # Questions repeated in an Antwort are the Kleine Anfrage's questions; when the
    # Kleine Anfrage is in the same file, its own text of them is the one kept.
    asked_in_file = {
        n for p in parts if p.kind == "KleineAnfrage" and p is not part
        for s in p.sections if s.kind == "question" for n in s.numbers
    }
    for section in part.sections:
        if section.kind == "question":
            if part.kind == "Antwort" and section.numbers[0] in asked_in_file:
                continue
            node = _question_iri(anfrage, section.numbers[0])
            graph.add((node, RDF.type, SOVKG.Question))
            graph.add((node, SOVKG.partOf, anfrage))
        elif section.kind == "answer":
            node = mint("answer", *_iri_keys(doc), "-".join(map(str, section.numbers)))
            graph.add((node, RDF.type, SOVKG.Answer))
            graph.add((node, SOVKG.partOf, doc))
            graph.add((node, SOVKG.declined, Literal(section.declined is not None)))
            if section.declined is not None:
                graph.add((node, SOVKG.cue, Literal(section.declined)))
            for number in section.numbers:
                graph.add((node, SOVKG.answers, _question_iri(anfrage, number)))
        else:
            node = mint("preamble", *_iri_keys(doc), section.author or "preamble")
            graph.add((node, RDF.type, SOVKG.Preamble))
            graph.add((node, SOVKG.partOf, doc))
        if section.numbers:
            graph.add((node, SOVKG.number, Literal(",".join(map(str, section.numbers)))))
        graph.add((node, SOVKG.text, Literal(section.text)))
        graph.add((node, SOVKG.start, Literal(section.start)))
        graph.add((node, SOVKG.end, Literal(section.end)))
        page = item.document.page_of(section.start)
        if page is not None:
            graph.add((node, SOVKG.page, Literal(page)))
        for key in _entities_within(item, section.start, section.end):
            graph.add((node, SOVKG.mentions, key))


def _add_provenance(provenance: Graph, item: DocumentExtraction, iris: dict[int, URIRef],
                    parts: tuple[DocumentPart, ...]) -> None:
    source = item.document

    def document_at(offset: int) -> URIRef:
        for index, part in enumerate(parts):
            if part.start <= offset < part.end:
                return iris[index]
        return iris[0]

    for sentence in item.sentences:
        node = mint("sentence", source.key, f"{sentence.start}-{sentence.end}")
        provenance.add((node, RDF.type, SOVKG.Sentence))
        provenance.add((node, SOVKG.inDocument, document_at(sentence.start)))
        provenance.add((node, SOVKG.start, Literal(sentence.start)))
        provenance.add((node, SOVKG.end, Literal(sentence.end)))
        provenance.add((node, SOVKG.text, Literal(sentence.text)))
        page = source.page_of(sentence.start)
        if page is not None:
            provenance.add((node, SOVKG.page, Literal(page)))
    for relation in item.relations:
        span = f"{relation.sentence_start}-{relation.sentence_end}"
        predicate = re.sub(r"(?<!^)(?=[A-Z])", "-", relation.predicate).lower()  # memberOf → member-of
        node = mint("evidence", source.key, span, predicate, relation.subject, relation.object)
        provenance.add((node, RDF.type, SOVKG.Evidence))
        provenance.add((node, SOVKG.evidenceSubject, entity_iri(relation.subject)))
        provenance.add((node, SOVKG.evidencePredicate, SOVKG[relation.predicate]))
        provenance.add((node, SOVKG.evidenceObject, entity_iri(relation.object)))
        provenance.add((node, SOVKG.inDocument, document_at(relation.sentence_start)))
        provenance.add((node, SOVKG.inSentence, mint("sentence", source.key, span)))
        provenance.add((node, SOVKG.method, Literal(relation.method)))
        provenance.add((node, SOVKG.confidence, Literal(Decimal(str(relation.confidence)))))
        if relation.cue:
            provenance.add((node, SOVKG.cue, Literal(relation.cue)))
        if relation.amount is not None:
            provenance.add((node, SOVKG.amount, Literal(Decimal(relation.amount))))
            provenance.add((node, SOVKG.currency, Literal(relation.currency or "EUR")))
        if relation.year is not None:
            provenance.add((node, SOVKG.year, Literal(relation.year, datatype=XSD.gYear)))
        if relation.anaphor is not None and relation.antecedent is not None:
            _coreference(provenance, item, relation, node, document_at)
    for mention in item.mentions:
        _add_mention(provenance, mention, document_at)


def _add_mention(provenance: Graph, mention: Mention, document_at: Callable[[int], URIRef]) -> URIRef:
    """A mention's node: where it is (document, sentence, offsets), what it refers to, how found."""
    node = mint("mention", mention.doc_key, f"{mention.start}-{mention.end}")
    sentence = mint("sentence", mention.doc_key, f"{mention.sentence_start}-{mention.sentence_end}")
    provenance.add((node, RDF.type, SOVKG.Mention))
    provenance.add((node, SOVKG.inDocument, document_at(mention.start)))
    provenance.add((node, SOVKG.inSentence, sentence))
    provenance.add((node, SOVKG.refersTo, entity_iri(mention.entity_key)))
    provenance.add((node, SOVKG.start, Literal(mention.start)))
    provenance.add((node, SOVKG.end, Literal(mention.end)))
    provenance.add((node, SOVKG.surfaceForm, Literal(mention.text)))
    provenance.add((node, SOVKG.method, Literal(mention.method)))
    return node


def _coreference(provenance: Graph, item: DocumentExtraction, relation: Relation, node: URIRef,
                 document_at: Callable[[int], URIRef]) -> None:
    """The anaphor ("das Zentrum") as a mention of the entity it was resolved to, and the
    antecedent mention: both with offsets, so the resolution can be checked in the source."""
    antecedent = next((m for m in item.mentions if (m.start, m.end) == relation.antecedent), None)
    if antecedent is None:
        return
    start, end = relation.anaphor
    anaphor = replace(antecedent, start=start, end=end, text=item.document.text[start:end],
                      sentence_start=relation.sentence_start, sentence_end=relation.sentence_end,
                      method="sovkg_relation_patterns:coreference")
    provenance.add((node, SOVKG.anaphor, _add_mention(provenance, anaphor, document_at)))
    provenance.add((node, SOVKG.antecedent, mint("mention", antecedent.doc_key, f"{antecedent.start}-{antecedent.end}")))
