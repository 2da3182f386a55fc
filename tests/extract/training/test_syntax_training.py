"""The syntax model's training workflow on the tiny UD sample: DocBins, pretraining, a few
steps, the saved model; and the plan that keeps the benchmark sentences out of training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from sovkg.extract.training import ud
from sovkg.extract.training.__main__ import main
from sovkg.extract.training.plan import load_plan, select
from sovkg.extract.training.syntax import PLAN, SYNTAX, write_ud_docbins


def test_ud_docs_carry_every_layer_and_merge_contractions(nlpdata_sample: Path) -> None:
    docs = list(ud.docs(spacy.blank("de").vocab, nlpdata_sample / "ud" / "de_gsd-ud-dev.conllu"))
    assert len(docs) == 40
    first = docs[0]
    assert [t.text for t in first] == ["Manasse", "ist", "ein", "einzigartiger", "Parfümeur", "."]
    assert [t.pos_ for t in first][:2] == ["PROPN", "AUX"] and first[1].lemma_ == "sein"
    assert first[0].dep_ == "nsubj" and first[0].head.text == "Parfümeur"
    # the features the patterns read, and only those: "Mood" is no class of the morphologizer
    assert str(first[1].morph) == "Number=Sing|VerbForm=Fin"
    assert str(first[2].morph) == "Case=Nom|Gender=Masc|Number=Sing|PronType=Art"
    words = [t.text.lower() for d in docs for t in d]
    assert "zum" in words or "im" in words or "am" in words  # "zu dem" kept as the tokenizer writes it


def test_raw_words_of_ud_for_pretraining(nlpdata_sample: Path) -> None:
    sentences = list(ud.read(nlpdata_sample / "ud" / "de_gsd-ud-dev.conllu"))
    assert sentences[0].words == ("Manasse", "ist", "ein", "einzigartiger", "Parfümeur", ".")
    assert all(set(s.tags) == {"O"} for s in sentences)


def test_the_benchmark_sentences_are_not_trained_or_selected_on() -> None:
    """bench_syntax.py scores GSD test every:4; the plan may use only the other sentences."""
    rows = [r for r in load_plan(shipped=PLAN) if r.file == "ud/de_gsd-ud-test.conllu"]
    assert rows and all(r.part == "except:4" for r in rows)
    held_out = set(select(range(100), "every:4"))
    assert not held_out & set(select(range(100), "except:4"))


def test_docbins_of_the_plan(nlpdata_sample: Path, tmp_path: Path) -> None:
    paths = write_ud_docbins(nlpdata_sample, tmp_path, load_plan(shipped=PLAN))
    train = list(DocBin().from_disk(paths["train"]).get_docs(spacy.blank("de").vocab))
    dev = list(DocBin().from_disk(paths["dev"]).get_docs(spacy.blank("de").vocab))
    assert len(train) == 40 + 30 + 27 and len(dev) == 3  # GSD dev, GSD test except:4, PUD except:10 / every:10
    assert all(d.has_annotation("DEP") and d.has_annotation("LEMMA") for d in train)


def test_a_non_ud_row_is_refused(nlpdata_sample: Path, tmp_path: Path) -> None:
    plan = [*load_plan(shipped=PLAN), *[r for r in load_plan() if r.split == "train"][:1]]
    with pytest.raises(ValueError, match="UD files only"):
        write_ud_docbins(nlpdata_sample, tmp_path, plan)


def test_train_a_few_steps_and_load(nlpdata_sample: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "syntax"
    main(["syntax", "--corpora", str(nlpdata_sample), "--out", str(out), "--work", str(tmp_path / "work"),
          "--max-steps", "4"])
    assert f"model written to {out}" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == sorted(SYNTAX.parts)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "sovkg_syntax" and "CC BY-SA" in meta["license"]
    assert "work" not in (out / "config.cfg").read_text(encoding="utf-8")
    assert (tmp_path / "work" / "pretrain" / "model-last.bin").is_file()
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser"]
    doc = nlp("Das Land fördert das Projekt.")
    assert doc.has_annotation("DEP") and all(t.lemma_ for t in doc)


def test_compounds_are_split_as_the_pipeline_tokenizes() -> None:
    from spacy.tokens import Doc

    from sovkg.extract.training.ud import split_compounds

    doc = Doc(spacy.blank("de").vocab, words=["die", "KI-Anwendung", "läuft"], heads=[1, 2, 2],
              deps=["det", "nsubj", "ROOT"], pos=["DET", "NOUN", "VERB"], lemmas=["der", "KI-Anwendung", "laufen"],
              morphs=["", "Case=Nom|Gender=Fem", ""])
    split = split_compounds(doc)
    assert [(t.text, t.dep_, t.head.text, t.pos_) for t in split] == [
        ("die", "det", "Anwendung", "DET"), ("KI", "compound", "Anwendung", "PROPN"),
        ("-", "punct", "Anwendung", "PUNCT"), ("Anwendung", "nsubj", "läuft", "NOUN"),
        ("läuft", "ROOT", "läuft", "VERB")]
    assert split[3].lemma_ == "Anwendung" and str(split[3].morph) == "Case=Nom|Gender=Fem"
    from sovkg.extract.nlp import load_pipeline

    assert [t.text for t in load_pipeline(kb="none").make_doc("die KI-Anwendung läuft")] == [t.text for t in split]


def test_the_name_augmenter_renames_proper_nouns_and_keeps_the_rest(nlpdata_sample: Path) -> None:
    import random

    from spacy.training import Example

    from sovkg.extract.training.augment import create_name_shapes, with_names

    nlp = spacy.blank("de")
    doc = next(d for d in ud.docs(nlp.vocab, nlpdata_sample / "ud" / "de_gsd-ud-dev.conllu")
               if any(t.pos_ == "PROPN" for t in d))
    example = Example(Doc(nlp.vocab, words=[t.text for t in doc]), doc)
    renamed = with_names(nlp, example, random.Random(1)).reference
    assert [t.dep_ for t in renamed] == [t.dep_ for t in doc] and [t.head.i for t in renamed] == [t.head.i for t in doc]
    changed = [(a.text, b.text) for a, b in zip(doc, renamed) if a.text != b.text]
    assert changed and all(a.pos_ == "PROPN" for a, b in zip(doc, renamed) if a.text != b.text)
    assert len(list(create_name_shapes(level=1.0)(nlp, example))) == 2
    assert len(list(create_name_shapes(level=0.0)(nlp, example))) == 1
