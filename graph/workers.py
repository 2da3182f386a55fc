"""Query workers: processes that each hold a copy of the store, so a query can be stopped.

A store that is computing a sort or a join cannot be interrupted from Python: a thread
running it keeps the CPU and the memory until it is done, however long the client has
gone. Each query therefore runs in a worker process; when its deadline passes, the
process is ended (the work really stops) and a new one takes its place. The number of
workers bounds the number of queries that run at once.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sovkg.graph.sparql import QueryError, QueryTimeout, Results

#: How long a worker may take to start (load its store) before the server gives up on it.
START_TIMEOUT = 120.0


@dataclass
class Job:
    query: Any
    params: dict[str, str]
    max_rows: int
    timeout: float
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


class Busy(Exception):
    """Every worker is running a query."""


def _serve(conn: Connection, graph: Path, backend: str | None) -> None:
    """A worker's life: load the store, then answer jobs until told to stop."""
    from sovkg.graph.sparql import run
    from sovkg.graph.store import load_store

    source = load_store(graph, backend=backend)
    conn.send(("ready", None))
    while True:
        try:
            job: Job | None = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            results = run(job.query, source, params=job.params, max_rows=job.max_rows,
                          deadline=time.monotonic() + job.timeout,
                          default_graphs=job.default_graphs, named_graphs=job.named_graphs)
            conn.send(("ok", results))
        except QueryError as exc:
            conn.send(("error", (type(exc).__name__, str(exc))))
        except Exception as exc:  # noqa: BLE001 - the server must answer, whatever the store raised
            conn.send(("error", ("QueryError", f"the store failed on this query ({type(exc).__name__}: {exc})")))


class _Worker:
    def __init__(self, context: Any, graph: Path, backend: str | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, graph, backend), daemon=True)
        self.process.start()
        child.close()

    def ready(self, timeout: float) -> bool:
        return self.conn.poll(timeout) and self.conn.recv()[0] == "ready"

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes over the store of ``graph``."""

    def __init__(self, graph: Path, *, backend: str | None = None, size: int = 4) -> None:
        self.graph, self.backend = graph, backend
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [self._start() for _ in range(size)]
        for worker in workers:
            if not worker.ready(START_TIMEOUT):
                self.close()
                raise QueryError(f"a query worker could not load {graph}")
            self._idle.put(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.graph, self.backend)
        with self._lock:
            self._all.add(worker)
        return worker

    def run(self, job: Job, *, wait: float = 0.5) -> Results:
        """Run ``job`` on an idle worker; :class:`Busy` if none is free within ``wait``
        seconds, :class:`QueryTimeout` (after ending the worker) past the job's timeout."""
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise Busy("every query worker is busy; try again in a moment") from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(job.timeout + 1):
                self._replace(worker)
                worker = None
                raise QueryTimeout(f"query ran longer than {job.timeout:g} s and was stopped; narrow it "
                                   "or start sovkg serve with a longer --timeout")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            worker = None
            raise QueryError("the query worker ended unexpectedly; try again") from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if status == "ok":
            return payload
        name, message = payload
        raise (QueryTimeout if name == "QueryTimeout" else QueryError)(message)

    def _replace(self, worker: _Worker) -> None:
        """End ``worker`` now and start another in the background (the server stays up
        with one worker fewer until it is ready)."""
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        threading.Thread(target=self._refill, daemon=True).start()

    def _refill(self) -> None:
        if self._closed:
            return
        worker = self._start()
        if worker.ready(START_TIMEOUT) and not self._closed:
            self._idle.put(worker)
        else:
            worker.stop()

    def close(self) -> None:
        """End every worker, running or idle."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()
