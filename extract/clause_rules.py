"""Relations stated by a clause's verb, a participle or a genitive, not by a fixed phrase.

Press releases and answers of governments other than the ones the phrase rules were
written on say the same things in active voice and in noun phrases:

* ``active-verb``: "Das HMD unterstützt hessian.AI mit 9,6 Millionen Euro", "…, die den
  Arbeitsplatz openDesk und die Plattform openCode betreibt", "hessian.AI … betreibt
  neben dem AI Innovation Lab ein Service Center";
* ``participle``: "des von hessian.AI betriebenen KI-Supercomputers „fortytwo“";
* ``genitive``: "das InnoLab_bw des Staatsministeriums", "das Sprachmodell Luminous der
  Aleph Alpha GmbH", "die Plattform openCode des ZenDiS";
* ``part-of``: "openDesk ist … Bestandteil des Deutschland-Stacks", "die Sovereign Tech
  Agency, eine Tochtergesellschaft der SPRIND";
* ``subordinate``: "X ist dem LDBV zugeordnet", "das dem Kultusministerium nachgeordnete
  Landesinstitut";
* ``located-in``: "„fortytwo“ am Standort Darmstadt";
* ``position``: "Prof. Dr. Jonas Brenneisen, Geschäftsführender Direktor von hessian.AI";
  ``person-from``: "Prof. Dr. Henrik Stöckel von der TU Dresden" (a surface rule: the
  parser hangs the phrase on any word of the name, or on the next name of a list).

Each rule keeps to the clause it reads: a subject is the entity next to its verb (or the
antecedent of a relative pronoun), an object stands in the same clause. What the
sentence does not tie together stays apart.

Why these are not patterns: each reads a construction its tests name that sovkg's small
syntax model parses so badly that no path from a cue reaches the ends ("Erweitert werden
die Kapazitäten des vom X betriebenen Y": the participle made the root, "Erweitert" its
subject). Measured with the relation model in the pipeline (see :mod:`.relation_rules`;
relation F1 leaving one set out, pooled, with the knowledge base / without: 0.503 / 0.450
with all): without ``_genitives`` 0.492 / 0.438, ``_positions`` 0.499 / 0.446,
``_active`` 0.500 / 0.448, ``_funding_sources`` 0.500 / 0.449, ``_parts`` 0.501 / 0.448,
``_participles`` and ``_subordinates`` 0.502 / 0.449, ``_sites`` 0.503 / 0.450 (but
the patterns alone lose 0.004 without it); each reads a construction its tests name
that no pattern reads on that parse, so they stay, and go when a better parse lets
patterns read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

from sovkg.extract.coreference import named_thing
from sovkg.extract.patterns import OPENING_QUOTES, skip_parenthesis

#: subject --verb--> object gives object --predicate--> subject
ACTIVE_VERBS = {
    "betreibt": "operatedBy", "betreiben": "operatedBy", "koordiniert": "operatedBy", "koordinieren": "operatedBy",
    "leitet": "operatedBy", "leiten": "operatedBy", "fördert": "fundedBy", "fördern": "fundedBy",
    "finanziert": "fundedBy", "finanzieren": "fundedBy", "entwickelt": "developedBy", "entwickeln": "developedBy",
    "unterstützt": "supports", "unterstützen": "supports",
}
#: subject --verb--> object gives subject --uses--> object
USE_VERBS = frozenset({"nutzt", "erprobt", "erproben", "verwendet", "verwenden"})
_ADVERBS = frozenset({"bereits", "auch", "zudem", "inzwischen", "derzeit", "schon", "nun", "jetzt", "heute",
                      "ebenfalls", "weiterhin", "künftig"})
#: forms that are also a past participle: in a passive clause the passive rule reads them
_PARTICIPLE_FORMS = frozenset({"koordiniert", "finanziert", "entwickelt", "unterstützt", "leitet", "erprobt",
                               "verwendet", "genutzt"})
#: auxiliaries of the passive; the passive rules of :mod:`relation_rules` read the same
PASSIVE_AUX = frozenset({"wird", "werden", "wurde", "wurden", "worden"})
#: the prepositions of a passive's agent ("von der TU Dresden getragen", "durch das Land gefördert")
AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch"})
_PARTICIPLES = {"betrieben": "operatedBy", "getragen": "operatedBy", "koordiniert": "operatedBy",
                "geleitet": "operatedBy", "gefördert": "fundedBy", "finanziert": "fundedBy",
                "entwickelt": "developedBy", "erstellt": "developedBy"}
_PARTICIPLE_STARTS = frozenset(p[:3] for p in _PARTICIPLES)
#: relative pronouns of a subject or object, which begin a clause after a comma
RELATIVE_PRONOUNS = frozenset({"die", "der", "das", "welche", "welcher", "welches"})
_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "eines"})
_ORGS = frozenset({"GovernmentBody", "ResearchOrganization", "Company", "Organization"})
_THINGS = frozenset({"Initiative", "Infrastructure", "Technology", "Policy"})
_CLAUSE_END = frozenset({".", ";", ":", "?", "!"})
_ACCUSATIVE = frozenset({"den", "die", "das", "einen", "eine", "ein", "dem", "seinen", "seine", "sein", "ihren",
                         "ihre", "ihr"})
#: words with an adjective's ending that are no adjective before an object
_STOPS = frozenset({"der", "des", "dem", "wie", "über", "unter", "aber", "oder", "sowie", "zudem", "dabei", "bereits",
                    "weitere", "weiteren"})

Finding = tuple[Span, str, Span, str, str, float]
#: what may stand between the names of a list ("durch das BMFTR und das Land Nordrhein-Westfalen")
LIST_GAP = frozenset({",", "und", "sowie", "der", "die", "das", "dem", "den", "des", "vom", "von", "durch",
                      "land", "freistaat", "stadt"})
#: ... between the names of a list of subjects ("die Staatskanzlei und das Ministerium …")
_SUBJECT_LIST_GAP = _ARTICLES | {",", "und", "sowie"}


def clause_relations(doc: Doc, sent: Span, entities: list[Span], lower: list[str],
                     has_amount: bool) -> Iterator[Finding]:
    """(subject, predicate, object, cue, rule, confidence) of one sentence."""
    yield from _active(doc, sent, entities, lower, has_amount)
    yield from _participles(doc, sent, entities, lower)
    yield from _genitives(doc, sent, entities, lower)
    yield from _parts(doc, sent, entities, lower)
    yield from _subordinates(doc, sent, entities, lower)
    yield from _sites(doc, sent, entities, lower)
    yield from _funding_sources(doc, sent, entities, lower)
    yield from _positions(doc, sent, entities, lower)


def _active(doc: Doc, sent: Span, entities: list[Span], lower: list[str], has_amount: bool) -> Iterator[Finding]:
    passive = any(w in PASSIVE_AUX for w in lower)
    for k, word in enumerate(lower):
        predicate = "uses" if word in USE_VERBS else ACTIVE_VERBS.get(word)
        if predicate is None or (passive and word in _PARTICIPLE_FORMS):
            continue
        verb = sent.start + k
        if k > 0 and lower[k - 1] == "zu":
            continue  # "… um den Aufbau zu fördern": an aim, its subject far away
        if predicate == "supports" and has_amount:
            predicate = "fundedBy"  # "unterstützt … mit 9,6 Millionen Euro"
        elif predicate == "supports" and lower[-1] == "?":
            continue  # "Wie unterstützt die Landesregierung Freie Software?": how, if at all
        relative = _relative_antecedent(doc, sent, entities, lower, verb)
        if relative is not None:
            actor, pronoun = relative
            objects = _object_chain(doc, sent, entities, lower, pronoun + 1, verb)
            if objects and objects[0].label_ in _ORGS and \
                    all(lower[j - sent.start] in _ARTICLES for j in range(pronoun + 1, objects[0].start)):
                # "…, das Dataport betreibt", "…, die das ITZBund betreibt": a body's name right
                # after the pronoun is the subject
                if actor.label_ not in _THINGS:
                    continue  # of a clause on a body ("Mistral AI, das Dataport betreibt"): which runs which?
                actor, objects = objects[0], [actor]  # "die Plattform X, die Dataport betreibt"
            actors = [actor]
        else:
            actor = _actor(doc, sent, entities, lower, verb)
            if actor is None:
                continue
            # "erproben die Staatskanzlei und das Innenministerium den Assistenten …": all of them
            actors = [actor, *listed_after(doc, entities, actor, _SUBJECT_LIST_GAP)] if actor.start > verb else [actor]
            objects = _object_chain(doc, sent, entities, lower, max(verb + 1, actors[-1].end), sent.end)
        yield from _verb_findings(doc[verb].text, predicate, actors, objects)


def _verb_findings(verb: str, predicate: str, actors: list[Span], objects: list[Span]) -> Iterator[Finding]:
    for actor in actors:
        if actor.label_ not in _ORGS | {"Initiative"} | ({"Place"} if predicate == "uses" else set()):
            continue  # a place uses things ("das Saarland erprobt F13") but runs or funds none
        for obj in objects:
            if obj is actor or obj in actors or not _fits(obj, predicate):
                continue
            if predicate in ("uses", "supports"):  # "das Saarland erprobt F13", "das BSI unterstützt openDesk"
                yield actor, predicate, obj, verb, "active-verb", 0.75
            else:  # "das ZenDiS betreibt openDesk": openDesk is run by it
                yield obj, predicate, actor, verb, "active-verb", 0.75


def listed_after(doc: Doc, entities: list[Span], first: Span, gap_words: frozenset[str] = LIST_GAP) -> list[Span]:
    """The entities listed after ``first``: "durch das BMFTR und das Land Nordrhein-Westfalen";
    ``gap_words`` are what may stand between two of them besides a comma, "und" or "sowie"."""
    found, end = [], first.end
    for entity in (e for e in entities if e.start >= first.end):
        gap = [t.lower_ for t in doc[end:entity.start]]
        if gap == ["("] and entity.end < len(doc) and doc[entity.end].text == ")":
            end = entity.end + 1  # its short form: "durch das BMFTR (BMFTR) und …"
            continue
        if not joins_list(gap, gap_words):
            break
        found.append(entity)
        end = entity.end
    return found


def joins_list(gap: Iterable[str], gap_words: frozenset[str] = LIST_GAP) -> bool:
    """The lower-cased words between two names make them items of one list: a comma, "und"
    or "sowie", with articles and kind words at most ("…, und das Land …")."""
    words = set(gap)
    return bool(words) and words <= gap_words and bool(words & {",", "und", "sowie"})


def _fits(obj: Span, predicate: str) -> bool:
    if predicate in ("developedBy", "uses"):
        return obj.label_ in _THINGS
    if predicate == "supports":
        return obj.label_ in _THINGS | _ORGS
    # a product is run and funded ("betreibt … openDesk"), a concept is not ("fördert KI")
    return obj.label_ in _THINGS | _ORGS and (obj.label_ != "Technology" or named_thing(obj))


def _relative_antecedent(doc: Doc, sent: Span, entities: list[Span], lower: list[str],
                         verb: int) -> tuple[Span, int] | None:
    """"X, die den … betreibt": the verb ends a relative clause whose pronoun follows X."""
    after = verb + 1
    if after < sent.end and doc[after].text not in _CLAUSE_END | {","}:
        return None
    for j in range(verb - 1, sent.start, -1):
        if doc[j].text in _CLAUSE_END:
            return None
        if lower[j - sent.start] in RELATIVE_PRONOUNS and doc[j - 1].text == ",":
            # "X, die …" or "X (ABBR), die …"
            antecedent = next((e for e in entities if e.end in (j - 1, j - 2)), None)
            if antecedent is None:
                return None
            return antecedent, j
    return None


def _actor(doc: Doc, sent: Span, entities: list[Span], lower: list[str], verb: int) -> Span | None:
    """The subject next to its verb: before it ("Das HMD unterstützt"), right after it
    ("Zugleich fördert die Sovereign Tech Agency"), or opening the sentence of a
    coordinated predicate ("hessian.AI bündelt … und betreibt")."""
    if verb == sent.start:
        return None  # "Betreibt …": a question or a heading, no subject before
    end = verb
    if doc[verb - 1].text == ",":  # "Das KIT, Mitglied der Helmholtz-Gemeinschaft, betreibt"
        end = next((j for j in range(verb - 2, sent.start, -1) if doc[j].text == ","), verb)
    before = next((e for e in entities if e.end == end or (e.end == end - 1 and doc[end - 1].text == ")")), None)
    if before is not None and all(lower[j - sent.start] in _ARTICLES or not doc[j].text[:1].isalnum()
                                  or any(e.start <= j < e.end for e in entities)
                                  for j in range(sent.start, before.start)):
        return before  # the subject is all that stands before the verb, not "Gemeinsam mit dem X"
    j = verb + 1
    while j < sent.end and lower[j - sent.start] in _ARTICLES | _ADVERBS:
        j += 1
    if j < sent.end and doc[j].text[:1].isupper() and j + 1 < sent.end and not any(e.start <= j < e.end for e in entities):
        j += 1  # one type noun: "die Lehrkräfteplattform SCHULE@BW"
    after = next((e for e in entities if e.start == j), None)
    if after is not None and after.label_ in _ORGS | {"Initiative", "Place"} and verb > sent.start:
        return after
    first = entities[0] if entities else None
    if first is not None and first.start == sent.start and lower[verb - 1 - sent.start] == "und" \
            and not any(e.label_ in _ORGS for e in entities if first.end <= e.start < verb):
        return first
    return None


def _object_chain(doc: Doc, sent: Span, entities: list[Span], lower: list[str], start: int, end: int) -> list[Span]:
    """The direct object and those coordinated with it: "den souveränen Arbeitsplatz openDesk
    und die Plattform openCode", "neben dem AI Innovation Lab ein Service Center". Only
    articles, adjectives and one type noun may stand before each; a preposition or a
    genitive ("die Wartung offener …", "im Sinne des …") ends the chain."""
    found: list[Span] = []
    i = start
    while i < end:
        j = i
        while j < end and j - i <= 4 and not any(e.start == j for e in entities):
            word = lower[j - sent.start]
            if word in ("neben",) and not found:
                j += 1
                continue
            if word in _ACCUSATIVE or re.fullmatch(r"[a-zäöüß]+(?:e|en|er|es|em)", doc[j].text) and word not in _STOPS:
                j += 1
                continue
            if doc[j].text[:1].isupper() and j + 1 < end and any(e.start in (j + 1, j + 2) for e in entities) \
                    and not any(e.start <= j < e.end for e in entities):
                j += 1  # one type noun: "Arbeitsplatz", "Plattform", "den Textassistenten „SaarKI“"
                continue
            if doc[j].text in OPENING_QUOTES and any(e.start == j + 1 for e in entities):
                j += 1
                continue
            return found
        entity = next((e for e in entities if e.start == j), None)
        if entity is None or entity.end > end:
            return found
        found.append(entity)
        i = entity.end
        if i < end and lower[i - sent.start] == "(":  # "(HMD)"
            i = next((n + 1 for n in range(i, end) if doc[n].text == ")"), end)
        if i < end and lower[i - sent.start] in ("und", "sowie", ","):
            i += 1
        else:
            return found
    return found


def _participles(doc: Doc, sent: Span, entities: list[Span], lower: list[str]) -> Iterator[Finding]:
    """"des von hessian.AI betriebenen KI-Supercomputers „fortytwo“"."""
    for k, word in enumerate(lower):
        if word[:3] not in _PARTICIPLE_STARTS:
            continue
        stem = re.sub(r"(?:e|en|er|es|em)$", "", word)
        predicate = _PARTICIPLES.get(stem)
        if predicate is None or stem == word:
            continue
        i = sent.start + k
        agent = next((e for e in entities if e.end == i and e.label_ in _ORGS | {"Initiative"}), None)
        if agent is None or agent.start < 1 or doc[agent.start - 1].lower_ not in ("von", "vom", "durch"):
            continue
        near = [e for e in entities if i < e.start <= i + 5 and e.label_ in _THINGS | _ORGS]
        # "betriebenen KI-Supercomputers „fortytwo“": the name, not the "KI" of the compound
        thing = next((e for e in near if e.label_ != "Technology"), near[0] if near else None)
        if thing is not None and not any(doc[j].text in _CLAUSE_END | {","} for j in range(i, thing.start)):
            yield thing, predicate, agent, doc[agent.start - 1:i + 1].text, "participle", 0.75


def _genitives(doc: Doc, sent: Span, entities: list[Span], lower: list[str]) -> Iterator[Finding]:
    """A named thing or unit followed by the body it belongs to, in the genitive."""
    for entity in entities:
        j = entity.end
        if j < sent.end and doc[j].text in ("“", "”", "\"", "«", "»"):
            j += 1
        j = skip_parenthesis(doc, j, within=5)  # its short form: "das Amt für IT (ITD) der Senatskanzlei"
        if j >= sent.end or lower[j - sent.start] not in ("des", "der"):
            continue
        owner = next((e for e in entities if e.start in (j + 1, j + 2) and e is not entity), None)
        if owner is None or owner.label_ not in _ORGS or entity.label_ not in _THINGS | _ORGS:
            continue
        if owner.start == j + 2 and doc[j + 1].text[:1].isupper():
            continue  # "der Landesregierung Wirtschaft …": a word between that is no article
        if entity.label_ in _ORGS:
            predicate = "partOf"
        elif entity.label_ in ("Technology", "Policy"):
            predicate = "developedBy"
        else:
            predicate = "operatedBy"
        yield entity, predicate, owner, doc[entity.start:owner.end].text, "genitive", 0.65


_MEMBER_NOUNS = frozenset({"tochter", "tochtergesellschaft", "tochterunternehmen", "mitglied", "teil", "einrichtung"})
_PART_WORDS = _MEMBER_NOUNS | {"bestandteil"}


def _parts(doc: Doc, sent: Span, entities: list[Span], lower: list[str]) -> Iterator[Finding]:
    """"X ist … (Bestand)teil des Y"; "X, eine Tochter(gesellschaft) der Y"."""
    for k, word in (kw for kw in enumerate(lower) if kw[1] in _PART_WORDS):
        i = sent.start + k
        if word in ("teil", "bestandteil") and i + 1 < sent.end and lower[k + 1] in ("des", "der", "von"):
            whole = next((e for e in entities if e.start in (i + 2, i + 3)), None)
            clause = max((j for j in range(sent.start, i) if doc[j].text in (";", ":")), default=sent.start - 1)
            part = next((e for e in entities if clause < e.start and e.end <= i and e.label_ in _THINGS | _ORGS), None)
            if whole is not None and part is not None and "ist" in lower[part.end - sent.start:k] \
                    and whole.label_ in _THINGS | _ORGS:
                yield part, "partOf", whole, doc[i:whole.end].text, "part-of", 0.75
        if word in _MEMBER_NOUNS and i + 1 < sent.end and lower[k + 1] in ("des", "der"):
            # "X, eine Tochtergesellschaft der Y", "Das KIT, Mitglied der Helmholtz-Gemeinschaft,"
            comma = i - 2 if k >= 2 and lower[k - 1] in ("eine", "ein") else i - 1
            part = next((e for e in entities if e.end == comma and e.label_ in _ORGS), None) \
                if comma > sent.start and doc[comma].text == "," else None
            whole = next((e for e in entities if e.start in (i + 2, i + 3) and e.label_ in _ORGS), None)
            if part is not None and whole is not None:
                yield part, "partOf", whole, doc[comma + 1:whole.end].text, "part-of", 0.8


def _subordinates(doc: Doc, sent: Span, entities: list[Span], lower: list[str]) -> Iterator[Finding]:
    """"Das IT-DLZ ist organisatorisch dem LDBV zugeordnet", "das dem Kultusministerium
    nachgeordnete Landesinstitut": a body placed under another is part of it (a surface
    rule: the parser reads the dative before a participle at the clause's end badly)."""
    for k, word in (kw for kw in enumerate(lower) if _SUBORDINATE.fullmatch(kw[1])):
        i = sent.start + k
        end = i - 1 if doc[i - 1].text == ")" else i
        superior = next((e for e in reversed(entities) if e.end == end and e.label_ in _ORGS), None)
        if superior is not None and doc[superior.start - 1].text == "(":  # its short form: the long one before
            superior = next((e for e in reversed(entities) if e.end < superior.start and e.label_ in _ORGS), superior)
        if superior is None or doc[superior.start - 1].lower_ not in ("dem", "der"):
            continue
        if word.endswith("t"):  # uninflected: "ist … zugeordnet", the body is the subject before the verb
            verb = next((j for j in range(sent.start, superior.start) if lower[j - sent.start] in _COPULAS), None)
            body = next((e for e in entities if verb is not None and e.end <= verb and e.label_ in _ORGS), None)
        else:  # "das dem Kultusministerium nachgeordnete Landesinstitut"
            body = next((e for e in entities if i < e.start <= i + 3 and e.label_ in _ORGS), None)
        if body is not None and body is not superior:
            yield body, "partOf", superior, doc[superior.start - 1:i + 1].text, "subordinate", 0.75


