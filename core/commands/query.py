"""``sovkg query``: run a library query, a .rq file or SPARQL text on a build or an endpoint."""

from __future__ import annotations

import argparse
import sys
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
                        help="endpoint timeout (default: 60)")
    parser.add_argument("--width", type=int, default=60, metavar="N",
                        help="cut table cells to N characters (default: 60; other formats are never cut)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.graph.sparql import Endpoint, ParameterError, bind, format_results, load_query
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
    results = run_query(query, source, params=params)
    sys.stdout.write(format_results(results, args.format, width=args.width))
    return 0
