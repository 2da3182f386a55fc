"""``sovkg export``: a build in the formats of Gephi, networkx, Neo4j, pandas and JSON-LD tools."""

from __future__ import annotations

import argparse
from pathlib import Path

FORMATS = ("graphml", "gexf", "csv", "jsonld", "parquet")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export",
        help="write a build as GraphML, GEXF, Neo4j CSV, JSON-LD or Parquet",
        description="Write the build as GraphML or GEXF (Gephi, networkx; list attributes joined "
        "by ' | '), CSV files of nodes and relationships for neo4j-admin import and LOAD CSV, "
        "JSON-LD of every named graph, or Parquet tables of entities, relations with their "
        "evidence, documents, questions and answers.",
    )
    parser.add_argument("--graph", type=Path, default=Path("sovkg-out"), metavar="PATH",
                        help="a build folder or its graph.trig (default: ./sovkg-out)")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--out", type=Path, required=True, metavar="PATH",
                        help="a file (graphml, gexf, jsonld) or a folder (csv, parquet)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.graph.export import export
    from sovkg.knowledge_graph import KnowledgeGraph

    for path in export(KnowledgeGraph(args.graph), args.format, args.out):
        print(f"wrote: {path}")
    return 0
