"""The hashed logistic regression under the relation model: learning, masking, saving."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from sovkg.extract.linear_model import Example, LinearModel


def _toy() -> list[Example]:
    """"betreiben" between two names means operatedBy, "fördern" fundedBy, anything else nothing."""
    items = []
    for k in range(30):
        items.append(Example(["top=betreiben", f"noise={k % 7}"], ("none", "operatedBy", "fundedBy"),
                             {"operatedBy": 1.0}))
        items.append(Example(["top=fördern", f"noise={k % 5}"], ("none", "operatedBy", "fundedBy"),
                             {"fundedBy": 1.0}))
        items.append(Example(["top=sagen", f"noise={k % 3}"], ("none", "operatedBy", "fundedBy"), {"none": 1.0}))
    return items


@pytest.fixture(scope="module")
def model() -> LinearModel:
    return LinearModel(("none", "operatedBy", "fundedBy"), bits=12).fit(_toy(), epochs=10)


def test_it_learns_what_each_cue_means(model: LinearModel) -> None:
    allowed = ("none", "operatedBy", "fundedBy")
    for top, expected in (("betreiben", "operatedBy"), ("fördern", "fundedBy"), ("sagen", "none")):
        scores = model.probabilities([f"top={top}", "noise=1"], allowed)
        assert max(scores, key=scores.get) == expected
        assert scores[expected] > 0.8
        assert sum(scores.values()) == pytest.approx(1.0)


def test_only_the_allowed_classes_are_scored(model: LinearModel) -> None:
    """A pair whose types allow no funding is never scored as funding, however strong the cue."""
    scores = model.probabilities(["top=fördern"], ("none", "operatedBy"))
    assert set(scores) == {"none", "operatedBy"}
    assert sum(scores.values()) == pytest.approx(1.0)


def test_unseen_features_leave_the_prior(model: LinearModel) -> None:
    scores = model.probabilities(["top=never-seen"], ("none", "operatedBy", "fundedBy"))
    assert max(scores.values()) < 0.8


def test_saved_and_loaded_it_scores_the_same(model: LinearModel, tmp_path: Path) -> None:
    model.meta["thresholds"] = {"operatedBy": 0.7}
    model.save(tmp_path / "m")
    loaded = LinearModel.load(tmp_path / "m")
    assert loaded.classes == model.classes and loaded.meta["thresholds"] == {"operatedBy": 0.7}
    features = ["top=betreiben", "noise=3"]
    assert loaded.probabilities(features, model.classes) == pytest.approx(model.probabilities(features, model.classes))
    assert len(loaded.rows) < 100  # only the rows training touched are kept


def test_feature_hashes_are_stable_across_machines(model: LinearModel) -> None:
    """CRC-32, not Python's salted hash: a shipped model scores the same everywhere."""
    assert model.hashes(["type=Initiative>Organization"]).tolist() == [
        zlib.crc32("type=Initiative>Organization".encode()) & 0xFFF]
