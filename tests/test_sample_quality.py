"""The bundled sample's graph against its hand-made gold annotations."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Dataset
from rdflib.namespace import SKOS

from sovkg.builder import TRIG
from sovkg.graph.evaluate import emitted_entities, score_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dataset(sample_build) -> Dataset:
    data = Dataset(default_union=True)
    data.parse(sample_build.out / TRIG, format="trig")
    return data


def test_most_required_entities_are_typed_nodes(dataset, sample_gold) -> None:
    score = score_document(dataset, sample_gold)
    assert score.entities.recall >= 0.80, f"missed: {score.missed}"
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


def test_every_mention_and_sentence_cuts_exactly_out_of_the_source(dataset) -> None:
    from importlib.resources import files

    from sovkg.ontology import SOVKG

    source = files("sovkg").joinpath("data", "sample", "nrw-18-13128-kleine-anfrage-5276.txt")
    text = source.read_bytes().decode("utf-8")
    mentions = list(dataset.subjects(SOVKG.surfaceForm, None))
    assert len(mentions) > 100
    for mention in mentions:
        start, end = (int(dataset.value(mention, p)) for p in (SOVKG.start, SOVKG.end))
        assert text[start:end] == str(dataset.value(mention, SOVKG.surfaceForm))
        sentence = dataset.value(mention, SOVKG.inSentence)
        s_start, s_end = (int(dataset.value(sentence, p)) for p in (SOVKG.start, SOVKG.end))
        assert s_start <= start < end <= s_end
        assert text[s_start:s_end] == str(dataset.value(sentence, SOVKG.text))
        assert str(dataset.value(mention, SOVKG.method)).startswith(
            ("sovkg_gazetteer", "sovkg_structure", "sovkg_patterns", "sovkg_lexicon"))
