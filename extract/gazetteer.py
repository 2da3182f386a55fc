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

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import srsly
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sovkg.extract.doctext import doc_text, doc_words
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
        self._prefixes: set[tuple[str, ...]] = set()

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
                gaps = [_gap(name, a, b) for a, b in zip(words, words[1:])]
                if words and None not in gaps:
                    key = _key([fold_word(t.text) for t in words], gaps)
                    index[key].append(_Alias(tuple(t.text for t in words), entry, preferred))
        for candidates in index.values():
            candidates.sort(key=lambda a: (not a.preferred, a.entry.key))
        self._index = dict(index)
        # every beginning of a known name (words and joints): a scan stops where none goes on
        self._prefixes = {key[:n] for key in index for n in range(1, len(key) + 1, 2)}

    def __call__(self, doc: Doc) -> Doc:
        """Add the matches that do not overlap what earlier components found; a place
        named with "in" inside an earlier mention is added as well."""
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        covering: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # token -> the mentions over it
        for s in existing:
            for i in range(s.start, s.end):
                covering[i].append((s.start, s.end, s.label_))
        # the mentions only their shape typed ("LibreOffice" looks like a project's name), a generic
        # type noun ("die Container-Plattform Kubernetes") or a company's short name ("Nextcloud"
        # without "GmbH" is mostly the product): a listed product knows better
        shaped_at = {(s.start, s.end): s for s in existing
                     if s._.sovkg_method in _SHAPE_METHODS | _NOUN_METHODS or _company_short_name(s)}
        added = []
        for span in self.find(doc):
            clashes = {t for i in range(span.start, span.end) for t in covering.get(i, ())}
            inside_place = span.label_ == "Place" and span.start > 0 and doc[span.start - 1].lower_ in ("in", "im")
            if inside_place and all(t[0] <= span.start and span.end <= t[1] and t[2] != "Place" for t in clashes):
                clashes = set()
            makers = [s for s in existing if span.start <= s.start and s.end <= span.end and _company_short_name(s)] \
                if clashes and self._is_product(span) else []
            if makers and len(makers) == len(clashes):  # "Collabora Online"
                for maker in makers:  # (the product's name holds its maker's)
                    existing.remove(maker)
                clashes = set()
            shaped = shaped_at.pop((span.start, span.end), None) if clashes else None
            if shaped is not None and shaped._.sovkg_method not in _SHAPE_METHODS and not self._is_product(span):
                shaped = None  # a type noun or the KB outranks a list's guess, unless the list names a product
            if shaped is not None:  # the lexicon knows the type a name's shape only guessed
                existing.remove(shaped)
            elif clashes:
                continue
            # (a span's extension values belong to its offsets: set once it is certain to be added)
            product = self._is_product(span)
            span._.sovkg_method = f"{self.method.split(':')[0]}:product" if product else self.method
            added.append(span)
        doc.spans[self.spans_key] = sorted(existing + added, key=lambda s: (s.start, s.end))
        return doc

    def _is_product(self, span: Span) -> bool:
        return not span.kb_id_ and (span._.sovkg_name, span.label_) in self._products

    def find(self, doc: Doc) -> Iterable[Span]:
        """Leftmost-longest matches, plus places named with "in" inside a longer name."""
        view = _WordView.of(doc)
        folded, k = view.folded, 0
        while k < len(folded):
            match = self._longest(view, k, len(folded)) if (folded[k],) in self._prefixes else None
            if match is not None and view.compound_tail(k):
                match = None
            if match is None:
                k += 1
                continue
            n, alias = match
            yield _span(doc, view.tokens[k], view.tokens[k + n - 1] + 1, alias.entry)
            yield from self._places_inside(doc, view, k, k + n)
            k += n

    def _places_inside(self, doc: Doc, view: _WordView, start: int, end: int) -> Iterable[Span]:
        """"Zentrum für angewandte KI in Duisburg" names Duisburg too."""
        for j in range(start + 1, end - 1):
            if view.texts[j].lower() != "in":
                continue
            inner = self._longest(view, j + 1, end)
            if inner is not None and inner[1].entry.type == "Place":
                n, alias = inner
                yield _span(doc, view.tokens[j + 1], view.tokens[j + n] + 1, alias.entry)

    def _longest(self, view: _WordView, k: int, end: int) -> tuple[int, _Alias] | None:
        """The longest known name starting at word ``k`` and ending before word ``end``."""
        key: tuple[str, ...] = (view.folded[k],)
        keys = []  # the known names' beginnings found here, shortest first
        while key in self._prefixes:
            keys.append(key)
            n = (len(key) + 1) // 2
            if k + n >= end or view.gap(k + n - 1) is None:
                break
            key = (*key, view.gap(k + n - 1) or "", view.folded[k + n])
        for key in reversed(keys):
            candidates = self._index.get(key)
            if not candidates:
                continue
            n = (len(key) + 1) // 2
            surface = view.texts[k:k + n]
            exact = [a for a in candidates if list(a.words) == surface]
            for alias in exact or candidates:
                if all(case_compatible(p, w) for p, w in zip(alias.words, surface)) \
                        and (alias.entry.type != "Place" or _place_form(alias.words[-1], surface[-1])) \
                        and (n > 1 or _word_form(alias.words[0], surface[0])):
                    return n, alias
        return None


