"""Running the pipeline over documents: sections, batches, and that neither changes what is found."""

from __future__ import annotations

from pathlib import Path

from sovkg.extract import extractor
from sovkg.extract.extractor import extract_documents, section_bounds
from sovkg.extract.nlp import load_pipeline
from sovkg.extract.reader import read_source

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def test_a_long_text_is_cut_at_paragraph_breaks() -> None:
    text = "Erster Absatz über KI.NRW.\n\n" * 10
    bounds = section_bounds(text, 100)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end - start <= 100 for start, end in bounds)
    assert all(text[end - 2:end] == "\n\n" for _start, end in bounds[:-1])


def test_batches_keep_order_and_a_character_budget() -> None:
    nlp = load_pipeline(kb="none")
    texts = ["a " * 40, "b " * 40, "c " * 200, "d " * 10]
    sections = [(nlp.make_doc(t), (i, 0, True)) for i, t in enumerate(texts)]
    batches = list(extractor._batches(iter(sections), 200))
    assert [[ctx[0] for _doc, ctx in batch] for batch in batches] == [[0, 1], [2], [3]]  # "c" alone: over budget


def test_batching_does_not_change_what_is_found(monkeypatch) -> None:
    documents = [read_source(p).document for p in sorted(CORPUS.glob("*.txt"))]
    nlp = load_pipeline(kb="default")
    together = extract_documents(documents, nlp)
    monkeypatch.setattr(extractor, "BATCH_CHARS", 1)  # one document per batch
    alone = extract_documents(documents, nlp)
    assert [d.mentions for d in together] == [d.mentions for d in alone]
    assert [d.candidates for d in together] == [d.candidates for d in alone]
    assert sum(len(d.candidates) for d in together) > 30  # relation candidates (linked later)


def test_a_text_layer_without_form_feeds_runs_on_across_lines_and_keeps_its_structure() -> None:
    """A Niedersachsen paper as extracted from its PDF: "… für die Deutsche\nMesse AG?" is one
    name, and the questions are still read from the lines as laid out."""
    source = read_source(Path(__file__).parents[1] / "data" / "mixed" / "docs" / "ni-19-11252.txt").document
    (result,) = extract_documents([source], load_pipeline(kb="none"))
    assert "Messe AG" not in {m.text for m in result.mentions}
    wrapped = source.text.index("Deutsche \nMesse AG")
    assert any(m.start == wrapped and source.text[m.start:m.end] == "Deutsche \nMesse AG" for m in result.mentions)
    answer = next(part for part in result.parts if part.kind == "Antwort")
    assert answer.title == "Zukunft der Deutschen Messe AG"
    assert [s.kind for s in answer.sections].count("answer") == 22  # 22 questions, each answered


def test_no_break_spaces_and_soft_hyphens_do_not_split_names(tmp_path: Path) -> None:
    path = tmp_path / "web.txt"
    path.write_text("Die Bundes\u00adregierung fördert die Deutsche\u00a0Messe AG und den Sovereign\u00a0Cloud\u00a0Stack.\n",
                    encoding="utf-8")
    (result,) = extract_documents([read_source(path).document], load_pipeline(kb="default"))
    found = {m.text.replace("\u00a0", " ").replace("\u00ad", ""): m.label for m in result.mentions}
    assert found == {"Bundesregierung": "GovernmentBody", "Deutsche Messe AG": "Company",
                     "Sovereign Cloud Stack": "Technology"}
