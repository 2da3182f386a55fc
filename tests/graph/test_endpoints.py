"""Real servers on loopback ports: ``sovkg serve`` and an Oxigraph server that ``sovkg push`` fills.

Both are queried through SPARQLWrapper (``sovkg query --endpoint``) and must answer every
library query as the embedded store does. The servers are subprocesses that a
finalizer always terminates.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from sovkg.graph.sparql import Endpoint, EndpointError, QueryError, library, run
from sovkg.graph.store import count_quads, load_store

pytestmark = pytest.mark.slow


def sovkg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sovkg", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _start_sovkg(build: Path, *options: str) -> Iterator[str]:
    """``sovkg serve --port 0`` and the URL it prints; stopped when the generator closes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sovkg", "serve", "--graph", str(build), "--port", "0", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout=120)
        assert line and "/sparql" in line[0], f"sovkg serve did not start: {process.stderr.read() if process.poll() is not None else ''}"
        url = next(word for word in line[0].split() if word.endswith("/sparql"))
        yield url
    finally:
        _stop(process)


def _oxigraph_binary() -> str:
    beside = Path(sys.executable).with_name("oxigraph")  # a venv's bin/, which need not be on PATH
    found = str(beside) if os.access(beside, os.X_OK) else shutil.which("oxigraph") or ""
    if not found or not os.access(found, os.X_OK):
        pytest.fail("the oxigraph server (PyPI package oxigraph, a test dependency) is not installed")
    return found


@pytest.fixture(scope="module")
def served(sample_build) -> Iterator[str]:
    yield from _start_sovkg(sample_build.out, "--max-rows", "500")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory) -> Iterator[str]:
    """A real, empty Oxigraph server (``--union-default-graph``) on a free loopback port."""
    port = _free_port()
    process = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "oxigraph serve did not start"
                time.sleep(0.2)
        yield base
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def pushed(oxigraph: str, sample_build) -> str:
    """The sample's build pushed into the Oxigraph server; its query URL."""
    result = sovkg("push", "--store", f"{oxigraph}/store", "--graph", str(sample_build.out))
    assert result.returncode == 0, result.stderr
    assert "added to 6 graphs" in result.stdout
    return f"{oxigraph}/query"


@pytest.fixture(scope="module")
def embedded(sample_build):
    return load_store(sample_build.out)


@pytest.mark.parametrize("query", library(), ids=lambda q: q.name)
def test_both_endpoints_answer_as_the_embedded_store(query, embedded, served: str, pushed: str,
                                                    comparable_rows) -> None:
    params = query.examples
    expected = comparable_rows(run(query, embedded, params=params))
    for url in (served, pushed):
        assert comparable_rows(run(query, Endpoint(url), params=params)) == expected, url


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_the_cli_gives_the_same_output_from_every_source(fmt: str, sample_build, served: str, pushed: str) -> None:
    args = ("entity-mentions", "--param", "entity=e:nrw-genius", "--format", fmt)
    outputs = [sovkg("query", *args, "--graph", str(sample_build.out)),
               sovkg("query", *args, "--graph", str(sample_build.out), "--backend", "rdflib"),
               sovkg("query", *args, "--endpoint", served),
               sovkg("query", *args, "--endpoint", pushed)]
    for result in outputs:
        assert result.returncode == 0, result.stderr
    texts = [r.stdout for r in outputs]
    if fmt == "json":
        texts = [json.dumps(sorted(json.loads(t)["results"]["bindings"], key=repr)) for t in texts]
    assert len(set(texts)) == 1
    assert "NRW.Genius" in outputs[0].stdout


EVIL = [
    'x" } UNION { ?entity ?property ?value } #',
    "e:nrw-genius } UNION { ?entity ?property ?value }",
    '"x" . } SELECT * WHERE { ?entity ?property ?value',
]


@pytest.mark.parametrize("evil", EVIL)
def test_an_injection_through_param_returns_nothing(evil: str, sample_build, served: str, pushed: str) -> None:
    for where in (("--graph", str(sample_build.out)), ("--endpoint", served), ("--endpoint", pushed)):
        result = sovkg("query", "entity", "--param", f"entity={evil}", "--format", "json", *where)
        if result.returncode:  # refused as an invalid term: one line, no output
            assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
        else:  # bound as one literal: matches nothing
            assert json.loads(result.stdout)["results"]["bindings"] == [], where


def test_an_iri_that_would_break_out_is_refused_in_one_line(served: str) -> None:
    result = sovkg("query", "entity", "--param", "entity=<https://x.org/a> } UNION { ?s ?p ?o }",
                   "--endpoint", served)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "parameter 'entity'" in result.stderr


def _post(url: str, data: bytes, content_type: str, accept: str = "*/*") -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": content_type, "Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)


UPDATE = "INSERT DATA { <https://x.org/s> <https://x.org/p> <https://x.org/o> }"


