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
  vis-network 9 shows as text, never as HTML;
* is deterministic: nodes and edges in sorted order, explicit edge ids, a fixed
  random seed for the browser layout and ``spring_layout(seed=0)`` for large graphs.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx

from sovkg.errors import ConfigError, SovkgError

from .network import centrality
from .serialize import write_atomic

__all__ = ["DEFAULT_STYLE", "PHYSICS_NODE_LIMIT", "TYPE_STYLES", "render_view", "write_view"]

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

    Returns
    -------
    str
        The complete HTML document, with vis-network inlined.

    Raises
    ------
    sovkg.errors.ConfigError
        If ``max_nodes`` is less than 1.
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
    scores = centrality(G)
    ranked = sorted(G.nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))
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
        net.add_node(
            str(node),
            label=_shorten(label),
            shape=shape,
            color=colour,
            size=round(10 + 30 * scores.get(node, 0.0) / top, 2),
            title=_node_tooltip(node, data),
            **extra,
        )
    labels = {n: str(H.nodes[n].get("label") or n) for n in shown}
    for i, (u, v, pred) in enumerate(_sorted_edges(H)):
        mention = pred == "mentions"
        net.add_edge(
            str(u),
            str(v),
            id=f"e{i}",
            label=pred,
            title=f"{labels[u]} \u2192 {pred} \u2192 {labels[v]}",
            color=_MENTION_COLOUR if mention else _RELATION_COLOUR,
            dashes=mention,
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
            "stabilization": {"enabled": True, "iterations": 300},
        },
    }
    nodes, edges, *_ = net.get_network_data()
    page = _page(
        title=title,
        data={"nodes": nodes, "edges": edges, "options": options},
        legend=_legend(H),
        summary=f"{len(nodes)} nodes, {len(edges)} edges",
        notice=_notice(len(shown), G.number_of_nodes(), left_out) if left_out else "",
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
        Options of :func:`render_view` (``title``, ``max_nodes``, ``physics``).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    target = Path(path)
    write_atomic(target, render_view(G, **kw))
    return target


# --------------------------------------------------------------------------- helpers


def _layout(H: nx.Graph, shown: list) -> dict:
    """Spring layout on the undirected simple view, scaled to screen units."""
    simple = nx.Graph()
    simple.add_nodes_from(shown)
    simple.add_edges_from((u, v) for u, v in H.edges() if u != v)
    scale = 120.0 * max(len(shown), 1) ** 0.5
    pos = nx.spring_layout(simple, seed=0, scale=scale)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def _sorted_edges(H: nx.Graph) -> list[tuple[Any, Any, str]]:
    seen = set()
    for u, v, data in H.edges(data=True):
        seen.add((u, v, str(data.get("predicate") or "relatedTo")))
    return sorted(seen, key=lambda e: (str(e[0]), str(e[1]), e[2]))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "\u2026"


def _listing(values: Any) -> str:
    items = [str(v) for v in (values or [])]
    if len(items) > _MAX_LISTED:
        items = items[:_MAX_LISTED] + [f"\u2026 and {len(items) - _MAX_LISTED} more"]
    return "; ".join(items) if items else "\u2013"


def _node_tooltip(node: Any, data: Mapping[str, Any]) -> str:
    """Plain text: vis-network 9 puts string titles in ``innerText``."""
    lines = [
        str(data.get("label") or node),
        f"Type: {data.get('type', 'unknown')}",
        f"Aliases: {_listing(data.get('aliases'))}",
    ]
    if data.get("kind") != "document":
        lines.append(f"Documents: {_listing(data.get('documents'))}")
    lines.append(f"IRI: {node}")
    return "\n".join(lines)


def _legend(H: nx.Graph) -> str:
    counts: dict[str, int] = {}
    for _, kind in H.nodes(data="type"):
        counts[str(kind or "")] = counts.get(str(kind or ""), 0) + 1
    order = list(TYPE_STYLES)
    items = []
    for kind in sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k)):
        colour, shape = TYPE_STYLES.get(kind, DEFAULT_STYLE)
        items.append(
            f'<li><span class="swatch" style="color:{colour}">{_SYMBOLS.get(shape, "")}</span>'
            f" {html.escape(kind or 'unknown')} ({counts[kind]})</li>"
        )
    return '<ul class="legend" aria-label="Node types">' + "".join(items) + "</ul>"


def _notice(shown: int, total: int, left_out: int) -> str:
    return (
        f'<p class="notice" role="status">Showing the {shown} most central of {total} nodes; '
        f"{left_out} nodes were left out. To narrow the view, use --max-nodes, --type or "
        "--focus.</p>"
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
#mynetwork { flex: 1; min-height: 400px; }
div.vis-tooltip { white-space: pre-line; max-width: 40rem; }
"""

_BOOT = """
var sovkgData = JSON.parse(document.getElementById("sovkg-data").textContent);
var network = new vis.Network(
  document.getElementById("mynetwork"),
  {nodes: new vis.DataSet(sovkgData.nodes), edges: new vis.DataSet(sovkgData.edges)},
  sovkgData.options
);
"""


def _page(*, title: str, data: Any, legend: str, summary: str, notice: str) -> str:
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
