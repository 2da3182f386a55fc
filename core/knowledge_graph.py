"""One object for a build, in the style of kglab's ``KnowledgeGraph``: open it, query it
into DataFrames, take its entity and relation tables, draw it.

>>> import sovkg
>>> kg = sovkg.open("sovkg-out")                         # doctest: +SKIP
>>> kg.entities().head()                                 # doctest: +SKIP
>>> kg.query("evidence", s="e:nrw-genius", p="sovkg:uses", o="e:open-source")  # doctest: +SKIP

Everything is read lazily from the build's ``graph.trig``: the embedded Oxigraph store
for queries, an rdflib ``Dataset`` for rdflib users and networkx.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sovkg.graph.sparql import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    import networkx
    import pandas
    from rdflib import Dataset

    from sovkg.builder import BuildReport

#: Columns of :meth:`KnowledgeGraph.entities` and :meth:`KnowledgeGraph.relations`.
ENTITY_COLUMNS = ("entity", "label", "type", "aliases", "mentions", "documents")
RELATION_COLUMNS = ("subject", "subjectLabel", "predicate", "object", "objectLabel", "document",
                    "sentence", "start", "end", "method", "confidence")


class KnowledgeGraph:
    """A build of sovkg, opened from its folder (or its ``graph.trig``)."""

    def __init__(self, path: str | Path = "sovkg-out", *, backend: str | None = None,
                 report: BuildReport | None = None) -> None:
        from sovkg.graph.store import graph_file

        self.path = Path(path)
        self.trig = graph_file(self.path)  # a missing build is said now, in one line
        self.backend = backend
        self.report = report
        """What the build said (documents, failures, warnings), when this object made it."""

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.path)!r})"

    @cached_property
    def store(self) -> Any:
        """The embedded store that :meth:`query` uses (pyoxigraph, or rdflib's)."""
        from sovkg.graph.store import load_store

        return load_store(self.trig, backend=self.backend)

    @cached_property
    def dataset(self) -> Dataset:
        """The build's named graphs as an rdflib ``Dataset``."""
        from sovkg.graph.network import load_graph

        return load_graph(self.trig, stored=False)

    def query(self, query: str, *, max_rows: int | None = DEFAULT_MAX_ROWS,
              timeout: float | None = DEFAULT_TIMEOUT, **params: object) -> pandas.DataFrame:
        """A library query by name, a ``.rq`` file or SPARQL text, with ``params`` bound as
        RDF terms (``e:nrw-genius``, ``"text"@de``), as a DataFrame."""
        from sovkg.graph.sparql import query_dataframe

        return query_dataframe(query, self.store, max_rows=max_rows, timeout=timeout, **params)

    def entities(self) -> pandas.DataFrame:
        """One row per mentioned entity: ``entity`` (IRI), ``label``, ``type``, ``aliases``
        (its other surface forms, sorted, joined by " | "), ``mentions`` and ``documents``
        (counts)."""
        table = self.query("entity-table", max_rows=None, timeout=None)
        aliases = self.query("entity-aliases", max_rows=None, timeout=None)
        joined = aliases.groupby("entity")["alias"].agg(lambda forms: " | ".join(sorted(forms)))
        table["aliases"] = table["entity"].map(joined).fillna("")
        return table.reindex(columns=list(ENTITY_COLUMNS))

    def relations(self) -> pandas.DataFrame:
        """One row per sentence stating a relation, with its evidence: ``subject``,
        ``subjectLabel``, ``predicate``, ``object``, ``objectLabel``, ``document``,
        ``sentence``, ``start`` and ``end`` (offsets into the source text), ``method``
        and ``confidence``."""
        frame = self.query("relation-evidence", max_rows=None, timeout=None)
        return frame.reindex(columns=list(RELATION_COLUMNS))

    def networkx(self, *, flat: bool = False, **options: Any) -> networkx.MultiDiGraph:
        """Entities and documents as a networkx graph (see :func:`sovkg.graph.network.to_networkx`);
        ``flat=True`` joins list attributes with " | " so that ``nx.write_graphml`` and
        ``nx.write_gexf`` can write it."""
        from sovkg.graph.network import flat_attributes, load_graph, to_networkx

        graph = to_networkx(load_graph(self.trig), **options)
        return flat_attributes(graph) if flat else graph

    def view(self, *, height: int = 650, **options: Any) -> Any:
        """The interactive view; inline in Jupyter (an iframe of the self-contained page),
        else the page's HTML as a string."""
        from sovkg.graph.network import load_graph, to_networkx
        from sovkg.graph.view import render_view

        page = render_view(to_networkx(load_graph(self.trig), mentioned_only=True), **options)
        try:
            from IPython.display import HTML
        except ImportError:
            return page
        import warnings
        from html import escape

        with warnings.catch_warnings():  # IPython suggests IFrame, which needs a file or a URL
            warnings.simplefilter("ignore")
            return HTML(f'<iframe srcdoc="{escape(page)}" style="width:100%;height:{height}px;border:0"></iframe>')


def open(path: str | Path = "sovkg-out", *, backend: str | None = None) -> KnowledgeGraph:  # noqa: A001
    """Open a build (a folder written by ``sovkg build``, or its ``graph.trig``)."""
    return KnowledgeGraph(path, backend=backend)


def build(paths: list[str | Path] | None = None, out: str | Path = "sovkg-out", **options: Any) -> KnowledgeGraph:
    """Build ``paths`` (default: the bundled sample) into ``out`` and open the result;
    ``options`` are those of :func:`sovkg.builder.build` (``kb``, ``validate``)."""
    from sovkg.builder import build as run_build

    report = run_build([Path(p) for p in paths] if paths else None, Path(out), **options)
    return KnowledgeGraph(out, report=report)
