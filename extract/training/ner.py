"""Training the NER model: corpora → DocBins → ``spacy train`` → the shipped model folder.

A plain function (:func:`train_ner`) that notebooks and tests can call; the command
line in :mod:`.__main__` is a thin wrapper over it. Training runs through spaCy's own
``spacy.cli.train.train`` with ``ner.cfg`` so that what spaCy documents about its
config holds for ours.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from spacy.cli.train import train
from thinc.api import Config

from sovkg.extract.training.docbins import write_docbins
from sovkg.extract.training.plan import PlanRow, load_plan

#: What ``spacy.load`` needs of a trained pipeline; the rest of spaCy's output is not shipped.
MODEL_PARTS = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner")


def default_config() -> Path:
    """The config kept in the repository (``extract/training/ner.cfg``)."""
    with as_file(files("sovkg.extract.training").joinpath("ner.cfg")) as path:
        return Path(path)


def train_ner(corpora: Path, out: Path, *, work: Path | None = None, config: Path | None = None,
              plan: list[PlanRow] | None = None, overrides: dict[str, Any] | None = None) -> Path:
    """Trains the NER on ``corpora`` and writes the best model into ``out``; returns ``out``.

    ``work`` keeps the DocBins and spaCy's full output (a temporary folder if not
    given); ``overrides`` are spaCy config overrides such as ``{"training.max_steps": 10}``.
    """
    work = Path(tempfile.mkdtemp(prefix="sovkg-ner-")) if work is None else work
    paths = write_docbins(corpora, work / "corpus", load_plan() if plan is None else plan)
    settings = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"]), **(overrides or {})}
    train(config or default_config(), work / "train", use_gpu=-1, overrides=settings)
    return save_model(work / "train" / "model-best", out)


def save_model(trained: Path, out: Path) -> Path:
    """Copies what loading needs from spaCy's ``trained`` folder to ``out``, replacing it.

    The config's corpus paths pointed into the work folder; they are reset so the
    shipped config says nothing about the machine it was trained on.
    """
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in MODEL_PARTS:
        source = trained / name
        if source.is_dir():
            shutil.copytree(source, out / name)
        elif source.is_file():
            shutil.copy2(source, out / name)
    config = Config().from_disk(out / "config.cfg", interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config.to_disk(out / "config.cfg")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="sovkg_ner", version="0.1.0", license="CC BY 4.0 (training data), see NOTICE.md",
                description="German NER (PER, ORG, LOC, LAW) trained by sovkg from open corpora; "
                            "sources and figures in sovkg/extract/models/NOTICE.md")
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out
