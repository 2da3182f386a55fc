"""A real, non-editable install finds its ontology, knowledge base, config and sample."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """``pip install .`` (not editable) into a fresh target folder, offline."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    return target


def test_the_installed_package_has_its_data_files(installed: Path) -> None:
    package = installed / "sovkg"
    for relative in ("ontology/sovkg.ttl", "ontology/shapes.ttl", "ontology/kb.ttl",
                     "extract/pipeline.cfg", "data/sample/nrw-18-13128-kleine-anfrage-5276.txt"):
        assert (package / relative).is_file(), relative
    # one import package: no top-level extract/ or graph/ modules in site-packages
    assert not (installed / "extract").exists() and not (installed / "graph").exists()


def test_installed_sovkg_builds_the_sample_from_another_folder(installed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    result = subprocess.run(
        [sys.executable, "-m", "sovkg", "build"], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert str(installed) in subprocess.run(
        [sys.executable, "-c", "import sovkg; print(sovkg.__file__)"], cwd=tmp_path, env=env,
        capture_output=True, text=True, check=True,
    ).stdout
    assert (tmp_path / "sovkg-out" / "graph.html").is_file()


def test_the_installed_package_has_its_models_and_loads_them(installed: Path, tmp_path: Path) -> None:
    shipped = ROOT / "extract" / "models"
    for path in shipped.rglob("*"):
        if path.is_file():
            relative = path.relative_to(shipped)
            assert (installed / "sovkg" / "extract" / "models" / relative).is_file(), relative
    env = {**os.environ, "PYTHONPATH": str(installed)}
    result = subprocess.run(
        [sys.executable, "-c", "from sovkg.extract.ner_model import load_ner, load_syntax, model_path; "
         "from sovkg.extract.linear_model import LinearModel; "
         "print(model_path()); print(load_ner().pipe_names); print(model_path('syntax')); "
         "print(load_syntax().pipe_names); print(model_path('relations')); "
         "print(LinearModel.load(model_path('relations')).classes)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert str(installed) in result.stdout and "'ner'" in result.stdout and "'parser'" in result.stdout
    assert str(installed / "sovkg" / "extract" / "models" / "relations") in result.stdout and "'locatedIn'" in result.stdout
