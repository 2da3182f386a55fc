"""The generated HTML in a real browser: headless Chromium driven by Playwright.

What only a browser can show: vis-network draws every node, the page logs no error,
requests nothing but itself, and hostile text from a document stays text. Debian's
``chromium`` is used (``.ci/run`` installs it); nothing here downloads a browser.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, SKOS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS

from sovkg.graph.network import to_networkx
from sovkg.graph.view import write_view

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SOVKG = Namespace("https://w3id.org/sovkg/ontology#")
ID = Namespace("https://w3id.org/sovkg/id/")

# Each would set window.__pwned or open a dialog if the page ran it.
HOSTILE = {
    "img": '<img src=x onerror="window.__pwned=1">',
    "script": "</script><script>window.__pwned=2;alert(2)</script>",
    "svg": "<svg onload=alert(3)>",
    "attr": '" onmouseover="window.__pwned=4" x="',
}


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), "
                    "as .ci/run does; the browser tests need it")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=LAUNCH_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@dataclass
class Opened:
    page: object
    url: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str):
        return self.page.evaluate(expression)


def open_view(browser, path: Path) -> Opened:
    page = browser.new_page()
    opened = Opened(page=page, url=path.resolve().as_uri())
    page.on("console", lambda msg: msg.type in ("error", "assert") and opened.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: opened.console_errors.append(f"uncaught: {exc}"))
    page.on("request", lambda request: opened.requests.append(request.url))

    def dialog(d) -> None:
        opened.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(opened.url)
    page.wait_for_function("window.sovkg && window.sovkg.stable === true", timeout=60_000)
    return opened


@pytest.fixture
def view_of(browser, tmp_path):
    """Write a graph's view and open it; close the pages afterwards."""
    pages = []

    def show(G: nx.Graph, **kw) -> Opened:
        path = write_view(G, tmp_path / f"view-{len(pages)}.html", **kw)
        opened = open_view(browser, path)
        pages.append(opened.page)
        return opened

    yield show
    for page in pages:
        page.close()


def hostile_graph() -> nx.MultiDiGraph:
    """Entities, aliases, a document title and an evidence sentence carrying markup."""
    g = Graph()
    for key, text in HOSTILE.items():
        g.add((ID[key], RDF.type, SOVKG.Organization))
        g.add((ID[key], SKOS.prefLabel, Literal(text, lang="de")))
        g.add((ID[key], SKOS.altLabel, Literal(f"alias {text}", lang="de")))
    g.add((ID.duesseldorf, RDF.type, SOVKG.Place))
    g.add((ID.duesseldorf, SKOS.prefLabel, Literal("Düsseldorf", lang="de")))
    g.add((ID.img, SOVKG.locatedIn, ID.duesseldorf))
    ev, sentence = ID["ev-1"], ID["s-1"]
    g.add((ev, RDF.type, SOVKG.Evidence))
    g.add((ev, SOVKG.evidenceSubject, ID.img))
    g.add((ev, SOVKG.evidencePredicate, SOVKG.locatedIn))
    g.add((ev, SOVKG.evidenceObject, ID.duesseldorf))
    g.add((ev, SOVKG.inSentence, sentence))
    g.add((sentence, SOVKG.text, Literal(f"Sitz in Düsseldorf {HOSTILE['script']}")))
    doc = ID["doc-1"]
    g.add((doc, RDF.type, SOVKG.KleineAnfrage))
    g.add((doc, DCTERMS.title, Literal(f"Anfrage {HOSTILE['img']}", lang="de")))
    for key in [*HOSTILE, "duesseldorf"]:
        g.add((doc, SOVKG.mentions, ID[key]))
    return to_networkx(g)


def assert_clean(opened: Opened) -> None:
    assert opened.console_errors == []
    assert opened.requests == [opened.url], "the page fetched something besides itself"
    assert opened.dialogs == []
    assert opened.js("window.__pwned") is None


def test_sample_build_view_renders_every_node(browser, sample_build):
    html_path = sample_build.out / "graph.html"
    opened = open_view(browser, html_path)
    try:
        expected = opened.js("JSON.parse(document.getElementById('sovkg-data').textContent).nodes.length")
        assert expected > 20
        assert opened.js("window.sovkg.nodes.length") == expected
        assert opened.js("Object.keys(window.sovkg.network.getPositions()).length") == expected
        assert opened.js("window.sovkg.network.body.nodeIndices.length") == expected
        assert opened.js("document.characterSet") == "UTF-8"
        assert "Düsseldorf" in opened.js("document.getElementById('sovkg-data').textContent")
        assert_clean(opened)
    finally:
        opened.page.close()


