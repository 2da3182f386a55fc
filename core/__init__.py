"""sovkg: a knowledge graph of digital-sovereignty and AI initiatives from German public-sector documents.

>>> import sovkg
>>> kg = sovkg.build(["docs/"], "kg")          # doctest: +SKIP  (or sovkg.open("sovkg-out"))
>>> kg.entities(), kg.relations(), kg.query("initiatives")   # doctest: +SKIP

The package is split along one boundary: :mod:`sovkg.extract` turns text into plain
records with spaCy, :mod:`sovkg.graph` turns records into RDF and everything after
(SPARQL, networkx, views) and never imports spaCy. :mod:`sovkg.builder` composes the
two; :mod:`sovkg.knowledge_graph` is the one object notebooks use.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "build", "open", "load_ipython_extension"]


def __getattr__(name: str) -> Any:
    """The API, imported on first use so that ``sovkg --help`` stays instant."""
    if name in ("KnowledgeGraph", "build", "open"):
        from sovkg import knowledge_graph

        return getattr(knowledge_graph, name)
    raise AttributeError(f"module 'sovkg' has no attribute {name!r}")


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext sovkg``: the ``%%sparql`` cell magic (see :mod:`sovkg.magic`)."""
    from sovkg.magic import register

    register(ipython)
