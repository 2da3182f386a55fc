"""``sovkg build``: documents in, graph files out."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from sovkg.extract.tasks import DEFAULT_MIN_CONFIDENCE


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "build",
        help="build the graph of documents (default: the bundled sample)",
        description="Read documents, extract entities, and write graph.trig, graph.ttl "
        "and graph.html into the output folder.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders of documents (default: the bundled sample)")
    parser.add_argument("--out", type=Path, default=Path("sovkg-out"),
                        help="output folder (default: ./sovkg-out)")
    parser.add_argument("--kb", default="default", metavar="default|none|FILE",
                        help="knowledge base of known names: the bundled one (default), "
                        "none, or a Turtle file")
    parser.add_argument("--ner", action="store_true",
                        help="run the learned NER model over the whole text and add the persons and "
                        "organisations the rules missed (slower; by default it only checks the rules' "
                        "weakest guesses, in their sentences)")
    parser.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, metavar="C",
                        help="leave out relations found with less confidence than C, 0 to 1 "
                        "(default: %(default)s, chosen on the development set)")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="skip SHACL validation")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="worker processes that extract and validate (default: the machine's cores); "
                        "the output is the same for any N")
    parser.add_argument("--rebuild", action="store_true",
                        help="ignore what earlier builds into --out cached and extract everything again")
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="where documents are extracted: local processes (default) or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="the Dask scheduler for --executor dask, e.g. tcp://10.0.0.5:8786")
    parser.set_defaults(run=run)


log = logging.getLogger("sovkg.build")


def run(args: argparse.Namespace) -> int:
    from sovkg.builder import build
    from sovkg.errors import NothingBuilt

    try:
        report = build(args.paths, args.out, kb=args.kb, validate=args.validate, progress=progress_bar,
                       ner=args.ner, min_confidence=args.min_confidence, jobs=args.jobs, executor=args.executor, scheduler=args.scheduler,
                       rebuild=args.rebuild)
    except NothingBuilt as exc:  # say why each input failed before the error itself
        for line in exc.failures:
            log.error("skipped %s", line)
        raise
    for line in report.failures:
        log.warning("skipped %s", line)
    for line in report.warnings:
        log.warning("warning: %s", line)
    if getattr(args, "verbosity", 0) >= 0:
        print(summary(report))
    if report.violations:
        for line in report.violations[:20]:
            print(f"sovkg: shacl: {line}", file=sys.stderr)
        print(f"sovkg: error: SHACL validation found {len(report.violations)} violation(s); "
              "output was written, see above", file=sys.stderr)
        return 1
    return 0


def progress_bar(phase: str, total: int) -> Callable[[], None] | None:
    """A progress bar on stderr for each phase of more than one item, when stderr is a
    terminal (a log file gets no bars)."""
    if total < 2 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc" if phase != "writing" else "step", desc=phase, file=sys.stderr,
               leave=False)

    def tick() -> None:
        bar.update(1)
        if bar.n >= total:
            bar.close()

    return tick


def summary(report) -> str:
    by_type = ", ".join(f"{t} {n}" for t, n in sorted(report.entities_by_type.items()))
    total = sum(report.entities_by_type.values())
    cached = report.files_read - report.extracted
    lines = [
        f"documents: {report.documents} (from {report.files_read} file"
        f"{'s' if report.files_read != 1 else ''}" + (f", {cached} unchanged since the last build" if cached else "")
        + ")",
        f"entities:  {total}" + (f" ({by_type})" if by_type else ""),
        f"relations: {report.relations}" + (f" ({', '.join(f'{p} {n}' for p, n in sorted(report.relations_by_predicate.items()))})"
                                            if report.relations_by_predicate else ""),
        f"triples:   {report.triples}",
        "validation: " + (
            "skipped" if not report.validated
            else "passed (SHACL)" if not report.violations
            else f"{len(report.violations)} violation(s)"
        ),
    ]
    lines += [f"described: {report.description}"] if report.description else []
    lines += [f"wrote:     {path}" for path in report.files]
    return "\n".join(lines)
