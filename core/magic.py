"""The ``%%sparql`` cell magic: a query on a build, shown as a DataFrame.

    %load_ext sovkg
    %%sparql sovkg-out --param entity=e:open-source
    SELECT ?label WHERE { ?entity skos:prefLabel ?label }

The line names the build (default ``sovkg-out``) and the query's parameters, bound as
RDF terms; the cell is SPARQL text or a library query's name. ``--out NAME`` also keeps
the DataFrame in the notebook's variable ``NAME``.
"""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from sovkg.knowledge_graph import KnowledgeGraph

_OPENED: dict[tuple[str, str | None], KnowledgeGraph] = {}


def register(ipython: Any) -> None:
    ipython.register_magic_function(_sparql_magic(ipython), magic_kind="cell", magic_name="sparql")


def _sparql_magic(ipython: Any):
    def sparql(line: str, cell: str) -> Any:
        parser = argparse.ArgumentParser(prog="%%sparql", add_help=False)
        parser.add_argument("build", nargs="?", default="sovkg-out")
        parser.add_argument("--param", action="append", default=[])
        parser.add_argument("--backend")
        parser.add_argument("--out")
        args = parser.parse_args(shlex.split(line))
        params = dict(item.split("=", 1) for item in args.param)
        key = (args.build, args.backend)
        kg = _OPENED.get(key) or _OPENED.setdefault(key, KnowledgeGraph(args.build, backend=args.backend))
        frame = kg.query(cell.strip(), **params)
        if args.out:
            ipython.user_ns[args.out] = frame
        return frame

    return sparql
