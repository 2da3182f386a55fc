"""``sovkg build``: documents in, graph files out, one document at a time.

This module composes the two halves, :mod:`sovkg.extract` (text → records) and
:mod:`sovkg.graph` (records → RDF, validation, view), in four phases, each with its own
progress:

1. *extracting*: each file is read and run through the pipeline (in worker processes
   or on Dask, :mod:`sovkg.executors`); its records go to the build cache at once;
2. *linking*: the documents' names are resolved and gathered into a compact index
   (:class:`sovkg.extract.linker.LinkIndex`), from which the entities are made;
3. *validating*: each document's graph is rendered and checked against the shapes on
   its own (:mod:`sovkg.graph.shards`), the entities in shards of their own;
4. *writing*: the shards are streamed into ``graph.trig`` and ``graph.ttl``, loaded
   into the on-disk store, and drawn as ``graph.html``.

Only the index and a few counts are held for the whole corpus, so memory stays flat as
the corpus grows. Everything per document is cached under the output folder by a hash
of its inputs (:mod:`sovkg.cache`), so building a folder again costs what changed. It is
a plain function so notebooks can call it as the CLI does.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sovkg.errors import InputError, NothingBuilt
from sovkg.graph.store import STORE, TRIG  # noqa: F401 - the names of a build's files, with those below
from sovkg.kb import resolve_kb
from sovkg.extract.tasks import DEFAULT_MIN_CONFIDENCE

TURTLE = "graph.ttl"
HTML = "graph.html"
log = logging.getLogger("sovkg.build")

if TYPE_CHECKING:
    from sovkg.cache import BuildCache
    from sovkg.executors import Executor
    from sovkg.extract.linker import KBIndex, Linking
    from sovkg.extract.records import DocumentExtraction
    from sovkg.graph.shards import DocumentShard

#: A test hook: "extract", "validate" or "write" kills the build at that point, as a crash would.
FAULT = "SOVKG_FAULT"

#: ``progress(phase, total)`` may return a callback called once per item of the phase.
Progress = Callable[[str, int], Callable[[], None] | None]


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
    extracted: int = 0
    """Files run through the pipeline in this build; the others came from the cache."""


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
    progress: Progress | None = None,
    ner: bool = False,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | object | None = None,
    rebuild: bool = False,
) -> BuildReport:
    """Build the graph of ``paths`` (default: the bundled sample) into ``out``.

    Files that cannot be read are reported in :attr:`BuildReport.failures` and
    skipped; if none can be read, :class:`NothingBuilt` is raised and nothing is
    written. Output files are replaced atomically, only after everything is built.
    ``jobs`` worker processes extract (default: the cores), or the Dask cluster at
    ``scheduler`` with ``executor="dask"``; the output is the same byte for byte.
    ``rebuild`` ignores what earlier builds into ``out`` cached; relations found with
    less than ``min_confidence`` are left out.
    """
    from sovkg.cache import CACHE_DIR, BuildCache, pipeline_fingerprint
    from sovkg.executors import executor_for
    from sovkg.graph.outputs import check_out

    check_out(out)  # a wrong --out is said at once, not after the whole build
    report = BuildReport(out=out)
    kb_path = resolve_kb(kb)
    inputs = _inputs(paths, report)
    cache = BuildCache(Path(out) / CACHE_DIR)
    run = _Run(cache=cache, kb_path=kb_path, ner=ner, min_confidence=min_confidence, validate=validate,
               rebuild=rebuild, fingerprint=pipeline_fingerprint(kb_path, ner=ner, min_confidence=min_confidence),
               progress=progress, report=report)
    pool = executor_for(executor, jobs=jobs, scheduler=scheduler)
    try:
        documents = _extract_all(inputs, run, pool)
        if not documents:
            raise NothingBuilt("no document could be read; nothing was written" + _first(report.failures),
                               report.failures)
        linking = _link_all(documents, run)
        shards = _render_all(documents, linking, run, pool)
    finally:
        pool.close()
    from sovkg.write import write_build

    write_build(run, documents, linking, shards)
    cache.prune(("summary", "extraction", "evidence", "shard", "piece", "triples"))
    log.info("wrote %s", ", ".join(str(path) for path in report.files))
    return report


@dataclass(slots=True)
class _Run:
    """One build's settings and the state every phase shares."""

    cache: BuildCache
    kb_path: Path | None
    ner: bool
    min_confidence: float
    validate: bool
    rebuild: bool
    fingerprint: str
    progress: Progress | None
    report: BuildReport
    aliases: dict[str, str] = field(default_factory=dict)
    kb_index: KBIndex | None = None

    def ticker(self, phase: str, total: int) -> Callable[[], None]:
        tick = self.progress(phase, total) if self.progress is not None else None
        return tick if tick is not None else (lambda: None)


