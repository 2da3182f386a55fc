"""SPARQL for analysts: the query library, safe parameters, three backends, result formats.

A query is a ``.rq`` file whose header says what it is for::

    # title: Initiatives with who runs and funds them
    # description: ...
    # param: entity — IRI of an entity

The same text runs on an embedded Oxigraph store (:mod:`pyoxigraph`), on rdflib's
memory store, and on a remote SPARQL endpoint, with the same rows as the result. Two
rules make that true:

* parameters are bound as RDF terms, never pasted into the text: rdflib's
  ``initBindings``, pyoxigraph's ``substitutions``, and for an endpoint a trailing
  ``VALUES`` block whose terms are escaped here. A value full of quotes, braces or
  SPARQL keywords is one literal and cannot change the query;
* a bound variable also appears in the SELECT, because a trailing ``VALUES`` block is
  joined with the projected solutions (the library's tests check this for every query).

The default graph is the union of the build's named graphs. rdflib's union and the
embedded Oxigraph store's merged default graph keep each triple once; an Oxigraph
server's ``--union-default-graph`` keeps it once per graph that holds it (an entity's
label is in the knowledge base and in the entities graph), so library queries use
``DISTINCT`` and ``COUNT(DISTINCT …)``; the cross-backend tests hold them to it.

Every backend's results are converted to rdflib terms, so rows compare equal whatever
answered them and one set of serialisers writes SPARQL JSON, XML, CSV, TSV and tables.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal as Kind, Union
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from sovkg.errors import SovkgError
from sovkg.graph.serialize import quote_string

if TYPE_CHECKING:  # heavy or optional imports, only for the type checker
    import pandas
    import pyoxigraph
    from rdflib import Graph

__all__ = [
    "Endpoint",
    "EndpointError",
    "ParameterError",
    "Param",
    "Query",
    "QueryError",
    "QueryTimeout",
    "Results",
    "format_results",
    "library",
    "load_query",
    "parse_value",
    "query_dataframe",
    "run",
    "to_dataframe",
    "values_clause",
]


class QueryError(SovkgError):
    """A query that cannot be found, read, parsed or run."""


class ParameterError(QueryError):
    """A parameter that the query does not declare, is missing, or is not a valid term."""


class QueryTimeout(QueryError):
    """A query that did not finish before its deadline."""


class EndpointError(SovkgError):
    """A remote SPARQL endpoint that cannot be reached or refuses the query."""


#: Prefixes known to every query's parameters and to table output, besides the
#: query's own PREFIX lines: the ones the build writes into its files.
KNOWN_PREFIXES: Mapping[str, str] = {
    "dcterms": "http://purl.org/dc/terms/",
    "doc": "https://w3id.org/sovkg/id/doc/",
    "e": "https://w3id.org/sovkg/id/entity/",
    "g": "https://w3id.org/sovkg/id/graph/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": str(RDF),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sovkg": "https://w3id.org/sovkg/ontology#",
    "wd": "http://www.wikidata.org/entity/",
    "xsd": str(XSD),
}

# ---------------------------------------------------------------------------
# Queries and their headers
# ---------------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_HEADER_FIELD = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)\Z", re.IGNORECASE)
_PARAM = re.compile(r"\??([A-Za-z_][A-Za-z0-9_]*)\s*(?:—|–|--|-|:)\s*(.+)\Z")
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Param:
    """One declared parameter: the variable's name (without ``?``) and what it means."""

    name: str
    meaning: str

    @property
    def example(self) -> str | None:
        """The value after "e.g." in the meaning, if any: what the page, the tests and the
        benchmark fill in, so that every parameterised query can be tried as it stands.

        Examples
        --------
        >>> Param("entity", "IRI of the entity, e.g. e:nrw-genius").example
        'e:nrw-genius'
        """
        match = re.search(r"\be\.g\.\s+(\S+)", self.meaning)
        return match.group(1).rstrip(".,;)") if match else None


@dataclass(frozen=True, slots=True)
class Query:
    """A SPARQL query with the header that says what it is for.

    ``name`` is the library name, the file's name or ``"inline query"``; errors name it.
    """

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    path: Path | None = None

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)

    @property
    def examples(self) -> dict[str, str]:
        """Each parameter's example value (see :attr:`Param.example`), where it has one."""
        return {p.name: p.example for p in self.params if p.example is not None}

    @property
    def prefixes(self) -> dict[str, str]:
        """The query's own PREFIX declarations, over the build's known prefixes."""
        return {**KNOWN_PREFIXES, **{p or "": iri for p, iri in _PREFIX.findall(self.text)}}


