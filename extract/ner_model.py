"""The statistical models shipped inside the package (``sovkg/extract/models/<name>``).

``ner`` (names) and ``syntax`` (tags, lemmas, dependencies) are trained by
``python -m sovkg.extract.training`` from open corpora (see ``models/NOTICE.md``);
loading needs no network and no model download.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language


class ModelMissingError(FileNotFoundError):
    """The package was installed without its model files."""


def model_path(name: str = "ner") -> Path:
    """The folder of a shipped model (``ner`` or ``syntax``) in the installed package."""
    path = Path(str(files("sovkg.extract").joinpath("models", name)))
    if not (path / "meta.json").is_file():
        raise ModelMissingError(
            f"{path}: the {name} model is not installed; reinstall sovkg (package data "
            f"'models/{name}/*' in pyproject.toml) or train it with python -m sovkg.extract.training {name}")
    return path


@cache
def load_ner() -> Language:
    """The shipped NER model as a spaCy pipeline (tokenizer, tok2vec, ner), loaded once per process."""
    return spacy.load(model_path("ner"))


@cache
def load_syntax() -> Language:
    """The shipped syntax model (tok2vec, tagger, morphologizer, lemmatizer, parser), loaded once."""
    return spacy.load(model_path("syntax"))
