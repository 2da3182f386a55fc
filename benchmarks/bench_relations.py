"""How much the relation model adds to the patterns, on documents it never saw.

Run: python benchmarks/bench_relations.py [--data tests/data] [--epochs 4]

Leave one set out: for each annotated development set of ``relation-sets.tsv``, a
model is trained on the other sets and the set is scored with ``sovkg evaluate``
(``sovkg.evaluate.evaluate``) twice in the same run, with the patterns and rules alone
and with the model beside them, with and without the knowledge base. The model
proposes each predicate above the threshold the shipped model's training chose (on
these same folds, so the figures lean a little to the optimistic side). The shipped
model is trained on all the sets, so their own figures with it are training figures;
these are nearer the truth, and the blind sets, which no training reads, are the test.
Last, each method's right and wrong relations with the model, pooled over the folds.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

from sovkg.extract.linear_model import LinearModel  # noqa: E402
from sovkg.extract.ner_model import model_path  # noqa: E402
from sovkg.extract.training.relations import collect, cross_validate, load_sets  # noqa: E402
from sovkg.graph.evaluate import Score  # noqa: E402

#: the minimum score of the runs: the build's default, under every chosen threshold
MIN_SCORE = 0.6


def _row(name: str, kb: str, patterns: Score, with_model: Score) -> str:
    cells = [f"{s.relations.precision:.3f} / {s.relations.recall:.3f} / **{s.relations.f1:.3f}**"
             if s is with_model else f"{s.relations.precision:.3f} / {s.relations.recall:.3f} / {s.relations.f1:.3f}"
             for s in (patterns, with_model)]
    return f"| {name} | {kb} | {cells[0]} | {cells[1]} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("tests/data"))
    parser.add_argument("--epochs", type=int, default=4)
    args = parser.parse_args()

    thresholds = LinearModel.load(model_path("relations")).meta["thresholds"]
    print("thresholds of the shipped model:", ", ".join(f"{p} {t}" for p, t in sorted(thresholds.items())))
    sets = load_sets(args.data)
    folds = cross_validate(sets, collect(sets), epochs=args.epochs, grid=(MIN_SCORE,), thresholds=thresholds)
    print("| held-out set | KB | patterns alone: P / R / F1 | with the model: P / R / F1 |")
    print("| --- | --- | --- | --- |")
    for fold in folds:
        print(_row(fold.name, fold.kb, fold.patterns, fold.with_model[MIN_SCORE]))
    for kb in ("default", "none"):
        pooled = [Score(), Score()]
        for fold in (f for f in folds if f.kb == kb):
            pooled[0].add(fold.patterns)
            pooled[1].add(fold.with_model[MIN_SCORE])
        print(_row("all, pooled", kb, *pooled))
        print(_methods(kb, pooled[1]))


def _methods(kb: str, score: Score) -> str:
    """Each method's right and wrong relations pooled over the held-out sets, lowest
    precision first: the model's on sets it never saw, the patterns' on the sets that
    shaped them. A method's confidence should not promise more than this."""
    rows = sorted(score.relations_by_method.items(), key=lambda mc: (mc[1].precision, mc[0]))
    return "\n".join([f"methods leaving one set out (kb={kb}): P  TP  FP",
                      *(f"  {name:<52} {c.precision:.2f} {c.tp:4d} {c.fp:3d}" for name, c in rows)])


if __name__ == "__main__":
    main()