def parse_query(text: str, *, name: str = "inline query", path: Path | None = None) -> Query:
    """Read the ``# title:``, ``# description:`` and ``# param:`` header of ``text``.

    The header is the run of comment lines before the first line of SPARQL; a comment
    line without a field continues the field before it, so long descriptions can wrap.

    Parameters
    ----------
    text
        The query, header included.
    name
        What errors call the query.
    path
        The file it came from, if any.

    Raises
    ------
    QueryError
        If a ``# param:`` line has no name and meaning, or a name is declared twice.

    Examples
    --------
    >>> q = parse_query("# title: T\\n# param: entity — an IRI\\nSELECT ?entity WHERE {}")
    >>> q.title, q.param_names
    ('T', ('entity',))
    """
    fields: dict[str, str] = {"title": "", "description": ""}
    params: list[Param] = []
    last: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _HEADER_FIELD.match(line)
        if match is None:
            more = line.lstrip("#").strip()
            if last == "param" and params and more:
                params[-1] = Param(params[-1].name, f"{params[-1].meaning} {more}")
            elif last in fields and more:
                fields[last] = f"{fields[last]} {more}".strip()
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        last = key
        if key == "param":
            param = _PARAM.match(value)
            if param is None:
                raise QueryError(f"query {name!r}: '# param: {value}' must read "
                                 "'# param: name — meaning'")
            if param.group(1) in {p.name for p in params}:
                raise QueryError(f"query {name!r}: parameter {param.group(1)!r} is declared twice")
            params.append(Param(param.group(1), param.group(2).strip()))
        else:
            fields[key] = value
    return Query(name=name, text=text, title=fields["title"], description=fields["description"],
                 params=tuple(params), path=path)


def library() -> list[Query]:
    """Every query of the library (``sovkg.queries``), sorted by name.

    Examples
    --------
    >>> any(q.name == "initiatives" for q in library())
    True
    """
    folder = files("sovkg.queries")
    paths = sorted((Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".rq")),
                   key=lambda p: p.stem)
    return [parse_query(p.read_text(encoding="utf-8"), name=p.stem, path=p) for p in paths]


def load_query(spec: str | Path) -> Query:
    """The query that ``spec`` names: a library name, a ``.rq`` file, or SPARQL text.

    Parameters
    ----------
    spec
        ``"initiatives"`` (a library name), ``"my.rq"`` (a file), or the text of a
        query (anything with white space or braces in it).

    Raises
    ------
    QueryError
        If ``spec`` is none of these; the message says how to list the library.
    """
    if isinstance(spec, Path) or str(spec).endswith(".rq"):
        path = Path(spec)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"query file {path}: cannot be read ({_reason(exc)})") from None
        return parse_query(text, name=path.name, path=path)
    spec = str(spec)
    for query in library():
        if query.name == spec:
            return query
    if re.search(r"[\s{}]", spec):
        return parse_query(spec)
    raise QueryError(f"no query named {spec!r}; `sovkg queries` lists the library, "
                     "or give a .rq file or the SPARQL text")


def _reason(exc: BaseException) -> str:
    """The first line of what ``exc`` says, for a one-line error message."""
    text = getattr(exc, "strerror", None) or str(exc)
    return " ".join(text.splitlines()[0].split()) if text.strip() else type(exc).__name__


# ---------------------------------------------------------------------------
# Parameters: strings to RDF terms, terms to escaped SPARQL
# ---------------------------------------------------------------------------

