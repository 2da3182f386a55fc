"""Every parliament's layout on a reconstructed paper of that parliament, against the
structure its author wrote down without seeing the code (tests/data/parliaments/SOURCES.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from layout_papers import PARLIAMENTS, by_kind, read_paper

from sovkg.extract.layouts import available_layouts

EXPECTED = sorted(p for p in PARLIAMENTS.glob("*/*.json") if p.name != "metadata.json")


def _same_office(expected: str, found: str | None) -> bool:
    """The paper may name a ministry without its Land ("Ministerin für Digitalisierung und
    Innovation" for "Hessisches Ministerium …"), and sovkg names a Senate with its Land."""
    if found is None:
        return expected == "Landesregierung"  # the paper names no ministry (Saarland)
    return expected == found or expected.endswith(found) or found.startswith(expected)


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_a_parliaments_paper(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    parts = read_paper(path.with_suffix(".txt"))
    documents = by_kind(parts)
    anfrage, antwort = documents["KleineAnfrage"], documents["Antwort"]
    assert parts[0].layout != "generic" and antwort.answers == anfrage
    asked, answered = expected["kleine_anfrage"], expected["antwort"]
    assert (anfrage.drucksache, antwort.drucksache) == (asked["drucksache"], answered["drucksache"])
    assert anfrage.title == asked["title"]
    assert [a.name for a in anfrage.askers] == [a["name"] for a in asked["askers"]]
    parties = {a["party"].casefold() for a in asked["askers"]}
    assert not parties or anfrage.party.name.casefold() in parties
    assert asked["date"] in (None, anfrage.date)
    assert answered["date"] in (None, antwort.date or antwort.issued)
    assert _same_office(answered["answered_by"], antwort.answered_by.name if antwort.answered_by else None)
    agreed = [r.name for r in antwort.in_agreement_with]
    assert len(agreed) == len(answered["in_agreement_with"])
    assert all(_same_office(e, f) for e, f in zip(answered["in_agreement_with"], agreed))
    questions = [s for s in anfrage.sections if s.kind == "question"]
    assert [s.numbers[0] for s in questions] == [q["number"] for q in expected["questions"]]
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert [list(s.numbers) for s in answers] == [a["numbers"] for a in expected["answers"]]
    assert [bool(s.declined) for s in answers] == [a["declined"] for a in expected["answers"]]
    for section, wanted in zip(answers, expected["answers"]):
        assert re.sub(r"\s+", " ", section.text).startswith(wanted["text_starts"])


def test_every_parliament_with_a_fixture_has_a_layout() -> None:
    codes = {path.parent.name for path in EXPECTED} | {"ni"}
    layouts = {getattr(layout, "parliament_code", "") for layout in available_layouts()}
    assert codes <= layouts
