"""PDF reading on real multi-page PDFs written by fpdf2 from the sample text."""

from __future__ import annotations

from pathlib import Path

import pytest

from sovkg.errors import InputError
from sovkg.extract.layout import analysed_view
from sovkg.extract.reader import read_source

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
HEADER = "LANDTAG NORDRHEIN-WESTFALEN - 18. Wahlperiode Drucksache 18/13128"


def _latin1(text: str) -> str:
    """fpdf2's core fonts are Latin-1: keep umlauts and ß, replace typographic marks."""
    table = str.maketrans({"–": "-", "„": '"', "“": '"', "”": '"', "¹": "1", "’": "'"})
    return text.translate(table).encode("latin-1", "replace").decode("latin-1")


def _write_pdf(path: Path, text: str, *, header: bool = True, encrypt: bool = False) -> Path:
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            if header and self.page_no() > 1:
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, HEADER, new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, str(self.page_no()), align="C")

    pdf = Paper(format="A4")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in _latin1(text).split("\n\n"):
        pdf.multi_cell(0, 5, paragraph.replace("\n", " "), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    text = (CORPUS / "nrw-18-13128-kleine-anfrage-5276.txt").read_text(encoding="utf-8")
    return _write_pdf(tmp_path_factory.mktemp("pdf") / "sample.pdf", text)


def test_pages_are_kept_and_running_headers_removed(sample_pdf: Path) -> None:
    document = read_source(sample_pdf).document
    assert document.format == "pdf" and len(document.pages) >= 3
    furniture = [document.text[s:e] for s, e in document.furniture]
    assert sum(HEADER in f for f in furniture) == len(document.pages) - 1
    assert any(f.strip() == "2" for f in furniture)  # page numbers too
    view = analysed_view(document.text, drop=document.furniture, unwrap=True)
    assert "Wahlperiode Drucksache 18/13128" not in view.text
    assert "Förderwettbewerbe Forschungsinfrastrukturen.NRW" in view.text.replace("\n", " ")
    last = document.text.index("Forschungsinfrastrukturen.NRW und NEXT.IN.NRW")
    assert document.page_of(last) == len(document.pages)
    assert document.page_of(0) == 1


@pytest.mark.slow
def test_a_pdf_builds_with_structure_and_page_numbers(sample_pdf: Path, tmp_path: Path) -> None:
    from rdflib import Dataset

    from sovkg.builder import build
    from sovkg.ontology import SOVKG

    report = build([sample_pdf], tmp_path)
    assert report.documents == 2 and report.violations == ()
    data = Dataset(default_union=True)
    data.parse(tmp_path / "graph.trig", format="trig")
    answers = list(data.subjects(SOVKG.declined, None))
    assert len(answers) == 5
    pages = {int(p) for p in data.objects(None, SOVKG.page)}
    assert pages >= {1, 2, 3}
    text = read_source(sample_pdf).document.text
    for sentence in data.subjects(SOVKG.page, None):
        start, end = int(data.value(sentence, SOVKG.start)), int(data.value(sentence, SOVKG.end))
        assert text[start:end] == str(data.value(sentence, SOVKG.text))


def test_encrypted_pdf_gets_one_line(tmp_path: Path) -> None:
    path = _write_pdf(tmp_path / "locked.pdf", "Geheimer Text der Landesregierung.", encrypt=True)
    with pytest.raises(InputError, match=r"locked\.pdf: PDF is encrypted; decrypt it first"):
        read_source(path)


def test_truncated_pdf_gets_one_line(tmp_path: Path, sample_pdf: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(sample_pdf.read_bytes()[:1500])
    with pytest.raises(InputError, match=r"cut\.pdf: .*(damaged or truncated|no text layer)"):
        read_source(path)


def test_pdf_without_text_layer_gets_one_line(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # a scan: marks, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match=r"scan\.pdf: PDF has no text layer .*OCR"):
        read_source(path)


def test_a_pdf_whose_fonts_write_ligatures_as_letters_is_repaired(tmp_path: Path) -> None:
    from tests.extract.test_ligatures import BROKEN

    path = _write_pdf(tmp_path / "annex.pdf", BROKEN + "\n\n" + BROKEN, header=False)
    result = read_source(path)
    assert "Martin Schulz" in result.document.text and "MarNn" not in result.document.text
    assert result.warning is not None and str(path) in result.warning and "“X” → “ft”" in result.warning
    page = result.document.pages
    assert result.document.text[page[0]:].startswith("Im Projekt arbeiten Martin")


def test_a_healthy_pdf_is_read_without_a_note(sample_pdf: Path) -> None:
    assert read_source(sample_pdf).warning is None