# Characters that may not stand in an IRI reference (SPARQL's IRIREF), besides controls
# and white space; rejecting them is what keeps an IRI from closing its angle brackets.
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20\x7f]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*\Z")
# a prefixed name; the local part may hold "/" too (doc:<file>/antwort), as typed in a shell
_PNAME = re.compile(r"([A-Za-z][\w.-]*)?:([\w.%/-][\w.%:/#-]*)?\Z")
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@(\S+)|\^\^(\S+))?\Z', re.DOTALL)
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def parse_value(text: str, prefixes: Mapping[str, str] = KNOWN_PREFIXES) -> URIRef | Literal:
    """The RDF term a parameter value written on the command line stands for.

    * ``<https://…>``, ``https://…`` or ``urn:…`` — an IRI;
    * ``e:nrw-genius`` — an IRI, if ``e`` is a known prefix (the query's or the build's);
    * ``"text"``, ``"text"@de``, ``"5"^^xsd:integer`` — a literal in Turtle syntax;
    * anything else — a plain string literal, exactly as written.

    Parameters
    ----------
    text
        The value as typed.
    prefixes
        Prefix → namespace IRI.

    Raises
    ------
    ParameterError
        If the value is meant as an IRI or typed literal but is not a valid one.

    Examples
    --------
    >>> parse_value("e:nrw-genius")
    rdflib.term.URIRef('https://w3id.org/sovkg/id/entity/nrw-genius')
    >>> parse_value('"18/13128"')
    rdflib.term.Literal('18/13128')
    >>> parse_value('x" } UNION { ?s ?p ?o')
    rdflib.term.Literal('x" } UNION { ?s ?p ?o')
    """
    if text.startswith("<"):
        if not text.endswith(">"):
            raise ParameterError(f"{text[:80]!r} opens an IRI with < but does not close it with >")
        return check_iri(text[1:-1])
    if text.startswith('"'):
        match = _LITERAL.match(text)
        if match is None:
            raise ParameterError(f"{text!r} is not a literal; write \"text\", \"text\"@de "
                                 "or \"5\"^^xsd:integer")
        lexical = re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", _unescape, match.group(1))
        lang, datatype = match.group(2), match.group(3)
        if lang is not None:
            if not _LANG.match(lang):
                raise ParameterError(f"{text!r}: {lang!r} is not a language tag")
            return Literal(lexical, lang=lang)
        if datatype is not None:
            dt = parse_value(datatype, prefixes)
            if not isinstance(dt, URIRef):
                raise ParameterError(f"{text!r}: the datatype must be an IRI")
            return Literal(lexical, datatype=dt)
        return Literal(lexical)
    pname = _PNAME.match(text)
    if pname and (pname.group(1) or "") in prefixes and not text.startswith(("http:", "https:", "urn:")):
        return check_iri(prefixes[pname.group(1) or ""] + (pname.group(2) or ""))
    if re.match(r"(https?|urn|file|mailto|tag):", text) and not re.search(r"\s", text):
        return check_iri(text)
    return Literal(text)


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "uU" and len(code) > 1:
        return chr(int(code[1:], 16))
    if code not in _ESCAPES:
        raise ParameterError(f"\\{code} is not an escape of a SPARQL string")
    return _ESCAPES[code]


def check_iri(value: str) -> URIRef:
    """``value`` as an IRI, if it is an absolute IRI that cannot break out of ``<…>``.

    Raises
    ------
    ParameterError
        If it has no scheme, or holds white space or one of ``<>"{}|^`\\``.

    Examples
    --------
    >>> check_iri("https://w3id.org/sovkg/id/entity/ki")
    rdflib.term.URIRef('https://w3id.org/sovkg/id/entity/ki')
    """
    if not _SCHEME.match(value) or _IRI_FORBIDDEN.search(value):
        shown = value if len(value) <= 80 else value[:77] + "..."
        raise ParameterError(f"{shown!r} is not an absolute IRI (no scheme, or white space or "
                             "one of <>\"{}|^`\\ in it)")
    return URIRef(value)


def bind(query: Query, params: Mapping[str, object] | None) -> dict[str, Node]:
    """Check ``params`` against the query's declared parameters and make them terms.

    Values may be strings (read with :func:`parse_value`) or rdflib terms.

    Raises
    ------
    ParameterError
        Naming the query, if a parameter is unknown, missing, or not a valid term.
    """
    params = dict(params or {})
    declared = query.param_names
    unknown = sorted(set(params) - set(declared))
    if unknown:
        wanted = ", ".join(declared) if declared else "none"
        raise ParameterError(f"query {query.name!r} has no parameter {unknown[0]!r} "
                             f"(it takes: {wanted}); `sovkg queries {query.name}` shows them")
    missing = [name for name in declared if name not in params]
    if missing:
        raise ParameterError(f"query {query.name!r} needs --param {missing[0]}=VALUE "
                             f"({_meaning(query, missing[0])})")
    bound: dict[str, Node] = {}
    for name, value in params.items():
        try:
            if isinstance(value, URIRef):
                bound[name] = check_iri(str(value))
            elif isinstance(value, (Literal, BNode)):
                bound[name] = value
            elif isinstance(value, str):
                bound[name] = parse_value(value, query.prefixes)
            else:
                bound[name] = Literal(value)
        except ParameterError as exc:
            raise ParameterError(f"query {query.name!r}, parameter {name!r}: {exc}") from None
    return bound


