"""A self-contained HTML view of the knowledge graph, built with pyvis.

pyvis assembles the vis-network node, edge and option records; the page around them
is written here rather than with pyvis's own template, because that template loads
Bootstrap (and, with menus, tom-select) from CDNs, writes the heading unescaped and
switches to an ``innerHTML`` tooltip whenever a tooltip contains the text "href".
The page written here:

* works offline: vis-network's JavaScript and CSS (shipped inside pyvis) are inlined,
  no ``src``/``href`` points anywhere, and a Content-Security-Policy forbids every
  network fetch; a final check refuses to return a page with a remote reference;
* escapes everything that comes from documents: text in the markup goes through
  :func:`html.escape`, and the graph data is a JSON island in which ``<``, ``>``
  and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` so that no
  label can close the ``<script>`` element; tooltips are plain strings, which
  vis-network 9 shows as text, never as HTML; the page's own script writes text
  only through ``textContent`` and ``value``, never ``innerHTML``;
* lets the reader look things up: a search box over labels and aliases, a type
  filter in the legend, tooltips with the type, aliases, the documents that
  mention an entity and the evidence sentences of its relations;
* is deterministic: nodes and edges in sorted order, explicit edge ids, a fixed
  random seed for the browser layout and ``spring_layout(seed=0)`` for large graphs.

:func:`narrow` picks what to show (a neighbourhood, some types, the nodes a query
returned) before :func:`render_view` caps and draws it; ``sovkg view``, ``sovkg
build`` and the notebooks all go through these two functions.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx

from sovkg.errors import ConfigError, SovkgError

from .network import MENTIONED_WITH, centrality, find_node
from .serialize import write_atomic

__all__ = [
    "DEFAULT_STYLE",
    "PHYSICS_NODE_LIMIT",
    "TYPE_STYLES",
    "narrow",
    "notebook_view",
    "query_nodes",
    "render_view",
    "write_view",
]

#: Colour and vis-network shape per node type. All shapes draw the label below the
#: node, so that the node size (from centrality) applies to every type.
TYPE_STYLES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "Person": ("#e15759", "dot"),
        "Party": ("#f28e2b", "diamond"),
        "GovernmentBody": ("#4e79a7", "hexagon"),
        "ResearchOrganization": ("#76b7b2", "hexagon"),
        "Company": ("#59a14f", "triangle"),
        "Organization": ("#edc948", "hexagon"),
        "Initiative": ("#b07aa1", "star"),
        "Infrastructure": ("#9c755f", "triangle"),
        "Place": ("#86bcb6", "triangleDown"),
        "Policy": ("#ff9da7", "diamond"),
        "Technology": ("#8cd17d", "dot"),
        "Entity": ("#bab0ac", "dot"),
        "Document": ("#555555", "square"),
        "KleineAnfrage": ("#2f4b7c", "square"),
        "Antwort": ("#3d7a4b", "square"),
    }
)
#: Style of a node whose type is not in :data:`TYPE_STYLES`.
DEFAULT_STYLE: tuple[str, str] = ("#cccccc", "dot")
#: Above this many shown nodes the layout is computed in Python and physics is off.
PHYSICS_NODE_LIMIT = 300

_SYMBOLS = {
    "dot": "\u25cf",
    "diamond": "\u25c6",
    "hexagon": "\u2b22",
    "triangle": "\u25b2",
    "triangleDown": "\u25bc",
    "star": "\u2605",
    "square": "\u25a0",
}
_MENTION_COLOUR = "#b8b8b8"
_RELATION_COLOUR = "#6b6b6b"
_MAX_LABEL = 48
_MAX_LISTED = 12
_MAX_EVIDENCE = 6
_VIS_VERSION = "vis-9.1.2"
_REMOTE_REF = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""", re.I)
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data: blob:; font-src data:"
)


