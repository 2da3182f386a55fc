"""The knowledge-base recogniser on hand-made entries, so each case is explicit."""

import pytest

from sovkg.kb import KBEntry

ENTRIES = [
    KBEntry("lamarr-institut", "Lamarr-Institut für Maschinelles Lernen und Künstliche Intelligenz",
            "ResearchOrganization", ("Lamarr-Institut",)),
    KBEntry("ai-village", "AI Village", "Initiative", ("KI-Innovationscampus Hürth",)),
    KBEntry("open-source", "Open Source", "Technology", ("OSS",)),
    KBEntry("gruene", "BÜNDNIS 90/DIE GRÜNEN", "Party", ("GRÜNE", "Die Grünen")),
    KBEntry("mpk", "Ministerpräsidentenkonferenz", "GovernmentBody", ("MPK",)),
    KBEntry("rheinisches-revier", "Rheinisches Revier", "Place", ()),
    KBEntry("heidelberg", "Heidelberg", "Place", ()),
    KBEntry("ki-nrw", "KI.NRW", "Initiative", ()),
    KBEntry("ki-nrw-flagships", "KI.NRW Flagships", "Initiative", ()),
]


@pytest.fixture()
def find(nlp):
    from sovkg.extract.gazetteer import Gazetteer

    gazetteer = Gazetteer(nlp, "test", spans_key="test", method="test")
    gazetteer.set_entries(ENTRIES)

    def run(text: str) -> list[tuple[str, str]]:
        return [(s.text, s.kb_id_) for s in gazetteer.find(nlp.make_doc(text))]

    return run


def test_inflected_forms_resolve_to_the_entry(find) -> None:
    assert find("Förderung des Lamarr-Instituts im Rheinischen Revier") == [
        ("Lamarr-Instituts", "lamarr-institut"), ("Rheinischen Revier", "rheinisches-revier")]
    assert find("die Transformation des Rheinischen Reviers") == [
        ("Rheinischen Reviers", "rheinisches-revier")]


def test_the_longest_known_name_wins(find) -> None:
    text = "dem Lamarr-Institut für Maschinelles Lernen und Künstliche Intelligenz sowie KI.NRW Flagships"
    assert [key for _, key in find(text)] == ["lamarr-institut", "ki-nrw-flagships"]


def test_ocr_damage_resolves(find) -> None:
    assert find("- Al Village: Der Campus") == [("Al Village", "ai-village")]


def test_compound_heads_are_mentions_but_tails_are_not(find) -> None:
    assert find("setzt auf Open-Source-Komponenten") == [("Open-Source", "open-source")]
    assert find("den MPK-Beschluss") == [("MPK", "mpk")]
    assert find("die Landes-MPK") == []


def test_names_do_not_span_other_punctuation(find) -> None:
    assert find("KI.NRW, Flagships und mehr") == [("KI.NRW", "ki-nrw")]


def test_case_keeps_ordinary_words_out(find) -> None:
    assert find("eine grüne Wiese") == []
    assert find("haben sich CDU und GRÜNE ausgesprochen") == [("GRÜNE", "gruene")]
    assert find("BÜNDNIS 90/DIE GRÜNEN") == [("BÜNDNIS 90/DIE GRÜNEN", "gruene")]


def test_a_place_inflects_only_in_the_genitive(find) -> None:
    assert find("die Altstadt Heidelbergs") == [("Heidelbergs", "heidelberg")]
    assert find("mit dem Heidelberger Unternehmen Aleph Alpha") == []


def test_a_listed_product_outranks_its_maker_s_short_name() -> None:
    from sovkg.extract.nlp import load_pipeline

    doc = load_pipeline(kb="default")("Die Suite enthält Nextcloud und Collabora Online. Die Nextcloud GmbH liefert.")
    found = {(s.text, s.label_) for s in doc.spans["sovkg_mentions"]}
    assert {("Nextcloud", "Technology"), ("Collabora Online", "Technology"), ("Nextcloud GmbH", "Company")} <= found


def test_the_software_of_public_it_is_listed_as_products() -> None:
    """Learning platforms, video conferencing and clouds the field's papers name, however a
    sentence puts them (the NER model knows few of them, the shape rules none)."""
    from sovkg.extract.nlp import load_pipeline

    doc = load_pipeline(kb="none")("Die Schulen nutzen Moodle und BigBlueButton; die Anwendung beruht auf Technologie "
                                   "von Microsoft Azure.")
    found = {(s.text, s.label_) for s in doc.spans["sovkg_mentions"]}
    assert {("Moodle", "Technology"), ("BigBlueButton", "Technology"), ("Microsoft Azure", "Technology")} <= found
