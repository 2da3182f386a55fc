"""Shared fixtures: small, real documents and gold files kept in tests/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
GOLD = DATA / "gold"
SAMPLE_NAME = "nrw-18-13128-kleine-anfrage-5276"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def sample_gold() -> dict:
    return json.loads((GOLD / f"{SAMPLE_NAME}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from sovkg.extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """One build of the bundled sample, shared by the tests that only read it."""
    from sovkg.builder import build

    out = tmp_path_factory.mktemp("sample-build")
    report = build(None, out)
    return report
