"""Training the syntax model: Universal Dependencies German → ``syntax.cfg`` → ``models/syntax``.

The model tags (STTS and UPOS with features), lemmatizes and parses; relation
patterns (:mod:`sovkg.extract.relation_patterns`) match over what it predicts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from sovkg.extract.training import augment, ud  # noqa: F401 - augment registers the name augmenter
from sovkg.extract.training.docbins import add_repeated, save_bins
from sovkg.extract.training.plan import PlanRow, load_plan, select
from sovkg.extract.training.workflow import ModelSpec, train_model

#: The plan file of the syntax model (train, model selection and pretraining rows).
PLAN = "syntax-corpora.tsv"


def write_ud_docbins(corpora: Path, out: Path, plan: list[PlanRow]) -> dict[str, Path]:
    """Writes ``train.spacy`` and ``dev.spacy`` of the plan's UD rows; returns their paths.

    Also writes ``stats.tsv`` (sentences and tokens per split and file).
    """
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    bins: dict[str, DocBin] = {}
    stats: Counter[tuple[str, str, str]] = Counter()
    for row in (r for r in plan if r.split in ("train", "dev")):
        if row.corpus != "ud":
            raise ValueError(f"{row.file}: the syntax model trains on UD files only, not {row.corpus!r}")
        docs = list(select(ud.docs(vocab, corpora / row.file), row.part))
        add_repeated(bins, row.split, docs, row.repeat, store_user_data=False)
        stats[(row.split, row.file, "sentences")] += row.repeat * len(docs)
        stats[(row.split, row.file, "tokens")] += row.repeat * sum(len(d) for d in docs)
    return save_bins(bins, stats, out, "file")


SYNTAX = ModelSpec(
    name="syntax", config="syntax.cfg", write_docbins=write_ud_docbins,
    parts=("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "tagger", "morphologizer",
           "trainable_lemmatizer", "parser"),
    description="German tagger (STTS), morphologizer (UPOS, features), lemmatizer and dependency "
                "parser trained by sovkg on Universal Dependencies German; see "
                "sovkg/extract/models/NOTICE.md",
    license="CC BY-SA 4.0 (trained on UD German-GSD CC BY-SA 4.0 and -PUD CC BY-SA 3.0), see NOTICE.md")


def train_syntax(corpora: Path, out: Path, *, work: Path | None = None, config: Path | None = None,
                 plan: list[PlanRow] | None = None, overrides: dict[str, Any] | None = None) -> Path:
    """Trains the syntax model on ``corpora`` and writes the best model into ``out``; returns ``out``."""
    return train_model(SYNTAX, corpora, out, load_plan(shipped=PLAN) if plan is None else plan,
                       work=work, config=config, overrides=overrides)
