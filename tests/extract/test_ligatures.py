"""Ligatures a PDF's fonts write as other letters: inferred per document and put back."""

from __future__ import annotations

from sovkg.extract.ligatures import infer_mapping, repair_pages

#: A text layer as a PDF with a broken subset font gives it: "N" for "ti", "X" for
#: "ft", "U" for "fi", "+" for "tt" (as in a real project report's annex).
BROKEN = ("Im Projekt arbeiten MarNn Schulz und ChrisNan Weber mit der Open Source Business "
          "Alliance zusammen. Die SoXware wird in der WirtschaX und in der Verwaltung genutzt. "
          "Die InformaNonen zur DemokraNe und zur PerspekNve der GesellschaX stehen in der "
          "Pressemi+eilung. In der Mi+e des Jahres war die Lösung zerNUziert, qualiUziert und deUniert.")

#: camelCase names of the field, which no repair may touch.
NAMES = ["openDesk", "GitHub", "vSwitch", "iPhone", "OpenStack", "YouTube", "LinkedIn", "SysEleven",
         "JavaScript", "DigiSov", "OpenCoDE", "ZenDiS", "iX", "eID", "GovStack", "BayernCloud"]


def test_the_signs_are_inferred_from_the_words_they_break() -> None:
    pages, repair = repair_pages([BROKEN[:200], BROKEN[200:]])
    assert repair is not None
    assert repair.mapping == {"N": "ti", "X": "ft", "+": "tt", "U": "fi"}
    text = "".join(pages)
    for word in ("Martin Schulz", "Christian Weber", "Software", "Wirtschaft", "Informationen",
                 "Demokratie", "Gesellschaft", "Pressemitteilung", "Mitte", "zertifiziert", "qualifiziert", "definiert"):
        assert word in text
    assert "Open Source Business Alliance" in text and "Lösung" in text
    assert repair.words == 13 and "“N” → “ti”" in repair.note()


def test_camel_case_names_are_no_broken_ligatures() -> None:
    text = " ".join(f"Wir nutzen {name} für die Verwaltung." for name in NAMES)
    pages, repair = repair_pages([text])
    assert repair is None and pages == [text]


def test_one_or_two_words_are_not_enough_to_call_a_file_broken() -> None:
    assert infer_mapping(["SoXware", "WirtschaX"], frozenset({"software", "wirtschaft"})) == {}
    known = frozenset({"software", "wirtschaft", "zukunft", "zertifiziert", "profile"})
    assert infer_mapping(["SoXware", "WirtschaX", "ZukunX", "zertiUziert", "ProUle"], known) == {"X": "ft", "U": "fi"}


def test_a_camel_case_name_in_a_broken_file_stays_when_it_has_no_sign() -> None:
    pages, _ = repair_pages([BROKEN + " Sie läuft auf OpenStack und GitHub."])
    assert "OpenStack und GitHub" in pages[0]


def test_unicode_ligature_characters_are_spelt_out() -> None:
    pages, repair = repair_pages(["Die Zertiﬁzierung der öﬀentlichen Verwaltung."])
    assert pages == ["Die Zertifizierung der öffentlichen Verwaltung."] and repair is None


def test_addresses_keep_their_identifiers_and_get_their_scheme_back() -> None:
    pages, repair = repair_pages([BROKEN + " Video: h+ps://youtu.be/YNRTQYjN0oA und h+p://www.example.org/SoXware"])
    assert "https://youtu.be/YNRTQYjN0oA und http://www.example.org/SoXware" in pages[0]
    assert repair is not None and (repair.words, repair.addresses) == (13, 2)
    assert repair.note().endswith("in 13 words and 2 web addresses")


def test_a_long_chunk_without_spaces_is_read_at_once() -> None:
    """Addresses were once looked for from each character of a chunk (a 2,000,000-character
    chunk took hours); now each chunk is tried once."""
    pages, repair = repair_pages([BROKEN + " " + "x" * 2_000_000 + " Link: pdfh+ps://example.org/a"])
    assert pages[0].endswith("Link: pdfhttps://example.org/a") and repair is not None and repair.addresses == 1


def test_a_control_character_for_a_ligature_is_found_and_named_readably() -> None:
    """The same real annex writes "ff" as U+000E in one font: "Kurt Garlo\x0e", "verö\x0eentlicht"."""
    text = ("Kurt Garlo\x0e hat die Studie verö\x0eentlicht; die ö\x0eentlichen Stellen und o\x0eene "
            "Standards sind der Begri\x0e, um den es geht.")
    pages, repair = repair_pages([text])
    assert pages == ["Kurt Garloff hat die Studie veröffentlicht; die öffentlichen Stellen und offene "
                     "Standards sind der Begriff, um den es geht."]
    assert repair is not None and "U+000E → “ff”" in repair.note()