def _meaning(query: Query, name: str) -> str:
    return next(p.meaning for p in query.params if p.name == name)


def term_n3(term: Node) -> str:
    """``term`` in SPARQL syntax, escaped so that no value can end its own token.

    IRIs are checked by :func:`check_iri`; literals are always written in short double
    quotes with every backslash, quote and line break escaped.

    Examples
    --------
    >>> term_n3(Literal('a" } UNION { ?s ?p ?o }'))
    '"a\\\\" } UNION { ?s ?p ?o }"'
    """
    if isinstance(term, URIRef):
        return f"<{check_iri(str(term))}>"
    if isinstance(term, Literal):
        quoted = quote_string(str(term))
        if term.language:
            if not _LANG.match(term.language):
                raise ParameterError(f"{term.language!r} is not a language tag")
            return f"{quoted}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{quoted}^^<{check_iri(str(term.datatype))}>"
        return quoted
    raise ParameterError(f"{term!r} cannot be sent to an endpoint; use an IRI or a literal")


def values_clause(bindings: Mapping[str, Node]) -> str:
    """A trailing ``VALUES`` block that binds ``bindings`` on any SPARQL 1.1 endpoint.

    Examples
    --------
    >>> values_clause({"entity": URIRef("https://w3id.org/sovkg/id/entity/ki")})
    '\\nVALUES (?entity) { (<https://w3id.org/sovkg/id/entity/ki>) }\\n'
    """
    if not bindings:
        return ""
    names = sorted(bindings)
    for name in names:
        if not _NAME.match(name):
            raise ParameterError(f"{name!r} is not a SPARQL variable name")
    variables = " ".join(f"?{n}" for n in names)
    terms = " ".join(term_n3(bindings[n]) for n in names)
    return f"\nVALUES ({variables}) {{ ({terms}) }}\n"


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

Row = tuple[Union[Node, None], ...]
Triple = tuple[Node, Node, Node]


@dataclass(frozen=True, slots=True)
class Results:
    """What a query returned, as rdflib terms whatever the backend.

    ``kind`` is ``"select"`` (``vars`` and ``rows``; an unbound cell is ``None``),
    ``"ask"`` (``boolean``) or ``"graph"`` (``triples`` of CONSTRUCT or DESCRIBE).
    ``truncated`` is true when a row limit cut the rows short.
    """

    kind: Kind["select", "ask", "graph"]
    vars: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()
    truncated: bool = False
    elapsed: float = field(default=0.0, compare=False)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def dicts(self) -> list[dict[str, Node]]:
        """Each row as ``{variable: term}``, without the unbound ones."""
        return [{v: t for v, t in zip(self.vars, row) if t is not None} for row in self.rows]

    def column(self, name: str) -> list[Node | None]:
        index = self.vars.index(name)
        return [row[index] for row in self.rows]


