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
from dataclasses import dataclass, field, replace

from sovkg.extract.layout import analysed_view
from sovkg.extract.layouts.common import parliament_of_land
from sovkg.extract.normalize import fold_word
from sovkg.extract.records import DocumentExtraction, DocumentPart, Entity, Mention, Role
from sovkg.kb import KBEntry

_WORD = re.compile(r"\w+(?:\.\w+)*")
#: a code name written apart ("F 13", "H 100"): capitals, a space, a number
_CODE_APART = re.compile(r"\b([A-Z]{1,4}) (\d{1,4})\b")


def name_key(name: str) -> tuple[str, ...]:
    """Folded words of a name: "Ministeriums für Kultur" ~ "Ministerium für Kultur";
    a legal form is no part of it: "Aleph Alpha GmbH" ~ "Aleph Alpha"; "F 13" ~ "F13"."""
    words = tuple(fold_word(w) for w in _WORD.findall(_CODE_APART.sub(r"\1\2", name)))
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
        """The entry of that name and type, else of that name: rules may disagree on a type.
        A product and its maker are two things of one name ("Nextcloud"), never merged."""
        candidates = self._by_name.get(name_key(name), [])
        typed = [e for e in candidates if type_ is None or e.type == type_]
        if not typed and type_ in _NAMESAKES:
            candidates = [e for e in candidates if e.type not in _NAMESAKES[type_]]
        return (typed or candidates or [None])[0]


#: types whose things share names with things of other types without being them
_NAMESAKES = {"Technology": frozenset({"Company"}), "Company": frozenset({"Technology"})}


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


#: What the level-government recogniser calls "das Land", "vom Land" (see patterns._LEVEL_GOVERNMENTS).
_THE_LAND = frozenset({("land",)})
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
    key = name_key(name)
    if key in _THE_LAND:  # "das Land" is the Land itself, as "der Bund" is the Bund
        return item.land or "Landesregierung"
    if item.land and key == ("landtag",):  # one node with the parliament its papers' headers name
        return parliament_of_land(item.land) or f"{name} {item.land}"
    if item.land and (key in _OF_THE_LAND or _portfolio_ministry(key)):
        return f"{name} {item.land}"
    if _portfolio_ministry(key):
        return f"{name} ({_level_of(item) or item.document.source})"
    if item.land and key == ("staatskanzlei",):
        return f"Staatskanzlei des Landes {item.land}"
    if key in _GENERIC_NAMES:
        return f"{name} ({_government_of(item)})"
    return name


#: Names every government has one of: "der Koalitionsvertrag" of one paper is that of its
#: Land and term, not the same node as another Land's (the knowledge base names the known ones).
_GENERIC_NAMES = frozenset({("koalitionsvertrag",), ("koalitionsvereinbarung",), ("regierungserklärung",),
                            ("haushaltsplan",), ("haushaltsgesetz",), ("landeshaushalt",), ("doppelhaushalt",)})


def _portfolio_ministry(key: tuple[str, ...]) -> bool:
    """ "das Wirtschaftsministerium": a ministry named by its portfolio alone, which every
    government has (one of a Land's is not another Land's)."""
    return len(key) == 1 and key[0].endswith("ministerium") and not key[0].startswith("bundes")


def portfolio_aliases(item: DocumentExtraction) -> dict[str, str]:
    """ "das Wirtschaftsministerium" of a document that names one ministry of that portfolio
    ("Ministerium für Wirtschaft, Arbeit und Tourismus"): that ministry, in this document only
    (folded short form → full name, as :func:`alias_map` gives)."""
    portfolios: dict[tuple[str, ...], str] = {}  # the full names' keys (one per ministry)
    for name in sorted({m.name or m.text for m in item.mentions if m.label == "GovernmentBody"}):
        key = name_key(name)
        if "ministerium" in key[:-1]:
            portfolios.setdefault(key, name)
    found: dict[str, str] = {}
    for key in {name_key(m.name or m.text) for m in item.mentions}:
        if not _portfolio_ministry(key):
            continue
        stem = key[0].removesuffix("ministerium").rstrip("s")
        stem = stem[:-1] if stem.endswith("en") else stem  # "Innenministerium": "des Innern"
        matching = [name for full, name in portfolios.items()
                    if any(w.startswith(stem) for w in full[full.index("ministerium") + 1:])]
        if len(matching) == 1:
            found[" ".join(key)] = matching[0]
    return found


