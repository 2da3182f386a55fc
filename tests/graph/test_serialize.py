import random
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from sovkg.graph.serialize import trig, turtle, write_atomic

EX = "https://example.org/"
PREFIXES = {"ex": EX, "skos": str(SKOS), "rdfs": str(RDFS), "xsd": str(XSD)}


def _triples():
    a, b = URIRef(EX + "a"), URIRef(EX + "b/with/slash")
    restriction = BNode()
    return [
        (a, RDF.type, URIRef(EX + "Initiative")),
        (a, SKOS.prefLabel, Literal("Förderprogramm „Digitale Zukunft KI“", lang="de")),
        (a, SKOS.altLabel, Literal('quote " backslash \\ newline \n tab \t', lang="de")),
        (a, URIRef(EX + "start"), Literal(42)),
        (a, URIRef(EX + "amount"), Literal("676200.00", datatype=XSD.decimal)),
        (a, URIRef(EX + "knows"), b),
        (b, RDFS.label, Literal("</script><script>alert(1)</script>")),
        (a, RDFS.subClassOf, restriction),
        (restriction, RDF.type, URIRef(EX + "Restriction")),
    ]


def test_turtle_round_trips() -> None:
    expected = Graph()
    for t in _triples():
        expected.add(t)
    parsed = Graph().parse(data=turtle(_triples(), PREFIXES), format="turtle")
    assert isomorphic(parsed, expected)


def test_output_does_not_depend_on_insertion_order() -> None:
    triples = _triples()
    shuffled = triples[:]
    random.Random(1).shuffle(shuffled)
    assert turtle(triples, PREFIXES) == turtle(shuffled, PREFIXES)


def test_trig_keeps_named_graphs_apart() -> None:
    g1, g2 = URIRef(EX + "graph/1"), URIRef(EX + "graph/2")
    triples = _triples()
    text = trig({g2: triples[:3], g1: triples[3:]}, PREFIXES)
    dataset = Dataset()
    dataset.parse(data=text, format="trig")
    assert len(dataset.graph(g2)) == 3
    assert len(dataset.graph(g1)) == len(triples) - 3
    assert text.index("graph/1") < text.index("graph/2")


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "graph.ttl"
    write_atomic(target, "old content\n")

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("sovkg.graph.serialize.os.replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new content that must not land half-way\n")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]  # no temp file left over
