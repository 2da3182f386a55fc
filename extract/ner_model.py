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
from thinc.api import NumpyOps


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
    return with_numpy_blas(spacy.load(model_path("ner")))


@cache
def load_syntax() -> Language:
    """The shipped syntax model (tok2vec, tagger, morphologizer, lemmatizer, parser), loaded once."""
    return with_numpy_blas(spacy.load(model_path("syntax")))


def with_numpy_blas(nlp: Language) -> Language:
    """``nlp`` with its models' matrix products done by numpy's BLAS instead of thinc's
    bundled BLIS. BLIS's wheel picks its kernels by CPU family and falls back to slow
    generic ones on CPUs it does not know (on this project's AMD EPYC machine a
    (2000 × 192) · (192 × 192) product took 5.1 ms with BLIS, 1.9 ms with numpy): the
    token-vector encoder, most of the models' time, runs twice as fast. Only the ops of
    this pipeline's models change, not thinc's global default; the weights and the
    results (up to float rounding) stay the same."""
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return nlp
