"""Exact-span scoring on hand-built docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sovkg.extract.training.score import score_docs

WORDS = ["Angela", "Merkel", "besuchte", "Bonn", "und", "die", "Charité", "."]


def _doc(ents: list[str | None]) -> Doc:
    return Doc(spacy.blank("de").vocab, words=WORDS, ents=ents)


def test_exact_spans_per_class_and_micro() -> None:
    gold = _doc(["B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-ORG", "O"])
    pred = _doc(["B-PER", "O", "O", "B-LOC", "O", "O", "B-LOC", "O"])
    scores = score_docs([pred], [gold], ["PER", "LOC", "ORG"])
    assert (scores["PER"].tp, scores["PER"].fp, scores["PER"].fn) == (0, 1, 1)
    assert (scores["LOC"].tp, scores["LOC"].fp) == (1, 1)
    assert scores["ORG"].fn == 1
    micro = scores["micro"]
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 2)
    assert micro.precision == pytest.approx(1 / 3) and micro.f1 == pytest.approx(1 / 3)


def test_unscored_classes_and_unknown_gold_tokens_are_ignored() -> None:
    gold = _doc(["B-PER", "I-PER", "O", "B-LOC", "O", "O", None, "O"])
    pred = _doc(["B-PER", "I-PER", "O", "B-LAW", "O", "O", "B-ORG", "O"])
    scores = score_docs([pred], [gold], ["PER", "LOC", "ORG"])
    assert (scores["ORG"].fp, scores["ORG"].tp) == (0, 0)
    assert (scores["LOC"].fn, scores["LOC"].fp) == (1, 0)
    assert scores["PER"].f1 == 1.0
