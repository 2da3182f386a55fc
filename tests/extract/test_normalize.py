import pytest

from sovkg.extract.normalize import case_compatible, fold_word


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("Instituts", "Institut"),
        ("Rheinischen", "Rheinisches"),
        ("Reviers", "Revier"),
        ("JUPITERs", "JUPITER"),
        ("Europas", "Europa"),
        ("GRÜNEN", "GRÜNE"),
        ("Planungsrates", "Planungsrat"),
        ("Deutschlands", "Deutschland"),
        ("Unternehmens", "Unternehmen"),  # the genitive s of a noun in -en
        ("Niedersachsens", "Niedersachsen"),
        ("Vorhabens", "Vorhaben"),
        ("Al", "AI"),  # OCR: lower-case L for capital I
        ("Kl", "KI"),
    ],
)
def test_inflected_and_damaged_forms_fold_together(inflected: str, base: str) -> None:
    assert fold_word(inflected) == fold_word(base)


@pytest.mark.parametrize(("a", "b"), [("Berliner", "Berlin"), ("Bonn", "Bund"), ("KI", "Kiel")])
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert fold_word(a) != fold_word(b)


def test_case_separates_names_from_ordinary_words() -> None:
    assert case_compatible("GRÜNE", "Grünen")
    assert not case_compatible("Grüne", "grüne")  # the colour, not the party
    assert case_compatible("KI", "KI") and not case_compatible("KI", "Ki")
    assert case_compatible("künstliche", "Künstliche")
    assert case_compatible("AI", "Al")  # OCR damage is repaired before comparing


def test_ocr_damage_at_the_end_of_a_dotted_name() -> None:
    from sovkg.extract.normalize import repair_ocr

    assert repair_ocr("ScaDS.Al") == "ScaDS.AI"
    assert repair_ocr("Al") == "AI"
    assert repair_ocr("Mal") == "Mal"
