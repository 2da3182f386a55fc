"""Scoring a built graph against gold annotations in the format of the extraction contract.

The rules are the contract's (``spec/schema.md``, "Gold files"):

* an emitted entity matches a gold entity when one of its labels (``skos:prefLabel``,
  ``skos:altLabel``, ``rdfs:label``) equals the gold label or an alias after
  case-folding and collapsing white space and hyphens, and one of its types is one the
  gold entity accepts;
* a relation matches when both ends match and the predicate is one the gold relation
  accepts (``cooperatesWith`` in either direction, and stated both ways one relation);
* precision counts every entity of the contract's types that a document of the gold
  file ``mentions``, and every relation of the contract's predicates between two such
  entities; recall counts the required gold items.

Each gold entity is matched by at most one node; further nodes that match it are
listed as duplicates and count against precision, because the contract asks for one
node per entity.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from sovkg.errors import SovkgError
from sovkg.ontology import SOVKG
from sovkg.ontology.namespace import ENTITY_CLASSES
from sovkg.ontology.namespace import RELATIONS as CONTRACT_RELATIONS
from sovkg.ontology.namespace import SYMMETRIC_RELATIONS


def _local(iri: object) -> str:
    return re.split(r"[#/]", str(iri))[-1]


ENTITY_TYPES = frozenset(_local(c) for c in ENTITY_CLASSES)
RELATIONS = frozenset(_local(r) for r in CONTRACT_RELATIONS)
#: matched in either direction, and stated both ways one fact
SYMMETRIC = frozenset(_local(r) for r in SYMMETRIC_RELATIONS)


class GoldError(SovkgError):
    """A gold file that cannot be read."""


def norm_label(text: str) -> str:
    return re.sub(r"[\s\-‐–]+", " ", text.casefold()).strip()


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class Score:
    """Entity and relation scores of one or more gold documents."""

    documents: list[str] = field(default_factory=list)
    entities: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    entities_by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relations_by_predicate: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relations_by_method: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    """Per rule, pattern or model (the evidence's ``sovkg:method``): the right and wrong
    relations it stated, where several may state one; no misses, which no method owns."""
    missed: list[str] = field(default_factory=list)
    """Required gold entities not found, as "document: id (label)"."""
    spurious: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.documents += other.documents
        self.entities.add(other.entities)
        self.relations.add(other.relations)
        for key, counts in other.entities_by_type.items():
            self.entities_by_type[key].add(counts)
        for key, counts in other.relations_by_predicate.items():
            self.relations_by_predicate[key].add(counts)
        for key, counts in other.relations_by_method.items():
            self.relations_by_method[key].add(counts)
        for name in ("missed", "spurious", "duplicated", "missed_relations", "spurious_relations"):
            getattr(self, name).extend(getattr(other, name))

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "entities": self.entities.as_dict(),
            "entities_by_type": {k: v.as_dict() for k, v in sorted(self.entities_by_type.items())},
            "relations": self.relations.as_dict(),
            "relations_by_predicate": {k: v.as_dict() for k, v in sorted(self.relations_by_predicate.items())},
            "relations_by_method": {k: {"tp": v.tp, "fp": v.fp, "precision": round(v.precision, 4)}
                                    for k, v in sorted(self.relations_by_method.items())},
            "missed": self.missed, "spurious": self.spurious, "duplicated": self.duplicated,
            "missed_relations": self.missed_relations, "spurious_relations": self.spurious_relations,
        }


def load_gold(path: Path) -> list[dict]:
    """Gold annotations from a file or from every ``*.json`` in a folder."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise GoldError(f"{path}: no gold files (*.json) found")
    golds = []
    for file in files:
        try:
            gold = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{file}: not a readable gold file ({exc})") from None
        if not isinstance(gold, dict) or "document" not in gold or "entities" not in gold:
            raise GoldError(f"{file}: a gold file needs 'document' and 'entities' (see the extraction contract)")
        golds.append(gold)
    return golds


def emitted_entities(graph: Graph, document_sources: Iterable[str] | None = None) -> dict[URIRef, tuple[set[str], set[str]]]:
    """Entities the documents mention: IRI → (normalised labels, type local names)."""
    sources = set(document_sources) if document_sources is not None else None
    result: dict[URIRef, tuple[set[str], set[str]]] = {}
    for doc in set(graph.subjects(DCTERMS.source, None)):
        if sources is not None and str(graph.value(doc, DCTERMS.source)) not in sources:
            continue
        for entity in graph.objects(doc, SOVKG.mentions):
            if entity in result:
                continue
            types = {_local(t) for t in graph.objects(entity, RDF.type)} & ENTITY_TYPES
            if not types:
                continue
            labels = {
                norm_label(str(label))
                for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label)
                for label in graph.objects(entity, p)
            }
            result[entity] = (labels, types)
    return result


def gold_names(gold: dict) -> dict[str, set[str]]:
    """Each gold entity's names as an emitted entity must show one of them: its label and
    aliases, normalised (:func:`norm_label`)."""
    return {item["id"]: {norm_label(item["label"]), *(norm_label(a) for a in item.get("aliases", []))}
            for item in gold["entities"]}


def gold_predicates(relation: dict) -> list[str]:
    """The predicates a gold relation accepts: one, or a list of alternatives."""
    return relation["p"] if isinstance(relation["p"], list) else [relation["p"]]


