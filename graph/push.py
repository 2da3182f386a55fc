"""Load a build into an existing triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Teams whose data outgrows a laptop keep it in their own store (an Oxigraph server's
``/store``, Apache Jena Fuseki's ``/ds/data``, GraphDB's
``/repositories/<id>/rdf-graphs/service``). Each named graph of the build goes to
``<store>?graph=<name>`` as N-Triples, in chunks so that a large graph never has to be
one request: POST adds to what the graph holds; with ``replace`` the first chunk is a
PUT, which replaces the graph. Graphs the store holds and the build does not are left
alone: a shared store may hold other people's data.

A user name and password in the URL (``https://user:secret@host/ds/data``) are sent as
HTTP basic authentication and never printed.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from sovkg.errors import SovkgError
from sovkg.graph.sparql import _safe_url

#: Triples per request: about 10 MB of N-Triples.
CHUNK = 50_000


class PushError(SovkgError):
    """A store that cannot be reached or refuses the upload."""


@dataclass(slots=True)
class PushReport:
    """What :func:`push` sent: triples per graph name, and the store (without credentials)."""

    store: str
    graphs: dict[str, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def push(
    source,
    store: str,
    *,
    replace: bool = False,
    chunk: int = CHUNK,
    timeout: float = 120.0,
    on_graph: Callable[[str, int], None] | None = None,
) -> PushReport:
    """Send every named graph of ``source`` to the Graph Store ``store``.

    Parameters
    ----------
    source
        A :class:`pyoxigraph.Store` from :func:`sovkg.graph.store.load_store`.
    store
        The Graph Store Protocol URL, e.g. ``http://localhost:7878/store``.
    replace
        Replace each graph (PUT) instead of adding to it (POST).
    chunk
        Triples per request.
    timeout
        Seconds per request.
    on_graph
        Called with each graph's name and triple count after it is sent.

    Raises
    ------
    PushError
        If the store cannot be reached or answers with an error status; the message
        names the graph and says what to check.
    """
    import pyoxigraph as ox

    url, auth = _split_credentials(store)
    report = PushReport(store=_safe_url(store))
    names = sorted(g.value for g in source.named_graphs() if isinstance(g, ox.NamedNode))
    for name in names:
        graph = ox.NamedNode(name)
        triples = (q.triple for q in source.quads_for_pattern(None, None, None, graph))
        count = 0
        for index, batch in enumerate(_batches(triples, chunk)):
            body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            method = "PUT" if replace and index == 0 else "POST"
            _send(method, f"{url}{'&' if '?' in url else '?'}graph={quote(name, safe='')}", body,
                  auth, timeout, report.store, name)
            count += len(batch)
        report.graphs[name] = count
        if on_graph is not None:
            on_graph(name, count)
    return report


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def _split_credentials(url: str) -> tuple[str, str | None]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise PushError(f"{_safe_url(url)} is not an http(s) URL of a Graph Store "
                        "(Oxigraph: http://host:7878/store, Fuseki: http://host:3030/ds/data)")
    if parts.username is None:
        return url, None
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    token = base64.b64encode(f"{parts.username}:{parts.password or ''}".encode()).decode()
    return urlunsplit(parts._replace(netloc=netloc)), f"Basic {token}"


def _send(method: str, url: str, body: bytes, auth: str | None, timeout: float,
          shown: str, graph: str) -> None:
    request = Request(url, data=body, method=method,
                      headers={"Content-Type": "application/n-triples"})
    if auth is not None:
        request.add_header("Authorization", auth)
    try:
        with urlopen(request, timeout=timeout) as response:
            response.read()
    except HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", errors="replace").split())
        hint = {401: "give user:password@ in the URL", 403: "the store refuses writes",
                404: "check the Graph Store URL (Oxigraph: /store, Fuseki: /ds/data)",
                405: "check the Graph Store URL (Oxigraph: /store, Fuseki: /ds/data)"}.get(exc.code, "")
        raise PushError(f"push to {shown} failed for graph <{graph}>: HTTP {exc.code} {exc.reason}"
                        + (f" ({detail})" if detail else "") + (f"; {hint}" if hint else "")) from None
    except (URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"push to {shown} failed: cannot reach the store ({reason}); "
                        "is it running?") from None
