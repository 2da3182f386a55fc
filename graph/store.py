"""A build's graph in a store that SPARQL can query: Oxigraph, or rdflib's memory store.

Oxigraph (:mod:`pyoxigraph`) is the default because it loads and answers an order of
magnitude faster (``benchmarks/bench_sparql.py`` measures by how much); rdflib's
:class:`~rdflib.Dataset` is the fallback that needs nothing compiled. Both hold the
named graphs as built and are queried with the union of them as the default graph.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Union

from sovkg.errors import InputError

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset

#: The backends :func:`load_store` knows, fastest first.
BACKENDS: tuple[str, ...] = ("oxigraph", "rdflib")

#: Where ``sovkg build`` writes by default, and so where queries look by default.
DEFAULT_BUILD = Path("sovkg-out")
TRIG = "graph.trig"
#: The on-disk Oxigraph store beside ``graph.trig`` in a build folder.
STORE = "store"
log = logging.getLogger("sovkg.store")

Store = Union["pyoxigraph.Store", "Dataset"]

# file suffix -> (pyoxigraph RdfFormat name, rdflib format)
_FORMATS = {
    ".trig": ("TRIG", "trig"),
    ".nq": ("N_QUADS", "nquads"),
    ".ttl": ("TURTLE", "turtle"),
    ".nt": ("N_TRIPLES", "nt"),
}


def graph_file(path: Path = DEFAULT_BUILD) -> Path:
    """The RDF file that ``path`` names: a build folder's ``graph.trig``, or the file itself.

    Raises
    ------
    InputError
        If there is no such file, saying how to make one.

    Examples
    --------
    >>> graph_file(Path("no-such-build"))
    Traceback (most recent call last):
    ...
    sovkg.errors.InputError: no-such-build: no graph.trig here; run `sovkg build --out no-such-build` first or give --graph
    """
    path = Path(path)
    if path.is_dir() or not path.suffix:
        trig = path / TRIG
        if not trig.is_file():
            raise InputError(path, f"no {TRIG} here; run `sovkg build --out {path}` first or give --graph")
        return trig
    if not path.is_file():
        raise InputError(path, "no such file; give a build folder or its graph.trig")
    if path.suffix not in _FORMATS:
        raise InputError(path, f"cannot tell the RDF format; use one of {', '.join(_FORMATS)}")
    return path


def default_backend() -> str:
    """``"oxigraph"`` when pyoxigraph can be imported, else ``"rdflib"``."""
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return "rdflib"
    return "oxigraph"


def load_store(path: Path = DEFAULT_BUILD, *, backend: str | None = None) -> Store:
    """Open a build: its on-disk store, or its RDF file loaded into a fresh in-memory store.

    A build folder holds an Oxigraph store (``store/``) that ``sovkg build`` wrote with
    the named graphs and their union as the default graph; the Oxigraph backend opens it
    read-only, without parsing anything, so a large build answers at once and several
    processes may read it. A file, or the rdflib backend, is parsed into memory.

    Parameters
    ----------
    path
        A build folder (its ``graph.trig`` is read) or a ``.trig``, ``.nq``, ``.ttl``
        or ``.nt`` file.
    backend
        ``"oxigraph"`` (a :class:`pyoxigraph.Store`) or ``"rdflib"`` (an rdflib
        ``Dataset`` whose default graph is the union); default: Oxigraph if installed.

    Raises
    ------
    InputError
        If the file is missing or is not valid RDF.
    ValueError
        If ``backend`` is not one of :data:`BACKENDS`.
    """
    backend = backend or default_backend()
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    file = graph_file(path)
    ox_format, rdflib_format = _FORMATS[file.suffix]
    if backend == "oxigraph":
        import pyoxigraph as ox

        folder = file.parent / STORE
        if file.name == TRIG and folder.is_dir():
            try:
                return ox.Store.read_only(str(folder))
            except OSError as exc:  # a damaged store: the graph file still says it all
                log.warning("%s: cannot open the store (%s); reading %s instead", folder, _first_line(exc), file)
        store = ox.Store()
        try:
            store.bulk_load(path=str(file), format=getattr(ox.RdfFormat, ox_format))
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(file, f"cannot be loaded ({_first_line(exc)})") from None
        merge_default_graph(store)
        return store
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    try:
        dataset.parse(file, format=rdflib_format)
    except Exception as exc:  # rdflib's parsers raise many kinds
        raise InputError(file, f"cannot be loaded ({_first_line(exc)})") from None
    return dataset


def merge_default_graph(store: pyoxigraph.Store) -> None:
    """Fill the store's default graph with the set union of its named graphs.

    Oxigraph's own union default graph yields a triple once per named graph that holds
    it (an entity's label sits in the knowledge base and in the entities graph; a
    member's party in every Kleine Anfrage she signed), which multiplies joins and
    makes results differ from rdflib's. A merged default graph has set semantics, as
    SPARQL's default graph should, at the cost of a second copy of each triple; the
    named graphs stay as built. :func:`sovkg.graph.sparql.run` queries the default
    graph of a store that has one, and the union of the named graphs otherwise.
    """
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def count_quads(store: Store) -> int:
    """How many quads (triples in named graphs, each graph counted) the store holds.

    The merged default graph of an Oxigraph store is not counted: it repeats the rest.
    """
    if type(store).__module__.startswith("pyoxigraph"):
        import pyoxigraph as ox

        return sum(1 for _ in store.quads_for_pattern(None, None, None)) - sum(
            1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return sum(len(graph) for graph in store.graphs())  # type: ignore[union-attr]


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__
