"""Where a build's per-document work runs: here, in local worker processes, or on Dask.

Extracting and rendering one document depends on nothing but its inputs, so the work
can go anywhere; the results come back in the order of the inputs, which is what makes
a build with ``--jobs 2`` or on a Dask cluster byte-identical to one with ``--jobs 1``.
Linking and writing stay in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

from sovkg.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "dask")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``items``, results in the order of the items, as they are ready."""

    def close(self) -> None: ...


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Serial:
    """Everything in this process (``--jobs 1``): no start-up cost, nothing to pickle."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)

    def close(self) -> None:
        pass


class Processes:
    """Local worker processes. Each loads the pipeline once, on its first document.

    On Linux they are forked, so they start at once and share the parent's imports.
    """

    def __init__(self, jobs: int) -> None:
        method = "fork" if sys.platform.startswith("linux") else None  # macOS: forking is unsafe there
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                         initializer=_die_with_parent)
        self.jobs = jobs

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return windowed(self._pool.submit, fn, items, 4 * self.jobs)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _die_with_parent() -> None:
    """A worker ends when the build does, even when the build is killed: an orphan would
    go on using a core and hold the build's output pipes open (Linux; elsewhere a no-op)."""
    import ctypes
    import ctypes.util
    import signal

    name = ctypes.util.find_library("c")
    if name and hasattr(ctypes.CDLL(name), "prctl"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(name).prctl(pr_set_pdeathsig, signal.SIGKILL)


class Dask:
    """The workers of a Dask distributed cluster (``--executor dask --scheduler ADDRESS``).

    The workers need sovkg installed and the input files at the same paths (a shared
    file system); only records travel between them and this process.
    """

    def __init__(self, scheduler: str | object) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--executor dask needs dask.distributed: pip install 'sovkg[dask]'") from None
        self._own = isinstance(scheduler, str)
        try:
            self.client = Client(scheduler, timeout="20s") if self._own else scheduler
        except OSError as exc:
            raise ConfigError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        return windowed(lambda f, item: self.client.submit(f, item, pure=False), fn, items, 4 * workers)

    def close(self) -> None:
        if self._own:
            self.client.close()


def windowed(submit: Callable, fn: Callable[[T], R], items: Iterable[T], window: int) -> Iterator[R]:
    """Results of ``fn`` over ``items`` in order, with at most ``window`` submitted and not
    yet taken: the items (a generator of records, say) are made no faster than the
    workers use them, so memory stays bounded whatever the corpus."""
    from collections import deque

    pending: deque = deque()
    for item in items:
        pending.append(submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def executor_for(kind: str = "local", *, jobs: int | None = None, scheduler: str | object | None = None) -> Executor:
    """The executor a build asked for: ``local`` with ``jobs`` processes (default: the
    cores), or ``dask`` on the cluster whose scheduler is ``scheduler``."""
    if kind == "dask":
        if scheduler is None:
            raise ConfigError("--executor dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return Dask(scheduler)
    if kind != "local":
        raise ConfigError(f"--executor must be one of {', '.join(EXECUTORS)}, not {kind!r}")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, not {jobs}")
    return Serial() if jobs == 1 else Processes(jobs)
