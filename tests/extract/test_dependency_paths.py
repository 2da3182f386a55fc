"""The path language of the relation patterns, on hand-built parses (no model needed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sovkg.extract.dependency_paths import PathError, parse_path


@pytest.fixture()
def passive() -> Doc:
    """ "Das Projekt wird vom Land und der Stadt gefördert ." as UD German parses it."""
    words = ["Das", "Projekt", "wird", "vom", "Land", "und", "der", "Stadt", "gefördert", "."]
    heads = [1, 8, 8, 4, 8, 7, 7, 4, 8, 8]
    deps = ["det", "nsubj:pass", "aux:pass", "case", "obl", "cc", "det", "conj", "ROOT", "punct"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_children_by_relation_and_alias(passive: Doc) -> None:
    verb = passive[8]
    assert [t.text for t in parse_path("subj").follow(verb)] == ["Projekt"]
    assert [t.text for t in parse_path("nsubj:pass").follow(verb)] == ["Projekt"]
    assert [t.text for t in parse_path("nsubj").follow(verb)] == []


def test_a_preposition_selects_the_phrase(passive: Doc) -> None:
    verb = passive[8]
    assert [t.text for t in parse_path("obl:von|vom|durch").follow(verb)] == ["Land"]
    assert parse_path("obl:mit").follow(verb) == []
    assert parse_path("obl:-").follow(verb) == []  # the phrase has a preposition


def test_head_then_children(passive: Doc) -> None:
    assert [t.text for t in parse_path("head.subj").follow(passive[4])] == ["Projekt"]
    assert [t.text for t in parse_path("self").follow(passive[4])] == ["Land"]
    assert parse_path("head").follow(passive[8]) == []  # the root has no head


def test_genitive_needs_the_morphology() -> None:
    words = ["Zentrum", "der", "Universität", "und", "Institut"]
    doc = Doc(Vocab(), words=words, heads=[0, 2, 0, 4, 2], deps=["ROOT", "det", "nmod", "cc", "conj"],
              morphs=["", "Case=Gen", "Case=Gen", "", ""])
    assert [t.text for t in parse_path("nmod:gen").follow(doc[0])] == ["Universität"]
    bare = Doc(Vocab(), words=words, heads=[0, 2, 0, 4, 2], deps=["ROOT", "det", "nmod", "cc", "conj"],
               morphs=["", "Case=Dat", "Case=Dat", "", ""])
    assert parse_path("nmod:gen").follow(bare[0]) == []
    assert [t.text for t in parse_path("nmod:-").follow(bare[0])] == ["Universität"]


@pytest.mark.parametrize("text", ["subject", "obl.heads", "nsubj:passive.x"])
def test_unknown_steps_are_refused_naming_them(text: str) -> None:
    with pytest.raises(PathError, match="unknown step"):
        parse_path(text)


def test_a_list_of_labels_with_subtypes_and_cases_on_the_last() -> None:
    path = parse_path("head.appos,flat:name,nmod:-")
    (head, step) = path.steps
    assert head.deps is None
    assert {"appos", "flat:name", "nmod"} <= step.deps and step.cases == frozenset({"-"})
    assert parse_path("nsubj:pass").steps[0] == parse_path("nsubj:pass").steps[0]
    assert parse_path("nsubj:pass").steps[0].cases is None
