"""Relations between recognised entities, from the cues German official text uses.

Precision first: a rule fires only on an explicit cue, and only between entities of
the sentence that states it (or, for "Das Projekt …", "Dabei …", "Hierauf …", the
thing the previous sentences were about). Each rule has an id and a confidence; the
evidence is the sentence, the cue and, when stated, an amount in euros and a year.

Cue families (``sovkg_relations:<rule>``):

* ``located-in``: "Das Zentrum … in Duisburg", "im Land Nordrhein-Westfalen",
  "am Forschungszentrum Jülich", "Dortmund ist … Großstadt in Nordrhein-Westfalen";
* ``passive-agent``: "A und B werden von C gefördert", "Koordiniert wird X von Y",
  "finanziert durch", "entwickelt von" (fundedBy, operatedBy, developedBy);
* ``active-developer``: "Y hat mit X … entwickelt / geschaffen";
* ``uses``: "setzt auf", "wird auf … gesetzt", "nutzt", "nutzbar macht", "einsetzt",
  "auf Basis von", "basiert auf", "Einbindung des";
* ``part-of``: "im Rahmen von", "unter der Dachmarke", "Die Förderwettbewerbe A und B"
  and "Mit dem Förderprogramm Y" in a list item headed X;
* ``funding-list``: "Förderungen, wie dem A sowie den B und C" of a funding subject;
  ``state-funded``: "landesgeförderte …";
* ``operator``: "Mit der Durchführung der X treibt Y", "unter Leitung des", "Träger ist",
  "mit diesem Programm" of a subject;
* ``partnership``: "gemeinsam mit", "in Zusammenarbeit mit", "Technologiepartner ist";
* ``supports``: "X ergänzt Y";
* active verbs, participles, genitives, "Bestandteil des", "am Standort": see
  :mod:`sovkg.extract.clause_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sovkg.extract.clause_rules import PASSIVE_AUX, clause_relations
from sovkg.extract.doctext import doc_lowers, doc_text
from sovkg.extract.patterns import skip_parenthesis
from sovkg.extract.records import RelationCandidate

_ORGS = frozenset({"GovernmentBody", "ResearchOrganization", "Company", "Organization", "Party"})
_THINGS = frozenset({"Initiative", "Technology", "Infrastructure", "Policy"})
_AGENT_VERBS = {
    "gefördert": "fundedBy", "finanziert": "fundedBy", "bezuschusst": "fundedBy",
    "koordiniert": "operatedBy", "betrieben": "operatedBy", "getragen": "operatedBy",
    "geleitet": "operatedBy", "durchgeführt": "operatedBy", "verantwortet": "operatedBy",
    "entwickelt": "developedBy", "erstellt": "developedBy", "programmiert": "developedBy",
    "erarbeitet": "developedBy", "aufgebaut": "developedBy",
}
_TOPIC_WORDS = re.compile(r"^(?:Das|Die|Der|Dieses|Diese|Dieser)\s+(?:Projekt|Programm|Vorhaben|Plattform|"
                          r"Initiative|Modell|Sprachmodell|Wettbewerb|Förderprogramm|Netzwerk|Zentrum)\b")
_ANAPHORA = re.compile(r"^(?:Dabei|Hierauf|Darauf|Hierbei|Damit|Hierfür|Dafür)\b")
_AMOUNT = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?\s*(Mio\.|Millionen|Mrd\.|Milliarden)?\s*(Euro|EUR|€)")
_YEAR = re.compile(r"\b(?:in|im Jahr|ab|seit|bis)\s+((?:19|20)\d{2})\b")


#: A rule's finding; offsets are into the analysed text until the extractor maps them.
Found = RelationCandidate


class RelationRules:
    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(doc.spans[self.spans_key], key=lambda s: (s.start, -s.end)) if self.spans_key in doc.spans else []
        found: list[Found] = []
        topic: Span | None = None
        last: Span | None = None
        for sent in doc.sents:
            entities = [s for s in spans if sent.start <= s.start and s.end <= sent.end]
            head = _list_head(sent, entities)
            if head is not None:
                topic = head
            found += self._sentence(doc, sent, entities, topic, head, last)
            things = [e for e in entities if e.label_ in _THINGS and e is not head and _named(e)]
            if things and head is None:
                topic = things[0]
            if things:
                last = things[-1]
        doc.user_data["sovkg_relations"] = tuple(_unique(found))
        return doc

    def _sentence(self, doc: Doc, sent: Span, entities: list[Span], topic: Span | None,
                  head: Span | None, last: Span | None) -> Iterable[Found]:
        text = sent.text
        bounds = (sent.start_char, sent.end_char)
        lower = doc_lowers(doc)[sent.start:sent.end]
        facts = _facts(text)

        def make(subject: Span, predicate: str, obj: Span | None, cue: str, rule: str, confidence: float,
                 **extra) -> Found | None:
            if obj is not None and (subject.start_char, subject.end_char) == (obj.start_char, obj.end_char):
                return None
            if obj is not None and _same(subject, obj):
                return None
            if not _named(subject):
                return None
            return Found((subject.start_char, subject.end_char), predicate,
                         (obj.start_char, obj.end_char) if obj is not None else None,
                         bounds, cue, rule, confidence, **extra)

        results: list[Found | None] = []
        # located-in: "X in Y", "X im Land Y", "X (ABBR) in Y"
        for i, entity in enumerate(entities):
            if entity.label_ == "Place":
                continue
            for place in entities:  # a place named inside the name: "Zentrum für … in Duisburg"
                if place.label_ == "Place" and entity.start < place.start and place.end <= entity.end \
                        and doc[place.start - 1].lower_ in ("in", "im"):
                    results.append(make(entity, "locatedIn", place, doc[place.start - 1:place.end].text, "located-in", 0.9))
            j = skip_parenthesis(doc, entity.end)
            while j < len(doc) and doc[j].text in ("“", "”", "\"", "«", "»"):
                j += 1
            if j < len(doc) and doc[j].lower_ in ("in", "im"):
                k = j + 1  # the place may begin with its kind ("im Land Nordrhein-Westfalen") or follow it
                place = _span_at(entities, k, "Place")
                if place is None and k < len(doc) and doc[k].lower_ in ("land", "landes", "stadt", "kreis", "bundesland", "region"):
                    place = _span_at(entities, k + 1, "Place")
                if place is not None:
                    results.append(make(entity, "locatedIn", place, doc[j:place.end].text, "located-in", 0.9))
        if head is not None:  # "- Al Village: Der KI-Innovationscampus in Hürth …"
            colon = head.end
            window = doc[colon:min(sent.end, colon + 8)]
            for t in window:
                if t.lower_ in ("in", "im"):
                    place = _span_at(entities, t.i + 1, "Place")
                    if place is not None:
                        results.append(make(head, "locatedIn", place, doc[head.start:place.end].text, "located-in", 0.8))
                    break
        infrastructure = [e for e in entities if e.label_ == "Infrastructure"]
        for t in _cue_tokens(sent, lower, ("am", "beim")) if len(infrastructure) == 1 else ():
            site = _span_at(entities, t.i + 1, None)
            if site is not None and site.label_ in ("ResearchOrganization", "Organization"):
                results.append(make(infrastructure[0], "locatedIn", site, f"{t.text} {site.text}", "located-in", 0.7))
        for unit in (e for e in entities if e._.sovkg_method == "sovkg_patterns:unit"):
            # "beim Landesbetrieb IT.NRW ein KI-Labor": the body it belongs to runs it
            for site in (e for e in reversed(entities) if e.end <= unit.start and e.label_ in _ORGS):
                bei = next((k for k in range(site.start - 1, max(sent.start, site.start - 3) - 1, -1)
                            if lower[k - sent.start] in ("bei", "beim")), None)
                if bei is not None:
                    results.append(make(unit, "operatedBy", site, doc[bei:unit.end].text, "unit-at", 0.75))
                    break
        if re.search(r"\b(?:Stadt|Großstadt|Gemeinde|Kommune)\s+in\b", text):
            places = [e for e in entities if e.label_ == "Place"]
            if len(places) >= 2 and places[0].start == sent.start:
                results.append(make(places[0], "locatedIn", places[-1], text, "located-in", 0.7))

        # passive with agent: "A und B werden von C gefördert"; "Koordiniert wird X von Y"
        passive = any(w in PASSIVE_AUX for w in lower)
        for t in _cue_tokens(sent, lower, _AGENT_VERBS) if passive else ():
            predicate = _AGENT_VERBS[t.lower_]
            agent = _agent(doc, sent, entities, t)
            named = _named_among(doc, sent, entities, t) if agent is None else []
            if agent is None and named:  # "wird von 13 Hochschulen getragen, darunter die TU Darmstadt, …"
                agent, partners_among = named[0], named[1:]
            else:
                partners_among = []
            if agent is None:
                continue
            subjects = [e for e in entities if e.label_ != "Place" and e.end <= agent.start
                        and not _inside(e, agent) and e.start_char != agent.start_char
                        and not _preceded_by(doc, e, ("von", "vom", "durch", "mit", "des", "der"))]
            if not subjects and _TOPIC_WORDS.match(text) and topic is not None:
                subjects = [topic]
            # "vom InnoLab_bw des Staatsministeriums gemeinsam mit dem Unternehmen Aleph Alpha entwickelt"
            partners = [e for e in entities if agent.end <= e.start and e.end <= t.i and e.label_ in _ORGS
                        and re.search(r"\b(?:gemeinsam|zusammen) mit\b", doc[agent.end:e.start].text)]
            for subject in (s for s in subjects if s.label_ != "Place"):
                for by in (agent, *partners[:1], *partners_among):
                    results.append(make(subject, predicate, by, f"{doc[by.start - 1].text} … {t.text}",
                                        "passive-agent", 0.85, **facts))

        # active developer: "Y hat … X … entwickelt / geschaffen"
        if re.search(r"\b(?:hat|haben)\b.*\b(?:entwickelt|geschaffen|aufgebaut|programmiert)\b", text) \
                and not passive:
            hat = next(_cue_tokens(sent, lower, ("hat", "haben")))
            developer = next((e for e in entities if hat.i < e.start <= hat.i + 4 and e.label_ in _ORGS), None)
            if developer is None:
                before = [e for e in entities if e.end <= hat.i and e.label_ in _ORGS]
                developer = before[-1] if before else None
            if developer is not None and developer.label_ in _ORGS:
                for thing in (e for e in entities if e.label_ in ("Initiative", "Technology", "Infrastructure")):
                    results.append(make(thing, "developedBy", developer, f"{developer.text} hat … entwickelt",
                                        "active-developer", 0.8))

        # uses
        if re.match(r"(?:Hierauf|Darauf)\s+(?:setzt|setzen|baut|bauen)\b", text) and last is not None:
            subject = next((e for e in entities if e.label_ in _THINGS and _named(e)), None)
            if subject is not None:
                results.append(make(subject, "uses", last, text.split(" ", 2)[0] + " … " + text.split(" ", 2)[1], "uses", 0.75))
        for cue, subject, obj in _uses(doc, sent, entities, topic):
            results.append(make(subject, "uses", obj, cue, "uses", 0.8))

        # part-of
        for t in _cue_tokens(sent, lower, ("rahmen",)):
            if t.i > 0 and doc[t.i - 1].lower_ == "im" and t.i + 1 < len(doc) \
                    and doc[t.i + 1].lower_ in ("von", "des", "der"):
                whole = _span_at(entities, t.i + 2, None)
                parts = [e for e in entities if e.end <= t.i - 1 and e.label_ in _THINGS | {"Infrastructure"}]
                if whole is not None and parts:
                    results.append(make(parts[-1], "partOf", whole, doc[t.i - 1:whole.end].text, "part-of", 0.8))
        if head is not None and "Dachmarke" in text:
            first = next((e for e in entities if e is not head and e.start > head.end), None)
            if first is not None:
                results.append(make(head, "partOf", first, "unter der Dachmarke", "part-of", 0.75))
        if head is not None:
            start = head.end
            while start < sent.end and set(doc[start].text) <= {":", "*"}:
                start += 1
            words = doc[start:start + 3]
            if len(words) >= 2 and words[0].lower_ in ("die", "der", "das", "mit") and words[1].text[:1].isupper():
                first = start + (2 if words[0].lower_ != "mit" else 3)
                member = next((e for e in entities if first - 1 <= e.start <= first + 1 and e.label_ in _THINGS), None)
                while member is not None:
                    results.append(make(member, "partOf", head, doc[start:member.end].text, "part-of", 0.75))
                    k = member.end
                    if k < len(doc) and doc[k].lower_ in ("und", "sowie", ","):
                        member = next((e for e in entities if e.start == k + 1 and e.label_ in _THINGS), None)
                    else:
                        member = None

        # funding lists and state funding
        match = re.search(r"Förderungen?,?\s+wie\s+(?:dem|der|den|des)\b", text)
        if match:
            funder = next((e for e in entities if e.label_ == "GovernmentBody"
                           and e.start_char - sent.start_char > match.end()), None)
            funded = [e for e in entities if e.start_char - sent.start_char >= match.end()
                      and e.label_ in ("ResearchOrganization", "Initiative", "Organization")
                      and (funder is None or e.start < funder.start)]
            if funder is not None:
                for item in funded:
                    results.append(make(item, "fundedBy", funder, match.group(0), "funding-list", 0.75))
        if re.search(r"\blandesgefördert", text) and topic is not None:
            results.append(make(topic, "fundedBy", None, "landesgefördert", "state-funded", 0.7,
                                object_name="Landesregierung", object_type="GovernmentBody"))

        # operators
        match = re.search(r"Durchführung\s+(?:der|des)\b", text)
        if match:
            run = next((e for e in entities if e.start_char - sent.start_char >= match.end() and e.label_ in _THINGS), None)
            runner = next((e for e in entities if run is not None and e.start > run.end and e.label_ in _ORGS), None)
            if run is not None and runner is not None:
                results.append(make(run, "operatedBy", runner, match.group(0), "operator", 0.8))
        # "Den Betrieb für Bundesbehörden übernimmt das ITZBund.", "Die technische Umsetzung
        # erfolgt durch Dataport.": the running of what the sentence before named
        match = re.match(r"(?:Den|Der|Die)\s+(?:technische\s+)?(?:Betrieb|Umsetzung|Koordinierung|Koordination)\b"
                         r"[^.;:]*?\b(?:übernimmt|übernehmen|erfolgt\s+durch|liegt\s+bei|obliegt)\b", text)
        if match and last is not None and last.label_ in ("Initiative", "Infrastructure"):
            runner = next((e for e in entities if e.start_char - sent.start_char >= match.end() and e.label_ in _ORGS), None)
            if runner is not None:
                results.append(make(last, "operatedBy", runner, match.group(0), "operator", 0.65))
        match = re.search(r"mit\s+diesem\s+(?:Programm|Projekt|Vorhaben)", text)
        referent = last if last is not None and last is not head else topic
        if match and referent is not None:
            runner = next((e for e in entities if e.label_ in _ORGS
                           and e.end_char - sent.start_char <= match.start()), None)
            if runner is not None:
                results.append(make(referent, "operatedBy", runner, match.group(0), "operator", 0.75))
        match = re.search(r"unter\s+(?:der\s+)?Leitung\s+(?:des|der|von)\b|\bTräger\s+(?:ist|sind)\b", text)
        if match:
            runner = next((e for e in entities if e.start_char - sent.start_char >= match.end() and e.label_ in _ORGS), None)
            subject = next((e for e in entities if e.label_ in _THINGS), topic)
            if runner is not None and subject is not None:
                results.append(make(subject, "operatedBy", runner, match.group(0), "operator", 0.8))

        # partnership
        match = re.search(r"\b(?:[Gg]emeinsam mit|in Zusammenarbeit mit|zusammen mit)\b", text)
        if match:
            # "Gemeinsam mit B hat A …" names the actor after the partner; "A … gemeinsam mit B" before
            partner = next((e for e in entities if e.start_char - sent.start_char >= match.end()), None)
            if partner is not None and partner.label_ not in _ORGS | {"Initiative", "Infrastructure"}:
                partner = None
            if match.start() == 0:
                actor = next((e for e in entities if partner is not None and e.start > partner.end and e.label_ in _ORGS), None)
            else:
                before = [e for e in entities if e.end_char - sent.start_char <= match.start() and e.label_ in _ORGS]
                actor = before[-1] if before else None
            if partner is not None and actor is not None:
                results.append(make(actor, "cooperatesWith", partner, match.group(0), "partnership", 0.75))
        match = re.search(r"Technologiepartner\s+(?:ist|sind)\b", text)
        if match:
            partner = next((e for e in entities if e.start_char - sent.start_char >= match.end() and e.label_ in _ORGS), None)
            if partner is not None:
                for found in [r for r in results if r and r.rule == "passive-agent" and r.predicate == "operatedBy"]:
                    agent = _span_by_chars(entities, found.object)
                    if agent is not None:
                        results.append(make(agent, "cooperatesWith", partner, match.group(0), "partnership", 0.75))
                if topic is not None:
                    results.append(make(topic, "cooperatesWith", partner, match.group(0), "partnership", 0.7))

        # supports
        for t in _cue_tokens(sent, lower, ("ergänzt",)):
            before = [e for e in entities if e.end <= t.i and e.label_ in _THINGS and _named(e)]
            after = next((e for e in entities if e.start > t.i and e.label_ in _THINGS), None)
            if before and after is not None:
                results.append(make(before[0], "supports", after, f"ergänzt {after.text}", "supports", 0.8))
        for subject, predicate, obj, cue, rule, confidence in clause_relations(doc, sent, entities, lower,
                                                                               "amount" in facts):
            extra = facts if predicate == "fundedBy" else {}
            results.append(make(subject, predicate, obj, cue, rule, confidence, **extra))
        yield from (r for r in results if r is not None)


def _facts(text: str) -> dict:
    facts: dict = {}
    amount = _AMOUNT.search(text)
    if amount:
        whole = amount.group(1).replace(".", "")
        value = float(f"{whole}.{amount.group(2) or '0'}")
        scale = amount.group(3) or ""
        value *= 1_000_000 if scale.startswith("Mi") else 1_000_000_000 if scale.startswith(("Mrd", "Milliarden")) else 1
        facts["amount"] = f"{value:.2f}"
        facts["currency"] = "EUR"
    year = _YEAR.search(text)
    if year:
        facts["year"] = year.group(1)
    return facts


def _uses(doc: Doc, sent: Span, entities: list[Span], topic: Span | None) -> Iterable[tuple[str, Span, Span]]:
    text = sent.text
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


def _named(span: Span) -> bool:
    """A named thing, not a closed-class term such as "KI" or "Open Source"."""
    term = (span._.sovkg_method or "").startswith("sovkg_lexicon") and span.label_ not in ("Place", "Party")
    return not term and span.kb_id_ not in _GENERIC_KB


#: Knowledge-base entries that are concepts, not named things.
_GENERIC_KB = frozenset({"ki", "kuenstliche-intelligenz", "open-source", "generative-ki", "digitale-souveraenitaet",
                         "it-sicherheit", "cloud-computing", "offene-standards", "freie-software"})


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
    """The entity after "von"/"vom"/"durch" closest before the participle (or after it)."""
    best = None
    for entity in entities:
        if entity.start == 0 or entity.label_ not in _ORGS | {"Initiative"}:
            continue  # an initiative runs things too: "vom InnoLab_bw … entwickelt"
        # "von C", "vom C", "von dem C", "von dem Landesbetrieb C"
        window = [t.lower_ for t in doc[max(sent.start, entity.start - 3):entity.start]]
        preposition = next((i for i in range(len(window) - 1, -1, -1) if window[i] in ("von", "vom", "durch")), None)
        if preposition is not None and all(w in ("dem", "der", "den") or doc[entity.start - len(window) + i].text[:1].isupper()
                                           for i, w in enumerate(window) if i > preposition):
            if best is None or abs(entity.start - verb.i) < abs(best.start - verb.i):
                best = entity
    return best


def _named_among(doc: Doc, sent: Span, entities: list[Span], verb: Token) -> list[Span]:
    """The bodies listed after ", darunter" when the agent is a group ("von 13 Hochschulen")."""
    after = doc[verb.i:sent.end].text
    match = re.match(r"\S+\s*,\s*darunter\b", after)
    if match is None or not any(doc[j].lower_ in ("von", "vom", "durch") for j in range(max(sent.start, verb.i - 6), verb.i)):
        return []
    start = verb.i + 3
    return [e for e in entities if e.start >= start and e.label_ in _ORGS]


def _preceded_by(doc: Doc, span: Span, words: tuple[str, ...]) -> bool:
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("dem", "der", "den", "des", "die", "das"):
        i -= 1
    return i >= 0 and doc[i].lower_ in words


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