def test_updates_to_sovkg_serve_are_refused(served: str, embedded) -> None:
    form = "application/x-www-form-urlencoded"
    for data, kind in ((urllib.parse.urlencode({"update": UPDATE}).encode(), form),
                       (UPDATE.encode(), "application/sparql-update"),
                       (urllib.parse.urlencode({"query": UPDATE}).encode(), form)):
        status, body, _ = _post(served, data, kind)
        assert status == 403 and b"read-only" in body
    request = urllib.request.Request(served, data=b"x", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=30)
    assert info.value.code == 405
    # through SPARQLWrapper, as a client would send it
    from SPARQLWrapper import POST, SPARQLWrapper

    client = SPARQLWrapper(served, updateEndpoint=served)
    client.setMethod(POST)
    client.setQuery(UPDATE)
    with pytest.raises(Exception, match="403|Forbidden|read-only"):
        client.query()
    assert not run("ASK { <https://x.org/s> ?p ?o }", Endpoint(served)).boolean
    with pytest.raises(QueryError, match="update"):
        run(UPDATE, Endpoint(served))


def test_results_by_accept_header(served: str) -> None:
    query = urllib.parse.urlencode({"query": "SELECT ?x WHERE { VALUES ?x { 1 2 } }"}).encode()
    form = "application/x-www-form-urlencoded"
    for accept, start in (("text/csv", b"x\r\n1\r\n"), ("text/tab-separated-values", b"?x\n"),
                          ("application/sparql-results+xml", b"<?xml"),
                          ("application/sparql-results+json", b"{")):
        status, body, headers = _post(served, query, form, accept)
        assert status == 200 and body.startswith(start), accept
        assert headers["Content-Type"].startswith(accept)
    construct = urllib.parse.urlencode(
        {"query": "CONSTRUCT WHERE { <https://w3id.org/sovkg/id/entity/fdp> ?p ?o }"}).encode()
    status, body, headers = _post(served, construct, form, "text/turtle")
    assert status == 200 and b"Freie Demokratische Partei" in body
    status, body, headers = _post(served, construct, form, "application/ld+json")
    assert status == 200 and json.loads(body)
    assert _post(served, query, form, "image/png")[0] == 406


def test_get_and_the_row_limit(served: str) -> None:
    url = served + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    with urllib.request.urlopen(url, timeout=30) as response:
        data = json.loads(response.read())
        assert response.headers["X-Sovkg-Truncated"] == "true"
    assert len(data["results"]["bindings"]) == 500


def test_bad_queries_are_400_with_a_message(served: str) -> None:
    status, body, _ = _post(served, urllib.parse.urlencode({"query": "SELECT ?x WHERE {"}).encode(),
                            "application/x-www-form-urlencoded")
    assert status == 400 and b"not valid SPARQL" in body
    with pytest.raises(EndpointError, match="refused"):
        run("SELECT ?x WHERE {", Endpoint(served))


def test_the_page_lists_the_library_and_loads_nothing_from_the_network(served: str) -> None:
    with urllib.request.urlopen(served[: -len("sparql")], timeout=30) as response:
        page = response.read().decode("utf-8")
    for query in library():
        assert f'"name": "{query.name}"' in page
    lowered = page.lower()
    for needle in ("<script src", "<link", 'src="http', "src='http", 'href="http', "@import", "url(http"):
        assert needle not in lowered, needle


def test_the_page_binds_parameters_as_terms(served: str) -> None:
    text = next(q.text for q in library() if q.name == "entity-mentions")
    form = [("query", text), ("param", "entity=e:nrw-genius")]
    status, body, _ = _post(served, urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) >= 3
    form = [("query", text), ("param", f"entity={EVIL[0]}")]
    status, body, _ = _post(served, urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_push_replace_leaves_each_graph_as_built(oxigraph: str, pushed: str, sample_build, embedded) -> None:
    result = sovkg("push", "--store", f"{oxigraph}/store", "--graph", str(sample_build.out), "--replace")
    assert result.returncode == 0, result.stderr
    count = run("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", Endpoint(pushed))
    assert int(count.rows[0][0]) == count_quads(embedded)


def test_push_to_a_wrong_url_fails_in_one_line(oxigraph: str, sample_build) -> None:
    result = sovkg("push", "--store", f"{oxigraph}/nowhere", "--graph", str(sample_build.out))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "HTTP 404" in result.stderr and "/store" in result.stderr


def test_a_query_past_the_timeout_gets_503(sample_build) -> None:
    server = _start_sovkg(sample_build.out, "--timeout", "1")
    url = next(server)
    try:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        started = time.monotonic()
        status, body, _ = _post(url, urllib.parse.urlencode({"query": heavy}).encode(),
                                "application/x-www-form-urlencoded")
        assert status == 503 and b"longer than 1 s" in body
        assert time.monotonic() - started < 15
    finally:
        server.close()


CHROMIUM = Path("/usr/bin/chromium")


def test_the_page_runs_library_queries_in_a_browser(served: str, tmp_path: Path) -> None:
    """The query page as an analyst uses it: pick an example, run it, read the table."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium, as .ci/run does")
    from playwright.sync_api import sync_playwright

    page_url = served[: -len("sparql")]
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update"])
        try:
            page = context.new_page()
            requests: list[str] = []
            errors: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.goto(page_url)
            page.select_option("#example", "initiatives")
            page.click("#run")
            page.wait_for_selector("#results table")
            assert "NRW.Genius" in page.inner_text("#results")
            assert "rows in" in page.inner_text("#status")
            page.select_option("#example", "entity-mentions")
            assert page.input_value("#params input[name=entity]") == "e:open-source"
            page.click("#run")
            page.wait_for_function("document.querySelector('#status').textContent.includes('rows in')")
            assert "Open" in page.inner_text("#results")
            assert all(url.startswith(page_url) for url in requests), requests
            assert errors == []
        finally:
            context.close()