@dataclass(frozen=True, slots=True)
class Summary:
    """What a build keeps of one extracted file between its phases (and caches)."""

    source: str
    sha256: str
    parts: int
    aliases: tuple[tuple[str, str], ...]
    needs: frozenset[str]
    """The folded names whose meaning an abbreviation defined elsewhere may change."""
    warnings: tuple[str, ...]


@dataclass(slots=True)
class Document:
    """One input file through the phases of a build: keys into the cache, not records."""

    path: Path
    key: str
    raw: str = ""
    """Cache key of its extraction: content, name and the pipeline's fingerprint."""
    summary: Summary | None = None
    resolved: str = ""
    """Cache key of its resolved names: ``raw`` and the abbreviations they depend on."""
    keys: frozenset[str] = frozenset()
    shard: str = ""
    """Cache key of its rendered, checked graph."""


def _inputs(paths: Sequence[Path] | None, report: BuildReport) -> list[tuple[Path, str]]:
    """The files to read with their document keys (a name seen twice gets "-2")."""
    from sovkg.extract.reader import document_key, iter_input_files

    seen: Counter[str] = Counter()
    inputs = []
    for item in iter_input_files(list(paths) if paths else sample_paths()):
        if isinstance(item, InputError):
            report.failures.append(str(item))
            continue
        key = document_key(item)
        seen[key] += 1
        inputs.append((item, key if seen[key] == 1 else f"{key}-{seen[key]}"))
    return inputs


def _extract_all(inputs: list[tuple[Path, str]], run: _Run, pool: Executor) -> list[Document]:
    """Phase 1: every file's records in the cache, extracted where the cache has none."""
    from sovkg.extract.tasks import ExtractTask, extract_file

    documents, todo = [], []
    for path, key in inputs:
        document = Document(path=path, key=key, raw=_raw_key(path, key, run.fingerprint))
        document.summary = None if run.rebuild else run.cache.get("summary", document.raw)
        run.cache.keep("extraction", document.raw)  # read later only if the document's graph changed
        documents.append(document)
        if document.summary is None:
            todo.append(document)
    tick = run.ticker("extracting", len(todo))
    kb = str(run.kb_path) if run.kb_path is not None else "none"
    tasks = (ExtractTask(str(d.path), d.key, kb, run.ner, run.min_confidence) for d in todo)
    for document, result in zip(todo, pool.map(extract_file, tasks)):
        fault("extract")
        tick()
        if result.item is None:
            run.report.failures.append(result.failure)
            continue
        document.summary = _store_extraction(run.cache, document.raw, result)
    run.report.extracted = sum(1 for d in todo if d.summary is not None)
    documents = [d for d in documents if d.summary is not None]
    for document in documents:
        run.report.warnings += document.summary.warnings
    log.info("extracted %d file(s), %d from the cache", run.report.extracted,
             len(documents) - run.report.extracted)
    return documents


def _raw_key(path: Path, key: str, fingerprint: str) -> str:
    from sovkg.cache import digest

    try:
        with open(path, "rb") as handle:
            content = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        content = "unreadable"  # the reader says why, with the file's name
    return digest(fingerprint, key, path.name, content)


def _store_extraction(cache: BuildCache, raw: str, result) -> Summary:
    from sovkg.extract.linker import name_key

    item = result.item
    summary = Summary(
        source=item.document.source, sha256=item.document.sha256, parts=max(1, len(item.parts)),
        aliases=item.aliases, warnings=result.warnings,
        needs=frozenset(" ".join(name_key(m.name or m.text)) for m in item.mentions if not m.entity_key),
    )
    cache.put("extraction", raw, item)
    cache.put("summary", raw, summary)  # last: a summary promises the records are there
    return summary


def _link_all(documents: list[Document], run: _Run) -> Linking:
    """Phase 2: every document's names resolved, gathered in one index, linked."""
    from sovkg.cache import digest
    from sovkg.extract.linker import KBIndex, LinkIndex
    from sovkg.kb import load_kb

    run.kb_index = KBIndex(load_kb(run.kb_path) if run.kb_path is not None else ())
    for document in documents:  # a later document's definition wins, as in alias_map()
        run.aliases.update(document.summary.aliases)
    index = LinkIndex()
    tick = run.ticker("linking", len(documents))
    for document in documents:
        relevant = sorted((n, run.aliases[n]) for n in document.summary.needs if n in run.aliases)
        document.resolved = digest(document.raw, relevant)
        found = None if run.rebuild else run.cache.get("evidence", document.resolved)
        if found is None:
            found = LinkIndex.of(resolved_item(document, run))
            run.cache.put("evidence", document.resolved, found)
        index.update(found)
        document.keys = found.keys()
        tick()
    linking = index.linking(run.kb_index)
    log.info("linked %d document(s): %d entities", len(documents), len(linking.entities))
    return linking


