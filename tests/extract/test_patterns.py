"""Recognition without the knowledge base: each rule family on real sentences of the genre."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp_nokb():
    from sovkg.extract.nlp import load_pipeline

    return load_pipeline(kb="none")


def _found(nlp, text: str) -> dict[str, tuple[str, str]]:
    doc = nlp(text)
    return {s.text: (s.label_, s._.sovkg_name) for s in doc.spans["sovkg_mentions"]}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Hier sei auf das Projekt NRW.Genius verwiesen.", "NRW.Genius", "Initiative"),
        ("- Kompetenzplattform KI.NRW: Die Angebote von KI.NRW zielen darauf ab.", "KI.NRW", "Initiative"),
        ("Mit dem Förderprogramm „Digitale Zukunft KI“ wird die Transformation vorangetrieben.",
         "Digitale Zukunft KI", "Initiative"),
        ("Zudem existiert beim Landesbetrieb IT.NRW ein KI-Labor.", "IT.NRW", "GovernmentBody"),
        ("Hierauf setzt das neue Projekt „GovTeuken“ im Land auf.", "GovTeuken", "Initiative"),
    ],
)
def test_type_nouns_in_apposition(nlp_nokb, text: str, surface: str, label: str) -> None:
    assert _found(nlp_nokb, text)[surface][0] == label


def test_coordinated_appositions(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Neben Förderungen wie den Graduiertenkollegs Dataninja (Ausbildung von "
                             "KI-Fachkräften) und NERD (Ausbildung von IT-Sicherheits-Fachkräften) strebt sie an.")
    assert found["Dataninja"][0] == "ResearchOrganization" and found["NERD"][0] == "ResearchOrganization"


@pytest.mark.parametrize(
    ("text", "surface", "label", "name"),
    [
        ("Förderungen, wie dem Lamarr-Institut für Maschinelles Lernen und Künstliche Intelligenz sowie",
         "Lamarr-Institut für Maschinelles Lernen und Künstliche Intelligenz", "ResearchOrganization", None),
        ("Das Zentrum für angewandte Künstliche Intelligenz in Duisburg unterstützt Unternehmen.",
         "Zentrum für angewandte Künstliche Intelligenz", "ResearchOrganization", None),
        ("Das Fraunhofer-Institut für Integrierte Schaltungen hat ein Sprachmodell entwickelt.",
         "Fraunhofer-Institut für Integrierte Schaltungen", "ResearchOrganization", None),
        ("wird am Forschungszentrum Jülich eine Infrastruktur geschaffen.",
         "Forschungszentrum Jülich", "ResearchOrganization", None),
        ("Bei einer Veranstaltung des Zentrums für Digitale Souveränität der Öffentlichen Verwaltung (ZenDiS)",
         "Zentrums für Digitale Souveränität der Öffentlichen Verwaltung", "Organization",
         "Zentrum für Digitale Souveränität der Öffentlichen Verwaltung"),
        ("Die Open Source Business Alliance e. V. begrüßt das.", "Open Source Business Alliance e. V.",
         "Organization", None),
        ("Die Mittel gingen an die Capgemini GmbH.", "Capgemini GmbH", "Company", None),
        ("Dem Verbund SOKRAT gehören weitere Partner an.", "SOKRAT", "Initiative", None),
        ("Gemeinsam mit dem Heidelberger Unternehmen Aleph Alpha GmbH.", "Aleph Alpha GmbH", "Company", None),
        ("Die Rheinland-Pfälzische Technische Universität Kaiserslautern-Landau (RPTU) forscht.",
         "Rheinland-Pfälzische Technische Universität Kaiserslautern-Landau", "ResearchOrganization", None),
        ("Das Karlsruher Institut für Technologie forscht.", "Karlsruher Institut für Technologie",
         "ResearchOrganization", None),
        # a centre for a research field is a research centre; one for anything else is not
        ("Das Kompetenzzentrum für Maschinelles Lernen wächst.", "Kompetenzzentrum für Maschinelles Lernen",
         "ResearchOrganization", None),
        ("Das Zentrum für Digitale Souveränität der Öffentlichen Verwaltung wächst.",
         "Zentrum für Digitale Souveränität der Öffentlichen Verwaltung", "Organization", None),
        ("Die Christian-Albrechts-Universität zu Kiel forscht.", "Christian-Albrechts-Universität zu Kiel",
         "ResearchOrganization", None),
        ("SÄCHSISCHES STAATSMINISTERIUM FÜR WISSENSCHAFT, KULTUR UND TOURISMUS Der Staatsminister Postfach",
         "SÄCHSISCHES STAATSMINISTERIUM FÜR WISSENSCHAFT, KULTUR UND TOURISMUS", "GovernmentBody", None),
        ("Das Bundesamt für Sicherheit in der Informationstechnik warnt.",
         "Bundesamt für Sicherheit in der Informationstechnik", "GovernmentBody", None),
        ("Das Zentrum für Digitalisierung in der Lausitz wird gefördert.",
         "Zentrum für Digitalisierung", "Organization", None),
        ("Partner ist die Mercedes-Benz Group AG.", "Mercedes-Benz Group AG", "Company", None),
        ("Partner ist die Dr. Ing. h.c. F. Porsche AG aus Stuttgart.", "Dr. Ing. h.c. F. Porsche AG", "Company",
         None),
        ("Den Rechner lieferte die MEGWARE Computer Vertrieb und Service GmbH.",
         "MEGWARE Computer Vertrieb und Service GmbH", "Company", None),
        ("Die Behörde für Wissenschaft, Forschung und Gleichstellung ist beteiligt.",
         "Behörde für Wissenschaft, Forschung und Gleichstellung", "GovernmentBody", None),
        ("Zuständig ist die Senatsverwaltung für Finanzen.", "Senatsverwaltung für Finanzen", "GovernmentBody", None),
        ("Partner ist das Berlin Institute for the Foundations of Learning and Data (BIFOLD).",
         "Berlin Institute for the Foundations of Learning and Data", "ResearchOrganization", None),
        ("Gefördert werden die Konrad Zuse Schools of Excellence in Artificial Intelligence.",
         "Konrad Zuse Schools of Excellence in Artificial Intelligence", "Initiative", None),
        ("Die Daten liegen im Twin Data Center in Norderstedt.", "Twin Data Center", "Infrastructure", None),
        ("Cyber Valley wächst weiter.", "Cyber Valley", "Initiative", None),
        ("Das Helmholtz-Zentrum Dresden-Rossendorf forscht.", "Helmholtz-Zentrum Dresden-Rossendorf",
         "ResearchOrganization", None),
        ("Bereitgestellt wird die Container-Plattform Kubernetes.", "Kubernetes", "Technology", None),
        ("Das System beruht auf dem Chip SpiNNaker2.", "SpiNNaker2", "Technology", None),
        ("Der Rechner hat das Speichersystem Lustre.", "Lustre", "Technology", None),
        ("Die Hessische Zentrale für Datenverarbeitung (HZD) will sie nutzen.",
         "Hessische Zentrale für Datenverarbeitung", "GovernmentBody", None),
        ("Distr@l ist das Förderprogramm des Hessischen Ministeriums für Digitalisierung und Innovation für digitale "
         "Innovationen.", "Hessischen Ministeriums für Digitalisierung und Innovation", "GovernmentBody", None),
        ("Das Artificial Intelligence Center Hamburg (ARIC) e. V. ist ein Verein.",
         "Artificial Intelligence Center Hamburg", "Organization", None),
        ("Mit dem hessian.AI Service Center (hessian.AISC) wächst es.", "hessian.AI Service Center",
         "ResearchOrganization", None),
        ("Die Aufsichts- und Dienstleistungsdirektion (ADD) nutzt es.", "Aufsichts- und Dienstleistungsdirektion",
         "GovernmentBody", None),
        ("Partner ist das IT-Dienstleistungszentrum des Freistaats Bayern.",
         "IT-Dienstleistungszentrum des Freistaats Bayern", "GovernmentBody", None),
    ],
)
def test_organisation_shapes(nlp_nokb, text: str, surface: str, label: str, name: str | None) -> None:
    found = _found(nlp_nokb, text)
    assert found[surface][0] == label
    if name:
        assert found[surface][1] == name


def test_abbreviations_become_aliases(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die Ministerpräsidentenkonferenz (MPK) hat beschlossen. Die MPK tagt wieder. "
                             "Die erfolgreiche Einwerbung der „KI-Fabrik“ (JUPITER AI Factory – JAIF) ergänzt "
                             "JUPITER. Die KI-Fabrik JAIF wird Dienstleistungen anbieten.")
    assert found["MPK"][1] == found["Ministerpräsidentenkonferenz"][1]
    assert found["JAIF"][1] == found["JUPITER AI Factory"][1] == "JUPITER AI Factory"


def test_a_symbol_name_in_parentheses_is_an_alias(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Das ZIH ist als Zentrum des Nationalen Hochleistungsrechnens (NHR@TUD) anerkannt.")
    assert found["NHR@TUD"][1] == "Zentrum des Nationalen Hochleistungsrechnens"


def test_shapes_list_heads_and_ocr(nlp_nokb) -> None:
    text = ("- KI.NRW Flagships: KI.NRW unterstützt Leuchtturmprojekte.\n"
            "- Al Village: Der KI-Innovationscampus in Hürth bringt Forschung zusammen.\n"
            "- ZaKI.D: Das Zentrum unterstützt Unternehmen.\n"
            "Mit openDesk und NEXT.IN.NRW geht es weiter.")
    found = _found(nlp_nokb, text)
    assert found["KI.NRW Flagships"][0] == "Initiative"
    assert found["Al Village"][1] == "AI Village"
    assert "ZaKI.D" in found and "openDesk" in found and "NEXT.IN.NRW" in found
    assert found["Hürth"][0] == "Place"


def test_a_list_head_s_appositive_is_its_alias_only_when_it_is_the_whole_phrase(nlp_nokb) -> None:
    text = ("- SCAI: Das Hackathon-Projekt bringt Forschung zusammen.\n"
            "2. Hackathon Roomtour: SCS Community Hackathon 2023\n"
            "Der Sovereign Cloud Stack (SCS) ist eine Plattform. SCS-Standards gelten weiter.")
    found = _found(nlp_nokb, text)
    assert found["SCS"][1] == "Sovereign Cloud Stack"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("beschrieb Bundes-CIO Dr. Markus Richter die digitale Souveränität", "Markus Richter"),
        ("außenpolitischer Maßnahmen von US-Präsident Donald Trump und seinem Schulterschluss", "Donald Trump"),
        ("der Abgeordneten Anke Domscheit-Berg und der Gruppe", "Anke Domscheit-Berg"),
        ("Anfrage der Abgeordneten Jens-Christoph Brockmann (AfD)", "Jens-Christoph Brockmann"),
        ("Anfrage der Abgeordneten Jessica Miriam Schülke (AfD)", "Jessica Miriam Schülke"),
        ("Anfrage der Abgeordneten Martina Machulla und Uwe Schünemann (CDU)", "Martina Machulla"),
    ],
)
def test_persons(nlp_nokb, text: str, person: str) -> None:
    assert _found(nlp_nokb, text)[person][0] == "Person"


def test_places_terms_and_parties(nlp_nokb) -> None:
    found = _found(nlp_nokb, "In ihrem Koalitionsvertrag haben sich CDU und GRÜNE für Open Source in "
                             "Nordrhein-Westfalen, Deutschland und Europa ausgesprochen, gemäß dem AI Act.")
    assert found["Koalitionsvertrag"][0] == "Policy" and found["AI Act"][0] == "Policy"
    assert found["CDU"][0] == found["GRÜNE"][0] == "Party"
    assert found["Open Source"][0] == "Technology"
    assert {found[p][0] for p in ("Nordrhein-Westfalen", "Deutschland", "Europa")} == {"Place"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zudem existiert beim Landesbetrieb IT.NRW ein KI-Labor, das die Landesverwaltung unterstützt.",
         "KI-Labor IT.NRW"),
        ("Beim Bundesamt für Sicherheit in der Informationstechnik wurde ein KI-Labor eingerichtet.",
         "KI-Labor Bundesamt für Sicherheit in der Informationstechnik"),
    ],
)
def test_a_lab_introduced_at_a_body_is_named_after_it(nlp_nokb, text: str, name: str) -> None:
    assert _found(nlp_nokb, text)["KI-Labor"] == ("Infrastructure", name)


def test_a_legal_form_after_an_adjective_is_no_name_of_its_own(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Mit Unterstützung der PD – Berater der öffentlichen Hand GmbH erfolgte der Umbau.")
    assert "Hand GmbH" not in found


def test_a_short_form_between_dashes_is_an_alias(nlp) -> None:
    doc = nlp("Das Land unterstützt das Hessische Zentrum für Künstliche Intelligenz – hessian.AI – beim Ausbau. "
              "Heute betreibt hessian.AI ein Lab.")
    names = {(s.text, s._.sovkg_name) for s in doc.spans["sovkg_mentions"]}
    assert names == {("Land", "Land"), ("Hessische Zentrum für Künstliche Intelligenz",) * 2,
                     ("hessian.AI", "Hessische Zentrum für Künstliche Intelligenz")}


def test_what_stands_before_an_english_name_in_a_list_is_not_part_of_it(nlp_nokb) -> None:
    found = _found(nlp_nokb, "26.07.2021 Ulrich Bantle Sovereign Cloud Stack: Die Cloud für Europa\n"
                             "Vortrag: How Sovereign Cloud Stack works\nFolie: SCS Sovereign Cloud Stack\n"
                             "Die Robert Bosch Foundation und das Hasso Plattner Institute fördern.")
    assert found["Ulrich Bantle"][0] == "Person"
    assert {name for name, _ in found.items() if name.endswith("Cloud Stack")} == {"Sovereign Cloud Stack"}
    assert found["Robert Bosch Foundation"][0] == "Organization"
    assert found["Hasso Plattner Institute"][0] == "ResearchOrganization"


def test_english_names_end_in_their_kind(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Forschende des Tübingen AI Center nutzen das AI Innovation Lab der Sovereign Tech Agency.")
    assert found["Tübingen AI Center"][0] == "ResearchOrganization"
    assert found["AI Innovation Lab"][0] == "Initiative"
    assert found["Sovereign Tech Agency"][0] == "GovernmentBody"
    assert _found(nlp_nokb, "Das Center ist neu. Die Daten liegen im Lab.") == {}


def test_more_type_nouns_and_compound_heads(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Derzeit kommen Modelle der Modellfamilien Llama und Mistral zum Einsatz. Seit 2024 "
                             "steht mit dem GPU-Cluster „Capella\" ein System bereit, das die Führungsakademie "
                             "Baden-Württemberg nutzt.")
    assert found["Llama"][0] == found["Mistral"][0] == "Technology"
    assert found["Capella"][0] == "Infrastructure" and "GPU" not in found
    assert found["Führungsakademie Baden-Württemberg"][0] == "ResearchOrganization"


def test_a_name_typed_by_the_apposition_after_it(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Es verfügen STACKIT, die Cloud-Plattform der Schwarz Gruppe, und Heidelberg, die Stadt "
                             "am Neckar, über Testate. Dort arbeitet LLMoin, ein KI-Assistent der Verwaltung.")
    assert found["STACKIT"][0] == "Initiative" and found["LLMoin"][0] == "Technology"
    assert found["Heidelberg"][0] == "Place"  # a place stays a place


def test_an_english_kind_after_a_name_s_shape_belongs_to_it(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Dataport stellt mit der dPhoenix Suite einen Arbeitsplatz bereit. Die Office Suite "
                             "bleibt.")
    assert found["dPhoenix Suite"][0] == "Technology" and "Office Suite" not in found


def test_company_names_in_lower_case_and_with_a_product_kind(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Beteiligt sind die Kölner plusserver GmbH, die enervis energy advisors GmbH, die "
                             "Münchner Meyer Software AG und die Berater der öffentlichen Hand GmbH.")
    assert {name for name, (label, _) in found.items() if label == "Company"} == \
        {"plusserver GmbH", "enervis energy advisors GmbH", "Meyer Software AG"}


def test_a_company_s_town_and_an_english_act(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die IONOS SE aus Montabaur und die Meyer AG aus Kostengründen folgen dem "
                             "Cybersecurity Act.")
    assert found["Montabaur"][0] == "Place" and "Kostengründen" not in found
    assert found["Cybersecurity Act"][0] == "Policy"


def test_a_plural_type_noun_s_object_is_no_name(nlp_nokb) -> None:
    """The tagger may call "Landesbehörden" singular; its lemma says it is a plural."""
    found = _found(nlp_nokb, "Die Infrastruktur soll ab Herbst 2026 Hochschulen, Start-ups, mittelständischen "
                             "Unternehmen und Landesbehörden Rechenzeit auf Grafikprozessoren zur Verfügung stellen.")
    assert "Rechenzeit" not in found


def test_an_alliance_for_ai_is_no_research_body_a_research_society_s_is(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die KI-Allianz Baden-Württemberg, der Verbund für Nationales Hochleistungsrechnen und "
                             "die Helmholtz-Gemeinschaft arbeiten mit dem Zentrum für Künstliche Intelligenz.")
    assert found["KI-Allianz Baden-Württemberg"][0] == "Organization"
    assert found["Verbund für Nationales Hochleistungsrechnen"][0] == "Organization"
    assert found["Helmholtz-Gemeinschaft"][0] == found["Zentrum für Künstliche Intelligenz"][0] == "ResearchOrganization"


def test_a_type_noun_s_name_ending_in_a_known_place_outranks_the_place(nlp) -> None:
    """With the knowledge base "Baden-Württemberg" is found first; the body's name holds it."""
    found = _found(nlp, "F13 wird von der Landesoberbehörde IT Baden-Württemberg (BITBW) betrieben.")
    assert found["IT Baden-Württemberg"][0] == "GovernmentBody" and "Baden-Württemberg" not in found


