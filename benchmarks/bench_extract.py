"""Extraction throughput as a ratio to spaCy's bare German tokenizer, in one process.

Run: python benchmarks/bench_extract.py [--repeat N] [--kb default|none] [--ner]

The relation steps (``sovkg_relations``, ``sovkg_relation_patterns``) and the syntax
model are reported on their own, as shares and as ratios to the same tokenizer
baseline; throughput is given in characters and in words (white-space separated) per
second, on one thread (``OPENBLAS_NUM_THREADS=1`` is set before numpy loads).

The baseline is ``spacy.blank("de")`` tokenising the same texts in the same run, so the
ratio says what the sovkg pipeline costs on top of reading the text at all, whatever
the machine. Reported: characters per second of both, the ratio (aim: at most 10×),
the share of each pipeline component, and the peak memory of the extraction.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

from sovkg.extract.extractor import extract_documents  # noqa: E402
from sovkg.extract.layout import analysed_view  # noqa: E402
from sovkg.extract.nlp import SYNTAX_COMPONENTS, load_pipeline  # noqa: E402
from sovkg.extract.reader import read_source  # noqa: E402
from timing import best_of  # noqa: E402

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "corpus"



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=10, help="copies of the corpus per run")
    parser.add_argument("--kb", default="default")
    parser.add_argument("--ner", action="store_true", help="with the learned NER model (sovkg build --ner)")
    args = parser.parse_args()

    sources = [read_source(p).document for p in sorted(CORPUS.glob("*.txt"))] * args.copies
    chars = sum(len(s.text) for s in sources)
    blank = spacy.blank("de")
    nlp = load_pipeline(kb=args.kb, ner=args.ner)

    baseline = best_of(lambda: [blank(s.text) for s in sources], args.repeat)
    full = best_of(lambda: extract_documents(sources, nlp), args.repeat)

    components = {}
    docs = [nlp.make_doc(analysed_view(s.text, drop=s.furniture).text) for s in sources]
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = [proc(d) for d in docs]
        components[name] = time.perf_counter() - start

    tracemalloc.start()
    extract_documents(sources, nlp)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    words = sum(len(s.text.split()) for s in sources)
    print(f"texts: {len(sources)} documents, {chars:,} characters, {words:,} words "
          f"(kb={args.kb}, best of {args.repeat}, one thread)")
    print(f"spacy.blank('de') tokenizer: {baseline:8.4f} s  {chars / baseline:12,.0f} chars/s "
          f"{words / baseline:10,.0f} words/s")
    print(f"sovkg extraction:            {full:8.4f} s  {chars / full:12,.0f} chars/s {words / full:10,.0f} words/s")
    print(f"ratio (sovkg / tokenizer):   {full / baseline:8.1f}x")
    total = sum(components.values())
    for name, seconds in components.items():
        print(f"  {name:<18} {seconds:8.4f} s  {100 * seconds / total:5.1f} %  "
              f"{seconds / baseline:5.2f}x the tokenizer")
    relations = components.get("sovkg_relations", 0.0) + components.get("sovkg_relation_patterns", 0.0)
    syntax = sum(components.get(name, 0.0) for name in SYNTAX_COMPONENTS)
    print(f"relation steps (rules and patterns): {relations:.4f} s = {relations / baseline:.2f}x the tokenizer, "
          f"{100 * relations / total:.1f} % of the pipeline")
    print(f"syntax (tok2vec, tagger, morphologizer, lemmatizer, parser): {syntax:.4f} s = "
          f"{100 * syntax / total:.1f} % of the pipeline")
    print(f"peak memory of one extraction run: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
