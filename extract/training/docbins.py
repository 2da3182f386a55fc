"""Corpus files → spaCy ``DocBin`` files with coarse entity labels.

One ``Doc`` per sentence: the corpora are sentence-level, and short docs let the
batcher mix corpora well. Tokens whose label is unknown (``-`` in ``labels.tsv``)
get no entity annotation at all, which spaCy's NER treats as "missing" and skips in
the loss, instead of teaching the model they are not names.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from sovkg.extract.training.labels import CoarseSentence, coarsen, default_label_map
from sovkg.extract.training.plan import PlanRow, select
from sovkg.extract.training.readers import read_corpus


def to_doc(vocab: Vocab, sentence: CoarseSentence) -> Doc:
    """A ``Doc`` of the sentence's words carrying its coarse entities."""
    return Doc(vocab, words=list(sentence.words), spaces=list(sentence.spaces) if sentence.spaces else None,
               ents=list(sentence.tags))


def corpus_docs(vocab: Vocab, corpora: Path, row: PlanRow,
                mapping: dict[tuple[str, str], str] | None = None) -> list[Doc]:
    """The docs of one plan row, before repetition."""
    mapping = default_label_map() if mapping is None else mapping
    sentences = select(read_corpus(row.corpus, corpora / row.file), row.part)
    return [to_doc(vocab, coarsen(s, row.corpus, mapping)) for s in sentences if s.words]


def write_docbins(corpora: Path, out: Path, plan: list[PlanRow],
                  mapping: dict[tuple[str, str], str] | None = None) -> dict[str, Path]:
    """Writes ``train.spacy`` and ``dev.spacy`` into ``out``; returns their paths by split.

    Also writes ``stats.tsv`` (docs, tokens and entities per split and corpus) so a
    run's data can be checked without loading the DocBins.
    """
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    bins: dict[str, DocBin] = {}
    stats: Counter[tuple[str, str, str]] = Counter()
    for row in (r for r in plan if r.split in ("train", "dev")):
        docs = corpus_docs(vocab, corpora, row, mapping)
        add_repeated(bins, row.split, docs, row.repeat, attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
        for doc in docs:
            stats[(row.split, row.corpus, "docs")] += row.repeat
            stats[(row.split, row.corpus, "tokens")] += row.repeat * len(doc)
            for ent in doc.ents:
                stats[(row.split, row.corpus, ent.label_)] += row.repeat
    return save_bins(bins, stats, out, "corpus")


def add_repeated(bins: dict[str, DocBin], split: str, docs: list[Doc], repeat: int, **settings) -> DocBin:
    """Adds ``docs`` ``repeat`` times to the split's DocBin (made with ``settings`` if new)."""
    bin_ = bins.setdefault(split, DocBin(**settings))
    for _ in range(repeat):
        for doc in docs:
            bin_.add(doc)
    return bin_


def save_bins(bins: dict[str, DocBin], stats: Counter, out: Path, source: str) -> dict[str, Path]:
    """Writes ``<split>.spacy`` per DocBin and ``stats.tsv`` (split, ``source``, key, count)."""
    paths = {}
    for split, bin_ in bins.items():
        paths[split] = out / f"{split}.spacy"
        bin_.to_disk(paths[split])
    lines = [f"{s}\t{c}\t{k}\t{n}" for (s, c, k), n in sorted(stats.items())]
    (out / "stats.tsv").write_text(f"split\t{source}\tkey\tcount\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return paths
