"""Exact-span precision, recall and F1 per class, as the CoNLL and GermEval scripts count.

The model is run on the gold tokens (``gold_docs``), so spans align one to one and a
hit is the same start, end and class. A predicted span that touches a token the gold
leaves unannotated (a label mapped to ``-``) is neither right nor wrong and is not
counted, as spaCy's own scorer does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(slots=True)
class PRF:
    """Counts of one class (or of a micro average) and the figures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_docs(predicted: Iterable[Doc], gold: Iterable[Doc], labels: Sequence[str]) -> dict[str, PRF]:
    """Per-class counts for ``labels`` and their micro average under the key ``"micro"``.

    Only ``labels`` are scored: a predicted LAW span on GermEval text, which has no
    LAW class, is ignored rather than counted as a false positive.
    """
    scores = {label: PRF() for label in labels}
    for pred, ref in zip(predicted, gold, strict=True):
        if len(pred) != len(ref):
            raise ValueError(f"predicted and gold docs differ in tokens: {pred.text[:60]!r}")
        unknown = {t.i for t in ref if t.ent_iob == 0}
        gold_spans = {(e.start, e.end, e.label_) for e in ref.ents if e.label_ in scores}
        pred_spans = {(e.start, e.end, e.label_) for e in pred.ents if e.label_ in scores
                      and not unknown.intersection(range(e.start, e.end))}
        for start, end, label in pred_spans:
            if (start, end, label) in gold_spans:
                scores[label].tp += 1
            else:
                scores[label].fp += 1
        for start, end, label in gold_spans - pred_spans:
            scores[label].fn += 1
    micro = PRF(sum(s.tp for s in scores.values()), sum(s.fp for s in scores.values()),
                sum(s.fn for s in scores.values()))
    return {**scores, "micro": micro}