def render_view(
    G: nx.Graph,
    *,
    title: str = "sovkg",
    max_nodes: int = 500,
    physics: bool | None = None,
    focus: str | None = None,
) -> str:
    """Render a graph from :func:`sovkg.graph.network.to_networkx` as an HTML page.

    Parameters
    ----------
    G : networkx.Graph
        Nodes may carry ``label``, ``type``, ``aliases`` and ``documents``; edges may
        carry ``predicate``. Missing attributes fall back to the node id and to
        ``"relatedTo"``.
    title : str, optional (default="sovkg")
        Page title and heading (escaped).
    max_nodes : int, optional (default=500)
        Show at most this many nodes, the most central ones (ties broken by id).
        When nodes are left out, the page says how many and how to narrow the view.
    physics : bool or None, optional (default=None)
        Let vis-network lay the graph out in the browser. ``None`` turns physics on
        up to :data:`PHYSICS_NODE_LIMIT` shown nodes; above that, and whenever it is
        ``False``, positions come from ``networkx.spring_layout(seed=0)``.
    focus : str or None, optional (default=None)
        A node that is always shown (whatever the cap), drawn with a thick border
        and selected when the page opens: the entity a neighbourhood is about.

    Returns
    -------
    str
        The complete HTML document, with vis-network inlined.

    Raises
    ------
    sovkg.errors.ConfigError
        If ``max_nodes`` is less than 1 or ``focus`` is not a node of ``G``.
    sovkg.errors.SovkgError
        If the vis-network files cannot be found in the installed pyvis.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:x:a", label="Düsseldorf", type="Place")
    >>> page = render_view(G, title="Demo")
    >>> page.startswith("<!DOCTYPE html>") and "Düsseldorf" in page
    True
    """
    from pyvis.network import Network  # pulls in IPython: import only when rendering

    if max_nodes < 1:
        raise ConfigError(
            f"max_nodes must be at least 1, got {max_nodes}; pass --max-nodes 1 or more"
        )
    if focus is not None and focus not in G:
        raise ConfigError(f"focus {focus!r} is not in the graph to render")
    scores = centrality(G)
    ranked = sorted(G.nodes, key=lambda n: (n != focus, -scores.get(n, 0.0), str(n)))
    shown = sorted(ranked[:max_nodes], key=str)
    left_out = G.number_of_nodes() - len(shown)
    H = G.subgraph(shown)
    if physics is None:
        physics = len(shown) <= PHYSICS_NODE_LIMIT
    positions = {} if physics else _layout(H, shown)

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    top = max(scores.values(), default=0.0) or 1.0
    for node in shown:
        data = H.nodes[node]
        colour, shape = TYPE_STYLES.get(str(data.get("type", "")), DEFAULT_STYLE)
        label = str(data.get("label") or node)
        extra: dict[str, Any] = {}
        if node in positions:
            extra["x"], extra["y"] = positions[node]
        if node == focus:
            extra["borderWidth"] = 4
        net.add_node(
            str(node),
            label=_shorten(label),
            shape=shape,
            color=colour,
            size=round(10 + 30 * scores.get(node, 0.0) / top, 2),
            title=_node_tooltip(G, node, data),
            fullLabel=label,
            search=_search_text([label, *map(str, data.get("aliases") or [])]),
            nodeType=str(data.get("type") or ""),
            **extra,
        )
    labels = {n: str(H.nodes[n].get("label") or n) for n in shown}
    for i, (u, v, pred, evidence) in enumerate(_sorted_edges(H)):
        mention, together = pred == "mentions", pred == MENTIONED_WITH
        lines = [f"{labels[u]} \u2192 {pred} \u2192 {labels[v]}"]
        lines += [f"\u201c{text}\u201d" for text in evidence[:_MAX_EVIDENCE]]
        # Mentions and shared sentences are many: no label (the legend explains the
        # dashes), so that the relations' labels stay readable.
        net.add_edge(
            str(u),
            str(v),
            id=f"e{i}",
            label="" if mention or together else pred,
            title="\n".join(lines),
            color=_MENTION_COLOUR if mention or together else _RELATION_COLOUR,
            dashes=[2, 4] if together else mention,
            **({"arrows": {"to": {"enabled": False}}} if together else {}),
        )
    options = {
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
            "smooth": {"enabled": physics, "type": "continuous"},
        },
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 150},
        "layout": {"randomSeed": 0, "improvedLayout": len(shown) <= 100},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"springLength": 140, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 300},
        },
    }
    nodes, edges, *_ = net.get_network_data()
    page = _page(
        title=title,
        data={"nodes": nodes, "edges": edges, "options": options, "focus": focus},
        legend=_legend(H),
        summary=f"{len(nodes)} nodes, {len(edges)} edges",
        notice=_notice(len(shown), G.number_of_nodes(), left_out) if left_out else "",
        empty=not nodes,
    )
    if _REMOTE_REF.search(page):  # a guard against a future template or library change
        raise SovkgError("the rendered view refers to a remote resource; it would not work offline")
    return page


