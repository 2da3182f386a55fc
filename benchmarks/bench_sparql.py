"""How much faster Oxigraph answers the query library than rdflib's memory store.

Not a test: run it by hand (``python benchmarks/bench_sparql.py``). It builds the
bundled sample (or reads ``--build DIR``), replicates the sample's documents under new
IRIs until the graph holds about ``--triples`` quads (one million by default), loads
that into pyoxigraph and into an rdflib ``Dataset``, and runs every library query on
both, reporting the median latency of each and the ratio rdflib / Oxigraph.

Replication keeps the ontology, the knowledge base and the entities once and copies
each document graph and its provenance (sentences, mentions, evidence, questions,
answers) with new document, sentence and mention IRIs and dates shifted by a few days
per copy, so that the copies mention the same entities as a real corpus of many
documents would. rdflib evaluates each query in a forked child that is killed after
``--timeout`` seconds (rdflib cannot be interrupted otherwise); such a query is reported
as ``>timeout`` and its ratio as a lower bound.

    python benchmarks/bench_sparql.py                       # ~1M quads
    python benchmarks/bench_sparql.py --triples 100000      # quicker
    python benchmarks/bench_sparql.py --rdflib-triples 200000  # rdflib on a smaller copy
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ID = "https://w3id.org/sovkg/id/"
#: Graphs that a corpus holds once, however many documents it has.
SHARED_GRAPHS = (ID + "graph/ontology", ID + "graph/kb", ID + "graph/entities")
#: Kinds of IRI minted per document, renamed in each copy.
PER_DOCUMENT = re.compile(re.escape(ID) + r"(graph/doc|doc|sentence|mention|question|answer|preamble|evidence)/")
DATES = {"http://purl.org/dc/terms/date", "http://purl.org/dc/terms/issued"}


def replicated_quads(store, target: int) -> Iterator[tuple]:
    """Quads (as pyoxigraph terms) of ``store`` with its documents copied to reach ``target``."""
    import pyoxigraph as ox

    named = [q for q in store if isinstance(q.graph_name, ox.NamedNode)]  # not the merged default graph
    shared = [q for q in named if q.graph_name.value in SHARED_GRAPHS]
    per_copy = [q for q in named if q.graph_name.value not in SHARED_GRAPHS]
    copies = max(1, round((target - len(shared)) / max(1, len(per_copy))))
    yield from shared
    renamed: dict[tuple[str, int], object] = {}

    def rename(term, copy: int):
        if type(term).__name__ != "NamedNode":
            return term
        key = (term.value, copy)
        if key not in renamed:
            value = term.value
            renamed[key] = ox.NamedNode(PER_DOCUMENT.sub(lambda m: f"{m.group(0)}r{copy}-", value, count=1)
                                        if copy else value)
        return renamed[key]

    for copy in range(copies):
        for quad in per_copy:
            obj = quad.object
            if copy and quad.predicate.value in DATES and type(obj).__name__ == "Literal":
                day = dt.date.fromisoformat(obj.value) - dt.timedelta(days=3 * copy)
                obj = ox.Literal(day.isoformat(), datatype=obj.datatype)
            yield ox.Quad(rename(quad.subject, copy), rename(quad.predicate, copy),
                          rename(obj, copy), rename(quad.graph_name, copy))
        renamed.clear()


def build_sample(build: Path | None) -> Path:
    if build is not None:
        return build
    from sovkg.builder import build as build_graph

    out = Path(tempfile.mkdtemp(prefix="sovkg-bench-"))
    print(f"building the sample into {out} …", file=sys.stderr)
    build_graph(None, out, validate=False)
    return out


def oxigraph_store(quads: Iterable) -> object:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_extend(quads)
    return store


def rdflib_dataset(store, limit: int | None) -> object:
    """The first ``limit`` quads of ``store`` (all if None) in an rdflib Dataset."""
    from itertools import islice

    from sovkg.graph.sparql import from_oxigraph
    from rdflib import Dataset, URIRef

    dataset = Dataset(default_union=True)
    graphs: dict[str, object] = {}
    for quad in islice(iter(store), limit):
        if type(quad.graph_name).__name__ != "NamedNode":
            continue  # the merged default graph: rdflib's union is the default graph
        name = quad.graph_name.value
        if name not in graphs:
            graphs[name] = dataset.graph(URIRef(name))
        graphs[name].add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate),
                          from_oxigraph(quad.object)))
    return dataset


def time_query(query, source, params, repeat: int) -> tuple[float, int]:
    """Median seconds over ``repeat`` runs, and the number of rows."""
    from sovkg.graph.sparql import run

    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = len(run(query, source, params=params))
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


_DATASET = None  # the rdflib dataset, inherited by forked children


def _child(query, params, repeat: int, conn) -> None:
    conn.send(time_query(query, _DATASET, params, repeat))


def time_rdflib(query, params, repeat: int, timeout: float) -> tuple[float | None, int]:
    """Like :func:`time_query` on the rdflib dataset, in a child killed after ``timeout``."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(query, params, repeat, child))
    process.start()
    try:
        if parent.poll(timeout):
            return parent.recv()
        return None, -1
    finally:
        process.kill()
        process.join()