# ---------------------------------------------------------------------------
# Running a query
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A remote SPARQL 1.1 endpoint, queried through SPARQLWrapper.

    ``timeout`` is in seconds. The library's queries expect the default graph to be
    the union of the named graphs (Oxigraph: ``--union-default-graph``; Fuseki:
    ``tdb2:unionDefaultGraph true``; GraphDB does so by default).
    """

    url: str
    timeout: float = 60.0


Source = Union["pyoxigraph.Store", "Graph", Endpoint]

#: The limits of a query run from Python unless the caller sets others.
DEFAULT_MAX_ROWS = 100_000
DEFAULT_TIMEOUT = 60.0


def run(
    query: Query | str,
    source: Source,
    *,
    params: Mapping[str, object] | None = None,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    deadline: float | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
    allow_service: bool = False,
) -> Results:
    """Run ``query`` on ``source`` with ``params`` bound as RDF terms.

    Parameters
    ----------
    query
        A :class:`Query`, or what :func:`load_query` accepts (a library name, a
        ``.rq`` file, SPARQL text).
    source
        A :class:`pyoxigraph.Store`, an rdflib ``Graph``/``Dataset`` (queried as a
        union of its graphs), or an :class:`Endpoint`.
    params
        Values of the query's declared parameters: strings as on the command line
        (see :func:`parse_value`) or rdflib terms.
    max_rows
        Stop after this many rows and mark the results ``truncated`` (default
        100,000; None for no limit).
    deadline
        A :func:`time.monotonic` time after which reading rows stops with
        :class:`QueryTimeout`; else ``timeout`` seconds from now (default 60; None
        for none). A query stops at its next row: a store still computing a sort
        cannot be stopped inside this process (``sovkg query`` and ``sovkg serve``
        end the process that runs it).
    default_graphs, named_graphs
        The SPARQL Protocol's dataset (IRIs); empty means the union of all graphs.
        Only the Oxigraph backend and endpoints take them.
    allow_service
        Run ``SERVICE`` clauses on the local stores, which makes the store fetch from
        whatever host a query names. Off by default: a query must never make sovkg
        contact a host the user did not name.

    Raises
    ------
    QueryError
        If the query cannot be parsed or run, or is an update (every backend here
        is read-only).
    ParameterError
        If a parameter is unknown, missing or invalid.
    EndpointError
        If the endpoint cannot be reached or answers with an error.

    Examples
    --------
    >>> from rdflib import Dataset
    >>> run("SELECT ?x WHERE { }", Dataset()).vars
    ('x',)
    """
    query = query if isinstance(query, Query) else load_query(query)
    if _looks_like_update(query.text):
        raise QueryError(f"query {query.name!r} is an update; sovkg only reads")
    if not allow_service and not isinstance(source, Endpoint) and uses_service(query.text):
        raise QueryError(f"query {query.name!r} uses SERVICE, which would fetch from other hosts; "
                         "federation is off (sovkg query --allow-service runs it on a trusted machine)")
    bindings = bind(query, params)
    started = time.monotonic()
    if deadline is None and timeout is not None:
        deadline = started + timeout
    if isinstance(source, Endpoint):
        results = _run_endpoint(query, source, bindings, default_graphs, named_graphs)
        results = _limited(results, max_rows)
    elif is_oxigraph(source):
        results = _run_oxigraph(query, source, bindings, max_rows, deadline, default_graphs, named_graphs)
    elif _is_rdflib(source):
        if default_graphs or named_graphs:
            raise QueryError("default-graph-uri and named-graph-uri need the Oxigraph backend")
        results = _run_rdflib(query, source, bindings, max_rows, deadline)
    else:
        raise TypeError(f"cannot query a {type(source).__name__}; give a pyoxigraph.Store, "
                        "an rdflib Graph or an Endpoint")
    return _with_elapsed(results, time.monotonic() - started)


def _with_elapsed(results: Results, elapsed: float) -> Results:
    return Results(results.kind, results.vars, results.rows, results.boolean, results.triples,
                   results.truncated, elapsed)


def _limited(results: Results, max_rows: int | None) -> Results:
    if max_rows is None or len(results.rows) <= max_rows:
        return results
    return Results(results.kind, results.vars, results.rows[:max_rows], truncated=True)


def _take(rows: Iterable[Row], query: Query, max_rows: int | None, deadline: float | None
          ) -> tuple[list[Row], bool]:
    taken: list[Row] = []
    for row in rows:
        if max_rows is not None and len(taken) >= max_rows:
            return taken, True
        if deadline is not None and time.monotonic() > deadline:
            raise QueryTimeout(f"query {query.name!r} ran out of time; narrow it (LIMIT, a "
                               "parameter) or raise the timeout")
        taken.append(row)
    return taken, False


def is_oxigraph(source: object) -> bool:
    return type(source).__module__.startswith("pyoxigraph")


def _is_rdflib(source: object) -> bool:
    from rdflib import Graph

    return isinstance(source, Graph)


def _syntax_error(query: Query, exc: BaseException) -> QueryError:
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:197] + "..."
    return QueryError(f"query {query.name!r} is not valid SPARQL: {message}")


def _run_oxigraph(query: Query, store: pyoxigraph.Store, bindings: Mapping[str, Node],
                  max_rows: int | None, deadline: float | None,
                  default_graphs: Sequence[str], named_graphs: Sequence[str]) -> Results:
    import pyoxigraph as ox

    options: dict[str, Any] = {
        "substitutions": {ox.Variable(name): _to_oxigraph(term) for name, term in bindings.items()},
    }
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(check_iri(g)) for g in default_graphs]
    elif not _has_default_graph(store):
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(check_iri(g)) for g in named_graphs]
    try:
        result = store.query(query.text, **options)
    except SyntaxError as exc:
        raise _syntax_error(query, exc) from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"query {query.name!r} failed: {_reason(exc)}") from None
    try:
        if isinstance(result, ox.QueryBoolean):
            return Results("ask", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            triples, truncated = _take(
                ((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
                 for t in result), query, max_rows, deadline)
            return Results("graph", triples=tuple(triples), truncated=truncated)  # type: ignore[arg-type]
        names = tuple(v.value for v in result.variables)
        rows, truncated = _take(
            (tuple(from_oxigraph(solution[i]) for i in range(len(names))) for solution in result),
            query, max_rows, deadline)
    except (OSError, ValueError) as exc:  # evaluation errors surface while iterating
        raise QueryError(f"query {query.name!r} failed: {_reason(exc)}") from None
    return Results("select", vars=names, rows=tuple(rows), truncated=truncated)


def _has_default_graph(store: pyoxigraph.Store) -> bool:
    """Whether the default graph holds triples (see :func:`sovkg.graph.store.merge_default_graph`)."""
    import pyoxigraph as ox

    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def _to_oxigraph(term: Node) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ParameterError(f"{term!r} is not an IRI, blank node or literal")


_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def from_oxigraph(term: Any) -> Node | None:
    """An Oxigraph term as the rdflib term that rdflib's own parser would make."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "BlankNode":
        return BNode(term.value)
    if kind == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # RDF-star triples and anything newer, as text


