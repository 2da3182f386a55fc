"""Relations between recognised entities, from the surface cues German official text uses.

These are the rules over word forms the relation patterns (:mod:`.relation_patterns`,
over the parse) were meant to replace; they stay where they still beat the parse. Measured
by leaving each family out with the relation model in the pipeline (``python
benchmarks/bench_relations.py``: each annotated development set scored by a model trained
on the others; relation F1 pooled, with the knowledge base / without: 0.503 / 0.450 with
every family, fourteenth session):

* ``_clauses`` (:mod:`.clause_rules`): 0.477 / 0.425;
* ``_passive_agent``: 0.488 / 0.435; ``_located_in``: 0.494 / 0.443; ``_partnership``:
  0.495 / 0.443; ``_located_at``: 0.500 / 0.447;
* ``_uses_rules``, ``_operators``, ``_funding``, ``_part_of_list_head``: 0.501 to 0.502 /
  0.449 to 0.450, kept for the constructions they read that no pattern does on the
  small parse ("Hierauf setzt X auf: …", whose object the colon announces; "Mit der
  Durchführung der X treibt Y"; "unterstützt Y mit diesem Programm"; a funding list after
  "Förderungen, wie …"; a list item's measures under its heading): without the first two
  the first development set falls from 0.990 to 0.946, five relations of it lost;
* ``_place_adjective``: no change (each relation it finds there another sentence states
  too); kept for the construction ("das Heidelberger Start-up Aleph Alpha"), which no
  pattern can read: its object is a city named by the adjective, no mention.

Four families went into the pattern files, where the parse gives what they read: a lab
"beim" a body (``unit-at``), "Mit X hat Y … geschaffen" (``made-with``), "X ergänzt Y"
(``complements``) and "im Rahmen von" (``frame-of-act``, ``frame-of-noun``).

The patterns are where new wording goes; these families are kept, each a function of
its own, until the parse does their work.

Precision first: a rule fires only on an explicit cue, and only between entities of
the sentence that states it (or, for "Das Projekt …", "Dabei …", "Hierauf …", the
thing the previous sentences were about). Each rule has an id and a confidence; the
evidence is the sentence, the cue and, when stated, an amount in euros and a year.

Cue families (``sovkg_relations:<rule>``):

* ``located-in``: "Das Zentrum … in Duisburg", "im Land Nordrhein-Westfalen",
  "am Forschungszentrum Jülich", "Dortmund ist … Großstadt in Nordrhein-Westfalen";
* ``passive-agent``: "A und B werden von C gefördert", "Koordiniert wird X von Y",
  "finanziert durch", "entwickelt von" (fundedBy, operatedBy, developedBy);
* ``uses``: "setzt auf", "wird auf … gesetzt", "nutzt", "nutzbar macht", "einsetzt",
  "auf Basis von", "basiert auf", "Einbindung des";
* ``part-of``: "Die Förderwettbewerbe A und B" and "Mit dem Förderprogramm Y" in a list
  item headed X, and "X: Y unterstützt unter der Dachmarke …";
* ``funding-list``: "Förderungen, wie dem A sowie den B und C" of a funding subject;
  ``state-funded``: "landesgeförderte …";
* ``operator``: "Mit der Durchführung der X treibt Y", "unter Leitung des", "Träger ist",
  "mit diesem Programm" of a subject;
* ``partnership``: "gemeinsam mit", "in Zusammenarbeit mit", "Technologiepartner ist";
* ``place-adjective``: "das Heidelberger Start-up Aleph Alpha";
* active verbs, participles, genitives, "Bestandteil des", "am Standort": see
  :mod:`sovkg.extract.clause_rules`.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sovkg.extract.clause_rules import (
    AGENT_PREPOSITIONS, PASSIVE_AUX, RELATIVE_PRONOUNS, clause_relations, joins_list, listed_after, listed_places,
)
from sovkg.extract.coreference import ARTICLES, COREFERENCE_FACTOR, MentionIndex, Resolved, named_thing
from sovkg.extract.doctext import doc_lowers, doc_text, span_text
from sovkg.extract.facts import sentence_facts
from sovkg.extract.pattern_file import asks_whether
from sovkg.extract.morphology import morph_values
from sovkg.extract.patterns import skip_parenthesis
from sovkg.extract.pipeline_data import data_file, data_lines
from sovkg.extract.records import RelationCandidate

_ORGS = frozenset({"GovernmentBody", "ResearchOrganization", "Company", "Organization", "Party"})
_THINGS = frozenset({"Initiative", "Technology", "Infrastructure", "Policy"})
_AGENT_VERBS = {
    "gefördert": "fundedBy", "finanziert": "fundedBy", "bezuschusst": "fundedBy",
    "koordiniert": "operatedBy", "betrieben": "operatedBy", "getragen": "operatedBy",
    "geleitet": "operatedBy", "durchgeführt": "operatedBy", "verantwortet": "operatedBy",
    "entwickelt": "developedBy", "erstellt": "developedBy", "programmiert": "developedBy",
    "erarbeitet": "developedBy", "aufgebaut": "developedBy", "gebaut": "developedBy",
}
#: a sentence about the document's topic by a type noun, also after a fronted participle
#: and with an adjective: "Das Projekt …", "Betrieben wird die neue Plattform …"
_TOPIC_WORDS = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+ (?:wird|werden|wurde|wurden) )?"
                          r"(?:[Dd]as|[Dd]ie|[Dd]er|[Dd]ieses|[Dd]iese|[Dd]ieser)\s+(?:[a-zäöü]+e[nrs]?\s+)?"
                          r"(?:Projekt|Programm|Vorhaben|Plattform|Initiative|Modell|Sprachmodell|Wettbewerb|"
                          r"Förderprogramm|Netzwerk|Zentrum|Anwendung|Lösung|Software|Assistent|System|Rechner|"
                          r"Cluster|Suite|Infrastruktur)\b"
                          r"|^[A-ZÄÖÜ][a-zäöüß]+ (?:wird|wurde) (?:er|sie|es)\b")  # "Betrieben wird er vom JSC"
_PRONOUNS = frozenset({"er", "es", "sie"})
_ANAPHORA = re.compile(r"^(?:Dabei|Hierauf|Darauf|Hierbei|Damit|Hierfür|Dafür)\b")


#: A rule's finding; offsets are into the analysed text until the extractor maps them.
Found = RelationCandidate


class RelationRules:
    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(doc.spans[self.spans_key], key=lambda s: (s.start, -s.end)) if self.spans_key in doc.spans else []
        starts = [s.start for s in spans]
        found: list[Found] = []
        topic: Span | None = None
        last: Span | None = None
        index = MentionIndex(doc, spans, {})
        for sent in doc.sents:
            within = spans[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
            entities = [s for s in within if s.end <= sent.end]
            head = _list_head(sent, entities)
            if head is not None:
                topic = head
            found += self._sentence(doc, sent, entities, topic, head, last, index)
            things = [e for e in entities if e.label_ in _THINGS and e is not head and named_thing(e)]
            if things and head is None:
                topic = things[0]
            if things:
                last = things[-1]
        doc.user_data["sovkg_relations"] = tuple(_unique(found))
        return doc

    def _sentence(self, doc: Doc, sent: Span, entities: list[Span], topic: Span | None,
                  head: Span | None, last: Span | None, index: MentionIndex) -> Iterable[Found]:
        if not entities:
            return  # every family relates a mention of the sentence
        text = span_text(sent)
        context = _Sentence(doc, sent, text, entities, topic, head, last, doc_lowers(doc)[sent.start:sent.end],
                            sentence_facts(text), index)
        results: list[Found | None] = []
        for family in FAMILIES:
            results += family(context, results)
        yield from (r for r in results if r is not None)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What every cue family reads: the sentence, its entities, the topic, the list head
    and the last named thing before it, the lower-cased words and amounts and years, and
    the document's mentions for resolving a pronoun."""

    doc: Doc
    sent: Span
    text: str
    entities: list[Span]
    topic: Span | None
    head: Span | None
    last: Span | None
    lower: list[str]
    facts: dict
    index: MentionIndex

    def at(self, match_end: int) -> int:
        """A position in the document of an offset into the sentence's text."""
        return self.sent.start_char + match_end

    def make(self, subject: Span, predicate: str, obj: Span | None, cue: str, rule: str, confidence: float,
             **extra) -> Found | None:
        """A finding, unless its ends are one thing or the subject is no named thing."""
        if obj is not None and ((subject.start_char, subject.end_char) == (obj.start_char, obj.end_char)
                                or _same(subject, obj)):
            return None
        asked = any(asks_whether(end.root, self.sent) for end in (subject, obj)
                    if end is not None and self.sent.start <= end.start < self.sent.end)
        if asked or not named_thing(subject):
            return None  # "Nutzt die Landesregierung X?" says nothing; "KI" runs nothing
        return Found((subject.start_char, subject.end_char), predicate,
                     (obj.start_char, obj.end_char) if obj is not None else None,
                     (self.sent.start_char, self.sent.end_char), cue, rule, confidence, **extra)


