"""The label map: coverage of every corpus label, the coarse classes, deriv/part and unknowns."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.extract.training.corpus import Sentence
from sovkg.extract.training.labels import (
    UnknownLabelError, classes, coarsen, default_label_map, load_label_map)
from sovkg.extract.training.readers import read_corpus

SAMPLE_FILES = [("ler", "ler/ler_train.conll"), ("ler", "ler/ler_test.conll"),
                ("germeval", "germeval2014/NER-de-dev.tsv"), ("mobie", "mobie/train.conll2003"),
                ("smartdata", "smartdata/v3_20200302_test.json.gz")]


def test_coarse_classes_are_the_four() -> None:
    assert classes(default_label_map()) == ["LAW", "LOC", "ORG", "PER"]


@pytest.mark.parametrize(("corpus", "fine", "coarse"), [
    ("ler", "GRT", "ORG"), ("ler", "RR", "PER"), ("ler", "ST", "LOC"), ("ler", "GS", "LAW"),
    ("ler", "VT", "LAW"), ("ler", "RS", "O"), ("ler", "LIT", "O"), ("ler", "MRK", "-"),
    ("germeval", "LOCderiv", "O"), ("germeval", "ORGpart", "O"), ("germeval", "OTH", "-"),
    ("smartdata", "ORGANIZATION_COMPANY", "ORG"), ("smartdata", "DATE", "O"),
    ("mobie", "location-stop", "LOC"), ("mobie", "location", "-")])
def test_decisions(corpus: str, fine: str, coarse: str) -> None:
    assert default_label_map()[(corpus, fine)] == coarse


@pytest.mark.parametrize(("corpus", "file"), SAMPLE_FILES)
def test_every_label_of_the_samples_is_mapped(nlpdata_sample: Path, corpus: str, file: str) -> None:
    for sentence in read_corpus(corpus, nlpdata_sample / file):
        coarsen(sentence, corpus)  # raises on an unmapped label


def test_coarsen_maps_spans_and_leaves_unknown_unannotated() -> None:
    sentence = Sentence(("Die", "deutschen", "Richter", "am", "BGH", "lasen", "Ecce", "homo"),
                        ("O", "B-LOCderiv", "O", "O", "B-ORG", "O", "B-OTH", "I-OTH"))
    coarse = coarsen(sentence, "germeval")
    assert coarse.tags == ("O", "O", "O", "O", "B-ORG", "O", None, None)


def test_multi_token_spans_get_inside_tags() -> None:
    sentence = Sentence(("Bundesgerichtshof", "für", "Patente", "§", "1", "BGB"),
                        ("B-GRT", "I-GRT", "I-GRT", "B-GS", "I-GS", "I-GS"))
    assert coarsen(sentence, "ler").tags == ("B-ORG", "I-ORG", "I-ORG", "B-LAW", "I-LAW", "I-LAW")


def test_unmapped_label_is_an_error_naming_it() -> None:
    with pytest.raises(UnknownLabelError, match="'XYZ' of corpus 'ler'"):
        coarsen(Sentence(("a",), ("B-XYZ",)), "ler")


def test_load_label_map_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_text("# comment\nx\tA\tPER\twhy\n\nx\tB\tO\n", encoding="utf-8")
    assert load_label_map(path) == {("x", "A"): "PER", ("x", "B"): "O"}
    path.write_text("x\tA\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        load_label_map(path)
