"""The training workflow every shipped model shares: DocBins → pretrained token vectors
→ ``spacy train`` → the shipped model folder.

Training runs through spaCy's own ``spacy.cli.train.train`` with the model's config
(``ner.cfg``, ``syntax.cfg``) so that what spaCy documents about its config holds for
ours; what differs per model (which corpora, which DocBins, what the model is called)
is a :class:`ModelSpec`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from spacy import util
from spacy.cli.train import train
from spacy.training.pretrain import pretrain
from thinc.api import Config

from sovkg.extract.training.plan import PlanRow
from sovkg.extract.training.rawtext import write_raw_text

#: Writes a plan's train and dev DocBins into a folder; returns their paths by split.
DocBinWriter = Callable[[Path, Path, list[PlanRow]], dict[str, Path]]


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """What one shipped model is: its config, its DocBins, its name, what loading needs."""

    name: str
    config: str
    write_docbins: DocBinWriter
    parts: tuple[str, ...]
    description: str
    license: str
    #: spaCy keeps every word seen in training in the string store (megabytes); a model
    #: whose components look up no strings (hash embeddings, NER labels) ships only the
    #: labels. The lemmatizer's edit trees are strings, so the syntax model keeps all.
    prune_strings: bool = False

    def default_config(self) -> Path:
        """The config kept in the repository (``extract/training/<config>``)."""
        with as_file(files("sovkg.extract.training").joinpath(self.config)) as path:
            return Path(path)


def train_model(spec: ModelSpec, corpora: Path, out: Path, plan: list[PlanRow], *,
                work: Path | None = None, config: Path | None = None,
                overrides: dict[str, Any] | None = None) -> Path:
    """Trains ``spec`` on ``corpora`` and writes the best model into ``out``; returns ``out``.

    ``work`` keeps the DocBins and spaCy's full output (a temporary folder if not
    given); ``overrides`` are spaCy config overrides such as ``{"training.max_steps": 10}``.
    """
    work = Path(tempfile.mkdtemp(prefix=f"sovkg-{spec.name}-")) if work is None else work
    config = config or spec.default_config()
    paths = spec.write_docbins(corpora, work / "corpus", plan)
    settings = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"]), **(overrides or {})}
    tok2vec = pretrain_tok2vec(corpora, work, config, plan, overrides or {})
    if tok2vec is not None:
        settings["paths.init_tok2vec"] = str(tok2vec)
    train(config, work / "train", use_gpu=-1, overrides=settings)
    return save_model(spec, work / "train" / "model-best", out)


def pretrain_tok2vec(corpora: Path, work: Path, config: Path, plan: list[PlanRow],
                     overrides: dict[str, Any]) -> Path | None:
    """Pretrains the tok2vec on the words of the plan's ``pretrain`` rows; returns the weights.

    Why: labelled data for the genres we read is small, and predicting the characters
    of each word from its context (spaCy's ``PretrainCharacters``) on all the corpora's
    text gives the CNN a start that knows German word shapes. ``None`` when the config
    or the plan has no pretraining.
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


def save_model(spec: ModelSpec, trained: Path, out: Path) -> Path:
    """Copies what loading needs from spaCy's ``trained`` folder to ``out``, replacing it.

    The config's corpus and pretraining paths pointed into the work folder; they are
    reset (loading needs none of them) so the shipped config says nothing about the
    machine it was trained on.
    """
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in spec.parts:
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
    if spec.prune_strings:
        labels = sorted({label for names in meta.get("labels", {}).values() for label in names})
        (out / "vocab" / "strings.json").write_text(json.dumps(labels) + "\n", encoding="utf-8")
    meta.update(name=f"sovkg_{spec.name}", version="0.1.0", license=spec.license,
                description=spec.description)
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out
