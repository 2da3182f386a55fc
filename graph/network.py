"""The knowledge graph as a networkx graph, for analytics and views.

The RDF graph is reduced to the things a reader looks at: entities, documents, the
relations between entities and the ``mentions`` links from documents to entities.
Literals never become nodes; they become node attributes (labels, aliases, the titles
of the documents that mention an entity) and edge attributes (the evidence sentences
of a relation). Everything is inserted in sorted order, so two conversions of the
same RDF graph give identical networkx graphs.

:func:`to_networkx` keeps documents as nodes, which is what a reader wants to see;
:func:`to_entity_graph` links entities directly, by their relations and by being
named in the same sentence, which is what network measures need (through a document
node every entity mentioned there would be two steps from every other one).
:func:`find_node` turns what a person types (an IRI, a key or a label) into a node.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import DCTERMS
from rdflib.term import Node
from sovkg.errors import SovkgError
from sovkg.ontology import SOVKG
from sovkg.ontology.namespace import ENTITY_CLASSES as _CONTRACT_CLASSES

__all__ = [
    "DOCUMENT_CLASSES",
    "ENTITY_CLASSES",
    "RELATION_PREDICATES",
    "MENTIONED_WITH",
    "EntityLookupError",
    "GraphFileError",
    "centrality",
    "find_node",
    "load_graph",
    "simple_graph",
    "to_entity_graph",
    "to_networkx",
]


#: The predicate name given to a link of :func:`to_entity_graph` that rests only on
#: sentences naming both ends (it is no RDF predicate).
MENTIONED_WITH = "mentionedWith"


class GraphFileError(SovkgError):
    """A graph file that is missing or cannot be parsed."""


class EntityLookupError(SovkgError):
    """A name that matches no node, or more than one."""

#: The entity classes of the extraction contract, in the order used to break ties
#: when an entity carries more than one of them.
ENTITY_CLASSES: tuple[URIRef, ...] = _CONTRACT_CLASSES

#: Document classes that are recognised even without ``rdfs:subClassOf`` triples.
DOCUMENT_CLASSES: tuple[URIRef, ...] = (
    SOVKG.Document,
    SOVKG.KleineAnfrage,
    SOVKG.Antwort,
)

#: Predicates that become edges when both ends are entities.
RELATION_PREDICATES: tuple[URIRef, ...] = (
    SOVKG.memberOf,
    SOVKG.locatedIn,
    SOVKG.partOf,
    SOVKG.fundedBy,
    SOVKG.operatedBy,
    SOVKG.developedBy,
    SOVKG.uses,
    SOVKG.cooperatesWith,
    SOVKG.supports,
    SOVKG.relatedTo,
)


def to_networkx(
    graph: Graph,
    *,
    include_documents: bool = True,
    mentioned_only: bool = False,
    sentence_links: bool = False,
) -> nx.MultiDiGraph:
    """Turn a sovkg RDF graph into a directed multigraph of entities and documents.

    Parameters
    ----------
    graph : rdflib.Graph
        The knowledge graph. A ``Dataset`` or ``ConjunctiveGraph`` is read as the
        union of all its named graphs.
    include_documents : bool, optional (default=True)
        Add a node for each document and a ``mentions`` edge from it to each entity
        it mentions (directly, or through one of its parts such as a question or an
        answer that is ``sovkg:partOf`` it).
    mentioned_only : bool, optional (default=False)
        Keep only the entities that some document mentions, leaving out knowledge
        base entries that no document names (and their relations).
    sentence_links : bool, optional (default=False)
        Also link two entities that one sentence names (from the ``sovkg:Mention``
        nodes of the provenance), with an edge keyed and labelled
        :data:`MENTIONED_WITH` from the smaller to the larger id, carrying
        ``sentences``, the number of such sentences.

    Returns
    -------
    networkx.MultiDiGraph
        Node ids are IRIs as strings. Entity nodes carry ``kind="entity"``,
        ``label``, ``type`` (the local name of the entity class), ``aliases`` (sorted
        ``skos:altLabel`` values) and ``documents`` (sorted titles, or sources, of the
        documents that mention the entity). Document nodes carry
        ``kind="document"``, ``label`` (title, else source), ``type`` (``"Document"``
        or the local name of its subclass), ``aliases=[]`` and ``documents=[]``.
        Edges are keyed by the local name of their predicate and carry it as
        ``predicate``; relation edges also carry ``iri`` and ``evidence``, the sorted
        texts of the sentences that state the relation (from ``sovkg:Evidence``
        nodes; empty when none is recorded).
        Two documents with the same title (a Kleine Anfrage and its Antwort) are
        told apart by their type before the title ("Antwort: …"), in labels and in
        ``documents``; in front, because views shorten long labels at the end.

    Notes
    -----
    An entity is a node typed with one of :data:`ENTITY_CLASSES` (or
    ``sovkg:Entity``), directly or through ``rdfs:subClassOf`` triples present in
    the graph. Relation triples whose ends are not both entities (a question
    ``partOf`` its Kleine Anfrage, say) are left out.

    Examples
    --------
    >>> from rdflib import Graph, Literal, URIRef
    >>> from rdflib.namespace import RDF, SKOS
    >>> from sovkg.ontology import SOVKG
    >>> g = Graph()
    >>> a, b = URIRef("urn:example:nrw-genius"), URIRef("urn:example:open-source")
    >>> _ = g.add((a, RDF.type, SOVKG.Initiative))
    >>> _ = g.add((b, RDF.type, SOVKG.Technology))
    >>> _ = g.add((a, SKOS.prefLabel, Literal("NRW.Genius", lang="de")))
    >>> _ = g.add((a, SOVKG.uses, b))
    >>> G = to_networkx(g)
    >>> G.nodes[str(a)]["label"], G.nodes[str(a)]["type"]
    ('NRW.Genius', 'Initiative')
    >>> [d["predicate"] for _, _, d in G.edges(data=True)]
    ['uses']
    """
    g = _union(graph, sentence_links=sentence_links)
    entity_classes = _entity_classes(g)
    document_classes = _subclasses(g, DOCUMENT_CLASSES)

    entities: dict[URIRef, str] = {}
    for cls in sorted(entity_classes, key=_class_rank(entity_classes)):
        for node in sorted(_subjects(g, RDF.type, cls)):
            entities.setdefault(node, entity_classes[cls])

    documents: dict[URIRef, str] = {}
    for node in sorted({n for cls in document_classes for n in _subjects(g, RDF.type, cls)}):
        if node not in entities:
            documents[node] = _document_type(g, node, document_classes)
    doc_labels = _distinct_labels({doc: _document_label(g, doc) for doc in documents}, documents)

    mentioned: dict[URIRef, set[URIRef]] = defaultdict(set)  # entity -> documents
    for doc in documents:
        parts = {doc} | {p for p in g.subjects(SOVKG.partOf, doc) if p not in entities}
        for part in parts:
            for ent in g.objects(part, SOVKG.mentions):
                if ent in entities:
                    mentioned[ent].add(doc)
    if mentioned_only:
        entities = {ent: kind for ent, kind in entities.items() if ent in mentioned}

    G = nx.MultiDiGraph()
    for ent in sorted(entities):
        label, aliases = _entity_labels(g, ent)
        G.add_node(
            str(ent),
            kind="entity",
            label=label,
            type=entities[ent],
            aliases=aliases,
            documents=sorted({doc_labels[d] for d in mentioned.get(ent, ())}),
        )
    if include_documents:
        for doc in sorted(documents):
            G.add_node(
                str(doc),
                kind="document",
                label=doc_labels[doc],
                type=documents[doc],
                aliases=[],
                documents=[],
            )

    evidence = _evidence(g)
    edges: dict[tuple[str, str, str, str], list[str]] = {}
    for pred in RELATION_PREDICATES:
        for s, o in g.subject_objects(pred):
            if s in entities and o in entities:
                texts = evidence.get((s, pred, o), set())
                if pred == SOVKG.cooperatesWith:  # symmetric: stated either way round
                    texts = texts | evidence.get((o, pred, s), set())
                edges[(str(s), str(o), _local_name(pred), str(pred))] = sorted(texts)
    for (s, o, name, iri), texts in sorted(edges.items()):
        G.add_edge(s, o, key=name, predicate=name, iri=iri, evidence=texts)
    if include_documents:
        for ent, docs in sorted(mentioned.items()):
            for doc in sorted(docs):
                G.add_edge(str(doc), str(ent), key="mentions", predicate="mentions")
    if sentence_links:
        for (u, v), count in sorted(_named_together(g, entities).items()):
            G.add_edge(u, v, key=MENTIONED_WITH, predicate=MENTIONED_WITH, sentences=count)
    return G


def flat_attributes(G: nx.Graph) -> nx.Graph:
    """``G`` with list attributes joined by " | " and None as "", in place: GraphML and
    GEXF hold only strings, numbers and booleans.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", aliases=["A", "Alpha"], note=None)
    >>> flat_attributes(G).nodes["a"]
    {'aliases': 'A | Alpha', 'note': ''}
    """
    def flat(value: Any) -> Any:
        if isinstance(value, (list, tuple, set)):
            return " | ".join(str(v) for v in value)
        return "" if value is None else value

    for _, data in G.nodes(data=True):
        data.update({key: flat(value) for key, value in data.items()})
    for *_, data in G.edges(data=True):
        data.update({key: flat(value) for key, value in data.items()})
    return G


def centrality(G: nx.Graph) -> dict[str, float]:
    """Degree centrality of each node on the undirected simple view of ``G``.

    Parallel edges count once, edge direction is ignored and self-loops are dropped,
    so an entity linked to a document by a relation and a mention is one neighbour.

    Parameters
    ----------
    G : networkx.Graph
        Any networkx graph, typically the result of :func:`to_networkx`.

    Returns
    -------
    dict[str, float]
        Node to the fraction of the other nodes it is adjacent to, in sorted node
        order. An empty graph gives ``{}``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    >>> centrality(G)
    {'a': 0.5, 'b': 1.0, 'c': 0.5}
    """
    H = simple_graph(G)
    return dict(sorted(nx.degree_centrality(H).items(), key=lambda kv: str(kv[0])))


def simple_graph(G: nx.Graph) -> nx.Graph:
    """The undirected simple graph under ``G``, with its node attributes.

    Network measures count neighbours, not statements: two relations and a mention
    between the same pair of nodes are one link, and a self-loop is none. Edge
    attributes are dropped except ``weight``, whose values are summed over the
    parallel edges (a missing weight counts as 1 only if some edge has a weight).

    Parameters
    ----------
    G : networkx.Graph
        Any networkx graph, directed or not, multi or not.

    Returns
    -------
    networkx.Graph
        Nodes in sorted order with their attributes; one edge per linked pair.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("b", "a"), ("a", "b"), ("a", "a")])
    >>> H = simple_graph(G)
    >>> sorted(H.nodes), sorted(H.edges)
    (['a', 'b'], [('a', 'b')])
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda item: str(item[0])))
    weighted = any("weight" in d for _, _, d in G.edges(data=True))
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        if weighted:
            previous = H.edges[u, v]["weight"] if H.has_edge(u, v) else 0
            H.add_edge(u, v, weight=previous + data.get("weight", 1))
        else:
            H.add_edge(u, v)
    return H