class _WordView:
    """A doc's words (tokens that are not punctuation) as strings, built once per doc from
    its arrays and shared by the gazetteer and the lexicon: most words start no name, so
    no ``Token`` is built for them, and the joints between words are read only where a
    name may continue."""

    _KEY = "sovkg_gazetteer_words"

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.doc_words = doc_words(doc)
        flags = doc.to_array([IS_PUNCT, IS_SPACE, IDX, SPACY]).tolist()
        self.space_after = [bool(row[3]) for row in flags]
        self.tokens = [i for i, (punct, space, _idx, _ws) in enumerate(flags)  # :func:`_is_word`, from the arrays
                       if not (punct or space) or self.doc_words[i][:1].isalnum()]
        self.texts = [self.doc_words[i] for i in self.tokens]
        self.folded = [fold_word(w) for w in self.texts]
        self.starts = [flags[i][2] for i in self.tokens]
        self._gaps: dict[int, str | None] = {}

    @classmethod
    def of(cls, doc: Doc) -> _WordView:
        view = doc.user_data.get(cls._KEY)
        if view is None:
            view = doc.user_data[cls._KEY] = cls(doc)
        return view

    def gap(self, j: int) -> str | None:
        """How words ``j`` and ``j + 1`` are joined (:func:`_joint`)."""
        if j not in self._gaps:
            self._gaps[j] = _joint(self.text[self.starts[j] + len(self.texts[j]):self.starts[j + 1]])
        return self._gaps[j]

    def compound_tail(self, k: int) -> bool:
        """Word ``k`` is the tail of a hyphenated compound ("NRW-Landesregierung")."""
        i = self.tokens[k]
        return i >= 2 and self.doc_words[i - 1] in ("-", "‐") and not self.space_after[i - 1] \
            and not self.space_after[i - 2] and self.doc_words[i - 2][-1:].isalnum()


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
#: the rules that type a name by the type noun before it
_NOUN_METHODS = frozenset({"sovkg_patterns:apposition"})


def _company_short_name(span: Span) -> bool:
    """A knowledge-base company named without its legal form ("Nextcloud", not "Nextcloud GmbH")."""
    return bool(span.kb_id_) and span.label_ == "Company" and not _LEGAL_FORM.search(span.text)


#: a company's legal form at the end of its name
_LEGAL_FORM = re.compile(r"\b(?:GmbH|AG|SE|KG|KGaA|UG|Inc\.?|Ltd\.?|LLC|Corporation|Corp\.?)$")


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


def _gap(text: str, left: Token, right: Token) -> str | None:
    return _joint(text[left.idx + len(left.text):right.idx])


def _joint(gap: str) -> str | None:
    """How two neighbouring words are joined, given what stands between them: "" or ","
    if they may belong to one name (spaces, hyphens, slashes; a comma as in ministry
    names), None otherwise."""
    if not gap or gap == " ":
        return ""
    if len(gap) > 3 or gap.count("\n") > 1:
        return None
    core = "".join(ch for ch in gap if not ch.isspace())
    if not core or all(ch in _JOINERS for ch in core):
        return ""
    return "," if core == "," else None


@Language.factory(
    "sovkg_gazetteer",
    default_config={"spans_key": "sovkg_mentions", "method": "sovkg_gazetteer:kb-alias"},
    assigns=["doc.spans"],
)
def make_gazetteer(nlp: Language, name: str, spans_key: str, method: str) -> Gazetteer:
    register_extensions()
    return Gazetteer(nlp, name, spans_key=spans_key, method=method)
