"""The registry: every layout module joins it, and the most certain layout reads a paper."""

from __future__ import annotations

from sovkg.extract.layouts import (
    Paper,
    available_layouts,
    choose_layout,
    parse_document,
)


def test_every_layout_module_is_registered() -> None:
    names = {layout.name for layout in available_layouts()}
    assert {"generic", "nordrhein_westfalen", "bundestag", "baden_wuerttemberg", "sachsen",
            "niedersachsen", "bayern"} <= names


def test_a_paper_goes_to_its_parliaments_layout() -> None:
    ni = Paper("Kleine Anfrage zur schriftlichen Beantwortung\n…",
               header="Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/11147")
    assert choose_layout(ni).name == "niedersachsen"
    nrw = Paper("LANDTAG NORDRHEIN-WESTFALEN 18. Wahlperiode Drucksache 18/13128\nKleine Anfrage 5276")
    assert choose_layout(nrw).name == "nordrhein_westfalen"


def test_anything_else_goes_to_the_generic_layout() -> None:
    assert choose_layout(Paper("Ein Bericht über offene Software in Kommunen.")).name == "generic"
    # a Niedersachsen paper of another genre is not claimed by the Kleine-Anfrage layout
    bill = Paper("Gesetzentwurf der Landesregierung\nEntwurf eines Gesetzes …",
                 header="Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/9000")
    assert choose_layout(bill).name == "generic"


def test_each_part_records_the_layout_that_read_it() -> None:
    parts = parse_document("Pressemitteilung\nDas Ministerium teilt mit: Ein Satz.")
    assert [(p.kind, p.layout) for p in parts] == [("PressRelease", "generic")]
