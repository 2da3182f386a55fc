"""The learned NER model in the pipeline (``sovkg_names``): the shipped model,
really loaded, checks the rules' weakest guesses and adds the names they missed."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.extract.nlp import load_pipeline


@pytest.fixture(scope="module")
def with_model():
    return load_pipeline(kb="none", ner=True)


def _mentions(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    return {(s.text, s.label_, s._.sovkg_method) for s in doc.spans["sovkg_mentions"]}


def test_without_ner_it_checks_the_weak_guesses_only() -> None:
    """By default the model runs on the sentences with a weak guess, and proposes nothing."""
    nlp = load_pipeline(kb="none")
    assert not nlp.get_pipe("sovkg_names").propose
    assert not any(text == "Soundlogo" for text, _, _ in _mentions(nlp, "Die Kampagne nutzt das „Soundlogo“ des Landes."))
    assert ("GovTeuken", "Initiative", "sovkg_patterns:quoted") in _mentions(nlp, "Koordiniert wird „GovTeuken“ von IT.NRW.")
    assert ("Critical", "Initiative", "sovkg_patterns:quoted-untyped") not in _mentions(
        nlp, "Das Finding wurde als „Critical“ eingestuft.")


@pytest.mark.parametrize("kb", ["default", "none"])
def test_a_place_joined_by_a_hyphen_to_an_unknown_name_is_one_place(kb: str) -> None:
    """ "Berlin-Wilmersdorf" is a district, not Berlin; whether a list or the knowledge base
    found "Berlin" first. A word the German word list knows makes no district ("Bayern-Cloud"),
    nor do a country's name ("des Deutschland-Stacks") and places inside a longer name after an
    acronym or abbreviation ("RPTU Kaiserslautern-Landau", "e. V. Meppen-Emsland Mitte")."""
    found = {text for text, label, _ in _mentions(load_pipeline(kb=kb), (
        "Das Rechenzentrum steht in Berlin-Wilmersdorf, der Landkreis Marburg-Biedenkopf testet die Bayern-Cloud. "
        "Die Entwicklung des Deutschland-Stacks und die RPTU Kaiserslautern-Landau. Der Sozialdienst katholischer "
        "Frauen e. V. Meppen-Emsland Mitte und die Bezirksämter Marzahn-Hellersdorf beraten.")) if label in ("Place", "GovernmentBody")}
    assert {"Berlin-Wilmersdorf", "Landkreis Marburg-Biedenkopf", "Marzahn-Hellersdorf"} <= found
    assert not {"Berlin", "Landkreis Marburg", "Bayern-Cloud", "Deutschland-Stacks", "Kaiserslautern-Landau",
                "Meppen-Emsland"} & found


def test_a_quoted_common_word_the_model_does_not_take_for_a_name_is_dropped(with_model) -> None:
    assert not any(text == "Soundlogo" for text, _, _ in _mentions(with_model, "Die Kampagne nutzt das „Soundlogo“ des Landes."))
    assert ("KommunalCloud", "Initiative", "sovkg_patterns:apposition") in _mentions(
        with_model, "Das Projekt „KommunalCloud“ startet in Kiel.")


def test_persons_with_a_title_and_organisations_with_a_head_noun(with_model) -> None:
    found = _mentions(with_model, "Das sagt Frau Jamie Brettschneider vom Institut.")  # a first name on no list
    assert ("Jamie Brettschneider", "Person", "sovkg_names:model-per") in found
    # a person's name before a head noun names a body, not a person (rules or model)
    found = _mentions(with_model, "Die Förderung übernimmt die Dieter Schwarz Stiftung.")
    assert {(text, label) for text, label, _method in found} == {("Dieter Schwarz Stiftung", "Organization")}


def test_it_saves_and_loads(with_model, tmp_path: Path) -> None:
    import spacy

    with_model.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert "sovkg_names" in loaded.pipe_names
    text = "Das sagt Prof. Dr. Annika Brettschneider vom Institut."
    assert _mentions(loaded, text) == _mentions(with_model, text)


def test_a_document_without_weak_guesses_never_loads_the_model() -> None:
    from sovkg.extract.names import NameModel

    nlp = load_pipeline(kb="none")
    doc = nlp.make_doc("Das Projekt NRW.Genius startet.")
    span = doc[2:3]
    span._.sovkg_method = "sovkg_patterns:apposition"
    doc.spans["sovkg_mentions"] = [span]
    names = NameModel(nlp, "sovkg_names", spans_key="sovkg_mentions", model="default", propose=False)
    assert [s.text for s in names(doc).spans["sovkg_mentions"]] == ["NRW.Genius"]
    assert names._model is None
