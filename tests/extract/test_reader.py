from pathlib import Path

import pytest

from sovkg.errors import InputError
from sovkg.extract.reader import iter_input_files, read_source


def test_utf8_text_is_read_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    text = "Die Ministerin für Heimat\r\nStraße – „Zitat“\n"
    path.write_bytes(text.encode("utf-8"))
    result = read_source(path)
    assert result.document.text == text  # offsets refer to the text as in the file
    assert result.document.encoding == "utf-8"
    assert result.warning is None
    assert result.document.source == "doc.txt"


def test_cp1252_is_decoded_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Düsseldorf, Gemäß § 5 – Straße".encode("cp1252"))
    result = read_source(path)
    assert result.document.text == "Düsseldorf, Gemäß § 5 – Straße"
    assert result.document.encoding == "cp1252"
    assert "alt.txt" in result.warning and "cp1252" in result.warning


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_unreadable_files_get_one_line_naming_the_file(tmp_path: Path, content, problem) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(path)
    message = str(info.value)
    assert "bad.txt" in message and problem in message and "\n" not in message


def test_folders_expand_sorted_and_missing_paths_are_reported(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    items = list(iter_input_files([tmp_path, tmp_path / "missing.txt"]))
    assert items[:2] == [tmp_path / "b.txt", tmp_path / "sub" / "a.txt"]
    assert isinstance(items[2], InputError) and "missing.txt" in str(items[2])


def test_a_pdf_text_layer_with_form_feeds_runs_its_sentences_on_across_lines(tmp_path: Path, nlp) -> None:
    """pdftotext output: pages split by form feeds, lines wrapped by the layout; a sentence
    broken over two lines is one sentence, as in the PDF itself."""
    from sovkg.extract.extractor import extract_documents

    text = ("Bericht\n\nDas Projekt KIRA wird vom Land Hessen\ngefördert. Es läuft.\n\f"
            "Seite zwei.\nDas Projekt KIRA nutzt\ndie Plattform openDesk.\n")
    path = tmp_path / "bericht.txt"
    path.write_text(text, encoding="utf-8")
    document = read_source(path).document
    assert len(document.pages) == 2
    found = extract_documents([document], nlp)[0]
    sentences = [text[s.start:s.end] for s in found.sentences]
    assert "Das Projekt KIRA wird vom Land Hessen\ngefördert." in sentences