def test_a_model_s_version_belongs_to_its_name(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Eingesetzt wird das Modell Mistral Small 3.1 des Unternehmens, daneben das Sprachmodell "
                             "Llama 3 und das Modell Gemma 2 Millionen Mal.")
    assert found["Mistral Small 3.1"][0] == found["Llama 3"][0] == "Technology"
    assert "Gemma" in found and "Gemma 2" not in found  # a quantity, no version
    found = _found(nlp_nokb, "23.12.23 Janis Kemper: die Plattform Stacks 06.12.23 Matej Feder: das Modell Llama 3.1")
    assert "Stacks" in found and "Llama 3.1" in found  # a list's date is no version


def test_a_computing_centre_of_science_is_a_research_institution(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Das Höchstleistungsrechenzentrum Stuttgart und das Universitätsrechenzentrum Leipzig "
                             "rechnen, das Thüringer Landesrechenzentrum betreibt die Netze.")
    assert found["Höchstleistungsrechenzentrum Stuttgart"][0] == "ResearchOrganization"
    assert found["Universitätsrechenzentrum Leipzig"][0] == "ResearchOrganization"
    assert found["Thüringer Landesrechenzentrum"][0] == "GovernmentBody"  # a Land's, an authority


def test_names_defined_by_their_acronym(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Dokumente werden im Open Document Format (ODF) gespeichert; zuständig ist das "
                             "Zentrale IT-Management Schleswig-Holstein (ZIT SH).")
    assert found["ODF"] == found["Open Document Format"] == ("Technology", "Open Document Format")
    assert found["ZIT SH"] == ("GovernmentBody", "Zentrale IT-Management Schleswig-Holstein")
    # a term with its abbreviation is no name; the rules that know terms judge it
    labels = {label for label, _ in _found(nlp_nokb, "Die Künstliche Intelligenz (KI) wächst.").values()}
    assert labels == {"Technology"}


def test_a_strategy_named_after_its_land(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die Staatsregierung setzt die KI-Strategie des Freistaates Sachsen um; die "
                             "Digitalstrategie Schleswig-Holstein sieht das vor. Die Strategie ist gut.")
    assert found["KI-Strategie des Freistaates Sachsen"][0] == found["Digitalstrategie Schleswig-Holstein"][0] == "Policy"
    assert "Strategie" not in found


def test_companies_given_as_examples(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die Universität kooperiert mit Unternehmen wie Bosch, Mercedes-Benz und ZF.")
    assert {name: found[name][0] for name in ("Bosch", "Mercedes-Benz", "ZF")} == dict.fromkeys(
        ("Bosch", "Mercedes-Benz", "ZF"), "Company")


def test_an_article_is_no_particle_of_a_surname_nor_a_surname(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die Leiterin der Strafrechtsabteilung und der Leiter der Zentralstelle wurden "
                             "informiert. Auch Ministerin von der Leyen war da.")
    assert {name for name, (label, _) in found.items() if label == "Person"} == {"von der Leyen"}
    found = _found(nlp_nokb, "2024 David Walter Eine Schulcloud für 5 Millionen Nutzer\n2024 Martin Pilka Die Plattform")
    assert {name for name, (label, _) in found.items() if label == "Person"} == {"David Walter", "Martin Pilka"}


def test_gmbh_and_co_kg_is_one_legal_form(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Den Auftrag erhielt die Richter Gerüstbau GmbH & Co. KG aus Hameln, "
                             "die Werbung die Kinowerbung.de GmbH & Co. KG und die SAP SE, den Laser die TRUMPF SE + "
                             "Co. KG.")
    companies = {name for name, (label, _) in found.items() if label == "Company"}
    assert companies == {"Richter Gerüstbau GmbH & Co. KG", "Kinowerbung.de GmbH & Co. KG", "SAP SE",
                         "TRUMPF SE + Co. KG"}


def test_a_relative_clause_after_a_name_types_nothing(nlp_nokb) -> None:
    """"… des KIT, die Unternehmen beim Zugang … berät": the type noun is the clause's object, no
    apposition of the name (the KIT is no company)."""
    found = _found(nlp_nokb, "Den Kontakt hält die SICOS BW GmbH, eine Gründung der Universität Stuttgart und des "
                             "KIT, die Unternehmen beim Zugang zu Höchstleistungsrechnern berät.")
    assert found.get("KIT", ("", ""))[0] != "Company"
    assert found["SICOS BW GmbH"][0] == "Company"


def test_an_ampersand_joins_the_words_of_a_company_s_name(nlp_nokb) -> None:
    """"Hessen Trade & Invest GmbH" is one company, not the Land Hessen and an "Invest GmbH"."""
    found = _found(nlp_nokb, "Das Programm wickelt die Hessen Trade & Invest GmbH ab, geprüft von der Ernst & Young GmbH.")
    assert {name for name, (label, _) in found.items() if label == "Company"} == {
        "Hessen Trade & Invest GmbH", "Ernst & Young GmbH"}
    assert "Hessen" not in found


def test_common_words_with_a_broken_case_or_glued_together_are_no_camel_case_name(nlp_nokb) -> None:
    """A statistics annex as extracted from its PDF breaks letters' case ("StatiStik",
    "beWertung") and runs table cells together ("SpielhalleOnline", "KlinikBeratung",
    "SchuleBeruf"); a name of two common words standing alone stays ("KulturPass"), as do
    camel-case names ("LinkedIn", "SuedLink", "TenneT")."""
    found = _found(nlp_nokb, "Die StatiStik zur beWertung der Angebote ist neu. Die Plattform LinkedIn und "
                             "das Projekt SuedLink von TenneT laufen, der KulturPass auch.")
    assert {"StatiStik", "beWertung"}.isdisjoint(found)
    assert {"LinkedIn", "SuedLink", "TenneT", "KulturPass"} <= set(found)
    table = _found(nlp_nokb, "Angebote: SpielhalleOnline 12, KlinikBeratung 4, SchuleBeruf 7; dazu der KulturPass.")
    assert {"SpielhalleOnline", "KlinikBeratung", "SchuleBeruf", "KulturPass"}.isdisjoint(table)  # a table: all cells


def test_a_first_name_before_a_body_is_no_person(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die Eberhard Karls Universität Tübingen forscht.")
    assert "Eberhard Karls" not in found


def test_any_lab_is_no_entity(nlp_nokb) -> None:
    assert "KI-Labor" not in _found(nlp_nokb, "Die Kommunen wünschen sich ein KI-Labor für alle.")


@pytest.mark.parametrize(
    "text",
    [
        "Die Kommunen und Unternehmen sowie die Verwaltung unterstützen Start-ups.",
        "Eine gründliche Analyse erfordert eine vertiefte Untersuchung.",
        "Die Projekte sind speziell auf die Bedürfnisse von Hochschulen zugeschnitten.",
        "Es wird eine dementsprechende Produktentwicklungsstrategie verfolgt.",
    ],
)
def test_generic_nouns_are_not_entities(nlp_nokb, text: str) -> None:
    assert _found(nlp_nokb, text) == {}


def test_a_quoted_description_after_a_type_noun_is_no_name(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Der Staatssekretär nannte das Projekt „ein Beispiel dafür, dass KI und Klimaschutz "
                             "zusammengehen“. Das Land fördert den Supercomputer „fortytwo“.")
    assert not any(name.startswith("ein Beispiel") for name in found)
    assert found["fortytwo"][0] == "Infrastructure"


def test_a_seat_in_a_place_of_several_words(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Das Institut hat Standorte in Dortmund, Bonn und Sankt Augustin.")
    assert {name: label for name, (label, _) in found.items()} == \
        {"Dortmund": "Place", "Bonn": "Place", "Sankt Augustin": "Place"}


def test_a_quoted_name_outranks_a_known_term_inside_it(nlp) -> None:
    doc = nlp("Das Land fördert das „Ökosystem KI“ mit 5 Millionen Euro.")
    assert [(s.text, s.label_) for s in doc.spans["sovkg_mentions"]] == \
        [("Land", "GovernmentBody"), ("Ökosystem KI", "Initiative")]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Die TU Dresden forscht.", "TU Dresden", "ResearchOrganization"),
    ("Das Landgericht Hannover hat entschieden.", "Landgericht Hannover", "GovernmentBody"),
    ("In der JVA Sehnde wird gebaut.", "JVA Sehnde", "GovernmentBody"),
])
def test_a_body_named_after_its_place_is_the_body(nlp, text: str, name: str, kind: str) -> None:
    doc = nlp(text)
    assert (name, kind) in {(s.text, s.label_) for s in doc.spans["sovkg_mentions"]}


def test_tu_dresden_and_technische_universitaet_dresden_are_one_node(tmp_path) -> None:
    from sovkg.builder import extract

    path = tmp_path / "t.txt"
    path.write_text("Die Technische Universität Dresden kooperiert. Die TU Dresden betreibt das ZIH.\n",
                    encoding="utf-8")
    extraction, _ = extract([path], kb="none")
    (entity,) = [e for e in extraction.entities.values() if "Dresden" in e.label]
    assert entity.label == "Technische Universität Dresden" and "TU Dresden" in entity.aliases


def test_two_institutes_with_one_plural_head(nlp_nokb) -> None:
    doc = nlp_nokb("Beteiligt sind die Fraunhofer-Institute für Intelligente Analyse- und Informationssysteme IAIS "
                   "und für Integrierte Schaltungen IIS.")
    names = {s._.sovkg_name or s.text for s in doc.spans["sovkg_mentions"] if s.label_ == "ResearchOrganization"}
    assert names == {"Fraunhofer-Institut für Intelligente Analyse- und Informationssysteme IAIS",
                     "Fraunhofer-Institut für Integrierte Schaltungen IIS"}


def test_later_mentions_of_a_defined_abbreviation_are_found(nlp_nokb) -> None:
    """ "STF" after "Sovereign Tech Fund (STF)": the later bare mention is the fund too."""
    doc = nlp_nokb("Der Sovereign Tech Fund (STF) fördert offene Software. Seit 2022 finanziert der STF "
                   "Projekte wie curl. Die STFX ist etwas anderes.")
    later = [s for s in doc.spans["sovkg_mentions"] if s._.sovkg_method == "sovkg_patterns:abbreviation-repeat"]
    assert [(s.text, s._.sovkg_name) for s in later] == [("STF", "Sovereign Tech Fund")]
    assert later[0].start > 10


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Bund beteiligt sich an der Finanzierung.", {"Bund": ("GovernmentBody", "Bund")}),
    ("Das Projekt wird vom Land gefördert.", {"Land": ("GovernmentBody", "Land")}),
    ("Dass das Land Mittel bereitstellt, ist gut.", {"Land": ("GovernmentBody", "Land")}),
    ("Es wird von Bund und Land finanziert.", {"Bund": ("GovernmentBody", "Bund"), "Land": ("GovernmentBody", "Land")}),
    ("Bund und Länder finanzieren die Zentren.", {"Bund": ("GovernmentBody", "Bund")}),
    ("Im Land gibt es viele Schulen.", {}),
    ("Die Bund-Länder-Kommission tagt.", {}),
    ("Der Bund für Umwelt und Naturschutz klagt.", {}),
    ("Die Agenda des Landes läuft bis 2028.", {}),
])
def test_the_bund_and_the_land_as_actors_are_their_levels(nlp_nokb, text: str, expected) -> None:
    found = _found(nlp_nokb, text)
    assert {k: v for k, v in found.items() if k in ("Bund", "Land", "Landes")} == expected, found


@pytest.mark.parametrize(("text", "expected"), [
    ("Dataport stellt die Komponenten bereit, mit Hauptsitz in Altenholz bei Kiel.", {"Altenholz": "Place"}),
    ("Das Unternehmen unterhält Standorte in Lingen und Meppen.", {"Lingen": "Place", "Meppen": "Place"}),
    ("Der Sitz in der Stadt bleibt.", {}),
])
def test_a_place_after_a_seat_noun(nlp_nokb, text: str, expected: dict[str, str]) -> None:
    found = _found(nlp_nokb, text)
    assert {k: v[0] for k, v in found.items() if v[0] == "Place" and k != "Kiel"} == expected


def test_companies_given_as_examples_with_an_article(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Zu seinen Gesellschaftern zählen Unternehmen wie SAP und die Deutsche Telekom.")
    assert found["Deutsche Telekom"][0] == "Company"


@pytest.mark.parametrize(("text", "person"), [
    ("Das sagt Prof. Dr. Annika Brettschneider, die am Institut forscht.", "Annika Brettschneider"),
    ("Mit freundlichen Grüßen\nDr. Lörcher\nStaatsminister", "Lörcher"),
])
def test_a_title_announces_a_person(nlp_nokb, text: str, person: str) -> None:
    assert _found(nlp_nokb, text)[person][0] == "Person"


def test_a_type_word_before_an_english_name_types_it_and_is_no_part_of_it(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Der Verein GovTech Campus arbeitet mit der TU Dresden zusammen.")
    assert found["GovTech Campus"] == ("Organization", "GovTech Campus")
    assert found["TU Dresden"] == ("ResearchOrganization", "Technische Universität Dresden")


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Es wird maßgeblich von der Hector Stiftung finanziert.", "Hector Stiftung", "Organization"),
        ("Die Robert Bosch Stiftung fördert das Vorhaben.", "Robert Bosch Stiftung", "Organization"),
        ("Das Hasso Plattner Institut liegt in Potsdam.", "Hasso Plattner Institut", "ResearchOrganization"),
        ("Die Deutsche Forschungsgemeinschaft fördert es.", "Deutsche Forschungsgemeinschaft", "Organization"),
    ],
)
def test_a_body_named_after_its_founder(nlp_nokb, text: str, name: str, label: str) -> None:
    assert _found(nlp_nokb, text)[name][0] == label


def test_a_german_word_before_a_head_noun_is_no_founder(nlp_nokb) -> None:
    assert _found(nlp_nokb, "Die Förderung übernimmt diese Stiftung. Die Arbeitsgemeinschaft tagt.") == {}


def test_english_names_with_a_complement_or_a_place(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Seit 2023 arbeitet das ELLIS Institute Tübingen. Es ist Teil des European Laboratory "
                             "for Learning and Intelligent Systems und des Center for Digital Sovereignty of Europe.")
    assert found["ELLIS Institute Tübingen"][0] == "ResearchOrganization"
    assert found["European Laboratory for Learning and Intelligent Systems"][0] == "ResearchOrganization"
    assert found["Center for Digital Sovereignty of Europe"][0] == "ResearchOrganization"


def test_a_product_of_the_lexicon_is_a_named_technology_whatever_its_shape(nlp_nokb) -> None:
    """ "LibreOffice" looks like a project's name; the lexicon knows it is a product, one
    named thing (it may be run or funded), where "KI" is a concept."""
    from sovkg.extract.coreference import named_thing

    doc = nlp_nokb("Die Landesverwaltung stellt von Microsoft Office auf LibreOffice um und nutzt KI.")
    spans = {s.text: s for s in doc.spans["sovkg_mentions"]}
    assert spans["LibreOffice"].label_ == spans["Microsoft Office"].label_ == "Technology"
    assert named_thing(spans["LibreOffice"]) and not named_thing(spans["KI"])


def test_a_closing_german_quote_opens_nothing(nlp_nokb) -> None:
    """„X“. Die Plattform „Y“: the German “ that closes X is no opening of a quotation."""
    found = _found(nlp_nokb, "Gefördert wird die Plattform „KI-Cloud Bayern“. Die Plattform „KI-Cloud Bayern“ startet.")
    assert set(found) == {"KI-Cloud Bayern"}


def test_names_of_the_field_beside_concepts(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Mit dem Sovereign Cloud Stack (SCS) hat die Open Source Business Alliance (OSBA) einen "
                             "Standard geschaffen. Die Mittel stammen aus der Hightech Agenda Bayern.")
    assert found["Sovereign Cloud Stack"][0] == found["SCS"][0] == "Technology"
    assert found["Hightech Agenda Bayern"][0] == "Policy"
    assert _found(nlp_nokb, "Das Ressort finanziert den Gaia-X Hub Deutschland.")["Gaia-X Hub Deutschland"][0] \
        == "Initiative"


def test_a_naming_phrase_makes_a_quotation_a_name_and_it_is_found_again(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Der Landesbetrieb erprobt einen KI-Assistenten mit der Bezeichnung „KI-Navigator“. "
                             "Der KI-Navigator hilft beim Schreiben.")
    assert found["KI-Navigator"][0] == "Technology"
    doc = nlp_nokb("Der Landesbetrieb erprobt einen KI-Assistenten mit der Bezeichnung „KI-Navigator“. "
                   "Der KI-Navigator hilft beim Schreiben.")
    assert sum(s.text == "KI-Navigator" for s in doc.spans["sovkg_mentions"]) == 2


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Geleitet wurde OpenGPT-X vom Fraunhofer IAIS.", "OpenGPT-X", "Initiative"),
        ("Gefördert wurden unter anderem Marispace-X und Gaia-X.", "Marispace-X", "Initiative"),
        ("Gegenwärtig kommt vorrangig Teuken-7B zum Einsatz.", "Teuken-7B", "Technology"),
        ("Beschafft wurde er vom EuroHPC Joint Undertaking.", "EuroHPC Joint Undertaking", "GovernmentBody"),
        ("Dazu gehört das Höchstleistungsrechenzentrum Stuttgart.", "Höchstleistungsrechenzentrum Stuttgart",
         "ResearchOrganization"),
        ("Dazu gehört das Leibniz-Rechenzentrum in Garching.", "Leibniz-Rechenzentrum", "ResearchOrganization"),
    ],
)
def test_names_with_a_code_suffix_and_more_heads(nlp_nokb, text: str, name: str, label: str) -> None:
    assert _found(nlp_nokb, text)[name][0] == label


def test_no_name_from_an_owner_or_a_plain_word_with_a_suffix(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Hier steht der erste Exascale-Rechner Europas im Rechenzentrum des Landes. "
                             "Siehe Anlage-A und Kapitel-1.")
    assert found.get("Europas", ("Place",))[0] == "Place"
    assert not {"Rechenzentrum des Landes", "Anlage-A", "Kapitel-1"} & set(found)


def test_a_party_in_parentheses_after_a_person_is_no_short_form_of_the_person(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Kleine Anfrage des Abgeordneten Dr. Florian Kessebohm (CDU) und Antwort.")
    assert found["CDU"][0] == "Party" and found["Florian Kessebohm"][0] == "Person"
    assert found["CDU"][1] != "Florian Kessebohm"


def test_a_later_mention_of_a_quoted_name_outranks_a_concept_inside_it(nlp) -> None:
    """With the knowledge base, "KI" is found first; the name introduced by its quotation wins."""
    doc = nlp("Das LDI erprobt einen KI-Assistenten mit der Bezeichnung „KI-Navigator“. "
              "Der KI-Navigator ist eine Eigenentwicklung des LDI.")
    second = [s for s in doc.spans["sovkg_mentions"] if s.start_char > doc.text.index("Der KI")]
    assert ("KI-Navigator", "Technology") in {(s.text, s.label_) for s in second}
    assert "KI" not in {s.text for s in second}


def test_a_common_noun_after_a_plural_type_noun_is_no_name(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Das Angebot richtet sich an Start-ups und Landesbehörden, die Rechenzeit brauchen, "
                             "und an eine Plattform, über die Unternehmen Trainingsdaten austauschen.")
    assert not {"Rechenzeit", "Trainingsdaten"} & set(found)


def test_a_dotted_short_form_in_parentheses_names_the_long_form_and_takes_its_type(nlp_nokb) -> None:
    doc = nlp_nokb("Das Center for Scalable Data Analytics and Artificial Intelligence (ScaDS.AI) wächst. "
                   "ScaDS.AI betreibt Rechner.")
    shorts = [s for s in doc.spans["sovkg_mentions"] if s.text == "ScaDS.AI"]
    assert len(shorts) == 2
    assert {(s.label_, s._.sovkg_name) for s in shorts} == {
        ("ResearchOrganization", "Center for Scalable Data Analytics and Artificial Intelligence")}


def test_an_english_name_defined_by_its_acronym_and_no_place_s_short_form(nlp) -> None:
    doc = nlp("Der Innovation Park Artificial Intelligence (IPAI) in Heilbronn wächst. "
              "F13 wird von der Landesoberbehörde IT Baden-Württemberg (BITBW) betrieben.")
    found = {(s.text, s.label_, s._.sovkg_name) for s in doc.spans["sovkg_mentions"]}
    assert ("IPAI", "Initiative", "Innovation Park Artificial Intelligence") in found
    assert not any(text == "BITBW" and name == "Baden-Württemberg" for text, _label, name in found)


def test_a_kind_after_an_indefinite_article_and_a_body_of_the_land_are_no_names(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Es betreibt ein Service Center für Unternehmen. Das Rechenzentrum des Landes ist neu.")
    assert not {"Service Center", "Rechenzentrum des Landes", "Rechenzentrum"} & set(found)


def test_a_hyphenated_short_form_in_parentheses(nlp_nokb) -> None:
    doc = nlp_nokb("Partner ist das IT-Dienstleistungszentrum des Freistaats Bayern (IT-DLZ).")
    assert ("IT-DLZ", "IT-Dienstleistungszentrum des Freistaats Bayern") in {
        (s.text, s._.sovkg_name) for s in doc.spans["sovkg_mentions"]}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Das ARIC hat das Qualifizierungsprogramm „KI-Kompass Verwaltung“ entwickelt.", "KI-Kompass Verwaltung",
         "Initiative"),
        ("Im Verbundvorhaben „Sichere Daten Nord“ arbeiten drei Länder zusammen.", "Sichere Daten Nord", "Initiative"),
    ],
)
def test_a_compound_of_a_type_noun_types_the_quoted_name_after_it(nlp_nokb, text: str, name: str, label: str) -> None:
    assert _found(nlp_nokb, text)[name][0] == label


