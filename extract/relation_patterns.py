"""Relations from declarative patterns over lemmas, parts of speech and dependencies.

Why patterns and not rules: a rule over word forms in a fixed order ("betreibt",
"betrieben von") sees one wording; a pattern over the parse sees every form and order
of it ("X wird von Y betrieben", "Y betreibt X", "das von Y betriebene X", "…, die X
betreibt"). Each pattern (``data/relation_patterns.json``) names a cue class of
``data/relation_cues.tsv``, the part of speech and voice of the cue, and two
:mod:`~sovkg.extract.dependency_paths` from the cue to the relation's subject and
object; the predicate is the pattern's or the cue word's. Ends are distributed over
coordination ("A und B werden von C und D gefördert" is four relations), relative
pronouns stand for what they refer to, and a definite description ("das Zentrum")
is resolved by :mod:`~sovkg.extract.coreference` with a lower confidence.

Per predicate, ``relation_patterns.json`` also says which entity types may stand at
each end, so a parse that attaches a phrase to the wrong word rarely makes a
relation the contract does not allow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sovkg.extract.clause_rules import AGENT_PREPOSITIONS
from sovkg.extract.coreference import COREFERENCE_FACTOR, DEFINITE, MentionIndex, Resolved
from sovkg.extract.dependency_paths import Path as DepPath
from sovkg.extract.doctext import span_text
from sovkg.extract.extensions import register_extensions
from sovkg.extract.facts import sentence_facts
from sovkg.extract.morphology import morph_values
from sovkg.extract.pattern_file import Pattern, RelationData, asks_whether, ends_with_question
from sovkg.extract.patterns import skip_parenthesis
from sovkg.extract.records import RelationCandidate


def normalise_clause(verb: Token) -> None:
    """Repairs of a small parser's commonest slips, made on the doc for the patterns:

    * the subject of a verb with a passive auxiliary ("F13 wurde … entwickelt") is a
      passive subject (``nsubj:pass``), whatever the parser called it (:func:`_passive_subject`),
      and "werden" with a participle is that auxiliary (its "von" phrase the participle's);
    * "Das Ministerium fördert die Plattform openDesk": both noun phrases made subjects
      (German "die" is nominative or accusative). An active verb with two subjects and no
      object keeps as subject the one it agrees with in number, else the one the
      morphology says is nominative (else the first), and gets the other as its object;
    * "…, den das LRZ betreibt": a relative pronoun whose form is never nominative made the
      subject and the subject the object; they swap (a second "subject" after it is the first
      one's genitive); a "subject" after "dem" is the dative object (:func:`_subjects`);
    * "Zusammen mit dem JSC bildet es das GCS": a personal pronoun right after the verb is
      its subject, the other noun phrase the parser called a subject its object;
    * a verb without a subject may have it among its objects (:func:`_subject_among_objects`),
      one with an accusative subject has it there (:func:`_fronted_object`), and so has a
      plural verb with a singular subject and a list for its object (:func:`_disagreeing_subject`).
    """
    children = list(verb.children)
    if "Part" in morph_values(verb, "VerbForm"):
        _mark_passive(verb, children)
        children = list(verb.children)
    if any(c.dep_ == "aux:pass" for c in children):
        _passive_subject(children)
        return
    objects = [c for c in children if c.dep_ == "obj"]
    subjects = _subjects(children, objects)
    if not subjects:
        _subject_among_objects(verb, objects)
        return
    relative = next((t for t in subjects if _object_relative(t)), None)
    if relative is not None:
        _relative_object(relative, [t for t in subjects + objects if t.i > relative.i])
        return
    if len(subjects) < 2:
        _fronted_object(subjects, objects)
        _disagreeing_subject(verb, subjects, objects)
    else:
        _one_subject(verb, subjects, children)


def _subjects(children: list[Token], objects: list[Token]) -> list[Token]:
    """The verb's subjects: those the parser gave it that a dative article does not rule out,
    or, if it ruled out all, the objects that may be nominative ("Dem Verbund SOKRAT gehören …
    das IAIS … an")."""
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if subjects and not (subjects := _nominative(subjects)):
        subjects = _subjects_after_dative(objects)
    return subjects


def _nominative(subjects: list[Token]) -> list[Token]:
    """The subjects a dative article does not rule out: "Dem Verbund SOKRAT gehören neben dem
    DFKI das Fraunhofer IAIS … an", where the parser made "Dem" and "Verbund" subjects
    beside the real ones. A noun after "dem" or "einem" is the verb's dative object, the
    article is its own again; the others stay subjects."""
    kept = []
    for token in subjects:
        article = token.doc[token.i - 1] if token.i > 0 else None  # of its sentence: it is its head's
        if token.pos_ == "DET" and token.lower_ in _DATIVE_ARTICLES and token.i + 1 < len(token.doc) and \
                token.doc[token.i + 1].dep_ == "nsubj" and token.doc[token.i + 1].head.i == token.head.i:
            token.head, token.dep_ = token.doc[token.i + 1], "det"
        elif token.pos_ in ("NOUN", "PROPN") and article is not None and article.lower_ in _DATIVE_ARTICLES and \
                article.pos_ == "DET" and article.head.i in (token.i, token.head.i):
            token.dep_ = "iobj"
        else:
            kept.append(token)
    return kept


def _subjects_after_dative(objects: list[Token]) -> list[Token]:
    """A verb whose only "subject" was its dative object has its subject among its objects:
    the ones whose article may be nominative ("Dem Verbund gehören das IAIS und … an")."""
    subjects = [t for t in objects if _may_be_nominative(t)]
    for token in subjects:
        token.dep_ = "nsubj"
        objects.remove(token)
    return subjects


def _one_subject(verb: Token, subjects: list[Token], children: list[Token]) -> None:
    """Of two subjects the parser gave a verb, the pronoun right after it, else the one the
    verb agrees with in number, else the one the morphology says is nominative (else the
    first) stays; the other becomes its object."""
    keep = next((t for t in subjects if t.pos_ == "PRON" and t.i == verb.i + 1), None)  # "bildet es das GCS"
    if keep is None and any(c.dep_ in ("obj", "cop") for c in children):
        return
    keep = keep or _agreeing(verb, subjects) or next((t for t in subjects if _case(t) == "Nom"), None) or \
        next((t for t in subjects if not _object_relative(t)), subjects[0])
    for token in subjects:
        if token is not keep and token.i != keep.i:
            token.dep_ = "obj"


def _passive_subject(children: list[Token]) -> None:
    """A passive's subject is ``nsubj:pass``; with none, the one nominative object or pronoun
    the parser gave another role is ("Trainiert wurde es auf JUWELS")."""
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubj:pass")]
    for child in subjects:
        child.dep_ = "nsubj:pass"
    nominative = [c for c in children if (c.dep_ == "obj" or c.dep_ == "advmod" and c.pos_ == "PRON")
                  and _case(c) == "Nom"]
    if not subjects and len(nominative) == 1:
        nominative[0].dep_ = "nsubj:pass"
        _free_phrases(nominative[0])


def _free_phrases(pronoun: Token) -> None:
    """A personal pronoun takes no prepositional phrase: one the parser hung on it ("es auf
    JUWELS") belongs to its verb."""
    if pronoun.pos_ != "PRON":
        return
    for phrase in [c for c in pronoun.children if c.dep_ == "nmod"]:
        phrase.head, phrase.dep_ = pronoun.head, "obl"


def _fronted_object(subjects: list[Token], objects: list[Token]) -> None:
    """"Den Ausbau der Plattform hat das Staatsministerium gefördert": a subject whose article
    is only ever accusative ("den", "einen") is the object fronted, and the one object whose
    article may be nominative ("das", "die", none) the subject."""
    accusative = [t for t in subjects if _accusative(t)]
    nominative = [t for t in objects if _may_be_nominative(t)]
    if len(subjects) == 1 and accusative and len(objects) == 1 and nominative:
        accusative[0].dep_, nominative[0].dep_ = "obj", "nsubj"


def _disagreeing_subject(verb: Token, subjects: list[Token], objects: list[Token]) -> None:
    """"Die Grundfinanzierung des Instituts tragen der Bund und das MKW": the verb agrees in
    number with the noun phrase the parser made its object and not with its subject, so
    the object is the subject and the subject the object fronted."""
    if len(subjects) == 1 and len(objects) == 1 and _agreeing(verb, subjects + objects) is objects[0]:
        subjects[0].dep_, objects[0].dep_ = "obj", "nsubj"


def _agreeing(verb: Token, phrases: list[Token]) -> Token | None:
    """The one list among ``phrases`` ("der Bund und das MKW") when the finite verb is
    plural: the verb agrees with it. Only a list counts as plural: the small model's
    number of a single noun is too often wrong ("Open-Weight-Modelle" singular), and
    pronouns ("sie") say too little."""
    if morph_values(verb, "Number") != ["Plur"] or any(t.pos_ not in ("NOUN", "PROPN") for t in phrases):
        return None
    lists = [t for t in phrases if any(c.dep_ == "conj" for c in t.children)]
    return lists[0] if len(lists) == 1 else None


def _subject_among_objects(verb: Token, objects: list[Token]) -> None:
    """A verb with no subject: "Die technische Umsetzung erfolgt durch Dataport" (one object
    before the verb that may be nominative is the subject), "Gebaut hat den Rechner ein
    Konsortium …" (of two objects, the one whose article is not only ever accusative, "den",
    "einen", is the subject)."""
    for when in [t for t in objects if _time_phrase(t)]:  # "richtet … jedes Jahr … aus"
        when.dep_ = "obl:tmod"
        objects.remove(when)
    if len(objects) == 1 and objects[0].i < verb.i and "Nom" in _cases(objects[0]) and verb.pos_ == "VERB":
        objects[0].dep_ = "nsubj"
    elif len(objects) == 2:
        accusative = [t for t in objects if _accusative(t)]
        if len(accusative) == 1:
            next(t for t in objects if t is not accusative[0]).dep_ = "nsubj"
        elif not accusative and verb.pos_ == "VERB":  # "richtet das Zentrum die School aus": subject first
            first = min(objects, key=lambda t: t.i)
            if _may_be_nominative(first):
                first.dep_ = "nsubj"


_ACCUSATIVE_ARTICLES = frozenset({"den", "einen", "diesen", "keinen"})
_DATIVE_ARTICLES = frozenset({"dem", "einem", "diesem", "keinem"})
#: articles a subject may have ("dem", "einem", "des" it may not)
_NOMINATIVE_ARTICLES = frozenset({"der", "die", "das", "ein", "eine", "dieser", "diese", "dieses"})


def _accusative(phrase: Token) -> bool:
    """The noun's article is only ever accusative ("den", "einen")."""
    return any(c.dep_ == "det" and c.lower_ in _ACCUSATIVE_ARTICLES for c in phrase.children)


def _may_be_nominative(phrase: Token) -> bool:
    """The noun's article, if it has one, may be nominative ("das", "die", not "dem")."""
    return all(c.lower_ in _NOMINATIVE_ARTICLES for c in phrase.children if c.dep_ == "det")
#: nouns of a time phrase, an adverbial in the accusative ("jedes Jahr", "diesen Monat")
_TIME_NOUNS = frozenset({"Jahr", "Monat", "Woche", "Tag", "Quartal", "Halbjahr", "Sommer", "Winter", "Herbst",
                         "Frühjahr"})


def _time_phrase(token: Token) -> bool:
    return token.text in _TIME_NOUNS and any(c.dep_ == "det" for c in token.children)


def relative_read_as_article(verb: Token) -> None:
    """"…, den IT.NRW zusammen mit Capgemini entwickelt hat": the relative pronoun right
    after the comma, read as the article of the name after it. A clause after a comma that
    begins with an accusative-only "den" and has no other subject is a relative clause:
    "den" is its object, the name its subject, and the clause belongs to the noun before
    the comma (where the parser made it a clause of its own, its antecedent is lost)."""
    if verb.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        return
    doc = verb.doc
    name = next((c for c in verb.children if c.dep_ == "obj" and c.i >= 2 and c.text[:1].isupper()
                 and doc[c.i - 1].lower_ == "den" and doc[c.i - 1].head.i == c.i and doc[c.i - 2].text == ","), None)
    if name is None:
        return
    article = doc[name.i - 1]
    article.head = verb
    _relative_object(article, [name])
    antecedent = _antecedent_before(doc, article.i - 1)
    if verb.dep_ != "acl:relcl" and antecedent is not None and antecedent not in verb.subtree \
            and verb not in antecedent.ancestors:
        verb.head, verb.dep_ = antecedent, "acl:relcl"


def _antecedent_before(doc: Doc, comma: int) -> Token | None:
    """The noun a clause after ``comma`` belongs to: the word before it, or the noun that
    word is the name of ("den Assistenten KIRA, den …": "Assistenten")."""
    if comma < 1:
        return None
    word = doc[comma - 1]
    while word.dep_ in ("appos", "flat", "flat:name") and word.head.i < word.i:
        word = word.head
    return word if word.pos_ in ("NOUN", "PROPN") else None


#: what an auxiliary never governs itself: the arguments of the verb it serves
_ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obl", "obl:arg", "obl:agent"})


def subjects_of_auxiliaries(tokens: list[Token]) -> None:
    """"Durch die Nutzung von Open Source will SCS dies aufbrechen", "Das Zentrum … wird vom
    Ministerium gefördert": a subject or phrase the parser hung on a modal or auxiliary
    belongs to the verb the auxiliary serves, where the patterns look."""
    for aux in (t for t in tokens if t.dep_ in ("aux", "aux:pass") and t.head.i != t.i):
        for argument in [c for c in aux.children if c.dep_ in _ARGUMENTS]:
            argument.head = aux.head


def _relative_object(relative: Token, after: list[Token]) -> None:
    """"…, den das LRZ betreibt", "…, den das Zentrum (ZIH) der TU Dresden betreibt": the
    relative pronoun is the object, the first noun phrase after it the subject, and a second
    "subject" the parser found there the genitive of the first."""
    if not after:
        return
    relative.dep_ = "obj"
    first, *rest = sorted(after, key=lambda t: t.i)
    first.dep_ = "nsubj"
    for other in (t for t in rest if t.dep_ == "nsubj"):
        other.dep_ = "nmod"


def front_adverb(verb: Token, index: MentionIndex) -> None:
    """"Technisch setzt das Vorhaben … auf", "Wissenschaftlich begleitet wird der KI-Navigator
    vom DFKI": a bare capitalised word before the verb, first in its sentence and naming
    nothing, which the parser took for the subject while a definite nominative noun phrase
    after the verb became its object (or a second subject). German puts adverbs first
    ("Technisch", "Perspektivisch", "Finanziell"); a bare common noun is rarely a subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects or subjects[0].i + 1 != verb.i:
        return
    first = subjects[0]
    others = [c for c in verb.children if c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.i > verb.i]
    if len(others) != 1 or not first.is_sent_start or any(True for _ in first.children) or \
            index.root_mention(first) is not None:
        return
    other = others[0]
    if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in other.children) and "Nom" in _cases(other):
        first.dep_, other.dep_ = "advmod", first.dep_


def named_adverb(verb: Token, index: MentionIndex) -> None:
    """"JUPITER steht auf dem Campus …": a name before a verb that has no subject, which the
    tagger took for an adverb (an unknown capitalised word first in its clause), is the
    verb's subject: a name is never an adverb."""
    if any(c.dep_ in ("nsubj", "nsubj:pass", "csubj") for c in verb.children):
        return
    named = [c for c in verb.children if c.dep_ == "advmod" and c.i < verb.i and index.root_mention(c) is not None]
    if len(named) == 1:
        named[0].dep_ = "nsubj"


def reflexive_subject(verb: Token) -> None:
    """"Im GCS haben sich das JSC und das LRZ zusammengeschlossen": "sich" is never a
    subject; the parser made it one and the one noun phrase beside it the object."""
    reflexive = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "sich"]
    objects = [c for c in verb.children if c.dep_ == "obj"]
    if len(reflexive) == 1 and len(objects) == 1:
        reflexive[0].dep_, objects[0].dep_ = "obj", "nsubj"


def passive_agent(verb: Token) -> None:
    """"… wird … vom Deutschen Forschungszentrum … begleitet" with the agent parsed as an
    object and "vom" hung on its adjective: an oblique with its preposition, as the passive
    patterns read it; and a passive with no agent whose subject after the verb has a
    "von"/"durch" phrase: that is the agent ("koordiniert wird dieser Verbund vom NHR-Verein")."""
    if not any(c.dep_ == "aux:pass" for c in verb.children):
        return
    for noun in [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i]:
        case = next((t for t in noun.subtree if t.i < noun.i and t.lower_ in AGENT_PREPOSITIONS
                     and t.head.i in (noun.i, *(a.i for a in noun.children if a.dep_ == "amod"))), None)
        if case is not None:
            case.head, case.dep_, noun.dep_ = noun, "case", "obl"
    if any(c.dep_ in ("obl", "obl:agent") and _agentive(c) for c in verb.children):
        return
    for subject in [c for c in verb.children if c.dep_ == "nsubj:pass" and c.i > verb.i]:
        for phrase in [c for c in subject.children if c.dep_ == "nmod" and c.i > subject.i and _agentive(c)]:
            phrase.head, phrase.dep_ = verb, "obl"  # "koordiniert wird dieser Verbund vom NHR-Verein"


def _agentive(phrase: Token) -> bool:
    """A "von"/"vom"/"durch" phrase; its preposition, hung on the phrase's adjective ("vom
    Bayerischen Landesbeauftragten"), is moved to its noun."""
    for holder in (phrase, *(c for c in phrase.children if c.dep_ == "amod" and c.i < phrase.i)):
        case = next((c for c in holder.children if c.dep_ == "case" and c.lower_ in AGENT_PREPOSITIONS), None)
        if case is not None:
            case.head = phrase
            return True
    return False


def finite(verb: Token) -> bool:
    """A finite verb: so marked, or, where the morphologizer left the verb form out ("läuft"),
    a verb without an auxiliary (a participle or infinitive comes with one)."""
    forms = morph_values(verb, "VerbForm")
    return ("Fin" in forms or not forms and verb.pos_ in ("VERB", "AUX")) and \
        not any(c.dep_ in ("aux", "aux:pass") for c in verb.children)


def fronted_apposition(verb: Token) -> None:
    """"Das Modell Teuken-7B läuft auf JUWELS" with the name parsed as the verb's object:
    a main clause has one phrase before its finite verb, so a name right after the subject's
    noun, both before the verb, is that noun's apposition ("dass das Land openDesk fördert",
    a subordinate clause, keeps its object)."""
    if verb.dep_ != "ROOT" or not finite(verb):
        return
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i), None)
    if subject is None or subject.left_edge.i != verb.sent.start:
        return
    for obj in [c for c in verb.children if c.dep_ == "obj" and subject.i < c.i < verb.i]:
        if obj.left_edge.i == subject.i + 1 and obj.pos_ in ("PROPN", "NOUN"):
            obj.head, obj.dep_ = subject, "appos"


