"""SHACL validation of a build against ``ontology/shapes.ttl``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[str, ...]
    """One line per violation: focus node, path and message, sorted."""


def validate(data: Graph, *, shapes: Path, ontology: Path) -> ValidationReport:
    """Validate ``data`` with pySHACL, RDFS inference over the ontology included.

    The ontology is passed separately (``ont_graph``) so that instances of subclasses
    (a ``KleineAnfrage`` is a ``Document``) are targeted by the superclass's shape
    without the ontology's own triples being validated as data.
    """
    import pyshacl

    shapes_graph = Graph().parse(shapes, format="turtle")
    ontology_graph = Graph().parse(ontology, format="turtle")
    conforms, results, _text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph,
        ont_graph=ontology_graph,
        inference="rdfs",
        abort_on_first=False,
        allow_warnings=True,
    )
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        if severity is not None and severity != SH.Violation:
            continue
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage) or "constraint violated"
        lines.append(f"{focus} {path or ''}: {message}".replace("  ", " "))
    return ValidationReport(conforms=bool(conforms) or not lines, violations=tuple(sorted(lines)))