def test_a_short_type_noun_types_no_compound(nlp_nokb) -> None:
    """ "Labor" is a type noun, but a compound is typed only by a head of six letters or more
    (as "Gesamt" ends in "amt" and "Kapital" in "Tal")."""
    patterns = nlp_nokb.get_pipe("sovkg_patterns")
    assert patterns._compound_type("Labor") is not None and patterns._compound_type("Weinlabor") is None
    assert patterns._compound_type("Forschungsprojekt") == "Initiative"


def test_a_university_named_after_a_person_keeps_the_name_and_its_short_form_links_to_it(nlp_nokb) -> None:
    doc = nlp_nokb("Beteiligt sind die Eberhard Karls Universität Tübingen und die Johannes Gutenberg-Universität "
                   "Mainz. Die Universität Tübingen koordiniert.")
    names = [(s.text, s._.sovkg_name) for s in doc.spans["sovkg_mentions"]]
    assert ("Eberhard Karls Universität Tübingen", "Eberhard Karls Universität Tübingen") in names
    assert ("Johannes Gutenberg-Universität Mainz", "Johannes Gutenberg-Universität Mainz") in names
    assert ("Universität Tübingen", "Eberhard Karls Universität Tübingen") in names
    # a capitalised word that is no given name is no part of it
    other = nlp_nokb("Forschung Universität Stuttgart.")
    assert "Universität Stuttgart" in {s.text for s in other.spans["sovkg_mentions"]}


def test_a_hyphenated_type_noun_types_its_name_before_its_head_does(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Das Land nutzt die Cloud-Plattform STACKIT, die Container-Plattform Kubernetes und "
                             "die Plattform KI.NRW.")
    assert (found["STACKIT"][0], found["Kubernetes"][0], found["KI.NRW"][0]) == \
        ("Infrastructure", "Technology", "Initiative")


def test_a_defined_acronym_s_long_form_may_end_in_a_known_place(nlp) -> None:
    """With the knowledge base "Hessen" is found first; it does not block the body's name."""
    doc = nlp("Die Abwicklung übernimmt die Wirtschafts- und Infrastrukturbank Hessen (WIBank). Die WIBank zahlt aus.")
    names = {(s.text, s._.sovkg_name, s.label_) for s in doc.spans["sovkg_mentions"]}
    long_form = "Wirtschafts- und Infrastrukturbank Hessen"
    assert {(long_form, long_form, "GovernmentBody"), ("WIBank", long_form, "GovernmentBody")} <= names
    doc = nlp("Er wohnt in Baden-Württemberg (BW).")  # a place alone stays the place
    assert ("Baden-Württemberg", "Place") in {(s.text, s.label_) for s in doc.spans["sovkg_mentions"]}


def test_capitals_before_lower_case_are_a_name_after_a_type_noun_only(nlp_nokb) -> None:
    assert _found(nlp_nokb, "Die Verwaltung nutzt den KI-Assistenten LLMoin.")["LLMoin"][0] == "Technology"
    doc = nlp_nokb("Die Kosten betragen 300 TEuro.")
    assert "TEuro" not in {s.text for s in doc.spans["sovkg_mentions"]}


def test_a_quoted_name_after_a_type_noun_outranks_a_known_name_inside_it(nlp) -> None:
    doc = nlp("Im Förderwettbewerb „Innovative und praxisnahe Anwendungen und Datenräume im digitalen Ökosystem "
              "Gaia-X“ wurden elf Verbundprojekte unterstützt.")
    assert [(s.text, s.label_) for s in doc.spans["sovkg_mentions"]] == [
        ("Innovative und praxisnahe Anwendungen und Datenräume im digitalen Ökosystem Gaia-X", "Initiative")]


def test_a_name_like_gaia_x_goes_on_with_a_camel_case_word(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Gefördert wurden OpenGPT-X, Marispace-X und Health-X dataLOFT.")
    assert {"OpenGPT-X", "Marispace-X", "Health-X dataLOFT"} <= set(found) and "dataLOFT" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg prüft F13.",
         "Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg"),
        ("Zuständig ist das Ministerium der Justiz und für den Rechtsstaat.",
         "Ministerium der Justiz und für den Rechtsstaat"),
        ("Der Staatsbetrieb Sächsische Informatik Dienste (SID) betreibt das Rechenzentrum.",
         "Staatsbetrieb Sächsische Informatik Dienste"),
    ],
)
def test_government_bodies_with_articles_in_their_field_and_state_enterprises(nlp_nokb, text: str, name: str) -> None:
    assert _found(nlp_nokb, text)[name][0] == "GovernmentBody"


def test_an_article_after_a_comma_begins_a_relative_clause_not_a_field(nlp_nokb) -> None:
    doc = nlp_nokb("Das Zentrum für Informatik, den das Land betreibt, wächst.")
    assert "Zentrum für Informatik" in {s.text for s in doc.spans["sovkg_mentions"]}


def test_a_research_society_s_institute_by_its_acronym_and_as_a_long_form_s_short_form(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Geleitet wurde OpenGPT-X vom Fraunhofer IAIS und vom Fraunhofer IIS.")
    assert found["Fraunhofer IAIS"][0] == found["Fraunhofer IIS"][0] == "ResearchOrganization"
    doc = nlp_nokb("Das Fraunhofer-Institut für Offene Kommunikationssysteme (Fraunhofer FOKUS) entwickelt es. "
                   "Fraunhofer FOKUS ist beteiligt.")
    names = {s._.sovkg_name for s in doc.spans["sovkg_mentions"]}
    assert names == {"Fraunhofer-Institut für Offene Kommunikationssysteme"}


def test_a_compound_initiative_of_a_place_is_one_name(nlp_nokb) -> None:
    doc = nlp_nokb("Das Ministerium schreibt den KI-Innovationswettbewerb Baden-Württemberg aus. Das Projekt Bayern läuft.")
    names = {(s.text, s.label_) for s in doc.spans["sovkg_mentions"]}
    assert ("KI-Innovationswettbewerb Baden-Württemberg", "Initiative") in names
    assert ("Bayern", "Place") in names  # a bare type noun makes no name of the place after it


def test_a_long_form_in_parentheses_after_a_name_and_its_seat_names_it(nlp_nokb) -> None:
    doc = nlp_nokb("Mit dem ScaDS.AI Dresden/Leipzig (Center for Scalable Data Analytics and Artificial Intelligence) "
                   "verfügt Sachsen über ein Zentrum. Das ScaDS.AI forscht.")
    long_form = "Center for Scalable Data Analytics and Artificial Intelligence"
    shorts = [(s._.sovkg_name, s.label_) for s in doc.spans["sovkg_mentions"] if s.text == "ScaDS.AI"]
    assert shorts == [(long_form, "ResearchOrganization")] * 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Grafikprozessoren stammen vom US-Hersteller NVIDIA.", "NVIDIA"),
        ("Eingesetzt wird das Modell des französischen Unternehmens Mistral AI.", "Mistral AI"),
        ("Lizenzen der Microsoft Corporation laufen aus.", "Microsoft Corporation"),
    ],
)
def test_companies_by_a_maker_s_noun_a_genitive_noun_and_an_english_legal_form(nlp_nokb, text: str,
                                                                              name: str) -> None:
    assert _found(nlp_nokb, text)[name][0] == "Company"


def test_a_group_is_a_company_s_legal_form_unless_another_follows(nlp_nokb) -> None:
    doc = nlp_nokb("Partner sind die Mercedes-Benz Group AG, die Porsche AG und die Schwarz Gruppe. Die Arbeitsgruppe "
                   "und die Gruppe tagen.")
    assert [(s.text, s.label_) for s in doc.spans["sovkg_mentions"]] == [
        ("Mercedes-Benz Group AG", "Company"), ("Porsche AG", "Company"), ("Schwarz Gruppe", "Company")]


