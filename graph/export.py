"""A build in the formats analysts' tools read: Gephi, networkx, Neo4j, spreadsheets,
pandas and JSON-LD processors.

* ``graphml`` and ``gexf``: the entity and document network (:func:`to_networkx`), with
  list attributes joined by " | " so that both formats hold them and read them back.
* ``csv``: ``nodes.csv`` and ``relationships.csv`` in the header layout of
  ``neo4j-admin database import`` (``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
  ``:TYPE``, arrays as ``string[]`` split at ";"), which ``LOAD CSV WITH HEADERS`` reads too.
* ``jsonld``: every named graph of the build, with a context of the build's prefixes.
* ``parquet``: tables of entities, relations with their evidence, documents, questions
  and answers (needs ``pyarrow``: ``pip install 'sovkg[notebooks]'``).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from sovkg.knowledge_graph import KnowledgeGraph

FORMATS = ("graphml", "gexf", "csv", "jsonld", "parquet")
#: Parquet tables: name → library query.
TABLES = {"entities": "entity-table", "relations": "relation-evidence", "documents": "documents",
          "questions": "questions", "answers": "answers"}


def export(kg: KnowledgeGraph, fmt: str, out: Path) -> list[Path]:
    """Write ``kg`` as ``fmt`` to ``out`` (a file for graphml, gexf and jsonld; a folder
    for csv and parquet) and return the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt in ("graphml", "gexf"):
        return [_network(kg, fmt, out)]
    if fmt == "jsonld":
        return [_jsonld(kg, out)]
    out.mkdir(parents=True, exist_ok=True)
    return _neo4j(kg, out) if fmt == "csv" else _parquet(kg, out)


def flat_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The network of mentioned entities and documents with every attribute a string, a
    number or a bool (lists joined by " | ")."""
    return kg.networkx(mentioned_only=True, flat=True)


def _network(kg: KnowledgeGraph, fmt: str, out: Path) -> Path:
    import networkx as nx

    out.parent.mkdir(parents=True, exist_ok=True)
    graph = flat_graph(kg)
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, out)
    return out


def _jsonld(kg: KnowledgeGraph, out: Path) -> Path:
    from sovkg.graph.rdf import PREFIXES

    out.parent.mkdir(parents=True, exist_ok=True)
    text = kg.dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    out.write_text(text, encoding="utf-8")
    return out


def _neo4j(kg: KnowledgeGraph, out: Path) -> list[Path]:
    graph = kg.networkx(mentioned_only=True)  # lists as they are: Neo4j has arrays
    nodes, relationships = out / "nodes.csv", out / "relationships.csv"
    with open(nodes, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id:ID", "label", "type", "aliases:string[]", "documents:string[]", ":LABEL"])
        for node, data in sorted(graph.nodes(data=True)):
            writer.writerow([node, data.get("label", ""), data.get("type", ""), _array(data.get("aliases")),
                             _array(data.get("documents")), _neo4j_label(data)])
    with open(relationships, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", "evidence:string[]"])
        for source, target, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", ""))):
            writer.writerow([source, target, data.get("predicate", ""), _array(data.get("evidence"))])
    return [nodes, relationships]


def _array(items: Any) -> str:
    """Neo4j's array cells: items joined by ";" (so an item's own ";" becomes ",")."""
    return ";".join(str(item).replace(";", ",") for item in items or () if item)


def _neo4j_label(data: dict[str, Any]) -> str:
    kind = "Entity" if data.get("kind") == "entity" else "Document"
    return f"{kind};{data['type']}" if data.get("type") and data.get("type") != kind else kind


def _parquet(kg: KnowledgeGraph, out: Path) -> list[Path]:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        from sovkg.errors import ConfigError

        raise ConfigError("Parquet needs pyarrow: pip install 'sovkg[notebooks]'") from None
    written = []
    for name, query in TABLES.items():
        frame = kg.query(query, max_rows=None, timeout=None).astype("string")
        path = out / f"{name}.parquet"
        frame.to_parquet(path, index=False)
        written.append(path)
    return written
