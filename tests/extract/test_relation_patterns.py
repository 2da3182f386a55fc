"""The relation patterns: their file's schema, and each family on German sentences, with
the shipped syntax model (a positive and a negative sentence per family)."""

from __future__ import annotations

import json

import pytest

from sovkg.extract.pipeline_data import data_file
from sovkg.extract.pattern_file import PatternError, load_patterns, stem

PATTERNS = data_file("relation_patterns.json")
CUES = data_file("relation_cues.tsv")


@pytest.fixture(scope="module")
def found():
    """The pipeline (knowledge base on) on a text: what the patterns found, as
    (subject, predicate, object, pattern id, resolved description or "")."""
    from sovkg.extract.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text: str) -> set[tuple[str, str, str, str, str]]:
        doc = nlp(text)
        return {(text[f.subject[0]:f.subject[1]], f.predicate, text[f.object[0]:f.object[1]],
                 f.rule.split(":", 1)[1], text[f.anaphor[0]:f.anaphor[1]] if f.anaphor else "")
                for f in doc.user_data["sovkg_relations"] if f.rule.startswith("sovkg_relation_patterns:")}

    return run


def triples(found_set) -> set[tuple[str, str, str]]:
    return {f[:3] for f in found_set}


# --- the file and its schema ---------------------------------------------------------

def test_the_shipped_files_load_and_every_class_has_patterns() -> None:
    patterns = load_patterns(PATTERNS, CUES)
    assert {c.cls for c in patterns.cues} <= set(patterns.by_class)
    assert all(p.subject is not None or p.object is not None for p in patterns.patterns)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["patterns"].append(dict(d["patterns"][0])), "defined twice"),
    (lambda d: d["patterns"][0].update(cue="no-such-class"), "not in the cue lexicon"),
    (lambda d: d["patterns"][0].update(subject="subj.headz"), "unknown step"),
    (lambda d: d["patterns"][0].update(voice="middle"), "voice"),
    (lambda d: d["patterns"][0].update(unless=[{"path": "obj", "lemmas": ["@no-such-class"]}]), "no cue class"),
    (lambda d: d["patterns"][0].update(predicate="ownedBy"), "no types"),
    (lambda d: d["patterns"][0].update(confidence=1.5), "confidence"),
    (lambda d: d["patterns"][0].update(colour="red"), "fields"),
    (lambda d: d["patterns"][0].update(deps=["root"]), "no dependency labels"),
])
def test_a_broken_pattern_file_is_refused_naming_the_pattern(change, message) -> None:
    data = json.loads(PATTERNS)
    change(data)
    with pytest.raises(PatternError, match=message):
        load_patterns(json.dumps(data), CUES)


def test_a_cue_predicate_needs_types() -> None:
    with pytest.raises(PatternError, match="without types"):
        load_patterns(PATTERNS, CUES + "besitzen\tagent-verb\townedBy\n")


def test_a_compound_finds_a_member_noun_by_its_head_not_a_shorter_word() -> None:
    from sovkg.extract.nlp import load_pipeline

    nlp = load_pipeline(kb="none")
    patterns = nlp.get_pipe("sovkg_relation_patterns").patterns
    doc = nlp("Industriepartner, Forschungsgesellschaft und Anteil.")
    assert {c.cls for c in patterns.cues_of(doc[0])} == {"whole-noun"}
    assert not patterns.cues_of(doc[2]) and not patterns.cues_of(doc[4])  # not "Gesellschafter", not "Teil"
    doc = nlp("Die Anschubfinanzierung und der Probebetrieb.")  # a nominalised action by its head
    assert [(c.cls, c.predicate) for c in patterns.cues_of(doc[1])] == [("action-noun", "fundedBy")]
    assert [(c.cls, c.predicate) for c in patterns.cues_of(doc[4])] == [("action-noun", "operatedBy")]


def test_inflected_cues_share_a_stem() -> None:
    assert stem("fördert") == stem("gefördert") == stem("fördern") == "förder"
    assert stem("Förderungen") == stem("Förderung")
    assert stem("nutzt") == stem("genutzt") == stem("nutzen")
    # a separable verb's participle has its "ge" after the particle
    assert stem("aufgebaut") == stem("aufbauen") and stem("eingesetzt") == stem("einsetzen")
    assert stem("durchgeführt") == stem("durchführen")


# --- each family and construction, on sentences of the genre --------------------------
# (subject, predicate, object, pattern) the patterns must find; the knowledge base is on.

