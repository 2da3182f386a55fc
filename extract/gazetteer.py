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
from dataclasses import asdict, dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sovkg.extract.doctext import doc_text
from sovkg.extract.extensions import register_extensions
from sovkg.extract.normalize import case_compatible, fold_word
from sovkg.kb import KBEntry

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
        self._entries: tuple[KBEntry, ...] = ()
        self._index: dict[tuple[str, ...], list[_Alias]] = {}
        self._first: dict[str, int] = {}
        self._max_words = 0

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None, entries: list | None = None) -> None:
        """Index ``entries`` (:class:`KBEntry`): a knowledge base and lexicons, as
        ``pipeline.cfg`` reads them (:func:`sovkg.extract.pipeline_data.kb_entries`).
        spaCy checks these settings and hands over the entries as dicts."""
        self.set_entries(_as_entry(e) for e in entries or ())

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the entries (the index is rebuilt from them on loading)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "entries.json", [asdict(e) for e in self._entries])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Gazetteer:
        self.set_entries(_as_entry(row) for row in srsly.read_json(Path(path) / "entries.json"))
        return self

    def set_entries(self, entries: Iterable[KBEntry]) -> None:
        self._entries = tuple(entries)
        self._products = {(e.label, e.type) for e in self._entries if e.product}
        index: dict[tuple[str, ...], list[_Alias]] = defaultdict(list)
        for entry in self._entries:
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
        # longest name starting with each word: most positions start no name at all
        self._first: dict[str, int] = {}
        for key, candidates in index.items():
            words = max(len(a.words) for a in candidates)
            self._first[key[0]] = max(self._first.get(key[0], 0), words)

    def __call__(self, doc: Doc) -> Doc:
        """Add the matches that do not overlap what earlier components found; a place
        named with "in" inside an earlier mention is added as well."""
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        covering: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # token -> the mentions over it
        for s in existing:
            for i in range(s.start, s.end):
                covering[i].append((s.start, s.end, s.label_))
        # the mentions only their shape typed ("LibreOffice" looks like a project's name)
        shaped_at = {(s.start, s.end): s for s in existing if s._.sovkg_method in _SHAPE_METHODS}
        added = []
        for span in self.find(doc):
            clashes = {t for i in range(span.start, span.end) for t in covering.get(i, ())}
            inside_place = span.label_ == "Place" and span.start > 0 and doc[span.start - 1].lower_ in ("in", "im")
            if inside_place and all(t[0] <= span.start and span.end <= t[1] and t[2] != "Place" for t in clashes):
                clashes = set()
            shaped = shaped_at.pop((span.start, span.end), None) if clashes else None
            if shaped is not None:  # the lexicon knows the type a name's shape only guessed
                existing.remove(shaped)
            elif clashes:
                continue
            # (a span's extension values belong to its offsets: set once it is certain to be added)
            product = not span.kb_id_ and (span._.sovkg_name, span.label_) in self._products
            span._.sovkg_method = f"{self.method.split(':')[0]}:product" if product else self.method
            added.append(span)
        doc.spans[self.spans_key] = sorted(existing + added, key=lambda s: (s.start, s.end))
        return doc

    def find(self, doc: Doc) -> Iterable[Span]:
        """Leftmost-longest matches, plus places named with "in" inside a longer name."""
        words = [t for t in doc if _is_word(t)]
        folded = [fold_word(t.text) for t in words]
        text = doc_text(doc)
        gaps = [_gap(doc, text, a, b) for a, b in zip(words, words[1:])]
        k = 0
        while k < len(words):
            match = self._longest(words, folded, gaps, k) if folded[k] in self._first else None
            if match is not None and _compound_tail(words[k]):
                match = None
            if match is None:
                k += 1
                continue
            n, alias = match
            yield _span(doc, words[k].i, words[k + n - 1].i + 1, alias.entry)
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
                yield _span(words[0].doc, words[j + 1].i, words[j + n].i + 1, alias.entry)

    def _longest(self, words: list[Token], folded: list[str], gaps: list[str | None],
                 k: int) -> tuple[int, _Alias] | None:
        longest = self._first.get(folded[k])
        if longest is None:
            return None
        limit = 1
        while limit < longest and k + limit < len(words) and gaps[k + limit - 1] is not None:
            limit += 1
        for n in range(limit, 0, -1):
            candidates = self._index.get(_key(folded[k:k + n], gaps[k:k + n - 1]))
            if not candidates:
                continue
            surface = [t.text for t in words[k:k + n]]
            exact = [a for a in candidates if list(a.words) == surface]
            for alias in exact or candidates:
                if all(case_compatible(p, w) for p, w in zip(alias.words, surface)) \
                        and (alias.entry.type != "Place" or _place_form(alias.words[-1], surface[-1])) \
                        and (n > 1 or _word_form(alias.words[0], surface[0])):
                    return n, alias
        return None


