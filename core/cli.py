"""The ``sovkg`` command: one console script, thin subcommands over library functions.

The subcommands live in :mod:`sovkg.commands`, one module each. Heavy libraries
(spaCy, rdflib, pyshacl) are imported inside them so that ``sovkg --help`` answers at
once. User errors print one line and exit non-zero; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from sovkg import __version__
from sovkg.commands import COMMANDS
from sovkg.errors import SovkgError


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    # --debug, -v and -q are accepted anywhere on the line, before or after the subcommand
    debug = "--debug" in argv
    verbosity = sum(_VERBOSITY.get(a, 0) for a in argv)
    args = parser.parse_args([a for a in argv if a != "--debug" and a not in _VERBOSITY])
    args.debug, args.verbosity = debug, verbosity
    configure_logging(verbosity)
    if not getattr(args, "run", None):
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


_VERBOSITY = {"-v": 1, "--verbose": 1, "-vv": 2, "-q": -1, "--quiet": -1}


def configure_logging(verbosity: int) -> None:
    """sovkg's messages through :mod:`logging`, one line each ("sovkg: …") on stderr:
    warnings by default, progress notes with ``-v``, only errors with ``-q``; other
    libraries' records only with ``-vv``."""
    level = logging.ERROR if verbosity < 0 else logging.WARNING if verbosity == 0 else logging.INFO \
        if verbosity == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("sovkg: %(message)s"))
    own = logging.getLogger("sovkg")
    own.handlers, own.propagate = [handler], False
    own.setLevel(level)
    logging.basicConfig(level=logging.DEBUG if verbosity > 1 else logging.CRITICAL,
                        format="sovkg: %(name)s: %(message)s", force=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sovkg",
        description="Knowledge graph of digital-sovereignty and AI initiatives "
        "from German public-sector documents.",
    )
    parser.add_argument("--version", action="version", version=f"sovkg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="say more (-vv: also other libraries' log lines)")
    parser.add_argument("-q", "--quiet", action="store_true", help="say only errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"sovkg.commands.{name}").register(commands)
    return parser


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
