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


def test_compounds_are_split_at_hyphens_and_dotted_names_stay_whole(nlp) -> None:
    tokens = [t.text for t in nlp.make_doc("Open-Source-Komponenten für NRW.Genius und ZaKI.D")]
    assert tokens == ["Open", "-", "Source", "-", "Komponenten", "für", "NRW.Genius", "und", "ZaKI.D"]