def _level_of(item: DocumentExtraction) -> str | None:
    """The Land of the document's parliament, "Bund" for the Bundestag, else unknown."""
    return item.land or ("Bund" if any(p.parliament == "Deutscher Bundestag" for p in item.parts) else None)


def _government_of(item: DocumentExtraction) -> str:
    """ "Nordrhein-Westfalen, 18. Wahlperiode", "Bund, 21. Wahlperiode", or the document."""
    term = next((p.wahlperiode for p in item.parts if p.wahlperiode), None)
    level = _level_of(item)
    if level is None:
        return item.document.source
    return f"{level}, {term}. Wahlperiode" if term else level


def alias_map(extractions: Iterable[DocumentExtraction]) -> dict[str, str]:
    """The abbreviations the documents define (folded short form → long form); a later
    document's definition wins."""
    return {short: long for item in extractions for short, long in item.aliases}


def resolve_document(item: DocumentExtraction, kb: KBIndex, aliases: Mapping[str, str]) -> DocumentExtraction:
    """One document's mentions and roles with entity keys, given the corpus's abbreviations."""
    local = {**aliases, **portfolio_aliases(item)}
    mentions = tuple(
        m if m.entity_key else replace(
            m, name=(name := contextual_name(m.name or m.text, item, local)),
            entity_key=entity_key_for(name, m.label, kb))
        for m in item.mentions
    )
    parts = tuple(_resolve_part(part, mentions, kb) for part in item.parts)
    return replace(item, mentions=mentions, parts=parts)


_COMPLEMENT = ("für", "der", "des", "zur", "zum")


def short_form_merges(keys: Iterable[str]) -> dict[str, str]:
    """"Lamarr-Institut" is the "Lamarr-Institut für Maschinelles Lernen und …" named in
    the same build: a name that the complement of exactly one longer name extends.

    The keys that extend a key are found by bisection in the sorted keys, so a corpus of
    many thousand names costs a sort, not a comparison of every pair.
    """
    from bisect import bisect_left

    ordered = sorted(k for k in set(keys) if k.startswith("~"))
    merged = {}
    for short in ordered:
        prefix = short + " "
        longer = []
        for key in ordered[bisect_left(ordered, prefix):]:
            if not key.startswith(prefix):
                break
            if key[len(prefix):].split(" ", 1)[0] in _COMPLEMENT:
                longer.append(key)
        if len(longer) == 1:
            merged[short] = longer[0]
    return merged


def _with_mention_keys(item: DocumentExtraction, keys: Mapping[str, str]) -> DocumentExtraction:
    return replace(item, mentions=tuple(replace(m, entity_key=keys.get(m.entity_key, m.entity_key))
                                        for m in item.mentions))


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


@dataclass(slots=True)
class _Evidence:
    """What the mentions (or roles) of one entity key say about it: names, type votes."""

    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)  # summed weights
    strongest: Counter[str] = field(default_factory=Counter)  # the best single piece of evidence
    surfaces: set[str] = field(default_factory=set)

    def vote(self, type_: str, weight: int) -> None:
        self.types[type_] += weight
        self.strongest[type_] = max(self.strongest[type_], weight)

    def absorb(self, other: _Evidence) -> None:
        self.names.update(other.names)
        self.types.update(other.types)
        for type_, weight in other.strongest.items():
            self.strongest[type_] = max(self.strongest[type_], weight)
        self.surfaces |= other.surfaces


