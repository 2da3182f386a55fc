"""Relations between entities, each with the sentence that states it.

This module starts with the relations the document structure states outright: a
member named with a party beside the name ("der Abgeordneten Franziska Müller-Rech und
Angela Freimuth FDP") is a member of that party.
"""

from __future__ import annotations

from bisect import bisect_left
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
            mention = mention_at(item.mentions, asker.start, asker.end)
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


def from_candidates(item: DocumentExtraction) -> tuple[Relation, ...]:
    """The rules' relations between linked entities, each with its sentence.

    A candidate whose ends are not both mentions of this document (linked to
    different entities) is dropped: precision first.
    """
    from sovkg.extract.linker import name_key

    relations = set()
    by_name = {name_key(m.name): m.entity_key for m in item.mentions if m.name}
    sentences = sorted((s.start, s.end) for s in item.sentences)
    for candidate in item.candidates:
        subject = mention_at(item.mentions, *candidate.subject)
        if candidate.object is not None:
            obj = mention_at(item.mentions, *candidate.object)
            object_key = obj.entity_key if obj is not None else None
        else:
            name = f"{candidate.object_name} {item.land}" if item.land else candidate.object_name
            object_key = by_name.get(name_key(name or ""))
        if subject is None or object_key is None or subject.entity_key == object_key:
            continue
        # the sentence record that states it (records are stripped of surrounding white space);
        # with coreference the subject's own sentence may be an earlier one
        sentence = _stating(sentences, candidate.sentence) or (subject.sentence_start, subject.sentence_end)
        relations.add(Relation(
            doc_key=item.document.key, subject=subject.entity_key, predicate=candidate.predicate,
            object=object_key, sentence_start=sentence[0], sentence_end=sentence[1],
            method=candidate.rule, confidence=candidate.confidence, cue=candidate.cue,
            amount=candidate.amount, currency=candidate.currency, year=candidate.year,
            anaphor=candidate.anaphor, antecedent=candidate.antecedent,
        ))
    return tuple(sorted(relations, key=lambda r: (r.subject, r.predicate, r.object, r.sentence_start, r.method)))


def with_relations(items: Iterable[DocumentExtraction]) -> list[DocumentExtraction]:
    return [replace(item, relations=_one_per_sentence([*from_structure(item), *from_candidates(item)]))
            for item in items]


def _one_per_sentence(relations: Iterable[Relation]) -> tuple[Relation, ...]:
    """One evidence per sentence that states a relation: the most confident rule's (on a tie,
    the first by method and cue, so that which one is kept never depends on set order)."""
    best: dict[tuple, Relation] = {}
    for relation in sorted(relations, key=lambda r: (-r.confidence, r.method, r.cue, str(r.anaphor), str(r.antecedent))):
        key = (relation.subject, relation.predicate, relation.object, relation.sentence_start, relation.sentence_end)
        best.setdefault(key, relation)
    return tuple(sorted(best.values(), key=_order))


def _order(relation: Relation) -> tuple:
    return (relation.subject, relation.predicate, relation.object, relation.sentence_start, relation.method)


def _stating(sentences: list[tuple[int, int]], span: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence record inside ``span`` (a rule's sentence, white space included)."""
    k = bisect_left(sentences, (span[0], -1))
    return sentences[k] if k < len(sentences) and sentences[k][1] <= span[1] else None


def _parts(parts: Iterable[DocumentPart]) -> Iterable[DocumentPart]:
    for part in parts:
        yield part
        if part.answers is not None and not part.answers.in_file:
            yield part.answers


def mention_at(mentions: Iterable[Mention], start: int, end: int) -> Mention | None:
    """The mention of exactly these offsets, else the smallest one covering them."""
    mentions = list(mentions)
    exact = [m for m in mentions if (m.start, m.end) == (start, end)]
    covering = sorted((m for m in mentions if m.start <= start and end <= m.end), key=lambda m: m.end - m.start)
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    return (exact or covering or overlapping or [None])[0]
