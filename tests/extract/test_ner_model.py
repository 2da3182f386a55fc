"""The NER model shipped in the package: it loads from the installed package and finds names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sovkg.extract.ner_model import load_ner, model_path


def test_model_files_are_in_the_package() -> None:
    path = model_path()
    assert {"config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner"} <= {p.name for p in path.iterdir()}
    assert sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) < 30 * 2**20


def test_load_is_cached_and_has_the_four_classes() -> None:
    nlp = load_ner()
    assert load_ner() is nlp
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "LAW"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Angela Merkel besuchte am Montag die Siemens AG in München.",
     {("Angela Merkel", "PER"), ("Siemens AG", "ORG"), ("München", "LOC")}),
    ("Der Bundesgerichtshof in Karlsruhe hat die Klage von Thomas Müller abgewiesen.",
     {("Bundesgerichtshof", "ORG"), ("Karlsruhe", "LOC"), ("Thomas Müller", "PER")}),
    ("Nach § 823 Abs. 1 BGB haftet der Schädiger.", {("§ 823 Abs. 1 BGB", "LAW")}),
])
def test_finds_persons_organisations_places_and_laws(text: str, expected: set[tuple[str, str]]) -> None:
    found = {(e.text, e.label_) for e in load_ner()(text).ents}
    assert expected <= found, found


def test_benchmark_runs_on_the_sample_corpora() -> None:
    """The benchmark script itself (figures on 60 sentences mean nothing; that it runs does)."""
    root = Path(__file__).parents[2]
    result = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "bench_ner.py"),
         "--corpora", str(root / "tests" / "data" / "nlpdata-sample"), "--repeat", "1"],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    for line in ("LER test (30 sentences)", "GermEval 2014 test, every 4th sentence (8 sentences)", "  LAW ", "  micro ",
                 "ratio", "ner alone"):
        assert line in result.stdout, line


def test_models_multiply_with_numpy_blas_and_parse_as_with_blis() -> None:
    """numpy's BLAS instead of BLIS changes the speed, not the analysis."""
    import spacy
    from thinc.api import NumpyOps

    from sovkg.extract.ner_model import load_syntax, with_numpy_blas

    fast = load_syntax()
    assert {type(node.ops) for node in fast.get_pipe("tok2vec").model.walk()} == {NumpyOps}
    assert not any(node.ops.use_blis for node in fast.get_pipe("tok2vec").model.walk())
    blis = spacy.load(model_path("syntax"))
    text = "Das Projekt wird vom Land Nordrhein-Westfalen gefördert und von der Universität Bonn betrieben."
    analysis = [(t.tag_, t.lemma_, t.dep_, t.head.i) for t in fast(text)]
    assert analysis == [(t.tag_, t.lemma_, t.dep_, t.head.i) for t in blis(text)]
    assert with_numpy_blas(blis) is blis