_COPULAS = frozenset({"ist", "sind", "wird", "wurde", "werden", "wurden"})
_SUBORDINATE = re.compile(r"(?:zu|nach|unter)geordnet(?:e|en|er|es|em)?|unterstellt(?:e|en|er|es|em)?"
                          r"|angegliedert(?:e|en|er|es|em)?")


def _sites(doc: Doc, sent: Span, entities: list[Span], lower: list[str]) -> Iterator[Finding]:
    """"„fortytwo“ am Standort Darmstadt", "mit Sitz in Bonn", "mit Standorten in Dresden und
    Leipzig" (each place of the list). A surface rule: the parser often hangs the phrase on
    the wrong word when the name before it is oddly shaped ("ScaDS.AI")."""
    for k, word in enumerate(lower):
        i = sent.start + k
        if word == "standort" and k >= 1 and lower[k - 1] == "am" or \
                word in _SEAT_WORDS and k >= 1 and lower[k - 1] in ("mit", "ihrem", "seinem", "ihren", "seinen") \
                and i + 1 < sent.end and lower[k + 1] == "in":
            place = next((e for e in entities if e.start in (i + 1, i + 2) and e.label_ == "Place"), None)
            thing = next((e for e in reversed(entities) if e.end <= i - 1 and e.label_ != "Place"), None)
            if place is not None and thing is not None and i - 1 - thing.end <= 1:
                for each in listed_places(doc, entities, place, sent.end):
                    yield thing, "locatedIn", each, doc[i - 1:each.end].text, "located-in", 0.8