def _run_rdflib(query: Query, graph: Graph, bindings: Mapping[str, Node],
                max_rows: int | None, deadline: float | None) -> Results:
    from pyparsing import ParseBaseException
    from rdflib import Variable

    try:
        result = graph.query(query.text, initBindings={Variable(k): v for k, v in bindings.items()})
    except ParseBaseException as exc:
        raise _syntax_error(query, exc) from None
    except Exception as exc:  # rdflib raises plain Exceptions for unsupported features
        raise QueryError(f"query {query.name!r} failed: {_reason(exc)}") from None
    if result.type == "ASK":
        return Results("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples, truncated = _take(iter(result.graph), query, max_rows, deadline)  # type: ignore[arg-type]
        return Results("graph", triples=tuple(sorted(triples)), truncated=truncated)  # type: ignore[arg-type]
    names = tuple(str(v) for v in result.vars or ())
    rows, truncated = _take((tuple(row) for row in result), query, max_rows, deadline)
    return Results("select", vars=names, rows=tuple(rows), truncated=truncated)


_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_PROLOGUE = re.compile(r"\s*(?:(?:#[^\n]*)|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))",
                       re.IGNORECASE)


#: what is no keyword: strings, IRIs and comments (a "SERVICE" inside them is no clause)
_NOT_KEYWORDS = re.compile(r'''"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>\s"{}|^`]*>|#[^\n]*''')
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def uses_service(text: str) -> bool:
    """Whether a query has a ``SERVICE`` clause (federation), outside strings, IRIs and comments.

    >>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * { ?s ?p "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", text)))


def _looks_like_update(text: str) -> bool:
    """Whether the first keyword after comments, PREFIX and BASE starts a SPARQL update."""
    position = 0
    while (match := _PROLOGUE.match(text, position)) and match.end() > position:
        position = match.end()
    return bool(_UPDATE.match(text, position + len(text[position:]) - len(text[position:].lstrip())))


def _run_endpoint(query: Query, endpoint: Endpoint, bindings: Mapping[str, Node],
                  default_graphs: Sequence[str], named_graphs: Sequence[str]) -> Results:
    from urllib.error import URLError

    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    from sovkg import __version__

    client = SPARQLWrapper(endpoint.url, agent=f"sovkg/{__version__}")
    client.setMethod(POST)
    client.setOnlyConneg(True)
    client.setTimeout(max(1, int(endpoint.timeout)))
    client.setQuery(query.text + values_clause(bindings))
    if client.isSparqlUpdateRequest():
        raise QueryError(f"query {query.name!r} is an update; sovkg only reads")
    if bindings:
        _check_projected(query, bindings)
    for graph in default_graphs:
        client.addDefaultGraph(check_iri(graph))
    for graph in named_graphs:
        client.addNamedGraph(check_iri(graph))
    graph_form = client.queryType in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(TURTLE if graph_form else JSON)
    where = _safe_url(endpoint.url)
    try:
        response = client.query()
        body = response.response.read()
    except SPARQLWrapperException as exc:
        first = " ".join(str(exc).split())[:200]
        raise EndpointError(f"endpoint {where} refused query {query.name!r}: {first}") from None
    except (URLError, OSError, TimeoutError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EndpointError(f"endpoint {where} cannot be reached ({reason}); is it running, "
                            "and is the URL its SPARQL query URL?") from None
    if graph_form:
        from rdflib import Graph

        graph = Graph()
        try:
            graph.parse(data=body, format="turtle")
        except Exception as exc:
            raise EndpointError(f"endpoint {where} sent no Turtle for {query.name!r}: "
                                f"{_reason(exc)}") from None
        return Results("graph", triples=tuple(sorted(graph)))  # type: ignore[arg-type]
    try:
        return results_from_json(json.loads(body))
    except (ValueError, KeyError, TypeError) as exc:
        raise EndpointError(f"endpoint {where} sent no SPARQL JSON results for {query.name!r} "
                            f"({_reason(exc)})") from None


def _safe_url(url: str) -> str:
    """The URL without any user name or password in it, for messages."""
    return re.sub(r"//[^/@]*@", "//", url)


def _check_projected(query: Query, bindings: Mapping[str, Node]) -> None:
    """A trailing VALUES block only binds what the query projects: check it does."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(query.text)[1]
    except ParseBaseException:
        return  # the endpoint will say what is wrong
    # rdflib's parse tree answers .get() of a missing key with the key's name: use keys()
    if "valuesClause" in parsed.keys():
        raise QueryError(f"query {query.name!r} ends in a VALUES block; parameters cannot "
                         "be bound on an endpoint as well")
    if parsed.name != "SelectQuery" or "projection" not in parsed.keys():
        return  # SELECT * projects everything in scope; other forms bind the template
    projected = {str(p["var"] if "var" in p.keys() else p["evar"]) for p in parsed["projection"]}
    for name in bindings:
        if name not in projected:
            raise QueryError(f"query {query.name!r}: parameter ?{name} must be in the SELECT "
                             "to be bound on an endpoint")


def results_from_json(data: Mapping[str, Any]) -> Results:
    """SPARQL 1.1 JSON results as :class:`Results`.

    Examples
    --------
    >>> results_from_json({"head": {}, "boolean": True}).boolean
    True
    """
    if "boolean" in data:
        return Results("ask", boolean=bool(data["boolean"]))
    names = tuple(data["head"]["vars"])
    rows = tuple(
        tuple(_from_json(binding[name]) if name in binding else None for name in names)
        for binding in data["results"]["bindings"]
    )
    return Results("select", vars=names, rows=rows)


def _from_json(value: Mapping[str, str]) -> Node:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype not in (_XSD_STRING, _LANG_STRING):
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])


