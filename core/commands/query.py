"""``sovkg query``: run a library query, a .rq file or SPARQL text on a build or an endpoint."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "query",
        help="run a SPARQL query on a build or an endpoint",
        description="Run a query of the library (see `sovkg queries`), a .rq file, or SPARQL "
        "text on a build's graph (embedded Oxigraph, or rdflib) or on a remote endpoint. "
        "Parameters are bound as RDF terms, never pasted into the query.",
        epilog="Parameter values: <https://…>, https://… and prefixed names such as "
        "e:nrw-genius or doc:…/antwort are IRIs; \"text\", \"text\"@de and \"5\"^^xsd:integer "
        "are literals; anything else is a plain string literal.",
    )
    parser.add_argument("query", metavar="NAME|FILE.rq|SPARQL",
                        help="a library query name, a .rq file, or the text of a query")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter of the query (repeatable)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--graph", type=Path, default=Path("sovkg-out"), metavar="PATH",
                       help="a build folder or its graph.trig (default: ./sovkg-out)")
    where.add_argument("--endpoint", metavar="URL",
                       help="a SPARQL endpoint, e.g. http://127.0.0.1:7878/sparql")
    parser.add_argument("--backend", choices=("oxigraph", "rdflib"),
                        help="embedded store for --graph (default: oxigraph if installed)")
    parser.add_argument("--format", default="table",
                        choices=("table", "csv", "tsv", "json", "xml", "turtle", "nt", "jsonld"),
                        help="table (default), csv, tsv, json (SPARQL 1.1 JSON results), xml; "
                        "CONSTRUCT/DESCRIBE: turtle, nt, jsonld")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="longest the query may run, embedded or on an endpoint (default: 60)")
    parser.add_argument("--max-rows", type=int, default=100_000, metavar="N",
                        help="most rows to return; more are cut and reported (default: 100000)")
    parser.add_argument("--allow-service", action="store_true",
                        help="run SERVICE clauses, which fetch from the hosts a query names "
                        "(off by default; only for queries you trust)")
    parser.add_argument("--width", type=int, default=60, metavar="N",
                        help="cut table cells to N characters (default: 60; other formats are never cut)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.graph.sparql import (
        Endpoint,
        ParameterError,
        bind,
        format_results,
        load_query,
    )
    from sovkg.graph.sparql import run as run_query

    query = load_query(args.query)
    params = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ParameterError(f"--param {item!r} must read NAME=VALUE")
        if name in params:
            raise ParameterError(f"--param {name} is given twice")
        params[name] = value
    bind(query, params)  # wrong parameters fail before a large graph is loaded
    if args.endpoint:
        source = Endpoint(args.endpoint, timeout=args.timeout)
    else:
        from sovkg.graph.store import load_store

        source = load_store(args.graph, backend=args.backend)
    if args.timeout <= 0 or args.max_rows <= 0:
        raise ParameterError("--timeout and --max-rows must be positive")
    with _watchdog(args.timeout + 5):  # a sort that never yields a row is stopped too
        results = run_query(query, source, params=params, max_rows=args.max_rows,
                            deadline=time.monotonic() + args.timeout, allow_service=args.allow_service)
    sys.stdout.write(format_results(results, args.format, width=args.width))
    if results.truncated:
        print(f"sovkg: results cut at {args.max_rows:,} rows; narrow the query or raise --max-rows",
              file=sys.stderr)
    return 0


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """End the process if the query is still running after ``seconds``: a store that is
    computing a sort or a join cannot be interrupted from Python, but a process can end."""
    def expire() -> None:
        sys.stderr.write(f"sovkg: error: the query ran longer than {seconds - 5:g} s and was stopped; "
                         "narrow it or raise --timeout\n")
        sys.stderr.flush()
        os._exit(3)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
