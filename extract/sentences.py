"""Sentence boundaries for German official text, line breaks included.

Parliamentary papers mix running prose with headings, list items and signature lines
that carry no full stop; a line break ends a sentence there. Text flattened from PDF
keeps no line breaks, so full stops, question and exclamation marks end sentences too
when the next word starts like a sentence (capital, digit, quote, list marker, or a
product name whose capital comes after a short lower-case prefix: "openDesk", "eAkte").
Abbreviations ("z.B.", "Nr.", and those of ``data/abbreviations.txt``: "Drs.", "Art.",
"Vgl.") are single tokens, so they never look like a full stop here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from sovkg.extract.doctext import doc_text
from sovkg.extract.pipeline_data import data_lines

_BOUNDARY = re.compile(
    r"\n[ \t\r\f\v]*(?=\S)"  # a line break ends a heading, a list item, a signature line
    r"|(?<=[.!?])[\"“”»«')]?[ \t\r\f\v]+(?=[\"„“‚'»«(–•\-]?[A-ZÄÖÜ0-9])"  # a full stop before a capital
    r"|(?<=[.!?])[ \t\r\f\v]+(?=[a-zäöü]{1,4}[A-ZÄÖÜ]\w)"  # or before a name of camel case ("openDesk", "dPhoenix")
    r"|(?<=;)[ \t\r\f\v]+(?=\w)"  # a semicolon between two main clauses, which a small parser would join
)


class SentenceSplitter:
    """Marks sentence starts from character positions, set on the doc in one array.

    Working on the text with one regular expression and handing spaCy a single
    ``SENT_START`` array keeps this component as cheap as tokenising.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.full(len(doc), -1, dtype="int64")  # -1: not a sentence start
        starts[0] = 1
        idx = doc.to_array(IDX)
        text = doc_text(doc)
        for match in _BOUNDARY.finditer(text):
            i = int(numpy.searchsorted(idx, match.end()))
            if 0 < i < len(doc) and idx[i] == match.end() and not _abbreviation_before(doc, i):
                starts[i] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape((-1, 1)))
        return doc


def _abbreviation_before(doc: Doc, i: int) -> bool:
    """spaCy keeps "z.B.", "Nr." and ordinals ("3.") whole; a full stop inside a token is
    no boundary, except after a number that a sentence's first word follows ("zu Frage 1.
    Die Landesregierung …", "S. 3. Der Bund …")."""
    previous = doc[i - 1]
    while previous.is_space and previous.i > 0:
        previous = doc[previous.i - 1]
    if not (len(previous.text) > 1 and previous.text.endswith(".") and previous.text != "."):
        return False
    ends_clause = previous.text[:-1].isdigit() or previous.text in _CLOSING_ABBREVIATIONS
    return not (ends_clause and doc[i].text in sentence_starters())


#: abbreviations that often close a sentence ("siehe S. 12 ff. Der Bericht …")
_CLOSING_ABBREVIATIONS = frozenset({"ff.", "f.", "usw.", "etc."})


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Words that begin a sentence after an ordinal-looking number (``data/sentence_starters.txt``)."""
    return frozenset(line.strip() for line in data_lines("sentence_starters.txt"))


@Language.factory("sovkg_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
