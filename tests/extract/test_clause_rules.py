"""Relations stated by a clause's verb, a participle or a genitive (without the knowledge base)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice, the subject before its verb; an amount makes support funding
        ("Das Hessische Ministerium für Digitalisierung und Innovation (HMD) unterstützt das Projekt KI-Lab.HE "
         "mit weiteren 9,6 Millionen Euro.",
         {("KI-Lab.HE", "fundedBy", "HMD")}),
        # support goes from the subject to the object (no amount), and a question asks whether
        ("Das Hessische Ministerium für Digitalisierung und Innovation (HMD) unterstützt das Projekt KI-Lab.HE.",
         {("HMD", "supports", "KI-Lab.HE")}),
        # a body placed under another, predicatively and attributively
        ("Das Amt für Informationstechnik (AIT) ist organisatorisch dem Landesamt für Digitalisierung (LDBV) "
         "zugeordnet. Beteiligt ist das dem Kultusministerium nachgeordnete Landesinstitut für Schulqualität.",
         {("Amt für Informationstechnik", "partOf", "Landesamt für Digitalisierung"),
          ("Landesinstitut für Schulqualität", "partOf", "Kultusministerium")}),
        # inverted: the subject right after the verb; coordinated objects
        ("Seit 2023 betreibt das Zentrum für Digitale Souveränität den Arbeitsplatz openDesk und die "
         "Plattform openCode.",
         {("openDesk", "operatedBy", "Zentrum für Digitale Souveränität"),
          ("openCode", "operatedBy", "Zentrum für Digitale Souveränität")}),
        # a relative clause: the antecedent is the subject
        ("Beteiligt ist das Zentrum für Digitale Souveränität, das die Plattform openCode betreibt.",
         {("openCode", "operatedBy", "Zentrum für Digitale Souveränität")}),
        # a relative clause: the antecedent is the object, the name after the pronoun's article the subject
        ("Die Suite läuft auf der Plattform openCode, die das Informationstechnikzentrum Bund in eigenen "
         "Rechenzentren betreibt.",
         {("openCode", "operatedBy", "Informationstechnikzentrum Bund")}),
        # an attributive participle
        ("Erweitert werden die Kapazitäten des vom Hessischen Zentrum für Künstliche Intelligenz betriebenen "
         "KI-Supercomputers Fortytwo.AI am Standort Darmstadt.",
         {("Fortytwo.AI", "operatedBy", "Hessischen Zentrum für Künstliche Intelligenz"),
          ("Fortytwo.AI", "locatedIn", "Darmstadt")}),
        # genitives: a unit of a body, a thing a body runs
        ("F13 entstand im InnoLab_bw des Staatsministeriums Baden-Württemberg.",
         {("InnoLab_bw", "operatedBy", "Staatsministeriums Baden-Württemberg")}),
        ("Die Steuerung liegt beim Amt für IT und Digitalisierung (ITD) der Senatskanzlei.",
         {("Amt für IT und Digitalisierung", "partOf", "Senatskanzlei")}),
        # where a person comes from, also in a list the parser mixes up
        ("Dem Direktorium gehören Prof. Dr. Henrik Stöckel von der TU Dresden und Prof. Dr. Leonie Marquardt von der "
         "Universität Leipzig an.",
         {("Henrik Stöckel", "memberOf", "TU Dresden"), ("Leonie Marquardt", "memberOf", "Universität Leipzig")}),
        ("Staatssekretär Dr. Paul Wendrich aus dem Finanzministerium sprach.",
         {("Paul Wendrich", "memberOf", "Finanzministerium")}),
        # parts
        ("openDesk ist als Referenzlösung Bestandteil des Deutschland.Stack.",
         {("openDesk", "partOf", "Deutschland.Stack")}),
        ("Die Sovereign Tech Agency, eine Tochtergesellschaft der Bundesagentur für Sprunginnovationen, "
         "fördert die Wartung.",
         {("Sovereign Tech Agency", "partOf", "Bundesagentur für Sprunginnovationen")}),
        # a main clause's verb of use, the user after it
        ("Innerhalb des Landes nutzt bereits die Lehrkräfteplattform SCHULE@BW den Assistenten F13.",
         {("SCHULE@BW", "uses", "F13")}),
        ("Außerhalb Baden-Württembergs erprobt das Saarland F13 in einem Pilotprojekt.",
         {("Saarland", "uses", "F13")}),
        # a list of subjects after the verb, and a quoted name after its kind
        ("Seit Juli 2025 erproben die Staatskanzlei und das Ministerium für Inneres, Bauen und Sport den "
         "Textassistenten „SaarKI“.",
         {("Staatskanzlei", "uses", "SaarKI"), ("Ministerium für Inneres, Bauen und Sport", "uses", "SaarKI")}),
        # the source of the money
        ("Im Haushaltsjahr 2024 wurden dem ZenDiS Zuwendungen in Höhe von 32,4 Mio. Euro aus dem Einzelplan des "
         "Bundesministeriums des Innern gewährt.",
         {("ZenDiS", "fundedBy", "Bundesministeriums des Innern")}),
        # an apposition naming the whole, and the subject before it
        ("Das Karlsruher Institut für Technologie, Mitglied der Helmholtz-Gemeinschaft, betreibt den Rechner HoreKa.",
         {("Karlsruher Institut für Technologie", "partOf", "Helmholtz-Gemeinschaft"),
          ("HoreKa", "operatedBy", "Karlsruher Institut für Technologie")}),
        # a person's post
        ("„Wir wollen das“, erklärte Prof. Dr. Jonas Brenneisen, Geschäftsführender Direktor von hessian.AI.",
         {("Jonas Brenneisen", "memberOf", "hessian.AI")}),
        # a part in its own clause, not the subject of the clause before
        ("openCode soll als Plattform dienen; openDesk ist als Referenzlösung Bestandteil des Deutschland.Stack.",
         {("openDesk", "partOf", "Deutschland.Stack")}),
    ],
)
def test_clause_cues(relations, text: str, expected: set) -> None:
    found = {r for r in relations(text) if r[1] != "relatedTo"}
    assert expected <= found, found


@pytest.mark.parametrize(
    "text",
    [
        # an aim, not a fact: the subject of "fördern" is elsewhere
        "Die Landesregierung bringt Akteure der KI-Forschung zusammen, um den Aufbau des Netzwerks NRW.KI zu fördern.",
        # the object is no direct object of the verb
        "Die Landesregierung fördert die Wettbewerbsfähigkeit von Unternehmen im Sinne des MPK-Beschlusses.",
        # a prepositional phrase before the verb is no subject
        "Gemeinsam mit dem AI Village unterstützt das MWIKE mit diesem Programm Unternehmen.",
        # a person and a body with no post between them
        "Das sagte Angela Freimuth, die mit dem Zentrum für Digitale Souveränität sprach.",
        # a question asks how, if at all, one supports the other
        "Wie unterstützt die Landesregierung Freie Software?",
        # an apposition after the subject is no object
        "Zugleich fördert die Sovereign Tech Agency, eine Tochtergesellschaft der Bundesagentur für "
        "Sprunginnovationen (SPRIND), die Wartung offener Basistechnologien.",
    ],
)
def test_clause_precision_traps(relations, text: str) -> None:
    found = {r for r in relations(text) if r[1] in ("fundedBy", "operatedBy", "supports", "developedBy", "memberOf")}
    assert not found, found


def test_a_bare_body_s_name_after_a_relative_pronoun_is_its_clause_s_subject(nlp) -> None:
    """"die Plattform openCode, die Dataport betreibt" (the knowledge base knows Dataport)."""
    text = "Genutzt wird die Plattform openCode, die Dataport betreibt."
    found = {(text[f.subject[0]:f.subject[1]], f.predicate, text[f.object[0]:f.object[1]])
             for f in nlp(text).user_data["sovkg_relations"] if f.rule == "active-verb"}
    assert found == {("openCode", "operatedBy", "Dataport")}
    # two bodies around the pronoun: which runs which the words do not tell
    text = "Eingesetzt wird das Modell des Unternehmens Mistral AI, das Dataport in einer eigenen Instanz betreibt."
    assert not [f for f in nlp(text).user_data["sovkg_relations"] if f.rule == "active-verb"]