_SEAT_WORDS = frozenset({"sitz", "hauptsitz", "standorten", "standorte"})


def listed_places(doc: Doc, entities: list[Span], first: Span, end: int) -> list[Span]:
    """``first`` and the places listed after it with commas, "und" or "sowie"."""
    places = [first]
    while places[-1].end + 1 < end and doc[places[-1].end].lower_ in (",", "und", "sowie"):
        following = next((e for e in entities if e.start == places[-1].end + 1 and e.label_ == "Place"), None)
        if following is None:
            break
        places.append(following)
    return places


#: a place's kind before its name, in the genitive: "aus Mitteln des Landes Nordrhein-Westfalen"
_GENITIVE_PLACE_KINDS = frozenset({"landes", "freistaates", "freistaats", "stadt", "landkreises", "kreises", "gemeinde"})


def _funding_sources(doc: Doc, sent: Span, entities: list[Span], lower: list[str]) -> Iterator[Finding]:
    """"wird aus Mitteln des BMWE finanziert", "mit Mitteln des Landes gefördert", "Zuwendungen …
    aus dem Einzelplan des BMI"; a Land's or town's money is its government's."""
    for k, word in enumerate(lower):
        before_word = set(lower[max(0, k - 2):k])
        if word not in ("mitteln", "einzelplan") or not {"aus", "mit"} & before_word:
            continue
        i = sent.start + k
        j = i + 1 + (1 if i + 1 < sent.end and doc[i + 1].text.isdigit() else 0)
        if j >= sent.end or lower[j - sent.start] not in ("des", "der"):
            continue
        start = j + 2 if j + 2 < sent.end and lower[j + 1 - sent.start] in _GENITIVE_PLACE_KINDS else j + 1  # "des Landes NRW"
        funder = next((e for e in entities if e.start in (j + 1, start) and e.label_ in _ORGS | {"Place"}), None)
        before = [e for e in entities if e.end <= i - 1 and e.label_ in _THINGS | _ORGS and e is not funder]
        funded = before[0] if before and (len(before) == 1 or "aus" in before_word) else None
        if funder is not None and funded is not None:  # "mit Mitteln" after several names: whose?
            yield funded, "fundedBy", funder, doc[i - 1:funder.end].text, "funding-source", 0.75