FAMILIES = [
    ("agent-verb passive", "Das Projekt GovTeuken wird vom IT-Planungsrat gefördert.",
     ("Projekt GovTeuken", "fundedBy", "IT-Planungsrat")),
    ("agent-verb passive, coordinated agents",
     "Das Projekt GovTeuken wird von der Technischen Universität Dresden und der Universität Leipzig getragen.",
     ("Projekt GovTeuken", "operatedBy", "Universität Leipzig")),
    ("agent-verb active", "Das Bundesministerium des Innern fördert die Plattform openDesk.",
     ("openDesk", "fundedBy", "Bundesministerium des Innern")),
    ("agent-verb active, herausgeben", "Das Zentrum für Digitale Souveränität gibt die Arbeitsplatzsuite openDesk heraus.",
     ("openDesk", "developedBy", "Zentrum für Digitale Souveränität")),
    ("take-part-verb", "Das Karlsruher Institut für Technologie beteiligt sich am Projekt HammerHAI.",
     ("Karlsruher Institut für Technologie", "partOf", "HammerHAI")),
    ("take-part-verb, separable", "Das Bundesamt für Sicherheit in der Informationstechnik nimmt an der Initiative "
     "Gaia-X teil.", ("Bundesamt für Sicherheit in der Informationstechnik", "partOf", "Gaia-X")),
    ("take-part-verb, stative", "Auf kommunaler Seite ist der IT-Verbund Schleswig-Holstein (ITVSH) an Dataport "
     "beteiligt.", ("IT-Verbund Schleswig-Holstein", "partOf", "Dataport")),
    ("agent-verb active, relative clause after a short form in parentheses", "Das Verzeichnis- und "
     "Identitätsmanagement soll künftig auf dem Univention Corporate Server (UCS) beruhen, den die Univention GmbH "
     "in Bremen entwickelt.",
     ("Univention Corporate Server", "developedBy", "Univention GmbH")),
    ("together among the subjects", "Das Fraunhofer IAIS und die Universität Bonn entwickeln gemeinsam das "
     "Sprachmodell Teuken.", ("Fraunhofer IAIS", "cooperatesWith", "Universität Bonn")),
    ("together among a passive's agents", "Das Sprachmodell Teuken wird vom Fraunhofer IAIS und der Universität Bonn "
     "gemeinsam entwickelt.", ("Fraunhofer IAIS", "cooperatesWith", "Universität Bonn")),
    ("responsible-adj", "Das ITZBund ist für die Plattform KIPITZ zuständig.", ("KIPITZ", "operatedBy", "ITZBund")),
    ("action-noun in charge", "Für den Betrieb der Plattform KIPITZ ist das ITZBund zuständig.",
     ("KIPITZ", "operatedBy", "ITZBund")),
    ("action-noun commissioned, passive", "Mit dem Betrieb der Plattform KIPITZ wurde das ITZBund beauftragt.",
     ("KIPITZ", "operatedBy", "ITZBund")),
    ("action-noun commissioned, active", "Das Land hat das ITZBund mit der Entwicklung der Plattform KIPITZ beauftragt.",
     ("KIPITZ", "developedBy", "ITZBund")),
    ("responsible-noun, lies with", "Die Verantwortung für die Plattform KIPITZ liegt beim ITZBund.",
     ("KIPITZ", "operatedBy", "ITZBund")),
    ("responsible-noun, in whose responsibility", "Die Plattform KIPITZ liegt in der Verantwortung des ITZBund.",
     ("KIPITZ", "operatedBy", "ITZBund")),
    ("role-noun as a subject the parser left unlabelled", "Betreiber der Plattform KIPITZ ist das ITZBund.",
     ("KIPITZ", "operatedBy", "ITZBund")),
    ("offer-noun", "KIPITZ ist ein Angebot des ITZBund.", ("KIPITZ", "operatedBy", "ITZBund")),
    ("origin-verb", "Die Software Fabasoft stammt von der Fabasoft AG.", ("Fabasoft", "developedBy", "Fabasoft AG")),
    ("receive-verb", "Das Projekt GovTeuken erhält vom Land Nordrhein-Westfalen Fördermittel in Höhe von 2 Mio. Euro.",
     ("Projekt GovTeuken", "fundedBy", "Land Nordrhein-Westfalen")),
    ("user-verb passive, bei", "Die Software Nextcloud wird bei der Stadt Köln eingesetzt.", ("Stadt Köln", "uses", "Nextcloud")),
    ("work-with-verb", "Die Stadt Köln arbeitet seit 2024 mit der Software Nextcloud.", ("Stadt Köln", "uses", "Nextcloud")),
    ("whole-noun as subject", "Partner des Projekts GovTeuken sind das Fraunhofer IAIS und die Universität Bonn.",
     ("Universität Bonn", "partOf", "Projekts GovTeuken")),
    ("use-noun, where it comes into use", "Bei der Stadt Köln kommt die Software Nextcloud zum Einsatz.",
     ("Stadt Köln", "uses", "Nextcloud")),
    ("use-noun, where it comes into use, the subject parsed as object", "Im Landesamt für Statistik kommt seit 2024 "
     "das Sprachmodell Teuken zum Einsatz.", ("Landesamt für Statistik", "uses", "Teuken")),
    ("site-verb attributive", "Das in Heidelberg ansässige Unternehmen Aleph Alpha entwickelt Sprachmodelle.",
     ("Aleph Alpha", "locatedIn", "Heidelberg")),
    ("site-noun as a copula's subject", "Sitz der Gesellschaft Dataport ist Hamburg.", ("Dataport", "locatedIn", "Hamburg")),
    ("site-noun, is in", "Der Sitz des ITZBund ist in Bonn.", ("ITZBund", "locatedIn", "Bonn")),
    ("office-noun, the name after it", "Der Präsident des Bundesamts für Sicherheit in der Informationstechnik, "
     "Tobias Ahlgrimm, lobte das Projekt.",
     ("Tobias Ahlgrimm", "memberOf", "Bundesamts für Sicherheit in der Informationstechnik")),
    ("office-noun, the name hung on the body", "Die Leiterin des ITZBund, Dr. Henrike Voßkamp, stellte die Plattform vor.",
     ("Henrike Voßkamp", "memberOf", "ITZBund")),
    ("agent-verb passive, in a project", "Das Sprachmodell Teuken wurde im Projekt OpenGPT-X entwickelt.",
     ("Teuken", "developedBy", "Projekt OpenGPT-X")),
    ("action-noun, with support", "Die Plattform KIPITZ wurde vom ITZBund mit Unterstützung des Fraunhofer IAIS "
     "entwickelt.", ("Fraunhofer IAIS", "supports", "KIPITZ")),
    ("take-part-verb, a Land acting as its government", "Das Land Hessen wirkt am Länderprojekt GovLLM mit.",
     ("Land Hessen", "partOf", "GovLLM")),
    ("cooperate-verb, a town acting as its government", "Die Stadt Köln arbeitet eng mit dem ITZBund zusammen.",
     ("Stadt Köln", "cooperatesWith", "ITZBund")),
    ("lead-noun", "Das Projekt GovTeuken wird unter Federführung der Universität Leipzig umgesetzt.",
     ("Projekt GovTeuken", "operatedBy", "Universität Leipzig")),
    ("grounds-noun", "Der Rechner JUWELS steht auf dem Gelände des Forschungszentrums Jülich.",
     ("JUWELS", "locatedIn", "Forschungszentrums Jülich")),
    ("grounds-noun, a name the tagger took for an adverb", "JUPITER steht auf dem Campus des Forschungszentrums Jülich.",
     ("JUPITER", "locatedIn", "Forschungszentrums Jülich")),
    ("origin-place, the place hung on the verb", "Für den Betrieb ist die Materna SE aus Dortmund zuständig.",
     ("Materna SE", "locatedIn", "Dortmund")),
    ("cooperate-verb within a research body, sich parsed as subject", "Im Gauss Centre for Supercomputing haben sich "
     "das Jülich Supercomputing Centre und das Leibniz-Rechenzentrum zusammengeschlossen.",
     ("Leibniz-Rechenzentrum", "partOf", "Gauss Centre for Supercomputing")),
    ("user-verb, coordinated objects", "Die Plattform F13 nutzt die Sprachmodelle Llama und Mistral.",
     ("F13", "uses", "Mistral")),
    ("user-verb relative clause", "Der Deutschland-Stack ist eine Plattform, welche die Plattform openDesk integriert.",
     ("Deutschland-Stack", "uses", "openDesk")),
    ("user-verb passive with places", "Das Projekt LLMoin wird bereits in Bremen, Niedersachsen und Hamburg genutzt.",
     ("Niedersachsen", "uses", "LLMoin")),
    ("user preposition", "Die Plattform F13 basiert auf dem Sprachmodell Llama.", ("F13", "uses", "Llama")),
    ("supporter-verb", "Das Bundesamt für Sicherheit in der Informationstechnik unterstützt die Plattform openDesk.",
     ("Bundesamt für Sicherheit in der Informationstechnik", "supports", "openDesk")),
    ("comitative list", "Gemeinsam mit dem Fraunhofer IAIS und der Universität Bonn entwickelt das Lamarr-Institut "
     "das Sprachmodell Teuken-7B.", ("Lamarr-Institut", "cooperatesWith", "Universität Bonn")),
    ("cooperate-verb among subjects", "Die Universität Stuttgart und die Universität Tübingen arbeiten im Cyber Valley "
     "zusammen.", ("Universität Stuttgart", "cooperatesWith", "Universität Tübingen")),
    ("cooperation noun", "Das Lamarr-Institut forscht in Zusammenarbeit mit dem Fraunhofer IAIS.",
     ("Lamarr-Institut", "cooperatesWith", "Fraunhofer IAIS")),
    ("cooperation noun beside a passive's agent", "Entwickelt wurde der Assistent vom IT-Dienstleistungszentrum "
     "Saarland (IT-DLZ) in Zusammenarbeit mit der Saarbrücker Scheer GmbH.", ("IT-Dienstleistungszentrum Saarland", "cooperatesWith",
                                                       "Scheer GmbH")),
    ("together with a passive's agent", "F13 wurde vom InnoLab_bw im Staatsministerium gemeinsam mit Aleph Alpha "
     "entwickelt.", ("InnoLab_bw", "cooperatesWith", "Aleph Alpha")),
    ("user-verb with the users after the pronoun of what they use", "Die Plattform F13 startet. Seit Januar 2025 "
     "nutzen sie die Staatskanzlei, das Ministerium der Finanzen sowie die Aufsichts- und Dienstleistungsdirektion.",
     ("Ministerium der Finanzen", "uses", "F13")),
    ("fronted passive participle after an adjective, the place phrase hung on the subject's name", "Produktiv "
     "genutzt wird openDesk derzeit im BMDS selbst sowie im Bundesamt für Sicherheit in der Informationstechnik.",
     ("BMDS", "uses", "openDesk")),
    ("supporter-verb on the work on a thing", "Das BSI begleitet zudem den Aufbau der Deutschen Verwaltungscloud.",
     ("BSI", "supports", "Deutschen Verwaltungscloud")),
    ("supporter-verb passive on the work on a thing, the agent's preposition on its adjective", "Begleitet wurde "
     "die Einführung der Plattform BayernKI vom Bayerischen Landesbeauftragten für den Datenschutz.",
     ("Bayerischen Landesbeauftragten für den Datenschutz", "supports", "BayernKI")),
    ("fronted passive participle after an adverb", "Wissenschaftlich begleitet wird NRW.Genius seit Mai 2025 vom "
     "Lamarr-Institut.", ("Lamarr-Institut", "supports", "NRW.Genius")),
    ("fronted participle of a separable verb, the subject parsed as an adverb", "Herausgegeben wird openDesk vom "
     "Zentrum für Digitale Souveränität der Öffentlichen Verwaltung.",
     ("openDesk", "developedBy", "Zentrum für Digitale Souveränität der Öffentlichen Verwaltung")),
    ("copula with genitive", "Das Projekt Teuken-7B ist Teil der europäischen KI-Initiative OpenGPT-X und offen.",
     ("Teuken-7B", "partOf", "OpenGPT-X")),
    ("member noun", "Das Karlsruher Institut für Technologie ist Mitglied der Helmholtz-Gemeinschaft.",
     ("Karlsruher Institut für Technologie", "partOf", "Helmholtz-Gemeinschaft")),
    ("role noun", "Das Forschungszentrum Jülich ist Betreiber des Hochleistungsrechners JUPITER.",
     ("JUPITER", "operatedBy", "Forschungszentrum Jülich")),
    ("a name beside a term", "Das Karlsruher Institut für Technologie betreibt den Hochleistungsrechner HoreKa.",
     ("HoreKa", "operatedBy", "Karlsruher Institut für Technologie")),
    ("nominalisation: durch", "Die Förderung des Projekts GovTeuken durch den IT-Planungsrat läuft bis 2026.",
     ("Projekts GovTeuken", "fundedBy", "IT-Planungsrat")),
    ("nominalisation: erfolgt durch", "Betrieb und Hosting von F13 erfolgen durch das Informationstechnikzentrum Bund.",
     ("F13", "operatedBy", "Informationstechnikzentrum Bund")),
    ("nominalisation: Anwendung von", "Das Land Schleswig-Holstein setzt bei der Anwendung von LibreOffice "
     "auf offene Standards.", ("Land Schleswig-Holstein", "uses", "LibreOffice")),
    ("fronted place", "In Duisburg steht zukünftig das Zentrum für angewandte Künstliche Intelligenz.",
     ("Zentrum für angewandte Künstliche Intelligenz", "locatedIn", "Duisburg")),
    ("sites", "Das Deutsche Forschungszentrum für Künstliche Intelligenz unterhält Standorte in Saarbrücken, "
     "Bremen und Berlin.", ("Deutsche Forschungszentrum für Künstliche Intelligenz", "locatedIn", "Bremen")),
    ("sites in a prepositional phrase", "Die Meyer GmbH wirbt mit ihren Standorten in Köln und Bonn.",
     ("Meyer GmbH", "locatedIn", "Bonn")),
    ("sites, a long list", "Das Deutsche Forschungszentrum für Künstliche Intelligenz wurde 1988 gegründet. Neben "
     "Kaiserslautern unterhält das Zentrum Standorte unter anderem in Saarbrücken, Bremen, Berlin, Osnabrück, "
     "Darmstadt und Lübeck.",
     ("Deutsche Forschungszentrum für Künstliche Intelligenz", "locatedIn", "Lübeck")),
    ("personal pronoun", "Seit 2023 arbeitet das ELLIS Institute Tübingen in der Stadt. Es ist Teil des European "
     "Laboratory for Learning and Intelligent Systems.",
     ("ELLIS Institute Tübingen", "partOf", "European Laboratory for Learning and Intelligent Systems")),
    ("coordinated verbs share the subject", "Das ELLIS Institute ist Teil des Netzwerks ELLIS und wird von der "
     "Hector Stiftung finanziert.", ("ELLIS Institute", "fundedBy", "Hector Stiftung")),
    ("an action taken on by a body, of the thing before", "Rund 8 400 Arbeitsplätze sind mit openDesk ausgestattet. "
     "Den Betrieb für Bundesbehörden übernimmt das Informationstechnikzentrum Bund (ITZBund).",
     ("openDesk", "operatedBy", "Informationstechnikzentrum Bund")),
    ("a relative clause after the closing verb, its pronoun parsed as a marker",
     "Die Plattform wird eng mit dem Höchstleistungsrechner SuperMUC-NG gekoppelt, den das LRZ seit 2018 betreibt.",
     ("SuperMUC-NG", "operatedBy", "LRZ")),
    ("a description of the thing mentioned most, sentences after its name",
     "Das Ministerium fördert die Plattform „KI-Cloud Bayern“. Die Plattform „KI-Cloud Bayern“ startet 2026. Der "
     "Zugang ist offen. Der Betrieb ist sicher. Die Hochschulen nutzen das. Die Plattform baut auf OpenStack und "
     "Kubernetes auf.",
     ("KI-Cloud Bayern", "uses", "Kubernetes")),
    ("a service provider serves a body", "Das Leibniz-Rechenzentrum ist IT-Dienstleister der Ludwig-Maximilians-"
     "Universität München.", ("Leibniz-Rechenzentrum", "supports", "Ludwig-Maximilians-Universität München")),
    ("partners listed, of the project named before", "Das zeigt das Projekt OpenGPT-X. Zu den Partnern zählten "
     "unter anderem das Forschungszentrum Jülich und die TU Dresden.", ("TU Dresden", "partOf", "Projekt OpenGPT-X")),
    ("partners listed, of a genitive", "Zu den Partnern des Projekts OpenGPT-X zählt die TU Dresden.",
     ("TU Dresden", "partOf", "Projekts OpenGPT-X")),
    ("users listed, of the platform named before", "Die Deutsche Verwaltungscloud (DVC) ist im Regelbetrieb. Zu "
     "den ersten Nutzern zählen das Bundesverwaltungsamt (BVA) und das Statistische Bundesamt.",
     ("Statistische Bundesamt", "uses", "DVC")),
    ("a bringing in", "Das Land startet das Projekt KI-Cloud Bayern. Als erste Bezirke haben Pankow und "
     "Lichtenberg die Plattform „KI-Cloud Bayern“ eingeführt.", ("Lichtenberg", "uses", "KI-Cloud Bayern")),
    ("a fronted participle the parser made a noun's subject", "Die Plattform openDesk ist im Regelbetrieb. "
     "Begleitet wurde der Aufbau vom Bundesministerium des Innern.",
     ("Bundesministerium des Innern", "supports", "openDesk")),
    ("at someone's disposal", "Die KI-Plattform BayernKI steht der Universität Würzburg und der Universität "
     "Passau zur Verfügung.", ("Universität Passau", "uses", "BayernKI")),
    ("attached to", "Die Universität Passau ist an die KI-Plattform BayernKI angeschlossen.",
     ("Universität Passau", "uses", "BayernKI")),
    ("access to", "Seit 2025 erhält die Universität Würzburg Zugang zur KI-Plattform BayernKI.",
     ("Universität Würzburg", "uses", "BayernKI")),
    ("a fronted object with an accusative article", "Den Rechner JUWELS betreibt das Forschungszentrum Jülich.",
     ("JUWELS", "operatedBy", "Forschungszentrum Jülich")),
    ("users listed, of a genitive", "Zu den Nutzern des Hochleistungsrechners HoreKa zählt die Universität Stuttgart.",
     ("Universität Stuttgart", "uses", "HoreKa")),
    ("what its members form", "Das LRZ, das JSC und das HLRS bilden das Gauss Centre for Supercomputing.",
     ("HLRS", "partOf", "Gauss Centre for Supercomputing")),
    ("what a pronoun forms with partners", "Das Leibniz-Rechenzentrum ist IT-Dienstleister der TUM. Zusammen mit "
     "dem Jülich Supercomputing Centre (JSC) und dem Höchstleistungsrechenzentrum Stuttgart (HLRS) bildet es das "
     "Gauss Centre for Supercomputing (GCS), den Verbund der drei nationalen Höchstleistungsrechenzentren.",
     ("Leibniz-Rechenzentrum", "partOf", "Gauss Centre for Supercomputing")),
    ("a body's own development", "Der Assistent F13 ist eine Eigenentwicklung des Landesbetriebs Daten und "
     "Information (LDI).", ("F13", "developedBy", "Landesbetriebs Daten und Information")),
    ("a person working at a body", "„Die Frage ist offen“, sagt Prof. Dr. Ömer Sezgin, der am Lamarr-Institut den "
     "Bereich Sprachtechnologie verantwortet.", ("Ömer Sezgin", "memberOf", "Lamarr-Institut")),
    ("what arose in a project's frame", "Das zeigt das Projekt OpenGPT-X. Im Rahmen des Vorhabens entstand "
     "Teuken-7B, ein Sprachmodell.", ("Teuken-7B", "partOf", "Projekt OpenGPT-X")),
    ("examples of a plural object, with money", "Im Förderwettbewerb hat das BMWE insgesamt 16 Projekte mit rund "
     "117 Mio. Euro unterstützt, darunter OpenGPT-X, Marispace-X und Health-X dataLOFT.",
     ("Marispace-X", "fundedBy", "BMWE")),
    ("a role noun as the subject", "Kooperationspartner des Projekts GovTeuken ist das Fraunhofer IAIS.",
     ("Projekts GovTeuken", "cooperatesWith", "Fraunhofer IAIS")),
    ("party in parentheses", "Innenminister Thomas Strobl (CDU) stellte die Plattform F13 vor.",
     ("Thomas Strobl", "memberOf", "CDU")),
    ("compound modifier", "Die Verwaltung setzt die KI-Anwendung „LLMoin“ ein.", ("LLMoin", "uses", "KI")),
    ("a body named by a common noun", "Die Landesregierung fördert das Projekt „Ökosystem KI“.",
     ("Ökosystem KI", "fundedBy", "Landesregierung")),
    ("successor", "Die Sovereign Tech Agency ist die Nachfolgerin des Sovereign Tech Fund.",
     ("Sovereign Tech Agency", "successorOf", "Sovereign Tech Fund")),
    ("successor in apposition", "Das Bundesministerium für Forschung, Technologie und Raumfahrt, Nachfolger des "
     "Bundesministeriums für Bildung und Forschung, fördert KI.", ("Bundesministerium für Forschung, Technologie und "
                                                                 "Raumfahrt", "successorOf", "Bundesministeriums für "
                                                                 "Bildung und Forschung")),
    ("former name", "Die Finanzierung erfolgt durch das BMFTR, vormals Bundesministerium für Bildung und Forschung "
     "(BMBF).", ("BMFTR", "successorOf", "Bundesministerium für Bildung und Forschung")),
    ("renamed", "Das Landesamt für Digitalisierung wurde in Landesamt für Digitales umbenannt.",
     ("Landesamt für Digitales", "successorOf", "Landesamt für Digitalisierung")),
    ("money made available", "Das Land stellt dem Projekt KI.NRW 10 Millionen Euro zur Verfügung.",
     ("KI.NRW", "fundedBy", "Land")),
    ("money provided", "Das Land stellt für das Projekt KI.NRW Mittel in Höhe von 5 Millionen Euro bereit.",
     ("KI.NRW", "fundedBy", "Land")),
    ("a body as a site", "Der Supercomputer JUPITER steht im Forschungszentrum Jülich.",
     ("Supercomputer JUPITER", "locatedIn", "Forschungszentrum Jülich")),
    ("a site hung on the subject", "In Tübingen ist zudem das Tübingen AI Center angesiedelt, ein Kompetenzzentrum.",
     ("Tübingen AI Center", "locatedIn", "Tübingen")),
    ("a body from a place", "Zum Ökosystem des Parks gehört die Aleph Alpha GmbH aus Heidelberg, die Sprachmodelle "
     "entwickelt.", ("Aleph Alpha GmbH", "locatedIn", "Heidelberg")),
    ("what belongs to something", "Der Rechner JUWELS gehört zum Forschungszentrum Jülich.",
     ("JUWELS", "partOf", "Forschungszentrum Jülich")),
    ("where money comes from", "Die Projektmittel des Deutschen Forschungszentrums für Künstliche Intelligenz "
     "stammen zu einem großen Teil aus Ausschreibungen der Europäischen Union.",
     ("Deutschen Forschungszentrums für Künstliche Intelligenz", "fundedBy", "Europäischen Union")),
    ("where the money of what the text is about comes from", "Das Projekt „AI Innovation Lab“ startet. Die Mittel "
     "stammen aus dem Einzelplan des Hessischen Ministeriums für Digitalisierung und Innovation.",
     ("AI Innovation Lab", "fundedBy", "Hessischen Ministeriums für Digitalisierung und Innovation")),
    ("money from a funding agenda", "Die Plattform „KI-Cloud Bayern“ startet im Jahr 2026. Die Mittel stammen aus "
     "der Hightech Agenda Bayern der Staatsregierung.", ("KI-Cloud Bayern", "fundedBy", "Hightech Agenda Bayern")),
    ("made on commission", "Das Land entwickelt den Assistenten „KI-Navigator“. Der Landesbetrieb hat die Anwendung "
     "im Auftrag des Ministeriums für Arbeit, Soziales, Transformation und Digitalisierung (MASTD) konzipiert.",
     ("KI-Navigator", "fundedBy", "Ministeriums für Arbeit, Soziales, Transformation und Digitalisierung")),
    ("who bears the costs", "Am HLRS steht der Rechner Hunter. Die Kosten tragen der Bund über das "
     "Bundesministerium für Forschung, Technologie und Raumfahrt (BMFTR) und das Land.",
     ("Hunter", "fundedBy", "Bundesministerium für Forschung, Technologie und Raumfahrt")),
    ("a share with money", "Das Innovation Park Artificial Intelligence (IPAI) entsteht in Heilbronn. Das Land "
     "beteiligt sich mit bis zu 50 Millionen Euro am Aufbau des Parks.", ("IPAI", "fundedBy", "Land")),
    ("a role noun as the subject, a clause after the name", "Das Innovation Park Artificial Intelligence (IPAI) "
     "entsteht in Heilbronn. Hauptfinanzier des IPAI ist die Dieter Schwarz Stiftung mit Sitz in Heilbronn, die den "
     "weit überwiegenden Teil der Investitionen trägt.", ("IPAI", "fundedBy", "Dieter Schwarz Stiftung")),
    ("cooperating within, with examples after wie", "Im Cyber Valley, einer der größten Forschungskooperationen "
     "Europas im Bereich der KI, arbeiten das Max-Planck-Institut für Intelligente Systeme – kurz MPI-IS –, die "
     "Universität Stuttgart und die Eberhard Karls Universität Tübingen mit Unternehmen wie Bosch, Mercedes-Benz und "
     "ZF zusammen.", ("Mercedes-Benz", "partOf", "Cyber Valley")),
    ("founding partners listed, the parser's objects among them", "Das Cyber Valley wurde 2016 gegründet. Zu den "
     "Gründungspartnern gehören die Max-Planck-Gesellschaft mit dem Max-Planck-Institut für Intelligente Systeme "
     "(MPI-IS), die Universität Stuttgart und die Eberhard Karls Universität Tübingen.",
     ("Universität Stuttgart", "partOf", "Cyber Valley")),
    ("a separable verb's participle", "Die neue Recheninfrastruktur „AI Compute Hub Hessen“ wird vom Hessischen "
     "Zentrum für Künstliche Intelligenz in Darmstadt aufgebaut.",
     ("AI Compute Hub Hessen", "developedBy", "Hessischen Zentrum für Künstliche Intelligenz")),
    ("a description that ends a name earlier", "Die dPhoenix Suite wird von Dataport entwickelt. Sie enthält "
     "Nextcloud und Jitsi für Videokonferenzen. In Hamburg erprobt die Behörde für Wissenschaft, Forschung und "
     "Gleichstellung die Suite seit Oktober 2024.",
     ("Behörde für Wissenschaft, Forschung und Gleichstellung", "uses", "dPhoenix Suite")),
    ("a name given by a naming phrase", "Nach Presseberichten erprobt der Landesbetrieb Daten und Information (LDI) "
     "seit 2024 einen KI-Assistenten mit der Bezeichnung „KI-Navigator“, der Beschäftigten hilft.",
     ("Landesbetrieb Daten und Information", "uses", "KI-Navigator")),
    ("a relative clause after a name ending in another noun", "Den technischen Betrieb übernimmt das "
     "Hochschulrechenzentrum der Technischen Universität Darmstadt, das bereits den Hochleistungsrechner "
     "Lichtenberg II betreibt.",
     ("Lichtenberg II", "operatedBy", "Hochschulrechenzentrum der Technischen Universität Darmstadt")),
    ("a member noun found by its compound's head", "Das Karlsruher Institut für Technologie ist Forschungspartner "
     "des Projekts GovTeuken.", ("Karlsruher Institut für Technologie", "partOf", "Projekts GovTeuken")),
    ("a joint undertaking of a union", "Das EuroHPC Joint Undertaking, ein Gemeinschaftsunternehmen der "
     "Europäischen Union, trägt die Hälfte der Kosten.", ("EuroHPC Joint Undertaking", "partOf", "Europäischen Union")),
    ("what a thing is made of", "Die Plattform openDesk besteht aus Open-Source-Komponenten.",
     ("openDesk", "uses", "Open-Source")),
    ("what a description is made of, by its examples", "Das Land setzt auf openDesk. Die Lösung setzt sich aus "
     "Open-Source-Bausteinen zusammen, darunter Nextcloud, Collabora Online und OpenProject.",
     ("openDesk", "uses", "Collabora Online")),
    ("a product's company is its maker", "In der Prototypphase wurde das Sprachmodell Luminous der Aleph Alpha GmbH "
     "genutzt.", ("Luminous", "developedBy", "Aleph Alpha GmbH")),
    ("a product's company after von is its maker", "Der KI-Assistent nutzt das Sprachmodell Llama 3 von Meta "
     "Platforms Inc.", ("Llama 3", "developedBy", "Meta Platforms Inc.")),
    ("a data centre's owner after von runs it", "Die Verarbeitung erfolgt im Twin Data Center von Dataport.",
     ("Twin Data Center", "operatedBy", "Dataport")),
    ("a passive with no user is about the context", "Der KI-Assistent F13 wird in der Landesverwaltung erprobt. In "
     "der ursprünglichen Prototypphase wurde das Sprachmodell Luminous der Aleph Alpha GmbH genutzt.",
     ("F13", "uses", "Luminous")),
    ("a model trained on a computer, fronted participle and pronoun", "Im Rahmen des Projekts OpenGPT-X entstand "
     "Teuken-7B, ein Sprachmodell für alle Amtssprachen der EU. Trainiert wurde es auf JUWELS, dem "
     "Vorgänger-Supercomputer am JSC.", ("Teuken-7B", "uses", "JUWELS")),
    ("what a computer is equipped with", "Der Supercomputer JUPITER ist mit dem Chip GH200 ausgestattet.",
     ("Supercomputer JUPITER", "uses", "GH200")),
    ("what a computer has", "Der Rechner Capella verfügt über das Speichersystem Lustre.", ("Capella", "uses", "Lustre")),
    ("what a product comprises", "Die Plattform openDesk umfasst die Module Nextcloud, Collabora Online und "
     "OpenProject.", ("openDesk", "uses", "Collabora Online")),
    ("a move to a product", "Die Landeshauptstadt München vollzieht den Umstieg auf LibreOffice.",
     ("München", "uses", "LibreOffice")),
    ("a move of a body, genitive", "Die Migration des Bundesamts für Justiz zu openDesk beginnt.",
     ("Bundesamts für Justiz", "uses", "openDesk")),
    ("a separable verb of moving", "Dataport stellt die Verwaltung auf openDesk um.", ("Dataport", "uses", "openDesk")),
    ("what is built on a thing", "Der Sovereign Cloud Stack (SCS) wächst. Die Plattform KIRA, die auf SCS entwickelt "
     "wurde, läuft.", ("KIRA", "uses", "SCS")),
    ("what runs on a computer, its name parsed as the verb's object", "Das Modell Teuken-7B läuft auf dem "
     "Supercomputer JUWELS.", ("Teuken-7B", "uses", "Supercomputer JUWELS")),
    ("relying on", "Das Projekt KIRA stützt sich auf das Sprachmodell Teuken-7B.",
     ("KIRA", "uses", "Sprachmodell Teuken-7B")),
    ("a use by someone", "Der Sovereign Cloud Stack (SCS) wächst. Das zeigt die Verwendung der SCS-Standards durch "
     "die Initiative GovStack.", ("GovStack", "uses", "SCS")),
    ("supplying something for another (a product supports too)", "Der Sovereign Cloud Stack (SCS) wächst. SCS "
     "liefert für Gaia-X einen passenden Unterbau.", ("SCS", "supports", "Gaia-X")),
    ("a subject the parser hung on the modal verb", "Der Sovereign Cloud Stack (SCS) wächst. Durch die Nutzung von "
     "Open Source will SCS dies ein Stück weit aufbrechen.", ("SCS", "uses", "Open Source")),
    ("taking up a thing's standards", "Der Sovereign Cloud Stack (SCS) wächst. Die Initiative GovStack hat für ihre "
     "Spezifikationen die Standards von SCS aufgegriffen.", ("GovStack", "uses", "SCS")),
    ("a project's list of moves", "Im Rahmen des Projekts „Digital souveräner IT-Arbeitsplatz“ wird die Verwaltung "
     "umgestellt. 1. Umstieg von Microsoft Office auf LibreOffice (in den Ministerien abgeschlossen), 2. Umstieg des "
     "Betriebssystems von Microsoft Windows auf Linux,", ("Digital souveräner IT-Arbeitsplatz", "uses", "Linux")),
    ("a thing that completes another", "Die Plattform KIPITZ ergänzt das Sprachmodell Teuken-7B.",
     ("KIPITZ", "supports", "Sprachmodell Teuken-7B")),
    ("created with a name", "Mit dem Portal „BayernKI“ hat das Landesamt für Digitalisierung eine zentrale "
     "Anlaufstelle geschaffen.", ("BayernKI", "developedBy", "Landesamt für Digitalisierung")),
    ("a lab at a body", "Seit 2023 besteht beim ITZBund ein KI-Labor.", ("KI-Labor", "operatedBy", "ITZBund")),
    ("the thing an act is of, in a frame", "Die Erprobung der Plattform KIPITZ beginnt im Rahmen von GovTech Campus.",
     ("KIPITZ", "partOf", "GovTech Campus")),
    ("a fronted action noun, the verb agreeing with the list after it", "Das Lamarr-Institut forscht in Dortmund. "
     "Die Grundfinanzierung des Instituts tragen der Bund und das Ministerium für Kultur und Wissenschaft (MKW).",
     ("Lamarr-Institut", "fundedBy", "Ministerium für Kultur und Wissenschaft")),
    ("an object relative pronoun read as the article of the name after it", "Die Landesverwaltung erprobt den "
     "Assistenten KIRA, den Dataport zusammen mit dem ITZBund entwickelt hat.", ("KIRA", "developedBy", "Dataport")),
    ("together with a town, gemeinsam hung on its noun", "Den Protokollassistenten hat die Komm.ONE gemeinsam mit "
     "der Stadt Heilbronn entwickelt.", ("Komm.ONE", "cooperatesWith", "Heilbronn")),
    ("a cooperation noun hung on a passive's subject", "Entwickelt wurde der Assistent vom "
     "IT-Dienstleistungszentrum Saarland (IT-DLZ) in Zusammenarbeit mit der Saarbrücker Scheer GmbH; die Auswahl "
     "des Sprachmodells hat das DFKI wissenschaftlich begleitet.",
     ("IT-Dienstleistungszentrum Saarland", "cooperatesWith", "Scheer GmbH")),
    ("a whole after als, of a clause with no object", "Das CISPA wird als Einrichtung der Helmholtz-Gemeinschaft zu "
     "90 Prozent vom Bund finanziert.", ("CISPA", "partOf", "Helmholtz-Gemeinschaft")),
    ("together with, the subject a pronoun", "Das Höchstleistungsrechenzentrum Stuttgart betreibt den Rechner "
     "Hunter. Gemeinsam mit dem Jülich Supercomputing Centre und dem Leibniz-Rechenzentrum bildet es das Gauss Centre "
     "for Supercomputing.", ("Höchstleistungsrechenzentrum Stuttgart", "cooperatesWith", "Leibniz-Rechenzentrum")),
    ("an agent's participle on a copula's noun", "openDesk ist die vom ZenDiS verantwortete Arbeitsplatzsuite.",
     ("openDesk", "operatedBy", "ZenDiS")),
    ("a member of a dative", "Das Fraunhofer IAIS gehört dem Lamarr-Institut an.",
     ("Fraunhofer IAIS", "partOf", "Lamarr-Institut")),
    ("a site at a body", "Die Kompetenzplattform KI.NRW ist beim Fraunhofer IAIS angesiedelt.",
     ("Kompetenzplattform KI.NRW", "locatedIn", "Fraunhofer IAIS")),
    ("a thing in a frame", "Die Erprobung der Plattform KIPITZ im Rahmen von GovTech Campus beginnt.",
     ("KIPITZ", "partOf", "GovTech Campus")),
    ("funding the work on a thing", "Das Land Baden-Württemberg fördert den Aufbau der Plattform openCode.",
     ("openCode", "fundedBy", "Land Baden-Württemberg")),
    ("the work on a thing funded, in the passive", "Der Aufbau der Plattform openCode wird vom Bundesministerium "
     "des Innern gefördert.", ("openCode", "fundedBy", "Bundesministerium des Innern")),
    ("run in a body's data centres", "KommunalKI.BW wird in den Rechenzentren der Komm.ONE betrieben.",
     ("KommunalKI.BW", "operatedBy", "Komm.ONE")),
    ("running on a body's servers, the name right after its type noun", "Der Assistent SaarKI läuft auf Servern "
     "des IT-Dienstleistungszentrums Saarland.", ("SaarKI", "operatedBy", "IT-Dienstleistungszentrums Saarland")),
    ("running on servers in a town, the verb's form unmarked", "Die Plattform KIPITZ läuft auf Servern in Bonn.",
     ("KIPITZ", "locatedIn", "Bonn")),
    ("an apposition after a name the parser hung elsewhere", "Zusätzlich entsteht die Cloud-Plattform der Delos "
     "Cloud GmbH, einer Tochtergesellschaft der SAP SE.", ("Delos Cloud GmbH", "partOf", "SAP SE")),
    ("moving a thing onto a product, the phrase hung on the object", "So stellt Schleswig-Holstein die Arbeitsplätze "
     "seiner Landesverwaltung auf LibreOffice um.", ("Schleswig-Holstein", "uses", "LibreOffice")),
]


