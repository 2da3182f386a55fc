"""Fixtures of the training tests: the tiny real corpus sample in tests/data/nlpdata-sample."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE = Path(__file__).parents[2] / "data" / "nlpdata-sample"


@pytest.fixture(scope="session")
def nlpdata_sample() -> Path:
    """A folder laid out like the full corpora, a few dozen sentences per file."""
    return SAMPLE
