"""``sovkg serve``: a read-only SPARQL endpoint over a build, with a query page."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve",
        help="serve a build as a read-only SPARQL endpoint",
        description="Serve the named graphs of a build at /sparql (SPARQL 1.1 Protocol, GET and "
        "POST, read-only) with a query page at /. Stops on Ctrl-C.",
    )
    parser.add_argument("--graph", type=Path, default=Path("sovkg-out"), metavar="PATH",
                        help="a build folder or its graph.trig (default: ./sovkg-out)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=7878,
                        help="port (default: 7878; 0 picks a free one)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="longest a query may run (default: 30)")
    parser.add_argument("--max-rows", type=int, default=10_000, metavar="N",
                        help="most rows a query returns (default: 10000)")
    parser.add_argument("--backend", choices=("oxigraph", "rdflib"),
                        help="embedded store (default: oxigraph if installed)")
    parser.add_argument("--workers", type=int, default=4, metavar="N",
                        help="queries that run at once, each in a process of its own with a copy "
                        "of the store (default: 4); more get 503")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.errors import ConfigError
    from sovkg.graph.server import Limits, make_server
    from sovkg.graph.store import graph_file

    if args.timeout <= 0 or args.max_rows <= 0 or args.workers <= 0:
        raise ConfigError("--timeout, --max-rows and --workers must be positive")
    trig = graph_file(args.graph)
    limits = Limits(timeout=args.timeout, max_rows=args.max_rows, workers=args.workers)
    try:
        server = make_server(trig, backend=args.backend, host=args.host, port=args.port, limits=limits)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
                          "choose another --port") from None
    signal.signal(signal.SIGTERM, _interrupt)
    print(f"serving {trig} read-only at {server.url} – page at {server.url[:-len('sparql')]}; "
          "Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("sovkg: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