def to_entity_graph(graph: Graph, *, mentioned_only: bool = True) -> nx.Graph:
    """Entities linked by their relations and by being named in the same sentence.

    Network measures (centrality, communities, bridges) need entities to be linked
    to each other. In :func:`to_networkx` they are linked through document nodes,
    which makes every entity of a document two steps from every other one; here two
    entities are linked when a relation joins them or a sentence names both, and
    the link is as strong as the number of such statements and sentences.

    Parameters
    ----------
    graph : rdflib.Graph
        The knowledge graph, including its provenance (``sovkg:Mention`` nodes with
        ``sovkg:refersTo`` and ``sovkg:inSentence``). A ``Dataset`` is read as the
        union of its named graphs.
    mentioned_only : bool, optional (default=True)
        Keep only entities that some document mentions (as :func:`to_networkx`).

    Returns
    -------
    networkx.Graph
        Undirected; nodes and node attributes as the entity nodes of
        :func:`to_networkx`. Each edge carries ``relations`` (the sorted
        ``(subject, predicate, object)`` statements between its ends, predicates as
        local names, so that direction is not lost), ``sentences`` (how many
        sentences name both ends) and ``weight`` (their sum).

    Examples
    --------
    >>> from rdflib import Graph, URIRef
    >>> from rdflib.namespace import RDF
    >>> from sovkg.ontology import SOVKG
    >>> g = Graph()
    >>> a, b, c = (URIRef(f"urn:x:{n}") for n in "abc")
    >>> for node in (a, b, c):
    ...     _ = g.add((node, RDF.type, SOVKG.Initiative))
    >>> _ = g.add((a, SOVKG.partOf, b))
    >>> for i, ent in enumerate((a, b, c)):  # one sentence names all three
    ...     m = URIRef(f"urn:x:m{i}")
    ...     _ = g.add((m, SOVKG.refersTo, ent))
    ...     _ = g.add((m, SOVKG.inSentence, URIRef("urn:x:s1")))
    >>> H = to_entity_graph(g, mentioned_only=False)
    >>> H.edges["urn:x:a", "urn:x:b"]
    {'relations': [('urn:x:a', 'partOf', 'urn:x:b')], 'sentences': 1, 'weight': 2}
    >>> H.edges["urn:x:b", "urn:x:c"]["weight"]
    1
    """
    G = to_networkx(graph, include_documents=False, mentioned_only=mentioned_only, sentence_links=True)
    relations: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    sentences: Counter[tuple[str, str]] = Counter()
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        pair = (min(u, v), max(u, v))
        if data["predicate"] == MENTIONED_WITH:
            sentences[pair] += data["sentences"]
        else:
            relations[pair].add((u, data["predicate"], v))
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v in sorted(set(relations) | set(sentences)):
        stated = sorted(relations.get((u, v), ()))
        H.add_edge(u, v, relations=stated, sentences=sentences[(u, v)],
                   weight=len(stated) + sentences[(u, v)])
    return H