def write_view(G: nx.Graph, path: str | os.PathLike[str], **kw: Any) -> Path:
    """Write :func:`render_view` output to ``path`` atomically, encoded as UTF-8.

    The page goes to a temporary file in the target directory first and replaces
    ``path`` in one step (:func:`sovkg.graph.serialize.write_atomic`), so a reader
    never sees half a page. Missing parent directories are created.

    Parameters
    ----------
    G : networkx.Graph
        The graph to show.
    path : str or os.PathLike
        The HTML file to write.
    **kw
        Options of :func:`render_view` (``title``, ``max_nodes``, ``physics``,
        ``focus``).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    target = Path(path)
    write_atomic(target, render_view(G, **kw))
    return target


def narrow(
    G: nx.Graph,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: Iterable[str] = (),
    nodes: Iterable[str] | None = None,
) -> nx.Graph:
    """The part of ``G`` a reader asked to see, before the node cap applies.

    The three ways to narrow a view combine, in this order: ``nodes`` (those a
    query returned) keeps only those nodes and the edges among them; ``focus`` keeps
    the nodes at most ``depth`` hops from one node (direction ignored); ``types``
    keeps the nodes of those types, and always the focus node itself.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`sovkg.graph.network.to_networkx`.
    focus : str or None, optional
        An IRI, key, label or alias (see :func:`sovkg.graph.network.find_node`).
    depth : int, optional (default=1)
        Hops from ``focus``; 0 shows it alone.
    types : iterable of str, optional
        Node types (``Initiative``, ``KleineAnfrage``, …), case-insensitive.
    nodes : iterable of str or None, optional
        Node ids to keep; ids that are not nodes of ``G`` (literals, questions,
        sentences) are ignored.

    Returns
    -------
    networkx.Graph
        A copy of the chosen part, of the same class as ``G``.

    Raises
    ------
    sovkg.graph.network.EntityLookupError
        If ``focus`` names no node, or several.
    sovkg.errors.ConfigError
        If ``depth`` is negative, a type is unknown, or nothing is left.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:x:a", label="NRW.Genius", type="Initiative")
    >>> G.add_node("urn:x:b", label="Open Source", type="Technology")
    >>> G.add_node("urn:x:c", label="IT.NRW", type="GovernmentBody")
    >>> _ = G.add_edge("urn:x:a", "urn:x:b", key="uses", predicate="uses")
    >>> sorted(narrow(G, focus="nrw.genius"))
    ['urn:x:a', 'urn:x:b']
    >>> sorted(narrow(G, types=["technology", "governmentbody"]))
    ['urn:x:b', 'urn:x:c']
    """
    H = G
    if nodes is not None:
        wanted = {str(n) for n in nodes}
        H = H.subgraph(sorted(n for n in H if str(n) in wanted))
        if not len(H):
            raise ConfigError(
                "none of the query's results is an entity or document of the graph; "
                "choose a query whose rows hold entity IRIs (sovkg queries lists them)"
            )
    center = None
    if focus is not None:
        if depth < 0:
            raise ConfigError(f"depth must be 0 or more, got {depth}; pass --depth 1 or more")
        center = find_node(H, focus)
        H = nx.ego_graph(H, center, radius=depth, undirected=True)
    wanted_types = _resolve_types(H, types)
    if wanted_types:
        H = H.subgraph(n for n in H if n == center or H.nodes[n].get("type") in wanted_types)
    return H.copy()


def query_nodes(graph: Any, query: str, params: Mapping[str, object] | None = None) -> set[str]:
    """The IRIs that appear anywhere in the result rows of a SPARQL query.

    A view "of a query" shows the entities and documents its rows name, whichever
    columns they are in, so every library query can drive a view without saying
    which column holds what.

    Parameters
    ----------
    graph : rdflib.Graph
        The knowledge graph (as :func:`sovkg.graph.network.load_graph` returns it).
    query : str
        A library query name, a ``.rq`` file or SPARQL text
        (see :func:`sovkg.graph.sparql.load_query`).
    params : mapping, optional
        The query's parameters, as on the command line or as rdflib terms.

    Returns
    -------
    set of str

    Raises
    ------
    sovkg.graph.sparql.QueryError
        If the query is unknown, its parameters are wrong, or it is no SELECT.
    """
    from rdflib import URIRef

    from sovkg.graph.sparql import QueryError, run

    results = run(query, graph, params=params)
    if results.kind != "select":
        raise QueryError(f"query {query!r} is no SELECT query; a view needs result rows")
    return {str(term) for row in results.rows for term in row if isinstance(term, URIRef)}


def notebook_view(G: nx.Graph, *, height: int = 600, **kw: Any) -> Any:
    """Show :func:`render_view` output inline in Jupyter.

    The page goes into an ``<iframe srcdoc>``, so its script, styles and
    Content-Security-Policy stay apart from the notebook's, and the notebook file
    keeps the view working offline.

    Parameters
    ----------
    G : networkx.Graph
        The graph to show.
    height : int, optional (default=600)
        Height of the frame in pixels.
    **kw
        Options of :func:`render_view`.

    Returns
    -------
    IPython.display.HTML
        Displayed when it is the last expression of a cell.
    """
    from IPython.display import HTML

    page = render_view(G, **kw)
    return HTML(
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts"></iframe></div>'
    )


# --------------------------------------------------------------------------- helpers


def _layout(H: nx.Graph, shown: list) -> dict:
    """Spring layout on the undirected simple view, scaled to screen units.

    networkx's spring layout costs about 0.2 s per iteration at 2,000 nodes, so
    above 500 nodes the iterations shrink in proportion (never below 15): a large
    view is an overview in which a reader zooms and drags, and it should appear in
    seconds.
    """
    simple = nx.Graph()
    simple.add_nodes_from(shown)
    simple.add_edges_from((u, v) for u, v in H.edges() if u != v)
    scale = 120.0 * max(len(shown), 1) ** 0.5
    iterations = 50 if len(shown) <= 500 else max(15, 50 * 500 // len(shown))
    pos = nx.spring_layout(simple, seed=0, scale=scale, iterations=iterations)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def _sorted_edges(H: nx.Graph) -> list[tuple[Any, Any, str, list[str]]]:
    """One (from, to, predicate, evidence) per drawn edge, sorted.

    Edges of :func:`~sovkg.graph.network.to_entity_graph` carry their statements in
    ``relations``; a pair linked only by shared sentences is drawn as
    ``mentionedWith``, without an arrow.
    """
    seen: dict[tuple[Any, Any, str], set[str]] = {}
    for u, v, data in H.edges(data=True):
        evidence = {str(t) for t in data.get("evidence") or []}
        if data.get("predicate"):
            seen.setdefault((u, v, str(data["predicate"])), set()).update(evidence)
        elif data.get("relations"):
            for s, pred, o in data["relations"]:
                seen.setdefault((s, o, str(pred)), set()).update(evidence)
        elif "sentences" in data:
            seen.setdefault((u, v, MENTIONED_WITH), set())
        else:
            seen.setdefault((u, v, "relatedTo"), set()).update(evidence)
    return [
        (u, v, pred, sorted(texts))
        for (u, v, pred), texts in sorted(seen.items(), key=lambda e: (str(e[0][0]), str(e[0][1]), e[0][2]))
    ]


def _resolve_types(G: nx.Graph, types: Iterable[str]) -> set[str]:
    """The node types of ``G`` named by ``types``, matched case-insensitively."""
    present = sorted({str(t) for _, t in G.nodes(data="type") if t})
    known = {t.casefold(): t for t in [*TYPE_STYLES, *present]}
    chosen = set()
    for name in types:
        if name.casefold() not in known:
            raise ConfigError(
                f"unknown type {name!r}; types in this graph: {', '.join(present) or 'none'}"
            )
        chosen.add(known[name.casefold()])
    return chosen


def _search_text(names: list[str]) -> str:
    """Labels as the page's search compares them: lower case (JavaScript's
    ``toLowerCase``, so not ``casefold``, which would turn ß into ss), runs of
    white space collapsed, one name per line."""
    return "\n".join(" ".join(name.lower().split()) for name in names)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "\u2026"


def _listing(values: Any) -> str:
    items = [str(v) for v in (values or [])]
    if len(items) > _MAX_LISTED:
        items = items[:_MAX_LISTED] + [f"\u2026 and {len(items) - _MAX_LISTED} more"]
    return "; ".join(items) if items else "\u2013"


def _node_tooltip(G: nx.Graph, node: Any, data: Mapping[str, Any]) -> str:
    """Plain text: vis-network 9 puts string titles in ``innerText``.

    Evidence comes from every relation of the node in ``G``, also those whose other
    end the node cap left out: it is about this entity.
    """
    lines = [
        str(data.get("label") or node),
        f"Type: {data.get('type', 'unknown')}",
        f"Aliases: {_listing(data.get('aliases'))}",
    ]
    if data.get("kind") != "document":
        lines.append(f"Documents: {_listing(data.get('documents'))}")
    evidence = _node_evidence(G, node)
    if evidence:
        lines.append("Evidence:")
        lines += evidence[:_MAX_EVIDENCE]
        if len(evidence) > _MAX_EVIDENCE:
            lines.append(f"\u2026 and {len(evidence) - _MAX_EVIDENCE} more")
    lines.append(f"IRI: {node}")
    return "\n".join(lines)


def _node_evidence(G: nx.Graph, node: Any) -> list[str]:
    """``predicate other: “sentence”`` for each evidence sentence of the node's relations."""
    edges = list(G.out_edges(node, data=True)) + list(G.in_edges(node, data=True)) if G.is_directed() \
        else list(G.edges(node, data=True))
    found = set()
    for u, v, data in edges:
        other = v if u == node else u
        name = _shorten(str(G.nodes[other].get("label") or other))
        arrow = "" if u == node else "\u2190 "
        for text in data.get("evidence") or []:
            found.add(f"{arrow}{data.get('predicate', 'relatedTo')} {name}: \u201c{text}\u201d")
    return sorted(found)


