"""Running the pipeline over documents and turning spaCy docs into records."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from sovkg.extract.records import DocumentExtraction, Mention, Sentence, SourceDocument

MENTIONS_KEY = "sovkg_mentions"


def extract_documents(
    documents: Sequence[SourceDocument],
    nlp: Language,
    *,
    on_document: Callable[[SourceDocument], None] | None = None,
) -> list[DocumentExtraction]:
    """Run ``nlp`` over the documents, in order; ``on_document`` is called after each."""
    results = []
    for source, doc in zip(documents, nlp.pipe(d.text for d in documents)):
        results.append(to_records(source, doc))
        if on_document is not None:
            on_document(source)
    return results


def to_records(source: SourceDocument, doc: Doc) -> DocumentExtraction:
    mentions: list[Mention] = []
    sentences: dict[tuple[int, int], Sentence] = {}
    text = doc.text  # spaCy joins the tokens on every access
    for span in _mention_spans(doc):
        sentence = _sentence_record(source.key, text, span.sent)
        sentences[(sentence.start, sentence.end)] = sentence
        mentions.append(
            Mention(
                doc_key=source.key,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                entity_key=span.kb_id_,
                label=span.label_,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                method=span._.sovkg_method or "unknown",
            )
        )
    return DocumentExtraction(
        document=source,
        sentences=tuple(sorted(sentences.values())),
        mentions=tuple(sorted(mentions)),
    )


def _mention_spans(doc: Doc) -> Iterable[Span]:
    return doc.spans[MENTIONS_KEY] if MENTIONS_KEY in doc.spans else ()


def _sentence_record(doc_key: str, text: str, sent: Span) -> Sentence:
    """The sentence without surrounding whitespace, offsets into the source text."""
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(doc_key=doc_key, start=start, end=end, text=text[start:end])