#: the articles an apposition opens with ("Delos, einer Tochtergesellschaft der SAP")
_APPOSITION_OPENERS = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "eines"})
#: what closes an apposition
_APPOSITION_ENDS = frozenset({",", ".", ";", ")", "–"})


def comma_apposition(tokens: list[Token], index: MentionIndex) -> None:
    """"… der Delos Cloud GmbH, einer Tochtergesellschaft der SAP SE.": a common noun's phrase
    between a name's comma and the next comma or the sentence's end is the name's apposition,
    wherever the parser hung it (on the noun before the name, or as an item of a list). Not a
    list's next item: that is a name of its own ("…, der TU Darmstadt und …")."""
    for k in (k for k in range(1, len(tokens) - 2) if tokens[k].text == ","):
        name = index.mention_at(tokens[k - 1].i)
        article = tokens[k + 1]
        if name is None or article.lower_ not in _APPOSITION_OPENERS:
            continue
        noun = article.head
        if noun.pos_ != "NOUN" or noun.i <= article.i or noun.dep_ not in ("nmod", "conj", "obl", "dep") or \
                index.mention_at(noun.i) is not None or noun.head.i == name.root.i or noun.is_ancestor(name.root):
            continue
        end = noun.right_edge.i + 1
        if end < len(noun.doc) and noun.doc[end].text not in _APPOSITION_ENDS and end != tokens[-1].i + 1:
            continue
        noun.head, noun.dep_ = name.root, "appos"