def _legend(H: nx.Graph) -> str:
    """Types with their symbol and count; each has a checkbox that hides or shows it."""
    counts: dict[str, int] = {}
    for _, kind in H.nodes(data="type"):
        counts[str(kind or "")] = counts.get(str(kind or ""), 0) + 1
    order = list(TYPE_STYLES)
    items = []
    for kind in sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k)):
        colour, shape = TYPE_STYLES.get(kind, DEFAULT_STYLE)
        items.append(
            f'<li><label><input type="checkbox" checked data-type="{html.escape(kind, quote=True)}">'
            f'<span class="swatch" style="color:{colour}">{_SYMBOLS.get(shape, "")}</span>'
            f" {html.escape(kind or 'unknown')} ({counts[kind]})</label></li>"
        )
    drawn = {pred for _, _, pred, _ in _sorted_edges(H)}
    if "mentions" in drawn:
        items.append('<li class="key">\u2504 dashed: document mentions entity</li>')
    if MENTIONED_WITH in drawn:
        items.append('<li class="key">\u2508 dotted: named in the same sentence</li>')
    return (
        '<ul class="legend" aria-label="Node types: untick to hide">' + "".join(items) + "</ul>"
    )


def _notice(shown: int, total: int, left_out: int) -> str:
    return (
        f'<p class="notice" role="status">Showing the {shown} most central of {total} nodes; '
        f"{left_out} nodes were left out. To narrow the view, use --max-nodes, --type or "
        "--focus ENTITY --depth N (or --query NAME) of sovkg view; in Python, the same "
        "options of narrow() and render_view().</p>"
    )


