"""Linking: inflected, abbreviated, short and damaged forms of one name are one node."""

from __future__ import annotations

import pytest

from sovkg.extract.linker import KBIndex, entity_key_for, name_key
from sovkg.kb import KBEntry


def test_inflected_names_share_a_key() -> None:
    assert name_key("des Lamarr-Instituts") [1:] == name_key("Lamarr-Institut")
    assert name_key("Ministeriums für Kultur und Wissenschaft") == name_key("Ministerium für Kultur und Wissenschaft")
    assert name_key("Al Village") == name_key("AI Village")


def test_a_legal_form_is_no_part_of_the_key() -> None:
    assert name_key("Aleph Alpha GmbH") == name_key("Aleph Alpha") == ("aleph", "alpha")
    assert name_key("Open Source Business Alliance e. V.") == name_key("Open Source Business Alliance")
    assert name_key("Muster GmbH & Co. KG") == name_key("Muster")
    assert name_key("AG") == ("ag",)


def test_knowledge_base_names_win_by_type() -> None:
    kb = KBIndex([KBEntry("ai-village", "AI Village", "Initiative", ("KI-Innovationscampus in Hürth",))])
    assert entity_key_for("Al Village", "Initiative", kb) == "ai-village"
    assert entity_key_for("KI-Innovationscampus in Hürth", "Organization", kb) == "ai-village"
    assert entity_key_for("Dataninja", "Initiative", kb).startswith("~")


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    """One build without the knowledge base of two short documents that name the same things."""
    from sovkg.builder import extract

    folder = tmp_path_factory.mktemp("link")
    (folder / "a.txt").write_text(
        "Die Ministerpräsidentenkonferenz (MPK) tagte. Neben dem Lamarr-Institut für Maschinelles Lernen "
        "und Künstliche Intelligenz fördert die Landesregierung in Nordrhein-Westfalen viel. "
        "Die MPK und das Lamarr-Institut begrüßen das.\n- Al Village: Der Campus in Hürth\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Die MPK beschloss etwas. Die Förderung des Lamarr-Instituts durch die NRW-Landesregierung in "
        "Nordrhein-Westfalen läuft weiter.\n- AI Village: Der Campus in Hürth\n", encoding="utf-8")
    extraction, _ = extract([folder], kb="none")
    return extraction


def test_one_node_per_entity_across_documents(linked) -> None:
    labels = sorted(e.label for e in linked.entities.values())
    assert len(labels) == len(set(labels))
    by_label = {e.label: e for e in linked.entities.values()}
    assert "MPK" in by_label["Ministerpräsidentenkonferenz"].aliases
    assert "Lamarr-Institut" in by_label["Lamarr-Institut für Maschinelles Lernen und Künstliche Intelligenz"].aliases
    assert "Al Village" in by_label["AI Village"].aliases
    # "die Landesregierung" of a paper about Nordrhein-Westfalen is that Land's government
    assert "Landesregierung" in by_label["Landesregierung Nordrhein-Westfalen"].aliases
    mentions_of_mpk = [m for d in linked.documents for m in d.mentions
                       if m.entity_key == by_label["Ministerpräsidentenkonferenz"].key]
    assert {m.doc_key for m in mentions_of_mpk} == {"a", "b"}


@pytest.mark.slow
@pytest.mark.parametrize("kb", ["default", "none"])
def test_no_entity_is_two_nodes_in_a_build_of_the_corpus(kb: str) -> None:
    from collections import defaultdict
    from pathlib import Path

    from sovkg.builder import extract
    from sovkg.graph.evaluate import norm_label

    extraction, _ = extract([Path(__file__).parents[1] / "data" / "corpus"], kb=kb)
    nodes_by_name = defaultdict(set)
    for key, entity in extraction.entities.items():
        for name in (entity.label, *entity.aliases):
            nodes_by_name[norm_label(name)].add(key)
    assert {n: k for n, k in nodes_by_name.items() if len(k) > 1} == {}
    antwort = next(p for d in extraction.documents for p in d.parts if p.kind == "Antwort" and p.number is None
                   and p.answered_by and "Heimat" in p.answered_by.name)
    agreed = {extraction.entities[r.entity_key].label for r in antwort.in_agreement_with}
    assert len(agreed) == 2  # two ministries, not one span across both


def test_entities_nobody_listed_get_iris_from_their_labels(tmp_path) -> None:
    from sovkg.builder import extract
    from sovkg.extract.linker import label_slug

    path = tmp_path / "text.txt"
    path.write_text("Das Projekt „Wärmewende Göttingen“ wird von der Stadtwerke Göttingen AG betrieben. "
                    "Die Stadtwerke Göttingen AG gehört der Stadt.\n", encoding="utf-8")
    extraction, _ = extract([path], kb="none")
    keys = set(extraction.entities)
    assert {"waermewende-goettingen", "stadtwerke-goettingen-ag"} <= keys
    assert not any(key.startswith("~") for key in keys)
    mentioned = {m.entity_key for item in extraction.documents for m in item.mentions}
    related = {k for item in extraction.documents for r in item.relations for k in (r.subject, r.object)}
    assert mentioned | related <= keys
    assert label_slug("Ministerium für Heimat, Kommunales, Bau und Digitalisierung") == \
        "ministerium-fuer-heimat-kommunales-bau-und-digitalisierung"


