"""Linking mentions to entities: one node per entity within and across documents.

In this version every mention carries the key of the knowledge-base entry it was
recognised from, so linking gathers mentions by key, takes the preferred label and
type from the knowledge base and keeps every surface form as an alias.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from sovkg.extract.records import DocumentExtraction, Entity, Mention
from sovkg.kb import KBEntry


def link(
    extractions: Iterable[DocumentExtraction], kb: Mapping[str, KBEntry] | None = None
) -> dict[str, Entity]:
    """Return the entities mentioned in the extractions, keyed and sorted by key."""
    kb = kb or {}
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for extraction in extractions:
        for mention in extraction.mentions:
            by_key[mention.entity_key].append(mention)
    entities = {}
    for key in sorted(by_key):
        mentions = by_key[key]
        surfaces = Counter(m.text for m in mentions)
        entry = kb.get(key)
        if entry is not None:
            label, types = entry.label, (entry.type,)
        else:
            label = min(surfaces, key=lambda s: (-surfaces[s], -len(s), s))
            types = tuple(sorted(Counter(m.label for m in mentions)))
        entities[key] = Entity(
            key=key,
            label=label,
            types=types,
            aliases=tuple(sorted(set(surfaces) - {label})),
            in_kb=entry is not None,
        )
    return entities
