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

from spacy import util
from spacy.cli.train import train
from spacy.training.pretrain import pretrain
from thinc.api import Config

from sovkg.extract.training.docbins import write_docbins
from sovkg.extract.training.plan import PlanRow, load_plan
from sovkg.extract.training.rawtext import write_raw_text

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
    config = config or default_config()
    plan = load_plan() if plan is None else plan
    paths = write_docbins(corpora, work / "corpus", plan)
    settings = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"]), **(overrides or {})}
    tok2vec = pretrain_tok2vec(corpora, work, config, plan, overrides or {})
    if tok2vec is not None:
        settings["paths.init_tok2vec"] = str(tok2vec)
    train(config, work / "train", use_gpu=-1, overrides=settings)
    return save_model(work / "train" / "model-best", out)


def pretrain_tok2vec(corpora: Path, work: Path, config: Path, plan: list[PlanRow],
                     overrides: dict[str, Any]) -> Path | None:
    """Pretrains the tok2vec on the words of the plan's ``pretrain`` rows; returns the weights.

    Why: the labelled in-domain data for news-like text is small (GermEval dev), and
    predicting the characters of each word from its context (spaCy's
    ``PretrainCharacters``) on all the corpora's text gives the CNN a start that
    knows German word shapes. ``None`` when the config or the plan has no pretraining.
    """
    if not any(row.split == "pretrain" for row in plan):
        return None
    raw = work / "raw.jsonl"
    write_raw_text(corpora, raw, plan)
    settings = {"paths.raw_text": str(raw), **overrides}
    loaded = util.load_config(config, overrides=settings, interpolate=True)
    if not loaded.get("pretraining"):
        return None
    (work / "pretrain").mkdir(parents=True, exist_ok=True)
    pretrain(loaded, work / "pretrain", use_gpu=-1, silent=False)
    return work / "pretrain" / "model-last.bin"


def save_model(trained: Path, out: Path) -> Path:
    """Copies what loading needs from spaCy's ``trained`` folder to ``out``, replacing it.

    The config's corpus and pretraining paths pointed into the work folder; they are
    reset (loading needs none of them) so the shipped config says nothing about the
    machine it was trained on.
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
    for key in ("train", "dev", "init_tok2vec", "raw_text"):
        if key in config["paths"]:
            config["paths"][key] = None
    config.to_disk(out / "config.cfg")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    # spaCy keeps every word seen in training in the string store (megabytes); the hash
    # embeddings compute their keys from the text and need none of them, so only the
    # labels are kept (the benchmark's predictions are the same either way).
    labels = sorted(meta.get("labels", {}).get("ner", []))
    (out / "vocab" / "strings.json").write_text(json.dumps(labels) + "\n", encoding="utf-8")
    meta.update(name="sovkg_ner", version="0.1.0", license="CC BY 4.0 (training data), see NOTICE.md",
                description="German NER (PER, ORG, LOC, LAW) trained by sovkg from open corpora; "
                            "sources and figures in sovkg/extract/models/NOTICE.md")
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out
