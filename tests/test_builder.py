"""Building a growing corpus: incremental builds, worker processes and Dask give the bytes
of a fresh build; the phases report progress; the cache keeps what documents need."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sovkg.builder import build
from sovkg.cache import CACHE_DIR

DATA = Path(__file__).parent / "data"
ORIGINALS = [*sorted((DATA / "corpus").glob("*.txt")), *sorted((DATA / "parliaments" / "ni").glob("*.txt"))[:3]]
OUTPUTS = ("graph.trig", "graph.ttl", "graph.html")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in ORIGINALS[:-1]:
        shutil.copy(path, folder / path.name)
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _quads(out: Path) -> set[tuple[str, ...]]:
    from sovkg.graph.store import load_store

    import pyoxigraph as ox

    store = load_store(out, backend="oxigraph")  # blank nodes (of the ontology) are named anew by each load
    return {tuple(str(term) for term in quad) for quad in store if not any(isinstance(t, ox.BlankNode) for t in quad)}


def _assert_same_as_fresh(corpus: Path, out: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    build([corpus], fresh, jobs=1)
    assert _outputs(out) == _outputs(fresh)
    assert _quads(out) == _quads(fresh)
    cached = sorted(p.name for p in (out / CACHE_DIR).rglob("*.pickle"))
    assert cached == sorted(p.name for p in (fresh / CACHE_DIR).rglob("*.pickle"))  # nothing stale left


@pytest.mark.slow
def test_adding_changing_and_removing_a_document_rebuilds_only_it(corpus: Path, tmp_path: Path, caplog,
                                                                 monkeypatch) -> None:
    import logging

    monkeypatch.setattr(logging.getLogger("sovkg"), "propagate", True)  # the CLI turns it off
    out = tmp_path / "out"
    first = build([corpus], out, jobs=1)
    assert first.extracted == len(ORIGINALS) - 1 and not first.violations

    shutil.copy(ORIGINALS[-1], corpus / ORIGINALS[-1].name)
    with caplog.at_level("INFO", logger="sovkg.build"):
        added = build([corpus], out, jobs=1)
    assert "from the previous store" in caplog.text  # the store was changed, not loaded again
    assert added.extracted == 1 and added.files_read == len(ORIGINALS)
    _assert_same_as_fresh(corpus, out, tmp_path)

    changed = corpus / ORIGINALS[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDas Lamarr-Institut in Bonn forscht.\n",
                       encoding="utf-8")
    assert build([corpus], out, jobs=1).extracted == 1
    _assert_same_as_fresh(corpus, out, tmp_path)
    assert "Das Lamarr-Institut in Bonn forscht." in (out / "graph.trig").read_text(encoding="utf-8")

    (corpus / ORIGINALS[1].name).unlink()
    removed = build([corpus], out, jobs=1)
    assert removed.extracted == 0 and removed.files_read == len(ORIGINALS) - 1
    _assert_same_as_fresh(corpus, out, tmp_path)
    assert ORIGINALS[1].name not in (out / "graph.trig").read_text(encoding="utf-8")

    again = build([corpus], out, jobs=1, rebuild=True)
    assert again.extracted == len(ORIGINALS) - 1
    _assert_same_as_fresh(corpus, out, tmp_path)


@pytest.mark.slow
def test_two_worker_processes_give_the_bytes_of_one(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    build([corpus], one, jobs=1)
    report = build([corpus], two, jobs=2)
    assert report.extracted == len(ORIGINALS) - 1
    assert _outputs(one) == _outputs(two)
    assert _quads(one) == _quads(two)


@pytest.mark.slow
def test_a_dask_cluster_gives_the_bytes_of_a_local_build(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    build([corpus], local, jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        report = build([corpus], tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address)
    assert report.extracted == len(ORIGINALS) - 1
    assert _outputs(local) == _outputs(tmp_path / "dask")


@pytest.mark.slow
def test_every_phase_reports_progress(corpus: Path, tmp_path: Path) -> None:
    seen: dict[str, list[int]] = {}

    def progress(phase: str, total: int):
        seen[phase] = [total, 0]

        def tick() -> None:
            seen[phase][1] += 1

        return tick

    build([corpus], tmp_path / "out", jobs=1, progress=progress)
    documents = len(ORIGINALS) - 1
    assert seen == {"extracting": [documents, documents], "linking": [documents, documents],
                    "validating": [documents, documents], "writing": [3, 3]}


def test_progress_bars_stay_off_the_log_when_stderr_is_no_terminal(monkeypatch) -> None:
    import io
    import sys

    from sovkg.commands.build import progress_bar

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_bar("extracting", 100) is None


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    from sovkg.cache import BuildCache

    cache = BuildCache(tmp_path)
    cache.put("shard", "ab12", {"a": 1})
    assert cache.get("shard", "ab12") == {"a": 1}
    next((tmp_path / "shard").rglob("*.pickle")).write_bytes(b"\x80\x05broken")
    assert cache.get("shard", "ab12") is None and cache.get("shard", "cd34") is None
    assert cache.prune(["shard"]) == 0  # both keys were used in this run
    assert BuildCache(tmp_path).prune(["shard"]) == 1  # a later run that did not use it removes it


@pytest.mark.parametrize("jobs", [0, -2])
def test_a_wrong_number_of_jobs_is_refused(jobs: int, tmp_path: Path) -> None:
    from sovkg.errors import ConfigError

    with pytest.raises(ConfigError, match="--jobs"):
        build(None, tmp_path / "out", jobs=jobs)
