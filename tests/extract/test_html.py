"""HTML reading: the main text, without scripts, styles and navigation."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.errors import InputError
from sovkg.extract.reader import read_source

PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Pressemitteilung | MHKBD</title>
<style>body { font: 12px sans-serif }</style><script>var tracking = "Landesregierung";</script></head>
<body>
<nav><a href="/">Startseite</a> <a href="/presse">Presse</a> Düsseldorf Köln</nav>
<header><p>Ministerium – Navigation</p></header>
<main>
<p>Digitalisierung</p>
<h1>Nordrhein-Westfalen spricht moderne Verwaltung &ndash; sogar mit eigener KI-Sprache</h1>
<p>30.12.2025</p>
<p>Das Ministerium für Heimat, Kommunales, Bau und Digitalisierung teilt mit:</p>
<p>Mit &bdquo;NRW.Genius&ldquo; hat der Landesbetrieb Information und Technik Nordrhein-Westfalen
eine eigene <b>KI-Verwaltungs-Applikation</b> geschaffen.</p>
<script>document.write("<p>Bonn</p>")</script>
</main>
<footer>Impressum · Datenschutz · Hürth</footer>
</body></html>
"""


def test_main_text_without_scripts_styles_and_navigation(tmp_path: Path) -> None:
    path = tmp_path / "press.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_source(path).document
    assert document.format == "html"
    assert document.title == "Nordrhein-Westfalen spricht moderne Verwaltung – sogar mit eigener KI-Sprache"
    text = document.text
    assert "Mit „NRW.Genius“ hat der Landesbetrieb" in text
    for absent in ("tracking", "Startseite", "font:", "Impressum", "Hürth", "Bonn", "Navigation"):
        assert absent not in text
    assert text.index("Digitalisierung") < text.index("30.12.2025")


@pytest.mark.slow
def test_an_html_press_release_builds(tmp_path: Path) -> None:
    from rdflib import Dataset
    from rdflib.namespace import DCTERMS, RDF

    from sovkg.builder import build
    from sovkg.ontology import SOVKG

    path = tmp_path / "press.html"
    path.write_text(PAGE, encoding="utf-8")
    report = build([path], tmp_path / "out")
    assert report.violations == ()
    data = Dataset(default_union=True)
    data.parse(tmp_path / "out" / "graph.trig", format="trig")
    (release,) = data.subjects(RDF.type, SOVKG.PressRelease)
    assert str(data.value(release, DCTERMS.date)) == "2025-12-30"
    assert "moderne Verwaltung" in str(data.value(release, DCTERMS.title))
    assert data.value(release, DCTERMS.publisher) is not None


def test_a_page_without_text_gets_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body><nav>Menü</nav></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.html: HTML page has no text"):
        read_source(path)


PORTAL = Path(__file__).parents[1] / "data" / "html" / "portal-pressemitteilung.html"


def test_a_portal_page_of_plain_divs_gives_only_its_article(tmp_path: Path) -> None:
    document = read_source(PORTAL).document
    assert document.title == "Land fördert Open-Source-Plattform für Kommunen"
    assert document.text.startswith("Land fördert Open-Source-Plattform für Kommunen\n14.10.2025\n")
    for chrome in ("Cookies", "Leichte Sprache", "Startseite", "Seite teilen", "Weitere Meldungen", "Passau",
                   "Bamberg", "Ostfriesland", "Impressum", "Instagram"):
        assert chrome not in document.text, chrome


@pytest.mark.slow
def test_the_portal_page_yields_only_the_articles_entities(tmp_path: Path) -> None:
    import sovkg

    kg = sovkg.build([PORTAL], tmp_path / "out", kb="none")
    labels = set(kg.entities().label)
    assert {"KommunalCloud", "Lüneburg", "Hannover"} <= labels
    assert not labels & {"Passau", "Bamberg", "Ostfriesland", "Smart Region Ostfriesland", "Instagram", "YouTube"}
