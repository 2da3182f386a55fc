"""Loading the spaCy pipeline described in ``pipeline.cfg``."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language

# The project's factories and callbacks; importing registers them with spaCy.
from sovkg.extract import gazetteer, patterns, pipeline_data, relation_rules, sentences, structure, tokenizer  # noqa: F401

CONFIG_FILE = "pipeline.cfg"


def config_path() -> Path:
    return Path(str(files("sovkg.extract").joinpath(CONFIG_FILE)))


def load_pipeline(*, kb: str | Path | None = "default") -> Language:
    """Build and initialise the pipeline; ``kb=None`` or ``"none"`` runs without the KB."""
    return _load(str(kb) if kb is not None else "none")


@lru_cache(maxsize=2)
def _load(kb: str) -> Language:
    config = spacy.util.load_config(config_path(), overrides={"paths.kb": kb}, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp
