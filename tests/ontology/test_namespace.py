"""The ontology file and its Python mirror say the same thing.

``sovkg.ttl`` is the source of truth and ``sovkg.ontology.namespace`` repeats it; a
term added to one side only, or a term without a German and an English label and
comment, fails here rather than in a build months later.
"""

from __future__ import annotations

from typing import get_type_hints

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from sovkg.ontology import SOVKG, ontology_path
from sovkg.ontology.namespace import ENTITY_CLASSES, EXTRA_RELATIONS, RELATIONS, SYMMETRIC_RELATIONS

NS = str(SOVKG._NS)
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.SymmetricProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("sovkg.ttl"), format="turtle")


def _ttl_terms(graph: Graph) -> set[str]:
    return {
        str(subject)[len(NS) :]
        for term_type in TERM_TYPES
        for subject in graph.subjects(RDF.type, term_type)
        if isinstance(subject, URIRef) and str(subject).startswith(NS)
    }


def _python_terms() -> set[str]:
    # DefinedNamespace itself annotates private names such as __slots__.
    return {name for name in get_type_hints(SOVKG) if not name.startswith("_")}


def test_every_ttl_term_is_in_namespace(ontology: Graph) -> None:
    missing = _ttl_terms(ontology) - _python_terms()
    assert not missing, f"in sovkg.ttl but not in namespace.SOVKG: {sorted(missing)}"


def test_every_namespace_term_is_in_ttl(ontology: Graph) -> None:
    missing = _python_terms() - _ttl_terms(ontology)
    assert not missing, f"in namespace.SOVKG but not declared in sovkg.ttl: {sorted(missing)}"


def test_namespace_attributes_resolve_to_iris() -> None:
    assert SOVKG.KleineAnfrage == URIRef(NS + "KleineAnfrage")
    assert SOVKG.start == URIRef(NS + "start")


def test_unknown_term_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        SOVKG.fundedby  # noqa: B018 - wrong case on purpose


@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment])
def test_every_term_has_german_and_english(ontology: Graph, prop: URIRef) -> None:
    lacking: list[str] = []
    for name in sorted(_ttl_terms(ontology)):
        languages = {
            value.language
            for value in ontology.objects(URIRef(NS + name), prop)
            if isinstance(value, Literal)
        }
        if not {"de", "en"} <= languages:
            lacking.append(f"{name} (has {sorted(filter(None, languages))})")
    assert not lacking, f"terms without {prop.n3()} in de and en: {lacking}"


def test_required_contract_terms_exist(ontology: Graph) -> None:
    """The local names the scorer looks for (spec/schema.md) are all declared."""
    required = {
        "Entity", "Person", "Party", "GovernmentBody", "ResearchOrganization", "Company",
        "Organization", "Initiative", "Infrastructure", "Place", "Policy", "Technology",
        "Document", "ParliamentaryDocument", "KleineAnfrage", "Antwort", "PressRelease",
        "StrategyPaper", "Question", "Answer", "Mention", "Sentence", "Evidence",
        "relatedTo", "memberOf", "locatedIn", "partOf", "fundedBy", "operatedBy",
        "developedBy", "uses", "cooperatesWith", "supports", "askedBy", "answeredBy",
        "inAgreementWith", "answers", "mentions", "inDocument", "inSentence", "refersTo",
        "evidenceSubject", "evidencePredicate", "evidenceObject", "start", "end", "text",
        "surfaceForm", "method", "confidence", "drucksache", "wahlperiode", "number",
        "sha256", "declined", "cue", "amount", "currency", "year",
    }  # fmt: skip
    assert required <= _ttl_terms(ontology)


def test_entity_classes_are_the_direct_subclasses_of_entity(ontology: Graph) -> None:
    declared = set(ontology.subjects(RDFS.subClassOf, SOVKG.Entity))
    assert declared == set(ENTITY_CLASSES)
    assert len(ENTITY_CLASSES) == 11


def test_relations_are_the_subproperties_of_related_to(ontology: Graph) -> None:
    declared = set(ontology.subjects(RDFS.subPropertyOf, SOVKG.relatedTo))
    assert declared == set(RELATIONS) | set(EXTRA_RELATIONS) and not set(RELATIONS) & set(EXTRA_RELATIONS)
    assert set(ontology.subjects(RDF.type, OWL.SymmetricProperty)) == set(SYMMETRIC_RELATIONS) == {SOVKG.cooperatesWith}


def test_part_of_and_related_to_have_no_domain(ontology: Graph) -> None:
    """partOf also links questions and answers to their documents; an Entity domain
    would make every question an entity under RDFS inference."""
    for prop in (SOVKG.partOf, SOVKG.relatedTo, SOVKG.answers):
        assert ontology.value(prop, RDFS.domain) is None, prop


def test_document_hierarchy(ontology: Graph) -> None:
    closure = set(ontology.transitive_objects(SOVKG.KleineAnfrage, RDFS.subClassOf))
    assert {SOVKG.ParliamentaryDocument, SOVKG.Document} <= closure
    closure = set(ontology.transitive_objects(SOVKG.Antwort, RDFS.subClassOf))
    assert {SOVKG.ParliamentaryDocument, SOVKG.Document} <= closure


def test_ontology_path_names_available_files() -> None:
    assert ontology_path("shapes.ttl").is_file()
    with pytest.raises(FileNotFoundError, match="sovkg.ttl"):
        ontology_path("no-such-file.ttl")
