"""The common-word list: learned from what annotators keep outside names."""

from __future__ import annotations

import gzip
from pathlib import Path

from sovkg.extract.pipeline_data import data_file
from sovkg.extract.training.words import SOURCES, common_words, write_words

SAMPLE = Path(__file__).parents[2] / "data" / "nlpdata-sample"


def _available() -> tuple:
    return tuple((corpus, name) for corpus, name in SOURCES if (SAMPLE / name).is_file())


def test_words_outside_names_and_not_names(tmp_path: Path) -> None:
    sources = _available()
    assert sources, "the tiny corpus sample is missing"
    words = common_words(SAMPLE, sources=sources, min_count=1)
    assert words == sorted(words) and all(w == w.casefold() for w in words)
    assert {"der", "die"} & set(words)
    out = tmp_path / "words.txt.gz"
    assert write_words(SAMPLE, out, sources=sources, min_count=1) == len(words)
    assert gzip.decompress(out.read_bytes()).decode("utf-8").split() == words
    assert out.read_bytes() == (write_words(SAMPLE, tmp_path / "again.gz", sources=sources, min_count=1)
                                and (tmp_path / "again.gz").read_bytes())  # the same bytes each time


def test_the_shipped_list_knows_common_nouns_and_no_places() -> None:
    known = set(data_file("known_words.txt.gz").split())
    assert len(known) > 20_000
    assert {"verwaltung", "plattform", "gericht", "antrag"} <= known
    assert not {"tübingen", "nordrhein-westfalen"} & known


def test_english_ligature_words_from_a_word_list(tmp_path: Path) -> None:
    from sovkg.extract.training.__main__ import main

    dictionary = tmp_path / "words"
    dictionary.write_text("Confidential\nconfidential\nprofiles\nprofile's\nhouse\nsoftware\nsettings\n",
                          encoding="utf-8")
    out = tmp_path / "english.txt.gz"
    main(["english-words", "--dict", str(dictionary), "--out", str(out)])
    assert gzip.decompress(out.read_bytes()).decode("utf-8").split() == [
        "confidential", "profiles", "settings", "software"]
    shipped = set(data_file("english_ligature_words.txt.gz").split())
    assert {"confidential", "profiles", "specifications"} <= shipped and "house" not in shipped