def score_document(graph: Graph, gold: dict) -> Score:
    """Score the part of ``graph`` built from ``gold["document"]``."""
    name = gold["document"]
    score = Score(documents=[name])
    emitted = emitted_entities(graph, [name])
    gold_entities = {item["id"]: item for item in gold["entities"]}
    names = gold_names(gold)

    candidates: dict[str, list[URIRef]] = defaultdict(list)
    for node, (labels, types) in sorted(emitted.items()):
        for gid, item in gold_entities.items():
            if labels & names[gid] and types & set(item["types"]):
                candidates[gid].append(node)
    # one node per gold entity: prefer the node matching fewest gold entities
    node_of: dict[str, URIRef] = {}
    claimed: dict[URIRef, str] = {}
    for gid in sorted(candidates, key=lambda g: (len(candidates[g]), g)):
        free = [n for n in candidates[gid] if n not in claimed]
        if free:
            node_of[gid] = free[0]
            claimed[free[0]] = gid
    for gid, nodes in sorted(candidates.items()):
        extra = [n for n in nodes if n not in claimed]
        if gid in node_of and extra:
            score.duplicated += [f"{name}: {gid} also as {n}" for n in extra]

    for gid, item in sorted(gold_entities.items()):
        bucket = score.entities_by_type[item["types"][0]]
        if gid in node_of:
            score.entities.tp += 1
            bucket.tp += 1
        elif item.get("required", True):
            score.entities.fn += 1
            bucket.fn += 1
            score.missed.append(f"{name}: {gid} ({item['label']})")
    for node, (labels, types) in sorted(emitted.items()):
        if node in claimed:
            continue
        if any(labels & names[g] and types & set(gold_entities[g]["types"]) for g in gold_entities):
            score.entities.fp += 1  # a duplicate node of a gold entity
            score.entities_by_type[sorted(types)[0]].fp += 1
            continue
        score.entities.fp += 1
        score.entities_by_type[sorted(types)[0]].fp += 1
        label = str(graph.value(node, SKOS.prefLabel) or node)
        score.spurious.append(f"{name}: {label} [{', '.join(sorted(types))}]")

    _score_relations(graph, gold, emitted, node_of, score)
    return score


def _score_relations(graph: Graph, gold: dict, emitted: dict, node_of: dict[str, URIRef], score: Score) -> None:
    name = gold["document"]
    gid_of = {node: gid for gid, node in node_of.items()}
    found: set[tuple[URIRef, str, URIRef]] = set()
    nodes = set(emitted)
    stated = _stated_in(graph, name)
    for s, p, o in graph.triples((None, None, None)):
        predicate = _local(p)
        if predicate in RELATIONS and str(p).startswith(str(SOVKG)) and s in nodes and o in nodes:
            if stated is None or _one_way(s, predicate, o) in stated:
                found.add(_one_way(s, predicate, o))
    matched: set[tuple[URIRef, str, URIRef]] = set()
    for relation in gold.get("relations", []):
        predicates = gold_predicates(relation)
        s, o = node_of.get(relation["s"]), node_of.get(relation["o"])
        hit = None
        if s is not None and o is not None:
            for predicate in predicates:
                if _one_way(s, predicate, o) in found:
                    hit = _one_way(s, predicate, o)
        bucket = score.relations_by_predicate[predicates[0]]
        if hit is not None:
            if hit not in matched:
                score.relations.tp += 1
                bucket.tp += 1
            matched.add(hit)
        elif relation.get("required", True):
            score.relations.fn += 1
            bucket.fn += 1
            score.missed_relations.append(f"{name}: {relation['s']} {'|'.join(predicates)} {relation['o']}")
    for triple in found:
        hit = triple in matched
        for method in (stated or {}).get(triple, ()):
            score.relations_by_method[method].add(Counts(tp=int(hit), fp=int(not hit)))
    for triple in sorted(found - matched):
        s, predicate, o = triple
        score.relations.fp += 1
        score.relations_by_predicate[predicate].fp += 1
        label = lambda n: gid_of.get(n) or str(graph.value(n, SKOS.prefLabel) or n)  # noqa: E731
        score.spurious_relations.append(f"{name}: {label(s)} {predicate} {label(o)}")


def _one_way(s: URIRef, predicate: str, o: URIRef) -> tuple[URIRef, str, URIRef]:
    """A relation as scored: a symmetric one (``cooperatesWith``) stated both ways is one
    fact, matched and counted once, with its ends in a fixed order."""
    return (min(s, o), predicate, max(s, o)) if predicate in SYMMETRIC else (s, predicate, o)


def _stated_in(graph: Graph, source: str) -> dict[tuple[URIRef, str, URIRef], set[str]] | None:
    """Relations whose evidence lies in the document read from ``source`` (as scored, see
    :func:`_one_way`), each with the methods that stated it there, so that a build of
    several documents scores each on what it states; None when the graph carries no
    evidence at all (then every relation between its entities counts)."""
    documents = {d for d in graph.subjects(DCTERMS.source, None) if str(graph.value(d, DCTERMS.source)) == source}
    evidence = list(graph.subjects(RDF.type, SOVKG.Evidence))
    if not evidence:
        return None
    stated: dict[tuple[URIRef, str, URIRef], set[str]] = defaultdict(set)
    for node in evidence:
        if graph.value(node, SOVKG.inDocument) in documents:
            triple = _one_way(graph.value(node, SOVKG.evidenceSubject),
                              _local(graph.value(node, SOVKG.evidencePredicate)),
                              graph.value(node, SOVKG.evidenceObject))
            stated[triple].add(str(graph.value(node, SOVKG.method) or "unknown"))
    return stated


def score(graph: Graph, golds: Sequence[dict]) -> Score:
    total = Score()
    for gold in golds:
        total.add(score_document(graph, gold))
    return total