def test_two_labels_with_one_slug_are_told_apart() -> None:
    from sovkg.extract.linker import readable_keys
    from sovkg.extract.records import Entity

    entities = {"~a": Entity("~a", "Open Data", ("Technology",)), "~b": Entity("~b", "Open-Data", ("Initiative",)),
                "nrw-genius": Entity("nrw-genius", "NRW.Genius", ("Initiative",), in_kb=True)}
    _, renamed = readable_keys([], entities)
    assert sorted(renamed) == ["nrw-genius", "open-data", "open-data-2"]
    assert renamed["open-data-2"].label == "Open-Data"


def test_the_land_of_a_paper_and_a_word_split_at_a_line_end(tmp_path) -> None:
    """"das Land" in a paper of the Landtag NRW is the Land Nordrhein-Westfalen (as "der
    Bund" is the Bund), "die Landesregierung" its Landesregierung; "Bundes- regierung" split
    at a line end is the Bundesregierung, and no alias of it."""
    from sovkg.builder import extract

    path = tmp_path / "nrw.txt"
    path.write_text("Landtag Nordrhein-Westfalen\nDrucksache 18/1234\n\nAntwort der Landesregierung\n\n"
                    "Das Land fördert das Projekt openDesk. Die Bundes-\nregierung begrüßt das.\n", encoding="utf-8")
    extraction, _ = extract([path], kb="none")
    by_label = {e.label: e for e in extraction.entities.values()}
    assert "Landesregierung Nordrhein-Westfalen" in by_label
    land = next(m for item in extraction.documents for m in item.mentions if m.text == "Land")
    assert extraction.entities[land.entity_key].label == "Nordrhein-Westfalen"
    assert by_label["Bundesregierung"].aliases == ()


def test_a_code_name_written_apart_is_the_same_name() -> None:
    assert name_key("F 13") == name_key("F13")
    assert name_key("Artikel 5 GG") != name_key("Artikel5 GG")  # only capitals before a number join


def test_a_coalition_agreement_is_that_of_its_land_and_term(tmp_path) -> None:
    """Two papers' "Koalitionsvertrag" of one Land and term are one node; another term's,
    or that of a text with no parliament, is another."""
    from sovkg.builder import extract

    for name, term in (("a", 18), ("b", 18), ("c", 17)):
        (tmp_path / f"{name}.txt").write_text(
            f"LANDTAG NORDRHEIN-WESTFALEN\n{term}. Wahlperiode\nDrucksache {term}/1234\n\nKleine Anfrage 5276\n\n"
            "Der Koalitionsvertrag sieht mehr Open Source vor.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Der Koalitionsvertrag sieht mehr Open Source vor.\n", encoding="utf-8")
    extraction, _ = extract(sorted(tmp_path.iterdir()), kb="none")
    labels = sorted(e.label for e in extraction.entities.values() if e.label.startswith("Koalitionsvertrag"))
    assert labels == ["Koalitionsvertrag (Nordrhein-Westfalen, 17. Wahlperiode)",
                      "Koalitionsvertrag (Nordrhein-Westfalen, 18. Wahlperiode)", "Koalitionsvertrag (d.txt)"]


def test_a_ministry_named_by_its_portfolio_is_that_of_its_document(tmp_path) -> None:
    """ "das Wirtschaftsministerium" is the one ministry of that portfolio the document names
    in full; without one, that of the document's Land (or the document), never another Land's."""
    from sovkg.builder import extract

    (tmp_path / "a.txt").write_text("Das Ministerium für Wirtschaft, Arbeit und Tourismus fördert das Projekt. "
                                    "Daneben schreibt das Wirtschaftsministerium einen Wettbewerb aus.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("LANDTAG NORDRHEIN-WESTFALEN\n18. Wahlperiode\nDrucksache 18/1234\n\n"
                                    "Kleine Anfrage 5276\n\nDas Wirtschaftsministerium fördert das Projekt.\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Das Wirtschaftsministerium fördert das Projekt.\n", encoding="utf-8")
    extraction, _ = extract(sorted(tmp_path.iterdir()), kb="none")
    first = next(item for item in extraction.documents if item.document.source.endswith("a.txt"))
    short = next(m for m in first.mentions if m.text == "Wirtschaftsministerium")
    assert extraction.entities[short.entity_key].label == "Ministerium für Wirtschaft, Arbeit und Tourismus"
    ministries = sorted(e.label for e in extraction.entities.values() if e.label.startswith("Wirtschafts"))
    assert ministries == ["Wirtschaftsministerium (c.txt)", "Wirtschaftsministerium Nordrhein-Westfalen"]


