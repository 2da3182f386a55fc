from pathlib import Path

from sovkg.extract.layout import (analysed_view, find_furniture, footnote_markers, hard_wrapped, page_furniture,
                                 split_pages)

DATA = Path(__file__).parents[1] / "data"


def _source_of(view, source: str, analysed: str) -> str:
    """The source text that the first occurrence of ``analysed`` in the view maps back to."""
    start = view.text.index(analysed)
    s, e = view.to_source(start, start + len(analysed))
    return source[s:e]


def test_words_split_at_line_ends_are_joined_and_map_back() -> None:
    source = "Die Bundes-\n   regierung fördert Open-\nSource und KI.NRW."
    view = analysed_view(source)
    assert view.text == "Die Bundesregierung fördert Open-\nSource und KI.NRW."
    assert _source_of(view, source, "Bundesregierung") == "Bundes-\n   regierung"
    assert _source_of(view, source, "KI.NRW") == "KI.NRW"


def test_running_headers_are_dropped_and_offsets_survive() -> None:
    source = ("Die Förderung läuft. LANDTAG NORDRHEIN-WESTFALEN - 17. Wahlperiode Drucksache 17/2830 4 "
              "Die Landesregierung unterstützt Dortmund.")
    furniture = find_furniture(source)
    assert [source[s:e] for s, e in furniture] == [
        "LANDTAG NORDRHEIN-WESTFALEN - 17. Wahlperiode Drucksache 17/2830 4"]
    view = analysed_view(source, drop=furniture)
    assert "Wahlperiode" not in view.text
    assert _source_of(view, source, "Dortmund") == "Dortmund"


def test_a_laid_out_header_with_long_runs_of_spaces_is_found_at_once() -> None:
    """A Bundestag paper's running header as ``pdftotext -layout`` writes it. Its runs of
    spaces once made the header test backtrack exponentially: reading hung for hours."""
    header = "Drucksache 21/2315" + " " * 25 + "– 2 –" + " " * 11 + "Deutscher Bundestag – 21. Wahlperiode"
    source = f"Die Antwort folgt.\n{header}\n{' ' * 40}Die Bundesregierung fördert das Projekt.\n"
    assert [source[s:e] for s, e in find_furniture(source)] == [header]


def test_a_long_run_of_spaces_without_a_line_break_is_read_at_once() -> None:
    """A laid-out table's run of spaces that ends in no line break: the line-end spaces were
    once looked for from each of its spaces (200,000 spaces took minutes; now milliseconds)."""
    source = "Tabelle" + " " * 200_000 + "Ende.\nweiter" + "\t" * 200_000 + "\n"
    assert analysed_view(source).text == "Tabelle" + " " * 200_000 + "Ende.\nweiter\n"
    assert not hard_wrapped(source)


def test_pdf_line_wraps_become_spaces_but_paragraphs_and_lists_stay() -> None:
    source = ("Die Landesregierung hat frühzeitig Maßnahmen auf unterschiedlichen Ebenen\n"
              "ergriffen, um die Souveränität zu stärken, und fördert Projekte in allen\n"
              "Regionen des Landes.\n\n- KI.NRW: Die Plattform\n- AI Village: Der Campus\n")
    view = analysed_view(source, unwrap=True)
    assert len(view.text) == len(source)
    assert "Ebenen ergriffen" in view.text and "allen Regionen" in view.text
    assert "\n\n- KI.NRW" in view.text and "Plattform\n- AI Village" in view.text


def test_spaces_before_a_line_break_go_so_a_wrap_leaves_one_space() -> None:
    source = "Herausforderungen für die Deutsche \nMesse AG? Falls ja, welche?  \nDie Messe antwortet."
    view = analysed_view(source, unwrap=True)
    assert view.text.startswith("Herausforderungen für die Deutsche Messe AG? Falls ja, welche?") and "  " not in view.text
    assert _source_of(view, source, "Deutsche Messe AG") == "Deutsche \nMesse AG"


def test_typesetters_characters_go_and_every_space_and_hyphen_is_a_plain_one() -> None:
    source = ("Die Bundes\u00adregierung fördert die Deutsche\u00a0Messe AG\u200b und den Sovereign\u202fCloud Stack "
              "am Lamarr\u2011Institut.")
    view = analysed_view(source)
    assert view.text == ("Die Bundesregierung fördert die Deutsche Messe AG und den Sovereign Cloud Stack "
                         "am Lamarr-Institut.")
    assert _source_of(view, source, "Bundesregierung") == "Bundes\u00adregierung"
    assert _source_of(view, source, "Sovereign Cloud Stack") == "Sovereign\u202fCloud Stack"


def test_a_text_layer_saved_without_form_feeds_is_known_by_its_wrapped_lines() -> None:
    """A Niedersachsen paper as extracted from its PDF (no form feeds) wraps mid-sentence;
    the development corpora, a paragraph a line, never do, not even a Landtag formula."""
    assert hard_wrapped((DATA / "mixed" / "docs" / "ni-19-11252.txt").read_text(encoding="utf-8"))
    for corpus in sorted(DATA.glob("*/corpus/*.txt")) + sorted((DATA / "corpus").glob("*.txt")):
        assert not hard_wrapped(corpus.read_text(encoding="utf-8")), corpus.name
    formula = "Der Landtag wolle beschließen,\ndie Landesregierung zu ersuchen\nzu berichten,\n" * 3
    assert not hard_wrapped(formula)


def test_a_hyphen_and_a_space_of_flattened_text_join_a_word_but_an_ellipsis_stays() -> None:
    source = "Die Bundes- regierung und die Wirt- schaft, Analyse- und Informationssysteme, Hochschul-\nund Forschung"
    view = analysed_view(source)
    assert view.text == ("Die Bundesregierung und die Wirtschaft, Analyse- und Informationssysteme, Hochschul-\n"
                         "und Forschung")
    assert _source_of(view, source, "Bundesregierung") == "Bundes- regierung"


def test_a_header_dropped_at_the_very_start_still_maps_back() -> None:
    source = "Landtag Nordrhein-Westfalen 18. Wahlperiode Drucksache 18/1\nDie Landesregierung informiert."
    view = analysed_view(source, drop=[(0, 59)])
    assert _source_of(view, source, "Landesregierung") == "Landesregierung"


def test_footnote_marks_glued_to_words_are_dropped_and_numbered_lists_are_not() -> None:
    """ "die Initiative GovStack7", "nach BSI C535": the mark of the footnote at the page's
    foot goes; "C5" and "H100" stay, and so does a page with no such footnote."""
    page = ("Die SCS-Standards nutzt die Initiative GovStack7 in Afrika. Zwei Anbieter sind nach BSI C535 "
            "zertifiziert, mit Karten vom Typ H100.\n1 Einleitung\n" + "Text. " * 12 +
            "\n7 https://www.govstack.global/\n35 https://www.bsi.bund.de/c5\n")
    text = page + "\f" + "Die Initiative GovStack7 wächst.\n"
    view = analysed_view(text, drop=page_furniture(text, *split_pages(text)))
    assert "GovStack in Afrika" in view.text and "BSI C5 zertifiziert" in view.text and "H100" in view.text
    assert "GovStack7 wächst" in view.text  # no footnote 7 on that page
    assert footnote_markers("Die Liste:\n1 Einleitung\n2 Ziele\n") == []
    page = "Die „BayernCloud Schule“48 und GXFS (Federation)32 laufen.\n" + "Text.\n" * 30 + "48 https://a\n32 https://b\n"
    assert [page[a:b] for a, b in footnote_markers(page)] == ["48", "32"]
