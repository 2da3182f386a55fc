"""The SHACL shapes accept a well-formed graph and name what is missing in a bad one.

Each invalid case takes the valid example, removes or breaks one thing, and expects
exactly the shape message for that thing; so a shape that stops firing, or fires on
good data, is caught.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, SKOS, XSD

from sovkg.ontology import SOVKG, ontology_path

EX = Namespace("https://example.org/kg/")
SHA = "0" * 63 + "a"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("sovkg.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def valid_graph() -> Graph:
    """A Kleine Anfrage and its Antwort, one question and answer, one sentence with a
    mention and one evidenced relation: the smallest graph that touches every shape."""
    g = Graph()
    ka, aw = EX["doc/18-13128-ka"], EX["doc/18-13128"]
    g.add((ka, RDF.type, SOVKG.KleineAnfrage))
    g.add((aw, RDF.type, SOVKG.Antwort))
    for doc in (ka, aw):
        g.add((doc, DCTERMS.source, Literal("nrw-18-13128-kleine-anfrage-5276.txt")))
        g.add((doc, SOVKG.sha256, Literal(SHA)))
        g.add((doc, SOVKG.drucksache, Literal("18/13128")))
        g.add((doc, SOVKG.wahlperiode, Literal(18)))
    g.add((ka, DCTERMS.title, Literal("Souveräne KI in NRW", lang="de")))
    g.add((ka, DCTERMS.date, Literal("2025-03-04", datatype=XSD.date)))
    g.add((aw, DCTERMS.issued, Literal("2025-04-07", datatype=XSD.date)))
    g.add((ka, SOVKG.number, Literal("5276")))
    g.add((aw, SOVKG.answers, ka))

    person, party = EX["person/angela-freimuth"], EX["party/fdp"]
    ministry, genius, oss = EX["gov/mwike"], EX["initiative/nrw-genius"], EX["tech/open-source"]
    g.add((person, RDF.type, SOVKG.Person))
    g.add((person, SKOS.prefLabel, Literal("Angela Freimuth", lang="de")))
    g.add((party, RDF.type, SOVKG.Party))
    g.add((party, SKOS.prefLabel, Literal("FDP", lang="de")))
    g.add((party, SKOS.altLabel, Literal("Freie Demokraten", lang="de")))
    g.add((ministry, RDF.type, SOVKG.GovernmentBody))
    g.add((ministry, SKOS.prefLabel, Literal("MWIKE", lang="de")))
    g.add((genius, RDF.type, SOVKG.Initiative))
    g.add((genius, SKOS.prefLabel, Literal("NRW.Genius", lang="de")))
    g.add((genius, SKOS.prefLabel, Literal("NRW.Genius", lang="en")))
    g.add((oss, RDF.type, SOVKG.Technology))
    g.add((oss, SKOS.prefLabel, Literal("Open Source", lang="de")))
    g.add((ka, SOVKG.askedBy, person))
    g.add((person, SOVKG.memberOf, party))
    g.add((aw, SOVKG.answeredBy, ministry))

    question, answer = EX["doc/18-13128-ka/q1"], EX["doc/18-13128/a1"]
    g.add((question, RDF.type, SOVKG.Question))
    g.add((question, SOVKG.number, Literal("1")))
    g.add((question, SOVKG.text, Literal("Welche Komponenten nutzt NRW.Genius?")))
    g.add((question, SOVKG.partOf, ka))
    g.add((question, SOVKG.start, Literal(100)))
    g.add((question, SOVKG.end, Literal(136)))
    g.add((answer, RDF.type, SOVKG.Answer))
    g.add((answer, SOVKG.number, Literal("1")))
    g.add((answer, SOVKG.text, Literal("Dabei wird gezielt auf Open-Source-Komponenten gesetzt.")))
    g.add((answer, SOVKG.partOf, aw))
    g.add((answer, SOVKG.start, Literal(500)))
    g.add((answer, SOVKG.end, Literal(555)))
    g.add((answer, SOVKG.answers, question))
    g.add((answer, SOVKG.mentions, oss))
    g.add((question, SOVKG.mentions, genius))

    sentence = EX["doc/18-13128/s/500"]
    g.add((sentence, RDF.type, SOVKG.Sentence))
    g.add((sentence, SOVKG.inDocument, aw))
    g.add((sentence, SOVKG.start, Literal(500)))
    g.add((sentence, SOVKG.end, Literal(555)))
    g.add((sentence, SOVKG.text, Literal("Dabei wird gezielt auf Open-Source-Komponenten gesetzt.")))

    mention = EX["doc/18-13128/m/523"]
    g.add((mention, RDF.type, SOVKG.Mention))
    g.add((mention, SOVKG.inDocument, aw))
    g.add((mention, SOVKG.inSentence, sentence))
    g.add((mention, SOVKG.refersTo, oss))
    g.add((mention, SOVKG.start, Literal(523)))
    g.add((mention, SOVKG.end, Literal(534)))
    g.add((mention, SOVKG.surfaceForm, Literal("Open-Source")))
    g.add((mention, SOVKG.method, Literal("sovkg_gazetteer")))

    g.add((genius, SOVKG.uses, oss))
    evidence = EX["doc/18-13128/e/1"]
    g.add((evidence, RDF.type, SOVKG.Evidence))
    g.add((evidence, SOVKG.evidenceSubject, genius))
    g.add((evidence, SOVKG.evidencePredicate, SOVKG.uses))
    g.add((evidence, SOVKG.evidenceObject, oss))
    g.add((evidence, SOVKG.inDocument, aw))
    g.add((evidence, SOVKG.inSentence, sentence))
    g.add((evidence, SOVKG.method, Literal("rel_uses_cue")))
    g.add((evidence, SOVKG.cue, Literal("setzt auf")))
    g.add((evidence, SOVKG.confidence, Literal(Decimal("0.8"))))
    return g


def _messages(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, set[str]]:
    conforms, report, _ = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", allow_warnings=False
    )
    messages = {str(m) for m in report.objects(None, SH.resultMessage)}
    return bool(conforms), messages


def test_valid_example_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, messages = _messages(valid_graph(), shapes, ontology)
    assert conforms, messages


def _drop(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))


def _set(s: URIRef, p: URIRef, o: object) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))  # type: ignore[arg-type]


def _add(s: URIRef, p: URIRef, o: object) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))  # type: ignore[arg-type]


KA, AW = EX["doc/18-13128-ka"], EX["doc/18-13128"]
Q1, A1 = EX["doc/18-13128-ka/q1"], EX["doc/18-13128/a1"]
SENT, MENTION, EVIDENCE = EX["doc/18-13128/s/500"], EX["doc/18-13128/m/523"], EX["doc/18-13128/e/1"]
GENIUS, PARTY = EX["initiative/nrw-genius"], EX["party/fdp"]

BROKEN: dict[str, tuple[Callable[[Graph], None], str]] = {
    "entity without label": (
        _drop(GENIUS, SKOS.prefLabel),
        "An entity needs a literal skos:prefLabel",
    ),
    "two labels in one language": (
        _add(GENIUS, SKOS.prefLabel, Literal("Projekt NRW.Genius", lang="de")),
        "An entity needs a literal skos:prefLabel",
    ),
    "asker typed only by range still needs a label": (
        _add(KA, SOVKG.askedBy, EX["person/unlabelled"]),
        "An entity needs a literal skos:prefLabel",
    ),
    "altLabel not a literal": (
        _add(PARTY, SKOS.altLabel, EX["something"]),
        "skos:altLabel of an entity must be a literal",
    ),
    "document without source or citation": (
        lambda g: [g.remove((KA, p, None)) for p in (DCTERMS.source, SOVKG.drucksache, SOVKG.number)],
        "A document needs a dcterms:source",
    ),
    "document with bad digest": (
        _set(AW, SOVKG.sha256, Literal("not-a-digest")),
        "A document has at most one sovkg:sha256",
    ),
    "date not xsd:date": (
        _set(KA, DCTERMS.date, Literal("04.03.2025")),
        "A document has at most one dcterms:date",
    ),
    "two issued dates": (
        _add(AW, DCTERMS.issued, Literal("2025-04-08", datatype=XSD.date)),
        "A document has at most one dcterms:issued",
    ),
    "mention without sentence": (
        _drop(MENTION, SOVKG.inSentence),
        "A mention needs exactly one sovkg:inSentence",
    ),
    "mention without entity": (
        _drop(MENTION, SOVKG.refersTo),
        "A mention needs exactly one sovkg:refersTo",
    ),
    "mention with negative start": (
        _set(MENTION, SOVKG.start, Literal(-1)),
        "A mention needs exactly one sovkg:start",
    ),
    "mention without method": (
        _drop(MENTION, SOVKG.method),
        "A mention needs exactly one sovkg:method",
    ),
    "mention without surface form": (
        _drop(MENTION, SOVKG.surfaceForm),
        "A mention needs exactly one sovkg:surfaceForm",
    ),
    "sentence without text": (
        _drop(SENT, SOVKG.text),
        "A sentence needs exactly one sovkg:text",
    ),
    "sentence end as string": (
        _set(SENT, SOVKG.end, Literal("555")),
        "A sentence needs exactly one sovkg:end",
    ),
    "evidence without predicate": (
        _drop(EVIDENCE, SOVKG.evidencePredicate),
        "Evidence needs exactly one sovkg:evidencePredicate",
    ),
    "evidence confidence above one": (
        _set(EVIDENCE, SOVKG.confidence, Literal(Decimal("1.5"))),
        "Evidence needs exactly one sovkg:confidence",
    ),
    "evidence confidence as float": (
        _set(EVIDENCE, SOVKG.confidence, Literal(0.5)),
        "Evidence needs exactly one sovkg:confidence",
    ),
    "evidence without document": (
        _drop(EVIDENCE, SOVKG.inDocument),
        "Evidence needs exactly one sovkg:inDocument",
    ),
    "question without number": (
        _drop(Q1, SOVKG.number),
        "A question needs exactly one sovkg:number",
    ),
    "question part of the Antwort": (
        _set(Q1, SOVKG.partOf, AW),
        "A question needs exactly one sovkg:partOf",
    ),
    "answer without text": (
        _drop(A1, SOVKG.text),
        "An answer needs exactly one sovkg:text",
    ),
    "answer without end": (
        _drop(A1, SOVKG.end),
        "An answer needs exactly one sovkg:end",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_invalid_example_fails_with_message(case: str, shapes: Graph, ontology: Graph) -> None:
    breakage, expected = BROKEN[case]
    data = valid_graph()
    breakage(data)
    conforms, messages = _messages(data, shapes, ontology)
    assert not conforms
    assert any(message.startswith(expected) for message in messages), messages


def test_mention_with_nothing_reports_every_missing_property(
    shapes: Graph, ontology: Graph
) -> None:
    data = Graph()
    data.add((BNode(), RDF.type, SOVKG.Mention))
    conforms, messages = _messages(data, shapes, ontology)
    assert not conforms
    for prop in ("inDocument", "refersTo", "inSentence", "start", "end", "surfaceForm", "method"):
        assert any(f"sovkg:{prop}" in m for m in messages), (prop, messages)