def main(argv: list[str] | None = None) -> int:
    global _DATASET
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, help="a build folder (default: build the sample)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="quads to reach (default 1e6)")
    parser.add_argument("--rdflib-triples", type=int, help="give rdflib only this many quads "
                        "(default: the same graph as Oxigraph)")
    parser.add_argument("--repeat", type=int, default=3, help="Oxigraph runs per query (median; default 3)")
    parser.add_argument("--rdflib-repeat", type=int, default=1, help="rdflib runs per query (default 1)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds per rdflib query before it is abandoned (default 60)")
    parser.add_argument("--only", nargs="*", help="library query names to run (default: all)")
    args = parser.parse_args(argv)

    from sovkg.graph.sparql import library
    from sovkg.graph.store import count_quads, load_store, merge_default_graph

    sample = load_store(build_sample(args.build), backend="oxigraph")
    started = time.perf_counter()
    store = oxigraph_store(replicated_quads(sample, args.triples))
    merge_default_graph(store)  # as load_store does: set semantics, like rdflib's union
    print(f"oxigraph: {count_quads(store):,} quads in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.rdflib_triples is None:
        rdflib_store = store
    else:
        rdflib_store = oxigraph_store(replicated_quads(sample, args.rdflib_triples))
        merge_default_graph(rdflib_store)
    started = time.perf_counter()
    _DATASET = rdflib_dataset(rdflib_store, None)
    rdflib_quads = count_quads(rdflib_store)
    print(f"rdflib:   {rdflib_quads:,} quads in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    queries = [q for q in library() if not args.only or q.name in args.only]
    header = f"{'query':28} {'rows':>7} {'oxigraph s':>11} {'rdflib s':>10} {'ratio':>8}"
    print(f"\nquads: oxigraph {count_quads(store):,}, rdflib {rdflib_quads:,}; median of {args.repeat} runs; "
          f"rdflib timeout {args.timeout:.0f} s")
    print(header)
    print("-" * len(header))
    ratios, timeouts = [], 0
    for query in queries:
        params = query.examples  # the e.g. values of its # param: lines
        ox_seconds, ox_rows = time_query(query, store, params, args.repeat)
        rd_seconds, rd_rows = time_rdflib(query, params, args.rdflib_repeat, args.timeout)
        if rd_seconds is None:
            timeouts += 1
            rd_text, ratio_text = f">{args.timeout:.0f}", f">{args.timeout / max(ox_seconds, 1e-6):.0f}"
            ratios.append(args.timeout / max(ox_seconds, 1e-6))
        else:
            ratio = rd_seconds / max(ox_seconds, 1e-6)
            ratios.append(ratio)
            rd_text, ratio_text = f"{rd_seconds:.3f}", f"{ratio:.0f}"
        rows = f"{ox_rows}" if args.rdflib_triples is not None or rd_rows in (-1, ox_rows) else f"{ox_rows}≠{rd_rows}"
        print(f"{query.name:28} {rows:>7} {ox_seconds:11.4f} {rd_text:>10} {ratio_text:>8}", flush=True)
    geo = statistics.geometric_mean(ratios) if ratios else float("nan")
    print(f"\ngeometric mean ratio rdflib/oxigraph: {geo:.0f}x over {len(ratios)} queries"
          + (f" ({timeouts} rdflib timeouts counted at the timeout: a lower bound)" if timeouts else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