class LinkIndex:
    """What linking across documents needs of a corpus, gathered one resolved document at
    a time: per entity key the names, type votes and surface forms of its mentions and
    roles. It is all a build holds of the whole corpus, so memory grows with the number
    of distinct names, not with the documents."""

    def __init__(self) -> None:
        self._mentions: dict[str, _Evidence] = defaultdict(_Evidence)
        self._roles: dict[str, _Evidence] = defaultdict(_Evidence)

    @classmethod
    def of(cls, item: DocumentExtraction) -> LinkIndex:
        """The index of one resolved document: what a build caches of it for linking."""
        index = cls()
        index.add(item)
        return index

    def update(self, other: LinkIndex) -> None:
        """Add another index (of other documents) to this one."""
        for mine, theirs in ((self._mentions, other._mentions), (self._roles, other._roles)):
            for key, evidence in theirs.items():
                mine[key].absorb(evidence)

    def keys(self) -> frozenset[str]:
        """The entity keys the indexed documents were resolved to."""
        return frozenset(self._mentions) | frozenset(self._roles)

    def add(self, item: DocumentExtraction) -> None:
        for mention in item.mentions:
            evidence = self._mentions[mention.entity_key]
            evidence.names[mention.name or mention.text] += 1
            evidence.vote(mention.label, _type_weight(mention.method))
            if mention.text != (mention.name or mention.text):
                # a form the text writes differently, not a line-end split ("Bundes- regierung")
                if " ".join(analysed_view(mention.text).text.split()) != mention.name:
                    evidence.surfaces.add(" ".join(mention.text.split()))
        for part in item.parts:
            for role in _roles(part):
                evidence = self._roles[role.entity_key]
                evidence.names[role.name] += 1
                evidence.vote(role.type, _type_weight(role.rule))

    def _surname_merges(self) -> dict[str, str]:
        """ "Dr. Seebacher" under a letter is the "Katrin Seebacher" who asked: a person
        named by one word is the only person of the build whose full name ends in it."""
        people = [k for k, e in (*self._mentions.items(), *self._roles.items())
                  if k.startswith("~") and _top_type(e) == "Person"]
        full: dict[str, set[str]] = defaultdict(set)
        for key in people:
            words = key[1:].split(" ")
            if len(words) > 1:
                full[words[-1]].add(key)
        return {key: next(iter(full[key[1:]])) for key in people
                if " " not in key and len(full.get(key[1:], ())) == 1}

    def _place_suffix_merges(self) -> dict[str, str]:
        """ "ELLIS Institute" is the "ELLIS Institute Tübingen" of the same build: a name of
        two words or more that exactly one longer name of the same type extends by a place
        the build names."""
        places = {name_key(n) for e in self._mentions.values() if _top_type(e) == "Place" for n in (*e.names, *e.surfaces)}
        longer: dict[str, list[str]] = defaultdict(list)
        for key in (k for k in self._mentions if k.startswith("~")):
            words = key[1:].split(" ")
            for cut in range(2, len(words)):
                if tuple(words[cut:]) in places:
                    longer["~" + " ".join(words[:cut])].append(key)
        return {short: keys[0] for short, keys in longer.items()
                if len(keys) == 1 and short in self._mentions
                and _top_type(self._mentions[short]) == _top_type(self._mentions[keys[0]])}

    def entities(self, kb: KBIndex, merged: Mapping[str, str] | None = None) -> dict[str, Entity]:
        """One entity per key, mentions of a short form counted for the name it is merged into."""
        evidence: dict[str, _Evidence] = defaultdict(_Evidence)
        for key, found in self._mentions.items():
            evidence[(merged or {}).get(key, key)].absorb(found)
        for key, found in self._roles.items():
            evidence[key].absorb(found)
        return {key: _entity(key, evidence[key], kb) for key in sorted(evidence)}

    def linking(self, kb: KBIndex) -> Linking:
        """The entities, and the final key of every key the documents were resolved to."""
        merged = short_form_merges(self._mentions) | self._surname_merges() | self._place_suffix_merges()
        renamed, entities = _readable(self.entities(kb, merged), taken=kb.entries.keys())
        return Linking(entities=entities, merged=merged, renamed=renamed)


def _top_type(evidence: _Evidence) -> str | None:
    return max(evidence.types, key=evidence.types.__getitem__) if evidence.types else None


def _entity(key: str, evidence: _Evidence, kb: KBIndex) -> Entity:
    counts, entry = evidence.names, kb.entries.get(key)
    if entry is not None:
        label, entity_types = entry.label, (entry.type,)
    else:
        label = _label(counts)
        # one organisation-shaped full name ("Hessisches Zentrum für …") outweighs many
        # mentions of its short form that only their shape typed ("hessian.AI")
        types, strongest = evidence.types, evidence.strongest
        entity_types = (min(types, key=lambda t: (-strongest[t], -types[t], t)),)
    return Entity(key=key, label=label, types=entity_types,
                  aliases=tuple(sorted((set(counts) | evidence.surfaces) - {label})), in_kb=entry is not None)


