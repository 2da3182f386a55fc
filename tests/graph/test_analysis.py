"""Network analysis: centrality, communities, bridges, connections, ego graphs.

The graphs are small and drawn by hand so that every expected value can be checked
on paper; the docstring examples of the view and analysis modules run here too.
"""

from __future__ import annotations

import doctest

import networkx as nx
import pytest

from sovkg.errors import SovkgError
from sovkg.graph import analysis, network, view
from sovkg.graph.analysis import (
    NoConnection,
    analyze,
    bridges,
    centrality,
    communities,
    ego_graph,
    format_analysis,
    node_table,
    shortest_connection,
    top_nodes,
)


def two_clusters() -> nx.Graph:
    """Two triangles of entities joined through x–y, and a lone node.

    a, b, c form a triangle; x, y, z another; c–x joins them; q has no links.
    """
    G = nx.Graph()
    labels = {"a": "Lamarr-Institut", "b": "KI.NRW", "c": "MWIKE", "x": "IT.NRW",
              "y": "NRW.Genius", "z": "Open Source", "q": "Hürth"}
    for node, label in labels.items():
        G.add_node(node, label=label, type="Initiative", kind="entity")
    G.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"),
                      ("c", "x")], weight=1)
    return G


def test_doctests_run():
    for module in (analysis, network, view):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__
        assert result.attempted > 0, module.__name__


def test_centrality_measures():
    G = two_clusters()
    degree = centrality(G)
    assert degree["c"] == pytest.approx(3 / 6) and degree["q"] == 0.0
    between = centrality(G, measure="betweenness")
    assert between["c"] == between["x"] == max(between.values())
    assert between["a"] == 0.0
    rank = centrality(G, measure="pagerank")
    assert sum(rank.values()) == pytest.approx(1.0)
    assert list(rank) == sorted(rank)
    with pytest.raises(SovkgError, match="unknown measure 'closeness'; use one of degree, "):
        centrality(G, measure="closeness")  # type: ignore[arg-type]
    assert centrality(nx.Graph(), measure="pagerank") == {}


def test_top_nodes_ties_and_kinds():
    G = two_clusters()
    assert top_nodes(G, 2) == [("c", 0.5), ("x", 0.5)]
    G.add_node("doc", kind="document", label="Drucksache")
    G.add_edges_from(("doc", n) for n in "abcxyz")
    assert "doc" not in dict(top_nodes(G, 10))
    assert top_nodes(G, 1, kind=None)[0][0] == "doc"
    assert top_nodes(G, 1, kind="document") == [("doc", pytest.approx(6 / 7))]


def test_communities_are_seeded_and_sorted():
    G = two_clusters()
    groups = communities(G)
    assert groups == [["a", "b", "c"], ["x", "y", "z"], ["q"]]
    assert communities(G) == groups  # same seed, same groups
    assert communities(nx.Graph()) == []


def test_bridges_are_go_betweens():
    G = two_clusters()
    found = bridges(G)
    assert [(n, touched) for n, _, touched in found] == [("c", 2), ("x", 2)]
    assert found[0][1] == pytest.approx(centrality(G, measure="betweenness")["c"])
    assert bridges(G, [list(G)]) == []  # one group: nobody bridges
    assert len(bridges(G, n=1)) == 1


def test_shortest_connection_reports_statements_in_their_direction():
    G = nx.MultiDiGraph()
    for node in "abc":
        G.add_node(node, kind="entity", label=node.upper())
    G.add_node("doc", kind="document", label="Drucksache")
    G.add_edge("b", "a", key="partOf", predicate="partOf")
    G.add_edge("doc", "b", key="mentions", predicate="mentions")
    G.add_edge("doc", "c", key="mentions", predicate="mentions")
    G.add_edge("a", "b", key=network.MENTIONED_WITH, predicate=network.MENTIONED_WITH, sentences=1)
    G.add_edge("doc", "a", key="mentions", predicate="mentions")
    assert shortest_connection(G, "a", "b") == [("b", "partOf", "a")]  # relation first
    assert shortest_connection(G, "a", "c") == [("doc", "mentions", "a"), ("doc", "mentions", "c")]
    with pytest.raises(NoConnection, match="no connection between A and C without passing through documents"):
        shortest_connection(G, "a", "c", via_documents=False)
    with pytest.raises(NoConnection, match="missing is not in this graph"):
        shortest_connection(G, "a", "missing")


def test_shortest_connection_on_the_entity_graph():
    G = nx.Graph()
    G.add_edge("a", "b", relations=[("b", "fundedBy", "a")], sentences=0)
    G.add_edge("b", "c", relations=[], sentences=3)
    assert shortest_connection(G, "a", "c") == [("b", "fundedBy", "a"), ("b", "mentionedWith", "c")]


def test_ego_graph():
    G = two_clusters()
    assert sorted(ego_graph(G, "c")) == ["a", "b", "c", "x"]
    assert sorted(ego_graph(G, "c", radius=0)) == ["c"]
    H = ego_graph(G, "a", radius=2)
    assert sorted(H) == ["a", "b", "c", "x"] and H.nodes["a"]["label"] == "Lamarr-Institut"
    H.nodes["a"]["label"] = "changed"
    assert G.nodes["a"]["label"] == "Lamarr-Institut"  # a copy
    with pytest.raises(SovkgError, match="radius"):
        ego_graph(G, "a", radius=-1)
    with pytest.raises(SovkgError, match="not in this graph"):
        ego_graph(G, "nope")


def test_node_table_rows():
    rows = node_table(two_clusters())
    assert [r["node"] for r in rows] == sorted("abcqxyz")
    c = next(r for r in rows if r["node"] == "c")
    assert set(c) == {"node", "label", "type", "kind", "degree", "betweenness", "pagerank"}
    assert c["label"] == "MWIKE" and c["degree"] == 0.5


def test_analyze_and_report():
    G = two_clusters()
    result = analyze(G, top=3, measure="betweenness")
    assert [n for n, _ in result.top] == ["c", "x", "a"]
    assert result.communities == communities(G)
    text = format_analysis(G, result, members=2)
    lines = text.splitlines()
    assert lines[0] == "Top entities by betweenness centrality:"
    assert lines[1] == "   1. 0.400  MWIKE [Initiative]"
    assert "Communities (2 with more than one member):" in lines
    assert "   1. (3) MWIKE, KI.NRW, … 1 more" in lines  # by degree, then label
    assert "   1. 0.400  MWIKE [Initiative]  – touches 2 communities" in lines
    assert "Hürth" not in text  # groups of one are not listed


def test_analysis_of_an_empty_graph():
    G = nx.Graph()
    text = format_analysis(G, analyze(G))
    assert text.count("(none)") == 2
