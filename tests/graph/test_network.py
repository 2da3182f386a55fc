"""to_networkx and centrality on a small RDF graph built by hand."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from sovkg.graph.network import (
    MENTIONED_WITH,
    EntityLookupError,
    GraphFileError,
    centrality,
    find_node,
    load_graph,
    simple_graph,
    to_entity_graph,
    to_networkx,
)

# Written out here so that the test does not depend on the ontology module.
SOVKG = Namespace("https://w3id.org/sovkg/ontology#")
ID = Namespace("https://w3id.org/sovkg/id/")

SCRIPT = "</script><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
DOC_TITLE = "Düsseldorfer KI-Straße"


def build_triples() -> list[tuple]:
    """Five entities, two relations, one Kleine Anfrage with a question, evidence."""
    t = []

    def entity(name, cls, label, *aliases):
        t.append((ID[name], RDF.type, cls))
        t.append((ID[name], SKOS.prefLabel, Literal(label, lang="de")))
        t.extend((ID[name], SKOS.altLabel, Literal(a, lang="de")) for a in aliases)

    entity("duesseldorf", SOVKG.Place, "Düsseldorf", "Landeshauptstadt Düsseldorf")
    entity("strasse", SOVKG.Initiative, "Straße der KI", "KI-Straße", "Straße der KI")
    entity("evil-script", SOVKG.Organization, SCRIPT)
    entity("evil-img", SOVKG.Company, IMG, "A & B")
    entity("mueller", SOVKG.Person, "Franziska Müller")
    # relations between entities
    t.append((ID.strasse, SOVKG.locatedIn, ID.duesseldorf))
    t.append((ID["evil-script"], SOVKG.cooperatesWith, ID["evil-img"]))
    # document, with a question that mentions one more entity
    doc, q1 = ID["doc-1"], ID["doc-1-q1"]
    t += [
        (doc, RDF.type, SOVKG.KleineAnfrage),
        (doc, DCTERMS.title, Literal(DOC_TITLE, lang="de")),
        (doc, DCTERMS.source, Literal("sample.txt")),
        (doc, DCTERMS.date, Literal("2025-01-01", datatype=XSD.date)),
        (q1, RDF.type, SOVKG.Question),
        (q1, SOVKG.partOf, doc),
        (q1, SOVKG.mentions, ID.mueller),
    ]
    named = ("duesseldorf", "strasse", "evil-script", "evil-img")
    t += [(doc, SOVKG.mentions, ID[n]) for n in named]
    # evidence and sentence: never nodes
    ev, sent = ID["ev-1"], ID["doc-1-s1"]
    t += [
        (ev, RDF.type, SOVKG.Evidence),
        (ev, SOVKG.evidenceSubject, ID.strasse),
        (ev, SOVKG.evidencePredicate, SOVKG.locatedIn),
        (ev, SOVKG.evidenceObject, ID.duesseldorf),
        (ev, SOVKG.inSentence, sent),
        (sent, RDF.type, SOVKG.Sentence),
        (sent, SOVKG.text, Literal("Die Straße der KI liegt in Düsseldorf.")),
    ]
    return t


def build_graph() -> Graph:
    g = Graph()
    for triple in build_triples():
        g.add(triple)
    return g


def snapshot(G: nx.MultiDiGraph) -> tuple[list, list]:
    return list(G.nodes(data=True)), list(G.edges(keys=True, data=True))


def test_nodes_and_edges_counted():
    G = to_networkx(build_graph())
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_nodes() == 6  # five entities and the document
    assert G.number_of_edges() == 7  # two relations, five mentions
    assert all(isinstance(n, str) and n.startswith("https://") for n in G)
    assert str(ID["doc-1-q1"]) not in G and str(ID["ev-1"]) not in G
    assert str(ID["doc-1-s1"]) not in G


def test_entity_attributes():
    G = to_networkx(build_graph())
    dus = G.nodes[str(ID.duesseldorf)]
    assert dus == {
        "kind": "entity",
        "label": "Düsseldorf",
        "type": "Place",
        "aliases": ["Landeshauptstadt Düsseldorf"],
        "documents": [DOC_TITLE],
    }
    road = G.nodes[str(ID.strasse)]
    assert road["label"] == "Straße der KI"
    assert road["aliases"] == ["KI-Straße"]  # the label itself is not an alias
    assert G.nodes[str(ID["evil-img"])]["aliases"] == ["A & B"]
    assert G.nodes[str(ID["evil-script"])]["label"] == SCRIPT
    # mentioned only by a question that is part of the document
    assert G.nodes[str(ID.mueller)]["documents"] == [DOC_TITLE]


def test_document_node_and_edges():
    G = to_networkx(build_graph())
    doc = G.nodes[str(ID["doc-1"])]
    assert doc["kind"] == "document"
    assert doc["type"] == "KleineAnfrage"
    assert doc["label"] == DOC_TITLE
    relations = sorted(
        (u, v, d["predicate"]) for u, v, d in G.edges(data=True) if d["predicate"] != "mentions"
    )
    assert relations == [
        (str(ID["evil-script"]), str(ID["evil-img"]), "cooperatesWith"),
        (str(ID.strasse), str(ID.duesseldorf), "locatedIn"),
    ]
    mentioned = sorted(v for u, v, k in G.edges(keys=True) if k == "mentions")
    assert all(u == str(ID["doc-1"]) for u, _, k in G.edges(keys=True) if k == "mentions")
    assert len(mentioned) == 5


def test_without_documents():
    G = to_networkx(build_graph(), include_documents=False)
    assert G.number_of_nodes() == 5
    assert G.number_of_edges() == 2
    assert G.nodes[str(ID.duesseldorf)]["documents"] == [DOC_TITLE]


def test_document_label_falls_back_to_source():
    g = build_graph()
    g.remove((ID["doc-1"], DCTERMS.title, None))
    G = to_networkx(g)
    assert G.nodes[str(ID["doc-1"])]["label"] == "sample.txt"
    assert G.nodes[str(ID.duesseldorf)]["documents"] == ["sample.txt"]


def test_deterministic_whatever_the_insertion_order():
    forward, backward = Graph(), Graph()
    triples = build_triples()
    for triple in triples:
        forward.add(triple)
    for triple in reversed(triples):
        backward.add(triple)
    assert snapshot(to_networkx(forward)) == snapshot(to_networkx(backward))
    nodes, _ = snapshot(to_networkx(forward))
    assert [n for n, _ in nodes[:5]] == sorted(n for n, _ in nodes[:5])


def test_dataset_is_read_as_union():
    ds = Dataset()
    triples = build_triples()
    half = len(triples) // 2
    for triple in triples[:half]:
        ds.graph(URIRef("urn:x:g1")).add(triple)
    for triple in triples[half:]:
        ds.graph(URIRef("urn:x:g2")).add(triple)
    assert snapshot(to_networkx(ds)) == snapshot(to_networkx(build_graph()))


def test_type_through_subclass_and_untyped_ends_ignored():
    g = build_graph()
    ministry = URIRef("https://example.org/onto#Ministry")
    g.add((ministry, RDFS.subClassOf, SOVKG.GovernmentBody))
    g.add((ID.mwike, RDF.type, ministry))
    g.add((ID.mwike, RDFS.label, Literal("MWIKE")))
    g.add((ID.strasse, SOVKG.operatedBy, ID.mwike))
    g.add((ID.strasse, SOVKG.fundedBy, ID["not-an-entity"]))
    g.add((ID.strasse, SOVKG.uses, Literal("Open Source")))
    G = to_networkx(g)
    assert G.nodes[str(ID.mwike)]["type"] == "GovernmentBody"
    assert G.nodes[str(ID.mwike)]["label"] == "MWIKE"
    assert G.has_edge(str(ID.strasse), str(ID.mwike), key="operatedBy")
    assert str(ID["not-an-entity"]) not in G
    assert "Open Source" not in G


def test_most_specific_document_type():
    g = build_graph()
    parliamentary = SOVKG.ParliamentaryDocument
    g.add((parliamentary, RDFS.subClassOf, SOVKG.Document))
    g.add((SOVKG.KleineAnfrage, RDFS.subClassOf, parliamentary))
    g.add((ID["doc-1"], RDF.type, parliamentary))
    g.add((ID["doc-1"], RDF.type, SOVKG.Document))
    g.add((ID["doc-2"], RDF.type, parliamentary))
    G = to_networkx(g)
    assert G.nodes[str(ID["doc-1"])]["type"] == "KleineAnfrage"
    assert G.nodes[str(ID["doc-2"])]["type"] == "ParliamentaryDocument"
    assert G.nodes[str(ID["doc-2"])]["label"] == "doc-2"  # no title, no source


def test_mentioned_only_drops_unnamed_knowledge_base_entries():
    g = build_graph()
    g.add((ID.bitkom, RDF.type, SOVKG.Organization))
    g.add((ID.bitkom, SKOS.prefLabel, Literal("Bitkom", lang="de")))
    g.add((ID.bitkom, SOVKG.cooperatesWith, ID.duesseldorf))
    assert str(ID.bitkom) in to_networkx(g)
    G = to_networkx(g, mentioned_only=True)
    assert str(ID.bitkom) not in G
    assert G.number_of_nodes() == 6 and G.number_of_edges() == 7


def test_centrality_on_simple_undirected_view():
    G = nx.MultiDiGraph()
    G.add_edges_from([("a", "b"), ("b", "a"), ("a", "b"), ("b", "c"), ("c", "c")])
    G.add_node("d")
    assert centrality(G) == pytest.approx({"a": 1 / 3, "b": 2 / 3, "c": 1 / 3, "d": 0.0})
    assert list(centrality(G)) == ["a", "b", "c", "d"]
    assert centrality(nx.MultiDiGraph()) == {}


def test_centrality_of_the_fixture():
    scores = centrality(to_networkx(build_graph()))
    assert max(scores, key=lambda n: (scores[n], n)) == str(ID["doc-1"])
    assert scores[str(ID["doc-1"])] == pytest.approx(1.0)
    assert scores[str(ID.mueller)] == pytest.approx(1 / 5)


def add_mentions(g: Graph) -> None:
    """Provenance: sentence 1 names the road, Düsseldorf and Müller; sentence 2 the road
    and Düsseldorf again; sentence 3 the two hostile names."""
    named = {
        "s1": ("strasse", "duesseldorf", "mueller"),
        "s2": ("strasse", "duesseldorf"),
        "s3": ("evil-script", "evil-img"),
    }
    for sentence, entities in named.items():
        for i, name in enumerate(entities):
            mention = ID[f"m-{sentence}-{i}"]
            g.add((mention, RDF.type, SOVKG.Mention))
            g.add((mention, SOVKG.refersTo, ID[name]))
            g.add((mention, SOVKG.inSentence, ID[sentence]))


def test_relation_edges_carry_their_evidence():
    g = build_graph()
    G = to_networkx(g)
    assert G.edges[str(ID.strasse), str(ID.duesseldorf), "locatedIn"]["evidence"] == [
        "Die Straße der KI liegt in Düsseldorf."
    ]
    assert G.edges[str(ID["evil-script"]), str(ID["evil-img"]), "cooperatesWith"]["evidence"] == []
    assert "evidence" not in G.edges[str(ID["doc-1"]), str(ID.strasse), "mentions"]
    # cooperatesWith is symmetric: evidence stated the other way round counts
    ev, sentence = ID["ev-2"], ID["doc-1-s2"]
    g.add((ev, RDF.type, SOVKG.Evidence))
    g.add((ev, SOVKG.evidenceSubject, ID["evil-img"]))
    g.add((ev, SOVKG.evidencePredicate, SOVKG.cooperatesWith))
    g.add((ev, SOVKG.evidenceObject, ID["evil-script"]))
    g.add((ev, SOVKG.inSentence, sentence))
    g.add((sentence, SOVKG.text, Literal(f"  Sie   kooperieren {SCRIPT}. ")))
    G = to_networkx(g)
    assert G.edges[str(ID["evil-script"]), str(ID["evil-img"]), "cooperatesWith"]["evidence"] == [
        f"Sie kooperieren {SCRIPT}."
    ]


def test_documents_with_the_same_title_are_told_apart():
    g = build_graph()
    answer = ID["doc-1-antwort"]
    g.add((answer, RDF.type, SOVKG.Antwort))
    g.add((answer, DCTERMS.title, Literal(DOC_TITLE, lang="de")))
    g.add((answer, SOVKG.mentions, ID.duesseldorf))
    G = to_networkx(g)
    assert G.nodes[str(ID["doc-1"])]["label"] == f"KleineAnfrage: {DOC_TITLE}"
    assert G.nodes[str(answer)]["label"] == f"Antwort: {DOC_TITLE}"
    assert G.nodes[str(ID.duesseldorf)]["documents"] == [f"Antwort: {DOC_TITLE}", f"KleineAnfrage: {DOC_TITLE}"]


def test_sentence_links():
    g = build_graph()
    add_mentions(g)
    assert MENTIONED_WITH not in {k for _, _, k in to_networkx(g).edges(keys=True)}
    G = to_networkx(g, sentence_links=True)
    links = sorted(
        (u.rsplit("/", 1)[1], v.rsplit("/", 1)[1], d["sentences"])
        for u, v, k, d in G.edges(keys=True, data=True) if k == MENTIONED_WITH
    )
    assert links == [
        ("duesseldorf", "mueller", 1),
        ("duesseldorf", "strasse", 2),
        ("evil-img", "evil-script", 1),
        ("mueller", "strasse", 1),
    ]


def test_entity_graph_links_relations_and_sentences():
    g = build_graph()
    add_mentions(g)
    H = to_entity_graph(g)
    assert isinstance(H, nx.Graph) and not H.is_directed()
    assert H.number_of_nodes() == 5  # entities only
    assert H.nodes[str(ID.duesseldorf)]["label"] == "Düsseldorf"
    road = H.edges[str(ID.strasse), str(ID.duesseldorf)]
    assert road == {
        "relations": [(str(ID.strasse), "locatedIn", str(ID.duesseldorf))],
        "sentences": 2,
        "weight": 3,
    }
    assert H.edges[str(ID.mueller), str(ID.strasse)]["relations"] == []
    assert H.edges[str(ID["evil-img"]), str(ID["evil-script"])]["weight"] == 2
    assert H.number_of_edges() == 4
    # without provenance, only relations link entities
    assert to_entity_graph(build_graph()).number_of_edges() == 2


def test_simple_graph_sums_weights():
    G = nx.MultiGraph()
    G.add_edge("a", "b", weight=2)
    G.add_edge("b", "a", weight=3)
    G.add_edge("a", "a", weight=7)
    G.add_node("c", label="C")
    H = simple_graph(G)
    assert list(H.nodes(data=True)) == [("a", {}), ("b", {}), ("c", {"label": "C"})]
    assert H.edges["a", "b"] == {"weight": 5}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (str(ID.strasse), "strasse"),
        ("strasse", "strasse"),
        ("STRASSE", "strasse"),
        ("straße  der ki", "strasse"),
        ("ki-straße", "strasse"),
        ("Landeshauptstadt Düsseldorf", "duesseldorf"),
        ("doc-1", "doc-1"),
        (DOC_TITLE.upper(), "doc-1"),
    ],
)
def test_find_node(name, expected):
    assert find_node(to_networkx(build_graph()), name) == str(ID[expected])


def test_find_node_errors_say_how_to_find_the_name():
    G = to_networkx(build_graph())
    with pytest.raises(EntityLookupError, match=r"did you mean Düsseldorf, Düsseldorfer KI-Straße\?"):
        find_node(G, "düsseld")  # part of two labels, the whole of none
    G.add_node("urn:x:other", label="Düsseldorf")
    with pytest.raises(EntityLookupError, match=r"'Düsseldorf' names 2 nodes \(Düsseldorf <https://"):
        find_node(G, "Düsseldorf")
    with pytest.raises(EntityLookupError, match=r"no entity or document named 'Köln'; `sovkg analyze`"):
        find_node(G, "Köln")


def test_load_graph(tmp_path):
    ds = Dataset()
    for triple in build_triples():
        ds.graph(URIRef("urn:x:g1")).add(triple)
    ds.serialize(tmp_path / "graph.trig", format="trig")
    for path in (tmp_path, tmp_path / "graph.trig"):
        assert snapshot(to_networkx(load_graph(path))) == snapshot(to_networkx(build_graph()))
    build_graph().serialize(tmp_path / "g.ttl", format="turtle")
    assert len(load_graph(tmp_path / "g.ttl")) == len(build_graph())


def test_load_graph_errors(tmp_path):
    with pytest.raises(GraphFileError, match=r"graph.trig: no such graph file; run `sovkg build` first"):
        load_graph(tmp_path)
    bad = tmp_path / "bad.trig"
    bad.write_text("<urn:x:a> <urn:x:b> .", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"bad.trig: cannot be read as trig: ") as err:
        load_graph(bad)
    assert "\n" not in str(err.value)
