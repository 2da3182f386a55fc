"""The command line, run as users run it: in a subprocess, from another folder."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "corpus"


def sovkg(*args: str, cwd: Path, seed: str = "0") -> subprocess.CompletedProcess:
    # a fixed build date (reproducible builds' SOURCE_DATE_EPOCH), so that builds either
    # side of midnight are the same bytes too
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run(
        [sys.executable, "-m", "sovkg", *args], cwd=cwd, env=env,
        capture_output=True, text=True, encoding="utf-8", timeout=600,
    )


def _digests(folder: Path) -> dict[str, str]:
    """The build's files (not the store's database files, which RocksDB names and packs its own way)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_help_is_instant_and_lists_build(tmp_path: Path) -> None:
    result = sovkg("--help", cwd=tmp_path)
    assert result.returncode == 0 and "build" in result.stdout


@pytest.mark.slow
def test_build_without_arguments_builds_the_bundled_sample(tmp_path: Path) -> None:
    result = sovkg("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "sovkg-out"
    assert sorted(p.name for p in out.iterdir()) == [".sovkg-cache", ".sovkg-manifest", "graph.html", "graph.trig",
                                                     "graph.ttl", "store"]
    assert "documents: 2 (from 1 file)" in result.stdout  # the Kleine Anfrage and its Antwort
    assert "validation: passed" in result.stdout
    assert str(Path("sovkg-out") / "graph.html") in result.stdout


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Different hash seeds, different processes: the same bytes."""
    first = sovkg("build", str(CORPUS), "--out", "a", "--no-validate", cwd=tmp_path, seed="1")
    second = sovkg("build", str(CORPUS), "--out", "b", "--no-validate", cwd=tmp_path, seed="2")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert _digests(tmp_path / "a") == _digests(tmp_path / "b")


@pytest.mark.slow
def test_kb_none_runs_the_same_pipeline(tmp_path: Path) -> None:
    result = sovkg("build", "--kb", "none", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "id/graph/kb" not in trig and "sovkg:Document" in trig


@pytest.mark.slow
def test_min_confidence_leaves_out_the_less_sure_relations(tmp_path: Path) -> None:
    from rdflib import Dataset

    from sovkg.ontology import SOVKG

    def confidences(out: str, *options: str) -> list[float]:
        result = sovkg("build", str(CORPUS), "--out", out, "--no-validate", *options, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        data = Dataset(default_union=True)
        data.parse(tmp_path / out / "graph.trig", format="trig")
        return [float(c) for c in data.objects(None, SOVKG.confidence)]

    default, strict, everything = confidences("a"), confidences("b", "--min-confidence", "0.8"), \
        confidences("c", "--min-confidence", "0")
    assert min(default) >= 0.6 and min(strict) >= 0.8
    assert len(strict) < len(default) <= len(everything)


@pytest.mark.slow
def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin.txt").write_bytes("Die Landesregierung in Düsseldorf fördert KI.NRW.".encode("cp1252"))
    good = CORPUS / "govteuken-mhkbd-nrw.txt"
    result = sovkg("build", "missing.txt", "empty.txt", "binary.txt", "latin.txt", str(good),
                   "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    for name, problem in (("missing.txt", "no such file"), ("empty.txt", "empty"),
                          ("binary.txt", "binary"), ("latin.txt", "cp1252")):
        assert any(name in line and problem in line for line in lines), (name, result.stderr)
    assert "documents: 2" in result.stdout
    assert "Düsseldorf" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_nothing_readable_exits_non_zero_and_keeps_earlier_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("earlier build\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = sovkg("build", "empty.txt", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("sovkg: error: no document")
    assert "Traceback" not in result.stderr
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "earlier build\n"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


@pytest.mark.slow
def test_quiet_and_verbose(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    sample = str(CORPUS / "govteuken-mhkbd-nrw.txt")
    quiet = sovkg("-q", "build", sample, missing, "--out", "q", "--no-validate", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    verbose = sovkg("build", sample, missing, "--out", "v", "--no-validate", "-v", cwd=tmp_path)
    lines = verbose.stderr.splitlines()
    assert verbose.returncode == 0 and "documents:" in verbose.stdout
    assert any(line.startswith("sovkg: skipped") and "nowhere.txt" in line for line in lines)
    assert any(line.startswith("sovkg: extracted 1 file(s)") for line in lines)
    assert any(line.startswith("sovkg: wrote ") for line in lines)


def test_shell_completion_knows_the_commands(tmp_path: Path) -> None:
    result = sovkg("completion", "bash", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("build", "query", "serve", "export", "evaluate"):
        assert command in result.stdout
    assert "--format" in result.stdout and "graphml" in result.stdout


def test_the_evaluation_table_shows_a_dash_where_nothing_was_scored() -> None:
    from sovkg.commands.evaluate import report
    from sovkg.graph.evaluate import Counts, Score

    score = Score(documents=["x.txt"])
    score.entities = Counts(tp=1)
    score.entities_by_type = {"Person": Counts(tp=1), "Policy": Counts()}
    table = report(score).splitlines()
    assert next(line for line in table if line.strip().startswith("Policy")).split()[1:4] == ["–", "–", "–"]
    assert next(line for line in table if line.strip().startswith("Person")).split()[1:4] == ["1.000"] * 3
