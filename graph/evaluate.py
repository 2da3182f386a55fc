"""Scoring a built graph against a gold file in the format of the extraction contract.

The matching follows the contract: labels are compared after case-folding and
collapsing white space and hyphens; an emitted entity counts for precision if the
document ``mentions`` it, and required gold entities count for recall.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from sovkg.ontology import SOVKG

ENTITY_TYPES = frozenset({
    "Person", "Party", "GovernmentBody", "ResearchOrganization", "Company", "Organization",
    "Initiative", "Infrastructure", "Place", "Policy", "Technology",
})


def norm_label(text: str) -> str:
    return re.sub(r"[\s\-‐–]+", " ", text.casefold()).strip()


@dataclass(slots=True)
class EntityScore:
    matched: list[str] = field(default_factory=list)
    """Gold ids found."""
    missed: list[str] = field(default_factory=list)
    """Required gold ids not found."""
    spurious: list[str] = field(default_factory=list)
    """Labels of emitted entities that match no gold entity."""
    duplicated: list[str] = field(default_factory=list)
    """Gold ids matched by more than one emitted node."""
    required: int = 0
    emitted: int = 0

    required_found: int = 0

    @property
    def recall(self) -> float:
        return self.required_found / self.required if self.required else 1.0


def emitted_entities(graph: Graph, document_sources: Iterable[str] | None = None) -> dict[URIRef, tuple[set[str], set[str]]]:
    """Entities the documents mention: IRI → (normalised labels, type local names)."""
    sources = set(document_sources) if document_sources is not None else None
    result: dict[URIRef, tuple[set[str], set[str]]] = {}
    for doc in set(graph.subjects(SOVKG.mentions, None)):
        if sources is not None and str(graph.value(doc, URIRef("http://purl.org/dc/terms/source"))) not in sources:
            continue
        if (doc, RDF.type, SOVKG.Question) in graph or (doc, RDF.type, SOVKG.Answer) in graph:
            continue
        for entity in graph.objects(doc, SOVKG.mentions):
            labels = {
                norm_label(str(l))
                for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label)
                for l in graph.objects(entity, p)
            }
            types = {str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in graph.objects(entity, RDF.type)}
            result[entity] = (labels, types & ENTITY_TYPES)
    return result


def score_entities(graph: Graph, gold: dict) -> EntityScore:
    emitted = emitted_entities(graph, [gold["document"]])
    score = EntityScore(emitted=len(emitted))
    matches: dict[URIRef, list[str]] = {}
    by_gold: dict[str, list[URIRef]] = {}
    for item in gold["entities"]:
        names = {norm_label(item["label"]), *(norm_label(a) for a in item.get("aliases", []))}
        for node, (labels, types) in emitted.items():
            if labels & names and types & set(item["types"]):
                matches.setdefault(node, []).append(item["id"])
                by_gold.setdefault(item["id"], []).append(node)
    for item in gold["entities"]:
        found = item["id"] in by_gold
        if item.get("required", True):
            score.required += 1
            score.required_found += found
            (score.matched if found else score.missed).append(item["id"])
        elif found:
            score.matched.append(item["id"])
        if len(by_gold.get(item["id"], ())) > 1:
            score.duplicated.append(item["id"])
    score.spurious = sorted(
        sorted(labels)[0] if labels else str(node)
        for node, (labels, _types) in emitted.items() if node not in matches
    )
    return score
