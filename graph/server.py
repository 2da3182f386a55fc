"""A read-only SPARQL 1.1 Protocol endpoint over a build, with a query page that works offline.

``/sparql`` answers queries by GET (``?query=``) and POST (a form with ``query``, or an
``application/sparql-query`` body), in SPARQL JSON, XML, CSV or TSV for SELECT and ASK
and in Turtle, N-Triples or JSON-LD for CONSTRUCT and DESCRIBE, chosen by the Accept
header (or ``format=``). Updates are refused with 403: whatever reaches the store
comes from ``sovkg build``, so an endpoint that others can reach must not change it.

Each query gets a deadline and a row limit and runs in a worker process
(:mod:`sovkg.graph.workers`): past its deadline the process is ended, so the work
really stops, and the client gets 503. The number of workers bounds the queries that
run at once; a request that finds them all busy gets 503 at once, with Retry-After.
Request bodies are bounded, idle connections are closed, SERVICE (federation) is
refused, and SIGTERM ends the server and its workers.

``/`` is a page with a query box and the library's queries as examples; it inlines its
script and style, so it works without a network. As an extension of the protocol the
page sends a library query's parameters as ``param=name=value`` fields, which are bound
as RDF terms exactly as ``sovkg query --param`` binds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sovkg.graph.sparql import (
    FORMATS,
    GRAPH_FORMATS,
    SELECT_FORMATS,
    Query,
    QueryError,
    QueryTimeout,
    Results,
    _looks_like_update,
    bind,
    format_results,
    library,
    parse_query,
    uses_service,
)
from sovkg.graph.workers import Busy, Job, WorkerPool

#: Longest request body (a query, a form); anything longer is refused unread.
MAX_BODY = 1_000_000

#: Media types the endpoint can answer with, by result format.
_MEDIA = {fmt: FORMATS[fmt] for fmt in ("json", "xml", "csv", "tsv", "turtle", "nt", "jsonld")}
_ALIASES = {
    "application/json": "json", "text/json": "json", "application/xml": "xml", "text/xml": "xml",
    "application/x-turtle": "turtle", "text/plain": "nt", "text/n-triples": "nt",
}
#: Extra names that ``format=`` / ``output=`` accept, as Fuseki and SPARQLWrapper send them.
_FORMAT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle",
                 "ttl": "turtle", "nt": "nt", "ntriples": "nt", "jsonld": "jsonld", "json-ld": "jsonld"}


@dataclass(frozen=True, slots=True)
class Limits:
    """How long a query may run (seconds), how many rows it may return, how many run at once."""

    timeout: float = 30.0
    max_rows: int = 10_000
    workers: int = 4


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: its limits, a pool of query worker processes and the page."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024  # the listen backlog: hundreds of clients connect at once

    def __init__(self, address: tuple[str, int], graph: Path, *, backend: str | None = None,
                 limits: Limits = Limits()) -> None:
        self.pool = WorkerPool(graph, backend=backend, size=limits.workers)
        try:
            super().__init__(address, _Handler)
        except OSError:
            self.pool.close()
            raise
        self.limits = limits
        self.page = render_page()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up early is normal; anything else is printed as usual."""
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"


def make_server(graph: Path, *, backend: str | None = None, host: str = "127.0.0.1", port: int = 7878,
                limits: Limits = Limits()) -> SparqlServer:
    """A server for the build ``graph`` (a folder or its TriG) bound to ``host:port``
    (port 0: any free port), its workers started, not yet serving.

    Call ``serve_forever()`` on it (in a thread, for tests and notebooks) and
    ``shutdown()`` and ``server_close()`` to stop it.
    """
    return SparqlServer((host, port), graph, backend=backend, limits=limits)


