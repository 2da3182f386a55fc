"""The package boundary of the design: graph/ never imports spaCy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

GRAPH = Path(__file__).parents[1] / "graph"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_graph_sources_do_not_import_spacy_or_extract_internals() -> None:
    for path in GRAPH.glob("*.py"):
        for name in _imported_modules(path):
            assert not name.startswith("spacy"), f"{path.name} imports {name}"
            if name.startswith("sovkg.extract"):
                assert name == "sovkg.extract.records", f"{path.name} imports {name}"


def test_importing_every_graph_module_loads_no_spacy() -> None:
    modules = sorted(f"sovkg.graph.{p.stem}" for p in GRAPH.glob("*.py") if p.stem != "__init__")
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
