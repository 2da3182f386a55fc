"""Every relation of the sample's graph has evidence that cuts its sentence out of the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF

from sovkg.ontology import SOVKG
from sovkg.ontology.namespace import RELATIONS

QUERIES = Path(__file__).parents[2] / "queries"
CORPUS = Path(__file__).parents[1] / "data" / "corpus"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data(sample_build) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(sample_build.out / "graph.trig", format="trig")
    return dataset


def built(tmp_path: Path, text: str) -> Dataset:
    """The validated build of one press text (without the knowledge base), parsed."""
    from sovkg.builder import build

    (tmp_path / "press.txt").write_text(text, encoding="utf-8")
    report = build([tmp_path / "press.txt"], tmp_path / "out", kb="none")
    assert report.violations == ()
    data = Dataset(default_union=True)
    data.parse(tmp_path / "out" / "graph.trig", format="trig")
    return data


def test_every_relation_has_exact_evidence(data: Dataset) -> None:
    from importlib.resources import files

    source = files("sovkg").joinpath("data", "sample", "nrw-18-13128-kleine-anfrage-5276.txt").read_bytes().decode()
    query = (QUERIES / "evidence.rq").read_text(encoding="utf-8")
    entity = "https://w3id.org/sovkg/id/entity/"
    relations = [(s, p, o) for p in RELATIONS for s, o in data.subject_objects(p)
                 if str(s).startswith(entity) and str(o).startswith(entity)]
    assert len(relations) >= 15
    for s, p, o in relations:
        rows = list(data.query(query, initBindings={"s": s, "p": p, "o": o}))
        assert rows, (s, p, o)
        for row in rows:
            assert source[int(row.start):int(row.end)] == str(row.sentence)
            assert str(row.method) and 0 < float(row.confidence) <= 1


def test_amounts_and_years_are_typed_and_queryable(tmp_path: Path) -> None:
    data = built(tmp_path, "Hierauf setzt das neue Projekt „GovTeuken“ auf. Das Projekt wird in 2025 von dem "
                           "IT-Planungsrat mit 676.200 Euro gefördert.\n")
    rows = list(data.query("""
        PREFIX sovkg: <https://w3id.org/sovkg/ontology#>
        SELECT ?amount ?currency ?year WHERE {
          ?e a sovkg:Evidence ; sovkg:evidencePredicate sovkg:fundedBy ;
             sovkg:amount ?amount ; sovkg:currency ?currency ; sovkg:year ?year .
          FILTER(?amount > 500000)
        }"""))
    assert [(str(r.amount), str(r.currency), str(r.year)) for r in rows] == [("676200.00", "EUR", "2025")]
    evidence = next(data.subjects(RDF.type, SOVKG.Evidence))
    assert str(data.value(evidence, SOVKG.method)).startswith("sovkg_relations:")


def test_a_relation_found_through_a_description_keeps_both_mentions(tmp_path: Path) -> None:
    """ "Das Vorhaben" stands for GovTeuken: the evidence cuts the stating sentence, the
    description and the antecedent out of the source, and the build validates."""
    text = ("Das Land fördert das Projekt „GovTeuken“ in Nordrhein-Westfalen. "
            "Das Vorhaben nutzt das Sprachmodell Teuken-7B.\n")
    data = built(tmp_path, text)
    rows = list(data.query("""
        PREFIX sovkg: <https://w3id.org/sovkg/ontology#>
        SELECT ?s ?p ?o ?as ?ae ?bs ?be ?confidence WHERE {
          ?e sovkg:evidenceSubject ?s ; sovkg:evidencePredicate ?p ; sovkg:evidenceObject ?o ;
             sovkg:confidence ?confidence ;
             sovkg:anaphor [ sovkg:start ?as ; sovkg:end ?ae ; sovkg:refersTo ?s ] ;
             sovkg:antecedent [ sovkg:start ?bs ; sovkg:end ?be ; sovkg:refersTo ?s ] .
        }"""))
    assert rows, "no relation through the description"
    (row,) = [r for r in rows if str(r.p).endswith("#uses")]
    assert text[int(row["as"]):int(row.ae)] == "Das Vorhaben"
    assert text[int(row.bs):int(row.be)] == "GovTeuken"
    assert float(row.confidence) < 0.75  # lower than the pattern's own confidence
    query = (QUERIES / "evidence.rq").read_text(encoding="utf-8")
    (evidence,) = data.query(query, initBindings={"s": row.s, "p": row.p, "o": row.o})
    assert text[int(evidence.start):int(evidence.end)] == "Das Vorhaben nutzt das Sprachmodell Teuken-7B."


def test_a_relation_found_through_a_pronoun_keeps_the_pronoun_and_its_antecedent(tmp_path: Path) -> None:
    text = ("Seit 2023 arbeitet das ELLIS Institute Tübingen in der Stadt. "
            "Es ist Teil des European Laboratory for Learning and Intelligent Systems.\n")
    data = built(tmp_path, text)
    rows = list(data.query("""
        PREFIX sovkg: <https://w3id.org/sovkg/ontology#>
        SELECT ?s ?p ?o ?as ?ae ?bs ?be WHERE {
          ?e sovkg:evidenceSubject ?s ; sovkg:evidencePredicate ?p ; sovkg:evidenceObject ?o ;
             sovkg:anaphor [ sovkg:start ?as ; sovkg:end ?ae ] ;
             sovkg:antecedent [ sovkg:start ?bs ; sovkg:end ?be ] .
        }"""))
    (row,) = [r for r in rows if str(r.p).endswith("#partOf")]
    assert text[int(row["as"]):int(row.ae)] == "Es"
    assert text[int(row.bs):int(row.be)] == "ELLIS Institute Tübingen"
    query = (QUERIES / "evidence.rq").read_text(encoding="utf-8")
    (evidence,) = data.query(query, initBindings={"s": row.s, "p": row.p, "o": row.o})
    assert text[int(evidence.start):int(evidence.end)].startswith("Es ist Teil des European Laboratory")
