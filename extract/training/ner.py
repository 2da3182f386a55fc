"""Training the NER model: the corpora's coarse entities → ``ner.cfg`` → ``models/ner``.

A plain function (:func:`train_ner`) that notebooks and tests can call; the command
line in :mod:`.__main__` is a thin wrapper over it, the steps are :mod:`.workflow`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovkg.extract.training.docbins import write_docbins
from sovkg.extract.training.plan import PlanRow, load_plan
from sovkg.extract.training.workflow import ModelSpec, train_model

NER = ModelSpec(
    name="ner", config="ner.cfg", write_docbins=write_docbins,
    parts=("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner"),
    description="German NER (PER, ORG, LOC, LAW) trained by sovkg from open corpora; "
                "sources and figures in sovkg/extract/models/NOTICE.md",
    license="CC BY 4.0 (training data), see NOTICE.md", prune_strings=True)



def train_ner(corpora: Path, out: Path, *, work: Path | None = None, config: Path | None = None,
              plan: list[PlanRow] | None = None, overrides: dict[str, Any] | None = None) -> Path:
    """Trains the NER on ``corpora`` and writes the best model into ``out``; returns ``out``."""
    return train_model(NER, corpora, out, load_plan() if plan is None else plan,
                       work=work, config=config, overrides=overrides)
