"""Sentence boundaries for German official text, line breaks included.

Parliamentary papers mix running prose with headings, list items and signature lines
that carry no full stop; a line break ends a sentence there. Text flattened from PDF
keeps no line breaks, so full stops, question and exclamation marks end sentences too
when the next word starts like a sentence (capital, digit, quote, list marker).
Abbreviations ("z.B.", "Nr.") are single tokens in spaCy's German tokenizer, so they
never look like a full stop here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = frozenset(".!?")
_OPENERS = frozenset("\"„“‚'»«(–-•")
_CLOSERS = frozenset(")\"“”'«»")


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        boundary = True  # the next word starts a sentence
        for token in doc:
            if token.is_space:
                token.is_sent_start = token.i == 0
                boundary = boundary or "\n" in token.text
                continue
            token.is_sent_start = boundary or token.i == 0
            boundary = False
            closes = token.text in _ENDERS or (
                token.text in _CLOSERS and token.i > 0 and doc[token.i - 1].text in _ENDERS
            )
            if closes and _followed_by_gap(doc, token):
                following = _next_word(doc, token.i + 1)
                boundary = following is not None and _starts_sentence(following.text)
        return doc


def _followed_by_gap(doc: Doc, token) -> bool:
    return bool(token.whitespace_) or (token.i + 1 < len(doc) and doc[token.i + 1].is_space)


def _next_word(doc: Doc, i: int):
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in _OPENERS


@Language.factory("sovkg_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
