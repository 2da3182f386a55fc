"""Network analysis of the knowledge graph: plain networkx functions.

Every function takes a networkx graph from :mod:`sovkg.graph.network` (or any graph
whose nodes carry ``label``, ``type`` and ``kind``) and returns plain Python data, so
notebooks can put the results into pandas and the ``sovkg analyze`` command can
print them. Results are deterministic: ties are broken by node id and the community
detection is seeded.

Most measures are meant for :func:`sovkg.graph.network.to_entity_graph`, in which
entities are linked by relations and by sentences that name both; on the view graph
of :func:`~sovkg.graph.network.to_networkx` documents dominate every measure, because
each document is linked to everything it mentions.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from sovkg.errors import SovkgError

from .network import MENTIONED_WITH, simple_graph
from .network import centrality as degree_centrality

__all__ = [
    "MEASURES",
    "Analysis",
    "NoConnection",
    "analyze",
    "bridges",
    "centrality",
    "communities",
    "ego_graph",
    "format_analysis",
    "node_table",
    "shortest_connection",
    "top_nodes",
]

Measure = Literal["degree", "betweenness", "pagerank"]
#: The centrality measures :func:`centrality` knows, for command-line choices.
MEASURES: tuple[str, ...] = ("degree", "betweenness", "pagerank")


class NoConnection(SovkgError):
    """Two nodes that no path joins."""


def centrality(G: nx.Graph, *, measure: Measure = "degree") -> dict[str, float]:
    """Centrality of every node on the undirected simple graph under ``G``.

    Parameters
    ----------
    G : networkx.Graph
        Any graph; direction and parallel edges are ignored (see
        :func:`sovkg.graph.network.simple_graph`).
    measure : {"degree", "betweenness", "pagerank"}, optional (default="degree")
        ``degree``: share of the other nodes a node is linked to. ``betweenness``:
        share of shortest paths through the node, which is high for go-betweens.
        ``pagerank``: importance passed on by important neighbours, using the edge
        ``weight`` when there is one.

    Returns
    -------
    dict[str, float]
        Node to score, in sorted node order.

    Raises
    ------
    sovkg.errors.SovkgError
        For an unknown measure.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> centrality(G, measure="betweenness")
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    if measure == "degree":
        return degree_centrality(G)
    H = simple_graph(G)
    if measure == "betweenness":
        scores = nx.betweenness_centrality(H)
    elif measure == "pagerank":
        scores = nx.pagerank(H, weight="weight") if len(H) else {}
    else:
        raise SovkgError(f"unknown measure {measure!r}; use one of {', '.join(MEASURES)}")
    return {n: float(scores[n]) for n in sorted(scores, key=str)}


def top_nodes(
    G: nx.Graph, n: int = 10, *, measure: Measure = "degree", kind: str | None = "entity"
) -> list[tuple[str, float]]:
    """The ``n`` highest-scoring nodes, best first, ties broken by node id.

    Parameters
    ----------
    G : networkx.Graph
        The graph to measure.
    n : int, optional (default=10)
        How many to return.
    measure : {"degree", "betweenness", "pagerank"}, optional (default="degree")
        See :func:`centrality`.
    kind : str or None, optional (default="entity")
        Rank only nodes whose ``kind`` attribute is this (nodes without one count as
        entities); ``None`` ranks every node. Measures are still computed on the
        whole graph.

    Returns
    -------
    list of (node, score)

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(3)
    >>> top_nodes(G, 2)
    [(0, 1.0), (1, 0.3333333333333333)]
    """
    scores = centrality(G, measure=measure)
    chosen = [
        node for node in scores
        if kind is None or G.nodes[node].get("kind", "entity") == kind
    ]
    chosen.sort(key=lambda node: (-scores[node], str(node)))
    return [(node, scores[node]) for node in chosen[:n]]


def communities(G: nx.Graph, *, seed: int = 0, resolution: float = 1.0) -> list[list[str]]:
    """Groups of nodes more linked among themselves than to the rest (Louvain).

    Parameters
    ----------
    G : networkx.Graph
        The graph; edge ``weight`` is used when present.
    seed : int, optional (default=0)
        Louvain visits nodes in a random order; a fixed seed gives the same groups
        on every run.
    resolution : float, optional (default=1.0)
        Above 1 favours more, smaller groups; below 1 fewer, larger ones.

    Returns
    -------
    list of list of str
        Largest group first (ties by first member); members sorted by id. Nodes
        without any link form groups of one.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("c", "x")])
    >>> communities(G)
    [['a', 'b', 'c'], ['x', 'y']]
    """
    H = simple_graph(G)
    if not len(H):
        return []
    weight = "weight" if any("weight" in d for _, _, d in H.edges(data=True)) else None
    found = nx.community.louvain_communities(H, weight=weight, resolution=resolution, seed=seed)
    groups = [sorted(group, key=str) for group in found]
    return sorted(groups, key=lambda group: (-len(group), str(group[0])))


