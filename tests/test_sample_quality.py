"""The bundled sample's graph against its hand-made gold annotations."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Dataset
from rdflib.namespace import SKOS

from sovkg.build import TRIG
from sovkg.graph.evaluate import emitted_entities, score_entities

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dataset(sample_build) -> Dataset:
    data = Dataset(default_union=True)
    data.parse(sample_build.out / TRIG, format="trig")
    return data


def test_most_required_entities_are_typed_nodes(dataset, sample_gold) -> None:
    score = score_entities(dataset, sample_gold)
    assert score.recall >= 0.80, f"missed: {score.missed}"
    assert score.duplicated == []


def test_each_entity_is_one_node(dataset, sample_gold) -> None:
    entities = emitted_entities(dataset, [sample_gold["document"]])
    labels = Counter(str(dataset.value(node, SKOS.prefLabel)) for node in entities)
    assert [label for label, n in labels.items() if n > 1] == []


def test_umlauts_survive_in_labels(dataset) -> None:
    labels = {str(o) for o in dataset.objects(None, SKOS.prefLabel)}
    assert "Ministerium für Heimat, Kommunales, Bau und Digitalisierung" in labels
    assert "Hürth" in labels


def test_the_sample_validates(sample_build) -> None:
    assert sample_build.validated and sample_build.violations == ()
