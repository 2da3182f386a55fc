"""render_view / write_view: offline, escaped, capped, deterministic HTML."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from rdflib import RDF, SKOS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS

from sovkg.errors import ConfigError
from sovkg.graph.network import EntityLookupError, to_networkx
from sovkg.graph.view import TYPE_STYLES, narrow, notebook_view, render_view, write_view

# Written out here so that the test does not depend on the ontology module.
SOVKG = Namespace("https://w3id.org/sovkg/ontology#")
ID = Namespace("https://w3id.org/sovkg/id/")

SCRIPT = "</script><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT_JSON = "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
IMG_JSON = "\\u003cimg src=x onerror=alert(1)\\u003e"


def fixture_graph() -> nx.MultiDiGraph:
    return to_networkx(fixture_rdf())


def fixture_rdf() -> Graph:
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
    return g


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
    assert labels == [""] * 4 + ["cooperatesWith", "locatedIn"]  # mentions: dashed, no label
    assert sum(e["dashes"] for e in data["edges"]) == 4
    assert len({e["id"] for e in data["edges"]}) == 6
    assert data["options"]["physics"]["enabled"] is True
    page = render_view(G)
    legend = re.search(r'<ul class="legend".*?</ul>', page, re.S).group(0)
    for kind in ("Place", "Initiative", "Organization", "Company", "KleineAnfrage"):
        assert f" {kind} (1)" in legend
        assert TYPE_STYLES[kind][0] in legend
    assert "Person" not in legend
    assert "dashed: document mentions entity" in legend
    # every type has a checkbox for the type filter
    boxes = [a["data-type"] for t, a in tags(legend) if t == "input"]
    assert boxes == ["Company", "Organization", "Initiative", "Place", "KleineAnfrage"]


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
    assert "--max-nodes, --type or --focus ENTITY --depth N (or --query NAME)" in page
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


# --------------------------------------------------------------------------- evidence


def evidence_graph() -> nx.MultiDiGraph:
    """The fixture with sovkg:Evidence nodes for both relations, one of them hostile."""
    g = fixture_rdf()
    for name, (s, p, o, text) in {
        "ev-1": (ID.strasse, SOVKG.locatedIn, ID.duesseldorf, "Die Straße der KI liegt in Düsseldorf."),
        "ev-2": (ID["evil-img"], SOVKG.cooperatesWith, ID["evil-script"], f"Sie kooperieren {SCRIPT}."),
    }.items():
        ev, sentence = ID[name], ID[name + "-s"]
        g.add((ev, RDF.type, SOVKG.Evidence))
        g.add((ev, SOVKG.evidenceSubject, s))
        g.add((ev, SOVKG.evidencePredicate, p))
        g.add((ev, SOVKG.evidenceObject, o))
        g.add((ev, SOVKG.inSentence, sentence))
        g.add((sentence, RDF.type, SOVKG.Sentence))
        g.add((sentence, SOVKG.text, Literal(text)))
    return to_networkx(g)


def test_tooltips_carry_evidence_sentences():
    page = render_view(evidence_graph())
    nodes = {n["id"]: n for n in data_island(page)["nodes"]}
    road = nodes[str(ID.strasse)]["title"]
    assert "Evidence:\nlocatedIn Düsseldorf: \u201cDie Straße der KI liegt in Düsseldorf.\u201d" in road
    place = nodes[str(ID.duesseldorf)]["title"]
    assert "\u2190 locatedIn Straße der KI: \u201cDie Straße der KI liegt in Düsseldorf.\u201d" in place
    # symmetric relation stated the other way round still finds its sentence
    edges = {e["label"]: e for e in data_island(page)["edges"]}
    assert edges["cooperatesWith"]["title"].endswith(f"\u201cSie kooperieren {SCRIPT}.\u201d")
    assert SCRIPT not in page  # the sentence is escaped in the JSON island
    assert "Evidence" not in nodes[str(ID["doc-1"])]["title"]


def test_evidence_is_capped_in_tooltips():
    G = nx.MultiDiGraph()
    G.add_node("urn:x:a", label="A", type="Initiative")
    G.add_node("urn:x:b", label="B", type="Place")
    G.add_edge("urn:x:a", "urn:x:b", key="locatedIn", predicate="locatedIn",
               evidence=[f"Satz {i}." for i in range(10)])
    title = {n["id"]: n for n in data_island(render_view(G))["nodes"]}["urn:x:a"]["title"]
    assert title.count("Satz") == 6 and "\u2026 and 4 more" in title


# --------------------------------------------------------------------------- narrow


def test_narrow_by_focus_and_depth():
    G = fixture_graph()
    one = narrow(G, focus="Straße der KI")
    assert sorted(one) == sorted([str(ID.strasse), str(ID.duesseldorf), str(ID["doc-1"])])
    assert sorted(narrow(G, focus="strasse", depth=0)) == [str(ID.strasse)]
    assert len(narrow(G, focus=str(ID.strasse), depth=2)) == 5
    assert isinstance(one, nx.MultiDiGraph) and one is not G
    with pytest.raises(ConfigError, match="depth"):
        narrow(G, focus="strasse", depth=-1)


def test_narrow_by_type_keeps_the_focus():
    G = fixture_graph()
    assert sorted(narrow(G, types=["place", "KLEINEANFRAGE"])) == sorted(
        [str(ID.duesseldorf), str(ID["doc-1"])]
    )
    assert sorted(narrow(G, focus="Düsseldorf", types=["KleineAnfrage"])) == sorted(
        [str(ID.duesseldorf), str(ID["doc-1"])]
    )
    assert list(narrow(G, types=["Person"])) == []  # a known type, none present
    with pytest.raises(ConfigError, match=r"unknown type 'Ort'; types in this graph: Company, "):
        narrow(G, types=["Ort"])


def test_narrow_by_query_nodes():
    G = fixture_graph()
    H = narrow(G, nodes=[str(ID.strasse), str(ID.duesseldorf), "urn:x:not-a-node", "a literal"])
    assert sorted(H) == sorted([str(ID.strasse), str(ID.duesseldorf)])
    assert [k for _, _, k in H.edges(keys=True)] == ["locatedIn"]
    with pytest.raises(ConfigError, match="none of the query's results"):
        narrow(G, nodes=["urn:x:nothing"])


def test_focus_lookup_errors_are_one_line():
    G = fixture_graph()
    G.add_node("urn:x:dup", label="düsseldorf", type="Place")
    with pytest.raises(EntityLookupError, match="names 2 nodes") as err:
        narrow(G, focus="DÜSSELDORF")
    assert "\n" not in str(err.value)
    with pytest.raises(EntityLookupError, match="no entity or document named 'Köln'"):
        narrow(G, focus="Köln")


def test_focus_node_survives_the_cap():
    G = fixture_graph()
    page = render_view(G, max_nodes=1, focus=str(ID["evil-img"]))
    data = data_island(page)
    assert [n["id"] for n in data["nodes"]] == [str(ID["evil-img"])]
    assert data["nodes"][0]["borderWidth"] == 4
    assert data["focus"] == str(ID["evil-img"])
    assert data_island(render_view(G))["focus"] is None
    with pytest.raises(ConfigError, match="focus"):
        render_view(G, focus="urn:x:missing")


# --------------------------------------------------------------------------- page


def test_search_box_and_filter_data():
    page = render_view(fixture_graph())
    found = tags(page)
    assert ("input", {"type": "search", "id": "sovkg-search", "list": "sovkg-labels",
                      "autocomplete": "off", "placeholder": "label or alias"}) in found
    assert any(t == "datalist" for t, _ in found)
    nodes = {n["id"]: n for n in data_island(page)["nodes"]}
    road = nodes[str(ID.strasse)]
    assert road["search"] == f"straße der ki\n{IMG}"  # lower() as in JavaScript, not casefold()
    assert road["fullLabel"] == "Straße der KI" and road["nodeType"] == "Initiative"
    assert "innerHTML" not in page.split("<script>")[-1]  # the page's own script


def test_empty_graph_renders_a_notice():
    page = render_view(nx.MultiDiGraph())
    assert "Nothing to show: the graph is empty." in page
    assert data_island(page)["nodes"] == []


def test_entity_graph_edges_are_drawn_from_statements():
    G = nx.Graph()
    G.add_node("urn:x:a", label="A", type="Initiative")
    G.add_node("urn:x:b", label="B", type="Place")
    G.add_node("urn:x:c", label="C", type="Place")
    G.add_edge("urn:x:a", "urn:x:b", relations=[("urn:x:a", "locatedIn", "urn:x:b")], sentences=2)
    G.add_edge("urn:x:b", "urn:x:c", relations=[], sentences=1)
    edges = data_island(render_view(G))["edges"]
    assert [(e["from"], e["label"], e["to"]) for e in edges] == [
        ("urn:x:a", "locatedIn", "urn:x:b"), ("urn:x:b", "", "urn:x:c")]
    assert edges[1]["title"] == "B \u2192 mentionedWith \u2192 C"
    assert edges[1]["arrows"] == {"to": {"enabled": False}} and edges[1]["dashes"] == [2, 4]
    assert "dotted: named in the same sentence" in render_view(G)
    assert "dotted: named" not in render_view(fixture_graph())


def test_notebook_view_is_an_isolated_frame():
    shown = notebook_view(fixture_graph(), height=300, title=IMG)
    markup = shown.data
    assert markup.startswith('<div><iframe srcdoc="') and 'sandbox="allow-scripts"' in markup
    assert "height:300px" in markup
    assert "<script" not in markup and IMG not in markup
    assert html.unescape(markup.split('srcdoc="', 1)[1].split('" style=')[0]) == render_view(
        fixture_graph(), title=IMG
    )