def bridges(
    G: nx.Graph, groups: Iterable[Iterable[Hashable]] | None = None, *, n: int = 10
) -> list[tuple[str, float, int]]:
    """Entities that link communities, ranked by betweenness.

    An analyst's "bridge" is a go-between: a body that sits in one cluster of
    initiatives and is linked to others. (Bridges in the graph-theory sense, links
    whose removal splits the graph, are mostly entities named once, which says
    little.) A node qualifies if a neighbour belongs to another group.

    Parameters
    ----------
    G : networkx.Graph
        The graph, usually :func:`~sovkg.graph.network.to_entity_graph`.
    groups : iterable of iterables of nodes, optional
        The communities; by default those of :func:`communities`.
    n : int, optional (default=10)
        How many to return.

    Returns
    -------
    list of (node, betweenness, number of groups it touches, its own included)
        Highest betweenness first, then more groups, then node id.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("c", "x")])
    >>> [(node, round(score, 2), touched) for node, score, touched in bridges(G)]
    [('c', 0.67, 2), ('x', 0.5, 2)]
    """
    H = simple_graph(G)
    group_of = {}
    for i, group in enumerate(groups if groups is not None else communities(H)):
        for node in group:
            group_of[node] = i
    between = nx.betweenness_centrality(H)
    found = []
    for node in H:
        touched = {group_of.get(node)} | {group_of.get(nb) for nb in H[node]}
        if len(touched) > 1:
            found.append((node, float(between[node]), len(touched)))
    found.sort(key=lambda item: (-item[1], -item[2], str(item[0])))
    return found[:n]


def shortest_connection(
    G: nx.Graph, source: str, target: str, *, via_documents: bool = True
) -> list[tuple[str, str, str]]:
    """How two nodes are connected: the hops of one shortest path, as statements.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :mod:`sovkg.graph.network`. Direction is ignored when looking
        for the path and kept when reporting it.
    source, target : str
        Node ids (see :func:`sovkg.graph.network.find_node` for names).
    via_documents : bool, optional (default=True)
        Allow the path to pass through document nodes ("both are mentioned by
        Drucksache 18/13128"); ``False`` keeps to relations between entities.

    Returns
    -------
    list of (subject, predicate, object)
        One statement per hop, in path order. A hop of
        :func:`~sovkg.graph.network.to_entity_graph` that rests only on a shared
        sentence has the predicate ``"mentionedWith"``. When a pair is linked in
        several ways, relations come first, then shared sentences, then mentions;
        ties by name.

    Raises
    ------
    NoConnection
        If no path joins the two, or one of them is not in ``G``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("doc", "a", key="mentions", predicate="mentions")
    'mentions'
    >>> G.add_edge("b", "doc", key="partOf", predicate="partOf")
    'partOf'
    >>> shortest_connection(G, "a", "b")
    [('doc', 'mentions', 'a'), ('b', 'partOf', 'doc')]
    """
    for node in (source, target):
        if node not in G:
            raise NoConnection(f"{node} is not in this graph; pick nodes with find_node()")
    H = simple_graph(G)
    if not via_documents:
        H = H.subgraph(
            n for n in H if n in (source, target) or G.nodes[n].get("kind") != "document"
        )
    try:
        path = nx.shortest_path(H, source, target)
    except nx.NetworkXNoPath:
        label = lambda n: G.nodes[n].get("label") or n  # noqa: E731
        where = "" if via_documents else " without passing through documents"
        raise NoConnection(
            f"no connection between {label(source)} and {label(target)}{where}"
        ) from None
    return [_statement(G, u, v) for u, v in zip(path, path[1:])]


def ego_graph(G: nx.Graph, center: str, *, radius: int = 1) -> nx.Graph:
    """The neighbourhood of ``center``: nodes at most ``radius`` hops away, and their links.

    Direction is ignored when counting hops (an entity's funders are as much its
    neighbours as what it funds). The result is a copy of the same graph class,
    with all attributes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(ego_graph(G, "b"))
    ['a', 'b', 'c']
    >>> sorted(ego_graph(G, "b", radius=2))
    ['a', 'b', 'c', 'd']
    """
    if center not in G:
        raise SovkgError(f"{center} is not in this graph; pick nodes with find_node()")
    if radius < 0:
        raise SovkgError(f"radius must be 0 or more, got {radius}")
    return nx.ego_graph(G, center, radius=radius, undirected=True).copy()


