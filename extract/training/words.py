"""The list of common German words the pattern recognizer knows (``data/known_words.txt.gz``).

A capitalised word that German text uses as a common noun ("Verwaltung", "Plattform")
is no name on its own; one it never saw may be. The list is learned from the annotated
corpora: every word that the annotators left outside all names at least twice, and more
than twice as often outside names as inside them (so "Tübingen", tagged as a place most
of the time, is not a common word).

    python -m sovkg.extract.training words --corpora PATH --out extract/data/known_words.txt.gz

Also the English words a ligature may be written in (``data/english_ligature_words.txt.gz``),
which the ligature repair checks its guesses against beside the German list (slides
and reports in this field mix the two: "Confidential", "profiles"), taken from a
SCOWL word list such as Debian's ``wamerican``:

    python -m sovkg.extract.training english-words --dict /usr/share/dict/american-english \
        --out extract/data/english_ligature_words.txt.gz
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

from sovkg.extract.training.readers import read_corpus

#: (corpus, file) pairs the words are counted in; the benchmark test splits are left out.
SOURCES = (("ler", "ler/ler_train.conll"), ("ler", "ler/ler_dev.conll"),
           ("germeval", "germeval2014/NER-de-dev.tsv"), ("smartdata", "smartdata/v3_20200302_dev.json.gz"),
           ("smartdata", "smartdata/v3_20200302_test.json.gz"), ("mobie", "mobie/train.conll2003"))


def common_words(corpora: Path, *, sources=SOURCES, min_count: int = 2) -> list[str]:
    """The casefolded words that the corpora's annotators keep outside names."""
    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for corpus, name in sources:
        for sentence in read_corpus(corpus, corpora / name):
            for word, tag in zip(sentence.words, sentence.tags):
                if word[:1].isalpha():
                    (outside if tag == "O" else inside)[word.casefold()] += 1
    return sorted(w for w, n in outside.items() if n >= min_count and n > 2 * inside[w])


def ligature_words(dictionary: Path) -> list[str]:
    """The lower-case words of a word list (one a line) that hold a ligature."""
    from sovkg.extract.ligatures import LIGATURES

    lines = dictionary.read_text(encoding="utf-8").split()
    return sorted({w for w in lines if w.isalpha() and w.islower() and any(lig in w for lig in LIGATURES)})


def write_words(corpora: Path, out: Path, **options) -> int:
    """Write the list (gzip, one word a line, deterministic bytes) and return its length."""
    return write_list(common_words(corpora, **options), out)


def write_list(words: list[str], out: Path) -> int:
    """Write a word list as gzip, one word a line, in deterministic bytes; return its length."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(("\n".join(words) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    return len(words)
