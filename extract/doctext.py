"""The text and lower-case words of a spaCy ``Doc``, built once.

``Doc.text`` joins every token on each access, and each ``Token`` a loop touches is a
new Python object; reading them again in every component cost more than tokenising.
Both are cached in ``user_data``: a doc's tokens never change after the tokenizer,
so the cache cannot go stale.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

_TEXT = "sovkg_text"
_LOWERS = "sovkg_lowers"
_WORDS = "sovkg_words"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span: Span) -> str:
    """A span's text cut from the doc's text: ``Span.text`` builds every token it holds."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_lowers(doc: Doc) -> list[str]:
    """The lower-case form of every token, indexed like the doc."""
    lowers = doc.user_data.get(_LOWERS)
    if lowers is None:
        lowers = doc.user_data[_LOWERS] = _strings(doc, LOWER)
    return lowers


def doc_words(doc: Doc) -> list[str]:
    """The text of every token, indexed like the doc: a rule looks at these first and
    builds a ``Token`` only where a word can start what it looks for."""
    words = doc.user_data.get(_WORDS)
    if words is None:
        words = doc.user_data[_WORDS] = _strings(doc, ORTH)
    return words


def _strings(doc: Doc, attr: int) -> list[str]:
    """One token attribute's strings from the doc's array: no ``Token`` objects built."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(attr).tolist()]