def load_graph(path: str | os.PathLike[str], *, stored: bool = True) -> Graph:
    """Open a graph written by ``sovkg build``, or read any RDF file into a Dataset.

    Parameters
    ----------
    path : str or os.PathLike
        An output folder of ``sovkg build`` (or its ``graph.trig``): its on-disk store
        is opened, nothing is parsed; or a ``.trig``, ``.ttl``, ``.nt``, ``.nq``,
        ``.jsonld`` or ``.rdf`` file, read into memory.
    stored : bool, optional (default=True)
        Open a build's store; ``False`` reads its ``graph.trig`` into a Dataset instead
        (the named graphs as rdflib data, at the cost of parsing).

    Returns
    -------
    rdflib.Graph
        For a build, a read-only graph over the store's default graph, which is the
        union of the named graphs (rdflib calls and SPARQL go to Oxigraph); for a file,
        a ``Dataset`` with ``default_union=True``, so that queries see every named graph.

    Raises
    ------
    GraphFileError
        If the file is missing or cannot be parsed; the message names the file.
    """
    from rdflib.util import guess_format

    target = Path(path)
    if target.is_dir():
        target = target / "graph.trig"
    if not target.is_file():
        raise GraphFileError(
            f"{target}: no such graph file; run `sovkg build` first or pass --graph PATH"
        )
    if stored and target.name == "graph.trig" and (target.parent / "store").is_dir():
        opened = _stored_graph(target.parent / "store")
        if opened is not None:
            return opened
    fmt = guess_format(str(target)) or "trig"
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(target, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise GraphFileError(f"{target}: cannot be read as {fmt}: {first}") from None
    return dataset


def _stored_graph(folder: Path) -> Graph | None:
    """The union graph of a build's Oxigraph store as an rdflib graph, or None if the
    store cannot be opened (the graph file is read instead)."""
    import pyoxigraph as ox
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    try:
        store = ox.Store.read_only(str(folder))
    except OSError:
        return None
    return Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)


