"""Loading the spaCy pipeline described in ``pipeline.cfg``."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

# The project's factories and callbacks; importing registers them with spaCy.
from sovkg.extract import (gazetteer, names, patterns, pipeline_data, relation_model, relation_patterns,  # noqa: F401
                           relation_rules, sentences, structure, tokenizer)
from sovkg.extract.ner_model import model_path, with_numpy_blas

CONFIG_FILE = "pipeline.cfg"
#: the components sourced from the trained syntax model: loaded, never initialised here
SYNTAX_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser")


def config_path() -> Path:
    return Path(str(files("sovkg.extract").joinpath(CONFIG_FILE)))


def load_pipeline(*, kb: str | Path | None = "default", ner: bool = False) -> Language:
    """Build and initialise the pipeline; ``kb=None`` or ``"none"`` runs without the KB;
    ``ner`` runs the learned NER model over the whole text and adds the names it
    proposes (``sovkg_names``; slower: by default it only checks the rules' weak guesses)."""
    return _load(str(kb) if kb is not None else "none", ner)


@lru_cache(maxsize=4)
def _load(kb: str, ner: bool = False) -> Language:
    overrides = {"paths.kb": kb, "components.sovkg_names.propose": ner}
    return pipeline_from_config(spacy.util.load_config(config_path(), overrides=overrides, interpolate=False))


def pipeline_from_config(config: Config) -> Language:
    """The pipeline a config (``pipeline.cfg`` with a user's overrides) describes, initialised.

    ``paths.syntax = "default"`` names the syntax model the package ships; its
    components are sourced with their trained weights and not initialised again
    (``nlp.initialize()`` would reset them), only sovkg's own components are.
    """
    if config["paths"].get("syntax") == "default":
        config = config.copy()
        config["paths"]["syntax"] = str(model_path("syntax"))
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    with nlp.select_pipes(disable=[n for n in SYNTAX_COMPONENTS if n in nlp.pipe_names]):
        nlp.initialize()
    return with_numpy_blas(nlp)