def _script_json(value: Any) -> str:
    """JSON that cannot end the ``<script>`` element it is written into."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _vis_assets() -> tuple[str, str]:
    import pyvis

    base = Path(pyvis.__file__).parent / "lib" / _VIS_VERSION
    try:
        js = (base / "vis-network.min.js").read_text(encoding="utf-8")
        css = (base / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise SovkgError(
            f"{base}: vis-network files missing from pyvis ({err.strerror}); "
            "reinstall pyvis>=0.3.2"
        ) from None
    if "</script" in js.lower() or "</style" in css.lower():
        raise SovkgError(f"{base}: vis-network files cannot be inlined safely; reinstall pyvis")
    return js, css


_STYLE = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 0.5rem 1rem; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.25rem; margin: 0 0 0.25rem 0; }
.summary { margin: 0; color: #555; font-size: 0.9rem; }
.notice { margin: 0.4rem 0 0 0; padding: 0.3rem 0.6rem; background: #fff4d6;
          border: 1px solid #e8c35a; font-size: 0.9rem; }
.legend { list-style: none; margin: 0.4rem 0 0 0; padding: 0; display: flex;
          flex-wrap: wrap; gap: 0.3rem 1rem; font-size: 0.85rem; }
.swatch { font-size: 1.1rem; }
.controls { margin: 0.4rem 0 0 0; font-size: 0.9rem; display: flex; gap: 0.6rem;
            align-items: center; }
.controls input { font: inherit; padding: 0.15rem 0.4rem; min-width: 16rem; }
.legend label { cursor: pointer; }
.legend input { margin: 0 0.25rem 0 0; vertical-align: middle; }
#mynetwork { flex: 1; min-height: 400px; }
div.vis-tooltip { white-space: pre-line; max-width: 40rem; }
"""

