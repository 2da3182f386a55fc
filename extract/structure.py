"""Reading the structure of parliamentary papers: who asked, who answered, what.

The reading itself is done by the document layouts of :mod:`sovkg.extract.layouts`,
one per parliament or family of layouts, chosen through a registry;
:func:`parse_structure` is their entry point. The ``sovkg_structure`` component at the
end runs it inside the spaCy pipeline and adds the roles (members, parties,
ministries) as mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from sovkg.extract.doctext import doc_text
from sovkg.extract.extensions import register_extensions
from sovkg.extract.layouts import parse_document
from sovkg.extract.layouts.common import government_name, iso_date, land_of_parliament, ministry_name, parliament_named
from sovkg.extract.layouts.standard import land_named_most
from sovkg.extract.records import PARLIAMENT_METHOD, DocumentExtraction, DocumentPart, Mention, Role, Sentence

__all__ = ["StructureReader", "iso_date", "land_of", "ministry_name", "parse_structure"]


def parse_structure(text: str, *, furniture: Sequence[str] = (), title: str | None = None) -> list[DocumentPart]:
    """The documents in ``text`` (the analysed text) with offsets into it."""
    return parse_document(text, furniture=furniture, title=title)


#: how far from where a paper's part begins its header may name the parliament
_HEAD_CHARS = 2000


def with_parliament(item: DocumentExtraction) -> DocumentExtraction:
    """The document's records with its parliament, as its header names it ("LANDTAG DES
    SAARLANDES", "Deutscher Bundestag   Drucksache 21/2874"), as a mention of the body.

    Why here and not in the pipeline: the header is often a running header repeated on
    every page, furniture the pipeline never reads, and the parliament is a node analysts
    ask for (which Landtag's papers name an initiative). Its name is the one
    ``parliaments.tsv`` gives, however the header spells it; a mention inside the header
    ("LANDTAG" as a term) gives way to it."""
    text, found = item.document.text, []
    for part in item.parts:
        known = parliament_named(part.parliament) if part.in_file else None
        match = known.pattern.search(text, max(0, part.start - _HEAD_CHARS),
                                     min(len(text), part.start + _HEAD_CHARS)) if known else None
        if known is not None and match is not None and all(m.start != match.start() for m in found):
            start = text.rfind("\n", 0, match.start()) + 1  # the header line is its sentence
            end = start + len(text[start:_line_end(text, match.end())].rstrip())
            found.append(Mention(item.document.key, match.start(), match.end(), match.group(0), "", "GovernmentBody",
                                 start, end, PARLIAMENT_METHOD, known.name))
    if not found:
        return item
    kept = [m for m in item.mentions if not any(f.start <= m.start and m.end <= f.end for f in found)]
    lines = {Sentence(m.doc_key, m.sentence_start, m.sentence_end, text[m.sentence_start:m.sentence_end])
             for m in found}
    return replace(item, mentions=tuple(sorted([*kept, *found])),
                   sentences=tuple(sorted(set(item.sentences) | lines)))


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end == -1 else end


def land_of(parts: Sequence[DocumentPart], text: str) -> str | None:
    """The Land of a document: its parliament's, else the one its text names most."""
    for part in parts:
        if part.parliament == "Deutscher Bundestag":
            return None
        land = land_of_parliament(part.parliament)
        if land:
            return government_name("Landesregierung", part.parliament).removeprefix("Landesregierung ")
    guess = land_named_most(text)
    return guess.removeprefix("Landtag ") if guess else None


# --- the spaCy component ---------------------------------------------------------------


class StructureReader:
    """Runs :func:`parse_structure` and adds its roles to the mentions.

    A role that a recogniser already marked keeps that mention (and its link); a role
    no recogniser found becomes a mention of its own, labelled with its canonical name.
    """

    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        # a section of a long document comes with the structure read from the whole text
        parts = doc.user_data.get("sovkg_parts")
        if parts is None:
            parts = parse_structure(doc_text(doc), furniture=doc.user_data.get("sovkg_furniture", ()),
                                    title=doc.user_data.get("sovkg_title"))
        doc._.sovkg_parts = tuple(parts)
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        taken = {(s.start_char, s.end_char) for s in existing}
        added = []
        for role in _roles(parts):
            if (role.start, role.end) in taken or not 0 <= role.start < role.end <= len(doc_text(doc)):
                continue
            span = doc.char_span(role.start, role.end, label=role.type, alignment_mode="expand")
            if span is None or any(_overlaps(span, other) for other in existing + added):
                continue
            span._.sovkg_method = role.rule
            span._.sovkg_name = role.name
            added.append(span)
            taken.add((role.start, role.end))
        if added:
            doc.spans[self.spans_key] = sorted(existing + added, key=lambda s: (s.start, s.end))
        return doc


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _roles(parts: Iterable[DocumentPart]) -> Iterable[Role]:
    for part in parts:
        yield from part.askers
        for role in (part.party, part.answered_by, part.on_behalf_of, part.publisher):
            if role is not None:
                yield role
        yield from part.in_agreement_with
        if part.answers is not None and not part.answers.in_file:
            yield from _roles([part.answers])


@Language.factory(
    "sovkg_structure",
    default_config={"spans_key": "sovkg_mentions"},
    assigns=["doc._.sovkg_parts", "doc.spans"],
)
def make_structure_reader(nlp: Language, name: str, spans_key: str) -> StructureReader:
    register_extensions()
    return StructureReader(name, spans_key=spans_key)
