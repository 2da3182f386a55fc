"""Each reader against the real format of its corpus (tiny samples, tests/data/nlpdata-sample)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sovkg.extract.training import germeval, ler, mobie, smartdata
from sovkg.extract.training.corpus import Sentence, Span, iob_spans
from sovkg.extract.training.readers import read_corpus


def _spans(sentence: Sentence) -> list[tuple[str, str]]:
    return [(" ".join(sentence.words[s.start:s.end]), s.label) for s in iob_spans(sentence.tags)]


def test_iob_spans_reads_iob2_and_stray_inside_tags() -> None:
    assert iob_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        Span(0, 2, "PER"), Span(3, 4, "LOC"), Span(4, 5, "LOC"), Span(5, 6, "ORG")]
    assert iob_spans(["O", "O"]) == []


def test_ler_reads_crlf_dev_and_lf_train(nlpdata_sample: Path) -> None:
    assert b"\r\n" in (nlpdata_sample / "ler/ler_dev.conll").read_bytes()
    dev = list(ler.read(nlpdata_sample / "ler/ler_dev.conll"))
    train = list(ler.read(nlpdata_sample / "ler/ler_train.conll"))
    assert len(dev) == 30 and len(train) == 40
    assert not any("\r" in w for s in dev for w in s.words + s.tags)
    assert dev[0].words[:3] == ("Durch", "die", "abweichende")
    labels = {label for s in train for _, label in _spans(s)}
    assert {"GS", "RS", "GRT"} <= labels


def test_germeval_reads_outer_column_with_deriv_and_part(nlpdata_sample: Path) -> None:
    sentences = list(germeval.read(nlpdata_sample / "germeval2014/NER-de-dev.tsv"))
    assert len(sentences) == 40
    first = sentences[0]
    assert first.words[0] == "Gleich" and ("Ecce homo", "OTH") in _spans(first)
    spans = [span for s in sentences for span in _spans(s)]
    assert ("deutschen", "LOCderiv") in spans
    assert ("DLR-Forscher", "ORGpart") in spans
    assert ("Wall Street", "ORG") in spans


def test_smartdata_reads_concatenated_json_by_sentence(nlpdata_sample: Path) -> None:
    path = nlpdata_sample / "smartdata/v3_20200302_dev.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    assert len(list(smartdata.documents(text))) == 6
    sentences = list(smartdata.read(path))
    assert len(sentences) == 30
    first = sentences[0]
    assert first.words[:4] == ("Sonstiges", "Abschnitt", ":", "(")
    assert ("Berlin", "LOCATION_CITY") in _spans(first)
    assert first.spaces is not None and first.spaces[0] is True and first.spaces[1] is False
    assert not any(" " in w or not w for s in sentences for w in s.words)


def test_mobie_skips_docstart_and_reads_the_last_column(nlpdata_sample: Path) -> None:
    sentences = list(mobie.read(nlpdata_sample / "mobie/train.conll2003"))
    assert len(sentences) == 40
    assert not any(w.startswith("-DOCSTART-") for s in sentences for w in s.words)
    assert sentences[0].words[0] == "Werde"
    assert ("#DB", "organization-company") in _spans(sentences[1])


def test_read_corpus_names_unknown_corpus_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no reader for corpus 'conll'"):
        read_corpus("conll", tmp_path / "x")
    with pytest.raises(FileNotFoundError, match="--corpora"):
        read_corpus("ler", tmp_path / "missing.conll")