def test_a_capitalised_adjective_inside_a_sentence_begins_a_name_typed_by_its_head(nlp_nokb) -> None:
    doc = nlp_nokb("Bund und Länder bauen die Deutsche Verwaltungscloud auf, nach der Deutschen Verwaltungscloud-Strategie. "
                   "Die Rechner hängen am Deutschen Forschungsnetz. Das deutsche Stromnetz und die Deutsche Bahn.")
    assert [(s.text, s.label_) for s in doc.spans["sovkg_mentions"]] == [
        ("Bund", "GovernmentBody"), ("Deutsche Verwaltungscloud", "Infrastructure"),
        ("Deutschen Verwaltungscloud-Strategie", "Policy"), ("Deutschen Forschungsnetz", "Infrastructure")]  # the strategy's own rule names it, not this one


def test_a_capitalised_adjective_after_a_sentences_first_article_and_a_places_adjective(nlp_nokb) -> None:
    """"Die Niedersächsische Bildungscloud …": the article's capital says nothing; a place's
    adjective is always capitalised, so it names a compound of a name's head only."""
    doc = nlp_nokb("Die Niedersächsische Bildungscloud wird vom Bayerischen Städtetag gelobt. Die Berliner "
                   "Verwaltungscloud läuft im Berliner Landesnetz. Das Münchner Portal und die Berliner Verwaltung.")
    assert [(s.text, s.label_) for s in doc.spans["sovkg_mentions"]] == [
        ("Niedersächsische Bildungscloud", "Infrastructure"), ("Bayerischen Städtetag", "Organization"),
        ("Berliner Verwaltungscloud", "Infrastructure"), ("Berliner Landesnetz", "Infrastructure")]


def test_an_adjective_capitalised_after_an_article_begins_a_body_s_name(nlp_nokb) -> None:
    """"das Nationale Forschungszentrum …": German writes an adjective after an article small
    unless it is part of a name; a small one stays out ("das neue Forschungszentrum …")."""
    names = _found(nlp_nokb, "Die Tests hat das Nationale Forschungszentrum für angewandte Cybersicherheit ATHENE "
                   "durchgeführt. Das Unabhängige Landeszentrum für Datenschutz Schleswig-Holstein berät. Das neue "
                   "Forschungszentrum für Robotik wächst.")
    assert "Nationale Forschungszentrum für angewandte Cybersicherheit ATHENE" in names
    assert names["Unabhängige Landeszentrum für Datenschutz Schleswig-Holstein"][0] == "GovernmentBody"  # a Land's
    assert "Forschungszentrum für Robotik" in names


def test_a_small_legal_form_and_a_university_s_seat_belong_to_a_body_s_name(nlp_nokb) -> None:
    names = _found(nlp_nokb, "An HammerHAI beteiligt sich die Gesellschaft für wissenschaftliche Datenverarbeitung mbH "
                   "Göttingen (GWDG). Das Institut für Informatik der Christian-Albrechts-Universität zu Kiel prüft.")
    assert "Gesellschaft für wissenschaftliche Datenverarbeitung mbH Göttingen" in names
    assert "Institut für Informatik der Christian-Albrechts-Universität zu Kiel" in names


def test_a_person_after_a_comma_is_no_part_of_a_body_s_field(nlp_nokb) -> None:
    names = _found(nlp_nokb, "Der Präsident des Bundesamts für Sicherheit in der Informationstechnik, Tobias Ahlgrimm, "
                   "lobte das Ministerium für Wirtschaft, Arbeit und Tourismus.")
    assert {"Bundesamts für Sicherheit in der Informationstechnik", "Tobias Ahlgrimm",
            "Ministerium für Wirtschaft, Arbeit und Tourismus"} <= set(names)


def test_a_defined_acronym_types_a_body_by_its_head_before_its_field_and_keeps_its_seat(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Welche Angebote macht die Anstalt für Kommunale Datenverarbeitung in Bayern (AKDB) "
                             "den Kommunen? Es gilt die Empfehlung der Kultusministerkonferenz (KMK).")
    assert found["Anstalt für Kommunale Datenverarbeitung in Bayern"][0] == "GovernmentBody"
    assert found["AKDB"][0] == "GovernmentBody" and found["KMK"][0] == "GovernmentBody"
    assert found["Kultusministerkonferenz"][0] == "GovernmentBody"
    found = _found(nlp_nokb, "Das Zentrum für Digitalisierung in Bayern und die Pressekonferenz (PK) folgen.")
    assert "Zentrum für Digitalisierung" in found and "PK" not in found  # no acronym: the seat stays out