def find_node(G: nx.Graph, name: str) -> str:
    """The node that ``name`` refers to: an IRI, a key, a label or an alias.

    People name entities as they read them ("Lamarr-Institut", "nrw-genius", or a
    full IRI copied from a query result), so all three are tried, in that order;
    labels and aliases are compared case-insensitively with runs of white space
    collapsed.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`to_networkx` or :func:`to_entity_graph`.
    name : str
        What the user typed.

    Returns
    -------
    str
        The node id.

    Raises
    ------
    EntityLookupError
        If nothing matches, or labels of several nodes match; the message lists
        candidates and says how to find the right name.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("https://w3id.org/sovkg/id/entity/nrw-genius",
    ...            label="NRW.Genius", aliases=["Projekt NRW.Genius"])
    >>> find_node(G, "projekt nrw.genius")
    'https://w3id.org/sovkg/id/entity/nrw-genius'
    >>> find_node(G, "nrw-genius") == find_node(G, "NRW.Genius")
    True
    """
    if name in G:
        return name
    wanted = _fold(name)
    by_key = sorted(n for n in G if wanted in {_fold(k) for k in _keys(str(n))})
    if len(by_key) == 1:
        return by_key[0]
    by_label = sorted(
        n for n, data in G.nodes(data=True)
        if wanted in {_fold(str(x)) for x in [data.get("label") or "", *(data.get("aliases") or [])]}
    )
    if len(by_label) == 1:
        return by_label[0]
    matches = by_label or by_key
    if matches:
        listed = "; ".join(f"{G.nodes[n].get('label') or n} <{n}>" for n in matches[:5])
        raise EntityLookupError(f"{name!r} names {len(matches)} nodes ({listed}); pass the IRI instead")
    near = sorted({
        str(data.get("label") or n) for n, data in G.nodes(data=True)
        if wanted and any(wanted in _fold(str(x)) for x in [data.get("label") or "", *(data.get("aliases") or [])])
    })
    hint = f"did you mean {', '.join(near[:5])}?" if near else (
        "`sovkg analyze` lists the central entities, and the search box of graph.html finds labels"
    )
    raise EntityLookupError(f"no entity or document named {name!r}; {hint}")


