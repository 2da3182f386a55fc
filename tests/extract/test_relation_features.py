"""What the relation model sees of a pair: features over the parse, on parsed German sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from sovkg.extract.relation_features import End, Words, pair_features


@pytest.fixture(scope="module")
def parse():
    from sovkg.extract.nlp import load_pipeline

    nlp = load_pipeline(kb="none")
    cues = nlp.get_pipe("sovkg_relation_model")._cue_names

    def run(text: str) -> tuple[Doc, dict[str, Span], Words]:
        doc = nlp(text)
        return doc, {s.text: s for s in doc.spans["sovkg_mentions"]}, Words(doc, cues)

    return run


def test_a_passive_with_its_agent(parse) -> None:
    doc, spans, cues = parse("Das Projekt LLMoin wird vom Land Hamburg gefördert.")
    features = pair_features(End(spans["LLMoin"]), End(spans["Hamburg"]), cues)
    assert "top-cue=fundedBy" in features  # the verb where the ends meet is a funding cue
    assert "top-passive" in features
    assert "order=sv" in features and "between=von der" in features
    # up from the name to "Projekt", to the verb, down to "Land" and its name
    assert "path=appos^/nsubj:pass^/oblv/nmodv" in features
    assert "s-via=name" in features and "o-via=name" in features


def test_the_ends_meet_at_their_lowest_common_head(parse) -> None:
    doc, spans, words = parse("Das Projekt LLMoin wird vom Land Hamburg gefördert.")
    up, top, down = words.meeting(spans["LLMoin"].root.i, spans["Hamburg"].root.i)
    assert top is not None and doc[top].text == "gefördert"
    assert [doc[i].text for i in up] == ["LLMoin", "Projekt"] and [doc[i].text for i in down] == ["Hamburg", "Land"]


def test_an_end_stated_by_a_description(parse) -> None:
    """"Das Institut" stands for the Lamarr-Institut named before: the pair says so."""
    doc, spans, cues = parse("Das Lamarr-Institut forscht zu KI. Das Institut hat seinen Sitz in Dortmund.")
    proxy = doc[8:10]
    assert proxy.text == "Das Institut"
    end = End(proxy, spans["Lamarr-Institut"])
    assert end.via == "description" and end.entity is spans["Lamarr-Institut"]
    features = pair_features(end, End(spans["Dortmund"]), cues)
    assert "s-via=description" in features and "s-via-last=institut" in features
    assert "type=ResearchOrganization>Place" in features or "type=Organization>Place" in features


def test_far_apart_ends_keep_only_the_path(parse) -> None:
    text = ("Das Forschungszentrum Jülich, das seit vielen Jahren mit zahlreichen Partnern aus Wissenschaft, "
            "Wirtschaft und Verwaltung an Fragen der Rechentechnik arbeitet, betreibt die Plattform LLMoin.")
    doc, spans, cues = parse(text)
    features = pair_features(End(spans["LLMoin"]), End(spans["Forschungszentrum Jülich"]), cues)
    assert "gap=20+" in features
    assert not any(f.startswith("between=") for f in features)
    assert any(f.startswith("path=") for f in features)