def von_phrase_of_noun(verb: Token) -> None:
    """"Die Verarbeitung erfolgt im Twin Data Center von Dataport": a "von" phrase right
    after a noun, which the parser hung on the clause's finite active verb. Only a passive's
    or a participle's "von" names an agent; after a noun in an active clause it is the noun's
    (its owner, maker or part), as the genitive would be."""
    if not finite(verb):
        return
    doc = verb.doc
    for phrase in [c for c in verb.children if c.dep_ in ("obl", "obl:arg") and c.i > verb.i]:
        start = phrase.left_edge.i
        if doc[start].lower_ != "von" or start == 0 or start - 1 == verb.i:
            continue
        noun = doc[start - 1]
        if noun.pos_ in ("NOUN", "PROPN") and noun.head.i == verb.i and noun.i != phrase.i:
            phrase.head, phrase.dep_ = noun, "nmod"


def detach_relative_conjuncts(tokens: list[Token]) -> None:
    """"Das Lamarr-Institut, an dem die TU Dortmund, … beteiligt sind, wird … gefördert": the
    parser may make the first name inside a relative clause a conjunct of the noun the clause
    belongs to, and the funding of the institute would go to its members. A relative pronoun
    after a comma (and a preposition) between the two says they are no list: the name keeps
    its head, as a dependent of no named kind."""
    for token in tokens:
        if token.dep_ != "conj" or token.head.i >= token.i:
            continue
        doc = token.doc
        if any(_opens_relative(doc, k) for k in range(token.head.i + 1, token.i)):
            token.dep_ = "dep"


