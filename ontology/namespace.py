"""The sovkg vocabulary as Python names, mirroring ``sovkg.ttl``.

``sovkg.ttl`` is the source of truth; this module repeats its terms so that code
writes ``SOVKG.fundedBy`` instead of pasting IRIs together, and a typo fails at once
(``_fail = True``) instead of minting a term the ontology does not define.
``tests/ontology/test_namespace.py`` checks that the two agree both ways, so a term
added to one and forgotten in the other breaks the build.

The other vocabularies the ontology aligns to are plain :class:`~rdflib.Namespace`
constants here: they are open-ended and we only name a handful of their terms.
rdflib already ships SKOS, PROV, DCTERMS, FOAF, OWL, RDF, RDFS and XSD; import those
from :mod:`rdflib.namespace`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Mapping

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "SOVKG",
    "SHAPES",
    "ORG",
    "SCHEMA",
    "ELI",
    "ELI_DL",
    "ENTITY_CLASSES",
    "RELATIONS",
    "EXTRA_RELATIONS",
    "SYMMETRIC_RELATIONS",
    "local_name",
    "PREFIXES",
]


class SOVKG(DefinedNamespace):
    """Every class and property of the sovkg ontology (``https://w3id.org/sovkg/ontology#``).

    Grouped as in ``sovkg.ttl``. The local names of entity classes, relations and
    document-structure terms are fixed by the extraction contract, which scores them
    by local name; do not rename them.
    """

    _NS = Namespace("https://w3id.org/sovkg/ontology#")
    _fail = True

    # Entity classes: the eleven types of the extraction contract and their superclass.
    Entity: URIRef
    Person: URIRef
    Party: URIRef
    GovernmentBody: URIRef
    ResearchOrganization: URIRef
    Company: URIRef
    Organization: URIRef
    Initiative: URIRef
    Infrastructure: URIRef
    Place: URIRef
    Policy: URIRef
    Technology: URIRef

    # Document classes and their parts.
    Document: URIRef
    ParliamentaryDocument: URIRef
    KleineAnfrage: URIRef
    Antwort: URIRef
    PressRelease: URIRef
    StrategyPaper: URIRef
    Question: URIRef
    Preamble: URIRef
    Answer: URIRef

    # Provenance classes.
    Mention: URIRef
    Sentence: URIRef
    Evidence: URIRef

    # Relations between entities (all under relatedTo; cooperatesWith is symmetric).
    relatedTo: URIRef
    memberOf: URIRef
    locatedIn: URIRef
    partOf: URIRef
    fundedBy: URIRef
    operatedBy: URIRef
    developedBy: URIRef
    uses: URIRef
    cooperatesWith: URIRef
    supports: URIRef
    successorOf: URIRef

    # Document structure.
    askedBy: URIRef
    answeredBy: URIRef
    inAgreementWith: URIRef
    onBehalfOf: URIRef
    answers: URIRef
    mentions: URIRef

    # Provenance links.
    inDocument: URIRef
    inSentence: URIRef
    refersTo: URIRef
    evidenceSubject: URIRef
    evidencePredicate: URIRef
    evidenceObject: URIRef
    anaphor: URIRef
    antecedent: URIRef

    # Datatype properties.
    start: URIRef
    end: URIRef
    text: URIRef
    surfaceForm: URIRef
    method: URIRef
    confidence: URIRef
    drucksache: URIRef
    parliament: URIRef
    page: URIRef
    qualityNote: URIRef
    wahlperiode: URIRef
    forwarded: URIRef
    layout: URIRef
    number: URIRef
    sha256: URIRef
    declined: URIRef
    cue: URIRef
    amount: URIRef
    currency: URIRef
    year: URIRef


#: Namespace of the SHACL shapes in ``shapes.ttl``.
SHAPES: Final = Namespace("https://w3id.org/sovkg/shapes#")
#: W3C Organization Ontology.
ORG: Final = Namespace("http://www.w3.org/ns/org#")
#: schema.org, in its canonical https form (as rdflib's SDO).
SCHEMA: Final = Namespace("https://schema.org/")
#: European Legislation Identifier ontology (eli:Work).
ELI: Final = Namespace("http://data.europa.eu/eli/ontology#")
#: ELI extension for draft legislation (eli-dl:answers_to).
ELI_DL: Final = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")

#: The entity types an extracted entity must have (directly or by subclass), in the
#: order of the extraction contract. Kept here so that extractors and scorers do not
#: each keep their own list; the tests check it against ``rdfs:subClassOf sovkg:Entity``.
ENTITY_CLASSES: Final[tuple[URIRef, ...]] = (
    SOVKG.Person,
    SOVKG.Party,
    SOVKG.GovernmentBody,
    SOVKG.ResearchOrganization,
    SOVKG.Company,
    SOVKG.Organization,
    SOVKG.Initiative,
    SOVKG.Infrastructure,
    SOVKG.Place,
    SOVKG.Policy,
    SOVKG.Technology,
)

#: The scored relation predicates, in the order of the extraction contract
#: (``relatedTo`` itself is not scored). Checked against ``rdfs:subPropertyOf sovkg:relatedTo``.
RELATIONS: Final[tuple[URIRef, ...]] = (
    SOVKG.memberOf,
    SOVKG.locatedIn,
    SOVKG.partOf,
    SOVKG.fundedBy,
    SOVKG.operatedBy,
    SOVKG.developedBy,
    SOVKG.uses,
    SOVKG.cooperatesWith,
    SOVKG.supports,
)

#: Relations between entities beyond the contract (not scored): every sub-property of
#: ``relatedTo`` is in ``RELATIONS`` or here.
EXTRA_RELATIONS: Final[tuple[URIRef, ...]] = (SOVKG.successorOf,)

#: The symmetric relations (``owl:SymmetricProperty``): stated from either end, one fact.
SYMMETRIC_RELATIONS: Final[tuple[URIRef, ...]] = (SOVKG.cooperatesWith,)


def local_name(term: URIRef) -> str:
    """A sovkg term's name in the vocabulary ("cooperatesWith"), as the pipeline's records
    and the pattern files name predicates."""
    return str(term).removeprefix(str(SOVKG._NS))


#: Prefix -> namespace, for ``Graph.bind`` so that serialisations read the same
#: everywhere. Read-only, because module-level state must not change at run time.
PREFIXES: Final[Mapping[str, Namespace]] = MappingProxyType(
    {
        "sovkg": Namespace(str(SOVKG._NS)),
        "shapes": SHAPES,
        "org": ORG,
        "schema": SCHEMA,
        "eli": ELI,
        "eli-dl": ELI_DL,
        "skos": Namespace(str(SKOS)),
        "prov": Namespace(str(PROV)),
        "dcterms": Namespace(str(DCTERMS)),
        "foaf": Namespace(str(FOAF)),
        "owl": Namespace(str(OWL)),
        "rdf": Namespace(str(RDF)),
        "rdfs": Namespace(str(RDFS)),
        "xsd": Namespace(str(XSD)),
    }
)
