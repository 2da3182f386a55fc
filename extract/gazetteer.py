"""Recognise known names from the knowledge base, tolerant of inflection and OCR damage.

Every alias of every knowledge-base entry is tokenised with the pipeline's own
tokenizer and folded word by word (:mod:`sovkg.extract.normalize`); the text is folded
the same way and scanned for the longest known word sequence at each position. Words
may be joined by spaces, hyphens or slashes ("Open Source" = "Open-Source"), never by
other punctuation. A name may be the head of a compound ("MPK-Beschluss" mentions the
MPK) but not its tail ("NRW-Landesregierung" does not mention a "Landesregierung" on its
own unless the whole compound is a known alias).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sovkg.extract.extensions import register_extensions
from sovkg.extract.normalize import case_compatible, fold_word
from sovkg.kb import KBEntry, load_kb, resolve_kb

_JOINERS = frozenset({"-", "‐", "/"})


@dataclass(frozen=True, slots=True)
class _Alias:
    words: tuple[str, ...]
    entry: KBEntry
    preferred: bool


class Gazetteer:
    """Marks knowledge-base names in ``doc.spans[spans_key]`` (label = type, kb_id = key)."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, method: str) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.method = method
        self._index: dict[tuple[str, ...], list[_Alias]] = {}
        self._max_words = 0

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None, kb: str = "default") -> None:
        path = resolve_kb(kb)
        self.set_entries(load_kb(path) if path is not None else ())

    def set_entries(self, entries: Iterable[KBEntry]) -> None:
        index: dict[tuple[str, ...], list[_Alias]] = defaultdict(list)
        for entry in entries:
            for name, preferred in [(entry.label, True), *((a, False) for a in entry.aliases)]:
                doc = self.nlp.make_doc(name)
                words = [t for t in doc if _is_word(t)]
                gaps = [_gap(doc, name, a, b) for a, b in zip(words, words[1:])]
                if words and None not in gaps:
                    key = _key([fold_word(t.text) for t in words], gaps)
                    index[key].append(_Alias(tuple(t.text for t in words), entry, preferred))
        for candidates in index.values():
            candidates.sort(key=lambda a: (not a.preferred, a.entry.key))
        self._index = dict(index)
        self._max_words = max((len(a.words) for c in index.values() for a in c), default=0)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(self.find(doc))
        for span in spans:
            span._.sovkg_method = self.method
        doc.spans[self.spans_key] = spans
        return doc

    def find(self, doc: Doc) -> Iterable[Span]:
        """Leftmost-longest matches, plus places named with "in" inside a longer name."""
        words = [t for t in doc if _is_word(t)]
        folded = [fold_word(t.text) for t in words]
        text = doc.text  # built on every access; fetch it once
        gaps = [_gap(doc, text, a, b) for a, b in zip(words, words[1:])]
        k = 0
        while k < len(words):
            match = None if _compound_tail(words[k]) else self._longest(words, folded, gaps, k)
            if match is None:
                k += 1
                continue
            n, alias = match
            yield Span(doc, words[k].i, words[k + n - 1].i + 1,
                       label=alias.entry.type, kb_id=alias.entry.key)
            yield from self._places_inside(words, folded, gaps, k, k + n)
            k += n

    def _places_inside(self, words: list[Token], folded: list[str], gaps: list[str | None],
                       start: int, end: int) -> Iterable[Span]:
        """"Zentrum für angewandte KI in Duisburg" names Duisburg too."""
        for j in range(start + 1, end - 1):
            if words[j].lower_ != "in":
                continue
            inner = self._longest(words[:end], folded, gaps, j + 1)
            if inner is not None and inner[1].entry.type == "Place":
                n, alias = inner
                yield Span(words[0].doc, words[j + 1].i, words[j + n].i + 1,
                           label=alias.entry.type, kb_id=alias.entry.key)

    def _longest(self, words: list[Token], folded: list[str], gaps: list[str | None],
                 k: int) -> tuple[int, _Alias] | None:
        limit = 1
        while limit < self._max_words and k + limit < len(words) and gaps[k + limit - 1] is not None:
            limit += 1
        for n in range(limit, 0, -1):
            candidates = self._index.get(_key(folded[k:k + n], gaps[k:k + n - 1]))
            if not candidates:
                continue
            surface = [t.text for t in words[k:k + n]]
            exact = [a for a in candidates if list(a.words) == surface]
            for alias in exact or candidates:
                if all(case_compatible(p, w) for p, w in zip(alias.words, surface)):
                    return n, alias
        return None


def _key(folded: list[str], gaps: list[str | None]) -> tuple[str, ...]:
    """Words interleaved with their separators: "" (space, hyphen, slash) or ","."""
    key = [folded[0]]
    for gap, word in zip(gaps, folded[1:]):
        key += [gap or "", word]
    return tuple(key)


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space) or token.text[:1].isalnum()


def _gap(doc: Doc, text: str, left: Token, right: Token) -> str | None:
    """How two neighbouring words are joined: "" or "," if they may belong to one
    name (spaces, hyphens, slashes; a comma as in ministry names), None otherwise."""
    between = doc[left.i + 1:right.i]
    gap = text[left.idx + len(left.text):right.idx]
    if gap.count("\n") > 1 or len(gap) > 3:
        return None
    if all(t.is_space or t.text in _JOINERS for t in between):
        return ""
    if [t.text for t in between if not t.is_space] == [","]:
        return ","
    return None


def _compound_tail(token: Token) -> bool:
    doc = token.doc
    return (
        token.i >= 2
        and doc[token.i - 1].text in ("-", "‐")
        and not doc[token.i - 1].whitespace_
        and not doc[token.i - 2].whitespace_
        and doc[token.i - 2].text[-1:].isalnum()
    )


@Language.factory(
    "sovkg_gazetteer",
    default_config={"spans_key": "sovkg_mentions", "method": "sovkg_gazetteer"},
    assigns=["doc.spans"],
)
def make_gazetteer(nlp: Language, name: str, spans_key: str, method: str) -> Gazetteer:
    register_extensions()
    return Gazetteer(nlp, name, spans_key=spans_key, method=method)
