"""``sovkg view`` and ``sovkg analyze`` on a small graph file written by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from sovkg.cli import main

SOVKG = Namespace("https://w3id.org/sovkg/ontology#")
ID = Namespace("https://w3id.org/sovkg/id/entity/")
DOC = URIRef("https://w3id.org/sovkg/id/doc/anfrage-1")


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    """A build-like graph.trig: four entities, one relation with evidence, one
    document, sentences naming entities together, and one KB entity no one names."""
    ds = Dataset()
    g = ds.graph(URIRef("https://w3id.org/sovkg/id/graph/doc/anfrage-1"))
    for key, cls, label, aliases in (
        ("nrw-genius", SOVKG.Initiative, "NRW.Genius", ["Projekt NRW.Genius"]),
        ("open-source", SOVKG.Technology, "Open Source", []),
        ("it-nrw", SOVKG.GovernmentBody, "IT.NRW", ["Landesbetrieb IT.NRW"]),
        ("huerth", SOVKG.Place, "Hürth", []),
        ("bitkom", SOVKG.Organization, "Bitkom", []),
    ):
        g.add((ID[key], RDF.type, cls))
        g.add((ID[key], SKOS.prefLabel, Literal(label, lang="de")))
        for alias in aliases:
            g.add((ID[key], SKOS.altLabel, Literal(alias, lang="de")))
    g.add((ID["nrw-genius"], SOVKG.uses, ID["open-source"]))
    g.add((DOC, RDF.type, SOVKG.KleineAnfrage))
    g.add((DOC, DCTERMS.title, Literal("Souveräne KI in NRW", lang="de")))
    for key in ("nrw-genius", "open-source", "it-nrw", "huerth"):
        g.add((DOC, SOVKG.mentions, ID[key]))
    prov = ds.graph(URIRef("https://w3id.org/sovkg/id/graph/provenance"))
    for s, named in {"s1": ("nrw-genius", "open-source"), "s2": ("nrw-genius", "it-nrw")}.items():
        sentence = URIRef(f"https://w3id.org/sovkg/id/sentence/{s}")
        prov.add((sentence, SOVKG.text, Literal(f"Satz {s}.")))
        for key in named:
            mention = URIRef(f"https://w3id.org/sovkg/id/mention/{s}-{key}")
            prov.add((mention, SOVKG.refersTo, ID[key]))
            prov.add((mention, SOVKG.inSentence, sentence))
    ev = URIRef("https://w3id.org/sovkg/id/evidence/1")
    prov.add((ev, RDF.type, SOVKG.Evidence))
    prov.add((ev, SOVKG.evidenceSubject, ID["nrw-genius"]))
    prov.add((ev, SOVKG.evidencePredicate, SOVKG.uses))
    prov.add((ev, SOVKG.evidenceObject, ID["open-source"]))
    prov.add((ev, SOVKG.inSentence, URIRef("https://w3id.org/sovkg/id/sentence/s1")))
    out = tmp_path / "kg"
    out.mkdir()
    ds.serialize(out / "graph.trig", format="trig")
    return out / "graph.trig"


def island(path: Path) -> dict:
    page = path.read_text(encoding="utf-8")
    match = re.search(r'<script id="sovkg-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def labels(path: Path) -> list[str]:
    return sorted(n["fullLabel"] for n in island(path)["nodes"])


def test_view_whole_graph_defaults_beside_the_graph(graph_file, capsys):
    assert main(["view", "--graph", str(graph_file.parent)]) == 0
    out = graph_file.parent / "view.html"
    assert capsys.readouterr().out.strip() == f"wrote: {out} (5 nodes)"
    assert labels(out) == ["Hürth", "IT.NRW", "NRW.Genius", "Open Source", "Souveräne KI in NRW"]
    assert "<title>sovkg – graph</title>" in out.read_text(encoding="utf-8")
    assert main(["view", "--graph", str(graph_file), "--all-entities", "--out", str(out)]) == 0
    assert "Bitkom" in labels(out)


def test_view_focus_depth_type(graph_file, tmp_path, capsys):
    out = tmp_path / "f.html"
    assert main(["view", "--graph", str(graph_file), "--focus", "projekt nrw.genius",
                 "--out", str(out)]) == 0
    assert labels(out) == ["NRW.Genius", "Open Source", "Souveräne KI in NRW"]
    assert island(out)["focus"] == str(ID["nrw-genius"])
    assert "<title>sovkg – NRW.Genius (depth 1)</title>" in out.read_text(encoding="utf-8")
    assert main(["view", "--graph", str(graph_file), "--focus", "nrw-genius", "--sentence-links",
                 "--type", "GovernmentBody", "technology", "--out", str(out)]) == 0
    assert labels(out) == ["IT.NRW", "NRW.Genius", "Open Source"]
    edges = sorted(e["title"].split(" \u2192 ")[1] for e in island(out)["edges"])
    assert edges == ["mentionedWith", "mentionedWith", "uses"]
    tooltip = next(n["title"] for n in island(out)["nodes"] if n["fullLabel"] == "NRW.Genius")
    assert "uses Open Source: \u201cSatz s1.\u201d" in tooltip


def test_view_max_nodes_message(graph_file, tmp_path, capsys):
    out = tmp_path / "m.html"
    assert main(["view", "--graph", str(graph_file), "--max-nodes", "2", "--out", str(out)]) == 0
    assert "(2 nodes; 3 left out, narrow with --type, --focus or --max-nodes)" in capsys.readouterr().out
    assert "Showing the 2 most central of 5 nodes" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--focus", "Genius"], "no entity or document named 'Genius'; did you mean NRW.Genius?"),
        (["--type", "Ort"], "unknown type 'Ort'; types in this graph: GovernmentBody, Initiative, "),
        (["--max-nodes", "0"], "max_nodes must be at least 1"),
        (["--depth", "-1", "--focus", "IT.NRW"], "depth must be 0 or more"),
        (["--param", "x=1"], "--param needs --query NAME"),
    ],
)
def test_view_user_errors_are_one_line(graph_file, capsys, argv, message):
    assert main(["view", "--graph", str(graph_file), *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sovkg: error: {message}")
    assert err.count("\n") == 1


def test_missing_graph_says_to_build(tmp_path, capsys):
    assert main(["view", "--graph", str(tmp_path / "nothing")]) == 1
    assert "no such graph file; run `sovkg build` first or pass --graph PATH" in capsys.readouterr().err
    assert main(["analyze", "--graph", str(tmp_path)]) == 1


def test_view_of_a_query(graph_file, tmp_path, capsys):
    pytest.importorskip("sovkg.graph.sparql", reason="issue 6's sovkg.graph.sparql is not there yet")
    rq = tmp_path / "uses.rq"
    rq.write_text(
        "# title: What an initiative uses\n"
        "# description: the technologies an initiative uses\n"
        "# param: initiative — IRI of an initiative\n"
        "PREFIX sovkg: <https://w3id.org/sovkg/ontology#>\n"
        "SELECT ?initiative ?technology WHERE { ?initiative sovkg:uses ?technology }\n",
        encoding="utf-8",
    )
    out = tmp_path / "q.html"
    assert main(["view", "--graph", str(graph_file), "--query", str(rq), "--param",
                 f"initiative={ID['nrw-genius']}", "--out", str(out)]) == 0
    assert labels(out) == ["NRW.Genius", "Open Source"]
    assert [e["label"] for e in island(out)["edges"]] == ["uses"]
    assert main(["view", "--graph", str(graph_file), "--query", "no-such-query"]) == 1
    assert "no query named 'no-such-query'" in capsys.readouterr().err


def test_analyze(graph_file, capsys):
    assert main(["analyze", "--graph", str(graph_file), "--top", "2", "--measure", "betweenness",
                 "--connect", "Hürth", "landesbetrieb it.nrw"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "4 entities, 2 links (relations and shared sentences)"
    assert out[1] == "Top entities by betweenness centrality:"
    assert out[2] == "   1. 0.333  NRW.Genius [Initiative]"
    assert "Communities (1 with more than one member):" in out
    assert out[-3:] == [
        "Shortest connection from Hürth to IT.NRW (2 hops):",
        "  Souveräne KI in NRW \u2013mentions\u2192 Hürth",
        "  Souveräne KI in NRW \u2013mentions\u2192 IT.NRW",
    ]


def test_analyze_the_sample(sample_build, capsys):
    assert main(["analyze", "--graph", str(sample_build.out)]) == 0
    out = capsys.readouterr().out
    assert "Top entities by degree centrality:" in out
    assert "   1. " in out and "Bridges (entities linked to other communities" in out
