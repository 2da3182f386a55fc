"""``sovkg view``: an interactive HTML view of a built graph, or of part of it."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_GRAPH = Path("sovkg-out") / "graph.trig"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "view",
        help="write an interactive HTML view of a built graph, or of part of it",
        description="Write an offline HTML view of the graph that `sovkg build` wrote: all of "
        "it, the neighbourhood of one entity (--focus), some types (--type), or what a "
        "library query returns (--query). The options combine.",
    )
    add_graph_option(parser)
    parser.add_argument("--focus", metavar="ENTITY",
                        help="show this entity and its neighbours: an IRI, a key (nrw-genius) "
                        "or a label or alias, case-insensitive")
    parser.add_argument("--depth", type=int, default=1, metavar="N",
                        help="hops from --focus (default: 1)")
    parser.add_argument("--type", dest="types", action="extend", nargs="+", default=[],
                        metavar="T", help="show only nodes of these types (Initiative, "
                        "GovernmentBody, KleineAnfrage, …)")
    parser.add_argument("--query", metavar="NAME",
                        help="show the entities and documents in the rows of this query "
                        "(a library name, see `sovkg queries`, or a .rq file)")
    parser.add_argument("--param", dest="params", action="append", default=[],
                        metavar="NAME=VALUE", help="a parameter of --query (repeatable)")
    parser.add_argument("--max-nodes", type=int, default=500, metavar="N",
                        help="show at most N nodes, the most central ones (default: 500)")
    parser.add_argument("--sentence-links", action="store_true",
                        help="also link entities that one sentence names (mentionedWith), so "
                        "that --focus finds the entities named with it, not only its documents")
    parser.add_argument("--all-entities", dest="mentioned_only", action="store_false",
                        help="also show knowledge-base entities that no document mentions")
    parser.add_argument("--out", type=Path, metavar="FILE.html",
                        help="where to write the page (default: view.html beside the graph)")
    parser.set_defaults(run=run)


def add_graph_option(parser: argparse.ArgumentParser) -> None:
    """``--graph``, shared with ``sovkg analyze``."""
    parser.add_argument("--graph", type=Path, default=DEFAULT_GRAPH, metavar="PATH",
                        help="graph.trig written by `sovkg build`, or its folder "
                        f"(default: {DEFAULT_GRAPH})")


def parse_params(items: list[str]) -> dict[str, str]:
    """``NAME=VALUE`` pairs from the command line."""
    from sovkg.errors import ConfigError

    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--param {item!r}: write it as NAME=VALUE")
        params[name.strip()] = value
    return params


def run(args: argparse.Namespace) -> int:
    from sovkg.errors import ConfigError
    from sovkg.graph.network import load_graph, to_networkx
    from sovkg.graph.view import narrow, query_nodes, write_view

    if args.params and not args.query:
        raise ConfigError("--param needs --query NAME")
    graph = load_graph(args.graph)
    G = to_networkx(graph, mentioned_only=args.mentioned_only, sentence_links=args.sentence_links)
    nodes = query_nodes(graph, args.query, parse_params(args.params)) if args.query else None
    H = narrow(G, focus=args.focus, depth=args.depth, types=args.types, nodes=nodes)
    focus = None
    if args.focus:
        from sovkg.graph.network import find_node

        focus = find_node(G, args.focus)
    source = args.graph if args.graph.suffix else args.graph / "graph.trig"
    out = args.out or source.parent / "view.html"
    write_view(H, out, title=title(args, G.nodes[focus]["label"] if focus else None),
               max_nodes=args.max_nodes, focus=focus)
    shown = min(H.number_of_nodes(), args.max_nodes)
    left_out = H.number_of_nodes() - shown
    print(f"wrote: {out} ({shown} node{'s' if shown != 1 else ''}"
          + (f"; {left_out} left out, narrow with --type, --focus or --max-nodes" if left_out else "")
          + ")")
    return 0


def title(args: argparse.Namespace, focus_label: str | None) -> str:
    parts = []
    if args.query:
        parts.append(f"query {args.query}")
    if focus_label:
        parts.append(f"{focus_label} (depth {args.depth})")
    if args.types:
        parts.append(", ".join(args.types))
    return "sovkg – " + (" · ".join(parts) if parts else "graph")
