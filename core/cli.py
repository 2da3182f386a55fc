"""The ``sovkg`` command: thin subcommands over library functions.

Heavy libraries (spaCy, rdflib, pyshacl) are imported inside the subcommands so that
``sovkg --help`` answers at once. User errors print one line and exit non-zero;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sovkg import __version__
from sovkg.errors import SovkgError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except SovkgError as exc:
        if args.debug:
            raise
        print(f"sovkg: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sovkg: interrupted; earlier output is unchanged", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sovkg",
        description="Knowledge graph of digital-sovereignty and AI initiatives "
        "from German public-sector documents.",
    )
    parser.add_argument("--version", action="version", version=f"sovkg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build the graph of documents (default: the bundled sample)",
        description="Read documents, extract entities, and write graph.trig, graph.ttl "
        "and graph.html into the output folder.",
    )
    build.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="files or folders of .txt documents (default: the bundled sample)")
    build.add_argument("--out", type=Path, default=Path("sovkg-out"),
                       help="output folder (default: ./sovkg-out)")
    build.add_argument("--kb", default="default", metavar="default|none|FILE",
                       help="knowledge base of known names: the bundled one (default), "
                       "none, or a Turtle file")
    build.add_argument("--no-validate", dest="validate", action="store_false",
                       help="skip SHACL validation")
    build.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    build.set_defaults(run=_run_build)
    return parser


def _run_build(args: argparse.Namespace) -> int:
    from sovkg.build import build

    report = build(args.paths, args.out, kb=args.kb, validate=args.validate, progress=_progress)
    for line in report.failures:
        print(f"sovkg: skipped {line}", file=sys.stderr)
    for line in report.warnings:
        print(f"sovkg: warning: {line}", file=sys.stderr)
    print(_summary(report))
    if report.violations:
        for line in report.violations[:20]:
            print(f"sovkg: shacl: {line}", file=sys.stderr)
        print(f"sovkg: error: SHACL validation found {len(report.violations)} violation(s); "
              "output was written, see above", file=sys.stderr)
        return 1
    return 0


def _progress(total: int) -> Callable[[], None] | None:
    """A progress bar on stderr for runs of more than one document."""
    if total < 2:
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr, leave=False)

    def tick() -> None:
        bar.update(1)
        if bar.n >= total:
            bar.close()

    return tick


def _summary(report) -> str:
    by_type = ", ".join(f"{t} {n}" for t, n in sorted(report.entities_by_type.items()))
    total = sum(report.entities_by_type.values())
    lines = [
        f"documents: {report.documents}",
        f"entities:  {total}" + (f" ({by_type})" if by_type else ""),
        f"relations: {report.relations}",
        f"triples:   {report.triples}",
        "validation: " + (
            "skipped" if not report.validated
            else "passed (SHACL)" if not report.violations
            else f"{len(report.violations)} violation(s)"
        ),
    ]
    lines += [f"wrote:     {path}" for path in report.files]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
