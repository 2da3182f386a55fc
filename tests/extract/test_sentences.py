"""Sentence boundaries: line breaks, full stops, and the abbreviations of official German."""

from __future__ import annotations

import pytest


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_line_breaks_end_headings_without_full_stops(nlp) -> None:
    text = "Kleine Anfrage 5276\n\nder Abgeordneten Franziska Müller-Rech FDP\nDigitale Souveränität"
    assert _sentences(nlp, text) == [
        "Kleine Anfrage 5276",
        "der Abgeordneten Franziska Müller-Rech FDP",
        "Digitale Souveränität",
    ]


def test_flattened_text_splits_at_full_stops_but_not_abbreviations(nlp) -> None:
    text = ("Hier sei z.B. auf das Projekt verwiesen. 1. Welche Programme sind bekannt? "
            "Die Fragen 1 und 2 werden zusammen beantwortet.")
    assert _sentences(nlp, text) == [
        "Hier sei z.B. auf das Projekt verwiesen.",
        "1. Welche Programme sind bekannt?",
        "Die Fragen 1 und 2 werden zusammen beantwortet.",
    ]


def test_a_semicolon_between_main_clauses_ends_the_first_for_the_parser(nlp) -> None:
    """"Entwickelt wird openDesk im Auftrag des ZenDiS; die Suite bündelt …": a small parser
    joined the two clauses into one (and made the suite's parts paid for by the ZenDiS)."""
    text = "Entwickelt wird openDesk im Auftrag des ZenDiS; die Suite bündelt Nextcloud und Jitsi."
    assert _sentences(nlp, text) == ["Entwickelt wird openDesk im Auftrag des ZenDiS;",
                                     "die Suite bündelt Nextcloud und Jitsi."]


def test_a_name_of_camel_case_starts_a_sentence_after_a_full_stop(nlp) -> None:
    """ "openDesk", "dPhoenix" begin a sentence in lower case; an ordinary lower-case word does not."""
    text = "Die Lösung läuft im Bund. openDesk besteht aus Open-Source-Komponenten. Vgl. dazu Nr. 3. oder mehr."
    assert _sentences(nlp, text) == [
        "Die Lösung läuft im Bund.",
        "openDesk besteht aus Open-Source-Komponenten.",
        "Vgl. dazu Nr. 3. oder mehr.",
    ]


def test_compounds_are_split_at_hyphens_and_dotted_names_stay_whole(nlp) -> None:
    tokens = [t.text for t in nlp.make_doc("Open-Source-Komponenten für NRW.Genius und ZaKI.D")]
    assert tokens == ["Open", "-", "Source", "-", "Komponenten", "für", "NRW.Genius", "und", "ZaKI.D"]


def test_a_stop_after_a_compound_s_one_letter_end_ends_the_sentence(nlp) -> None:
    """ "OpenGPT-X." and "Gaia-X." end in a capital, like an initial; the stop is punctuation."""
    doc = nlp.make_doc("Das zeigt das Projekt OpenGPT-X. Es gehört zu Gaia-X. Der Bund zahlt.")
    assert [t.text for t in doc][4:8] == ["OpenGPT", "-", "X", "."]
    assert "Gaia" in [t.text for t in doc] and "X." not in [t.text for t in doc]


def test_a_stop_after_a_camel_case_acronym_ends_the_sentence(nlp) -> None:
    """ "KfW." and "BfDI." end in capitals, like an initial; the stop is punctuation, and the
    sentence after is a sentence of its own."""
    doc = nlp("Gefördert wird das Projekt von der KfW. Zuständig ist die BfDI. Sie prüft.")
    assert "KfW" in [t.text for t in doc] and "BfDI" in [t.text for t in doc]
    assert [s.text for s in doc.sents] == ["Gefördert wird das Projekt von der KfW.", "Zuständig ist die BfDI.",
                                           "Sie prüft."]


@pytest.mark.parametrize(("text", "sentences"), [
    ("Siehe Drs. 17/2830 zur Antwort. Der Bund fördert das.",
     ["Siehe Drs. 17/2830 zur Antwort.", "Der Bund fördert das."]),
    ("Nach Art. 5 Abs. 1 GG ist das so. Das Land prüft.", ["Nach Art. 5 Abs. 1 GG ist das so.", "Das Land prüft."]),
    ("Vgl. Antwort zu Frage 1. Die Landesregierung hat entschieden.",
     ["Vgl. Antwort zu Frage 1.", "Die Landesregierung hat entschieden."]),
    ("Dazu siehe S. 3. Der Bund zahlt.", ["Dazu siehe S. 3.", "Der Bund zahlt."]),
    ("Seit dem 1. Januar gilt vgl. Nr. 4 bzw. Nr. 5 ff. der Liste.",
     ["Seit dem 1. Januar gilt vgl. Nr. 4 bzw. Nr. 5 ff. der Liste."]),
    ("Das gilt z. B. für Köln, u. a. für Bonn und i. V. m. § 3 für Kiel. Ende.",
     ["Das gilt z. B. für Köln, u. a. für Bonn und i. V. m. § 3 für Kiel.", "Ende."]),
    ("Siehe S. 12 ff. Der Bericht folgt.", ["Siehe S. 12 ff.", "Der Bericht folgt."]),
])
def test_abbreviations_of_official_german(nlp, text: str, sentences: list[str]) -> None:
    assert _sentences(nlp, text) == sentences
