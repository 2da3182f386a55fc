"""The training plan: benchmark splits stay out of it, and parts select as documented."""

from __future__ import annotations

import pytest

from sovkg.extract.training.plan import load_plan, select

#: what bench_ner.py scores: LER test whole, GermEval 2014 test every fourth sentence
BENCHMARK_SPLITS = {"ler/ler_test.conll": "all", "germeval2014/NER-de-test.tsv": "every:4"}


def test_benchmark_splits_are_not_in_the_plan() -> None:
    for row in load_plan():
        held_out = BENCHMARK_SPLITS.get(row.file)
        assert held_out is None or held_out.replace("every", "except") == row.part, row
    assert {row.split for row in load_plan()} == {"train", "dev", "pretrain"}


def test_a_file_in_train_and_dev_is_cut_into_disjoint_parts() -> None:
    by_file: dict[str, list[str]] = {}
    for row in (r for r in load_plan() if r.split in ("train", "dev")):
        by_file.setdefault(row.file, []).append(f"{row.split} {row.part}")
    for file, parts in by_file.items():
        if len(parts) > 1:
            (_, a), (_, b) = (p.split() for p in parts)
            assert {a.split(":")[0], b.split(":")[0]} == {"every", "except"}, file
            assert a.split(":")[1] == b.split(":")[1], file


def test_dev_sentences_are_not_pretrained_on() -> None:
    dev = {(r.file, r.part) for r in load_plan() if r.split == "dev"}
    for row in (r for r in load_plan() if r.split == "pretrain"):
        for file, part in dev:
            if row.file == file:
                assert row.part == part.replace("every", "except"), row


def test_select_parts() -> None:
    items = list(range(10))
    assert list(select(items, "all")) == items
    assert list(select(items, "every:4")) == [0, 4, 8]
    assert list(select(items, "except:4")) == [1, 2, 3, 5, 6, 7, 9]
    with pytest.raises(ValueError, match="every:N"):
        list(select(items, "some"))
