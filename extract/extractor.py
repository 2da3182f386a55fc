"""Running the pipeline over documents and turning spaCy docs into records.

The pipeline sees the analysed text (:mod:`sovkg.extract.layout`); every offset in
the records is mapped back to the text as read, and every text in them is cut from
it, so that evidence can be located exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from sovkg.extract.doctext import doc_text
from sovkg.extract.layout import TextView, analysed_view
from sovkg.extract.structure import land_of
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


def extract_documents(
    documents: Sequence[SourceDocument],
    nlp: Language,
    *,
    on_document: Callable[[SourceDocument], None] | None = None,
) -> list[DocumentExtraction]:
    """Run ``nlp`` over the documents, in order; ``on_document`` is called after each."""
    views = [analysed_view(d.text, drop=d.furniture, unwrap=d.format == "pdf") for d in documents]
    results = []
    docs = nlp.pipe(_prepared(nlp, documents, views))
    for source, view, doc in zip(documents, views, docs):
        results.append(to_records(source, view, doc))
        if on_document is not None:
            on_document(source)
    return results


def _prepared(nlp: Language, documents: Sequence[SourceDocument], views: Sequence[TextView]) -> Iterable[Doc]:
    for source, view in zip(documents, views):
        doc = nlp.make_doc(view.text)
        doc.user_data["sovkg_furniture"] = tuple(source.text[s:e] for s, e in source.furniture)
        doc.user_data["sovkg_title"] = source.title
        yield doc


def to_records(source: SourceDocument, view: TextView, doc: Doc) -> DocumentExtraction:
    text = doc_text(doc)
    mentions: list[Mention] = []
    sentences: dict[tuple[int, int], Sentence] = {}
    for span in _mention_spans(doc):
        sentence = _sentence_record(source, view, text, span.sent)
        sentences[(sentence.start, sentence.end)] = sentence
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
        sentences=tuple(sorted(sentences.values())),
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
        rule=f"sovkg_relations:{found.rule}",
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