def _label(counts: Mapping[str, int]) -> str:
    """The label of a name no knowledge base knows: the longest of the most frequent
    names (the full form, not a short one), and of its inflected forms the shortest, the
    nominative ("Deutsche Messe AG", "Landesamt", however often the text wrote "der
    Deutschen Messe AG", "des Landesamts")."""
    top = min(counts, key=lambda s: (-counts[s], -len(s), s))
    folded = [fold_word(word) for word in top.split()]
    forms = [s for s in counts if [fold_word(word) for word in s.split()] == folded]
    return min(forms, key=lambda s: (len(s), -counts[s], s))


@dataclass(frozen=True, slots=True)
class Linking:
    """The outcome of linking a corpus: its entities under their final keys, and how a
    resolved document's keys become those (short forms merged, then readable slugs)."""

    entities: dict[str, Entity]
    merged: dict[str, str]
    """Short form → the one longer name it stands for (mentions only)."""
    renamed: dict[str, str]
    """Matching key ("~hannov") → readable key ("hannover")."""

    def final_keys(self, key: str) -> tuple[str, str]:
        """The final key of a resolved key: for a mention (merged, then renamed) and for a role (renamed)."""
        merged = self.merged.get(key, key)
        return self.renamed.get(merged, merged), self.renamed.get(key, key)

    def apply(self, item: DocumentExtraction) -> DocumentExtraction:
        """A resolved document as linked: final keys, and the relations it states."""
        from sovkg.extract.relations import with_relations

        merged = _with_mention_keys(item, self.merged) if self.merged else item
        (stated,) = with_relations([merged])
        return _rekeyed_item(stated, lambda old: self.renamed.get(old, old)) if self.renamed else stated

    def entities_of(self, item: DocumentExtraction) -> dict[str, Entity]:
        """The entities a linked document refers to (by mention, role or relation)."""
        keys = {m.entity_key for m in item.mentions} | {k for r in item.relations for k in (r.subject, r.object)}
        keys |= {role.entity_key for part in item.parts for role in _roles(part)}
        return {key: self.entities[key] for key in sorted(keys) if key in self.entities}


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


def label_slug(label: str) -> str:
    """"Landkreis Göttingen" → "landkreis-goettingen": lower-case ASCII words joined by
    hyphens, at most 76 characters (room for a "-2" when two labels meet)."""
    ascii_text = unicodedata.normalize("NFKD", label.translate(_GERMAN)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:76].strip("-")


def readable_keys(items: Sequence[DocumentExtraction],
                  entities: Mapping[str, Entity]) -> tuple[list[DocumentExtraction], dict[str, Entity]]:
    """The documents and entities under readable keys (see :func:`_readable`)."""
    renamed, relinked = _readable(entities)
    if not renamed:
        return list(items), dict(entities)
    return [_rekeyed_item(item, lambda old: renamed.get(old, old)) for item in items], relinked


def _readable(entities: Mapping[str, Entity], taken: Iterable[str] = ()) -> tuple[dict[str, str], dict[str, Entity]]:
    """Entities the knowledge base does not know are linked by their folded, stemmed
    name ("~hannov"), which joins "des Landkreises" and "Landkreis" but reads badly in
    an IRI. Once linked, each takes the slug of its label instead ("hannover"); two
    labels with one slug are told apart by "-2", "-3" in the order of their old keys.
    ``taken`` are the keys of the knowledge base, whose nodes are in every graph, named
    or not: the product "Nextcloud" is no second label of the company's node."""
    renamed: dict[str, str] = {}
    used = {key for key in entities if not key.startswith("~")} | set(taken)
    for key in sorted(k for k in entities if k.startswith("~")):
        base = label_slug(entities[key].label) or "entity"
        new, number = base, 2
        while new in used:
            new, number = f"{base}-{number}", number + 1
        used.add(new)
        renamed[key] = new
    relinked = {renamed.get(k, k): replace(e, key=renamed.get(k, k)) for k, e in entities.items()}
    return renamed, dict(sorted(relinked.items()))


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