# ---------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------

#: Result formats by name, for ``--format`` and the server's ``format=``.
FORMATS: Mapping[str, str] = {
    "table": "text/plain",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}

SELECT_FORMATS = ("table", "json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "nt", "jsonld", "table")


def format_results(results: Results, fmt: str = "table", *, width: int = 60,
                   prefixes: Mapping[str, str] = KNOWN_PREFIXES) -> str:
    """``results`` as text in ``fmt``.

    Parameters
    ----------
    results
        What :func:`run` returned.
    fmt
        ``table`` (for reading: IRIs shortened with ``prefixes``, cells cut to
        ``width`` characters), ``json`` (SPARQL 1.1 JSON results), ``xml``, ``csv``
        and ``tsv`` (SPARQL 1.1 CSV/TSV); graphs also as ``turtle``, ``nt``, ``jsonld``.

    Raises
    ------
    QueryError
        If the format does not fit the kind of results.
    """
    if results.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"a CONSTRUCT or DESCRIBE query gives a graph; use --format "
                             f"{'|'.join(GRAPH_FORMATS[:3])}, not {fmt}")
        return _graph_text(results, "turtle" if fmt == "table" else fmt, prefixes)
    if fmt not in SELECT_FORMATS:
        raise QueryError(f"--format {fmt} is for graphs; use one of {', '.join(SELECT_FORMATS)}")
    return {"table": lambda: _table(results, width, prefixes), "json": lambda: _json(results),
            "xml": lambda: _xml(results), "csv": lambda: _csv(results),
            "tsv": lambda: _tsv(results)}[fmt]()


def _graph_text(results: Results, fmt: str, prefixes: Mapping[str, str]) -> str:
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in prefixes.items():
        graph.bind(prefix, namespace, override=True)
    for triple in results.triples:
        graph.add(triple)
    rdflib_format = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]
    return graph.serialize(format=rdflib_format)


