"""The share of entity nodes that are real named things, on documents of other genres
(a security report, an off-topic bill, Landtag papers on social policy) whose names were
listed blind (tests/data/mixed/names/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.extract.linker import name_key
from sovkg.named_things import NameList, load_name_lists, load_names, named_share

MIXED = Path(__file__).parent / "data" / "mixed"
#: the issue's floor: at least 85 % of the nodes are real named things
FLOOR = 0.85


def test_a_list_reads_names_their_forms_and_the_unsure_ones(tmp_path) -> None:
    path = tmp_path / "doc.tsv"
    path.write_text("# named things\nLandtag von Baden-Württemberg\tgovernment\tLandtag | Landtags\nSPD\tparty\t\n"
                    "# unsure: GBl., Berlin — a gazette; only inside a name\n", encoding="utf-8")
    names = load_names(path)
    assert {name_key("Landtages"), name_key("SPD")} <= names.names
    assert name_key("Berlin") in names.unsure and name_key("Landtag") not in names.unsure


@pytest.mark.slow
@pytest.mark.parametrize("kb", ["default", "none"])
def test_most_entity_nodes_of_other_genres_are_real_named_things(kb: str) -> None:
    from sovkg.builder import extract

    lists = load_name_lists(MIXED / "names")
    documents = sorted((MIXED / "docs").iterdir())
    assert {p.stem for p in documents} == set(lists)
    extraction, _ = extract(documents, kb=kb)
    result = named_share(extraction, lists)
    assert len(result.real) >= 30  # the check sees the documents' names, not an empty build
    assert result.share >= FLOOR, result.invented


def test_an_invented_node_counts_against_and_an_unsure_one_not_at_all() -> None:
    from sovkg.extract.records import (DocumentExtraction, Entity, Extraction, Mention, SourceDocument)

    doc = SourceDocument("r", "r.pdf", "", "Sympa Critical Berlin", "utf-8")
    mentions = tuple(Mention("r", i, i + 1, text, text.lower(), "Initiative", 0, 1, "test")
                     for i, text in enumerate(("Sympa", "Critical", "Berlin")))
    entities = {m.entity_key: Entity(m.entity_key, m.text, ("Initiative",)) for m in mentions}
    extraction = Extraction([DocumentExtraction(doc, (), mentions)], entities)
    result = named_share(extraction, {"r": NameList(frozenset({name_key("Sympa")}), frozenset({name_key("Berlin")}))})
    assert result.real == ["r.pdf: Sympa"] and result.invented == ["r.pdf: Critical"]
    assert result.share == 0.5
