"""Each export format read back by the tool it is for, with the same nodes and edges."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from rdflib import Dataset

import sovkg
from sovkg.graph.export import TABLES, export, flat_graph


@pytest.fixture(scope="module")
def kg(sample_build) -> sovkg.KnowledgeGraph:
    return sovkg.open(sample_build.out)


@pytest.fixture(scope="module")
def network(kg) -> nx.MultiDiGraph:
    return flat_graph(kg)


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_and_networkx_read_the_network_back(kg, network, tmp_path: Path, fmt: str, read) -> None:
    (path,) = export(kg, fmt, tmp_path / f"kg.{fmt}")
    back = read(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (network.number_of_nodes(), network.number_of_edges())
    labels = {data.get("label") for _, data in back.nodes(data=True)}
    assert "NRW.Genius" in labels
    genius = next(data for _, data in back.nodes(data=True) if data.get("label") == "NRW.Genius")
    assert "Projekt NRW.Genius" in genius["aliases"].split(" | ")


def test_neo4j_csv(kg, network, tmp_path: Path) -> None:
    nodes_path, relationships_path = export(kg, "csv", tmp_path / "neo4j")
    nodes, relationships = pd.read_csv(nodes_path), pd.read_csv(relationships_path)
    assert list(nodes.columns) == ["id:ID", "label", "type", "aliases:string[]", "documents:string[]", ":LABEL"]
    assert list(relationships.columns) == [":START_ID", ":END_ID", ":TYPE", "evidence:string[]"]
    assert len(nodes) == network.number_of_nodes() and len(relationships) == network.number_of_edges()
    assert set(relationships[":START_ID"]) | set(relationships[":END_ID"]) <= set(nodes["id:ID"])
    assert nodes[":LABEL"].str.match(r"^(Entity|Document)(;\w+)?$").all()


def test_json_ld_reads_back_into_rdflib(kg, tmp_path: Path) -> None:
    (path,) = export(kg, "jsonld", tmp_path / "kg.jsonld")
    back = Dataset()
    back.parse(path, format="json-ld")
    assert len(list(back.quads((None, None, None, None)))) == len(list(kg.dataset.quads((None, None, None, None))))
    assert '"@context"' in path.read_text(encoding="utf-8")[:2000]


def test_parquet_tables(kg, tmp_path: Path) -> None:
    written = export(kg, "parquet", tmp_path / "tables")
    assert [p.stem for p in written] == list(TABLES)
    for path in written:
        table = pd.read_parquet(path)
        assert len(table) == len(kg.query(TABLES[path.stem], max_rows=None)) > 0
    relations = pd.read_parquet(tmp_path / "tables" / "relations.parquet")
    assert {"sentence", "start", "end", "method", "confidence"} <= set(relations.columns)


def test_the_flat_network_is_what_networkx_writes(kg, tmp_path: Path) -> None:
    with pytest.raises((nx.NetworkXError, TypeError)):
        nx.write_graphml(kg.networkx(mentioned_only=True), tmp_path / "lists.graphml")  # lists: not GraphML
    nx.write_graphml(kg.networkx(mentioned_only=True, flat=True), tmp_path / "flat.graphml")
