"""The whole training workflow on the tiny sample: DocBins, pretraining, a few training steps, the saved model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from sovkg.extract.training.__main__ import main
from sovkg.extract.training.docbins import write_docbins
from sovkg.extract.training.ner import NER
from sovkg.extract.training.plan import load_plan


def test_docbins_hold_coarse_entities_and_unknown_tokens(nlpdata_sample: Path, tmp_path: Path) -> None:
    paths = write_docbins(nlpdata_sample, tmp_path, load_plan())
    nlp = spacy.blank("de")
    train = list(DocBin().from_disk(paths["train"]).get_docs(nlp.vocab))
    dev = list(DocBin().from_disk(paths["dev"]).get_docs(nlp.vocab))
    assert {e.label_ for d in train for e in d.ents} == {"PER", "ORG", "LOC", "LAW"}
    assert any(t.ent_iob == 0 for d in train for t in d)  # GermEval OTH, MobIE "location": unknown
    # GermEval dev: 35 of its 40 sentences (except:8), test: 22 of its 30 (except:4), 4 times; 5 in dev
    stats = (tmp_path / "stats.tsv").read_text(encoding="utf-8")
    assert "train\tgermeval\tdocs\t228\n" in stats and "dev\tgermeval\tdocs\t5\n" in stats
    assert len(dev) == 8 + 5 + 10


@pytest.mark.slow
def test_train_a_few_steps_and_load(nlpdata_sample: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ner"
    main(["ner", "--corpora", str(nlpdata_sample), "--out", str(out), "--work", str(tmp_path / "work"),
          "--max-steps", "4"])
    assert f"model written to {out}" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == sorted(NER.parts)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "sovkg_ner" and "NOTICE" in meta["license"]
    assert "work" not in (out / "config.cfg").read_text(encoding="utf-8")
    assert json.loads((out / "vocab" / "strings.json").read_text(encoding="utf-8")) == ["LAW", "LOC", "ORG", "PER"]
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "LAW"}
    nlp("Der Bundesgerichtshof in Karlsruhe entschied nach § 823 BGB.")
