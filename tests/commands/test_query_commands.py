"""``sovkg queries``, ``query``, ``serve`` and ``push`` as users run them: subprocesses, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sovkg.graph.sparql import library


def sovkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sovkg", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300, cwd=cwd)


def test_help_lists_the_query_commands() -> None:
    result = sovkg("--help")
    for command in ("queries", "query", "serve", "push"):
        assert command in result.stdout


def test_queries_lists_the_library_with_titles_and_parameters() -> None:
    result = sovkg("queries")
    assert result.returncode == 0, result.stderr
    for query in library():
        assert query.name in result.stdout and query.title in result.stdout
    assert "evidence" in result.stdout and "--param s=… --param p=… --param o=…" in result.stdout


def test_queries_name_shows_the_query() -> None:
    result = sovkg("queries", "initiatives")
    assert result.returncode == 0 and result.stdout.startswith("# title: Initiatives")


@pytest.mark.parametrize(("args", "message"), [
    (("query", "nonesuch"), "no query named 'nonesuch'"),
    (("query", "entity"), "query 'entity' needs --param entity=VALUE"),
    (("query", "initiatives", "--param", "x=1"), "query 'initiatives' has no parameter 'x'"),
    (("query", "initiatives", "--param", "novalue"), "must read NAME=VALUE"),
])
def test_query_errors_are_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = sovkg(*args, "--graph", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_query_without_a_build_says_how_to_make_one(tmp_path: Path) -> None:
    result = sovkg("query", "initiatives", cwd=tmp_path)
    assert result.returncode == 1
    assert "sovkg-out: no graph.trig here; run `sovkg build --out sovkg-out` first" in result.stderr


@pytest.mark.slow
def test_query_a_build_in_each_format(sample_build) -> None:
    out = str(sample_build.out)
    table = sovkg("query", "initiatives", "--graph", out)
    assert table.returncode == 0 and "NRW.Genius" in table.stdout and "rows)" in table.stdout
    csv = sovkg("query", "initiatives", "--graph", out, "--format", "csv", "--backend", "rdflib")
    assert csv.stdout.startswith("initiative,label,") and "NRW.Genius" in csv.stdout
    graph = sovkg("query", "DESCRIBE <https://w3id.org/sovkg/id/entity/nrw-genius>", "--graph", out)
    assert graph.returncode == 0 and "NRW.Genius" in graph.stdout
    bad = sovkg("query", "initiatives", "--graph", out, "--format", "turtle")
    assert bad.returncode == 1 and "--format turtle is for graphs" in bad.stderr