def test_a_federal_body_named_with_bund(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Das Informationstechnikzentrum Bund (ITZBund) prüft die Komponenten.")
    assert found["Informationstechnikzentrum Bund"][0] == "GovernmentBody"
    doc = nlp_nokb("Das Dienstleistungszentrum Bund und Länder tagt.")
    assert "Dienstleistungszentrum Bund" not in {s.text for s in doc.spans["sovkg_mentions"]}


def test_a_centre_of_a_land_is_an_authority(nlp_nokb) -> None:
    """A centre named after a Land is the Land's authority; one named after a city is not
    known to be."""
    found = _found(nlp_nokb, "Das IT-Dienstleistungszentrum Saarland (IT-DLZ) und das Unabhängige Datenschutzzentrum "
                             "Saarland prüfen. Das Kompetenzzentrum Köln berät.")
    assert found["IT-Dienstleistungszentrum Saarland"][0] == "GovernmentBody" == found["IT-DLZ"][0]
    assert found["Unabhängige Datenschutzzentrum Saarland"][0] == "GovernmentBody"
    assert found["Kompetenzzentrum Köln"][0] == "Organization"


def test_a_legal_form_names_no_body_but_types_the_name_after_it(nlp_nokb) -> None:
    """"Anstalt des öffentlichen Rechts" says what a body is, not which: alone it is no name,
    before a name it types it; after a name, with an article, it is the name's apposition."""
    found = _found(nlp_nokb, "Sachsen-Anhalt ist Träger der Anstalt des öffentlichen Rechts Dataport. Es betreibt "
                             "Komm.ONE, die Anstalt des öffentlichen Rechts der Kommunen.")
    assert found["Dataport"][0] == "GovernmentBody" == found["Komm.ONE"][0]
    assert not any("Rechts" in name for name in found)


def test_a_compound_of_common_words_before_a_name_is_its_kind(nlp_nokb) -> None:
    """"das Big-Data-Kompetenzzentrum ScaDS Dresden/Leipzig": the compound types the name after
    it (whose seats both belong to it); "das Lamarr-Institut" is a name of its own."""
    doc = nlp_nokb("Hervorgegangen ist es aus dem Big-Data-Kompetenzzentrum ScaDS Dresden/Leipzig. Das Lamarr-Institut "
                   "forscht.")
    found = {s.text: s.label_ for s in doc.spans["sovkg_mentions"]}
    assert found.get("ScaDS Dresden/Leipzig") == "ResearchOrganization"
    assert "Big-Data-Kompetenzzentrum" not in found and found.get("Lamarr-Institut") == "ResearchOrganization"


@pytest.mark.parametrize(("text", "word"), [
    ("Digitale Souveränität wird so realisiert:\n1. Sicherheit: Die Daten bleiben geschützt.\n", "Sicherheit"),
    ("Es gilt:\n4. Betriebliche Transparenz: Die Abläufe sind offen.\n", "Betriebliche Transparenz"),
    ("SCS ist zum „Strategischen Partner“ der Verwaltung geworden.", "Strategischen Partner"),
    ("Zwei Anbieter gewährleisten unabhängig von der SCS-Software Wechselfähigkeit bei Bedarf.", "Wechselfähigkeit"),
    # a slide's labels: compounds of common words, and statements
    ("Die Bausteine:\n• Bürosoftware: zunächst OpenOffice.org, seit 2012 LibreOffice\n", "Bürosoftware"),
    ("Die Bausteine:\n• Dateiablage und Zusammenarbeit: Nextcloud\n", "Dateiablage und Zusammenarbeit"),
    ("Was wir gelernt haben:\n• Halluzinationen bleiben ein Thema: Quellenangabe ist Pflicht\n",
     "Halluzinationen bleiben ein Thema"),
    ("Offen:\n• Fachverfahren, die nur unter Windows laufen: über Terminalserver\n",
     "Fachverfahren, die nur unter Windows laufen"),
])
def test_common_words_in_a_list_head_quotes_or_after_a_type_noun_are_no_name(nlp_nokb, text: str, word: str) -> None:
    assert word not in _found(nlp_nokb, text)


def test_a_named_measure_heading_a_list_item_is_still_a_name(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Die Maßnahmen:\n- KI.NRW Flagships: Leuchtturmprojekte des Landes.\n")
    assert found["KI.NRW Flagships"][0] == "Initiative"


def test_examples_of_a_plural_project_noun_are_names_of_several_words(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Mit Projekten wie Gaia-X Federation Services und Catena-X gibt es Leuchttürme.")
    assert found["Gaia-X Federation Services"][0] == "Initiative" and found["Catena-X"][0] == "Initiative"


def test_a_relative_clause_after_a_comma_is_no_apposition(nlp_nokb) -> None:
    """ "…, die die Bundesagentur … finanzierte": the first "die" is a relative pronoun, so the
    body after it does not type the word before the comma."""
    found = _found(nlp_nokb, "Geprüft wurde die Idee mittels einer Machbarkeitsstudie, die die Bundesagentur für "
                             "Sprunginnovationen finanzierte.")
    assert "Machbarkeitsstudie" not in found and found["Bundesagentur für Sprunginnovationen"][0] == "GovernmentBody"


def test_an_unknown_word_listed_beside_a_product_is_a_product(nlp) -> None:
    """ "Linux, Ceph, OpenStack": the knowledge base knows the others; a common word listed
    beside them ("Kartoffeln") is none."""
    doc = nlp("Es wurden Komponenten wie Linux, Ceph, OpenStack und Kubernetes identifiziert. Wir essen Linux und "
              "Kartoffeln.")
    found = {s.text: s.label_ for s in doc.spans["sovkg_mentions"]}
    assert found.get("Ceph") == "Technology" and "Kartoffeln" not in found


def test_a_land_s_ministry_named_by_its_portfolio_keeps_the_land_s_adjective(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Es ist ein Angebot des Bayerischen Kultusministeriums. Das Niedersächsische "
                             "Justizministerium prüft.")
    assert found["Bayerischen Kultusministeriums"][0] == "GovernmentBody"
    assert found["Niedersächsische Justizministerium"][0] == "GovernmentBody"


def test_a_hyphenated_abbreviation_is_found_again_and_a_shaped_name_runs_on_to_its_acronym(nlp_nokb) -> None:
    doc = nlp_nokb("Welche Dienste stellt das IT-Dienstleistungszentrum des Freistaats Bayern (IT-DLZ) bereit? Das "
                   "IT-DLZ betreibt die BayernCloud Schule (ByCS). Zur ByCS gehört ein IT-DLZ-Dienst.")
    found = [(s.text, s.label_) for s in doc.spans["sovkg_mentions"]]
    assert found.count(("IT-DLZ", "GovernmentBody")) == 2  # not the first part of "IT-DLZ-Dienst"
    assert ("BayernCloud Schule", "Initiative") in found and found.count(("ByCS", "Initiative")) == 2


def test_a_word_in_er_is_no_body_its_stem_would_name(nlp_nokb) -> None:
    """"Gesellschafter des Zentrums …": a partner, not a "Gesellschaft"; "Landesbeauftragter" is a body."""
    found = _found(nlp_nokb, "Die Gesellschafter der Stiftung tagen. Der Landesbeauftragter für Datenschutz "
                             "Niedersachsen prüft.")
    assert "Gesellschafter der Stiftung" not in found
    assert found["Landesbeauftragter für Datenschutz Niedersachsen"][0] == "GovernmentBody"


def test_a_body_word_before_a_word_no_list_knows_and_a_research_society_before_a_university(nlp_nokb) -> None:
    found = _found(nlp_nokb, "So stellen der Landkreis Emsland und die Leibniz Universität Hannover es bereit. Das "
                             "Niedersächsische Landesinstitut für schulische Qualitätsentwicklung hilft.")
    assert found["Landkreis Emsland"][0] == "GovernmentBody"
    assert found["Leibniz Universität Hannover"][0] == "ResearchOrganization"
    assert found["Niedersächsische Landesinstitut für schulische Qualitätsentwicklung"][0] == "GovernmentBody"


def test_a_signers_name_after_the_formula_and_no_address_in_a_name(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Zu 7:\n\nDas Land bietet das an.\n\nIn Vertretung\n\nAnnika Steinhövel\n\n"
                             "Pressestelle des Bundesministeriums des Innern, Alt-Moabit 140, 10557 Berlin")
    assert found["Annika Steinhövel"][0] == "Person"  # "Annika" is on no list of first names
    assert found["Bundesministeriums des Innern"][0] == "GovernmentBody"


def test_a_bodys_data_centre_is_infrastructure_a_named_computing_centre_research(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Der Knoten läuft im Rechenzentrum des ITZBund in Bonn. Das Leibniz-Rechenzentrum der "
                             "Bayerischen Akademie der Wissenschaften rechnet.")
    assert found["Rechenzentrum des ITZBund"][0] == "Infrastructure"
    assert found["Leibniz-Rechenzentrum der Bayerischen Akademie der Wissenschaften"][0] == "ResearchOrganization"


def test_examples_after_darunter_and_their_makers(nlp_nokb) -> None:
    """"Sprachmodelle, darunter Llama 3.3 von Meta, Mistral NeMo …": the examples are names (the
    maker after "von" is no sibling of them); "GPT-Modelle" is a kind, named by its first part."""
    doc = nlp_nokb("Zur Auswahl stehen mehrere Sprachmodelle, darunter Llama 3.3 von Meta, Mistral NeMo von "
                   "Mistral AI sowie GPT-Modelle von OpenAI.")
    found = {s.text: s.label_ for s in doc.spans["sovkg_mentions"]}
    assert found["Llama 3.3"] == "Technology" and found["Mistral NeMo"] == "Technology"
    assert found.get("Meta") != "Technology" and "GPT-Modelle" not in found


def test_a_closed_compound_of_a_type_noun_before_a_shaped_name(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Genutzt wird die Videokonferenzsoftware BigBlueButton. Die Videokonferenzsoftware "
                             "Niedersachsen hilft.")
    assert found["BigBlueButton"][0] == "Technology"
    assert "Niedersachsen" not in found or found["Niedersachsen"][0] == "Place"  # a plain word is no shaped name


def test_a_body_of_the_bund_with_its_field(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Auch die Hochschule des Bundes für öffentliche Verwaltung in Brühl greift darauf zu.")
    assert found["Hochschule des Bundes für öffentliche Verwaltung"][0] == "ResearchOrganization"


def test_first_names_of_all_generations_and_no_saint_is_a_person(nlp_nokb) -> None:
    found = _found(nlp_nokb, "Anfrage der Abgeordneten Hauke Osterloh-Dierks und Wiebke Janssen. Das Krankenhaus St. "
                             "Raphael Schließung zum 31.08.2025.")
    assert found["Hauke Osterloh-Dierks"][0] == "Person" and found["Wiebke Janssen"][0] == "Person"
    assert "Raphael Schließung" not in found


@pytest.mark.parametrize(("text", "name"), [
    # a particle inside a hyphenated name
    ("Beteiligt ist die Otto-von-Guericke-Universität Magdeburg.", "Otto-von-Guericke-Universität Magdeburg"),
    # a compound whose first part is left out after "und"
    ("Das Fraunhofer-Institut für Fabrikbetrieb und -automatisierung IFF forscht dazu.",
     "Fraunhofer-Institut für Fabrikbetrieb und -automatisierung IFF"),
])
def test_a_body_s_name_keeps_its_particles_and_elided_compounds(nlp_nokb, text: str, name: str) -> None:
    assert _found(nlp_nokb, text)[name][0] == "ResearchOrganization"
