"""The shared pieces of every layout."""

from __future__ import annotations

import pytest
from sovkg.extract.layouts.common import askers, items, ministry_name, numbers_in


@pytest.mark.parametrize(("phrase", "name"), [
    ("Niedersächsischen Justizministeriums", "Niedersächsisches Justizministerium"),
    ("Niedersächsischen Ministeriums für Soziales, Arbeit, Gesundheit und Gleichstellung",
     "Niedersächsisches Ministerium für Soziales, Arbeit, Gesundheit und Gleichstellung"),
    ("Niedersächsischen Staatskanzlei", "Niedersächsische Staatskanzlei"),
    ("Staatsministeriums für Digitales", "Staatsministerium für Digitales"),
    ("Bundesministeriums des Innern", "Bundesministerium des Innern"),
    ("Ministerin für Kultur und Wissenschaft", "Ministerium für Kultur und Wissenschaft"),
    ("Innenminister", "Innenministerium"),
    ("Senats", "Senat"),
    ("Landesregierung", "Landesregierung"),
])
def test_offices_in_the_nominative(phrase: str, name: str) -> None:
    assert ministry_name(phrase) == name


@pytest.mark.parametrize(("line", "names", "party"), [
    ("Omid Najafi und Jens-Christoph Brockmann (AfD), eingegangen am …",
     ["Omid Najafi", "Jens-Christoph Brockmann"], "AfD"),
    ("MUDr. PhDr. / Univ.Prag Jozef Rakicky (fraktionslos), eingegangen am …", ["Jozef Rakicky"], None),
    ("Franziska Müller-Rech und Angela Freimuth FDP\n", ["Franziska Müller-Rech", "Angela Freimuth"], "FDP"),
    ("Dr. Anna Beispiel, Prof. Dr. Bernd Muster und Carla Probe (BÜNDNIS 90/DIE GRÜNEN)",
     ["Anna Beispiel", "Bernd Muster", "Carla Probe"], "BÜNDNIS 90/DIE GRÜNEN"),
])
def test_askers_and_their_party(line: str, names: list[str], party: str | None) -> None:
    members, party_role, _ = askers(line, 0, len(line))
    assert [m.name for m in members] == names
    assert (party_role.name if party_role else None) == party
    assert all(line[m.start:m.end] == m.name for m in members)


def test_sub_numbered_questions_in_order() -> None:
    text = ("Ich frage:\n1.1 Wie viele?\n1.2 Welche?\n2.1 Wann?\n4. Wer?\n"
            "Die Liste: 1. Alpha (2020)\n2. Beta\n")
    assert [number for number, _, _ in items(text, 0, len(text))] == ["1.1", "1.2", "2.1"]


def test_a_list_in_a_preamble_is_no_question() -> None:
    text = ("Vorbemerkung\nGeführt werden:\n1. Bildungszentrum (Emsland; 2020 - 2026)\n"
            "2. Demenz und Lebensende (Ammerland)\n \n1. Wie viele Einwohner lebten 2025 in den Regionen?\n"
            "Antwort.\n")
    found = items(text, 0, len(text))
    assert [(n, text[b:b + 9]) for n, _, b in found] == [("1", "Wie viele")]


@pytest.mark.parametrize(("spec", "numbers"), [
    ("1, 2 und 4", ["1", "2", "4"]), ("3 bis 5", ["3", "4", "5"]), ("1.1 und 1.2", ["1.1", "1.2"]),
    ("2.1 bis 2.3", ["2.1", "2.2", "2.3"]),
])
def test_question_numbers(spec: str, numbers: list[str]) -> None:
    assert numbers_in(spec) == numbers