# --------------------------------------------------------------------------- helpers


def _union(graph: Graph, *, sentence_links: bool = True) -> Graph:
    """A plain graph holding every triple of ``graph`` (all named graphs of a dataset);
    of a build's store only the triples :func:`to_networkx` reads."""
    from sovkg.graph.sparql import is_oxigraph

    store = getattr(graph.store, "_inner", None)
    if store is not None and is_oxigraph(store):
        return _drawn_triples(store, sentence_links=sentence_links)
    if isinstance(graph, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        union = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return graph


#: What :func:`to_networkx` reads of a graph: types, labels, what mentions what, the
#: relations and their evidence (``sentence_links`` adds the mentions' sentences).
_DRAWN = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, DCTERMS.title,
          DCTERMS.source, SOVKG.mentions, SOVKG.evidenceSubject, SOVKG.evidencePredicate,
          SOVKG.evidenceObject)


def _drawn_triples(store, *, sentence_links: bool) -> Graph:
    """The triples of a build's store that the view is drawn from, in memory.

    Asked one pattern at a time of the store's default graph (the union), they are a
    fraction of a build (mentions and sentences are most of it) and come out of Oxigraph
    far faster than rdflib can ask for them one node at a time.
    """
    import pyoxigraph as ox

    from sovkg.graph.sparql import from_oxigraph

    wanted = {*_DRAWN, *RELATION_PREDICATES} | ({SOVKG.refersTo, SOVKG.inSentence} if sentence_links else set())
    g = Graph()
    default = ox.DefaultGraph()
    for quad in store.quads_for_pattern(None, ox.NamedNode(RDFS.subClassOf), None, default):
        g.add((from_oxigraph(quad.subject), RDFS.subClassOf, from_oxigraph(quad.object)))
    drawn_classes = {*_entity_classes(g), *_subclasses(g, DOCUMENT_CLASSES), SOVKG.Evidence}
    for cls in sorted(drawn_classes):  # not the types of mentions and sentences
        for quad in store.quads_for_pattern(None, ox.NamedNode(RDF.type), ox.NamedNode(cls), default):
            g.add((from_oxigraph(quad.subject), RDF.type, cls))
    for predicate in sorted(wanted):
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, default):
            g.add((from_oxigraph(quad.subject), predicate, from_oxigraph(quad.object)))
    for evidence in list(g.subjects(RDF.type, SOVKG.Evidence)):  # the sentences that state relations
        for quad in store.quads_for_pattern(ox.NamedNode(evidence), ox.NamedNode(SOVKG.inSentence), None, default):
            sentence = from_oxigraph(quad.object)
            g.add((evidence, SOVKG.inSentence, sentence))
            for text in store.quads_for_pattern(quad.object, ox.NamedNode(SOVKG.text), None, default):
                g.add((sentence, SOVKG.text, from_oxigraph(text.object)))
    return g