def render_page() -> bytes:
    """The query page with the library's queries embedded as examples."""
    examples = [
        {"name": q.name, "title": q.title, "description": q.description, "text": q.text,
         "params": [{"name": p.name, "meaning": p.meaning, "example": p.example or ""} for p in q.params]}
        for q in library()
    ]
    data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
    template = files("sovkg.graph").joinpath("sparql.html").read_text(encoding="utf-8")
    return template.replace("/*EXAMPLES*/[]", data).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "sovkg"
    protocol_version = "HTTP/1.1"
    timeout = 10  # seconds an idle or slow connection may hold its thread

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Quiet: one line per request would drown the terminal of a notebook."""

    # -- routes -------------------------------------------------------------

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.page)
        elif url.path == "/sparql":
            self._answer(parse_qs(url.query, keep_blank_values=True))
        elif url.path == "/favicon.ico":  # browsers ask; no icon is no error
            self._send(HTTPStatus.NO_CONTENT, "image/x-icon", b"")
        else:
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}; the endpoint is /sparql")

    do_HEAD = do_GET

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}; the endpoint is /sparql")
            return
        length = self._content_length()
        if length is None:
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fields = parse_qs(url.query, keep_blank_values=True)
        if kind == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        if kind == "application/sparql-query":
            fields["query"] = [body]
        elif kind in ("application/x-www-form-urlencoded", ""):
            for key, values in parse_qs(body, keep_blank_values=True).items():
                fields.setdefault(key, []).extend(values)
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send a form (query=…) or an application/sparql-query body")
            return
        self._answer(fields)

    def _content_length(self) -> int | None:
        """The body's length, or None after refusing a missing, malformed or oversized one
        (the connection is closed then: what follows cannot be told from a next request)."""
        raw = (self.headers.get("Content-Length") or "").strip()
        problem = None
        if not raw:
            problem = (HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        elif not raw.isdigit():
            problem = (HTTPStatus.BAD_REQUEST, f"Content-Length {raw[:20]!r} is no length")
        elif int(raw) > MAX_BODY:
            problem = (HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body longer than {MAX_BODY:,} bytes")
        if problem is None:
            return int(raw)
        self.close_connection = True
        self._error(*problem)
        return None

    def _refuse_writes(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        message = b"this endpoint is read-only\n"
        self.send_header("Allow", "GET, POST")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(message)))
        self.end_headers()
        self.wfile.write(message)

    do_PUT = do_DELETE = do_PATCH = _refuse_writes

    # -- the protocol -------------------------------------------------------

    def _answer(self, fields: dict[str, list[str]]) -> None:
        try:
            if "update" in fields:
                raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            texts = fields.get("query") or []
            if len(texts) != 1 or not texts[0].strip():
                raise _Refused(HTTPStatus.BAD_REQUEST, "give exactly one query (query=…)")
            text = texts[0]
            if _looks_like_update(text):
                raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            if uses_service(text):
                raise _Refused(HTTPStatus.FORBIDDEN, "SERVICE is refused: this endpoint never fetches "
                               "from other hosts")
            params = dict(_split_param(p) for p in fields.get("param", []))
            # a header's # param: lines bind only what the page sends as param=…; a protocol
            # client binds with VALUES in the text, so its query declares nothing
            query = parse_query(text, name="request") if params else Query(name="request", text=text)
            results = self._run(query, params, fields.get("default-graph-uri", []),
                                fields.get("named-graph-uri", []))
            fmt = self._negotiate(results, fields)
            body = format_results(results, fmt).encode("utf-8")
        except _Refused as exc:
            self._error(exc.status, exc.message)
            return
        except (QueryTimeout, Busy) as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": "2"})
            return
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        headers = {"X-Sovkg-Truncated": "true"} if results.truncated else {}
        self._send(HTTPStatus.OK, f"{_MEDIA[fmt]}; charset=utf-8", body, headers)

    def _run(self, query: Query, params: dict[str, str], default_graphs: list[str],
             named_graphs: list[str]) -> Results:
        limits = self.server.limits
        bind(query, params)  # a wrong parameter is the client's error, found before a worker is taken
        job = Job(query, params, limits.max_rows, limits.timeout, default_graphs, named_graphs)
        return self.server.pool.run(job)

    def _negotiate(self, results: Results, fields: dict[str, list[str]]) -> str:
        allowed = GRAPH_FORMATS[:3] if results.kind == "graph" else SELECT_FORMATS[1:]
        if results.kind == "ask":
            allowed = ("json", "xml", "csv", "tsv")
        requested = (fields.get("format") or fields.get("output") or [""])[0].lower()
        if requested:
            fmt = _FORMAT_NAMES.get(requested) or _ALIASES.get(requested) or next(
                (f for f, media in _MEDIA.items() if media == requested), None)
            if fmt not in allowed:
                raise _Refused(HTTPStatus.NOT_ACCEPTABLE, f"format {requested!r} does not fit this "
                               f"query; use one of {', '.join(allowed)}")
            return fmt
        for media in _accepted(self.headers.get("Accept") or "*/*"):
            if media in ("*/*", "application/*", "text/*"):
                return allowed[0]
            fmt = _ALIASES.get(media) or next((f for f, m in _MEDIA.items() if m == media), None)
            if fmt in allowed:
                return fmt
        raise _Refused(HTTPStatus.NOT_ACCEPTABLE,
                       f"cannot answer in {self.headers.get('Accept')}; accepts "
                       + ", ".join(_MEDIA[f] for f in allowed))

    # -- responses ----------------------------------------------------------

    def _error(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers)

    def _send(self, status: HTTPStatus, media: str, body: bytes,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _split_param(field: str) -> tuple[str, str]:
    name, sep, value = field.partition("=")
    if not sep or not name.strip():
        raise _Refused(HTTPStatus.BAD_REQUEST, f"param {field!r} must read name=value")
    return name.strip(), value


def _accepted(header: str) -> list[str]:
    """The media types of an Accept header, best first (by q, then by order)."""
    ranked = []
    for index, part in enumerate(header.split(",")):
        media, *options = (piece.strip() for piece in part.split(";"))
        q = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    q = float(option[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, index, media.lower()))
    return [media for _, _, media in sorted(ranked)]

