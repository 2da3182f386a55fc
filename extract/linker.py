"""Linking mentions to entities: one node per entity within and across documents.

A mention either carries the key of the knowledge-base entry it was recognised from,
or only a name (a member named as asker, a ministry named by its minister). Names are
resolved against the knowledge base by their folded words (inflection and hyphens do
not matter); what the knowledge base does not know becomes an entity keyed by its type
and folded name, so the same name links to the same node in every document.
Structural roles (askers, parties, ministries) are linked the same way, preferring
the mention that covers the same text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sovkg.extract.normalize import fold_word
from sovkg.extract.records import DocumentExtraction, DocumentPart, Entity, Mention, Role
from sovkg.kb import KBEntry

_WORD = re.compile(r"\w+(?:\.\w+)*")


def name_key(name: str) -> tuple[str, ...]:
    """Folded words of a name: "Ministeriums für Kultur" ~ "Ministerium für Kultur";
    a legal form is no part of it: "Aleph Alpha GmbH" ~ "Aleph Alpha"."""
    words = tuple(fold_word(w) for w in _WORD.findall(name))
    for form in _LEGAL_FORMS:
        if len(words) > len(form) and words[-len(form):] == form:
            return words[:-len(form)]
    return words


_LEGAL_FORMS = (("gmbh", "co", "kg"), ("e", "v"), ("gmbh",), ("ag",), ("se",), ("kg",), ("kgaa",), ("ug",),
                ("mbh",), ("inc",), ("ltd",), ("llc",), ("eg",))  # longest first


class KBIndex:
    """Knowledge-base entries by the folded words of their labels and aliases."""

    def __init__(self, entries: Iterable[KBEntry]) -> None:
        self.entries: dict[str, KBEntry] = {}
        self._by_name: dict[tuple[str, ...], list[KBEntry]] = defaultdict(list)
        for entry in entries:
            self.entries[entry.key] = entry
            for name in (entry.label, *entry.aliases):
                self._by_name[name_key(name)].append(entry)

    def lookup(self, name: str, type_: str | None = None) -> KBEntry | None:
        candidates = self._by_name.get(name_key(name), [])
        typed = [e for e in candidates if type_ is None or e.type == type_]
        return (typed or candidates or [None])[0]


def entity_key_for(name: str, type_: str, kb: KBIndex) -> str:
    """A knowledge-base key, else a key from the folded name alone: rules may disagree
    on the type of a name they did not find in a list, and one name is one node."""
    entry = kb.lookup(name, type_)
    if entry is not None:
        return entry.key
    return "~" + " ".join(name_key(name))


#: How much a rule's type counts when the mentions of one entity disagree.
_TYPE_WEIGHTS = (("sovkg_gazetteer", 8), ("sovkg_structure", 6), ("sovkg_lexicon", 5),
                 ("sovkg_patterns:organisation", 4), ("sovkg_patterns:apposition", 4),
                 ("sovkg_patterns:person", 4), ("sovkg_patterns:quoted", 2),
                 ("sovkg_patterns:abbreviation", 2))


def _type_weight(method: str) -> int:
    return next((w for prefix, w in _TYPE_WEIGHTS if method.startswith(prefix)), 1)


#: Bodies named by a common noun that mean the body of the document's Land.
_OF_THE_LAND = frozenset({("landesregierung",), ("landesverwaltung",), ("landtag",), ("staatsministerium",),
                          ("staatsregierung",)})


def contextual_name(name: str, item: DocumentExtraction, aliases: Mapping[str, str]) -> str:
    """The name a mention stands for in its document: a defined abbreviation's long
    form, or "Landesregierung Nordrhein-Westfalen" for "die Landesregierung" in a paper
    of the Landtag NRW."""
    long_form = aliases.get(" ".join(name_key(name)))
    if long_form:
        return long_form
    if item.land and name_key(name) in _OF_THE_LAND:
        return f"{name} {item.land}"
    if item.land and name_key(name) == ("staatskanzlei",):
        return f"Staatskanzlei des Landes {item.land}"
    return name


def resolve(extractions: Sequence[DocumentExtraction], kb: KBIndex) -> list[DocumentExtraction]:
    """Give every mention and every structural role an entity key."""
    aliases = {short: long for item in extractions for short, long in item.aliases}
    resolved = []
    for item in extractions:
        mentions = tuple(
            m if m.entity_key else replace(
                m, name=(name := contextual_name(m.name or m.text, item, aliases)),
                entity_key=entity_key_for(name, m.label, kb))
            for m in item.mentions
        )
        parts = tuple(_resolve_part(part, mentions, kb) for part in item.parts)
        resolved.append(replace(item, mentions=mentions, parts=parts))
    return _merge_short_forms(resolved)


_COMPLEMENT = ("für", "der", "des", "zur", "zum")


def _merge_short_forms(items: list[DocumentExtraction]) -> list[DocumentExtraction]:
    """"Lamarr-Institut" is the "Lamarr-Institut für Maschinelles Lernen und …" named in
    the same build: a name that the complement of exactly one longer name extends."""
    keys = {m.entity_key for item in items for m in item.mentions if m.entity_key.startswith("~")}
    merged = {}
    for short in keys:
        longer = [k for k in keys if k.startswith(short + " ") and k[len(short) + 1:].split(" ", 1)[0] in _COMPLEMENT]
        if len(longer) == 1:
            merged[short] = longer[0]
    if not merged:
        return items
    return [
        replace(item, mentions=tuple(
            replace(m, entity_key=merged.get(m.entity_key, m.entity_key)) for m in item.mentions))
        for item in items
    ]


def _resolve_role(role: Role | None, mentions: Sequence[Mention], kb: KBIndex) -> Role | None:
    if role is None or role.entity_key:
        return role
    same = [m for m in mentions if (m.start, m.end) == (role.start, role.end)]
    overlapping = [m for m in mentions if m.start < role.end and role.start < m.end and m.label == role.type]
    for candidates in (same, overlapping):
        if candidates:
            return replace(role, entity_key=candidates[0].entity_key)
    return replace(role, entity_key=entity_key_for(role.name, role.type, kb))


def _resolve_part(part: DocumentPart, mentions: Sequence[Mention], kb: KBIndex) -> DocumentPart:
    return replace(
        part,
        askers=tuple(_resolve_role(r, mentions, kb) for r in part.askers),
        party=_resolve_role(part.party, mentions, kb),
        answered_by=_resolve_role(part.answered_by, mentions, kb),
        on_behalf_of=_resolve_role(part.on_behalf_of, mentions, kb),
        in_agreement_with=tuple(_resolve_role(r, mentions, kb) for r in part.in_agreement_with),
        publisher=_resolve_role(part.publisher, mentions, kb),
        answers=_resolve_part(part.answers, mentions, kb) if part.answers is not None else None,
    )


def _roles(part: DocumentPart) -> Iterable[Role]:
    yield from part.askers
    for role in (part.party, part.answered_by, part.on_behalf_of, part.publisher):
        if role is not None:
            yield role
    yield from part.in_agreement_with
    if part.answers is not None:
        yield from _roles(part.answers)


def link(extractions: Iterable[DocumentExtraction], kb: KBIndex | Mapping[str, KBEntry] | None = None) -> dict[str, Entity]:
    """The entities mentioned in (resolved) extractions, keyed and sorted by key."""
    if not isinstance(kb, KBIndex):
        kb = KBIndex((kb or {}).values())
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)  # summed weights
    strongest: dict[str, Counter[str]] = defaultdict(Counter)  # the best single piece of evidence
    surfaces: dict[str, set[str]] = defaultdict(set)

    def vote(key: str, type_: str, weight: int) -> None:
        types[key][type_] += weight
        strongest[key][type_] = max(strongest[key][type_], weight)

    for extraction in extractions:
        for mention in extraction.mentions:
            names[mention.entity_key][mention.name or mention.text] += 1
            vote(mention.entity_key, mention.label, _type_weight(mention.method))
            if mention.text != (mention.name or mention.text):
                surfaces[mention.entity_key].add(" ".join(mention.text.split()))
        for part in extraction.parts:
            for role in _roles(part):
                names[role.entity_key][role.name] += 1
                vote(role.entity_key, role.type, _type_weight(role.rule))
    entities = {}
    for key in sorted(names):
        counts = names[key]
        entry = kb.entries.get(key)
        if entry is not None:
            label, entity_types = entry.label, (entry.type,)
        else:
            # the longest of the most frequent names: the full form in the nominative
            label = min(counts, key=lambda s: (-counts[s], -len(s), s))
            # one organisation-shaped full name ("Hessisches Zentrum für …") outweighs many
            # mentions of its short form that only their shape typed ("hessian.AI")
            entity_types = (min(types[key], key=lambda t: (-strongest[key][t], -types[key][t], t)),)
        entities[key] = Entity(
            key=key,
            label=label,
            types=entity_types,
            aliases=tuple(sorted((set(counts) | surfaces[key]) - {label})),
            in_kb=entry is not None,
        )
    return entities


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


def label_slug(label: str) -> str:
    """"Landkreis Göttingen" → "landkreis-goettingen": lower-case ASCII words joined by
    hyphens, at most 76 characters (room for a "-2" when two labels meet)."""
    ascii_text = unicodedata.normalize("NFKD", label.translate(_GERMAN)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:76].strip("-")


def readable_keys(items: Sequence[DocumentExtraction],
                  entities: Mapping[str, Entity]) -> tuple[list[DocumentExtraction], dict[str, Entity]]:
    """Entities the knowledge base does not know are linked by their folded, stemmed
    name ("~hannov"), which joins "des Landkreises" and "Landkreis" but reads badly in
    an IRI. Once linked, each takes the slug of its label instead ("hannover"); two
    labels with one slug are told apart by "-2", "-3" in the order of their old keys."""
    renamed: dict[str, str] = {}
    used = {key for key in entities if not key.startswith("~")}
    for key in sorted(k for k in entities if k.startswith("~")):
        base = label_slug(entities[key].label) or "entity"
        new, number = base, 2
        while new in used:
            new, number = f"{base}-{number}", number + 1
        used.add(new)
        renamed[key] = new
    if not renamed:
        return list(items), dict(entities)

    def key(old: str) -> str:
        return renamed.get(old, old)

    relinked = {key(k): replace(e, key=key(k)) for k, e in entities.items()}
    return [_rekeyed_item(item, key) for item in items], dict(sorted(relinked.items()))


def _rekeyed_item(item: DocumentExtraction, key) -> DocumentExtraction:
    return replace(
        item,
        mentions=tuple(replace(m, entity_key=key(m.entity_key)) for m in item.mentions),
        relations=tuple(sorted(replace(r, subject=key(r.subject), object=key(r.object)) for r in item.relations)),
        parts=tuple(_rekeyed_part(p, key) for p in item.parts),
    )


def _rekeyed_part(part: DocumentPart, key) -> DocumentPart:
    def role(r: Role | None) -> Role | None:
        return replace(r, entity_key=key(r.entity_key)) if r is not None else None

    return replace(
        part, askers=tuple(map(role, part.askers)), party=role(part.party), answered_by=role(part.answered_by),
        on_behalf_of=role(part.on_behalf_of), publisher=role(part.publisher),
        in_agreement_with=tuple(map(role, part.in_agreement_with)),
        answers=_rekeyed_part(part.answers, key) if part.answers is not None else None,
    )
