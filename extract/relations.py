"""Relations between entities, each with the sentence that states it.

This module starts with the relations the document structure states outright: a
member named with a party beside the name ("der Abgeordneten Franziska Müller-Rech und
Angela Freimuth FDP") is a member of that party.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sovkg.extract.records import DocumentExtraction, DocumentPart, Mention, Relation

#: How sure a structural rule is: the layout of the paper states the fact.
STRUCTURE_CONFIDENCE = 0.95


def from_structure(item: DocumentExtraction) -> tuple[Relation, ...]:
    """``memberOf`` for every asking member with the party named beside them."""
    relations = set()
    for part in _parts(item.parts):
        if part.party is None:
            continue
        for asker in part.askers:
            mention = _mention_at(item.mentions, asker.start, asker.end)
            if mention is None:
                continue
            cue = item.document.text[asker.start:part.party.end]
            relations.add(Relation(
                doc_key=item.document.key, subject=asker.entity_key, predicate="memberOf",
                object=part.party.entity_key, sentence_start=mention.sentence_start,
                sentence_end=mention.sentence_end, method="sovkg_structure:asker-party",
                confidence=STRUCTURE_CONFIDENCE, cue=cue if len(cue) <= 300 else "",
            ))
    return tuple(sorted(relations))


def with_relations(items: Iterable[DocumentExtraction]) -> list[DocumentExtraction]:
    return [replace(item, relations=from_structure(item)) for item in items]


def _parts(parts: Iterable[DocumentPart]) -> Iterable[DocumentPart]:
    for part in parts:
        yield part
        if part.answers is not None and not part.answers.in_file:
            yield part.answers


def _mention_at(mentions: Iterable[Mention], start: int, end: int) -> Mention | None:
    covering = [m for m in mentions if m.start <= start and end <= m.end]
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    return (covering or overlapping or [None])[0]