def _subjects(g: Graph, predicate: URIRef, obj: Node) -> Iterator[URIRef]:
    for s in g.subjects(predicate, obj):
        if isinstance(s, URIRef):
            yield s


def _subclasses(g: Graph, roots: Iterable[URIRef]) -> set[URIRef]:
    """The roots and every class below them through ``rdfs:subClassOf`` in ``g``."""
    found = set(roots)
    todo = list(found)
    while todo:
        cls = todo.pop()
        for sub in g.subjects(RDFS.subClassOf, cls):
            if isinstance(sub, URIRef) and sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def _entity_classes(g: Graph) -> dict[URIRef, str]:
    """Each class whose instances are entities, mapped to the type name to report."""
    names: dict[URIRef, str] = {}
    for root in ENTITY_CLASSES:
        for cls in _subclasses(g, [root]):
            names.setdefault(cls, _local_name(root))
    for cls in _subclasses(g, [SOVKG.Entity]):
        names.setdefault(cls, "Entity")
    # Document classes are never entity classes, even if an ontology says so.
    for cls in _subclasses(g, DOCUMENT_CLASSES):
        names.pop(cls, None)
    return names


def _class_rank(entity_classes: dict[URIRef, str]):
    """Sort key: direct contract classes first in contract order, then the others."""
    order = {cls: i for i, cls in enumerate(ENTITY_CLASSES)}
    order[SOVKG.Entity] = len(ENTITY_CLASSES) * 2 + 1

    def key(cls: URIRef) -> tuple[int, str]:
        if cls in order:
            return (order[cls], str(cls))
        root = getattr(SOVKG, entity_classes[cls])
        return (order[root] + len(ENTITY_CLASSES), str(cls))

    return key


