"""Accuracy and throughput of the shipped German syntax model, beside spaCy's bare tokenizer.

Run: python benchmarks/bench_syntax.py --corpora /path/to/nlpdata [--repeat N]

Loads the model the package ships (``sovkg.extract.ner_model.load_syntax``) and
scores it on the held-out UD sentences, which training never sees: UD German-GSD
test, every fourth sentence (``extract/training/syntax-corpora.tsv`` trains on the
others). Scores are spaCy's on the gold tokens: STTS tag and UPOS accuracy,
morphological features, lemmas, unlabelled and labelled attachment (UAS, LAS,
punctuation excluded as spaCy does). Throughput is words per second, one thread,
best of ``--repeat``: the model on raw text, and ``spacy.blank("de")`` tokenising
the same texts in the same run, so the ratio holds whatever the machine.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402

from sovkg.extract.ner_model import load_syntax, model_path  # noqa: E402
from sovkg.extract.training import ud  # noqa: E402
from sovkg.extract.training.plan import select  # noqa: E402
from timing import best_of  # noqa: E402

#: the held-out split: GSD test sentences 0, 4, 8, ... (the plan trains on the others)
BENCHMARK = ("ud/de_gsd-ud-test.conllu", "every:4")
SCORES = (("tag_acc", "STTS tag"), ("pos_acc", "UPOS"), ("morph_acc", "features"), ("lemma_acc", "lemma"),
          ("dep_uas", "UAS"), ("dep_las", "LAS"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True, help="folder holding ud/")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    nlp = load_syntax()
    size = sum(p.stat().st_size for p in model_path("syntax").rglob("*") if p.is_file())
    print(f"model: {model_path('syntax')} ({size / 2**20:.1f} MiB)")
    file, part = BENCHMARK
    gold = list(select(ud.docs(nlp.vocab, args.corpora / file), part))
    fresh = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold)
    examples = [Example(predicted, reference) for predicted, reference in zip(nlp.pipe(fresh), gold)]
    scores = nlp.evaluate(examples)
    words = sum(len(d) for d in gold)
    print(f"\n{file} {part} ({len(gold):,} sentences, {words:,} tokens), on the gold tokens")
    for key, name in SCORES:
        print(f"  {name:<10} {scores[key]:6.3f}")
    texts = [d.text for d in gold]
    blank = spacy.blank("de")
    baseline = best_of(lambda: list(blank.pipe(texts, batch_size=256)), args.repeat)
    model = best_of(lambda: list(nlp.pipe(texts, batch_size=256)), args.repeat)
    print(f"\nthroughput on {len(texts):,} sentences, {words:,} words (one thread, best of {args.repeat})")
    print(f"  spacy.blank('de') tokenizer: {baseline:7.2f} s {words / baseline:11,.0f} words/s")
    print(f"  syntax model on text:        {model:7.2f} s {words / model:11,.0f} words/s"
          f"  ratio {model / baseline:5.1f}x the tokenizer")


if __name__ == "__main__":
    main()
