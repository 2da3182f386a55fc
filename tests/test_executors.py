"""Executors: results in the order of the inputs, inputs taken no faster than used."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from sovkg.errors import ConfigError
from sovkg.executors import Processes, Serial, executor_for, windowed


def _square(n: int) -> int:
    return n * n


def test_windowed_keeps_order_and_takes_inputs_only_as_results_are_used() -> None:
    taken, outstanding, most = [], [], [0]

    def submit(fn, item) -> Future:
        future: Future = Future()
        future.set_result(fn(item))
        outstanding.append(item)
        most[0] = max(most[0], len(outstanding))
        return future

    def items():
        for n in range(10):
            taken.append(n)
            yield n

    results = []
    for result in windowed(submit, _square, items(), window=3):
        results.append(result)
        outstanding.pop(0)
        assert len(taken) <= len(results) + 3
    assert results == [n * n for n in range(10)] and most[0] == 3


def test_local_processes_return_results_in_order() -> None:
    pool = Processes(2)
    try:
        assert list(pool.map(_square, range(20))) == [n * n for n in range(20)]
    finally:
        pool.close()


def test_the_executor_asked_for() -> None:
    assert isinstance(executor_for("local", jobs=1), Serial)
    with pytest.raises(ConfigError, match="--scheduler"):
        executor_for("dask")
    with pytest.raises(ConfigError, match="--executor"):
        executor_for("spark")
