"""What the learned NER model adds to the rules: names nobody listed, and a check on weak guesses.

The rules know the genre (type nouns, the knowledge base, document structure) but
guess at names from surface shape: a quoted or capitalised word nobody listed becomes
an "initiative" ("Babyland", "Soundlogo"). The model (``sovkg.extract.ner_model``,
trained on court decisions, news and Wikipedia) has learned what a German name looks
like. This component

* drops a weak guess that the model does not take for a name either: a quotation no
  type noun announces („Critical“, „Shoulder Surfing“ in a security report), or one
  plain word found only by its quotes or its shape. It runs the model on the sentences
  that hold such guesses only, so a document without any costs nothing;
* with ``propose`` (``sovkg build --ner``: the model runs over the whole text) also adds
  a person the model finds that no rule did (two words or more), and an organisation
  whose head noun gives it a contract type ("… Zweckverband …" → Organization,
  "… Landesamt …" → GovernmentBody). No type is a default: a name without such evidence
  stays out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from sovkg.extract.doctext import doc_text
from sovkg.extract.extensions import register_extensions
from sovkg.extract.normalize import fold_word
from sovkg.extract.pipeline_data import content_lines

#: rules whose single-word guesses the model must confirm
WEAK_RULES = frozenset({"sovkg_patterns:quoted", "sovkg_patterns:shape", "sovkg_patterns:repeated"})
#: rules whose guesses the model must confirm whatever their length
UNTYPED_RULES = frozenset({"sovkg_patterns:quoted-untyped"})
_PLAIN_WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+$")


class NameModel:
    """Runs the learned NER model and reconciles its names with the rules' mentions."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, model: str, propose: bool) -> None:
        self.name = name
        self.spans_key = spans_key
        self.model_name = model
        self.propose = propose
        self._model: Language | None = None
        self.heads: dict[str, str] = {}
        self.first_names: frozenset[str] = frozenset()
        self.known_words: frozenset[str] = frozenset()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, type_nouns: str = "",
                   first_names: str = "", known_words: str = "") -> None:
        """The type nouns that give a name its type, the first names and the common words
        that tell a person's name from a phrase (data files named in ``pipeline.cfg``)."""
        rows = [line.split("\t") for line in content_lines(type_nouns)]
        self.heads = {fold_word(row[0]): row[1] for row in rows}
        self.first_names = frozenset(line.split("\t")[0] for line in content_lines(first_names))
        self.known_words = frozenset(content_lines(known_words))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the word lists it was initialised with (the model is named, not copied)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / "data.json.gz", {"heads": self.heads, "first_names": sorted(self.first_names),
                                                      "known_words": sorted(self.known_words)})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NameModel:
        data = srsly.read_gzip_json(Path(path) / "data.json.gz")
        self.heads = dict(data["heads"])
        self.first_names, self.known_words = frozenset(data["first_names"]), frozenset(data["known_words"])
        return self

    @property
    def model(self) -> Language:
        """The NER model, loaded on first use: "default" is the one the package ships."""
        if self._model is None:
            import spacy
            from sovkg.extract.ner_model import model_path, with_numpy_blas

            path = model_path() if self.model_name == "default" else self.model_name
            self._model = with_numpy_blas(spacy.load(path, exclude=["tagger", "parser", "lemmatizer"]))
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        starts = {s.start for s in existing}
        joined = [self._hyphen_joined(doc, s, starts) for s in existing]
        if any(j is not s for j, s in zip(joined, existing)):
            existing = doc.spans[self.spans_key] = joined
        weak = [s for s in existing if self._weak(s)]
        if not weak and not self.propose:
            return doc
        found = self._names(doc, weak)
        kept = [s for s in existing if not (self._weak(s) and not _overlaps(s, found))]
        added = list(self._proposals(doc, found, kept)) if self.propose else []
        doc.spans[self.spans_key] = sorted(kept + added, key=lambda s: (s.start, s.end))
        return doc

    def _hyphen_joined(self, doc: Doc, span: Span, starts: set[int]) -> Span:
        """ "Landkreis Marburg-Biedenkopf", "Berlin-Wilmersdorf", "Kreis Siegen-Wittgenstein": a
        place (or a body named by its place), joined by a hyphen to a name no list of words
        knows, is one place with it; not "NRW-Landesregierung", "Bayern-Cloud". Here, after
        every list and rule has had its say, so that it holds with and without the KB."""
        method = span._.sovkg_method or ""
        if not (span.label_ == "Place" or method.endswith(":body-at-place")) or \
                doc[span.end - 1].text in _NO_DISTRICTS or _inside_a_name(doc, span.start):
            return span  # "des Deutschland-Stacks"; "die RPTU Kaiserslautern-Landau": a place inside a name
        end = span.end
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and end + 1 not in starts and _joined_name(doc[end + 1].text) \
                and doc[end + 1].text.casefold() not in self.known_words:
            end += 2
        if end == span.end:
            return span
        joined = Span(doc, span.start, end, label=span.label_)
        joined._.sovkg_method = method
        joined._.sovkg_name = doc[span.start:end].text
        return joined

    def _names(self, doc: Doc, weak: list[Span]) -> list[tuple[int, int, str]]:
        """The model's names (character offsets in the doc): of the whole text when it
        proposes, else of the sentences holding a weak guess."""
        if self.propose:
            return [(e.start_char, e.end_char, e.label_) for e in self.model(doc_text(doc)).ents]
        sentences = sorted({(s.sent.start_char, s.sent.end_char) for s in weak})
        texts = [doc_text(doc)[start:end] for start, end in sentences]
        return [(start + e.start_char, start + e.end_char, e.label_)
                for (start, _), parsed in zip(sentences, self.model.pipe(texts)) for e in parsed.ents]

    def _weak(self, span: Span) -> bool:
        method = span._.sovkg_method
        return method in UNTYPED_RULES or bool(method in WEAK_RULES and len(span) == 1 and _PLAIN_WORD.match(span.text))

    def _proposals(self, doc: Doc, found: list[tuple[int, int, str]], kept: list[Span]) -> Iterable[Span]:
        taken = [(s.start_char, s.end_char) for s in kept]
        for start, end, label in found:
            if any(s < end and start < e for s, e in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is None:
                continue
            kind = self._type(span, label)
            if kind is None:
                continue
            proposal = Span(doc, span.start, span.end, label=kind)
            proposal._.sovkg_method = f"{self.name}:model-{label.lower()}"
            proposal._.sovkg_name = re.sub(r"\s+", " ", span.text)
            taken.append((start, end))
            yield proposal

    def _type(self, span: Span, label: str) -> str | None:
        """The contract type the model's name has evidence for, or None."""
        if label == "PER":  # "Klaus Tschira Stiftung": a person's name on a body is the body's
            return "Person" if self._person(span) else self._organisation(span)
        return self._organisation(span) if label == "ORG" else None

    def _organisation(self, span: Span) -> str | None:
        """The type a head noun in the name gives it ("… Zweckverband …" → Organization)."""
        typed = [(t, self.heads.get(fold_word(t.text)) or _head_type(t.text)) for t in span]
        head, kind = next(((t, k) for t, k in typed if k), (None, None))
        first = span[0]
        if kind is None or (first is not head and first.text.casefold() in self.known_words):
            return None  # "Hand GmbH" of "der öffentlichen Hand GmbH …": a phrase, no name
        return kind

    def _person(self, span: Span) -> bool:
        """Two capitalised words or more, with a first name or a title or role before them."""
        words = [t for t in span if t.is_alpha]
        if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
            return False
        if any(self.heads.get(fold_word(t.text)) or _head_type(t.text) for t in words):
            return False  # "Klaus Tschira Stiftung": a body named after a person
        before = span.doc[span.start - 1].text if span.start else ""
        return words[0].text in self.first_names or before in _BEFORE_PERSONS


#: words before a person's name: titles, forms of address, roles
_BEFORE_PERSONS = frozenset({"Dr.", "Prof.", "Frau", "Herr", "Herrn", "Minister", "Ministerin", "Staatssekretär",
                             "Staatssekretärin", "Abgeordnete", "Abgeordneten", "Präsident", "Präsidentin",
                             "Direktor", "Direktorin", "Leiter", "Leiterin", "Sprecher", "Sprecherin"})

_HEAD_SUFFIXES = (("ministerium", "GovernmentBody"), ("amt", "GovernmentBody"), ("behörde", "GovernmentBody"),
                  ("universität", "ResearchOrganization"), ("hochschule", "ResearchOrganization"),
                  ("institut", "ResearchOrganization"), ("verband", "Organization"), ("verein", "Organization"),
                  ("stiftung", "Organization"), ("gmbh", "Company"), ("ag", "Company"))


def _head_type(word: str) -> str | None:
    lowered = word.casefold().rstrip(".")
    return next((kind for suffix, kind in _HEAD_SUFFIXES if lowered.endswith(suffix) and len(lowered) > 3), None)


def _overlaps(span: Span, found: list[tuple[int, int, str]]) -> bool:
    return any(s < span.end_char and span.start_char < e for s, e, _ in found)


@Language.factory(
    "sovkg_names",
    default_config={"spans_key": "sovkg_mentions", "model": "default", "propose": False},
    assigns=["doc.spans"],
)
def make_name_model(nlp: Language, name: str, spans_key: str, model: str, propose: bool) -> NameModel:
    register_extensions()
    return NameModel(nlp, name, spans_key=spans_key, model=model, propose=propose)


#: a country's or continent's name hyphenated to a word names a programme ("Deutschland-Stack"), not a district
_NO_DISTRICTS = frozenset({"Deutschland", "Europa", "EU"})


def _inside_a_name(doc: Doc, start: int) -> bool:
    """An acronym or abbreviation right before the place: the place is part of a longer name
    ("RPTU Kaiserslautern-Landau", "… e. V. Meppen-Emsland Mitte"); a noun such as "die
    Bezirksämter Marzahn-Hellersdorf" is not."""
    return start > 0 and doc[start - 1].text.isupper() and not doc[start - 1].is_sent_start


def _joined_name(word: str) -> bool:
    """A capitalised word of letters only: the second half of "Marburg-Biedenkopf"."""
    return len(word) > 2 and word.isalpha() and word[:1].isupper() and not word.isupper()
