"""Loading the spaCy pipeline described in ``pipeline.cfg``."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language

# The project's factories and callbacks; importing registers them with spaCy.
from sovkg.extract import gazetteer, names, patterns, pipeline_data, relation_rules, sentences, structure, tokenizer  # noqa: F401

CONFIG_FILE = "pipeline.cfg"


def config_path() -> Path:
    return Path(str(files("sovkg.extract").joinpath(CONFIG_FILE)))


def load_pipeline(*, kb: str | Path | None = "default", ner: bool = False) -> Language:
    """Build and initialise the pipeline; ``kb=None`` or ``"none"`` runs without the KB;
    ``ner`` runs the learned NER model too (``sovkg_names``, off by default: slower)."""
    return _load(str(kb) if kb is not None else "none", ner)


@lru_cache(maxsize=4)
def _load(kb: str, ner: bool = False) -> Language:
    overrides = {"paths.kb": kb, "nlp.disabled": [] if ner else ["sovkg_names"]}
    config = spacy.util.load_config(config_path(), overrides=overrides, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp
