"""The Python entry point: ``sovkg.open`` and ``sovkg.build`` on the sample, and the
``%%sparql`` cell magic in a real kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import sovkg
from sovkg.knowledge_graph import ENTITY_COLUMNS, RELATION_COLUMNS


@pytest.fixture(scope="module")
def kg(sample_build) -> sovkg.KnowledgeGraph:
    return sovkg.open(sample_build.out)


def test_entities_as_a_table(kg) -> None:
    entities = kg.entities()
    assert tuple(entities.columns) == ENTITY_COLUMNS
    row = entities.set_index("label").loc["NRW.Genius"]
    assert row["type"] == "Initiative" and row["mentions"] >= 2 and row["documents"] >= 1
    assert entities["entity"].is_unique and (entities["mentions"] >= entities["documents"]).all()


def test_relations_with_their_evidence(kg) -> None:
    relations = kg.relations()
    assert tuple(relations.columns) == RELATION_COLUMNS
    uses = relations[(relations.subjectLabel == "NRW.Genius") & (relations.predicate == "uses")]
    assert "Open Source" in set(uses.objectLabel)
    source = Path(sovkg.__file__).parent / "data" / "sample" / "nrw-18-13128-kleine-anfrage-5276.txt"
    text = source.read_text(encoding="utf-8")
    for row in relations.itertuples():
        assert text[int(row.start):int(row.end)] == row.sentence
        assert 0 < float(row.confidence) <= 1 and row.method.startswith("sovkg_")


def test_a_library_query_with_a_parameter(kg) -> None:
    frame = kg.query("evidence", s="e:nrw-genius", p="sovkg:uses", o="e:open-source")
    assert len(frame) >= 1 and "Open-Source" in frame.loc[0, "sentence"]


def test_networkx_dataset_and_view(kg) -> None:
    graph = kg.networkx(mentioned_only=True)
    assert any(data.get("label") == "NRW.Genius" for _, data in graph.nodes(data=True))
    assert len(kg.dataset) > 1000
    shown = kg.view()
    html = shown.data if hasattr(shown, "data") else shown
    assert "<iframe srcdoc=" in html and "https://" not in html.split("srcdoc=")[0]


def test_build_returns_the_opened_graph(tmp_path: Path) -> None:
    kg = sovkg.build(out=tmp_path / "kg", validate=False)
    assert isinstance(kg, sovkg.KnowledgeGraph) and kg.report.documents == 2
    assert "NRW.Genius" in set(kg.entities().label)


def test_a_missing_build_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(sovkg.errors.InputError, match="run `sovkg build"):
        sovkg.open(tmp_path / "nothing")


@pytest.mark.slow
def test_the_sparql_cell_magic_in_a_kernel(sample_build, tmp_path: Path) -> None:
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("%load_ext sovkg"),
        nbformat.v4.new_code_cell(f"%%sparql {sample_build.out} --param entity=e:nrw-genius --out found\n"
                                  "entity-mentions"),
        nbformat.v4.new_code_cell("print(type(found).__name__, len(found) > 0)"),
    ])
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert "text/html" in nb.cells[1].outputs[0]["data"]  # the DataFrame, shown
    assert nb.cells[2].outputs[0]["text"].strip() == "DataFrame True"
