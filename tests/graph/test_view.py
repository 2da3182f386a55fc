"""render_view / write_view: offline, escaped, capped, deterministic HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from rdflib import RDF, SKOS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS

from sovkg.errors import ConfigError
from sovkg.graph.network import to_networkx
from sovkg.graph.view import TYPE_STYLES, render_view, write_view

# Written out here so that the test does not depend on the ontology module.
SOVKG = Namespace("https://w3id.org/sovkg/ontology#")
ID = Namespace("https://w3id.org/sovkg/id/")

SCRIPT = "</script><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT_JSON = "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
IMG_JSON = "\\u003cimg src=x onerror=alert(1)\\u003e"


def fixture_graph() -> nx.MultiDiGraph:
    g = Graph()

    def entity(name, cls, label, *aliases):
        g.add((ID[name], RDF.type, cls))
        g.add((ID[name], SKOS.prefLabel, Literal(label, lang="de")))
        for alias in aliases:
            g.add((ID[name], SKOS.altLabel, Literal(alias, lang="de")))

    entity("duesseldorf", SOVKG.Place, "Düsseldorf")
    entity("strasse", SOVKG.Initiative, "Straße der KI", IMG)
    entity("evil-script", SOVKG.Organization, SCRIPT)
    entity("evil-img", SOVKG.Company, IMG, "A & B")
    g.add((ID.strasse, SOVKG.locatedIn, ID.duesseldorf))
    g.add((ID["evil-script"], SOVKG.cooperatesWith, ID["evil-img"]))
    doc = ID["doc-1"]
    g.add((doc, RDF.type, SOVKG.KleineAnfrage))
    g.add((doc, DCTERMS.title, Literal(f"Anfrage {SCRIPT} über Düsseldorf", lang="de")))
    g.add((doc, DCTERMS.source, Literal("sample.txt")))
    for name in ("duesseldorf", "strasse", "evil-script", "evil-img"):
        g.add((doc, SOVKG.mentions, ID[name]))
    return to_networkx(g)


class _Tags(HTMLParser):
    """Collects start tags and their attributes the way a browser tokenises them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def data_island(page: str) -> dict:
    match = re.search(r'<script id="sovkg-data" type="application/json">(.*?)</script>', page, re.S)
    assert match, "no data island"
    return json.loads(match.group(1))


def test_page_is_offline():
    page = render_view(fixture_graph())
    found = tags(page)
    refs = [a.get(k) or "" for _, a in found for k in ("src", "href")]
    assert not [r for r in refs if "//" in r]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    for bad in ("bootstrap", "tom-select", "cdnjs", "jsdelivr", "lib/bindings"):
        assert bad not in page
    assert "vis.Network" in page  # vis-network itself is inlined
    assert ("meta", {"charset": "utf-8"}) in found
    assert any(t == "meta" and a.get("http-equiv") == "Content-Security-Policy" for t, a in found)


def test_hostile_text_is_escaped():
    page = render_view(fixture_graph(), title=f"View {IMG}")
    assert SCRIPT not in page
    assert IMG not in page
    assert "alert(1)</script>" not in page
    assert SCRIPT_JSON in page and IMG_JSON in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # title and heading
    # only our own elements: vis-network, the data island, the boot script
    assert [t for t, _ in tags(page) if t == "script"] == ["script"] * 3
    assert not [t for t, _ in tags(page) if t == "img"]
    # the JSON decodes back to the original text, tooltips are plain text
    nodes = {n["id"]: n for n in data_island(page)["nodes"]}
    evil = nodes[str(ID["evil-script"])]
    assert evil["label"] == SCRIPT
    assert evil["title"].startswith(SCRIPT + "\nType: Organization\n")
    assert "<br" not in evil["title"]
    assert f"Aliases: {IMG}" in nodes[str(ID.strasse)]["title"]
    assert "A & B" in nodes[str(ID["evil-img"])]["title"]


def test_nodes_edges_styles_and_legend():
    G = fixture_graph()
    data = data_island(render_view(G))
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 6
    nodes = {n["id"]: n for n in data["nodes"]}
    dus = nodes[str(ID.duesseldorf)]
    assert (dus["color"], dus["shape"]) == TYPE_STYLES["Place"]
    assert dus["label"] == "Düsseldorf"
    assert nodes[str(ID["doc-1"])]["size"] > dus["size"]  # size by centrality
    labels = sorted(e["label"] for e in data["edges"])
    assert labels == ["cooperatesWith", "locatedIn"] + ["mentions"] * 4
    assert len({e["id"] for e in data["edges"]}) == 6
    assert data["options"]["physics"]["enabled"] is True
    page = render_view(G)
    legend = re.search(r'<ul class="legend".*?</ul>', page, re.S).group(0)
    for kind in ("Place", "Initiative", "Organization", "Company", "KleineAnfrage"):
        assert f" {kind} (1)" in legend
        assert TYPE_STYLES[kind][0] in legend
    assert "Person" not in legend


def test_umlauts_written_as_utf8(tmp_path):
    out = write_view(fixture_graph(), tmp_path / "view.html", title="Straße & Düsseldorf")
    raw = out.read_bytes()
    for word in ("Düsseldorf", "Straße"):
        assert word.encode("utf-8") in raw
    assert "<title>Straße &amp; Düsseldorf</title>".encode("utf-8") in raw
    assert b'<meta charset="utf-8">' in raw
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]  # no temp file left


def test_write_replaces_existing_file(tmp_path):
    target = tmp_path / "view.html"
    target.write_text("old", encoding="utf-8")
    write_view(fixture_graph(), target, max_nodes=2)
    assert target.read_text(encoding="utf-8") == render_view(fixture_graph(), max_nodes=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]


def test_node_cap_notice():
    G = fixture_graph()
    page = render_view(G, max_nodes=2)
    assert "Showing the 2 most central of 5 nodes; 3 nodes were left out" in page
    assert "--max-nodes, --type or --focus" in page
    ids = sorted(n["id"] for n in data_island(page)["nodes"])
    # the document (linked to all) first, then the most central entity by id
    assert ids == sorted([str(ID["doc-1"]), str(ID.duesseldorf)])
    assert all(e["from"] in ids and e["to"] in ids for e in data_island(page)["edges"])
    assert "left out" not in render_view(G)
    with pytest.raises(ConfigError, match="max-nodes"):
        render_view(G, max_nodes=0)


def test_renders_are_identical(tmp_path):
    assert render_view(fixture_graph()) == render_view(fixture_graph())
    a = write_view(fixture_graph(), tmp_path / "a.html").read_bytes()
    b = write_view(fixture_graph(), tmp_path / "b.html").read_bytes()
    assert a == b


def test_large_graph_gets_python_layout():
    G = nx.MultiDiGraph()
    for i in range(320):
        G.add_node(f"urn:x:{i:03d}", label=f"Knoten {i}", type="Initiative")
    for i in range(319):
        G.add_edge(f"urn:x:{i:03d}", f"urn:x:{i + 1:03d}", key="partOf", predicate="partOf")
    page = render_view(G)
    data = data_island(page)
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert page == render_view(G)
    small = data_island(render_view(G, max_nodes=50))
    assert small["options"]["physics"]["enabled"] is True
    assert "x" not in small["nodes"][0]
