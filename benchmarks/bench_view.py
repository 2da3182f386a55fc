"""How long a large view takes: generation in Python and stabilisation in Chromium.

Not a test: run it by hand and read the figures::

    python benchmarks/bench_view.py            # about 2,000 nodes
    python benchmarks/bench_view.py --nodes 5000 --keep view.html

A synthetic RDF graph shaped like a build (documents that mention entities of every
type, relations with evidence, sentences naming entities together) goes through the
same functions as ``sovkg view``: ``to_networkx``, ``render_view`` (above 300 nodes the
layout is computed in Python and physics is off) and an atomic write. The page is then
opened in Debian's headless Chromium, timing until vis-network has drawn it and come to
rest (``window.sovkg.stable``). A second, smaller view (under the physics limit) times
the in-browser layout.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS

from sovkg.graph.network import ENTITY_CLASSES, RELATION_PREDICATES, to_networkx
from sovkg.graph.view import PHYSICS_NODE_LIMIT, render_view
from sovkg.graph.serialize import write_atomic

SOVKG = Namespace("https://w3id.org/sovkg/ontology#")
ID = Namespace("https://w3id.org/sovkg/id/")
CHROMIUM = "/usr/bin/chromium"


def synthetic_graph(nodes: int, *, seed: int = 0) -> Graph:
    """About ``nodes`` nodes: one document per 20 entities, each naming 25 of them."""
    rng = random.Random(seed)
    documents = max(1, nodes // 21)
    entities = nodes - documents
    g = Graph()
    for i in range(entities):
        ent = ID[f"entity/e{i}"]
        g.add((ent, RDF.type, ENTITY_CLASSES[i % len(ENTITY_CLASSES)]))
        g.add((ent, SKOS.prefLabel, Literal(f"Initiative Düsseldorf {i}", lang="de")))
        g.add((ent, SKOS.altLabel, Literal(f"IDü-{i}", lang="de")))
    for d in range(documents):
        doc = ID[f"doc/d{d}"]
        g.add((doc, RDF.type, SOVKG.KleineAnfrage if d % 2 else SOVKG.Antwort))
        g.add((doc, DCTERMS.title, Literal(f"Kleine Anfrage {d} über digitale Souveränität")))
        named = rng.sample(range(entities), min(25, entities))
        for i in named:
            g.add((doc, SOVKG.mentions, ID[f"entity/e{i}"]))
        for s in range(5):  # five sentences, each naming five of them
            sentence = ID[f"sentence/d{d}-{s}"]
            g.add((sentence, SOVKG.text, Literal(f"Satz {s} der Drucksache {d}.")))
            for i in named[s * 5:(s + 1) * 5]:
                mention = ID[f"mention/d{d}-{s}-{i}"]
                g.add((mention, SOVKG.refersTo, ID[f"entity/e{i}"]))
                g.add((mention, SOVKG.inSentence, sentence))
    for r in range(entities // 2):
        s, o = rng.sample(range(entities), 2)
        pred = RELATION_PREDICATES[r % (len(RELATION_PREDICATES) - 1)]
        g.add((ID[f"entity/e{s}"], pred, ID[f"entity/e{o}"]))
        ev = ID[f"evidence/{r}"]
        g.add((ev, RDF.type, SOVKG.Evidence))
        g.add((ev, SOVKG.evidenceSubject, ID[f"entity/e{s}"]))
        g.add((ev, SOVKG.evidencePredicate, pred))
        g.add((ev, SOVKG.evidenceObject, ID[f"entity/e{o}"]))
        g.add((ev, SOVKG.inSentence, ID[f"sentence/d{r % documents}-0"]))
    return g


def generate(nodes: int, path: Path) -> dict[str, float]:
    """Time the Python side: RDF → networkx → HTML → file."""
    graph = synthetic_graph(nodes)
    times = {}
    start = time.perf_counter()
    G = to_networkx(graph, sentence_links=True)
    times["to_networkx"] = time.perf_counter() - start
    start = time.perf_counter()
    page = render_view(G, title=f"benchmark – {G.number_of_nodes()} nodes", max_nodes=G.number_of_nodes())
    times["render_view"] = time.perf_counter() - start
    start = time.perf_counter()
    write_atomic(path, page)
    times["write"] = time.perf_counter() - start
    times["nodes"] = G.number_of_nodes()
    times["edges"] = G.number_of_edges()
    times["bytes"] = path.stat().st_size
    return times


def stabilise(paths: list[Path]) -> list[dict[str, float]]:
    """Open each page in headless Chromium; time until drawn and at rest."""
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            viewport={"width": 1400, "height": 900},
        )
        for path in paths:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            start = time.perf_counter()
            page.goto(path.resolve().as_uri())
            page.wait_for_function("window.sovkg && window.sovkg.stable === true", timeout=600_000)
            wall = time.perf_counter() - start
            drawn, stable, shown = page.evaluate(
                "[window.sovkg.drawnAt, window.sovkg.stableAt, window.sovkg.nodes.length]"
            )
            results.append({"wall": wall, "drawn_ms": drawn, "stable_ms": stable, "nodes": shown,
                            "errors": len(errors)})
            page.close()
        context.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000, help="size of the large view (default: 2000)")
    parser.add_argument("--small", type=int, default=PHYSICS_NODE_LIMIT,
                        help=f"size of the in-browser-layout view (default: {PHYSICS_NODE_LIMIT})")
    parser.add_argument("--keep", type=Path, help="also copy the large view here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        large, small = Path(tmp) / "large.html", Path(tmp) / "small.html"
        rows = [("large", generate(args.nodes, large)), ("small", generate(args.small, small))]
        if args.keep:
            args.keep.write_bytes(large.read_bytes())
        browser = stabilise([large, small])
    for (name, gen), seen in zip(rows, browser):
        layout = "Python layout, physics off" if gen["nodes"] > PHYSICS_NODE_LIMIT else "physics in the browser"
        print(f"{name}: {gen['nodes']} nodes, {gen['edges']} edges, {gen['bytes'] / 1e6:.1f} MB ({layout})")
        print(f"  generation: to_networkx {gen['to_networkx']:.2f} s, render_view {gen['render_view']:.2f} s, "
              f"write {gen['write']:.3f} s")
        print(f"  browser: drawn {seen['drawn_ms'] / 1000:.2f} s and at rest {seen['stable_ms'] / 1000:.2f} s "
              f"after navigation; {seen['wall']:.2f} s wall clock; {seen['nodes']} nodes in the DataSet; "
              f"{seen['errors']} page errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
