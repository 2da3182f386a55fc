"""``sovkg push``: load a build's named graphs into a triple store (Graph Store Protocol)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "push",
        help="load a build into a triple store (Oxigraph, Fuseki, GraphDB)",
        description="Send every named graph of a build to a triple store through the SPARQL 1.1 "
        "Graph Store HTTP Protocol; then `sovkg query --endpoint` queries it. The library's "
        "queries expect the store's default graph to be the union of its named graphs "
        "(Oxigraph: serve --union-default-graph; Fuseki: tdb2:unionDefaultGraph true).",
    )
    parser.add_argument("--store", required=True, metavar="URL",
                        help="Graph Store URL, e.g. http://127.0.0.1:7878/store (Oxigraph) or "
                        "http://host:3030/ds/data (Fuseki); user:password@ for basic auth")
    parser.add_argument("--graph", type=Path, default=Path("sovkg-out"), metavar="PATH",
                        help="a build folder or its graph.trig (default: ./sovkg-out)")
    parser.add_argument("--replace", action="store_true",
                        help="replace each graph (PUT) instead of adding to it (POST)")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="per request (default: 120)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.graph.push import push
    from sovkg.graph.store import load_store

    source = load_store(args.graph, backend="oxigraph")
    report = push(source, args.store, replace=args.replace, timeout=args.timeout)
    verb = "replaced" if args.replace else "added to"
    print(f"{verb} {len(report.graphs)} graphs ({report.triples:,} triples) in {report.store}")
    return 0