Family = Callable[[_Sentence, list], Iterable["Found | None"]]


def _located_in(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """ "X in Y", "X im Land Y", "X (ABBR) in Y", a place inside the name; of a thing that
    has a place (not "Microsoft 365 in Deutschland", a product, nor a person or a law)."""
    doc, entities = c.doc, c.entities
    sited = _sited()
    for entity in (e for e in entities if e.label_ in sited):
        for place in entities:  # a place named inside the name: "Zentrum für … in Duisburg"
            if place.label_ == "Place" and entity.start < place.start and place.end <= entity.end \
                    and doc[place.start - 1].lower_ in ("in", "im"):
                yield c.make(entity, "locatedIn", place, doc[place.start - 1:place.end].text, "located-in", 0.9)
        j = skip_parenthesis(doc, entity.end)
        while j < len(doc) and doc[j].text in ("“", "”", "\"", "«", "»"):
            j += 1
        if j < len(doc) and doc[j].lower_ in ("in", "im"):
            k = j + 1  # the place may begin with its kind ("im Land Nordrhein-Westfalen") or follow it
            place = _span_at(entities, k, "Place")
            if place is None and k < len(doc) and doc[k].lower_ in _PLACE_KINDS:
                place = _span_at(entities, k + 1, "Place")
            if place is not None and not _where_done(entity, place):
                for each in listed_places(doc, entities, place, c.sent.end):  # "in Kaiserslautern und Saarbrücken"
                    yield c.make(entity, "locatedIn", each, doc[j:each.end].text, "located-in", 0.9)


@lru_cache(maxsize=1)
def _sited() -> frozenset[str]:
    """What the contract lets be located somewhere: the subjects the predicate table of the
    relation patterns allows for locatedIn, so that the surface rule and the patterns agree."""
    return frozenset(json.loads(data_file("relation_patterns.json"))["predicates"]["locatedIn"]["subject"])


def _where_done(entity: Span, place: Span) -> bool:
    """"stellte die Plattform BayernKI in München vor", "wird openDesk in Schleswig-Holstein
    genutzt": the place belongs to the verb whose object the thing is, where something was
    done with it, not where it is (read from the parse, which the adjacency cannot tell)."""
    verb, thing = place.root.head, entity.root
    if thing.dep_ in ("nmod", "appos", "flat") and thing.head.i == thing.i - 1 and thing.head.pos_ == "NOUN":
        thing = thing.head  # "die Plattform BayernKI": the type noun is the verb's object
    before = entity.doc[entity.start - 1] if entity.start else None
    return place.root.dep_ == "obl" and verb.pos_ in ("VERB", "AUX") and thing.head.i == verb.i and \
        thing.dep_ in ("obj", "nsubj:pass") and not (before is not None and before.pos_ == "ADP")  # not "vom DFKI"


_PLACE_KINDS = ("land", "landes", "stadt", "kreis", "bundesland", "region")


def _located_at(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """A list head's place, infrastructure at a site, a city in its Land."""
    doc, entities = c.doc, c.entities
    if c.head is not None:  # "- Al Village: Der KI-Innovationscampus in Hürth …"
        for t in doc[c.head.end:min(c.sent.end, c.head.end + 8)]:
            if t.lower_ in ("in", "im"):
                place = _span_at(entities, t.i + 1, "Place")
                if place is not None:
                    yield c.make(c.head, "locatedIn", place, doc[c.head.start:place.end].text, "located-in", 0.8)
                break
    infrastructure = [e for e in entities if e.label_ == "Infrastructure"]
    for t in _cue_tokens(c.sent, c.lower, ("am", "beim")) if len(infrastructure) == 1 else ():
        site = _span_at(entities, t.i + 1, None)
        if site is not None and site.label_ in ("ResearchOrganization", "Organization"):
            yield c.make(infrastructure[0], "locatedIn", site, f"{t.text} {site.text}", "located-in", 0.7)
    if re.search(r"\b(?:Stadt|Großstadt|Gemeinde|Kommune)\s+in\b", c.text):
        places = [e for e in entities if e.label_ == "Place"]
        if len(places) >= 2 and places[0].start == c.sent.start:
            yield c.make(places[0], "locatedIn", places[-1], c.text, "located-in", 0.7)


def _passive_agent(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """ "A und B werden von C gefördert", "Koordiniert wird X von Y"."""
    if not any(w in PASSIVE_AUX for w in c.lower):
        return
    doc, entities = c.doc, c.entities
    for t in _cue_tokens(c.sent, c.lower, _AGENT_VERBS):
        agent = _agent(doc, c.sent, entities, t)
        named = _named_among(doc, c.sent, entities, t) if agent is None else []
        if agent is None and named:  # "wird von 13 Hochschulen getragen, darunter die TU Darmstadt, …"
            agent, partners_among = named[0], named[1:]
        else:  # "durch das BMFTR und das Land Nordrhein-Westfalen"
            partners_among = listed_after(doc, entities, agent) if agent is not None else []
        if agent is None:
            continue
        if agent.start > t.i and _relative_start(doc, t.i, agent.start) < agent.start:
            continue  # "Finanziert wird X über Y, die von Z verwaltet wird": Z is the relative clause's
        subjects = _passive_subjects(c, t, agent)
        pronoun = _pronoun_subject(c, t)
        if pronoun is not None:  # "…; gefördert wird es durch das BMFTR": what "es" stands for
            subjects = [pronoun.span]
        elif not subjects and _TOPIC_WORDS.match(c.text) and c.topic is not None:
            subjects = [c.topic]
        coreference = {"anaphor": pronoun.via, "antecedent": pronoun.chars} if pronoun is not None else {}
        # "vom InnoLab_bw des Staatsministeriums gemeinsam mit dem Unternehmen Aleph Alpha entwickelt"
        partners = [e for e in entities if agent.end <= e.start and e.end <= t.i and e.label_ in _ORGS
                    and re.search(r"\b(?:gemeinsam|zusammen) mit\b", doc[agent.end:e.start].text)]
        partners = partners[:1] + listed_after(doc, entities, partners[0]) if partners else []
        for subject in (s for s in subjects if s.label_ != "Place"):
            for by in (agent, *partners, *partners_among):
                yield c.make(subject, _AGENT_VERBS[t.lower_], by, f"{doc[by.start - 1].text} … {t.text}",
                             "passive-agent", 0.85 * (COREFERENCE_FACTOR if pronoun else 1.0),
                             **c.facts, **coreference)


def _passive_subjects(c: _Sentence, participle: Token, agent: Span) -> list[Span]:
    """What a passive with this agent is about: the names before the agent's preposition in
    the participle's clause; of a relative clause, the name it is attached to (with the
    names listed before it); after a fronted participle and its auxiliary, only the names
    after them ("…, gefördert wurde das Vorhaben vom BMWK": not the names before the comma)."""
    doc = c.doc
    first_by = next((k for k in range(c.sent.start, agent.start)
                     if c.lower[k - c.sent.start] in AGENT_PREPOSITIONS), agent.start)
    clause = _relative_start(doc, c.sent.start, first_by)  # "…, der unter dem Dach der OSBA entstanden ist
    subjects = [e for e in c.entities if e.label_ != "Place" and e.end <= first_by  # und vom BMWE gefördert wurde"
                and not clause < e.start  # what the relative pronoun stands for, not a name inside its clause
                and not _inside(e, agent) and e.start_char != agent.start_char
                and not any(t.text == ";" for t in doc[e.end:agent.start])  # another clause
                and not _preceded_by(doc, e, ("von", "vom", "durch", "mit", "des", "der"))
                and (e.start == 0 or doc[e.start - 1].lower_ != "des")]  # "im Rahmen des NHR": a genitive, no subject
    named = [e for e in subjects if named_thing(e)]  # "…, ein Kompetenzzentrum für maschinelles Lernen, das …"
    if clause < first_by and named:  # "das CityLAB … auf der Plattform openCode, die vom ZenDiS betrieben wird"
        # "A und B, die von C getragen werden"; "A und B, die von C getragen wird" is about B alone
        singular = any(t.lower_ in _SINGULAR_AUX for t in doc[participle.i + 1:min(participle.i + 3, c.sent.end)])
        return [named[-1]] if singular else _listed_before(doc, named, named[-1])
    subjects = [e for e in subjects if not _in_a_phrase(doc, e, c.entities)]  # "über das GCS": no subject
    aux = participle.i + 1
    if aux < c.sent.end and c.lower[aux - c.sent.start] in PASSIVE_AUX and \
            (participle.i == c.sent.start or doc[participle.i - 1].is_punct):
        return [e for e in subjects if e.start > aux]
    return subjects


def _listed_before(doc: Doc, entities: list[Span], last: Span) -> list[Span]:
    """``last`` and the entities listed before it: "A, B und C, die …"."""
    found = [last]
    for entity in reversed([e for e in entities if e.end <= last.start]):
        if not joins_list(t.lower_ for t in doc[entity.end:found[0].start]):
            break
        found.insert(0, entity)
    return found


def _pronoun_subject(c: _Sentence, participle: Token) -> Resolved | None:
    """The personal pronoun right after a participle's auxiliary ("Getragen wird es von …",
    which the parser reads as a noun), resolved as the patterns resolve pronouns."""
    i = participle.i
    if i + 2 >= c.sent.end or c.lower[i + 1 - c.sent.start] not in PASSIVE_AUX:
        return None
    resolved = c.index.resolve(c.doc[i + 2]) if c.lower[i + 2 - c.sent.start] in _PRONOUNS else []
    return resolved[0] if resolved and resolved[0].via is not None else None


def _uses_rules(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """ "Hierauf setzt X", "nutzt", "setzt auf", "auf Basis von", "Einbindung des"."""
    if re.match(r"(?:Hierauf|Darauf)\s+(?:setzt|setzen|baut|bauen)\b", c.text) and c.last is not None:
        subject = next((e for e in c.entities if e.label_ in _THINGS and named_thing(e)), None)
        if subject is not None:
            words = c.text.split(" ", 2)
            yield c.make(subject, "uses", c.last, words[0] + " … " + words[1], "uses", 0.75)
    for cue, subject, obj in _uses(c.doc, c.sent, c.text, c.entities, c.topic):
        if not named_thing(obj):  # named things used the patterns read from the parse; a concept
            yield c.make(subject, "uses", obj, cue, "uses", 0.8)  # in a compound they miss


def _part_of_list_head(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """ "Die Förderwettbewerbe A und B" and "Mit dem Förderprogramm Y" in a list item headed X;
    "X: Y unterstützt unter der Dachmarke …": X is Y's (the parse of such an item joins X and
    Y into one subject, so no pattern reads it)."""
    if c.head is None:
        return
    if "Dachmarke" in c.text:
        owner = next((e for e in c.entities if e is not c.head and e.start > c.head.end), None)
        if owner is not None:
            yield c.make(c.head, "partOf", owner, "unter der Dachmarke", "part-of", 0.75)
    doc, start = c.doc, c.head.end
    while start < c.sent.end and set(doc[start].text) <= {":", "*"}:
        start += 1
    words = doc[start:start + 3]
    if len(words) < 2 or words[0].lower_ not in ("die", "der", "das", "mit") or not words[1].text[:1].isupper():
        return
    first = start + (2 if words[0].lower_ != "mit" else 3)
    member = next((e for e in c.entities if first - 1 <= e.start <= first + 1 and e.label_ in _THINGS), None)
    while member is not None:
        yield c.make(member, "partOf", c.head, doc[start:member.end].text, "part-of", 0.75)
        k = member.end
        if k < len(doc) and doc[k].lower_ in ("und", "sowie", ","):
            member = next((e for e in c.entities if e.start == k + 1 and e.label_ in _THINGS), None)
        else:
            member = None


def _funding(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """ "Förderungen, wie dem A sowie den B und C" of a funding subject; "landesgeförderte …"."""
    match = re.search(r"Förderungen?,?\s+wie\s+(?:dem|der|den|des)\b", c.text)
    if match:
        after = c.at(match.end())
        funder = next((e for e in c.entities if e.label_ == "GovernmentBody" and e.start_char > after), None)
        funded = [e for e in c.entities if e.start_char >= after
                  and e.label_ in ("ResearchOrganization", "Initiative", "Organization")
                  and (funder is None or e.start < funder.start)]
        for item in funded if funder is not None else ():
            yield c.make(item, "fundedBy", funder, match.group(0), "funding-list", 0.75)
    if re.search(r"\blandesgefördert", c.text) and c.topic is not None:
        yield c.make(c.topic, "fundedBy", None, "landesgefördert", "state-funded", 0.7,
                     object_name="Landesregierung", object_type="GovernmentBody")


def _operators(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """ "Mit der Durchführung der X treibt Y", "Den Betrieb … übernimmt Y", "unter Leitung des"."""
    match = re.search(r"Durchführung\s+(?:der|des)\b", c.text)
    if match:
        run = next((e for e in c.entities if e.start_char >= c.at(match.end()) and e.label_ in _THINGS), None)
        runner = next((e for e in c.entities if run is not None and e.start > run.end and e.label_ in _ORGS), None)
        if run is not None and runner is not None:
            yield c.make(run, "operatedBy", runner, match.group(0), "operator", 0.8)
    # "Den Betrieb für Bundesbehörden übernimmt das ITZBund.", "Die technische Umsetzung
    # erfolgt durch Dataport.": the running of what the sentence before named
    match = re.match(r"(?:Den|Der|Die)\s+(?:technische\s+)?(?:Betrieb|Umsetzung|Koordinierung|Koordination)\b"
                     r"[^.;:]*?\b(?:übernimmt|übernehmen|erfolgt\s+durch|liegt\s+bei|obliegt)\b", c.text)
    if match and c.last is not None and c.last.label_ in ("Initiative", "Infrastructure"):
        runner = next((e for e in c.entities if e.start_char >= c.at(match.end()) and e.label_ in _ORGS), None)
        if runner is not None:
            yield c.make(c.last, "operatedBy", runner, match.group(0), "operator", 0.65)
    yield from _operator_of_programme(c)


def _operator_of_programme(c: _Sentence) -> Iterator[Found | None]:
    """ "mit diesem Programm" of a subject; "unter der Leitung des"; "Träger ist"."""
    match = re.search(r"mit\s+diesem\s+(?:Programm|Projekt|Vorhaben)", c.text)
    referent = c.last if c.last is not None and c.last is not c.head else c.topic
    if match and referent is not None:
        runner = next((e for e in c.entities if e.label_ in _ORGS and e.end_char <= c.at(match.start())), None)
        if runner is not None:
            yield c.make(referent, "operatedBy", runner, match.group(0), "operator", 0.75)
    match = re.search(r"unter\s+(?:der\s+)?Leitung\s+(?:des|der|von)\b|\bTräger\s+(?:ist|sind)\b", c.text)
    if match:
        runner = next((e for e in c.entities if e.start_char >= c.at(match.end()) and e.label_ in _ORGS), None)
        subject = next((e for e in c.entities if e.label_ in _THINGS), c.topic)
        if runner is not None and subject is not None:
            yield c.make(subject, "operatedBy", runner, match.group(0), "operator", 0.8)


def _partnership(c: _Sentence, found: list) -> Iterator[Found | None]:
    """ "gemeinsam mit", "in Zusammenarbeit mit", "Technologiepartner ist"."""
    match = re.search(r"\b(?:[Gg]emeinsam mit|in Zusammenarbeit mit|zusammen mit)\b", c.text)
    if match:
        # "Gemeinsam mit B hat A …" names the actor after the partner; "A … gemeinsam mit B" before
        partner = next((e for e in c.entities if e.start_char >= c.at(match.end())), None)
        cue_end = c.doc.char_span(c.at(match.start()), c.at(match.end()), alignment_mode="expand").end
        if partner is not None and (partner.label_ not in _ORGS | {"Initiative", "Infrastructure"}
                                    or not _names_next(c.doc, cue_end, partner)):
            partner = None  # "gemeinsam mit Partnern aus Wissenschaft und Wirtschaft …": none named
        if match.start() == 0:  # the actor after the verb: "Gemeinsam mit A und B bildet es/C …"
            verb = next((t.i for t in c.doc[partner.end:c.sent.end] if t.pos_ in ("VERB", "AUX")), c.sent.end) \
                if partner is not None else c.sent.end
            actor = next((e for e in c.entities if e.start > verb and e.label_ in _ORGS
                          and _names_next(c.doc, verb + 1, e)), None)  # not "bildet es das GCS"
        else:  # not a body a phrase names ("das InnoLab_bw im Staatsministerium gemeinsam mit …")
            before = [e for e in c.entities if e.end_char <= c.at(match.start()) and e.label_ in _ORGS]
            actor = next((e for e in reversed(before) if _preceded_by(c.doc, e, ("von", "vom", "durch"))
                          or not _in_a_phrase(c.doc, e, c.entities)), None)
        if actor is not None and any(w in PASSIVE_AUX for w in c.lower) and \
                _preceded_by(c.doc, actor, ("von", "vom", "durch")):
            actor = None  # "wird von A gemeinsam mit B getragen": B is a co-agent, see _passive_agent
        if partner is not None and actor is not None:
            yield c.make(actor, "cooperatesWith", partner, match.group(0), "partnership", 0.75)
    match = re.search(r"Technologiepartner\s+(?:ist|sind)\b", c.text)
    partner = next((e for e in c.entities if match and e.start_char >= c.at(match.end())
                    and e.label_ in _ORGS), None)
    if match and partner is not None:
        for operated in [r for r in found if r and r.rule == "passive-agent" and r.predicate == "operatedBy"]:
            agent = _span_by_chars(c.entities, operated.object)
            if agent is not None:
                yield c.make(agent, "cooperatesWith", partner, match.group(0), "partnership", 0.75)
        if c.topic is not None:
            yield c.make(c.topic, "cooperatesWith", partner, match.group(0), "partnership", 0.7)


def _names_next(doc: Doc, start: int, entity: Span) -> bool:
    """The entity is the phrase right after ``start``: at most articles, adjectives and one
    kind word before it ("mit der Heidelberger Aleph Alpha GmbH", "mit dem Unternehmen X")."""
    between = doc[start:entity.start]
    return len(between) <= 3 and all(_ARTICLE_OR_ADJECTIVE.fullmatch(t.lower_) or t.pos_ in ("ADJ", "DET")
                                     or t.i == entity.start - 1 and t.pos_ in ("NOUN", "PROPN") for t in between)


def _clauses(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """Active verbs, participles, genitives, "Bestandteil des", "am Standort": :mod:`.clause_rules`."""
    for subject, predicate, obj, cue, rule, confidence in clause_relations(c.doc, c.sent, c.entities, c.lower,
                                                                           "amount" in c.facts):
        extra = c.facts if predicate == "fundedBy" else {}
        yield c.make(subject, predicate, obj, cue, rule, confidence, **extra)


def _place_adjective(c: _Sentence, _found: list) -> Iterator[Found | None]:
    """ "das Heidelberger Start-up Aleph Alpha": a city's adjective before a body's name (in
    its noun phrase) says where it is; the place is given by name, it is no mention."""
    adjectives = place_adjectives()
    for entity in (e for e in c.entities if e.label_ in _ORGS | _THINGS and e.start > c.sent.start):
        k = entity.start - 1
        while k > max(c.sent.start, entity.start - 5) and c.doc[k].lower_ not in _PHRASE_START:
            place = adjectives.get(c.doc[k].text)
            before = c.doc[k - 1]  # an article or an adjective, not a given name ("Janis Kemper")
            if place is not None and (before.lower_ in _PHRASE_START or before.is_lower):
                yield c.make(entity, "locatedIn", None, c.doc[k].text, "place-adjective", 0.75,
                             object_name=place, object_type="Place")
                break
            k -= 1


#: where a noun phrase begins: what stands before a place adjective is no part of it
_PHRASE_START = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "eines", "einer",
                           ",", "und", "mit", "von", "vom", "im", "am", "in", "an", "bei", "beim"})
#: adjectives of cities that are not their name with "er" ("Münchner", "Darmstädter")
_IRREGULAR_ADJECTIVES = {"Münchner": "München", "Darmstädter": "Darmstadt", "Hannoveraner": "Hannover",
                         "Hannoversche": "Hannover", "Bielefelder": "Bielefeld"}


@lru_cache(maxsize=1)
def place_adjectives() -> dict[str, str]:
    """The adjectives of the cities in ``places.tsv``: "Heidelberger", "Karlsruher",
    "Tübinger", "Kölner", and the irregular ones above."""
    found: dict[str, str] = {}
    for line in data_lines("places.tsv"):
        name, kind = line.split("\t")[:2]
        if kind not in ("city", "district") or " " in name:
            continue
        forms = [name + "er", name + "r"] if name.endswith("e") else [name + "er"]
        if name.endswith("en"):
            forms.append(name[:-2] + "er")
        for form in forms:
            found.setdefault(form, name)
    return found | _IRREGULAR_ADJECTIVES


#: The cue families in the order they run (``_partnership`` reads what ``_passive_agent`` found).
FAMILIES: tuple[Family, ...] = (_located_in, _located_at, _passive_agent, _uses_rules, _part_of_list_head,
                                _funding, _operators, _partnership, _place_adjective, _clauses)


def _uses(doc: Doc, sent: Span, text: str, entities: list[Span],
          topic: Span | None) -> Iterable[tuple[str, Span, Span]]:
    for match in re.finditer(r"\bauf\b|\bnutzt\b|\bnutzen\b|nutzbar|einsetzt|eingesetzt|\bBasis\s+von\b|basiert\s+auf|"
                             r"Einbindung\s+(?:des|der|von)", text):
        position = sent.start_char + match.end()
        word = match.group(0)
        if word == "auf" and not re.search(r"\b(?:setzt|gesetzt|setzen|basiert|aufbaut)\b", text):
            continue
        clause = sent.start_char + max(text.rfind(";", 0, match.start()), text.rfind(":", 0, match.start())) + 1
        if word in ("nutzt", "nutzen", "einsetzt", "eingesetzt") or word == "nutzbar":
            # the object stands before the verb in a German subordinate clause, in the
            # verb's own clause ("…; Forschende des Centers nutzen ihn" names none)
            objects = [e for e in entities if clause <= e.start_char and e.end_char <= sent.start_char + match.start()
                       and e.label_ in ("Technology", "Infrastructure", "Initiative")]
            obj = objects[-1] if objects else None
        else:
            obj = next((e for e in entities if e.start_char >= position and e.start_char - position <= 30
                        and not re.search(r"[:.;]", doc_text(doc)[position:e.start_char])
                        and e.label_ in ("Technology", "Infrastructure", "Initiative")), None)
        if obj is None:
            continue
        if word in ("nutzen", "nutzbar") and re.search(r"\bzu\s+nutzen\b|nutzbar\s+zu\s+machen", text[match.start() - 4:match.end() + 10]):
            continue  # "… Open Source stärker zu nutzen": an intention, not a fact
        subjects = [e for e in entities if e is not obj and e.label_ in (_THINGS | _ORGS) - {"Party"} and not _same(e, obj)
                    and not (e.start_char >= position and e.start_char - position <= 40 and word != "auf")]
        if word.startswith("Einbindung"):
            subject = next((e for e in entities if e.start > obj.end and e.label_ in _THINGS), None)
        elif _ANAPHORA.match(text) and topic is not None and not subjects:
            subject = topic
        else:
            candidates = [e for e in subjects if clause <= e.start_char and e.end_char <= sent.start_char + match.start()]
            subject = candidates[0] if candidates else (topic if _ANAPHORA.match(text) else None)
        if subject is not None and subject is not obj:
            yield word, subject, obj


def _list_head(sent: Span, entities: list[Span]) -> Span | None:
    """The named measure heading a list item ("- KI.NRW Flagships: …")."""
    first = entities[0] if entities else None
    if first is None:
        return None
    if first._.sovkg_method == "sovkg_patterns:list-head":
        return first
    prefix = doc_text(sent.doc)[sent.start_char:first.start_char]
    follows = doc_text(sent.doc)[first.end_char:first.end_char + 4]
    if re.fullmatch(r"\s*(?:[-•–*]|\*\*|[-•–*]\s*\*\*)\s*", prefix) and re.match(r"\s*(?:\*\*)?:", follows):
        return first
    return None


def _cue_tokens(sent: Span, lower: list[str], cues: Container[str]) -> Iterator[Token]:
    """The tokens of a sentence whose lower-case form is a cue, without building the others:
    making spaCy ``Token`` objects is most of what a scan over every word costs."""
    doc = sent.doc
    return (doc[sent.start + k] for k, word in enumerate(lower) if word in cues)


def _span_at(entities: list[Span], i: int, label: str | None) -> Span | None:
    for entity in entities:
        if entity.start == i and (label is None or entity.label_ == label):
            return entity
    return None


def _span_by_chars(entities: list[Span], chars: tuple[int, int] | None) -> Span | None:
    return next((e for e in entities if chars and (e.start_char, e.end_char) == chars), None)


def _agent(doc: Doc, sent: Span, entities: list[Span], verb) -> Span | None:
    """The entity after "von"/"vom"/"durch" closest before the participle (else after it), not
    one whose participle comes first ("von A getragen und von B finanziert": B finances)."""
    best = None
    for entity in entities:
        if entity.start == 0 or entity.label_ not in _ORGS | {"Initiative"}:
            continue  # an initiative runs things too: "vom InnoLab_bw … entwickelt"
        # "von C", "vom C", "von dem C", "von dem Landesbetrieb C", "durch das damalige C"
        window = [t.lower_ for t in doc[max(sent.start, entity.start - 3):entity.start]]
        preposition = next((i for i in range(len(window) - 1, -1, -1) if window[i] in AGENT_PREPOSITIONS), None)
        if preposition is None or not all(_ARTICLE_OR_ADJECTIVE.fullmatch(w) or
                                          doc[entity.start - len(window) + i].text[:1].isupper()
                                          for i, w in enumerate(window) if i > preposition):
            continue
        if _of_a_noun(doc, entity.start - len(window) + preposition):
            continue
        between = doc[entity.end:verb.i] if entity.end <= verb.i else doc[verb.i:entity.start]
        if entity.end <= verb.i and _another_agent(between) or any(t.text == ";" for t in between):
            continue  # another participle's agent, or another clause's
        if best is None or _nearer(entity, best, verb.i):
            best = entity
    return best


def _another_agent(between: Span) -> bool:
    """Words between an agent and its participle that name another participle's agent ("von A
    getragen und von B finanziert"), not one coordinated with it ("je zur Hälfte vom BMFTR und
    von den Sitzländern finanziert", where the second agent is no name)."""
    return any(t.lower_ in AGENT_PREPOSITIONS for t in between) and \
        any(t.lower_ in _AGENT_VERBS or t.pos_ in ("VERB", "AUX") for t in between)


def _nearer(entity: Span, best: Span, verb: int) -> bool:
    """Whether ``entity`` is the likelier agent than ``best``: one before the participle wins
    over one after it (a clause ends in its participle: "von A getragen und von B finanziert",
    B is the next participle's), else the nearer one."""
    if (entity.start < verb) != (best.start < verb):
        return entity.start < verb
    return abs(entity.start - verb) < abs(best.start - verb)


#: words after which "von" names no agent: "mithilfe von OSISM", "anstelle von Microsoft Office"
_VON_ADVERBS = frozenset({"mithilfe", "anhand", "aufgrund", "anstelle", "infolge", "zugunsten", "seitens"})


def _of_a_noun(doc: Doc, i: int) -> bool:
    """The "von" at ``i`` belongs to a noun, not to a passive: after "mithilfe" and the like, or
    inside an apposition ("…, der Referenzimplementierung von SCS, aufgebaut")."""
    if i == 0 or doc[i].lower_ == "durch":
        return False
    if doc[i - 1].lower_ in _VON_ADVERBS:
        return True
    if doc[i - 1].pos_ != "NOUN":
        return False
    j = i - 1  # the noun's first part: "der IaaS-Referenzimplementierung von SCS"
    while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    return j >= 2 and doc[j - 1].lower_ in ARTICLES and doc[j - 2].text == ","
_ARTICLE_OR_ADJECTIVE = re.compile(r"dem|der|den|das|die|[a-zäöüß]+(?:e|en|er|es|em)")


def _named_among(doc: Doc, sent: Span, entities: list[Span], verb: Token) -> list[Span]:
    """The bodies listed after ", darunter" when the agent is a group ("von 13 Hochschulen")."""
    after = doc[verb.i:sent.end].text
    match = re.match(r"\S+\s*,\s*darunter\b", after)
    if match is None or \
            not any(doc[j].lower_ in AGENT_PREPOSITIONS for j in range(max(sent.start, verb.i - 6), verb.i)):
        return []
    start = verb.i + 3
    return [e for e in entities if e.start >= start and e.label_ in _ORGS]


def _relative_start(doc: Doc, start: int, end: int) -> int:
    """Where the last relative clause before ``end`` begins (", der …", ", die …", also after a
    preposition: ", an dem …", ", mit der …"), or ``end``."""
    return next((k for k in range(end - 1, start, -1) if doc[k - 1].text == "," and _relative_at(doc, k, end)), end)


#: Relative pronouns a preposition governs ("an dem", "mit denen", "bei welcher").
_RELATIVES_AFTER_PREPOSITION = frozenset({"dem", "der", "den", "denen", "das", "die", "welchem", "welcher", "welchen",
                                          "welches", "welche"})


def _relative_at(doc: Doc, k: int, end: int) -> bool:
    """A relative pronoun at ``k`` (not an article the parser made it), or a preposition and
    one after it, which the parser often calls an article: it is a relative pronoun when the
    morphology says so or no noun follows ("an dem die TU … beteiligt sind", not "mit dem Land")."""
    if doc[k].pos_ != "ADP" or k + 2 >= end:  # an "article" no noun follows: "…, die gemeinsam von …"
        return doc[k].lower_ in RELATIVE_PRONOUNS and (
            doc[k].dep_ != "det" or k + 1 < end and doc[k + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "NUM"))
    pronoun, after = doc[k + 1], doc[k + 2]
    return pronoun.lower_ in _RELATIVES_AFTER_PREPOSITION and (
        "Rel" in (morph_values(pronoun, "PronType") or [""])[0] or after.pos_ not in ("NOUN", "PROPN", "ADJ"))


#: the passive auxiliaries of one subject after a participle ("…, die von C getragen wird")
_SINGULAR_AUX = frozenset({"wird", "wurde", "ist", "war"})


def _in_a_phrase(doc: Doc, span: Span, entities: list[Span]) -> bool:
    """The name stands in a prepositional phrase ("über das Gauss Centre", "zum Konsortium";
    also its short form after it, "(GCS)") or is a genitive after a noun ("als Einrichtung
    der Helmholtz-Gemeinschaft"): it is no subject of the clause, whatever the parse says."""
    if span.start > 0 and doc[span.start - 1].text == "(":
        long_form = next((e for e in entities if e.end == span.start - 1), None)
        return long_form is not None and _in_a_phrase(doc, long_form, entities)
    i = _before_articles(doc, span)
    if i < 0:
        return False
    genitive = i < span.start - 1 and doc[i + 1].lower_ in ("der", "des") and doc[i].pos_ in ("NOUN", "PROPN")
    return doc[i].pos_ == "ADP" or doc[i].lower_ in ("zum", "zur", "im", "am", "beim") or genitive


def _preceded_by(doc: Doc, span: Span, words: tuple[str, ...]) -> bool:
    i = _before_articles(doc, span)
    return i >= 0 and doc[i].lower_ in words


def _before_articles(doc: Doc, span: Span) -> int:
    """The index of the word before ``span`` and the articles before it (-1: none)."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ARTICLES:
        i -= 1
    return i


def _inside(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


def _same(a: Span, b: Span) -> bool:
    name_a = a._.sovkg_name or a.kb_id_ or a.text
    name_b = b._.sovkg_name or b.kb_id_ or b.text
    return (a.kb_id_ and a.kb_id_ == b.kb_id_) or name_a == name_b


def _unique(found: Iterable[Found]) -> list[Found]:
    seen, result = set(), []
    for item in found:
        key = (item.subject, item.predicate, item.object, item.object_name, item.sentence)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


@Language.factory(
    "sovkg_relations",
    default_config={"spans_key": "sovkg_mentions"},
    assigns=["doc.user_data"],
    requires=["token.is_sent_start"],
)
def make_relation_rules(nlp: Language, name: str, spans_key: str) -> RelationRules:
    return RelationRules(name, spans_key=spans_key)
