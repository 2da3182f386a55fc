"""Running the pipeline over documents and turning spaCy docs into records.

The pipeline sees the analysed text (:mod:`sovkg.extract.layout`); every offset in
the records is mapped back to the text as read, and every text in them is cut from
it, so that evidence can be located exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from sovkg.extract.doctext import doc_text
from sovkg.extract.layout import TextView, analysed_view, hard_wrapped, unwrapped
from sovkg.extract.structure import land_of, parse_structure, with_parliament
from sovkg.extract.records import (
    DocumentExtraction,
    DocumentPart,
    Mention,
    RelationCandidate,
    Role,
    Section,
    Sentence,
    SourceDocument,
)

MENTIONS_KEY = "sovkg_mentions"


#: Longest text the pipeline sees at once: a longer document is analysed in sections
#: (cut at paragraph breaks), its structure read from the whole text, so any length builds
#: in bounded memory and every offset still refers to the whole text.
SECTION_CHARS = 100_000

#: Characters the pipeline analyses in one batch: a budget in characters, not in documents,
#: bounds the memory whatever the documents' lengths, and short texts still go through the
#: models many at once (the parser steps through a batch's texts together).
BATCH_CHARS = 100_000

#: where a section belongs: its document's index, its offset there, whether it is the last
_Section = tuple[int, int, bool]


def _laid_out(document: SourceDocument) -> bool:
    """Text laid out in lines, whose line breaks are the layout's: a PDF, a PDF's text layer
    saved with form feeds between its pages (as ``pdftotext`` writes it), or one saved
    without them whose lines visibly wrap (:func:`~sovkg.extract.layout.hard_wrapped`)."""
    return document.format == "pdf" or len(document.pages) > 1 or hard_wrapped(document.text)


def extract_documents(
    documents: Sequence[SourceDocument],
    nlp: Language,
    *,
    on_document: Callable[[SourceDocument], None] | None = None,
) -> list[DocumentExtraction]:
    """Run ``nlp`` over the documents, in order; ``on_document`` is called after each."""
    lines = [analysed_view(d.text, drop=d.furniture) for d in documents]
    views = [replace(line, text=unwrapped(line.text)) if _laid_out(d) else line for d, line in zip(documents, lines)]
    results = []
    pending: list[DocumentExtraction] = []
    for batch in _batches(_sections(nlp, documents, views, lines), BATCH_CHARS):
        for doc, (index, offset, last) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            pending.append(to_records(documents[index], _Offset(views[index], offset), doc))
            if last:
                results.append(with_parliament(_joined(pending)))
                pending = []
                if on_document is not None:
                    on_document(documents[index])
    return results


def _batches(sections: Iterable[tuple[Doc, _Section]], limit: int) -> Iterator[list[tuple[Doc, _Section]]]:
    """The sections in batches of at most ``limit`` characters (a longer one alone)."""
    batch: list[tuple[Doc, _Section]] = []
    size = 0
    for section in sections:
        if batch and size + len(section[0].text) > limit:
            yield batch
            batch, size = [], 0
        batch.append(section)
        size += len(section[0].text)
    if batch:
        yield batch


def _sections(nlp: Language, documents: Sequence[SourceDocument], views: Sequence[TextView],
              lines: Sequence[TextView]) -> Iterable[tuple[Doc, _Section]]:
    """Each document as one doc, or a long one as several (with its whole structure).

    The structure of a text laid out in lines is read from its lines (a title over three
    lines, a question's number at a line start); the pipeline reads the lines run on into
    sentences. Unwrapping keeps every offset, so one structure fits both."""
    for index, (source, view, laid) in enumerate(zip(documents, views, lines)):
        furniture = tuple(source.text[s:e] for s, e in source.furniture)
        bounds = section_bounds(view.text, SECTION_CHARS)
        parts = parse_structure(laid.text, furniture=furniture, title=source.title) \
            if len(bounds) > 1 or laid is not view else None
        for number, (start, end) in enumerate(bounds):
            doc = nlp.make_doc(view.text[start:end])
            doc.user_data["sovkg_furniture"] = furniture
            doc.user_data["sovkg_title"] = source.title
            if parts is not None:
                doc.user_data["sovkg_parts"] = tuple(_shifted(part, -start) for part in parts)
            yield doc, (index, start, number == len(bounds) - 1)


def section_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """``text`` cut into pieces of at most ``limit`` characters, at paragraph breaks where
    it has them, else at line ends, else at a sentence's end."""
    bounds, start = [], 0
    while len(text) - start > limit:
        window = (start + limit // 2, start + limit)
        cut = next((found + len(mark) for mark in ("\n\n", "\n", ". ")
                    if (found := text.rfind(mark, *window)) != -1), start + limit)
        bounds.append((start, cut))
        start = cut
    return bounds + [(start, len(text))]


class _Offset:
    """The view of a section: its positions are the whole analysed text's minus ``offset``."""

    def __init__(self, view: TextView, offset: int) -> None:
        self.view, self.offset = view, offset

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.view.to_source(start + self.offset, end + self.offset)


def _shifted(part: DocumentPart, delta: int) -> DocumentPart:
    """``part`` with every offset moved by ``delta`` (its texts stay as they are)."""
    def role(r: Role | None) -> Role | None:
        return replace(r, start=r.start + delta, end=r.end + delta) if r is not None else None

    return replace(
        part, start=part.start + delta, end=part.end + delta,
        askers=tuple(map(role, part.askers)), party=role(part.party), answered_by=role(part.answered_by),
        on_behalf_of=role(part.on_behalf_of), publisher=role(part.publisher),
        in_agreement_with=tuple(map(role, part.in_agreement_with)),
        answers=_shifted(part.answers, delta) if part.answers is not None else None,
        sections=tuple(replace(s, start=s.start + delta, end=s.end + delta) for s in part.sections),
    )


def _joined(pieces: list[DocumentExtraction]) -> DocumentExtraction:
    """The records of a document's sections as the document's (structure from the first)."""
    if len(pieces) == 1:
        return pieces[0]
    first = pieces[0]
    return replace(
        first,
        sentences=tuple(sorted({s for p in pieces for s in p.sentences})),
        mentions=tuple(sorted(m for p in pieces for m in p.mentions)),
        candidates=tuple(c for p in pieces for c in p.candidates),
        aliases=tuple(dict(a for p in pieces for a in p.aliases).items()),
    )


def to_records(source: SourceDocument, view: TextView, doc: Doc) -> DocumentExtraction:
    text = doc_text(doc)
    mentions: list[Mention] = []
    sents = list(doc.sents)  # (``span.sent`` walks the doc for every mention)
    starts = [sent.start for sent in sents]
    sentences: dict[int, Sentence] = {}
    for span in _mention_spans(doc):
        k = bisect_right(starts, span.start) - 1
        if k not in sentences:
            sentences[k] = _sentence_record(source, view, text, sents[k])
        sentence = sentences[k]
        start, end = view.to_source(span.start_char, span.end_char)
        mentions.append(
            Mention(
                doc_key=source.key,
                start=start,
                end=end,
                text=source.text[start:end],
                entity_key=span.kb_id_,
                label=span.label_,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                method=span._.sovkg_method or "unknown",
                name=span._.sovkg_name or collapse(span.text),
            )
        )
    parts = tuple(_mapped_part(part, view, source.text) for part in doc._.sovkg_parts)
    return DocumentExtraction(
        document=source,
        sentences=tuple(sorted(set(sentences.values()))),
        mentions=tuple(sorted(mentions)),
        parts=parts,
        aliases=tuple(doc.user_data.get("sovkg_aliases", {}).items()),
        candidates=tuple(_mapped_candidate(c, view) for c in doc.user_data.get("sovkg_relations", ())),
        land=land_of(parts, text),
    )


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _mention_spans(doc: Doc) -> Iterable[Span]:
    return doc.spans[MENTIONS_KEY] if MENTIONS_KEY in doc.spans else ()


def _sentence_record(source: SourceDocument, view: TextView, text: str, sent: Span) -> Sentence:
    """The sentence without surrounding whitespace, offsets into the source text."""
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    start, end = view.to_source(start, end)
    return Sentence(doc_key=source.key, start=start, end=end, text=source.text[start:end])


def _mapped_role(role: Role | None, view: TextView, text: str) -> Role | None:
    if role is None:
        return None
    start, end = view.to_source(role.start, role.end)
    return replace(role, start=start, end=end, text=text[start:end])


def _mapped_candidate(found, view: TextView) -> RelationCandidate:
    """A rule's relation with its offsets mapped back to the source text."""
    return replace(
        found,
        subject=view.to_source(*found.subject),
        object=view.to_source(*found.object) if found.object is not None else None,
        sentence=view.to_source(*found.sentence),
        cue=collapse(found.cue),
        rule=found.rule if ":" in found.rule else f"sovkg_relations:{found.rule}",
        anaphor=view.to_source(*found.anaphor) if found.anaphor is not None else None,
        antecedent=view.to_source(*found.antecedent) if found.antecedent is not None else None,
    )


def _mapped_section(section: Section, view: TextView, text: str) -> Section:
    start, end = view.to_source(section.start, section.end)
    return replace(section, start=start, end=end, text=text[start:end])


def _mapped_part(part: DocumentPart, view: TextView, text: str) -> DocumentPart:
    start, end = view.to_source(part.start, part.end)
    return replace(
        part,
        start=start,
        end=end,
        askers=tuple(_mapped_role(r, view, text) for r in part.askers),
        party=_mapped_role(part.party, view, text),
        answered_by=_mapped_role(part.answered_by, view, text),
        on_behalf_of=_mapped_role(part.on_behalf_of, view, text),
        in_agreement_with=tuple(_mapped_role(r, view, text) for r in part.in_agreement_with),
        publisher=_mapped_role(part.publisher, view, text),
        answers=_mapped_part(part.answers, view, text) if part.answers is not None else None,
        sections=tuple(_mapped_section(s, view, text) for s in part.sections),
    )
