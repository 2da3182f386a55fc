"""``sovkg queries``: the query library, with titles and parameters."""

from __future__ import annotations

import argparse
import textwrap


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "queries",
        help="list the SPARQL query library",
        description="List the library's queries with their titles and parameters, or show "
        "one in full.",
    )
    parser.add_argument("name", nargs="?", help="show this query's description and text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.graph.sparql import library, load_query

    if args.name:
        query = load_query(args.name)
        print(query.text.rstrip())
        return 0
    queries = library()
    width = max(len(q.name) for q in queries)
    for query in queries:
        params = "".join(f" --param {p.name}=…" for p in query.params)
        print(f"{query.name.ljust(width)}  {query.title}{params}")
        for param in query.params:
            print(textwrap.fill(f"{param.name}: {param.meaning}", width=100,
                                initial_indent=" " * (width + 4), subsequent_indent=" " * (width + 6)))
    print(f"\n{len(queries)} queries; `sovkg queries NAME` shows one, `sovkg query NAME` runs it")
    return 0