def _opens_relative(doc: Doc, k: int) -> bool:
    """A relative pronoun at ``k`` right after a comma, or after a comma and a preposition."""
    if "Rel" not in "".join(morph_values(doc[k], "PronType")) or k < 2:
        return False
    before = doc[k - 1]
    return before.text == "," or before.pos_ == "ADP" and doc[k - 2].text == ","


def front_participle(tokens: list[Token]) -> None:
    """"Gebaut hat den Rechner ein Konsortium …", "Betrieben wird er vom JSC": a participle
    first in its sentence, capitalised there, which the tagger takes for a noun and the parser
    for the subject of the auxiliary after it (or the noun a copula belongs to). It is the
    clause's verb: the auxiliary and everything that hung on it hang on the participle."""
    if len(tokens) < 3:
        return
    participle, aux = tokens[0], tokens[1]
    if participle.pos_ not in ("NOUN", "PROPN") or aux.lemma_ not in _AUXILIARIES or aux.pos_ != "AUX" or \
            not _PARTICIPLE.fullmatch(participle.lower_):
        return
    copula = aux.head.i == participle.i and aux.dep_ in ("cop", "aux", "aux:pass")  # "Trainiert wurde es …"
    if participle.head.i != aux.i and not copula:
        if not _fronted_over_noun(participle, aux) and aux.lemma_ == "werden":
            _reroot(tokens, participle, aux)
        return
    if not copula:
        participle.head = aux.head if aux.head.i != aux.i else participle
        participle.dep_ = aux.dep_
    participle.pos_ = "VERB"
    participle.set_morph("VerbForm=Part")
    for child in [c for c in aux.children if c.i != participle.i]:
        child.head = participle
    aux.head, aux.dep_ = participle, "aux:pass" if aux.lemma_ == "werden" else "aux"


