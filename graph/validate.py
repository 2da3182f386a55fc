"""SHACL validation of a build against ``ontology/shapes.ttl``.

A build is validated piece by piece (:class:`ShapeChecker`): each document's graph with
its provenance as it is produced, the entities and the knowledge base once. Full RDFS
inference over a whole corpus (pySHACL's ``inference="rdfs"``) cost most of a build's
time and grew faster than the corpus; the shapes need only three kinds of inference,
which the checker adds to each piece itself: the ontology's ``rdfs:subClassOf`` axioms
(SHACL follows them in the data graph for ``sh:targetClass`` and ``sh:class``), the
types that ``rdfs:domain`` and ``rdfs:range`` give, and the super-properties the shapes
name as paths.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

Triple = tuple


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[str, ...]
    """One line per violation: focus node, path and message, sorted."""


def validate(data: Graph, *, shapes: Path, ontology: Path) -> ValidationReport:
    """Validate one graph with the ontology's inference the shapes need."""
    violations = checker(shapes, ontology).check(data)
    return ValidationReport(conforms=not violations, violations=violations)


@lru_cache(maxsize=4)
def checker(shapes: Path, ontology: Path) -> ShapeChecker:
    """One checker per process for a pair of files (parsing the shapes costs more than a piece)."""
    return ShapeChecker(Graph().parse(shapes, format="turtle"), Graph().parse(ontology, format="turtle"))


class ShapeChecker:
    """Validates pieces of a build with the inference the shapes need, and no more."""

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.shapes = shapes
        self._subclass_axioms = [(s, RDFS.subClassOf, o) for s, o in ontology.subject_objects(RDFS.subClassOf)
                                 if isinstance(s, URIRef) and isinstance(o, URIRef)]
        paths = {p for p in shapes.objects(None, SH.path) if isinstance(p, URIRef)}
        self._domains = _by_subject(ontology, RDFS.domain)
        self._ranges = _by_subject(ontology, RDFS.range)
        supers = _closure(_by_subject(ontology, RDFS.subPropertyOf))
        self._super_paths = {p: tuple(sorted(q for q in qs if q in paths)) for p, qs in supers.items()}
        self._super_paths = {p: qs for p, qs in self._super_paths.items() if qs}

    def entailed(self, triples: Iterable[Triple]) -> Graph:
        """``triples`` with the subclass axioms and the types and properties they entail."""
        graph = Graph()
        for axiom in self._subclass_axioms:
            graph.add(axiom)
        for s, p, o in triples:
            graph.add((s, p, o))
            for cls in self._domains.get(p, ()):
                graph.add((s, RDF.type, cls))
            if not isinstance(o, Literal):
                for cls in self._ranges.get(p, ()):
                    graph.add((o, RDF.type, cls))
            for super_property in self._super_paths.get(p, ()):
                graph.add((s, super_property, o))
        return graph

    def check(self, triples: Iterable[Triple], *, focus: Sequence[URIRef] | None = None) -> tuple[str, ...]:
        """Violations of the shapes by ``triples``, one sorted line each; with ``focus``,
        only those nodes are validated (the rest, entities say, only typed for ``sh:class``)."""
        import pyshacl

        if focus is not None and not focus:
            return ()
        _conforms, results, _text = pyshacl.validate(
            self.entailed(triples), shacl_graph=self.shapes, inference="none", abort_on_first=False,
            allow_warnings=True, focus_nodes=list(focus) if focus is not None else None,
        )
        return _violation_lines(results)


def _violation_lines(results: Graph) -> tuple[str, ...]:
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        if severity is not None and severity != SH.Violation:
            continue
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage) or "constraint violated"
        lines.append(f"{focus} {path or ''}: {message}".replace("  ", " "))
    return tuple(sorted(set(lines)))


def _by_subject(graph: Graph, predicate: URIRef) -> dict[URIRef, tuple[URIRef, ...]]:
    found: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, o in graph.subject_objects(predicate):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            found[s].add(o)
    return {s: tuple(sorted(os)) for s, os in found.items()}


def _closure(direct: dict[URIRef, tuple[URIRef, ...]]) -> dict[URIRef, set[URIRef]]:
    """Every ancestor of each key (the relation is small; a walk per key is enough)."""
    result = {}
    for start in direct:
        seen, stack = set(), list(direct[start])
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(direct.get(node, ()))
        result[start] = seen
    return result