_BOOT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sovkg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("mynetwork"), {}, data.options);
  // Read by tests and the benchmark: the network and when it was first drawn and
  // came to rest (at once without physics, else after stabilisation).
  var state = {network: network, nodes: nodes, edges: edges, drawn: false, stable: false};
  window.sovkg = state;
  network.once("afterDrawing", function () {
    state.drawn = true;
    state.drawnAt = performance.now();
    if (!data.options.physics.enabled) { state.stable = true; state.stableAt = state.drawnAt; }
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});  // nodes stay where the reader drags them
    state.stable = true;
    state.stableAt = performance.now();
  });
  network.setData({nodes: nodes, edges: edges});
  if (data.focus !== null) { network.selectNodes([data.focus]); }

  var labels = document.getElementById("sovkg-labels");
  nodes.forEach(function (node) {
    var option = document.createElement("option");
    option.value = node.fullLabel;
    labels.appendChild(option);
  });

  var box = document.getElementById("sovkg-search");
  var found = document.getElementById("sovkg-found");
  function search() {
    var text = box.value.toLowerCase().split(/\\s+/).filter(Boolean).join(" ");
    if (!text) { network.unselectAll(); found.textContent = ""; return; }
    var ids = nodes.getIds({filter: function (node) {
      return !node.hidden && node.search.indexOf(text) !== -1;
    }});
    network.selectNodes(ids);
    found.textContent = ids.length === 1 ? "1 match" : ids.length + " matches";
    if (ids.length) { network.fit({nodes: ids, animation: false}); }
  }
  box.addEventListener("input", search);

  Array.prototype.forEach.call(document.querySelectorAll("input[data-type]"), function (box) {
    box.addEventListener("change", function () {
      var type = box.getAttribute("data-type");
      nodes.update(nodes.get({filter: function (node) { return node.nodeType === type; }})
        .map(function (node) { return {id: node.id, hidden: !box.checked}; }));
      search();
    });
  });
})();
"""


def _page(*, title: str, data: Any, legend: str, summary: str, notice: str, empty: bool) -> str:
    js, css = _vis_assets()
    esc_title = html.escape(title)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="de">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc_title}</title>",
            f"<style>{css}</style>",
            f"<style>{_STYLE}</style>",
            f"<script>{js}</script>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{esc_title}</h1>",
            f'<p class="summary">{html.escape(summary)}</p>',
            notice,
            '<p class="notice" role="status">Nothing to show: the graph is empty.</p>' if empty else "",
            '<div class="controls" role="search">',
            '<label for="sovkg-search">Search</label>',
            '<input type="search" id="sovkg-search" list="sovkg-labels" autocomplete="off" '
            'placeholder="label or alias">',
            '<datalist id="sovkg-labels"></datalist>',
            '<span id="sovkg-found" role="status"></span>',
            "</div>",
            legend,
            "</header>",
            '<div id="mynetwork"></div>',
            f'<script id="sovkg-data" type="application/json">{_script_json(data)}</script>',
            f"<script>{_BOOT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