def test_a_surname_alone_is_the_one_person_of_that_name(tmp_path) -> None:
    from sovkg.builder import extract

    (tmp_path / "a.txt").write_text("Das sagt Prof. Dr. Annika Brettschneider vom Institut. Dr. Brettschneider "
                                    "forscht dort seit 2020.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Dr. Meyer und Dr. Jana Meyer sowie Dr. Tim Meyer sprachen.\n", encoding="utf-8")
    extraction, _ = extract(sorted(tmp_path.iterdir()), kb="none")
    people = sorted(e.label for e in extraction.entities.values() if e.types == ("Person",))
    assert "Brettschneider" not in people and "Annika Brettschneider" in people
    assert "Meyer" in people  # two Meyers: the surname alone stays apart


def test_a_name_is_the_one_longer_name_that_adds_a_place(tmp_path) -> None:
    from sovkg.builder import extract

    (tmp_path / "a.txt").write_text("Seit 2023 arbeitet in Tübingen das ELLIS Institute Tübingen. Feldhaus forscht am "
                                    "ELLIS Institute. Das Tübingen AI Center liegt in Tübingen.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Das AI Innovation Lab Frankfurt und das AI Innovation Lab Darmstadt laden ein. "
                                    "Das AI Innovation Lab ist offen. Es liegt in Frankfurt und Darmstadt.\n",
                                    encoding="utf-8")
    extraction, _ = extract(sorted(tmp_path.iterdir()), kb="none")
    labels = sorted(e.label for e in extraction.entities.values())
    assert "ELLIS Institute Tübingen" in labels and "ELLIS Institute" not in labels
    assert "AI Innovation Lab" in labels  # two longer names: which one it is stays open


def test_a_product_is_not_its_maker_of_the_same_name() -> None:
    kb = KBIndex([KBEntry("nextcloud", "Nextcloud GmbH", "Company", ("Nextcloud",))])
    assert entity_key_for("Nextcloud", "Technology", kb) != "nextcloud"
    assert entity_key_for("Nextcloud", "Company", kb) == "nextcloud"
    assert entity_key_for("Nextcloud", "Organization", kb) == "nextcloud"  # rules may disagree on a body's type


def test_every_parliament_s_government_is_one_entry_of_the_knowledge_base() -> None:
    """The government a paper answers for ("Senat Hamburg", "Landesregierung Brandenburg",
    "Staatsregierung Bayern", as the layouts name it) is the Land's entry, so the answers
    of all its papers meet in one node whichever way a paper writes it."""
    from sovkg.extract.layouts.common import government_name, parliaments
    from sovkg.kb import load_kb, resolve_kb

    kb = KBIndex(load_kb(resolve_kb("default")))
    found = {p.code: kb.lookup(government_name(p.government, p.name), "GovernmentBody") for p in parliaments()}
    assert all(found.values()), [code for code, entry in found.items() if entry is None]
    assert len({entry.key for entry in found.values()}) == len(found)  # sixteen Länder and the Bund


def test_a_name_s_label_is_its_nominative_however_often_the_text_inflects_it(tmp_path) -> None:
    from sovkg.builder import extract

    path = tmp_path / "messe.txt"
    path.write_text("Die Lage der Deutschen Messe AG ist ernst. Der Vorstand der Deutschen Messe AG berichtet dem "
                    "Aufsichtsrat der Deutschen Messe AG. Die Deutsche Messe AG plant einen Umbau. Das "
                    "Niedersächsische Landesamt für Soziales prüft, die Prüfung des Niedersächsischen Landesamts "
                    "für Soziales dauert.\n", encoding="utf-8")
    extraction, _ = extract([path], kb="none")
    labels = {entity.label for entity in extraction.entities.values()}
    assert {"Deutsche Messe AG", "Niedersächsische Landesamt für Soziales"} <= labels
    messe = next(e for e in extraction.entities.values() if e.label == "Deutsche Messe AG")
    assert "Deutschen Messe AG" in messe.aliases


def test_a_node_the_text_names_never_takes_the_iri_of_an_unnamed_knowledge_base_entry(tmp_path) -> None:
    """The product "Nextcloud" (a lexicon's Technology) is not the company Nextcloud GmbH of
    the knowledge base, whose node is in every graph: it was written as a second prefLabel
    and type of that node when the text did not name the company."""
    from sovkg.builder import extract
    from sovkg.extract.linker import KBIndex
    from sovkg.kb import load_kb, resolve_kb

    path = tmp_path / "product.txt"
    path.write_text("Die Verwaltung nutzt Nextcloud für den Dateiaustausch.\n", encoding="utf-8")
    extraction, _ = extract([path], kb="default")
    product = next(e for e in extraction.entities.values() if e.label == "Nextcloud")
    assert product.types == ("Technology",)
    assert product.key not in KBIndex(load_kb(resolve_kb("default"))).entries