_POSITION = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|er|es|en)\s+)?(?:Direktor|Direktorin|Leiter|Leiterin|Präsident|Präsidentin|"
    r"Vizepräsident|Vizepräsidentin|Geschäftsführer|Geschäftsführerin|Vorsitzende|Vorsitzender|Sprecher|Sprecherin|"
    r"Vorstand|Vorständin|Gründer|Gründerin|Mitglied|Professor|Professorin|Principal\s+Investigator|"
    r"Gruppenleiter|Gruppenleiterin|Abteilungsleiter|Abteilungsleiterin)"
    r"(?:\s+(?:für|des|der)\s+[^,;.]{1,60}?)?\s+(?:von|vom|des|der|am|an\s+der|beim|bei\s+der|im)\s*$"
)


def _positions(doc: Doc, sent: Span, entities: list[Span], lower: list[str]) -> Iterator[Finding]:
    """"X, Geschäftsführender Direktor von Y": a person's post in an organisation; "Prof. Dr.
    X von der TU Dresden", "Staatssekretär X aus dem HMWK": where a person comes from (the
    parser hangs such a phrase on any word of the name, or on the next name of a list)."""
    for person in (e for e in entities if e.label_ == "Person"):
        if person.end >= sent.end:
            continue
        words = lower[person.end - sent.start:person.end - sent.start + 3]
        if words[:1] in (["vom"], ["von"]) or words[:2] in (["aus", "dem"], ["aus", "der"]):
            start = person.end + (1 if words[0] == "vom" else 2)
            start += start < sent.end and lower[start - sent.start] in ("der", "dem")
            body = next((e for e in entities if e.start == start and e.label_ in _ORGS), None)
            if body is not None:
                yield person, "memberOf", body, doc[person.end:body.end].text, "person-from", 0.7
            continue
        if doc[person.end].text != ",":
            continue
        body = next((e for e in entities if person.end + 1 < e.start <= person.end + 10
                     and e.label_ in _ORGS | {"Initiative"}), None)
        if body is None:
            continue
        between = doc[person.end + 1:body.start].text
        if _POSITION.fullmatch(between):
            yield person, "memberOf", body, doc[person.start:body.end].text, "position", 0.8