def fronted_passive_subject(tokens: list[Token]) -> None:
    """"Wissenschaftlich begleitet wird NRW.Genius … vom Lamarr-Institut", "Herausgegeben wird
    openDesk vom ZenDiS": a main clause opened by a passive participle (after at most two
    adverbs) has its subject right after the auxiliary. The parser, which rarely saw the
    order, hung that phrase elsewhere (an adverb, another word's subject); with no subject
    of its own, the participle gets the first noun phrase after the auxiliary that no
    preposition governs and that may be nominative (the agent is then found on it)."""
    k = next((i for i, t in enumerate(tokens[:3]) if t.pos_ == "VERB" and t.head.i == t.i), None)
    if k is None or k + 1 >= len(tokens) or not all(_adverbial(t) for t in tokens[:k]):
        return
    participle, aux = tokens[k], tokens[k + 1]
    if aux.lemma_ != "werden" or aux.head.i != participle.i or aux.dep_ != "aux:pass":
        return
    for adverb in tokens[:k]:  # "Fachlich verantwortet wird …": no subject
        adverb.head, adverb.dep_ = participle, "advmod"
    if any(c.dep_ in ("nsubj", "nsubj:pass") for c in participle.children):
        return
    for token in tokens[k + 2:]:
        if token.text in (",", ";", ":") or token.pos_ in ("VERB", "AUX", "SCONJ"):
            return
        while token.dep_ in ("compound", "flat", "flat:name") and token.head.i > token.i:
            token = token.head  # "Teuken-7B": the name's last word heads it
        if token.pos_ in ("NOUN", "PROPN", "PRON") and not _governed(token, participle) and \
                (not (cases := _cases(token)) or "Nom" in cases):
            token.head, token.dep_ = participle, "nsubj:pass"
            if token.pos_ != "NOUN":  # "genutzt wird openDesk im BMDS": a name takes no phrase, the verb does
                for phrase in [c for c in token.children if c.i > token.i and any(g.dep_ == "case" for g in c.children)]:
                    phrase.head, phrase.dep_ = participle, "obl"
            return