def node_table(G: nx.Graph) -> list[dict[str, object]]:
    """One row per node with its label, type and every measure, for pandas.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")])
    >>> node_table(G)[0]
    {'node': 'a', 'label': 'a', 'type': '', 'kind': 'entity', 'degree': 1.0, 'betweenness': 0.0, 'pagerank': 0.5}
    """
    scores = {measure: centrality(G, measure=measure) for measure in MEASURES}  # type: ignore[arg-type]
    rows = []
    for node in sorted(G, key=str):
        data = G.nodes[node]
        row: dict[str, object] = {
            "node": node,
            "label": data.get("label") or str(node),
            "type": data.get("type", ""),
            "kind": data.get("kind", "entity"),
        }
        row.update({measure: round(scores[measure][node], 6) for measure in MEASURES})
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class Analysis:
    """What ``sovkg analyze`` prints: top nodes, communities and bridges."""

    measure: str
    top: list[tuple[str, float]]
    communities: list[list[str]]
    bridges: list[tuple[str, float, int]]


def analyze(G: nx.Graph, *, top: int = 10, measure: Measure = "degree", seed: int = 0) -> Analysis:
    """Top nodes, communities and bridges of ``G`` in one call.

    Examples
    --------
    >>> import networkx as nx
    >>> result = analyze(nx.Graph([("a", "b"), ("b", "c")]), top=1)
    >>> result.top, result.communities
    ([('b', 1.0)], [['a', 'b', 'c']])
    """
    groups = communities(G, seed=seed)
    return Analysis(
        measure=measure,
        top=top_nodes(G, top, measure=measure),
        communities=groups,
        bridges=bridges(G, groups, n=top),
    )


def format_analysis(G: nx.Graph, result: Analysis, *, members: int = 8) -> str:
    """Plain-text report of :func:`analyze`, labels instead of IRIs.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")])
    >>> G.add_node("a", label="NRW.Genius", type="Initiative")
    >>> print(format_analysis(G, analyze(G, top=1)))
    Top entities by degree centrality:
       1. 1.000  NRW.Genius [Initiative]
    Communities (1 with more than one member):
       1. (2) NRW.Genius, b
    Bridges (entities linked to other communities, by betweenness):
      (none)
    """
    def name(node: str) -> str:
        data = G.nodes[node]
        kind = data.get("type")
        return f"{data.get('label') or node}" + (f" [{kind}]" if kind else "")

    lines = [f"Top entities by {result.measure} centrality:"]
    lines += [f"  {i:>2}. {score:.3f}  {name(node)}" for i, (node, score) in enumerate(result.top, 1)]
    if not result.top:
        lines.append("  (none)")
    groups = [group for group in result.communities if len(group) > 1]
    lines.append(f"Communities ({len(groups)} with more than one member):")
    for i, group in enumerate(groups, 1):
        ranked = sorted(group, key=lambda n: (-G.degree(n), str(G.nodes[n].get("label") or n)))
        shown = ", ".join(str(G.nodes[n].get("label") or n) for n in ranked[:members])
        more = f", … {len(group) - members} more" if len(group) > members else ""
        lines.append(f"  {i:>2}. ({len(group)}) {shown}{more}")
    lines.append("Bridges (entities linked to other communities, by betweenness):")
    lines += [
        f"  {i:>2}. {score:.3f}  {name(node)}  – touches {touched} communities"
        for i, (node, score, touched) in enumerate(result.bridges, 1)
    ]
    if not result.bridges:
        lines.append("  (none)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- helpers


def _statement(G: nx.Graph, u: str, v: str) -> tuple[str, str, str]:
    """The best statement on the hop ``u``–``v``: relations first, then by name."""
    found: list[tuple[str, str, str]] = []
    pairs = ((u, v), (v, u)) if G.is_directed() else ((u, v),)
    for a, b in pairs:
        data = G.get_edge_data(a, b)
        if data is None:
            continue
        for attrs in data.values() if G.is_multigraph() else [data]:
            for s, p, o in attrs.get("relations") or []:
                found.append((s, p, o))
            if attrs.get("predicate"):
                found.append((a, attrs["predicate"], b))
    if not found:
        found.append((u, MENTIONED_WITH, v))
    rank = {MENTIONED_WITH: 1, "mentions": 2}
    return min(found, key=lambda st: (rank.get(st[1], 0), st[1], st[0], st[2]))
