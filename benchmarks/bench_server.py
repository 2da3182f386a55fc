"""Load on ``sovkg serve``: throughput and latency under many clients, beside the store.

Not a test: run it by hand (``python benchmarks/bench_server.py``). It builds the bundled
sample (or reads ``--build DIR``), starts ``sovkg serve`` on a free loopback port and lets
``--clients`` threads send the same query for ``--seconds`` seconds, then prints the
requests per second, the share answered 200 and 503, and p50/p99/max latency. As the
baseline of the same run it times the query on the embedded store in this process, so
the ratio says what the protocol, the HTTP server and the worker processes cost.

    python benchmarks/bench_server.py                      # 50 clients, 10 s, ASK {}
    python benchmarks/bench_server.py --clients 200 --query documents
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, help="a build folder (default: build the sample)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--query", default="ASK {}", help="SPARQL text or a library query name")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    from sovkg.builder import build
    from sovkg.graph.sparql import load_query, run
    from sovkg.graph.store import load_store

    out = args.build or Path(tempfile.mkdtemp()) / "build"
    if args.build is None:
        build(None, out)
    query = load_query(args.query)
    store = load_store(out)
    baseline = _embedded(lambda: run(query, store))
    served = _served(out, query.text, args)
    print(f"query: {query.name} ({args.clients} clients, {args.seconds:g} s, {args.workers} workers)")
    print(f"embedded store (this process): {baseline:,.0f} queries/s")
    print(f"sovkg serve: {served['rate']:,.0f} requests/s ({served['rate'] / baseline:.3f} of the embedded rate); "
          f"200: {served['ok']:,}, 503: {served['busy']:,}, other: {served['other']:,}")
    print(f"latency p50 {served['p50'] * 1000:.1f} ms, p99 {served['p99'] * 1000:.1f} ms, "
          f"max {served['max'] * 1000:.1f} ms")


def _embedded(call) -> float:
    """Queries per second on the embedded store, for one second of repeats."""
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < 1.0:
        call()
        count += 1
    return count / (time.perf_counter() - started)


def _served(out: Path, text: str, args: argparse.Namespace) -> dict[str, float]:
    process = subprocess.Popen(
        [sys.executable, "-m", "sovkg", "serve", "--graph", str(out), "--port", "0",
         "--workers", str(args.workers)], stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        url = next(word for word in line.split() if word.endswith("/sparql"))
        target = f"{url}?{urllib.parse.urlencode({'query': text})}"
        latencies: list[float] = []
        statuses: list[int] = []
        stop = time.monotonic() + args.seconds

        def client() -> None:
            while time.monotonic() < stop:
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(target, timeout=30) as response:
                        response.read()
                        status = response.status
                except urllib.error.HTTPError as error:
                    status = error.code
                except OSError:
                    status = 0
                latencies.append(time.perf_counter() - started)
                statuses.append(status)

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
    finally:
        process.terminate()
        process.wait(timeout=10)
    ordered = sorted(latencies)
    return {
        "rate": len(statuses) / elapsed, "ok": statuses.count(200), "busy": statuses.count(503),
        "other": len(statuses) - statuses.count(200) - statuses.count(503),
        "p50": statistics.median(ordered), "p99": ordered[int(len(ordered) * 0.99) - 1], "max": ordered[-1],
    }


if __name__ == "__main__":
    main()