def _json(results: Results) -> str:
    if results.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(results.boolean)}) + "\n"
    bindings = [
        {name: _json_term(term) for name, term in zip(results.vars, row) if term is not None}
        for row in results.rows
    ]
    data = {"head": {"vars": list(results.vars)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    value = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None:
        value["datatype"] = str(term.datatype)
    return value


def _xml(results: Results) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if results.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if results.boolean else 'false'}</boolean>"]
    else:
        out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in results.vars) + "</head>")
        out.append("<results>")
        for row in results.rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(results.vars, row) if t is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{xml_escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{xml_escape(str(term))}</bnode>"
    assert isinstance(term, Literal)
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{xml_escape(str(term))}</literal>"
    if term.datatype is not None:
        return f"<literal datatype={quoteattr(str(term.datatype))}>{xml_escape(str(term))}</literal>"
    return f"<literal>{xml_escape(str(term))}</literal>"


def _csv(results: Results) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if results.kind == "ask":
        writer.writerows([["boolean"], ["true" if results.boolean else "false"]])
        return buffer.getvalue()
    writer.writerow(results.vars)
    for row in results.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return buffer.getvalue()


def _tsv(results: Results) -> str:
    if results.kind == "ask":
        return "?boolean\n" + ("true" if results.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in results.vars)]
    for row in results.rows:
        lines.append("\t".join("" if t is None else _tsv_term(t) for t in row))
    return "\n".join(lines) + "\n"


def _tsv_term(term: Node) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return f"<{term}>"
    return term_n3(term)


def _table(results: Results, width: int, prefixes: Mapping[str, str]) -> str:
    if results.kind == "ask":
        return ("true" if results.boolean else "false") + "\n"
    by_length = sorted(prefixes.items(), key=lambda item: -len(item[1]))
    cells = [[_cell(t, by_length, width) for t in row] for row in results.rows]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(results.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(results.vars, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    count = len(results.rows)
    note = " (cut at the row limit)" if results.truncated else ""
    lines.append(f"({count} row{'s' if count != 1 else ''}{note})")
    return "\n".join(lines) + "\n"


def _cell(term: Node | None, prefixes: Sequence[tuple[str, str]], width: int) -> str:
    if term is None:
        text = ""
    elif isinstance(term, URIRef):
        text = str(term)
        for prefix, namespace in prefixes:
            if text.startswith(namespace) and len(text) > len(namespace):
                text = f"{prefix}:{text[len(namespace):]}"
                break
    elif isinstance(term, BNode):
        text = f"_:{term}"
    else:
        text = str(term)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------
# pandas
# ---------------------------------------------------------------------------


def to_dataframe(results: Results) -> pandas.DataFrame:
    """SELECT results as a :class:`pandas.DataFrame`, one column per variable.

    IRIs become strings, literals their Python values (numbers, dates, booleans;
    decimals as floats so that pandas can compute with them), unbound cells ``None``.

    Raises
    ------
    QueryError
        If the results are not SELECT results.
    """
    import pandas as pd

    if results.kind != "select":
        raise QueryError("only SELECT results make a table; this query gives "
                         + ("a boolean" if results.kind == "ask" else "a graph"))
    return pd.DataFrame([[_python(t) for t in row] for row in results.rows], columns=list(results.vars))


def _python(term: Node | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        return str(value) if isinstance(value, Literal) else value
    return str(term)


def query_dataframe(query: Query | str, source: Source, *, max_rows: int | None = DEFAULT_MAX_ROWS,
                    timeout: float | None = DEFAULT_TIMEOUT, **params: object) -> pandas.DataFrame:
    """Run a query and return its rows as a DataFrame: the one call a notebook needs.

    Parameters
    ----------
    query
        A library name, ``.rq`` file, SPARQL text or :class:`Query`.
    source
        What :func:`run` accepts; :func:`sovkg.graph.store.load_store` makes one from
        a build.
    max_rows, timeout
        As for :func:`run`.
    **params
        The query's parameters, as strings or rdflib terms.

    Examples
    --------
    >>> from rdflib import Dataset
    >>> query_dataframe("SELECT (1 AS ?one) WHERE { }", Dataset())["one"].tolist()
    [1]
    """
    return to_dataframe(run(query, source, params=params, max_rows=max_rows, timeout=timeout))