def _place_form(name: str, word: str) -> bool:
    """A place name inflects only in the genitive ("Europas", "des Saarlandes"); "Heidelberger",
    "Hessische" are adjectives made from it and name a property, not the place."""
    name, word = name.casefold(), word.casefold()
    return word in (name, name + "s", name + "es") or not word[-1:].isalpha()


#: the endings a one-word name takes in German ("des Landtages", "der Linken")
_ENDINGS = frozenset({"s", "es", "n", "en", "ns", "e", "er", "em"})


def _word_form(name: str, word: str) -> bool:
    """A one-word name is its word with an ending; one the folding merely brings close is
    another word ("Links" is no form of the party "Linke"). Short names (acronyms, and
    their OCR damage "Kl" for "KI") are left to the folding."""
    name, word = name.casefold(), word.casefold()
    return len(name) <= 3 or word == name or word.startswith(name) and word[len(name):] in _ENDINGS


def _span(doc: Doc, start: int, end: int, entry: KBEntry) -> Span:
    span = Span(doc, start, end, label=entry.type, kb_id=entry.key)
    if not entry.key:  # a lexicon term: link by its canonical name
        span._.sovkg_name = entry.label
    return span


#: the rules that type a name by its shape alone: the lexicon knows better
_SHAPE_METHODS = frozenset({"sovkg_patterns:shape"})


def _as_entry(value: KBEntry | dict) -> KBEntry:
    if isinstance(value, KBEntry):
        return value
    return KBEntry(**{**value, "aliases": tuple(value.get("aliases") or ())})


def parse_lexicon(name: str, text: str) -> list[KBEntry]:
    """Entries (without keys) of a lexicon's text, by the layout its file name says.

    ``terms.tsv``: surface, type, canonical name; ``places.tsv``: name, kind, source,
    aliases; ``parties.tsv``: canonical name, forms.
    """
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    grouped: dict[tuple[str, str], set[str]] = defaultdict(set)
    products: set[tuple[str, str]] = set()
    for row in rows:
        if name.startswith("places"):
            grouped[(row[0], "Place")].update(a for a in (row[3].split("|") if len(row) > 3 else []) if a)
        elif name.startswith("parties"):
            grouped[(row[0], "Party")].update(row[1].split("|"))
        else:
            surface, type_, canonical = row[0], row[1], row[2] if len(row) > 2 and row[2] else row[0]
            grouped[(canonical, type_)].add(surface)
            if len(row) > 3 and row[3] == "product":
                products.add((canonical, type_))
    return [KBEntry("", label, type_, tuple(sorted(aliases - {label})), product=(label, type_) in products)
            for (label, type_), aliases in sorted(grouped.items())]


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
    gap = text[left.idx + len(left.text):right.idx]
    if not gap or gap == " ":
        return ""
    if len(gap) > 3 or gap.count("\n") > 1:
        return None
    core = "".join(ch for ch in gap if not ch.isspace())
    if not core or all(ch in _JOINERS for ch in core):
        return ""
    return "," if core == "," else None


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
    default_config={"spans_key": "sovkg_mentions", "method": "sovkg_gazetteer:kb-alias"},
    assigns=["doc.spans"],
)
def make_gazetteer(nlp: Language, name: str, spans_key: str, method: str) -> Gazetteer:
    register_extensions()
    return Gazetteer(nlp, name, spans_key=spans_key, method=method)