#: an adjective used as an adverb, capitalised first in a sentence ("Wissenschaftlich", "Produktiv",
#: "Federführend"), which the tagger takes for a noun
_ADVERBIAL = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:lich|isch|ig|iv|al|ell|end|bar|sam|weise)")


def _adverbial(token: Token) -> bool:
    return token.pos_ == "ADV" or bool(_ADVERBIAL.fullmatch(token.text))


def _governed(token: Token, verb: Token) -> bool:
    """Whether a preposition governs the token or a word it hangs on, below the verb."""
    while token.i != verb.i:
        if any(c.dep_ == "case" for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _fronted_over_noun(participle: Token, aux: Token) -> bool:
    """"Begleitet wurde der Aufbau vom BMI": the parser made the auxiliary the copula of the
    noun after it and the participle that noun's subject. The participle is the verb, the noun
    its subject, and the noun's prepositional phrases its own. False if the parse was another."""
    noun = participle.head
    if aux.head.i != noun.i or aux.dep_ != "cop" or noun.pos_ not in ("NOUN", "PROPN") or noun.i < aux.i:
        return False
    root = noun.head.i == noun.i
    participle.head, participle.dep_ = (participle, "ROOT") if root else (noun.head, noun.dep_)
    noun.head, noun.dep_ = participle, "nsubj:pass" if aux.lemma_ == "werden" else "nsubj"
    aux.head, aux.dep_ = participle, "aux:pass" if aux.lemma_ == "werden" else "aux"
    participle.pos_ = "VERB"
    participle.set_morph("VerbForm=Part")
    for phrase in [c for c in noun.children if c.i > noun.i and any(g.dep_ == "case" for g in c.children)]:
        phrase.head, phrase.dep_ = participle, "obl"
    return True


def _reroot(tokens: list[Token], participle: Token, aux: Token) -> None:
    """"Aufgebaut wurde die Cloud vom BMI gemeinsam mit den Ländern …", parsed with some other
    word for the root: the fronted participle is the clause's verb and "werden" its passive
    auxiliary; the former root hangs on it (a prepositional phrase as an oblique), and
    :func:`fronted_passive_subject` then finds the subject."""
    root = next((t for t in tokens if t.head.i == t.i), None)
    participle.head, participle.dep_ = participle, "ROOT"
    participle.pos_ = "VERB"
    participle.set_morph("VerbForm=Part")
    for child in [c for c in aux.children if c.i != participle.i]:
        child.head = participle
    aux.head, aux.dep_ = participle, "aux:pass"
    if root is not None and root.i not in (participle.i, aux.i):
        root.head, root.dep_ = participle, "obl" if any(c.dep_ == "case" for c in root.children) else "dep"


#: a participle's form: "gebaut", "aufgebaut", "finanziert", and of a verb with an inseparable
#: prefix, which takes no "ge": "begleitet", "entwickelt", "betrieben"
_PARTICIPLE = re.compile(r"(?:[a-zäöü]{2,8})?ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert"
                         r"|(?:be|ent|er|ver|zer|emp|miss)[a-zäöüß]{3,}(?:t|en)")
_AUXILIARIES = frozenset({"haben", "sein", "werden"})


def attach_particles(tokens: list[Token]) -> None:
    """A separable verb's particle the tagger knows (STTS ``PTKVZ``: "arbeiten … zusammen")
    but the parser hung on a noun: it belongs to the verb before it (a separated particle
    follows its finite verb), which the cue lexicon then finds as "zusammenarbeiten"."""
    for particle in (t for t in tokens if t.tag_ == "PTKVZ" and t.head.pos_ not in ("VERB", "AUX")):
        verb = next((t for t in reversed(tokens[:tokens.index(particle)])  # (the tagger may call it VVINF)
                     if t.pos_ == "VERB" and t.tag_ != "VVPP"), None)
        if verb is not None:
            particle.head, particle.dep_ = verb, "compound:prt"


def _mark_passive(participle: Token, children: list[Token]) -> None:
    """"wird … getragen" with "wird" parsed as a plain auxiliary: a passive auxiliary, and
    the "von" phrase the parser hung on it belongs to the participle."""
    for aux in (c for c in children if c.dep_ == "aux" and c.lemma_ == "werden"):
        aux.dep_ = "aux:pass"
        for phrase in [c for c in aux.children if c.dep_ in ("obl", "obl:arg", "obl:agent", "nmod")]:
            phrase.head = participle


#: relative pronouns that are never the nominative
_OBJECT_RELATIVES = frozenset({"den", "dem", "denen", "welchen", "welchem"})


def _object_relative(token: Token) -> bool:
    return token.lower_ in _OBJECT_RELATIVES and "Rel" in morph_values(token, "PronType")


def _case(token: Token) -> str:
    """The case the noun or its article is marked with, if only one."""
    cases = _cases(token)
    return cases.pop() if len(cases) == 1 else ""


def _cases(token: Token) -> set[str]:
    return {c for t in (token, *(c for c in token.children if c.dep_ == "det")) for c in morph_values(t, "Case")}


class RelationPatterns(RelationData):
    """Matches the patterns on each sentence and adds the relations they find."""

    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.anaphors, self.texts = {}, {}

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns: str = "",
                   cues: str = "", type_nouns: str = "") -> None:
        """The pattern file, the cue lexicon and the type nouns (data files named in ``pipeline.cfg``)."""
        self.set_data(patterns, cues, type_nouns)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "data.json", self.texts)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationPatterns:
        self.set_data_from(srsly.read_json(Path(path) / "data.json"))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.patterns is None:
            raise ValueError(f"{self.name}: not initialised (nlp.initialize() loads its pattern files)")
        spans = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        index = MentionIndex(doc, spans, self.anaphors)
        found = [c for sent in doc.sents for c in self._sentence(sent, index)]
        doc.user_data["sovkg_relations"] = (*doc.user_data.get("sovkg_relations", ()), *found)
        return doc

    def _sentence(self, sent: Span, index: MentionIndex) -> Iterator[RelationCandidate]:
        assert self.patterns is not None
        if not index.in_sentence(sent):
            return
        tokens = list(sent)
        attach_particles(tokens)
        detach_relative_conjuncts(tokens)
        comma_apposition(tokens, index)
        front_participle(tokens)
        fronted_passive_subject(tokens)
        subjects_of_auxiliaries(tokens)
        for verb in (t for t in tokens if t.pos_ in ("VERB", "ADJ", "AUX")):
            relative_read_as_article(verb)
            normalise_clause(verb)  # before any pattern reads the sentence
            passive_agent(verb)
            von_phrase_of_noun(verb)
            fronted_apposition(verb)
            front_adverb(verb, index)
            named_adverb(verb, index)
            reflexive_subject(verb)
        scope = _Scope(sent, index, question=ends_with_question(sent))
        for token in tokens:
            cues = self.patterns.cues_of(token)
            classes = list(dict.fromkeys((c.cls, c.predicate) for c in cues)) if cues else []
            if index.root_mention(token) is not None:
                classes.append(("*entity", ""))
            for cls, predicate in classes:
                for pattern in self.patterns.by_class.get(cls, ()):
                    if pattern.fits(token):
                        yield from self._match(pattern, token, predicate, scope)

    def _match(self, pattern: Pattern, cue: Token, cue_predicate: str, scope: _Scope) -> Iterator[RelationCandidate]:
        assert self.patterns is not None
        objects_first = any(path.context for path in pattern.subject or ())  # context is not the object
        if not objects_first and not scope.reaches(pattern.object, cue) or \
                asks_whether(cue, scope.sent, question=scope.question):
            return  # most patterns that fit a cue reach no object: resolving their subjects is wasted
        index = scope.index
        predicate = cue_predicate if pattern.predicate == "cue" else pattern.predicate
        subject_types, object_types = self.patterns.types.get(predicate, (frozenset(), frozenset()))
        objects = scope.ends(pattern.object, cue, pattern.coreference,
                             pattern.object_types or object_types) if objects_first else []
        subjects = [s for s in scope.ends(pattern.subject, cue, pattern.coreference,
                                          pattern.subject_types or subject_types, frozenset(o.chars for o in objects))
                    if index.named(s.span) and pattern.allows_subject(s.span.label_)]  # "KI" runs nothing
        if not objects_first:
            objects = scope.ends(pattern.object, cue, pattern.coreference,
                                 pattern.object_types or object_types) if subjects else []
        for subject in subjects:
            for obj in objects:
                if subject.span.kb_id_ and subject.span.kb_id_ == obj.span.kb_id_ or \
                        subject.chars == obj.chars or _guessed(subject) and _guessed(obj):
                    continue  # two ends resolved from descriptions are one guess too many
                if (predicate != "uses" or pattern.named) and not index.named(obj.span):
                    continue  # one uses "KI"; nobody is funded, run or supported by it
                if predicate != "cooperatesWith" and _listed_together(index, subject.span, obj.span):
                    continue  # two items of one list are partners at most, never one the other's
                if pattern.around and not subject.span.end <= cue.i < obj.span.start or \
                        pattern.adjacent and not _adjacent(index, subject.span, obj.span):
                    continue
                stated = "memberOf" if predicate == "partOf" and subject.span.label_ == "Person" else predicate
                if not self.patterns.allows(stated, subject.span.label_, obj.span.label_) or \
                        not pattern.allows_object(obj.span.label_):  # its subjects were checked above
                    continue
                yield self._candidate(pattern, cue, stated, subject, obj, scope.sent)

    def _candidate(self, pattern: Pattern, cue: Token, predicate: str, subject: Resolved, obj: Resolved,
                   sent: Span) -> RelationCandidate:
        resolved = next((end for end in (subject, obj) if _guessed(end)), None) or \
            next((end for end in (subject, obj) if end.via is not None), None)
        via = resolved.via if resolved is not None else None
        antecedent = resolved.chars if resolved is not None else None
        confidence = pattern.confidence * (COREFERENCE_FACTOR if via is not None else 1.0)
        facts = sentence_facts(span_text(sent)) if predicate == "fundedBy" else {}
        return RelationCandidate(
            subject.chars, predicate, obj.chars, (sent.start_char, sent.end_char), cue.text,
            f"{self.name}:{pattern.id}", round(confidence, 3), anaphor=via, antecedent=antecedent, **facts)


