"""``sovkg analyze``: central entities, communities and bridges of a built graph."""

from __future__ import annotations

import argparse

from sovkg.commands.view import add_graph_option


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "analyze",
        help="print the central entities, communities and bridges of a built graph",
        description="Network analysis of the graph that `sovkg build` wrote. Entities are "
        "linked by their relations and by sentences that name both; the report lists the "
        "most central entities, the communities (Louvain) and the entities that bridge them.",
    )
    add_graph_option(parser)
    parser.add_argument("--top", type=int, default=10, metavar="N",
                        help="how many entities and bridges to list (default: 10)")
    parser.add_argument("--measure", choices=("degree", "betweenness", "pagerank"),
                        default="degree", help="centrality measure for the ranking (default: degree)")
    parser.add_argument("--connect", nargs=2, metavar=("FROM", "TO"),
                        help="also print the shortest connection between two entities or "
                        "documents (IRI, key or label), through relations, shared sentences "
                        "and documents")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.errors import ConfigError
    from sovkg.graph.analysis import analyze, format_analysis
    from sovkg.graph.network import load_graph, to_entity_graph

    if args.top < 1:
        raise ConfigError(f"--top must be at least 1, got {args.top}")
    graph = load_graph(args.graph)
    H = to_entity_graph(graph)
    print(f"{H.number_of_nodes()} entities, {H.number_of_edges()} links (relations and shared sentences)")
    print(format_analysis(H, analyze(H, top=args.top, measure=args.measure)))
    if args.connect:
        print(connection(graph, *args.connect))
    return 0


def connection(graph, source: str, target: str) -> str:
    """The shortest connection as lines ``subject –predicate→ object``, labels not IRIs."""
    from sovkg.graph.analysis import shortest_connection
    from sovkg.graph.network import find_node, to_networkx

    G = to_networkx(graph, mentioned_only=True, sentence_links=True)
    a, b = find_node(G, source), find_node(G, target)
    hops = shortest_connection(G, a, b)
    label = lambda n: G.nodes[n].get("label") or n  # noqa: E731
    lines = [f"Shortest connection from {label(a)} to {label(b)} ({len(hops)} hops):"]
    lines += [f"  {label(s)} \u2013{p}\u2192 {label(o)}" for s, p, o in hops]
    return "\n".join(lines)
