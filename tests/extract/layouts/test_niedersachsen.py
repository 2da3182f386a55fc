"""Real papers of the Niedersächsischer Landtag, checked against the Landtag's own listing:
ten that shaped the layout (``ni/``) and fourteen that were measured after it was written
(``ni-heldout/``, see its SOURCES.md)."""

from __future__ import annotations

import re

import pytest
from layout_papers import PARLIAMENTS, by_kind, ni_metadata, read_paper
from sovkg.extract.layouts.common import ministry_name

PAPERS = sorted((PARLIAMENTS / "ni").glob("ni-*.txt")) + sorted((PARLIAMENTS / "ni-heldout").glob("ni-*.txt"))


def _listed_askers(entry: dict) -> tuple[list[str], str | None]:
    """"Omid Najafi und Jens-Christoph Brockmann (AfD)" → the names and the party."""
    names, party = re.fullmatch(r"(.+?)\s*\((.+)\)", entry["anfragende"]).groups()
    return re.split(r",\s*|\s+und\s+", names), None if party == "fraktionslos" else party


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.stem)
def test_a_paper_holds_both_documents_as_the_landtag_lists_them(path) -> None:
    parts = read_paper(path)
    entry = next(e for e in ni_metadata(path.parent) if e["drucksache"] == path.stem.removeprefix("ni-").replace("-", "/"))
    documents = by_kind(parts)
    assert sorted(documents) == ["Antwort", "KleineAnfrage"] and len(parts) == 2
    anfrage, antwort = documents["KleineAnfrage"], documents["Antwort"]
    assert antwort.drucksache == entry["drucksache"] and antwort.answers == anfrage
    assert re.fullmatch(r"19/\d{4,5}", anfrage.drucksache) and anfrage.drucksache != antwort.drucksache
    assert anfrage.title == antwort.title == re.sub(r"\s+", " ", entry["title"])
    names, party = _listed_askers(entry)
    assert len(anfrage.askers) == len(names)
    assert all(listed.endswith(found.name) for listed, found in zip(names, anfrage.askers))
    assert (anfrage.party.name if anfrage.party else None) == party
    assert anfrage.date < anfrage.forwarded < antwort.date
    if "antwortdatum" in entry:
        day, month, year = entry["antwortdatum"].split(".")
        assert antwort.date == f"{year}-{month}-{day}"
    if "ministerium" in entry:
        listed = entry["ministerium"].split(" Antwort de", 1)[1].split(" ", 1)[1]  # "Niedersächsischen …"
        assert antwort.answered_by.name == ministry_name(listed)
    assert antwort.on_behalf_of.name == "Landesregierung Niedersachsen"
    questions = [s for s in anfrage.sections if s.kind == "question"]
    answers = [s for s in antwort.sections if s.kind == "answer"]
    numbered = [s.numbers[0] for s in questions if s.numbers[0].isdigit()]  # besides sub-questions "8a"
    assert numbered == [str(n) for n in range(1, len(numbered) + 1)]
    assert {n for a in answers for n in a.numbers} == {q.numbers[0] for q in questions}  # each answered
    assert all(a.text.strip() for a in answers)


def test_the_preambles_are_parts_of_their_own() -> None:
    anfrage, antwort = read_paper(PARLIAMENTS / "ni" / "ni-19-11270.txt")
    members = [s for s in anfrage.sections if s.kind == "preamble"]
    government = [s for s in antwort.sections if s.kind == "preamble"]
    assert [s.author for s in members] == ["members"] and members[0].text.startswith("Der Unterhaltsvorschuss")
    assert [s.author for s in government] == ["government"]
    assert government[0].text.startswith("Der Erfolg des Rückgriffs")


def test_a_follow_up_question_and_the_distribution_note() -> None:
    _, antwort = read_paper(PARLIAMENTS / "ni" / "ni-19-11252.txt")
    second = next(s for s in antwort.sections if s.kind == "question" and s.numbers == ("2",))
    assert second.text.endswith("Falls ja, welche?")
    last = [s for s in antwort.sections if s.kind == "answer"][-1]
    assert "verteilt am" not in last.text


def test_running_headers_stay_out_of_the_analysed_text() -> None:
    from sovkg.extract.reader import read_source

    source = read_source(PARLIAMENTS / "ni" / "ni-19-11147.txt").document
    headers = [source.text[s:e] for s, e in source.furniture]
    assert len(headers) == source.text.count("Niedersächsischer Landtag – 19. Wahlperiode")
    assert all(h.strip().startswith("Niedersächsischer Landtag") and h.rstrip()[-1].isdigit() for h in headers)


@pytest.mark.slow
def test_all_ten_build_shacl_valid(tmp_path) -> None:
    from sovkg.builder import build

    report = build([PARLIAMENTS / "ni"], tmp_path / "out", kb="none")
    assert report.validated and report.violations == ()
    assert report.documents == 20
