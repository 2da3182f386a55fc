"""Reader of Universal Dependencies CoNLL-U files (German GSD and PUD).

Two views of one file: :func:`read` yields plain :class:`~.corpus.Sentence` records
(words only, every tag ``O``) so UD text can join the raw text the token vectors are
pretrained on, and :func:`docs` yields fully annotated ``Doc`` objects (STTS tag,
UPOS and features, lemma, head and relation) for training the syntax model.
Multi-word tokens ("zum" = "zu dem") are merged into one token, as spaCy's
tokenizer leaves them, with the annotation spaCy's CoNLL-U converter gives them; and a
compound is split at its hyphens and slashes ("KI-Anwendung" → "KI", "-", "Anwendung"),
as sovkg's tokenizer splits it (:mod:`sovkg.extract.tokenizer`), so the parser learns
the tokens it will be given: the last part keeps the word's annotation, the parts
before it are its ``compound`` modifiers and the hyphens ``punct``.
"""

from __future__ import annotations

import re
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


#: where sovkg's tokenizer splits a word: a hyphen or slash between word characters
_JOINT = re.compile(r"(?<=[\w.])([-‐/])(?=\w)")


#: the morphological features the relation patterns and coreference read; the others
#: (Degree, Mood, Tense, Person, Definite, …) are dropped: each combination is a class
#: of the morphologizer, and 800 classes cost more than a layer of the token vectors
MORPH_FEATURES = ("Case", "Gender", "Number", "PronType", "VerbForm")


def docs(vocab: Vocab, path: Path) -> Iterator[Doc]:
    """One annotated ``Doc`` per sentence of ``path``, compounds split as sovkg tokenizes,
    with the features of :data:`MORPH_FEATURES` only."""
    for rows in sentences(path):
        doc = split_compounds(conllu_sentence_to_doc(vocab, rows, ner_tag_pattern="", merge_subtokens=True,
                                                     append_morphology=False))
        for token in doc:
            features = token.morph.to_dict()
            token.set_morph("|".join(f"{k}={features[k]}" for k in MORPH_FEATURES if k in features) or None)
        yield doc


def split_compounds(doc: Doc) -> Doc:
    """The sentence with each hyphenated or slashed word split into its parts (see above)."""
    if not any(_JOINT.search(t.text) for t in doc):
        return doc
    rows: list[list] = []  # words, spaces, heads (old index or new), deps, pos, tags, morphs, lemmas
    last_piece: dict[int, int] = {}
    for token in doc:
        parts = _JOINT.split(token.text)
        first = len(rows)
        end = first + len(parts) - 1
        last_piece[token.i] = end
        lemma_parts = _JOINT.split(token.lemma_)
        for k, part in enumerate(parts):
            final = first + k == end
            space = bool(token.whitespace_) if final else False
            if final:
                lemma = lemma_parts[-1] if len(lemma_parts) == len(parts) else part
                rows.append([part, space, ("old", token.head.i), token.dep_, token.pos_, token.tag_,
                             str(token.morph), lemma])
            elif k % 2:  # a hyphen or slash
                rows.append([part, space, ("new", end), "punct", "PUNCT", "$(", "", part])
            else:
                pos = "PROPN" if token.pos_ == "PROPN" or part.isupper() else "NOUN"
                rows.append([part, space, ("new", end), "compound", pos, "NE" if pos == "PROPN" else "NN", "", part])
    heads = [last_piece[h] if kind == "old" else h for kind, h in (r[2] for r in rows)]
    return Doc(doc.vocab, words=[r[0] for r in rows], spaces=[r[1] for r in rows], heads=heads,
               deps=[r[3] for r in rows], pos=[r[4] for r in rows], tags=[r[5] for r in rows],
               morphs=[r[6] for r in rows], lemmas=[r[7] for r in rows])


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