def _named_together(g: Graph, entities: Iterable[URIRef]) -> Counter[tuple[str, str]]:
    """Pairs of entities (as sorted id pairs) with the number of sentences naming both."""
    wanted = set(entities)
    by_sentence: dict[Node, set[str]] = defaultdict(set)
    for mention, entity in g.subject_objects(SOVKG.refersTo):
        if entity in wanted:
            for sentence in g.objects(mention, SOVKG.inSentence):
                by_sentence[sentence].add(str(entity))
    together: Counter[tuple[str, str]] = Counter()
    for named in by_sentence.values():
        together.update(combinations(sorted(named), 2))
    return together


def _evidence(g: Graph) -> dict[tuple[Node, Node, Node], set[str]]:
    """Sentence texts per stated triple, from ``sovkg:Evidence`` nodes."""
    found: dict[tuple[Node, Node, Node], set[str]] = defaultdict(set)
    for ev in set(g.subjects(RDF.type, SOVKG.Evidence)):
        s = g.value(ev, SOVKG.evidenceSubject)
        p = g.value(ev, SOVKG.evidencePredicate)
        o = g.value(ev, SOVKG.evidenceObject)
        if s is None or p is None or o is None:
            continue
        for sentence in g.objects(ev, SOVKG.inSentence):
            for text in g.objects(sentence, SOVKG.text):
                found[(s, p, o)].add(" ".join(str(text).split()))
    return found


def _distinct_labels(labels: dict[URIRef, str], types: dict[URIRef, str]) -> dict[URIRef, str]:
    """Put the type before labels that more than one document shares."""
    counts = Counter(labels.values())
    return {
        doc: f"{types[doc]}: {label}" if counts[label] > 1 else label
        for doc, label in labels.items()
    }


def _keys(iri: str) -> set[str]:
    """Short names of an IRI: its last segment and its path after ``/id/<kind>/``."""
    keys = {_local_name(iri)}
    if "/id/" in iri:
        rest = iri.split("/id/", 1)[1]
        if "/" in rest:
            keys.add(rest.split("/", 1)[1])
    return keys


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _document_type(g: Graph, doc: URIRef, document_classes: set[URIRef]) -> str:
    """Local name of the most specific document class of ``doc`` (ties sorted)."""
    types = {t for t in g.objects(doc, RDF.type) if t in document_classes}
    types.discard(SOVKG.Document)
    specific = [t for t in types if not (_subclasses(g, [t]) - {t}) & types]
    names = sorted(_local_name(t) for t in specific)
    return names[0] if names else "Document"


def _local_name(iri: Node) -> str:
    text = str(iri)
    for sep in ("#", "/", ":"):
        if sep in text:
            text = text.rsplit(sep, 1)[1] or text
            break
    return text


def _best_literal(values: Iterable[Node]) -> str | None:
    """The German literal if any, else one without language, else any; ties sorted."""
    literals = [v for v in values if isinstance(v, Literal)]
    if not literals:
        return None

    def rank(lit: Literal) -> tuple[int, str, str]:
        lang = (lit.language or "").lower()
        pref = 0 if lang == "de" or lang.startswith("de-") else 1 if not lang else 2
        return (pref, str(lit), lang)
    return str(min(literals, key=rank))


def _entity_labels(g: Graph, ent: URIRef) -> tuple[str, list[str]]:
    label = (
        _best_literal(g.objects(ent, SKOS.prefLabel))
        or _best_literal(g.objects(ent, RDFS.label))
        or _local_name(ent)
    )
    aliases = {str(v) for v in g.objects(ent, SKOS.altLabel) if isinstance(v, Literal)}
    aliases.discard(label)
    return label, sorted(aliases)


def _document_label(g: Graph, doc: URIRef) -> str:
    title = _best_literal(g.objects(doc, DCTERMS.title))
    if title:
        return title
    sources = sorted(str(v) for v in g.objects(doc, DCTERMS.source) if not isinstance(v, BNode))
    if sources:
        return sources[0]
    return _best_literal(g.objects(doc, RDFS.label)) or _local_name(doc)

