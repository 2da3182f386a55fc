"""The documents of the sample and of a flattened Antwort as RDF, and the structure queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from sovkg.ontology import SOVKG

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
QUERIES = Path(__file__).parents[2] / "queries"
ID = "https://w3id.org/sovkg/id/"
SAMPLE = ID + "doc/nrw-18-13128-kleine-anfrage-5276/"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Dataset:
    from sovkg.builder import build

    out = tmp_path_factory.mktemp("structure")
    report = build([CORPUS / "nrw-18-13128-kleine-anfrage-5276.txt", CORPUS / "nrw-17-2830-freie-software.txt"], out)
    assert report.violations == ()
    dataset = Dataset(default_union=True)
    dataset.parse(out / "graph.trig", format="trig")
    return dataset


def _label(data: Dataset, node) -> str:
    return str(data.value(node, SKOS.prefLabel))


def test_the_sample_kleine_anfrage(data: Dataset) -> None:
    anfrage = URIRef(SAMPLE + "kleine-anfrage")
    assert (anfrage, RDF.type, SOVKG.KleineAnfrage) in data
    assert data.value(anfrage, SOVKG.number) == Literal("5276")
    assert data.value(anfrage, SOVKG.drucksache) == Literal("18/13128")
    assert data.value(anfrage, SOVKG.wahlperiode) == Literal(18)
    assert data.value(anfrage, DCTERMS.date) == Literal("2025-03-17", datatype=XSD.date)
    assert data.value(anfrage, DCTERMS.issued) == Literal("2025-03-18", datatype=XSD.date)
    askers = sorted(_label(data, p) for p in data.objects(anfrage, SOVKG.askedBy))
    assert askers == ["Angela Freimuth", "Franziska Müller-Rech"]
    for person in data.objects(anfrage, SOVKG.askedBy):
        assert [_label(data, p) for p in data.objects(person, SOVKG.memberOf)] == ["Freie Demokratische Partei"]


def test_the_sample_antwort(data: Dataset) -> None:
    antwort, anfrage = URIRef(SAMPLE + "antwort"), URIRef(SAMPLE + "kleine-anfrage")
    assert (antwort, SOVKG.answers, anfrage) in data
    assert data.value(antwort, DCTERMS.date) == Literal("2025-04-24", datatype=XSD.date)
    assert data.value(antwort, DCTERMS.issued) == Literal("2025-04-30", datatype=XSD.date)
    assert _label(data, data.value(antwort, SOVKG.answeredBy)) == \
        "Ministerium für Heimat, Kommunales, Bau und Digitalisierung"
    assert sorted(_label(data, m) for m in data.objects(antwort, SOVKG.inAgreementWith)) == [
        "Ministerium für Kultur und Wissenschaft",
        "Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie",
    ]
    questions = set(data.subjects(SOVKG.partOf, anfrage)) & set(data.subjects(RDF.type, SOVKG.Question))
    answers = set(data.subjects(SOVKG.partOf, antwort)) & set(data.subjects(RDF.type, SOVKG.Answer))
    assert len(questions) == 5 and len(answers) == 5
    for answer in answers:
        (question,) = data.objects(answer, SOVKG.answers)
        assert data.value(answer, SOVKG.number) == data.value(question, SOVKG.number)
    declined = sorted(str(data.value(a, SOVKG.number)) for a in answers if data.value(a, SOVKG.declined).toPython())
    assert declined == ["3"]


def test_answers_mention_the_entities_named_in_them(data: Dataset, sample_gold) -> None:
    """Most entities the gold file lists for answers 4 and 5 are mentioned by them."""
    from sovkg.graph.evaluate import norm_label

    gold = {e["id"]: {norm_label(n) for n in [e["label"], *e.get("aliases", [])]} for e in sample_gold["entities"]}
    for number in ("4", "5"):
        answer = URIRef(ID + f"answer/nrw-18-13128-kleine-anfrage-5276/antwort/{number}")
        labels = {norm_label(str(label)) for e in data.objects(answer, SOVKG.mentions)
                  for p in (SKOS.prefLabel, SKOS.altLabel) for label in data.objects(e, p)}
        expected = sample_gold["structure"]["answer_mentions"][number]
        found = [g for g in expected if gold[g] & labels]
        assert len(found) >= 0.8 * len(expected), set(expected) - set(found)


def test_the_flattened_antwort(data: Dataset) -> None:
    antwort = URIRef(ID + "doc/nrw-17-2830-freie-software")
    anfrage = data.value(antwort, SOVKG.answers)
    assert data.value(antwort, SOVKG.drucksache) == Literal("17/2830")
    assert data.value(anfrage, SOVKG.drucksache) == Literal("17/2587")
    assert data.value(anfrage, SOVKG.number) == Literal("1035")
    (member,) = data.objects(anfrage, SOVKG.askedBy)
    assert _label(data, member) == "Matthi Bolte-Richter"
    assert _label(data, data.value(member, SOVKG.memberOf)) == "BÜNDNIS 90/DIE GRÜNEN"
    assert _label(data, data.value(antwort, SOVKG.answeredBy)) == \
        "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie"
    assert [_label(data, m) for m in data.objects(antwort, SOVKG.inAgreementWith)] == \
        ["Ministerium für Heimat, Kommunales, Bau und Gleichstellung"]
    (joint,) = [a for a in data.subjects(RDF.type, SOVKG.Answer) if (a, SOVKG.partOf, antwort) in data]
    assert sorted(str(data.value(q, SOVKG.number)) for q in data.objects(joint, SOVKG.answers)) == ["1", "2"]


def _run(data: Dataset, name: str, **bindings):
    query = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    return list(data.query(query, initBindings=bindings))


def test_query_questions_and_answers(data: Dataset) -> None:
    rows = _run(data, "questions-and-answers", document=URIRef(SAMPLE + "antwort"))
    assert [str(r.number) for r in rows] == ["1", "2", "3", "4", "5"]
    assert str(rows[1].answer).startswith("Das Projekt NRW.Genius als zentrales Element")
    assert [r.declined.toPython() for r in rows] == [False, False, True, False, False]


def test_query_declined_answers(data: Dataset) -> None:
    rows = _run(data, "declined-answers")
    assert [(str(r.number), str(r.ministry)) for r in rows] == [
        ("3", "Ministerium für Heimat, Kommunales, Bau und Digitalisierung")]


def test_query_documents_by_party(data: Dataset) -> None:
    rows = _run(data, "documents-by-party")
    assert {(str(r.party), str(r.drucksache)) for r in rows} == {
        ("BÜNDNIS 90/DIE GRÜNEN", "17/2587"), ("Freie Demokratische Partei", "18/13128")}


def test_query_ministries_by_answers(data: Dataset) -> None:
    rows = {str(r.ministry): (int(r.antworten), int(r.inAgreement), int(r.declined))
            for r in _run(data, "ministries-by-answers")}
    assert rows["Ministerium für Heimat, Kommunales, Bau und Digitalisierung"] == (1, 0, 1)
    assert rows["Ministerium für Kultur und Wissenschaft"] == (0, 1, 0)


def test_member_of_carries_its_evidence(data: Dataset) -> None:
    text = (CORPUS / "nrw-17-2830-freie-software.txt").read_text(encoding="utf-8")
    evidence = [e for e in data.subjects(SOVKG.evidencePredicate, SOVKG.memberOf)
                if "nrw-17-2830" in str(data.value(e, SOVKG.inDocument))]
    assert len(evidence) == 1
    (node,) = evidence
    assert _label(data, data.value(node, SOVKG.evidenceSubject)) == "Matthi Bolte-Richter"
    sentence = data.value(node, SOVKG.inSentence)
    start, end = int(data.value(sentence, SOVKG.start)), int(data.value(sentence, SOVKG.end))
    assert text[start:end] == str(data.value(sentence, SOVKG.text))
    assert "Matthi Bolte-Richter BÜNDNIS 90/DIE GRÜNEN" in text[start:end]
    assert str(data.value(node, SOVKG.method)) == "sovkg_structure:asker-party"
    assert 0 < float(data.value(node, SOVKG.confidence)) <= 1
