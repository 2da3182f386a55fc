"""Training the relation model from the repository's annotated documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.extract.linear_model import LinearModel
from sovkg.extract.training.__main__ import main
from sovkg.extract.training.relations import choose_thresholds, examples, labelled_pairs, load_sets

DATA = Path(__file__).parents[2] / "data"


def test_the_plan_names_development_sets_only() -> None:
    sets = load_sets(DATA)
    assert [s.name for s in sets][:2] == ["development", "heldout"]
    for annotated in sets:
        assert "blind" not in str(annotated.gold) and "blind" not in str(annotated.corpus)
        assert any(annotated.gold.glob("*.json")) and annotated.corpus.is_dir()


def test_pairs_are_labelled_by_the_gold_sentence() -> None:
    development = next(s for s in load_sets(DATA) if s.name == "development")
    pairs = labelled_pairs(development, "none")
    related = [p for p in pairs if p.labels]
    assert len(pairs) > 300 and len(related) > 50
    assert any(p.subject == "nrw-genius" and "developedBy" in p.labels for p in related)
    items = examples(pairs)
    assert all(abs(sum(i.target.values()) - 1) < 1e-9 for i in items)
    assert {k for i in items for k in i.target} - {"none", *{l for p in pairs for l in p.labels}} == set()
    assert len(items) < len(pairs)  # pairs related only in another sentence teach nothing


def test_thresholds_keep_what_adds_precision() -> None:
    from sovkg.graph.evaluate import Counts, Score
    from sovkg.extract.training.relations import Fold

    def score(**counts: tuple[int, int]) -> Score:
        found = Score()
        for predicate, (tp, fp) in counts.items():
            found.relations_by_predicate[predicate] = Counts(tp=tp, fp=fp)
        return found

    fold = Fold("x", "none", score(locatedIn=(10, 2), fundedBy=(5, 1)),
                {0.6: score(locatedIn=(20, 5), fundedBy=(6, 9)), 0.8: score(locatedIn=(15, 3), fundedBy=(5, 3))})
    # locatedIn at 0.6 adds 10 right and 3 wrong; fundedBy adds 1 right and 8 wrong, then nothing right
    assert choose_thresholds([fold]) == {"locatedIn": 0.6}


@pytest.mark.slow
def test_train_on_two_sets_and_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "sets.tsv"
    plan.write_text("# two sets, one epoch\ndevelopment\tgold\tcorpus\ndev2\tdev2/gold\tdev2/corpus\n",
                    encoding="utf-8")
    out = tmp_path / "relations"
    main(["relations", "--data", str(DATA), "--plan", str(plan), "--out", str(out), "--epochs", "1"])
    assert f"model written to {out}" in capsys.readouterr().out
    model = LinearModel.load(out)
    assert model.meta["trained_on"] == ["development", "dev2"] and model.meta["epochs"] == 1
    assert isinstance(model.meta["thresholds"], dict) and len(model.rows) > 1000