def test_hostile_text_does_not_run(view_of):
    G = hostile_graph()
    opened = view_of(G, title=f"View {HOSTILE['svg']}")
    page = opened.page
    assert opened.js("window.sovkg.nodes.length") == G.number_of_nodes() == 6
    assert opened.js("document.title") == f"View {HOSTILE['svg']}"
    assert page.inner_text("h1") == f"View {HOSTILE['svg']}"
    assert opened.js("document.querySelectorAll('img, svg, script:not([id]) ~ script').length") == 0
    assert opened.js("document.scripts.length") == 3  # vis-network, the data, the boot script
    # the labels arrive as the same text in the network
    labels = opened.js("window.sovkg.nodes.get().map(n => n.fullLabel)")
    assert set(HOSTILE.values()) <= set(labels)

    # hover a hostile node: the tooltip shows its markup as text
    page.evaluate("window.sovkg.network.moveTo({scale: 1.0, animation: false})")
    point = page.evaluate(
        """(id) => {
            const net = window.sovkg.network, box = document.getElementById('mynetwork').getBoundingClientRect();
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        str(ID.img),
    )
    page.mouse.move(point["x"] - 40, point["y"] - 40)
    page.mouse.move(point["x"], point["y"])
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    text = tooltip.inner_text()
    assert text.startswith(HOSTILE["img"] + "\nType: Organization")
    assert f"Aliases: alias {HOSTILE['img']}" in text
    assert f"locatedIn Düsseldorf: \u201cSitz in Düsseldorf {HOSTILE['script']}\u201d" in text
    # vis-network sets the text with innerText, which turns line breaks into <br>
    assert tooltip.evaluate("el => Array.from(el.querySelectorAll('*'), e => e.tagName)") == ["BR"] * 6

    # search for hostile text: the match list and the datalist hold it as text
    page.fill("#sovkg-search", "<SVG onload")
    assert page.inner_text("#sovkg-found") == "1 match"
    assert opened.js("window.sovkg.network.getSelectedNodes()") == [str(ID.svg)]
    page.fill("#sovkg-search", "onerror")  # the entity and the document titled with it
    assert sorted(opened.js("window.sovkg.network.getSelectedNodes()")) == [str(ID["doc-1"]), str(ID.img)]
    options = opened.js("Array.from(document.querySelectorAll('#sovkg-labels option'), o => o.value)")
    assert HOSTILE["script"] in options and opened.js("document.querySelectorAll('#sovkg-labels *').length") == 6
    page.wait_for_timeout(200)
    assert_clean(opened)


def test_search_and_type_filter(view_of):
    opened = view_of(hostile_graph())
    page = opened.page
    page.fill("#sovkg-search", "  DÜSSELDORF ")
    assert page.inner_text("#sovkg-found") == "1 match"
    assert opened.js("window.sovkg.network.getSelectedNodes()") == [str(ID.duesseldorf)]
    page.fill("#sovkg-search", "alias")
    assert page.inner_text("#sovkg-found") == "4 matches"
    page.uncheck('input[data-type="Organization"]')
    hidden = opened.js("window.sovkg.nodes.get({filter: n => n.hidden}).map(n => n.nodeType)")
    assert hidden == ["Organization"] * 4
    assert page.inner_text("#sovkg-found") == "0 matches"  # search skips hidden nodes
    page.check('input[data-type="Organization"]')
    assert opened.js("window.sovkg.nodes.get({filter: n => n.hidden}).length") == 0
    assert page.inner_text("#sovkg-found") == "4 matches"
    page.fill("#sovkg-search", "")
    assert page.inner_text("#sovkg-found") == ""
    assert opened.js("window.sovkg.network.getSelectedNodes()") == []
    assert_clean(opened)


def test_large_view_uses_python_layout_and_the_cap(view_of):
    G = nx.MultiDiGraph()
    for i in range(450):
        G.add_node(f"urn:x:{i:03d}", label=f"Initiative {i}", type="Initiative")
    for i in range(1, 450):
        G.add_edge(f"urn:x:{i:03d}", f"urn:x:{(i - 1) // 3:03d}", key="partOf", predicate="partOf")
    opened = view_of(G, max_nodes=400)
    assert opened.js("window.sovkg.nodes.length") == 400
    assert opened.js("window.sovkg.network.physics.physicsEnabled") is False
    notice = opened.page.inner_text(".notice")
    assert notice.startswith("Showing the 400 most central of 450 nodes; 50 nodes were left out.")
    assert "--type" in notice and "--focus" in notice
    assert_clean(opened)
