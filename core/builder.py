"""``sovkg build``: documents in, graph files out.

This module composes the two halves: :mod:`sovkg.extract` (text → records) and
:mod:`sovkg.graph` (records → RDF, validation, view). It is a plain function so
notebooks can call it as the CLI does.
"""

from __future__ import annotations

import logging
import os
import signal
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sovkg.errors import InputError, NothingBuilt
from sovkg.kb import resolve_kb

TRIG = "graph.trig"
TURTLE = "graph.ttl"
HTML = "graph.html"
log = logging.getLogger("sovkg.build")

#: A test hook: "extract", "validate" or "write" kills the build at that point, as a crash would.
FAULT = "SOVKG_FAULT"


def fault(phase: str) -> None:
    """Kill the process at ``phase`` if the test hook asks for it (nothing is cleaned up)."""
    if os.environ.get(FAULT) == phase:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(slots=True)
class BuildReport:
    out: Path
    documents: int = 0
    """Documents found: a file may hold a Kleine Anfrage and its Antwort."""
    files_read: int = 0
    entities_by_type: Counter[str] = field(default_factory=Counter)
    relations: int = 0
    triples: int = 0
    files: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    """One line per input that could not be read."""
    warnings: list[str] = field(default_factory=list)
    violations: tuple[str, ...] = ()
    validated: bool = False
    relations_by_predicate: Counter[str] = field(default_factory=Counter)
    description: str = ""
    """Who made the build, when, under which licence (its VoID/DCAT graph says more)."""


def sample_paths() -> list[Path]:
    """The bundled sample documents, as installed with the package."""
    from importlib.resources import files

    folder = Path(str(files("sovkg").joinpath("data", "sample")))
    return sorted(folder.glob("*.txt"))


def build(
    paths: Sequence[Path] | None = None,
    out: Path = Path("sovkg-out"),
    *,
    kb: str | Path | None = "default",
    validate: bool = True,
    progress: Callable[[int], Callable[[], None]] | None = None,
    ner: bool = False,
) -> BuildReport:
    """Build the graph of ``paths`` (default: the bundled sample) into ``out``.

    Files that cannot be read are reported in :attr:`BuildReport.failures` and
    skipped; if none can be read, :class:`NothingBuilt` is raised and nothing is
    written. Output files are replaced atomically, only after everything is built.
    ``progress(total)`` may return a callback that is called once per document.
    """
    from sovkg.graph.outputs import check_out

    check_out(out)  # a wrong --out is said at once, not after the whole build
    report = BuildReport(out=out)
    extraction, kb_path = extract(paths, kb=kb, progress=progress, report=report, ner=ner)
    log.info("extracted %d file(s), %d entities", len(extraction.documents), len(extraction.entities))
    _write_outputs(extraction, report, kb_path=kb_path, validate=validate)
    log.info("wrote %s", ", ".join(str(path) for path in report.files))
    return report


def extract(
    paths: Sequence[Path] | None,
    *,
    kb: str | Path | None = "default",
    progress: Callable[[int], Callable[[], None]] | None = None,
    report: BuildReport | None = None,
    ner: bool = False,
):
    """Read and extract the documents: linked records, ready to become RDF.

    Returns ``(extraction, kb_path)``; read failures and warnings go to ``report``.
    """
    from sovkg.extract.reader import iter_input_files, read_source

    report = report if report is not None else BuildReport(out=Path("."))
    kb_path = resolve_kb(kb)
    sources = []
    seen_keys: Counter[str] = Counter()
    for item in iter_input_files(list(paths) if paths else sample_paths()):
        if isinstance(item, InputError):
            report.failures.append(str(item))
            continue
        try:
            result = read_source(item)
        except InputError as exc:
            report.failures.append(str(exc))
            continue
        if result.warning:
            report.warnings.append(result.warning)
        document = result.document
        seen_keys[document.key] += 1
        if seen_keys[document.key] > 1:  # same file name in two folders
            document = _rekeyed(document, f"{document.key}-{seen_keys[document.key]}")
        sources.append(document)
    if not sources:
        raise NothingBuilt("no document could be read; nothing was written" + _first(report.failures),
                           report.failures)

    extraction = _extract(sources, kb_path, progress, ner)
    for item in extraction.documents:
        for part in item.parts:
            report.warnings += [f"{item.document.source}: {note}" for note in part.notes]
    return extraction, kb_path


