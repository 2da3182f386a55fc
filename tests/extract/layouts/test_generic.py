"""A paper of a parliament no layout is written for: what the generic layout reads, and
what it leaves out rather than invent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from layout_papers import PARLIAMENTS, by_kind, read_paper

from sovkg.extract.layouts import parse_document

BRANDENBURG = PARLIAMENTS / "bb" / "bb-8-1642.txt"


@pytest.fixture(scope="module")
def unknown(tmp_path_factory) -> Path:
    """A Brandenburg paper as if from a parliament sovkg has no layout for."""
    path = tmp_path_factory.mktemp("unknown") / "musterland-8-1642.txt"
    text = BRANDENBURG.read_text(encoding="utf-8").replace("Landtag Brandenburg", "Landtag Musterland")
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unknown_parliaments_questions_and_answers(unknown: Path) -> None:
    expected = json.loads(BRANDENBURG.with_suffix(".json").read_text(encoding="utf-8"))
    parts = read_paper(unknown)
    assert all(part.layout == "generic" for part in parts)
    documents = by_kind(parts)
    questions = [s.numbers[0] for p in parts for s in p.sections if s.kind == "question"]
    assert sorted(set(questions), key=int) == [q["number"] for q in expected["questions"]]
    answers = [s for s in documents["Antwort"].sections if s.kind == "answer"]
    assert [list(s.numbers) for s in answers] == [a["numbers"] for a in expected["answers"]]
    assert all(s.text.strip() for s in answers)


@pytest.mark.parametrize("paper", sorted(PARLIAMENTS.glob("*/*.txt")), ids=lambda p: p.stem)
def test_no_title_is_a_header_line(paper) -> None:
    for part in read_paper(paper):
        assert part.title is None or not part.title.startswith(("vom ", "-", "Drucksache", "A n t", "Betr"))


def test_no_answer_without_its_text() -> None:
    text = ("Kleine Anfrage der Abgeordneten Erika Muster (SPD)\nOffene Software\n"
            "1. Welche Programme nutzt das Land?\n2. Wie viele Lizenzen?\n\n"
            "Antwort der Landesregierung\n1. Welche Programme nutzt das Land?\n \n2. Wie viele Lizenzen?\n \n")
    for part in parse_document(text):
        assert all(s.text.strip() for s in part.sections)


@pytest.mark.slow
def test_an_unknown_parliaments_paper_builds_shacl_valid(unknown: Path, tmp_path: Path) -> None:
    from sovkg.builder import build

    report = build([unknown], tmp_path / "out", kb="none")
    assert report.validated and report.violations == ()
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "sovkg:Question" in trig and "sovkg:Answer" in trig
