"""The Bavarian layout on a reconstructed paper and on the blind document of the evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from layout_papers import PARLIAMENTS, by_kind, read_paper

BLIND = Path(__file__).parents[2] / "data" / "blind"


def test_a_schriftliche_anfrage_with_sub_numbered_questions() -> None:
    expected = json.loads((PARLIAMENTS / "by" / "by-19-5412.json").read_text(encoding="utf-8"))
    documents = by_kind(read_paper(PARLIAMENTS / "by" / "by-19-5412.txt"))
    anfrage, antwort = documents["KleineAnfrage"], documents["Antwort"]
    assert anfrage.layout == "bayern" and antwort.answers == anfrage
    assert (anfrage.drucksache, anfrage.title, anfrage.date) == (
        "19/5412", expected["kleine_anfrage"]["title"], expected["kleine_anfrage"]["date"])
    assert [(a.name, anfrage.party.name) for a in anfrage.askers] == [("Lukas Brandl", "BÜNDNIS 90/DIE GRÜNEN")]
    assert antwort.answered_by.name == expected["antwort"]["answered_by"]
    assert [r.name for r in antwort.in_agreement_with] == expected["antwort"]["in_agreement_with"]
    assert antwort.date == expected["antwort"]["date"]
    asked = [s.numbers[0] for s in anfrage.sections if s.kind == "question"]
    assert asked == [q["number"] for q in expected["questions"]]
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert [list(s.numbers) for s in answers] == [a["numbers"] for a in expected["answers"]]
    assert [bool(s.declined) for s in answers] == [a["declined"] for a in expected["answers"]]
    assert "Landtagsamt" not in answers[-1].text and "Seite 2/3" not in answers[3].text


def test_the_blind_bavarian_paper() -> None:
    gold = json.loads((BLIND / "gold" / "by-19-6214-bayernki.json").read_text(encoding="utf-8"))["structure"]
    documents = by_kind(read_paper(BLIND / "corpus" / "by-19-6214-bayernki.txt"))
    anfrage, antwort = documents["KleineAnfrage"], documents["Antwort"]
    expected = gold["schriftliche_anfrage"]
    assert (anfrage.drucksache, anfrage.wahlperiode, anfrage.date, anfrage.issued, anfrage.title) == (
        expected["drucksache"], expected["wahlperiode"], expected["date"], expected["issued"], expected["title"])
    assert antwort.date == gold["antwort"]["date"]
    assert antwort.answered_by.name == "Staatsministerium für Digitales"
    assert [r.name for r in antwort.in_agreement_with] == ["Staatsministerium für Wissenschaft und Kunst"]
    assert [s.numbers[0] for s in anfrage.sections if s.kind == "question"] == gold["question_numbers"]
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert [",".join(s.numbers) for s in answers] == gold["answer_numbers"]
    assert [",".join(s.numbers) for s in answers if s.declined] == gold["declined_answers"]


@pytest.mark.parametrize("start", ["Die Fragen 1.1 und 1.2 werden", "Von einer Beantwortung der Frage 3.2"])
def test_answers_start_where_the_gold_says(start: str) -> None:
    antwort = by_kind(read_paper(BLIND / "corpus" / "by-19-6214-bayernki.txt"))["Antwort"]
    assert any(s.text.startswith(start) for s in antwort.sections if s.kind == "answer")