#: how many words may stand between a name and the phrase after it ("des französischen Unternehmens")
_PHRASE_GAP = 4


def _adjacent(index: MentionIndex, first: Span, second: Span) -> bool:
    """``second`` follows ``first`` (past a short form in parentheses) with at most a few
    words between, none of them punctuation or part of another mention."""
    start = skip_parenthesis(first.doc, first.end, within=6)
    between = first.doc[start:second.start]
    return start <= second.start and len(between) <= _PHRASE_GAP and \
        not any(t.is_punct or index.mention_at(t.i) is not None for t in between)


#: what may stand between two items of a list besides their names ("…, die TU Dortmund, die
#: Universität Bonn und das Fraunhofer IAIS", "neben dem DFKI das Fraunhofer IAIS")
_LIST_WORDS = frozenset({",", "und", "sowie", "oder", "der", "die", "das", "dem", "den", "des", "neben", "(", ")"})
_CONJUNCTIONS = frozenset({"und", "sowie", "oder"})


def _listed_together(index: MentionIndex, a: Span, b: Span) -> bool:
    """Whether two mentions are items of one list: nothing but commas, conjunctions and
    articles stand between them, and a conjunction joins the list ("A, B und C"; a comma
    alone may be an apposition: "Der Präsident des BSI, Tobias Ahlgrimm, …"). Read from the
    words, not the parse: a list of long names is where the small parser errs most, making
    one item the subject of a clause and the next its object ("…, das die TU Dortmund, die
    Universität Bonn … gemeinsam tragen"), which would relate the partners to each other.
    A relative pronoun ("…-Institut, das die TU Dortmund …") begins a clause, no list."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    item, joined = _next_item(index, first.end)
    while item is not None and item.start < second.start:
        item, more = _next_item(index, item.end)
        joined |= more
    if item is None or item.start != second.start:
        return False
    while not joined and item is not None:  # the "und" of "A, B und C" comes after B
        item, joined = _next_item(index, item.end)
    return joined


def _next_item(index: MentionIndex, end: int) -> tuple[Span | None, bool]:
    """The mention a list goes on with after ``end`` (None if words of another kind come
    first), and whether a conjunction stands before it."""
    doc, joined, separated = index.doc, False, False
    for i in range(end, len(doc)):
        mention = index.mention_at(i)
        if mention is not None:
            return (mention, joined) if separated else (None, False)
        word = doc[i]
        if word.lower_ not in _LIST_WORDS or word.pos_ == "PRON":
            return None, False
        joined |= word.lower_ in _CONJUNCTIONS
        separated |= word.lower_ in _CONJUNCTIONS or word.text == ","
    return None, False


def _guessed(end: Resolved) -> bool:
    """Whether an end was resolved from a description or pronoun, which may be wrong; the
    examples a plural noun lists in its own sentence ("Bausteine …, darunter A und B") are not."""
    return end.via is not None and not end.examples


class _Scope:
    """One sentence being matched: its mentions, whether it ends with a question mark, and
    the mentions a pattern's paths reach from a cue."""

    def __init__(self, sent: Span, index: MentionIndex, *, question: bool) -> None:
        self.sent, self.index, self.question = sent, index, question
        self._reached: dict[tuple[str, int], list[Token]] = {}

    def follow(self, path: DepPath, cue: Token) -> list[Token]:
        """The words ``path`` reaches from ``cue``, remembered: the patterns of a cue class
        share their paths ("subj", "obl:von|vom|durch"), and the parse does not change
        while they are matched."""
        key = (path.text, cue.i)
        if key not in self._reached:
            self._reached[key] = path.follow(cue)
        return self._reached[key]

    def reaches(self, paths: tuple[DepPath, ...] | None, cue: Token) -> bool:
        """Whether ``paths`` may reach an end from ``cue``: a word, the topic or the context."""
        return paths is None or any(path.context or self.follow(path, cue) for path in paths)

    def ends(self, paths: tuple[DepPath, ...] | None, cue: Token, coreference: bool = True,
             allowed: frozenset[str] = frozenset(), other: frozenset[tuple[int, int]] = frozenset()) -> list[Resolved]:
        """What ``paths`` reach from ``cue``: the topic for none, what the text is about for
        ``context`` (of ``allowed`` types, not ``other``), else the mentions the reached
        words stand for (descriptions resolved with ``coreference``)."""
        if paths is None:
            topic = self.index.topic(self.sent)
            return [topic] if topic is not None else []
        ends: list[Resolved] = []
        for path in (p for p in paths if p.context):
            found = self.index.context(cue, allowed, other)
            ends += [found] if found is not None else []
        for token in dict.fromkeys(t for path in paths if not path.context for t in self.follow(path, cue)):
            ends += (r for r in self.index.resolve(token, descriptions=coreference)
                     if all(r.chars != e.chars for e in ends))
        return ends


@Language.factory(
    "sovkg_relation_patterns",
    default_config={"spans_key": "sovkg_mentions"},
    assigns=["doc.user_data"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_relation_patterns(nlp: Language, name: str, spans_key: str) -> RelationPatterns:
    register_extensions()
    return RelationPatterns(name, spans_key=spans_key)
