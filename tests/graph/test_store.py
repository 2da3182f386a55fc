"""Loading a build into a store: both backends, the merged default graph, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.errors import InputError
from sovkg.graph.sparql import run
from sovkg.graph.store import count_quads, graph_file, load_store

TRIG = """@prefix ex: <https://x.org/> .
ex:g1 { ex:a ex:label "A" . ex:a ex:p ex:b . }
ex:g2 { ex:a ex:label "A" . }
"""


@pytest.fixture
def build(tmp_path: Path) -> Path:
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_a_build_loads_with_its_named_graphs(build: Path, backend: str) -> None:
    store = load_store(build, backend=backend)
    assert count_quads(store) == 3
    graphs = run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", store)
    assert [str(g) for (g,) in graphs.rows] == ["https://x.org/g1", "https://x.org/g2"]


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_the_default_graph_is_the_set_union(build: Path, backend: str) -> None:
    """A triple in two graphs is one triple of the default graph, on both backends."""
    store = load_store(build, backend=backend)
    assert len(run("SELECT ?s ?o WHERE { ?s <https://x.org/label> ?o }", store).rows) == 1


def test_a_graph_file_can_be_named_directly(build: Path) -> None:
    assert graph_file(build / "graph.trig") == build / "graph.trig"
    assert graph_file(build) == build / "graph.trig"


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_missing_and_broken_files_are_one_line_input_errors(tmp_path: Path, backend: str) -> None:
    with pytest.raises(InputError, match="no graph.trig here; run `sovkg build"):
        load_store(tmp_path / "nothing", backend=backend)
    (tmp_path / "graph.trig").write_text("this is { not trig", encoding="utf-8")
    with pytest.raises(InputError, match="cannot be loaded") as info:
        load_store(tmp_path, backend=backend)
    assert "\n" not in str(info.value)
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        (tmp_path / "x.json").write_text("{}", encoding="utf-8")
        load_store(tmp_path / "x.json", backend=backend)
