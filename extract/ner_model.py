"""The German NER model shipped inside the package (``sovkg/extract/models/ner``).

Trained by ``python -m sovkg.extract.training ner`` from open corpora (see
``models/NOTICE.md``); loading needs no network and no model download. Not part of
the extraction pipeline yet: it is loaded on its own here, so that wiring it in can
be measured as a step of its own.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language


class ModelMissingError(FileNotFoundError):
    """The package was installed without its model files."""


def model_path() -> Path:
    """The folder of the shipped NER model in the installed package."""
    path = Path(str(files("sovkg.extract").joinpath("models", "ner")))
    if not (path / "meta.json").is_file():
        raise ModelMissingError(
            f"{path}: the NER model is not installed; reinstall sovkg (package data "
            "'models/ner/*' in pyproject.toml) or train it with python -m sovkg.extract.training ner")
    return path


@cache
def load_ner() -> Language:
    """The shipped model as a spaCy pipeline (tokenizer, tok2vec, ner), loaded once per process."""
    return spacy.load(model_path())
