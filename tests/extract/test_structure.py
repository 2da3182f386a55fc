"""The structure reader on real papers and on the header forms of the genre."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.extract.layout import analysed_view, find_furniture
from sovkg.extract.structure import iso_date, ministry_name, parse_structure

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def _parse(text: str):
    furniture = find_furniture(text)
    view = analysed_view(text, drop=furniture)
    return parse_structure(view.text, furniture=[text[s:e] for s, e in furniture])


def _read(name: str):
    return _parse((CORPUS / name).read_text(encoding="utf-8"))


def test_the_sample_holds_a_kleine_anfrage_and_its_antwort() -> None:
    anfrage, antwort = _read("nrw-18-13128-kleine-anfrage-5276.txt")
    assert (anfrage.kind, anfrage.number, anfrage.drucksache, anfrage.wahlperiode) == (
        "KleineAnfrage", "5276", "18/13128", 18)
    assert (anfrage.date, anfrage.issued) == ("2025-03-17", "2025-03-18")
    assert anfrage.title == "Digitale Souveränität: Wie setzt die Landesregierung die Beschlüsse der MPK um?"
    assert [r.name for r in anfrage.askers] == ["Franziska Müller-Rech", "Angela Freimuth"]
    assert anfrage.party.name == "FDP"
    questions = [s for s in anfrage.sections if s.kind == "question"]
    assert [s.numbers for s in questions] == [("1",), ("2",), ("3",), ("4",), ("5",)]
    assert questions[2].text.startswith("3. Bei welchen Anschaffungen in den letzten drei Jahren")
    assert questions[2].text.endswith("gegen Open-Source-Anwendungen entschieden?")

    assert (antwort.kind, antwort.date, antwort.issued) == ("Antwort", "2025-04-24", "2025-04-30")
    assert antwort.answered_by.name == "Ministerium für Heimat, Kommunales, Bau und Digitalisierung"
    assert [r.name for r in antwort.in_agreement_with] == [
        "Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie",
        "Ministerium für Kultur und Wissenschaft",
    ]
    assert antwort.on_behalf_of.name == "Landesregierung Nordrhein-Westfalen"
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert [a.numbers for a in answers] == [("1",), ("2",), ("3",), ("4",), ("5",)]
    assert answers[1].text.startswith("Das Projekt NRW.Genius als zentrales Element")
    assert [a.numbers for a in answers if a.declined] == [("3",)]
    assert "nicht möglich" in answers[2].declined
    assert antwort.answers.number == "5276"


def test_a_flattened_antwort_with_running_headers() -> None:
    (antwort,) = _read("nrw-17-2830-freie-software.txt")
    assert (antwort.kind, antwort.drucksache, antwort.wahlperiode) == ("Antwort", "17/2830", 17)
    assert antwort.parliament == "Landtag Nordrhein-Westfalen"
    assert (antwort.date, antwort.issued) == ("2018-06-12", "2018-06-18")
    assert antwort.title == "Wie unterstützt die Landesregierung Freie Software?"
    cited = antwort.answers
    assert (cited.number, cited.date, cited.drucksache, cited.in_file) == ("1035", "2018-05-04", "17/2587", False)
    assert [r.name for r in cited.askers] == ["Matthi Bolte-Richter"]
    assert cited.party.name == "BÜNDNIS 90/DIE GRÜNEN"
    assert antwort.answered_by.name == "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie"
    assert [r.name for r in antwort.in_agreement_with] == ["Ministerium für Heimat, Kommunales, Bau und Gleichstellung"]
    questions = [s for s in antwort.sections if s.kind == "question"]
    assert [q.text[:40] for q in questions] == [
        "1. Welche Programme und Konzepte sind de", "2. Durch welche konkreten Maßnahmen unte"]
    (answer,) = [s for s in antwort.sections if s.kind == "answer"]
    assert answer.numbers == ("1", "2")  # "Die Fragen 1 und 2 werden zusammen beantwortet."


def test_a_bundestag_kleine_anfrage_of_a_group() -> None:
    (anfrage,) = _read("bt-20-15064-zendis.txt")
    assert anfrage.kind == "KleineAnfrage"
    assert anfrage.title.startswith("Digitale Souveränität des Bundes, Bedeutung von Open Source")
    assert [r.name for r in anfrage.askers][:3] == ["Anke Domscheit-Berg", "André Hahn", "Gökay Akbulut"]
    assert len(anfrage.askers) == 12 and anfrage.askers[-1].name == "Petra Sitte"
    assert anfrage.party.name == "Die Linke"
    assert [s.kind for s in anfrage.sections] == ["preamble"]


def test_a_press_release() -> None:
    (release,) = _read("govteuken-mhkbd-nrw.txt")
    assert release.kind == "PressRelease"
    assert release.title == "Nordrhein-Westfalen spricht moderne Verwaltung – sogar mit eigener KI-Sprache"
    assert release.date == "2025-12-30"
    assert release.publisher.name == "Ministerium für Heimat, Kommunales, Bau und Digitalisierung"


BUNDESTAG_ANTWORT = """Deutscher Bundestag Drucksache 20/15432
20. Wahlperiode 10.03.2025
Antwort
der Bundesregierung
auf die Kleine Anfrage der Abgeordneten Anke Domscheit-Berg, Dr. Petra Sitte und der Gruppe Die Linke
– Drucksache 20/15064 –
Digitale Souveränität des Bundes
Vorbemerkung der Fragesteller
Open Source Software kann für die digitale Souveränität einen wichtigen Beitrag leisten.
Vorbemerkung der Bundesregierung
Die Bundesregierung misst der digitalen Souveränität große Bedeutung bei.
1. Wie hoch ist das Budget des ZenDiS?
Das Budget beträgt 2025 rund 40 Mio. Euro.
2. Welche Projekte betreut das ZenDiS?
3. Plant die Bundesregierung weitere Mittel?
Die Fragen 2 und 3 werden gemeinsam beantwortet.
Das ZenDiS betreut openDesk und OpenCoDE.
Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums des Innern vom 7. März 2025 übermittelt.
"""


def test_a_bundestag_antwort() -> None:
    (antwort,) = _parse(BUNDESTAG_ANTWORT)
    assert (antwort.kind, antwort.drucksache, antwort.wahlperiode, antwort.parliament) == (
        "Antwort", "20/15432", 20, "Deutscher Bundestag")
    assert antwort.answered_by.name == "Bundesministerium des Innern"
    assert antwort.date == "2025-03-07"
    assert antwort.answers.drucksache is None or antwort.answers.drucksache == "20/15064"
    assert [r.name for r in antwort.answers.askers] == ["Anke Domscheit-Berg", "Petra Sitte"]
    assert antwort.answers.party.name == "Die Linke"
    kinds = [(s.kind, s.author, s.numbers) for s in antwort.sections]
    assert ("preamble", "government", ()) in kinds
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert [a.numbers for a in answers] == [("1",), ("2", "3")]


@pytest.mark.parametrize(
    ("sentence", "answered", "agreed"),
    [
        ("Der Minister der Finanzen hat die Kleine Anfrage 12 mit Schreiben vom 3. Mai 2024 namens der "
         "Landesregierung im Einvernehmen mit dem Minister des Innern und der Ministerin für Kinder, Jugend, "
         "Familie, Gleichstellung, Flucht und Integration beantwortet.",
         "Ministerium der Finanzen",
         ["Ministerium des Innern", "Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration"]),
        ("Die Ministerin für Wirtschaft, Industrie, Klimaschutz und Energie hat die Kleine Anfrage 7 mit "
         "Schreiben vom 1. Juli 2024 namens der Landesregierung im Einvernehmen mit allen übrigen Mitgliedern "
         "der Landesregierung beantwortet.",
         "Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie",
         ["Landesregierung Nordrhein-Westfalen"]),
        ("Der Chef der Staatskanzlei hat die Kleine Anfrage 9 mit Schreiben vom 2.7.2024 namens der "
         "Landesregierung beantwortet.", "Staatskanzlei", []),
    ],
)
def test_einvernehmen_splits_before_office_words_only(sentence: str, answered: str, agreed: list[str]) -> None:
    text = ("LANDTAG NORDRHEIN-WESTFALEN 18. Wahlperiode Drucksache 18/1 01.01.2024\n"
            "Antwort\n\nder Landesregierung\n\nauf die Kleine Anfrage 12 vom 1. April 2024 "
            "des Abgeordneten Max Mustermann SPD\nDrucksache 18/2\n\nEin Titel?\n\n" + sentence +
            "\n\n1. Wie ist das?\n\nSo ist es.\n")
    (antwort,) = _parse(text)
    assert antwort.answered_by.name == answered
    assert [r.name for r in antwort.in_agreement_with] == agreed


def test_ministries_named_by_their_minister() -> None:
    assert ministry_name("Ministerin für Kultur und Wissenschaft") == "Ministerium für Kultur und Wissenschaft"
    assert ministry_name("Minister der Finanzen") == "Ministerium der Finanzen"
    assert ministry_name("Bundesministeriums für Digitales und Staatsmodernisierung") == \
        "Bundesministerium für Digitales und Staatsmodernisierung"
    assert ministry_name("Finanzministerin") == "Finanzministerium"


def test_an_issue_date_before_the_original_is_flagged() -> None:
    text = ("18. Wahlperiode\n\nKleine Anfrage 1\n\nder Abgeordneten Max Mustermann SPD\n\nEin Titel?\n\n"
            "Datum des Originals: 10.03.2025/Ausgegeben: 01.03.2025\n\n1. Wie ist das?\n")
    (anfrage,) = _parse(text)
    assert anfrage.date == "2025-03-10" and anfrage.issued is None
    assert "before the date of the original" in anfrage.notes[0]


@pytest.mark.parametrize(
    ("answer", "declined"),
    [
        ("Eine Beantwortung ist mit vertretbarem Verwaltungsaufwand nicht möglich.", True),
        ("In der zur Beantwortung zur Verfügung stehenden Zeit war es nicht möglich, alle Daten zu erheben.", True),
        ("Die Frage kann aus Gründen des Staatswohls nicht beantwortet werden.", True),
        ("Das Projekt wird mit 2 Mio. Euro gefördert.", False),
    ],
)
def test_declined_answers_are_marked(answer: str, declined: bool) -> None:
    text = ("Antwort\n\nder Landesregierung\n\nauf die Kleine Anfrage 3 vom 1. April 2024 der Abgeordneten "
            "Max Mustermann FDP\n\nTitel?\n\n1. Wie hoch sind die Kosten?\n\n" + answer + "\n")
    (antwort,) = _parse(text)
    (section,) = [s for s in antwort.sections if s.kind == "answer"]
    assert (section.declined is not None) is declined


def test_dates() -> None:
    assert iso_date("17.03.2025") == "2025-03-17"
    assert iso_date("4. Mai 2018") == "2018-05-04"
    assert iso_date("31.02.2025") is None


def test_a_bundestag_kleine_anfrage_header() -> None:
    text = ("Deutscher Bundestag Drucksache 20/15064\n20. Wahlperiode 12.02.2025\n"
            "Kleine Anfrage\nder Abgeordneten Anke Domscheit-Berg, Dr. André Hahn und der Gruppe Die Linke\n"
            "Digitale Souveränität des Bundes\nVorbemerkung der Fragesteller\n"
            "Open Source Software kann für die Stärkung der digitalen Souveränität einen Beitrag leisten.\n"
            "Wir fragen die Bundesregierung:\n1. Wie hoch ist das Budget des ZenDiS?\n"
            "2. Welche Projekte betreut das ZenDiS?\n")
    (anfrage,) = _parse(text)
    assert (anfrage.kind, anfrage.drucksache, anfrage.wahlperiode, anfrage.parliament, anfrage.date) == (
        "KleineAnfrage", "20/15064", 20, "Deutscher Bundestag", "2025-02-12")
    assert anfrage.title == "Digitale Souveränität des Bundes"
    assert [r.name for r in anfrage.askers] == ["Anke Domscheit-Berg", "André Hahn"]
    assert [s.kind for s in anfrage.sections] == ["preamble", "question", "question"]


def test_a_strategy_paper() -> None:
    (paper,) = _parse("Digitalstrategie NRW 2030\n\nStand: 15.05.2024\n\nDie Landesregierung verfolgt Ziele.\n")
    assert (paper.kind, paper.title, paper.date) == ("StrategyPaper", "Digitalstrategie NRW 2030", "2024-05-15")


HELDOUT = Path(__file__).parents[1] / "data" / "heldout" / "corpus"


def test_a_baden_wuerttemberg_paper_holding_both() -> None:
    """"Kleine Anfrage … und Antwort des Staatsministeriums", answers under "Zu 1.:"."""
    anfrage, antwort = _parse((HELDOUT / "bw-17-8734-f13-ki-assistent.txt").read_text(encoding="utf-8"))
    assert (anfrage.kind, anfrage.drucksache, anfrage.wahlperiode, anfrage.date, anfrage.issued) == (
        "KleineAnfrage", "17/8734", 17, "2025-04-08", "2025-05-14")
    assert anfrage.title == "Einsatz, Kosten und Nachnutzung des KI-Assistenten F13 in der Landesverwaltung"
    assert [r.name for r in anfrage.askers] == ["Katrin Seebacher", "Moritz Hägele"]
    assert anfrage.party.name == "FDP/DVP"
    assert len([s for s in anfrage.sections if s.kind == "question"]) == 7
    assert (antwort.kind, antwort.drucksache, antwort.date, antwort.answers) == ("Antwort", "17/8734", "2025-05-06",
                                                                                  anfrage)
    assert antwort.answered_by.name == "Staatsministerium"
    assert [r.name for r in antwort.in_agreement_with] == [
        "Ministerium des Inneren, für Digitalisierung und Kommunen", "Ministerium für Finanzen"]
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert [s.numbers for s in answers] == [("1",), ("2",), ("3",), ("4",), ("5", "6"), ("7",)]
    assert [s.numbers for s in answers if s.declined] == [("4",)]
    assert not answers[-1].text.endswith("Chef der Staatskanzlei")


def test_a_ministers_letter_flattened_from_a_pdf() -> None:
    """Sachsen: the letter cites the Kleine Anfrage in its subject lines; "Frage 1: …"."""
    (antwort,) = _parse((HELDOUT / "sn-8-3276-scads-ai-rechenkapazitaeten.txt").read_text(encoding="utf-8"))
    assert (antwort.kind, antwort.drucksache, antwort.wahlperiode, antwort.parliament, antwort.issued) == (
        "Antwort", "8/3276", 8, "Sächsischer Landtag", "2025-11-11")
    assert antwort.answered_by.name == "Sächsisches Staatsministerium für Wissenschaft, Kultur und Tourismus"
    cited = antwort.answers
    assert ([r.name for r in cited.askers], cited.party.name, cited.drucksache) == (["Ronny Kaltofen"], "BSW", "8/3276")
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert [s.numbers for s in answers] == [("1",), ("2", "3"), ("4",), ("5",)]
    assert answers[-1].declined and "Mit freundlichen Grüßen" not in answers[-1].text


def test_a_bundestag_cover_page_cites_the_drucksache_between_dashes() -> None:
    (antwort,) = _parse((HELDOUT / "bt-21-1873-open-source-bundesverwaltung.txt").read_text(encoding="utf-8"))
    assert (antwort.drucksache, antwort.answers.drucksache) == ("21/1873", "21/1592")
    assert antwort.title.startswith("Open Source in der Bundesverwaltung")
    answers = [s for s in antwort.sections if s.kind == "answer"]
    assert ("3", "4") in [s.numbers for s in answers]


def test_a_press_release_with_a_masthead_and_a_dateline() -> None:
    (release,) = _parse((HELDOUT / "hmd-hessian-ai-innovation-lab.txt").read_text(encoding="utf-8"))
    assert (release.kind, release.date) == ("PressRelease", "2025-10-14")
    assert release.title == "Land fördert AI Innovation Lab von hessian.AI mit 9,6 Millionen Euro"
    assert release.publisher.name == "Hessisches Ministerium für Digitalisierung und Innovation"


def test_a_news_rubric_and_a_strategys_editor() -> None:
    (news,) = _parse((HELDOUT / "news-ki-forschungszentren-suedwesten.txt").read_text(encoding="utf-8"))
    assert news.title.startswith("Zwischen Neckar und Pfälzerwald")
    (strategy,) = _parse((HELDOUT / "sh-open-source-strategie-auszug.txt").read_text(encoding="utf-8"))
    assert strategy.kind == "StrategyPaper"
    assert strategy.publisher.name == "Staatskanzlei des Landes Schleswig-Holstein"


def test_the_parliament_a_header_names_is_a_mention_of_the_body_its_papers_mention() -> None:
    """The header "LANDTAG MECKLENBURG-VORPOMMERN   Drucksache 8/5127" (a running header on
    every page, furniture no recogniser reads) and "Deutscher Bundestag": the parliament is a
    node of its own, named as ``parliaments.tsv`` names it, the header line its sentence,
    and the paper mentions it."""
    from sovkg.builder import build_dataset, extract
    from sovkg.extract.records import PARLIAMENT_METHOD
    from sovkg.graph.evaluate import emitted_entities

    data = Path(__file__).parents[1] / "data"
    papers = [data / "dev11" / "corpus" / "mv-drs-8-5127-ki-cloud-landesverwaltung.txt",
              data / "dev11" / "corpus" / "bt-drs-21-2874-open-source-souveraene-ki.txt"]
    extraction, _ = extract(papers, kb="none")
    found = {}
    for item in extraction.documents:
        text = item.document.text
        for m in (m for m in item.mentions if m.method == PARLIAMENT_METHOD):
            assert (m.text, m.label) == (text[m.start:m.end], "GovernmentBody")
            assert text[m.sentence_start:m.sentence_end].startswith(m.text) and "Drucksache" in \
                text[m.sentence_start:m.sentence_end]
            found[m.name] = m.text
    assert found == {"Landtag Mecklenburg-Vorpommern": "LANDTAG MECKLENBURG-VORPOMMERN",
                     "Deutscher Bundestag": "Deutscher Bundestag"}
    labels = {label for labels, _ in emitted_entities(build_dataset(papers[:1], kb="none")).values()
              for label in labels}
    assert "landtag mecklenburg vorpommern" in labels


def test_der_landtag_of_a_land_is_its_parliament() -> None:
    from dataclasses import replace

    from sovkg.extract.linker import contextual_name
    from sovkg.extract.records import DocumentExtraction, SourceDocument

    source = SourceDocument("a", "a.txt", "", "Der Landtag hat beschlossen.", "utf-8")
    item = DocumentExtraction(source, (), (), land="Sachsen")
    assert contextual_name("Landtag", item, {}) == "Sächsischer Landtag"
    assert contextual_name("Landtag", replace(item, land="Nordrhein-Westfalen"), {}) == "Landtag Nordrhein-Westfalen"
