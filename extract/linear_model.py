"""A multinomial logistic regression over hashed string features, in numpy alone.

Why this and not a neural text classifier: the relation model learns from about two
thousand annotated pairs; a linear model over well-chosen features is what that much
data supports, it trains in seconds, its probabilities are calibrated enough to be a
relation's confidence, and it scores a pair in microseconds. Features are hashed
(CRC-32, stable across machines and Python versions) into ``2**bits`` rows, and only
the rows training touched are kept, so the saved model is a few MB.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WEIGHTS_FILE = "weights.npz"
#: How many features' rows are remembered before the memo starts again (memory stays flat).
_MEMO = 200_000
META_FILE = "meta.json"


def _softmax(scores: list[float], columns: list[int], names: Sequence[str]) -> dict[str, float]:
    chosen = [scores[k] for k in columns]
    top = max(chosen)
    odds = [math.exp(score - top) for score in chosen]
    total = sum(odds)
    return {name: odds[k] / total for k, name in enumerate(names)}


@dataclass(frozen=True, slots=True)
class Example:
    """One training item: its features, the classes its context allows and the target
    distribution over them (several gold labels share the weight)."""

    features: Sequence[str]
    allowed: Sequence[str]
    target: Mapping[str, float]


class LinearModel:
    """Scores classes for a list of string features; ``classes[0]`` is "no class"."""

    def __init__(self, classes: Sequence[str], *, bits: int = 18, rows: np.ndarray | None = None,
                 weights: np.ndarray | None = None, bias: np.ndarray | None = None,
                 meta: Mapping[str, object] | None = None) -> None:
        self.classes = tuple(classes)
        self.index = {c: k for k, c in enumerate(self.classes)}
        self.bits = bits
        self.rows = rows if rows is not None else np.zeros(0, np.int64)
        self.weights = weights if weights is not None else np.zeros((0, len(self.classes)), np.float32)
        self.bias = bias if bias is not None else np.zeros(len(self.classes), np.float32)
        self.meta = dict(meta or {})
        self._padded: np.ndarray | None = None
        """``weights`` with a row of zeros below (made when first scoring)."""
        self._row_of: dict[str, int] = {}
        """Feature → its row in ``weights`` (-1: no row), remembered: features repeat."""

    def hashes(self, features: Iterable[str]) -> np.ndarray:
        return np.unique(np.fromiter(map(self._hash, features), np.int64))

    def _hash(self, feature: str) -> int:
        """The feature's row in the full table: CRC-32, stable across machines and runs."""
        return zlib.crc32(feature.encode()) & ((1 << self.bits) - 1)

    def probabilities(self, features: Iterable[str], allowed: Sequence[str]) -> dict[str, float]:
        """The distribution over ``allowed`` (a subset of the classes) given the features."""
        return self.probabilities_of([features], [allowed])[0]

    def probabilities_of(self, features: Sequence[Iterable[str]],
                         allowed: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        """:meth:`probabilities` of many items at once: one gather and one sum for all of
        them (numpy's cost per call, not per number, is what a pair's scoring would pay)."""
        if not features:
            return []
        rows, starts = [], []
        for item in features:
            starts.append(len(rows))
            rows += self._rows(item)
            rows.append(len(self.weights))  # a zero row: no item sums nothing
        if self._padded is None or len(self._padded) != len(self.weights) + 1:
            self._padded = np.vstack([self.weights, np.zeros((1, len(self.classes)), self.weights.dtype)])
        scores = (np.add.reduceat(self._padded[rows], starts, axis=0) + self.bias).tolist()
        return [_softmax(row, [self.index[c] for c in classes], classes) for row, classes in zip(scores, allowed)]

    def _rows(self, features: Iterable[str]) -> list[int]:
        """The rows of the features the model has, each once, in order: the remembered
        ones looked up here (a pair has some forty features, nearly all seen before)."""
        known = self._row_of
        rows = {known[f] if f in known else self._row(f) for f in features}
        rows.discard(-1)
        return sorted(rows)

    def _row(self, feature: str) -> int:
        row = self._row_of.get(feature)
        if row is None:
            if len(self._row_of) > _MEMO:
                self._row_of.clear()
            hashed = self._hash(feature)
            k = int(np.searchsorted(self.rows, hashed))
            row = self._row_of[feature] = k if k < len(self.rows) and self.rows[k] == hashed else -1
        return row

    def fit(self, examples: Sequence[Example], *, epochs: int = 4, rate: float = 0.05, l2: float = 1e-4,
            seed: int = 0) -> LinearModel:
        """Stochastic gradient descent with AdaGrad steps, examples in a seeded order."""
        dense = np.zeros((1 << self.bits, len(self.classes)), np.float32)
        squares = np.full_like(dense, 1e-6)
        encoded = [(self.hashes(e.features), [self.index[c] for c in e.allowed], e.target) for e in examples]
        order = np.random.default_rng(seed)
        for _ in range(epochs):
            for k in order.permutation(len(encoded)):
                hashes, columns, target = encoded[k]
                gradient = self._gradient(dense[hashes].sum(axis=0) + self.bias, columns, target)
                step = gradient + l2 * dense[hashes]
                squares[hashes] += step * step
                dense[hashes] -= rate * step / np.sqrt(squares[hashes])
                self.bias -= 0.01 * gradient
        self.rows = np.flatnonzero(np.abs(dense).sum(axis=1) > 0)
        self.weights = dense[self.rows]
        self._row_of.clear()
        self._padded = None
        return self

    def _gradient(self, scores: np.ndarray, columns: list[int], target: Mapping[str, float]) -> np.ndarray:
        """Softmax over the allowed columns minus the target (zero elsewhere)."""
        allowed = scores[columns] - scores[columns].max()
        odds = np.exp(allowed)
        gradient = np.zeros(len(self.classes), np.float32)
        gradient[columns] = odds / odds.sum()
        for name, weight in target.items():
            gradient[self.index[name]] -= weight
        return gradient

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / WEIGHTS_FILE, rows=self.rows.astype(np.int32),
                            weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32))
        meta = {"classes": list(self.classes), "bits": self.bits, **self.meta}
        (path / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        with np.load(path / WEIGHTS_FILE) as arrays:
            rows, weights, bias = arrays["rows"].astype(np.int64), arrays["weights"], arrays["bias"]
        classes, bits = meta.pop("classes"), meta.pop("bits")
        return cls(classes, bits=bits, rows=rows, weights=weights, bias=bias, meta=meta)