def resolved_item(document: Document, run: _Run) -> DocumentExtraction:
    """The document's records with entity keys (extracted again if the cache lost them)."""
    from sovkg.extract.linker import resolve_document
    from sovkg.extract.tasks import ExtractTask, extract_file

    item = run.cache.get("extraction", document.raw)
    if item is None:
        kb = str(run.kb_path) if run.kb_path is not None else "none"
        item = extract_file(ExtractTask(str(document.path), document.key, kb, run.ner, run.min_confidence)).item
        run.cache.put("extraction", document.raw, item)
    return resolve_document(item, run.kb_index, run.aliases)


def _render_all(documents: list[Document], linking: Linking, run: _Run, pool: Executor) -> dict[str, DocumentShard]:
    """Phase 3: every document's graph rendered and checked (where the cache has none)."""
    from sovkg.cache import digest
    from sovkg.graph.shards import render_document

    shards: dict[str, DocumentShard] = {}
    todo = []
    for document in documents:
        final = {k: linking.final_keys(k) for k in sorted(document.keys)}
        finals = sorted({f for pair in final.values() for f in pair})
        types = {f: linking.entities[f].types for f in finals if f in linking.entities}
        document.shard = digest(document.resolved, final, types, run.validate)
        shard = None if run.rebuild else run.cache.get("shard", document.shard)
        if shard is None:
            todo.append(document)
        else:
            shards[document.key] = _summarised(shard)
    tick = run.ticker("validating" if run.validate else "rendering", len(todo))
    for document, shard in zip(todo, pool.map(render_document, _render_tasks(todo, linking, run))):
        fault("validate")
        run.cache.put("shard", document.shard, shard)
        shards[document.key] = _summarised(shard)
        tick()
    return shards


def _render_tasks(documents: Iterable[Document], linking: Linking, run: _Run) -> Iterator[object]:
    from sovkg.graph.shards import RenderTask
    from sovkg.ontology import ontology_path

    shapes, ontology = ontology_path("shapes.ttl"), ontology_path("sovkg.ttl")
    for document in documents:
        item = linking.apply(resolved_item(document, run))
        types = {k: e.types for k, e in linking.entities_of(item).items()}
        yield RenderTask(item=item, entity_types=types, validate=run.validate, shapes=shapes, ontology=ontology)


def _summarised(shard: DocumentShard) -> DocumentShard:
    """A shard without its text: what the description and the report need."""
    from dataclasses import replace

    from sovkg.graph.shards import Piece

    return replace(shard, document=Piece("", shard.document.triples, shard.document.violations),
                   provenance=Piece("", shard.provenance.triples, shard.provenance.violations))


def extract(
    paths: Sequence[Path] | None,
    *,
    kb: str | Path | None = "default",
    report: BuildReport | None = None,
    ner: bool = False,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
):
    """Read, extract and link the documents in memory: the records of a small build, for
    evaluation and notebooks. Returns ``(extraction, kb_path)``."""
    from sovkg.extract.linker import KBIndex, alias_map, resolve_document, LinkIndex
    from sovkg.extract.records import Extraction
    from sovkg.extract.tasks import ExtractTask, extract_file
    from sovkg.kb import load_kb

    report = report if report is not None else BuildReport(out=Path("."))
    kb_path = resolve_kb(kb)
    items = []
    for path, key in _inputs(paths, report):
        result = extract_file(ExtractTask(str(path), key, str(kb_path) if kb_path else "none", ner, min_confidence))
        if result.item is None:
            report.failures.append(result.failure)
            continue
        report.warnings += result.warnings
        items.append(result.item)
    if not items:
        raise NothingBuilt("no document could be read; nothing was written" + _first(report.failures),
                           report.failures)
    kb_index = KBIndex(load_kb(kb_path) if kb_path is not None else ())
    aliases = alias_map(items)
    index, resolved = LinkIndex(), []
    for item in items:
        resolved.append(resolve_document(item, kb_index, aliases))
        index.add(resolved[-1])
    linking = index.linking(kb_index)
    return Extraction(documents=[linking.apply(item) for item in resolved], entities=linking.entities), kb_path


def build_dataset(paths: Sequence[Path] | None = None, *, kb: str | Path | None = "default", ner: bool = False,
                  min_confidence: float = DEFAULT_MIN_CONFIDENCE):
    """The build's named graphs as an rdflib Dataset, without writing anything."""
    from sovkg.graph import rdf
    from sovkg.ontology import ontology_path

    extraction, kb_path = extract(paths, kb=kb, ner=ner, min_confidence=min_confidence)
    return rdf.to_dataset(extraction, ontology=ontology_path("sovkg.ttl"), kb=kb_path)


def _first(failures: list[str]) -> str:
    return f" ({failures[0]})" if len(failures) == 1 else ""
