"""``sovkg serve`` under hostile clients: the real server process on a loopback port.

Expensive queries are stopped at their timeout and leave the server answering; the
request line and body are checked before anything is read; federation is refused;
hundreds of clients and idle sockets do not starve anyone; SIGTERM ends it promptly.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CHEAP = "ASK {}"


def _start(build: Path, *options: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "sovkg", "serve", "--graph", str(build), "--port", "0", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    line = process.stdout.readline()
    assert "/sparql" in line, process.stderr.read()
    return process, next(word for word in line.split() if word.endswith("/sparql"))


@pytest.fixture()
def server(sample_build) -> Iterator[tuple[subprocess.Popen, str]]:
    process, url = _start(sample_build.out, "--timeout", "2", "--workers", "4")
    yield process, url
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)


def _get(url: str, query: str, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode({'query': query})}", timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _quietly(url: str, query: str) -> None:
    """A request whose answer does not matter (the server may end under it)."""
    try:
        _get(url, query)
    except OSError:
        pass


def _raw(url: str, request: bytes, timeout: float = 10) -> bytes:
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def test_service_is_refused(server) -> None:
    _, url = server
    status, body = _get(url, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body


@pytest.mark.parametrize("clients", [4, 20])
def test_expensive_queries_are_stopped_and_the_server_answers_again(server, clients: int) -> None:
    _, url = server
    with ThreadPoolExecutor(clients) as pool:
        statuses = list(pool.map(lambda _: _get(url, HEAVY)[0], range(clients)))
    assert set(statuses) == {503}  # stopped at the timeout, or refused while all workers were busy
    deadline = time.monotonic() + 60
    while True:  # the ended workers are replaced; then a cheap query is quick again
        started = time.monotonic()
        status, body = _get(url, CHEAP)
        if status == 200:
            assert time.monotonic() - started < 1 and b"true" in body
            break
        assert time.monotonic() < deadline, body


def test_sigterm_ends_the_server_and_its_workers_within_5_s(server) -> None:
    process, url = server
    threading.Thread(target=_quietly, args=(url, HEAVY), daemon=True).start()
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=5)


@pytest.mark.parametrize(("length", "status"), [(b"-1", b"400"), (b"abc", b"400"), (b"100000000", b"413")])
def test_bad_content_lengths_are_refused_without_reading(server, length: bytes, status: bytes) -> None:
    _, url = server
    started = time.monotonic()
    answer = _raw(url, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                       b"Content-Length: " + length + b"\r\n\r\nASK {}")
    assert answer.split(b" ", 2)[1] == status and time.monotonic() - started < 5


def test_head_and_options(server) -> None:
    _, url = server
    assert _raw(url.removesuffix("sparql"), b"HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startswith(b"HTTP/1.1 200")
    options = _raw(url, b"OPTIONS /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert options.startswith(b"HTTP/1.1 204") and b"Allow: GET, HEAD, POST, OPTIONS" in options


def test_idle_sockets_do_not_block_other_clients(server) -> None:
    _, url = server
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    idle = [socket.create_connection((host, int(port))) for _ in range(100)]
    try:
        started = time.monotonic()
        assert _get(url, CHEAP)[0] == 200
        assert time.monotonic() - started < 2
    finally:
        for sock in idle:
            sock.close()


def test_two_hundred_clients_for_ten_seconds(server) -> None:
    _, url = server
    stop = time.monotonic() + 10
    latencies: list[float] = []
    statuses: list[int] = []

    def client() -> None:
        while time.monotonic() < stop:
            started = time.monotonic()
            status, _ = _get(url, CHEAP, timeout=10)
            latencies.append(time.monotonic() - started)
            statuses.append(status)

    threads = [threading.Thread(target=client) for _ in range(200)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert set(statuses) <= {200, 503} and statuses.count(200) > 0
    assert max(latencies) < 2, f"slowest request took {max(latencies):.2f} s"
