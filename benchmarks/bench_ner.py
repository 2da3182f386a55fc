"""Accuracy and throughput of the shipped German NER model, beside spaCy's bare tokenizer.

Run: python benchmarks/bench_ner.py --corpora /path/to/nlpdata [--repeat N]

Loads the model the package ships (``sovkg.extract.ner_model.load_ner``), never a
freshly trained one, and scores it on the two benchmark splits, which training never
sees (``extract/training/ner-corpora.tsv``):

- LER test (German court decisions): precision, recall and F1 per coarse class
  (PER, ORG, LOC, LAW) and micro, fine labels mapped by ``labels.tsv``;
- GermEval 2014 test (Wikipedia and news), every fourth sentence (the train split is
  not available, so the plan trains on the other three quarters): PER, LOC, ORG and
  their micro average, outer column, ``-deriv`` / ``-part`` not counted as names, OTH
  left unscored.

Spans are matched exactly on the gold tokens. Throughput is words per second, one
thread, best of ``--repeat``: the model on raw text (its tokenizer, tok2vec and NER),
the NER alone on pre-tokenised docs, and ``spacy.blank("de")`` tokenising the same
texts in the same run, so the ratio holds whatever the machine.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from sovkg.extract.ner_model import load_ner, model_path  # noqa: E402
from sovkg.extract.training.docbins import to_doc  # noqa: E402
from sovkg.extract.training.labels import coarsen  # noqa: E402
from sovkg.extract.training.plan import select  # noqa: E402
from sovkg.extract.training.readers import read_corpus  # noqa: E402
from sovkg.extract.training.score import PRF, score_docs  # noqa: E402
from timing import best_of  # noqa: E402

BENCHMARKS = {  # name: (corpus, file, part, classes scored)
    "LER test": ("ler", "ler/ler_test.conll", "all", ("PER", "ORG", "LOC", "LAW")),
    "GermEval 2014 test, every 4th sentence": ("germeval", "germeval2014/NER-de-test.tsv", "every:4",
                                               ("PER", "LOC", "ORG")),
}



def gold_docs(nlp: Language, corpora: Path, corpus: str, file: str, part: str) -> list[Doc]:
    """The benchmark split as docs carrying the gold coarse entities."""
    sentences = select(read_corpus(corpus, corpora / file), part)  # counted as the plan counts them
    return [to_doc(nlp.vocab, coarsen(s, corpus)) for s in sentences if s.words]


def predict(nlp: Language, gold: list[Doc]) -> list[Doc]:
    """The model's entities on the gold tokens (fresh docs, so gold labels cannot leak)."""
    docs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold]
    return list(nlp.pipe(docs, batch_size=256))


def print_scores(name: str, scores: dict[str, PRF], sentences: int) -> None:
    """One table: class, precision, recall, F1, gold and predicted spans."""
    print(f"\n{name} ({sentences:,} sentences)")
    print(f"  {'class':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for label, s in scores.items():
        print(f"  {label:<6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:6d} {s.tp + s.fp:6d}")


def throughput(nlp: Language, texts: list[str], words: int, repeat: int) -> None:
    """Words per second of the blank tokenizer, the model on text and the NER alone."""
    blank = spacy.blank("de")
    baseline = best_of(lambda: list(blank.pipe(texts, batch_size=256)), repeat)
    model = best_of(lambda: list(nlp.pipe(texts, batch_size=256)), repeat)
    tokenized = [nlp.make_doc(t) for t in texts]
    ner = best_of(lambda: list(nlp.pipe((Doc(nlp.vocab, words=[t.text for t in d]) for d in tokenized),
                                      batch_size=256)), repeat)
    print(f"\nthroughput on {len(texts):,} sentences, {words:,} words (one thread, best of {repeat})")
    print(f"  spacy.blank('de') tokenizer:    {baseline:7.2f} s {words / baseline:11,.0f} words/s")
    print(f"  model (tokenizer+tok2vec+ner):  {model:7.2f} s {words / model:11,.0f} words/s"
          f"  ratio {model / baseline:5.1f}x the tokenizer")
    print(f"  ner alone (pre-tokenised docs): {ner:7.2f} s {words / ner:11,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True, help="folder holding ler/ and germeval2014/")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    nlp = load_ner()
    size = sum(p.stat().st_size for p in model_path().rglob("*") if p.is_file())
    print(f"model: {model_path()} ({size / 2**20:.1f} MiB)")
    texts: list[str] = []
    for name, (corpus, file, part, labels) in BENCHMARKS.items():
        gold = gold_docs(nlp, args.corpora, corpus, file, part)
        print_scores(name, score_docs(predict(nlp, gold), gold, labels), len(gold))
        texts += [d.text for d in gold]
    words = sum(len(t.split()) for t in texts)  # the gold tokens: texts are them joined by spaces
    throughput(nlp, texts, words, args.repeat)


if __name__ == "__main__":
    main()