def build_dataset(paths: Sequence[Path] | None = None, *, kb: str | Path | None = "default", ner: bool = False):
    """The build's named graphs as an rdflib Dataset, without writing anything."""
    from sovkg.graph import rdf
    from sovkg.ontology import ontology_path

    extraction, kb_path = extract(paths, kb=kb, ner=ner)
    return rdf.to_dataset(extraction, ontology=ontology_path("sovkg.ttl"), kb=kb_path)


def _first(failures: list[str]) -> str:
    return f" ({failures[0]})" if len(failures) == 1 else ""


def _rekeyed(document, key: str):
    from dataclasses import replace

    return replace(document, key=key)


def _extract(sources, kb_path, progress, ner: bool = False):
    from sovkg.extract.extractor import extract_documents
    from sovkg.extract.linker import KBIndex, link, readable_keys, resolve
    from sovkg.extract.nlp import load_pipeline
    from sovkg.extract.records import Extraction
    from sovkg.extract.relations import with_relations
    from sovkg.kb import load_kb

    nlp = load_pipeline(kb=kb_path if kb_path is not None else "none", ner=ner)
    tick = progress(len(sources)) if progress is not None else None
    def done(_document) -> None:
        fault("extract")
        if tick is not None:
            tick()

    documents = extract_documents(sources, nlp, on_document=done)
    kb = KBIndex(load_kb(kb_path) if kb_path is not None else ())
    documents = with_relations(resolve(documents, kb))
    documents, entities = readable_keys(documents, link(documents, kb))
    return Extraction(documents=documents, entities=entities)


def _write_outputs(extraction, report: BuildReport, *, kb_path, validate: bool) -> None:
    from rdflib import Graph

    from sovkg import __version__
    from sovkg.graph import rdf, serialize
    from rdflib import DCTERMS

    from sovkg.graph.description import DATASET, DESCRIPTION_GRAPH, LICENSE_NAME, describe
    from sovkg.graph.network import to_networkx
    from sovkg.graph.outputs import write_output_set
    from sovkg.graph.view import render_view
    from sovkg.ontology import ontology_path

    dataset = rdf.to_dataset(extraction, ontology=ontology_path("sovkg.ttl"), kb=kb_path)
    graphs = {ctx.identifier: set(ctx) for ctx in dataset.graphs() if len(ctx)}
    sources = [(d.document.key, d.document.source, d.document.sha256) for d in extraction.documents]
    merged = set().union(*graphs.values())
    description = describe(graphs, sources, version=__version__, triples=merged)  # the build describes itself
    dataset.graph(DESCRIPTION_GRAPH).__iadd__(description)
    graphs[DESCRIPTION_GRAPH] = set(description)
    merged |= graphs[DESCRIPTION_GRAPH]

    if validate:
        from sovkg.graph.validate import validate as shacl_validate

        fault("validate")
        data = Graph()
        for name, triples in graphs.items():
            if name != rdf.ONTOLOGY_GRAPH:
                for triple in triples:
                    data.add(triple)
        result = shacl_validate(
            data, shapes=ontology_path("shapes.ttl"), ontology=ontology_path("sovkg.ttl")
        )
        report.validated = True
        report.violations = result.violations
        log.info("validated with SHACL: %d violation(s)", len(result.violations))

    texts = {
        rdf_name: text
        for rdf_name, text in (
            (TRIG, serialize.trig(graphs, rdf.PREFIXES)),
            (TURTLE, serialize.turtle(merged, rdf.PREFIXES)),
            (HTML, render_view(to_networkx(dataset, mentioned_only=True), title="sovkg – " + _title(extraction))),
        )
    }
    write_output_set(report.out, texts, fault=os.environ.get(FAULT))
    report.files += [report.out / name for name in texts]

    report.files_read = len(extraction.documents)
    report.documents = sum(max(1, len(d.parts)) for d in extraction.documents)
    report.relations_by_predicate = rdf.relations_by_predicate(merged)
    report.relations = sum(report.relations_by_predicate.values())
    report.description = (f"sovkg {__version__}, {description.value(DATASET, DCTERMS.created)}, "
                          f"{LICENSE_NAME}; VoID/DCAT in graph {DESCRIPTION_GRAPH}")
    report.entities_by_type = Counter(t for e in extraction.entities.values() for t in e.types[:1])
    report.triples = len(merged)


def _title(extraction) -> str:
    names = [d.document.source for d in extraction.documents]
    return names[0] if len(names) == 1 else f"{len(names)} documents"
