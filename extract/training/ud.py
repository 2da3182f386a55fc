"""Reader of Universal Dependencies CoNLL-U files (German GSD and PUD).

Two views of one file: :func:`read` yields plain :class:`~.corpus.Sentence` records
(words only, every tag ``O``) so UD text can join the raw text the token vectors are
pretrained on, and :func:`docs` yields fully annotated ``Doc`` objects (STTS tag,
UPOS and features, lemma, head and relation) for training the syntax model.
Multi-word tokens ("zum" = "zu dem") are merged into one token, as spaCy's
tokenizer leaves them, with the annotation spaCy's CoNLL-U converter gives them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc
from spacy.training.converters.conllu_to_docs import conllu_sentence_to_doc
from spacy.vocab import Vocab

from sovkg.extract.training.corpus import Sentence, blocks


def sentences(path: Path) -> Iterator[list[str]]:
    """The CoNLL-U lines of each sentence, comment lines dropped."""
    with path.open(encoding="utf-8") as lines:
        for block in blocks(lines):
            rows = [line for line in block if not line.startswith("#")]
            if rows:
                yield rows


def docs(vocab: Vocab, path: Path) -> Iterator[Doc]:
    """One annotated ``Doc`` per sentence of ``path``."""
    for rows in sentences(path):
        yield conllu_sentence_to_doc(vocab, rows, ner_tag_pattern="", merge_subtokens=True,
                                     append_morphology=False)


def read(path: Path) -> Iterator[Sentence]:
    """The words of each sentence (multi-word tokens as written), for raw-text pretraining."""
    for rows in sentences(path):
        fields = [row.split("\t") for row in rows]
        skip: set[str] = set()
        words: list[str] = []
        for field in fields:
            first, dash, last = field[0].partition("-")
            if dash:
                skip.update(str(i) for i in range(int(first), int(last) + 1))
                words.append(field[1])
            elif "." not in field[0] and field[0] not in skip:
                words.append(field[1])
        yield Sentence(tuple(words), ("O",) * len(words))
