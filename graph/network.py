"""The knowledge graph as a networkx graph, for analytics and views.

The RDF graph is reduced to the things a reader looks at: entities, documents, the
relations between entities and the ``mentions`` links from documents to entities.
Literals never become nodes; they become node attributes (labels, aliases, the titles
of the documents that mention an entity). Everything is inserted in sorted order, so
two conversions of the same RDF graph give identical networkx graphs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from sovkg.ontology import SOVKG

__all__ = [
    "DOCUMENT_CLASSES",
    "ENTITY_CLASSES",
    "RELATION_PREDICATES",
    "centrality",
    "to_networkx",
]

#: The entity classes of the extraction contract, in the order used to break ties
#: when an entity carries more than one of them.
ENTITY_CLASSES: tuple[URIRef, ...] = (
    SOVKG.Person,
    SOVKG.Party,
    SOVKG.GovernmentBody,
    SOVKG.ResearchOrganization,
    SOVKG.Company,
    SOVKG.Organization,
    SOVKG.Initiative,
    SOVKG.Infrastructure,
    SOVKG.Place,
    SOVKG.Policy,
    SOVKG.Technology,
)

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
    graph: Graph, *, include_documents: bool = True, mentioned_only: bool = False
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
        ``predicate``; relation edges also carry ``iri``.

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
    g = _union(graph)
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
    doc_labels = {doc: _document_label(g, doc) for doc in documents}

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

    edges: set[tuple[str, str, str, str]] = set()
    for pred in RELATION_PREDICATES:
        for s, o in g.subject_objects(pred):
            if s in entities and o in entities:
                edges.add((str(s), str(o), _local_name(pred), str(pred)))
    for s, o, name, iri in sorted(edges):
        G.add_edge(s, o, key=name, predicate=name, iri=iri)
    if include_documents:
        for ent, docs in sorted(mentioned.items()):
            for doc in sorted(docs):
                G.add_edge(str(doc), str(ent), key="mentions", predicate="mentions")
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
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return dict(sorted(nx.degree_centrality(H).items(), key=lambda kv: str(kv[0])))


# --------------------------------------------------------------------------- helpers


def _union(graph: Graph) -> Graph:
    """A plain graph holding every triple of ``graph`` (all named graphs of a dataset)."""
    if isinstance(graph, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        union = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return graph


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