@pytest.mark.parametrize(("construction", "text", "expected"), FAMILIES, ids=[f[0] for f in FAMILIES])
def test_each_construction(found, construction: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(found(text))


def test_a_definite_description_resolves_with_its_offsets_and_a_lower_confidence(found) -> None:
    text = "Das Projekt GovTeuken startete 2024. Das Vorhaben wird vom IT-Planungsrat gefördert."
    assert ("Projekt GovTeuken", "fundedBy", "IT-Planungsrat", "agent-verb-passive", "Das Vorhaben") in found(text)


def test_a_relative_clause_on_an_indefinite_noun_bridges_to_the_sentence_s_name(found) -> None:
    text = "Mit dem ZenDiS verfügt der Bund über eine eigene Gesellschaft, die die Plattform openCode betreibt."
    assert ("openCode", "operatedBy", "ZenDiS") in triples(found(text))
    assert ("openCode", "operatedBy", "Bund") not in triples(found(text))  # the Bund has it, it is not it


def test_the_topic_fills_a_headline_without_a_verb(found) -> None:
    text = ("Das Projekt hessian.AI wächst weiter. Das Projekt hessian.AI hat 30 Partner. "
            "Förderung durch das Hessische Ministerium für Digitalisierung.")
    assert ("hessian.AI", "fundedBy", "Hessische Ministerium für Digitalisierung") in triples(found(text))


def test_what_comes_into_use_is_used_by_what_the_text_is_about_not_by_its_neighbour(found) -> None:
    text = ("Der Assistent F13 wird vom Land betrieben. Derzeit kommen überwiegend Open-Weight-Modelle der "
            "Modellfamilien Llama und Mistral zum Einsatz.")
    assert {("F13", "uses", "Llama"), ("F13", "uses", "Mistral")} <= triples(found(text))
    assert ("Mistral", "uses", "Llama") not in triples(found(text))  # the context is neither end


def test_members_of_whom_a_possessive_stands_for(found) -> None:
    text = ("Das Artificial Intelligence Center Hamburg (ARIC) e. V. ist ein Verein. Er wird von der Behörde für "
            "Wirtschaft und Innovation gefördert. Zu seinen Mitgliedern gehören die Universität Hamburg und die "
            "Technische Universität Hamburg.")
    assert {("Universität Hamburg", "partOf", "Artificial Intelligence Center Hamburg"),
            ("Technische Universität Hamburg", "partOf", "Artificial Intelligence Center Hamburg")} <= triples(found(text))


def test_a_list_goes_on_after_an_item_s_short_form(found) -> None:
    text = ("Das Projekt ScaDS.AI wächst. Zu den assoziierten Partnern zählen das Max-Planck-Institut für molekulare "
            "Zellbiologie und Genetik (MPI-CBG), das Helmholtz-Zentrum Dresden-Rossendorf (HZDR) und das "
            "Leibniz-Institut für ökologische Raumentwicklung.")
    partners = {t[0] for t in triples(found(text)) if t[1:] == ("partOf", "ScaDS.AI")}
    assert partners == {"Max-Planck-Institut für molekulare Zellbiologie und Genetik",
                        "Helmholtz-Zentrum Dresden-Rossendorf", "Leibniz-Institut für ökologische Raumentwicklung"}


def test_a_government_s_support_is_funding(found) -> None:
    text = "Das Zentrum hessian.AI wächst. Es wird vom Bundesministerium für Forschung unterstützt."
    assert ("hessian.AI", "fundedBy", "Bundesministerium für Forschung") in triples(found(text))


def test_a_separated_particle_hung_on_a_noun_joins_its_verb(nlp) -> None:
    """ "arbeiten … zusammen" with "zusammen" parsed as a noun's adverb is still "zusammenarbeiten"."""
    from sovkg.extract.normalize import fold_word
    from sovkg.extract.pattern_file import cue_keys
    from sovkg.extract.relation_patterns import attach_particles

    doc = nlp("Im Verbund arbeiten die Universität Stuttgart und die Universität Tübingen eng zusammen.")
    verb, particle = doc[2], doc[-2]
    particle.head, particle.dep_ = doc[5], "advmod"  # the slip seen on real text
    attach_particles(list(doc))
    assert particle.head.i == verb.i and particle.dep_ == "compound:prt"
    assert fold_word("zusammenarbeiten") in cue_keys(verb)
    patterns = nlp.get_pipe("sovkg_relation_patterns").patterns
    assert "cooperate-verb" in {cue.cls for cue in patterns.cues_of(verb)}


def test_a_particle_hung_on_the_wrong_verb_leaves_that_verb_its_cue(nlp) -> None:
    """ "Die Mittel stammen aus …; weitere steuert das Land bei": the parser may give "bei" to
    "stammen"; "beistammen" is no word, so "stammen" is still the cue it is."""
    doc = nlp("Die Mittel stammen aus dem Haushalt.")
    verb, particle = doc[2], doc[-2]
    particle.head, particle.dep_ = verb, "compound:prt"  # "Haushalt" as a stand-in for a stray "bei"
    patterns = nlp.get_pipe("sovkg_relation_patterns").patterns
    assert "money-verb" in {cue.cls for cue in patterns.cues_of(verb)}


def test_a_passive_without_a_subject_is_about_the_context(found) -> None:
    text = "Das Projekt NRW.Genius startet. Dabei wird gezielt auf Open-Source-Komponenten gesetzt."
    assert ("Projekt NRW.Genius", "uses", "Open-Source", "user-preposition-impersonal", "gesetzt") in found(text)


NEGATIVES = [
    ("access opened to someone else, to a concept", "Die Landesregierung will den Schulen einen sicheren Zugang zu "
     "KI-Anwendungen eröffnen."),
    ("a passive without an agent", "Die Plattform openDesk wird gefördert."),
    ("a concept is no subject", "Künstliche Intelligenz wird vom Land Hessen gefördert."),
    ("a place runs nothing", "Das Land Hessen betreibt viele Rechenzentren."),
    ("a compound without a hyphen", "Cloud Interconnectivity Open Operations"),
    ("a type noun without a name", "Das Projekt wird von vielen Partnern getragen."),
    ("a type mismatch", "Die Stadt Köln ist Teil des Landes Nordrhein-Westfalen."),
    ("money from a place is no funder of a body", "Das Land Hessen startet. Die Mittel der Stadt Darmstadt stammen "
     "aus Steuern."),
    ("an attributive participle is no stative clause", "Die Eingaben werden im Rechenzentrum der Stadt Mainz "
     "verarbeitet, das über das vom Landesbetrieb Daten und Information betriebene Landesnetz verbunden ist."),
    ("a body is made of members, it uses none", "Der Beirat des Projekts F13 besteht aus dem BSI und der TU Dresden."),
    ("who works on a body's tasks is no part of it", "Über das BSI wirkt die Bundesregierung an den Arbeiten der "
     "Agentur der Europäischen Union für Cybersicherheit (ENISA) mit."),
    ("working with a body is no use of it", "Die Stadt Köln arbeitet seit 2024 mit dem ITZBund."),
    ("receiving something other than money is no funding", "Das Projekt GovTeuken erhält von der Stadt Köln Lob."),
    ("a participle of where something was shown is no seat", "Die in Bonn vorgestellte Plattform KIPITZ läuft."),
    ("a place a thing is run in is no project", "Die Plattform KIPITZ wird in Bonn betrieben."),
    ("a place an amount of money comes from is no seat", "Mittel aus Bayern fließen in das Projekt GovTalk."),
    ("a programme comprises projects, it uses none", "Das Förderprogramm umfasst die Projekte KI.NRW und NRW.Genius."),
    ("a body that completes a team supports no thing", "Das ITZBund ergänzt das Team um zwei Fachleute."),
    ("what was created in a passive has no maker", "Mit dem Portal „BayernKI“ wurde eine zentrale Anlaufstelle "
     "geschaffen."),
    ("a lab without the body it is at", "Die Stadt Köln eröffnet ein KI-Labor."),
    ("a stage is no site", "Das Projekt KIRA steht am Anfang."),
    ("what a body owns is no member of it", "Der Supercomputer JUWELS gehört dem Forschungszentrum Jülich."),
    ("a frame of no name", "Die Plattform KIPITZ wird im Rahmen der Haushaltsberatungen beraten."),
    ("support of work with money is no support of the thing", "Mit 18 Millionen Euro unterstützt das Bayerische "
     "Staatsministerium für Digitales den Aufbau der Plattform BayernKI."),
    ("what a passive made does not cooperate", "Entwickelt wurde die Plattform KIPITZ in Zusammenarbeit mit der "
     "Scheer GmbH."),
    ("work on no named thing", "Das Land Baden-Württemberg fördert den Aufbau von Rechenzentren."),
    ("a data centre without its owner", "Die Plattform KIPITZ läuft in einem neuen Rechenzentrum."),
    ("moving the workplaces somewhere, onto nothing", "Die Stadt Schwäbisch Hall stellt ihre Arbeitsplätze im "
     "Rathaus um."),
]


@pytest.mark.parametrize(("case", "text"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_no_relation_without_the_construction(found, case: str, text: str) -> None:
    assert found(text) == set()


def test_who_commissions_a_task_does_not_do_it_and_a_responsibility_is_no_place(found) -> None:
    assert ("KIPITZ", "developedBy", "Land") not in triples(
        found("Das Land hat das ITZBund mit der Entwicklung der Plattform KIPITZ beauftragt."))
    assert not any(p == "locatedIn" for _s, p, _o in
                   triples(found("Die Plattform KIPITZ befindet sich in Trägerschaft des Landes Hessen.")))


def test_money_one_takes_part_with_is_funding_not_membership(found) -> None:
    found_triples = triples(found("Der Bund beteiligt sich mit 5 Millionen Euro an der Plattform GovTalk."))
    assert found_triples == {("GovTalk", "fundedBy", "Bund")}


def test_a_product_a_list_moves_to_is_not_used_by_the_product_moved_from(found) -> None:
    text = ("Im Rahmen des Projekts „Digital souveräner IT-Arbeitsplatz“ wird die Verwaltung umgestellt. 1. Umstieg "
            "von Microsoft Office auf LibreOffice, 2. Umstieg des Betriebssystems von Microsoft Windows auf Linux,")
    assert {f[0] for f in found(text) if f[3] == "switch-context"} == {"Digital souveräner IT-Arbeitsplatz"}


def test_a_genitive_hung_on_a_name_further_back_is_not_its_owner(found) -> None:
    text = ("Bund und Länder bauen die Deutsche Verwaltungscloud auf Grundlage der Deutschen "
            "Verwaltungscloud-Strategie des IT-Planungsrates gemeinsam auf.")
    assert not any(f[2] == "IT-Planungsrates" and f[0] == "Deutsche Verwaltungscloud" for f in found(text))


def test_a_fronted_dative_is_what_the_members_belong_to(found) -> None:
    """"Dem Verbund …" is never the subject, whatever the parser says: its members are the
    nominative phrases after the verb, and the one beside them ("neben …")."""
    text = ("Dem Verbund KIRA gehören neben der Universität Bonn das Fraunhofer IAIS in Sankt Augustin und die "
            "TU Dortmund an.")
    found_triples = {t for t in triples(found(text)) if t[1] == "partOf"}
    assert {("Fraunhofer IAIS", "partOf", "KIRA"), ("Universität Bonn", "partOf", "KIRA")} <= found_triples
    assert not any(s == "KIRA" or o in ("Fraunhofer IAIS", "Universität Bonn") for s, _p, o in found_triples)


def test_a_place_in_a_partner_s_name_is_no_partner(found) -> None:
    """"mit der Universitätsmedizin Greifswald": the town names the partner, it is not one
    (only a town or Land named by its kind, "mit der Stadt Heilbronn", acts as its government)."""
    text = ("An der Universität Greifswald entwickelt das Institut für Mathematik und Informatik zusammen mit der "
            "Universitätsmedizin Greifswald im Vorhaben „MeDaKI“ Verfahren.")
    assert not any(p == "cooperatesWith" and "Greifswald" in (s, o) for s, p, o in triples(found(text)))


def test_a_cooperation_through_a_description_is_no_partnership(found) -> None:
    """"Das System ist in Zusammenarbeit mit IBM entstanden": a thing made, no partner; the
    cooperation patterns take named ends only."""
    text = ("Die Justiz erprobt das System HessenAssist. Das System ist in Zusammenarbeit mit der IBM Deutschland "
            "GmbH entstanden; betreut wird es von der GIT.")
    assert not any(p == "cooperatesWith" for _s, p, _o in triples(found(text)))


def test_a_government_that_has_a_company_does_not_use_it(found) -> None:
    text = "Mit dem ZenDiS verfügt der Bund über eine eigene Gesellschaft, die den Arbeitsplatz openDesk betreibt."
    assert not any(f[1] == "uses" for f in found(text))


def test_a_named_initiative_in_a_passive_is_not_used_by_what_the_text_is_about(found) -> None:
    """Only a technology or an infrastructure is used by the context ("wie F13 genutzt wird")."""
    text = ("Das Innovationslabor InnoLab_bw startet. Die Kleine Anfrage soll klären, wie der Assistent F13 "
            "inzwischen genutzt wird.")
    assert not any(f[3] == "user-verb-impersonal" for f in found(text))


def test_a_former_name_is_the_object_never_the_subject(found) -> None:
    """ "X, vormals Y": the parse may hang either name on the adverb; the order decides."""
    text = "Die Finanzierung erfolgt durch das BMFTR, vormals Bundesministerium für Bildung und Forschung (BMBF)."
    assert ("Bundesministerium für Bildung und Forschung", "successorOf", "BMFTR") not in triples(found(text))


def test_a_partner_of_a_passive_agent_is_the_agent_s_partner_not_the_object_s(found) -> None:
    text = ("Das Kompetenzzentrum für Maschinelles Lernen wird von der Universität Tübingen gemeinsam mit dem "
            "Max-Planck-Institut getragen.")
    assert not any(f[1] == "cooperatesWith" and f[0].startswith("Kompetenzzentrum") for f in found(text))


def test_a_pronoun_of_users_stays_the_subject(found) -> None:
    text = "Die Stadt Köln startet. Seit Januar 2025 nutzen sie die Plattformen F13 und BayernKI."
    assert not any(f[0] in ("F13", "BayernKI") for f in found(text))


def test_the_bodies_of_a_relative_clause_are_no_items_of_the_agent_s_list(found) -> None:
    text = ("Wissenschaftlich begleitet wird NRW.Genius vom Lamarr-Institut, das die TU Dortmund und die "
            "Universität Bonn gemeinsam tragen.")
    assert not any(f[1] == "supports" and f[0] != "Lamarr-Institut" for f in found(text))


def test_an_aim_clause_does_not_share_the_subject(found) -> None:
    text = "Die Landesregierung bringt Akteure zusammen, um den Aufbau des Netzwerks NRW.KI zu fördern."
    assert not any(f[1] == "fundedBy" for f in found(text))


def test_a_demonstrative_after_mit_is_an_instrument_not_a_partner() -> None:
    """Without the knowledge base "AI Village" is no mention, and the one "mit" phrase
    left is the programme the ministry works with, not a partner."""
    from sovkg.extract.nlp import load_pipeline

    text = ("- KI-Offensive im Rheinischen Revier: Mit dem Förderprogramm \"Digitale Zukunft KI\" wird die "
            "Transformation des Rheinischen Reviers vorangetrieben. Gemeinsam mit dem AI Village unterstützt das "
            "MWIKE mit diesem Programm Unternehmen dabei, KI-Technologien zu entwickeln.")
    doc = load_pipeline(kb="none")(text)
    assert not any(f.predicate == "cooperatesWith" for f in doc.user_data["sovkg_relations"])


def test_shareholders_are_no_partners_of_the_thing_named_last(found) -> None:
    text = ("Das KIT betreibt den Rechner HoreKa. Zu seinen Gesellschaftern zählen Unternehmen wie SAP und die "
            "Deutsche Telekom.")
    assert not any(f[1] == "partOf" and f[2] == "HoreKa" for f in found(text))


def test_a_yes_no_question_states_nothing_a_question_word_presupposes(found) -> None:
    assert found("Nutzt die Landesregierung die Plattform openDesk?") == set()
    assert found("2. Wie bewertet die Bundesregierung die Ergebnisse, und wird die Bundesregierung die Plattform "
                 "openDesk nutzen?") == set()
    assert ("Landesregierung", "uses", "openDesk") in triples(found("Die Landesregierung nutzt die Plattform openDesk."))


def test_a_fronted_adverb_the_parser_made_the_subject_gives_way_to_the_noun_phrase(nlp) -> None:
    """ "Technisch setzt das Vorhaben … auf": the parser's slip made by hand, then repaired;
    a name first in the sentence ("Dataport betreibt das Rechenzentrum") stays the subject."""
    from sovkg.extract.coreference import MentionIndex
    from sovkg.extract.relation_patterns import front_adverb

    for text, first_dep in (("Technisch setzt das Vorhaben vollständig auf Open-Source-Software.", "advmod"),
                            ("Dataport betreibt das Rechenzentrum in Altenholz.", "nsubj")):
        doc = nlp(text)
        first, verb, noun = doc[0], doc[1], doc[3]
        for token in doc:
            token.head = token if token.i == verb.i else token.head
        first.head, first.dep_, noun.head, noun.dep_ = verb, "nsubj", verb, "obj"
        front_adverb(verb, MentionIndex(doc, list(doc.spans["sovkg_mentions"]), {}))
        assert (first.dep_, noun.dep_) == (first_dep, "nsubj" if first_dep == "advmod" else "obj")


def test_a_project_s_technical_basis_after_a_fronted_adverb(found) -> None:
    text = ("Das Projekt KI-Cloud Bayern stellt Rechenleistung bereit. Technisch setzt das Vorhaben vollständig auf "
            "Open-Source-Software.")
    assert ("KI-Cloud Bayern", "uses", "Open-Source-Software") in triples(found(text))


def test_a_verb_without_a_subject_has_the_nominative_before_it_as_subject(nlp) -> None:
    """ "Die technische Umsetzung erfolgt durch Dataport" parsed with "Umsetzung" as the object:
    repaired; "Den Betrieb übernimmt das ITZBund" (a subject after the verb) is left alone."""
    from sovkg.extract.relation_patterns import normalise_clause

    doc = nlp("Die technische Umsetzung erfolgt durch Dataport.")
    noun, verb = doc[2], doc[3]
    noun.dep_ = "obj"
    normalise_clause(verb)
    assert noun.dep_ == "nsubj"
    doc = nlp("Den Betrieb übernimmt das ITZBund.")
    verb = doc[2]
    deps = {t.i: t.dep_ for t in doc}
    normalise_clause(verb)
    assert {t.i: t.dep_ for t in doc} == deps


def test_a_plural_verb_has_the_list_for_its_subject_not_the_singular_before_it(nlp) -> None:
    """ "Die Grundfinanzierung des Instituts tragen der Bund und das MKW": the verb agrees with
    the list, so the list is its subject, whichever the parser made the subject; a singular
    verb, or no list, is left alone (the small model's number of one noun is unreliable)."""
    from sovkg.extract.relation_patterns import normalise_clause

    doc = nlp("Die Grundfinanzierung des Instituts tragen der Bund und das Ministerium.")
    noun, verb, bund = doc[1], doc[4], doc[6]
    noun.dep_, bund.dep_ = "nsubj", "nsubj"  # as the parser may give them: two subjects
    normalise_clause(verb)
    assert (noun.dep_, bund.dep_) == ("obj", "nsubj")
    noun.dep_, bund.dep_ = "nsubj", "obj"  # or the list as the object
    normalise_clause(verb)
    assert (noun.dep_, bund.dep_) == ("obj", "nsubj")
    doc = nlp("Die Förderung übernimmt das Land.")
    deps = {t.i: t.dep_ for t in doc}
    normalise_clause(doc[2])
    assert {t.i: t.dep_ for t in doc} == deps


def test_a_main_clause_after_a_comma_keeps_its_fronted_object(nlp) -> None:
    """ "Der Bund zahlt, den Rechner betreibt das LRZ": "den" is the article of a fronted
    object here, not a relative pronoun (the clause has its own subject)."""
    doc = nlp("Der Bund zahlt, den Rechner betreibt das LRZ.")
    assert [(t.dep_, t.head.i) for t in doc[4:9]] == [("det", 5), ("obj", 6), ("parataxis", 2), ("det", 8),
                                                      ("nsubj", 6)]


def test_an_object_relative_pronoun_and_two_subjects_the_second_a_genitive(nlp) -> None:
    """ "…, den das Zentrum (ZIH) der TU Dresden betreibt" parsed with "den" and "TU" as
    subjects and "Zentrum" as object: the pronoun is the object, "Zentrum" the subject."""
    from sovkg.extract.relation_patterns import normalise_clause

    doc = nlp("Sie nutzen den Cluster Capella, den das Zentrum (ZIH) der TU Dresden betreibt.")
    words = [t.text for t in doc]
    relative, noun, tu, verb = (doc[words.index(w, 5)] for w in ("den", "Zentrum", "TU", "betreibt"))
    for token, dep in ((relative, "nsubj"), (noun, "obj"), (tu, "nsubj")):
        token.head, token.dep_ = verb, dep
    normalise_clause(verb)
    assert (relative.dep_, noun.dep_, tu.dep_) == ("obj", "nsubj", "nmod")


def test_a_fronted_adverb_before_a_passive_and_an_agent_parsed_as_object(nlp) -> None:
    """ "Wissenschaftlich begleitet wird der KI-Navigator vom Deutschen Forschungszentrum …",
    parsed with the adverb as the passive subject and the agent as an object whose "vom"
    hangs on its adjective: repaired to subject and agent."""
    from sovkg.extract.coreference import MentionIndex
    from sovkg.extract.relation_patterns import front_adverb, passive_agent

    doc = nlp("Wissenschaftlich begleitet wird der Assistent vom Deutschen Forschungszentrum.")
    adverb, verb, aux, noun, vom, adjective, agent = doc[0], doc[1], doc[2], doc[4], doc[5], doc[6], doc[7]
    for token in doc:
        token.head = verb
    verb.dep_ = "ROOT"
    adverb.dep_, aux.dep_, noun.dep_, agent.dep_ = "nsubj:pass", "aux:pass", "nsubj:pass", "obj"
    doc[3].head, doc[3].dep_ = noun, "det"
    adjective.head, adjective.dep_, vom.head, vom.dep_ = agent, "amod", adjective, "case"
    passive_agent(verb)
    front_adverb(verb, MentionIndex(doc, [], {}))
    assert (adverb.dep_, noun.dep_, agent.dep_, vom.head.i) == ("advmod", "nsubj:pass", "obl", agent.i)


def test_a_fronted_participle_is_the_verb_and_a_consortium_stands_for_its_members(found) -> None:
    """ "Gebaut hat den Rechner ein Konsortium aus …": the participle the tagger calls a noun
    heads the clause, the accusative is the object, the consortium its members."""
    text = "Hier steht JUPITER. Gebaut hat den Rechner ein Konsortium aus der Firma Eviden und der Firma ParTec."
    assert {("JUPITER", "developedBy", "Eviden"), ("JUPITER", "developedBy", "ParTec")} <= triples(found(text))


def test_the_fronted_participle_repair_moves_the_auxiliary_s_dependents(nlp) -> None:
    from sovkg.extract.relation_patterns import front_participle

    doc = nlp("Gebaut hat den Rechner die Firma Eviden.")
    participle, aux = doc[0], doc[1]
    for token in doc:
        token.head = aux
    participle.pos_, participle.dep_, aux.dep_ = "PROPN", "nsubj", "ROOT"
    front_participle(list(doc))
    assert participle.pos_ == "VERB" and participle.head.i == participle.i and aux.head.i == participle.i
    assert all(t.head.i == participle.i for t in doc[2:] if t.dep_ in ("obj", "nsubj", "punct"))


def test_a_von_phrase_after_a_noun_of_an_active_verb_belongs_to_the_noun(nlp) -> None:
    from sovkg.extract.relation_patterns import von_phrase_of_noun

    doc = nlp("Die Verarbeitung erfolgt im Rechenzentrum von Dataport.")
    verb, noun, name = doc[2], doc[4], doc[6]
    for token in (doc[1], noun, name):
        token.head = verb
    doc[1].dep_, noun.dep_, name.dep_, verb.dep_ = "nsubj", "obl", "obl", "ROOT"
    von_phrase_of_noun(verb)
    assert name.head.i == noun.i and name.dep_ == "nmod"


def test_a_passive_agent_after_a_noun_stays_the_verb_s(nlp) -> None:
    from sovkg.extract.relation_patterns import von_phrase_of_noun

    doc = nlp("Gefördert wird das Projekt von der Stiftung.")
    verb, noun, name = doc[0], doc[3], doc[6]
    doc[1].head, doc[1].dep_ = verb, "aux:pass"
    noun.head, name.head, name.dep_ = verb, verb, "obl"
    von_phrase_of_noun(verb)
    assert name.head.i == verb.i


def test_a_nominative_pronoun_of_a_passive_is_its_subject_and_loses_its_phrase(nlp) -> None:
    """ "Trainiert wurde es auf JUWELS" parsed with "es" an adverb and "auf JUWELS" its modifier."""
    from sovkg.extract.relation_patterns import normalise_clause

    doc = nlp("Trainiert wurde es auf JUWELS.")
    verb, aux, pronoun, name = doc[0], doc[1], doc[2], doc[4]
    verb.head, verb.dep_ = verb, "ROOT"
    aux.head, aux.dep_ = verb, "aux:pass"
    pronoun.head, pronoun.dep_ = verb, "advmod"
    name.head, name.dep_ = pronoun, "nmod"
    pronoun.set_morph("Case=Nom|Gender=Neut|Number=Sing|PronType=Prs")
    verb.set_morph("VerbForm=Part")
    normalise_clause(verb)
    assert pronoun.dep_ == "nsubj:pass" and name.head.i == verb.i and name.dep_ == "obl"


def test_a_time_phrase_is_no_object_and_of_two_unmarked_objects_the_first_is_the_subject(nlp) -> None:
    """ "Daneben richtet das Zentrum jedes Jahr die Summer School aus", parsed with three objects."""
    from sovkg.extract.relation_patterns import normalise_clause

    doc = nlp("Daneben richtet das Zentrum jedes Jahr die Schule aus.")
    verb, centre, year, school = doc[1], doc[3], doc[5], doc[7]
    for token, head, dep in ((doc[0], verb, "advmod"), (doc[2], centre, "det"), (centre, verb, "obj"),
                             (doc[4], year, "det"), (year, verb, "obj"), (doc[6], school, "det"),
                             (school, verb, "obj"), (doc[8], verb, "compound:prt")):
        token.head, token.dep_ = head, dep
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    normalise_clause(verb)
    assert (centre.dep_, year.dep_, school.dep_) == ("nsubj", "obl:tmod", "obj")


def test_a_passive_s_agent_hung_on_its_subject_after_the_verb_is_the_verb_s(nlp) -> None:
    from sovkg.extract.relation_patterns import passive_agent

    doc = nlp("Koordiniert wird dieser Verbund vom Verein.")
    verb, aux, noun, agent = doc[0], doc[1], doc[3], doc[5]
    verb.head, verb.dep_ = verb, "ROOT"
    aux.head, aux.dep_ = verb, "aux:pass"
    doc[2].head, doc[2].dep_ = noun, "det"
    noun.head, noun.dep_ = verb, "nsubj:pass"
    doc[4].head, doc[4].dep_ = agent, "case"
    agent.head, agent.dep_ = noun, "nmod"
    passive_agent(verb)
    assert agent.head.i == verb.i and agent.dep_ == "obl"


def test_a_centre_s_yearly_event_is_run_by_it(found) -> None:
    text = ("Das Zentrum ScaDS.AI forscht. Daneben richtet das Zentrum jedes Jahr in Leipzig die International "
            "Summer School on AI and Big Data aus.")
    assert ("International Summer School on AI and Big Data", "operatedBy", "ScaDS.AI") in triples(found(text))


def test_a_cooperation_with_only_a_partner_is_the_context_s(found) -> None:
    """ "Mit dem Projekt GXFS besteht eine enge Zusammenarbeit": the project the text is about
    works with GXFS; a cooperation with a subject of its own is that subject's."""
    text = "Das Projekt KIRA läuft. Mit dem Projekt GXFS besteht eine enge Zusammenarbeit."
    assert ("KIRA", "cooperatesWith", "GXFS", "cooperation-noun-context", "Zusammenarbeit") in found(text)
    text = "Das Projekt KIRA läuft. Das Land vertieft die Zusammenarbeit mit dem Projekt GXFS."
    assert not any(f[3] == "cooperation-noun-context" for f in found(text))


def test_a_name_after_the_fronted_subject_is_its_apposition_not_the_object(nlp) -> None:
    """Before a main clause's finite verb stands one phrase: "Das Modell Teuken-7B läuft …"."""
    from sovkg.extract.relation_patterns import fronted_apposition

    doc = nlp("Das Modell Teuken-7B läuft gut.")
    verb, noun, name = doc[5], doc[1], doc[2]
    for token in doc:
        token.head = verb
    verb.dep_, noun.dep_, name.dep_, doc[0].dep_ = "ROOT", "nsubj", "obj", "det"
    doc[0].head = noun
    verb.set_morph("Number=Sing|VerbForm=Fin")
    name.pos_ = "PROPN"
    fronted_apposition(verb)
    assert name.head.i == noun.i and name.dep_ == "appos"


def test_users_listed_are_no_members(found) -> None:
    """"Zu den Nutzern des HoreKa zählt X": X uses it, and does not belong to it ("zählen zu")."""
    assert triples(found("Zu den Nutzern des Hochleistungsrechners HoreKa zählt die Universität Stuttgart.")) == {
        ("Universität Stuttgart", "uses", "HoreKa")}


def test_a_pronoun_stands_for_the_name_beside_the_subject_noun_and_a_learning_platform_names(found) -> None:
    """"Die Lernplattform Lernraum Berlin, die auf … Moodle basiert, wird … genutzt. Sie …": "sie" is
    the platform the sentence is about (its name beside the subject noun), not Moodle, named last."""
    text = ("Die Lernplattform Lernraum Berlin, die auf der Software Moodle basiert, wird von 680 Schulen genutzt. "
            "Sie nutzt Kubernetes.")
    assert {("Lernraum Berlin", "uses", "Moodle"), ("Lernraum Berlin", "uses", "Kubernetes")} <= triples(found(text))
    assert ("Moodle", "uses", "Kubernetes") not in triples(found(text))


def test_accompanying_is_support_not_funding_even_by_a_government(found) -> None:
    text = "Die Plattform openDesk ist im Regelbetrieb. Begleitet wurde der Aufbau vom Bundesministerium des Innern."
    assert not any(f[1] == "fundedBy" for f in found(text))


def test_money_at_someones_disposal_is_funding_not_use(found) -> None:
    found_here = triples(found("Das Land stellt dem Projekt KI.NRW 10 Millionen Euro zur Verfügung."))
    assert ("KI.NRW", "fundedBy", "Land") in found_here and not any(p == "uses" for _s, p, _o in found_here)


def test_an_agency_supports_with_its_work_not_with_money(found) -> None:
    text = ("Die Plattform openDesk ist im Regelbetrieb. Das Bundesamt für Sicherheit in der Informationstechnik "
            "(BSI) unterstützt die Plattform openDesk.")
    assert not any(f[1] == "fundedBy" for f in found(text))
    assert ("openDesk", "fundedBy", "Wirtschaftsministerium") in triples(
        found("Das Wirtschaftsministerium unterstützt die Plattform openDesk."))


def test_members_in_a_relative_clause_are_not_what_is_funded(found) -> None:
    """"Das Zentrum, an dem A, B und C beteiligt sind, wird von D gefördert": the parser makes A a
    conjunct of the Zentrum; the relative pronoun between them says they are no list."""
    text = ("Das Lamarr-Institut, an dem die Technische Universität Dortmund, die Universität zu Köln sowie das "
            "Fraunhofer-Institut IML beteiligt sind, wird seit 2022 vom Bund und vom Land Nordrhein-Westfalen gefördert.")
    funded = {(s, o) for s, p, o in triples(found(text)) if p == "fundedBy"}
    assert funded and {s for s, _o in funded} == {"Lamarr-Institut"}


def test_items_of_one_list_are_not_related_to_each_other(found) -> None:
    """The parser makes one item of a long list of names the subject and the next the object;
    the items carry the institute, none carries another."""
    text = ("Wissenschaftlich begleitet wird NRW.Genius vom Lamarr-Institut für Maschinelles Lernen und Künstliche "
            "Intelligenz, das die TU Dortmund, die Universität Bonn, das Fraunhofer IAIS und das Fraunhofer IML "
            "gemeinsam tragen.")
    result = triples(found(text))
    carriers = ("TU Dortmund", "Universität Bonn", "Fraunhofer IAIS", "Fraunhofer IML")
    assert {("Lamarr-Institut für Maschinelles Lernen und Künstliche Intelligenz", "operatedBy", c)
            for c in carriers} <= result
    assert not any(s in carriers and o in carriers and p != "cooperatesWith" for s, p, o in result), result


def test_a_phrase_hung_on_the_passive_auxiliary_is_the_participle_s(nlp) -> None:
    """"Das Zentrum … wird vom Ministerium gefördert" with the agent hung on "wird": an
    auxiliary governs no phrase, the verb it serves does."""
    from sovkg.extract.relation_patterns import subjects_of_auxiliaries

    doc = nlp("Das Zentrum wird vom Ministerium gefördert.")
    noun, aux, agent, participle = doc[1], doc[2], doc[4], doc[5]
    for token in doc:
        token.head = participle
    participle.dep_, aux.dep_, noun.dep_, agent.dep_ = "ROOT", "aux:pass", "nsubj:pass", "obl"
    doc[0].head, doc[3].head = noun, agent
    agent.head = aux
    subjects_of_auxiliaries(list(doc))
    assert agent.head.i == participle.i


def test_an_apposition_after_a_comma_is_the_name_s_and_a_list_s_next_name_is_none(found) -> None:
    """"…, einer Tochtergesellschaft der SAP SE" is the name's apposition; "…, der TU Darmstadt"
    in a list is a name of its own, no apposition of the name before it."""
    from sovkg.extract.relation_patterns import comma_apposition
    from sovkg.extract.coreference import MentionIndex
    from sovkg.extract.nlp import load_pipeline

    doc = load_pipeline()("Getragen wird ATHENE vom Fraunhofer SIT, der TU Darmstadt und der Hochschule Darmstadt.")
    heads = [t.head.i for t in doc]
    comma_apposition(list(doc), MentionIndex(doc, list(doc.spans["sovkg_mentions"]), {}))
    assert [t.head.i for t in doc] == heads
    assert not any(p == "partOf" for _s, p, _o in triples(found("Beteiligt sind das BSI, die Stadt Köln und ein "
                                                                   "Verbund der Hochschulen.")))


def test_a_lemma_set_is_written_once_and_named_apart_from_the_cue_classes() -> None:
    """"@name" in a condition stands for a lemma set of the pattern file as for a cue class;
    a set named like a class is refused (which would the condition mean?)."""
    data = json.loads(PATTERNS)
    patterns = {p.id: p for p in load_patterns(PATTERNS, CUES).patterns}
    work = {c.lemmas for c in patterns["agent-verb-active-work"].when}
    assert frozenset({"aufbau", "betrieb", "errichtung"}) <= next(iter(work))
    data["lemma_sets"]["agent-verb"] = ["fördern"]
    with pytest.raises(PatternError, match="lemma sets named like cue classes"):
        load_patterns(json.dumps(data), CUES)
