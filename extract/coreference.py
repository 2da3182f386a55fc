"""Which entity a word of a parsed sentence stands for, within one document.

Relation patterns reach words ("Zentrum", "die", "Universität"), not entities. This
module answers for them:

* a word inside a mention stands for that mention;
* a type noun stands for the name in apposition to it ("das Projekt Phoenix");
* a coordination stands for every conjunct ("A, B und C"), and a mention for the list it
  stands in where the parser broke the list up;
* a personal pronoun stands for the agreeing named thing of its sentence or the one
  before, their subject first ("Das ELLIS Institute … Es ist Teil des …");
* a plural noun with examples stands for them ("16 Projekte …, darunter A, B und C");
* a relative pronoun stands for the noun its clause belongs to ("…, welcher KI
  integriert"); an apposition for the noun it follows ("Dataport, die Anstalt …");
* a definite or demonstrative description whose noun announces a type ("das
  Zentrum", "dieses Vorhaben", "die Umsetzung") stands for a mention of a compatible
  type in the last few sentences: the document's topic (the named thing it mentions
  most) if it is among them (a press release says "das Projekt" of its subject, not of
  the project it named last), else the most recent one, else the compatible thing
  mentioned most before it;
* a relative clause on an indefinite type noun ("über eine eigene Gesellschaft, die …")
  stands for the compatible name earlier in its sentence.

Concepts ("KI", "Open Source") are never what a description refers to. A resolution
through a description or a pronoun carries its offsets (:attr:`Resolved.via`), so the relation keeps
both the description and the mention.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sovkg.extract.morphology import morph_values
from sovkg.extract.normalize import fold_word

#: the types a description of each type may refer to (an "Initiative" noun such as
#: "Plattform" may name infrastructure as well, "Einrichtung" any organisation, "Zentrum"
#: a research centre run as a project)
COMPATIBLE: dict[str, frozenset[str]] = {
    "Initiative": frozenset({"Initiative", "Infrastructure"}),
    "Infrastructure": frozenset({"Infrastructure", "Initiative"}),
    "Technology": frozenset({"Technology", "Initiative"}),
    "ResearchOrganization": frozenset({"ResearchOrganization", "Organization", "Initiative"}),
    "Organization": frozenset({"Organization", "ResearchOrganization", "Company", "GovernmentBody"}),
    "Company": frozenset({"Company", "Organization"}),
    "GovernmentBody": frozenset({"GovernmentBody"}),
    "Policy": frozenset({"Policy"}),
    # what an action noun ("der Betrieb", "die Umsetzung") is the running of
    "Thing": frozenset({"Initiative", "Infrastructure", "Technology"}),
}
#: the types a document's topic may have: the named things documents are about
TOPIC_TYPES = frozenset({"Initiative", "Infrastructure", "ResearchOrganization", "Organization", "Company"})
#: what a personal pronoun may stand for: named things, not persons (whose gender a name
#: does not tell) nor governments ("es" after "das Land" is mostly the weather's "es"); an
#: authority or public enterprise with an article is ("Das ITZBund … Es gehört zum …", "Die
#: AKDB … In ihrem Rechenzentrum betreibt sie …"), see :func:`_pronoun_antecedent`
PRONOUN_TYPES = TOPIC_TYPES | {"Infrastructure", "Technology"}
#: the words of a government of a level, which "es" or "sie" after it seldom stands for
_LEVEL_WORDS = frozenset({"Land", "Bund", "Freistaat", "Landesregierung", "Bundesregierung", "Staatsregierung",
                          "Senat", "Regierung", "Kommune", "Stadt", "Gemeinde", "Landkreis", "Kreis", "Region"})
#: the third person's pronouns and the genders (or plural) each stands for
_PERSONAL: dict[str, frozenset[str]] = {
    "er": frozenset({"Masc"}), "ihn": frozenset({"Masc"}), "ihm": frozenset({"Masc", "Neut"}),
    "es": frozenset({"Neut"}), "sie": frozenset({"Fem", "Plur"})}
#: nouns of a naming phrase: "mit der Bezeichnung „KI-Navigator“", "unter dem Namen „LLMoin“"
_NAMING_NOUNS = frozenset({"Bezeichnung", "Name", "Namen", "Titel", "Arbeitstitel"})
#: a group whose members follow "aus": "ein Konsortium aus A und B" stands for A and B
_GROUP_NOUNS = frozenset({"Konsortium", "Zusammenschluss", "Bündnis", "Firmenkonsortium", "Bieterkonsortium"})
#: what introduces examples of a plural noun
_EXAMPLE_CUES = frozenset({"darunter", "etwa", "beispielsweise"})
#: the words between the items of a list
LIST_WORDS = frozenset({",", "und", "sowie", "oder"})
#: what opens a parenthesis, reading forwards (1) or backwards (-1)
_PARENTHESES = {1: frozenset({"("}), -1: frozenset({")"})}
#: articles, which stand between the items too ("der Universität Bonn und der TU Dortmund")
ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des"})
#: types listed together: the organisations are one family ("Bosch, die Universität und das DFKI")
_FAMILIES = {"Organization": "org", "ResearchOrganization": "org", "Company": "org", "GovernmentBody": "org"}
DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des", "dieser", "diese", "dieses", "diesen", "diesem",
                      "jener", "jene", "jenes", "jenen", "jenem"})
RELATIVE_TAGS = frozenset({"PRELS", "PRELAT"})
#: how a name stands beside its type noun, the likeliest first ("die KI-Anwendung „LLMoin“":
#: the apposition, not the compound's first part)
NAME_DEPS = ("appos", "flat", "flat:name", "nmod", "compound")
#: what sets an apposition off from the name before it
APPOSITION_MARKS = frozenset({",", "–", "-", "—", "("})
#: how many sentences back a description looks for its antecedent
WINDOW = 3
#: how many sentences back a pronoun looks ("Das ARIC … Er wird … gefördert. Zu seinen
#: Mitgliedern …": two, for a pronoun after a pronoun)
PRONOUN_WINDOW = 2
#: how much less sure a relation is when one end was resolved from a description or pronoun
COREFERENCE_FACTOR = 0.9


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention an end of a relation stands for; ``via`` the description resolved to it;
    ``examples``: the first of the examples a plural noun (``via``) stands for, with the rest."""

    span: Span
    via: tuple[int, int] | None = None
    examples: bool = False

    @property
    def chars(self) -> tuple[int, int]:
        return (self.span.start_char, self.span.end_char)


class MentionIndex:
    """The mentions of one doc by token, with the topic and the description resolution."""

    def __init__(self, doc: Doc, spans: list[Span], anaphors: dict[str, str]) -> None:
        self.doc = doc
        self.anaphors = anaphors
        self.spans = sorted(spans, key=lambda s: (s.start, -s.end))
        self._at: dict[int, Span] = {}
        for span in sorted(spans, key=len):  # the longest mention covering a token wins
            for i in range(span.start, span.end):
                self._at[i] = span
        self._roots = {span.root.i: span for span in set(self._at.values())}
        self._named: dict[tuple[int, int], bool] = {}
        self._resolved: dict[tuple[int, bool], list[Resolved]] = {}
        self._starts = [s.start for s in self.spans]
        self._topic: Span | None | bool = False
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []
        self._by_start: dict[int, Span] | None = None
        self._lists: dict[tuple[int, int], list[Span]] = {}
        self._by_end: dict[int, Span] = {}
        self._keys: dict[int, str] | None = None
        self._topic_mentions: list[Span] = []

    def key(self, span: Span) -> str:
        """What names the thing a mention of :attr:`spans` names (:func:`_key`), read once per
        mention: a span's extension values cost a lookup each, and the topic and the salient
        mentions are counted over every mention of the doc at every description."""
        if self._keys is None:  # by identity: the spans live as long as the index holds them
            self._keys = {id(s): _key(s) for s in self.spans}
        key = self._keys.get(id(span))
        return key if key is not None else _key(span)

    def named(self, span: Span) -> bool:
        """:func:`named_thing`, once per mention."""
        key = (span.start, span.end)
        if key not in self._named:
            self._named[key] = named_thing(span)
        return self._named[key]

    def mention_at(self, i: int) -> Span | None:
        """The (longest) mention covering the token at ``i``."""
        return self._at.get(i)

    def root_mention(self, token: Token) -> Span | None:
        """The mention whose syntactic head is ``token`` (one anchor per mention)."""
        return self._roots.get(token.i)

    def in_sentence(self, sent: Span) -> bool:
        """Whether a mention starts in ``sent`` (a sentence without one states no relation)."""
        k = bisect_left(self._starts, sent.start)
        return k < len(self._starts) and self._starts[k] < sent.end

    def resolve(self, token: Token, *, descriptions: bool = True) -> list[Resolved]:
        """The mentions ``token`` stands for, one per conjunct (``descriptions``: resolving
        definite descriptions and relative clauses' nouns to earlier mentions too).
        Remembered per token: many patterns ask for the same ends."""
        memo = (token.i, descriptions)
        if memo not in self._resolved:
            self._resolved[memo] = self._resolve(token, descriptions)
        return self._resolved[memo]

    def _resolve(self, token: Token, descriptions: bool) -> list[Resolved]:
        found: list[Resolved] = []
        for word in (token, *token.conjuncts):
            resolved = self._one(word)
            if resolved is not None and resolved.via is not None and not descriptions:
                continue
            if resolved is not None:
                listed = [resolved] if resolved.via is not None and not resolved.examples else \
                    [Resolved(s, resolved.via, resolved.examples) for s in self._listed(resolved.span)]
                modifier = self._modifier(word) if resolved.examples else None
                listed += [modifier] if modifier is not None else []  # "Open-Source-Bausteine, darunter …"
                found += (r for r in listed if all(r.chars != f.chars for f in found))
        return found

    def _listed(self, span: Span) -> list[Span]:
        """The mention and the mentions of its kind listed with it ("in Saarbrücken, Bremen,
        Berlin und Lübeck"), where the parser has not made them all conjuncts. Remembered
        per mention: every item of a list asks for the same list."""
        key = (span.start, span.end)
        if key not in self._lists:
            self._lists[key] = self._list_of(span)
        return self._lists[key]

    def _list_of(self, span: Span) -> list[Span]:
        if self._by_start is None:
            self._by_start = {s.start: s for s in self.spans}
            self._by_end = {s.end: s for s in self.spans}
        listed, family = [span], _family(span.label_)
        for step in (1, -1):
            current = span
            while True:
                i = current.end if step == 1 else current.start - 1
                joined = False
                while 0 <= i < len(self.doc) and (self.doc[i].lower_ in LIST_WORDS | ARTICLES
                                                  or self.doc[i].text in _PARENTHESES[step]):
                    if step == 1 and self._relative_at(i):
                        break  # "… Institut, das die TU Dortmund … trägt": a relative clause, no list
                    if self.doc[i].text in _PARENTHESES[step]:  # "… Genetik (MPI-CBG), das …": its short form
                        i = self._past_parenthesis(i, step)
                        continue
                    joined = joined or self.doc[i].lower_ in LIST_WORDS
                    i += step
                if step == 1 and joined and self._examples_noun_at(i):
                    i += 2  # "… und die Universität Tübingen sowie Unternehmen wie die Robert Bosch GmbH"
                    i += self.doc[i].lower_ in ARTICLES if i < len(self.doc) else 0
                nxt = (self._by_start if step == 1 else self._by_end).get(i if step == 1 else i + 1)
                if not joined or nxt is None or _family(nxt.label_) != family:
                    break
                listed.append(nxt)
                current = nxt
        return listed

    def _relative_at(self, i: int) -> bool:
        """A relative pronoun at ``i`` after a comma: one the tagger calls so, or an
        article followed by another ("…, das die …", "…, die der …")."""
        word = self.doc[i]
        if i == 0 or self.doc[i - 1].text != "," or word.lower_ not in ARTICLES:
            return False
        return "Rel" in morph_values(word, "PronType") or i + 1 < len(self.doc) and self.doc[i + 1].lower_ in ARTICLES

    def _examples_noun_at(self, i: int) -> bool:
        """A common noun followed by "wie" at ``i``: a kind whose examples go on with the list."""
        return i + 2 < len(self.doc) and self.doc[i].pos_ == "NOUN" and i not in self._at and \
            self.doc[i + 1].lower_ == "wie"

    def _past_parenthesis(self, i: int, step: int) -> int:
        """The position past the parenthesis opening (``step`` 1) or closing (-1) at ``i``,
        if it closes within a few words; else past the list (no item follows)."""
        close = _PARENTHESES[-step]
        for j in range(i + step, i + 8 * step, step):
            if not 0 <= j < len(self.doc):
                break
            if self.doc[j].text in close:
                return j + step
        return -1 if step == -1 else len(self.doc)

    def _one(self, token: Token) -> Resolved | None:
        span = self._at.get(token.i)
        beside = self._named_beside(token)
        # "den Hochleistungsrechner HoreKa": the proper name beside a common noun, not the noun
        # (a person beside a body holds an office there: "des ITZBund, Dr. Henrike Voßkamp")
        plain = span is not None and len(span) == 1 and token.pos_ == "NOUN" and \
            beside is not None and beside.root.pos_ == "PROPN" and beside.label_ != "Person"
        if span is not None and self.named(span) and not plain:
            return Resolved(span)
        if beside is not None or span is not None:
            return Resolved(beside or span)
        if _relative(token):
            clause = token.head
            attached = clause.head if clause.dep_.startswith("acl") and clause.head.i != clause.i else None
            attached = attached if attached is not None and _agrees(token, attached) else None
            found = self._one(attached) or self._bridged(attached) if attached is not None else None
            before = _noun_before(token, self._at)  # the parser may attach the clause to another noun
            # (a mention ending there agrees by its head: "das Rechenzentrum der TU Darmstadt, das …")
            named = self._at.get(before.i) if before is not None else None
            head = named.root if named is not None else before
            before = before if before is not None and (_agrees(token, before) or _agrees(token, head)
                                                       or _bracketed(named or before.doc[before.i:before.i + 1])) else \
                _extraposed(token, before)
            return found or (self._one(before) or self._bridged(before) if before is not None else None)
        if token.dep_ == "appos" and token.head.i != token.i:
            return self._one(token.head)
        if token.pos_ == "PRON" and token.lower_ in _PERSONAL and token.dep_ != "expl":
            return self._pronoun(token, _PERSONAL[token.lower_], personal=True)
        owner = _possessor_genders(token)
        if owner is not None:  # "Zu seinen Mitgliedern gehören …": whose members
            return self._pronoun(token, owner)
        return self._description(token) or self._first_example(token) or self._modifier(token)

    def _modifier(self, token: Token) -> Resolved | None:
        """A common noun compounded onto a mention ("Open-Source-Komponenten", "KI-Lösungen"):
        the mention, which only a use may have as its end (the others need named things)."""
        if token.pos_ != "NOUN":
            return None
        part = next((c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.i in self._at), None)
        return Resolved(self._at[part.i]) if part is not None else None

    def _first_example(self, token: Token) -> Resolved | None:
        """A plural noun with examples after it ("16 Projekte …, darunter OpenGPT-X, Marispace-X
        und Health-X"), or a noun with "wie" right after it ("Unternehmen wie Bosch und ZF"): the
        first of them (:meth:`_listed` adds the others)."""
        if token.pos_ != "NOUN":
            return None
        sent_end = self._sentences()[self._sentence_index(token)].end
        after = token.doc[token.i + 1] if token.i + 1 < sent_end else None
        if after is not None and after.lower_ == "wie":  # "Unternehmen wie SAP und die Telekom"
            cue = after
        elif after is not None and after.lower_ == "aus" and token.lemma_ in _GROUP_NOUNS:
            cue = after  # "ein Konsortium aus dem IT-Konzern Eviden und der Firma ParTec"
        elif "Plur" in morph_values(token, "Number"):
            cue = next((t for t in token.doc[token.i + 1:sent_end] if t.lower_ in _EXAMPLE_CUES), None)
        else:
            return None
        if cue is None:
            return None
        reach = 6 if cue.lower_ == "aus" else 3  # "aus dem französischen IT-Konzern Eviden"
        first = next((s for s in self.spans if cue.i < s.start <= cue.i + reach and s.end <= sent_end), None)
        via = (token.idx, token.idx + len(token.text))  # the noun stands for its examples, as a description
        return Resolved(first, via, examples=True) if first is not None and self.named(first) else None

    def _pronoun(self, token: Token, allowed: frozenset[str], *, personal: bool = False) -> Resolved | None:
        """A personal or possessive pronoun ("Es ist Teil des …", "… nutzen ihn", "seine
        Mitglieder"): the subject among the named mentions of its sentence and the two before
        whose gender or number is ``allowed``, else the latest of them. A ``personal`` pronoun
        never stands for a phrase of its own clause ("Gemeinsam mit dem JSC bildet es …" is
        not the JSC); a possessive may ("Das Zentrum baut seine Rechner aus")."""
        k = self._sentence_index(token)
        earliest = self._sentences()[max(0, k - PRONOUN_WINDOW)].start
        clause = _clause_of(token) if personal else -1
        agreeing = [s for s in reversed(self.spans) if earliest <= s.start and s.end <= token.i
                    and _pronoun_antecedent(s) and self.named(s) and _gender_agrees(s, allowed)
                    and (clause < 0 or _clause_of(s.root) != clause)]
        best = next((s for s in agreeing if _subject(s.root)), agreeing[0] if agreeing else None)
        best = self._apposed_to(best) or best if best is not None else None
        return Resolved(best, (token.idx, token.idx + len(token.text))) if best is not None else None

    def _apposed_to(self, span: Span) -> Span | None:
        """The named mention an apposition follows ("JUPITER, der erste Exascale-Rechner Europas"):
        what the pronoun after both stands for, by position (the parser may not see it)."""
        i = span.start - 1
        while i > 0 and self.doc[i].is_lower and self.doc[i].is_alpha:  # "der erste"
            i -= 1
        before = self._at.get(i - 1) if i > 0 and self.doc[i].text in APPOSITION_MARKS else None
        return before if before is not None and before.label_ in PRONOUN_TYPES and self.named(before) else None

    def _named_beside(self, token: Token) -> Span | None:
        """The name in apposition to a type noun or term ("das Projekt Phoenix"; also a name
        right after it that the parser left unattached: "Der Assistent SaarKI läuft …"), or
        given by a naming phrase ("einen KI-Assistenten mit der Bezeichnung „KI-Navigator“")."""
        beside = min(((NAME_DEPS.index(c.dep_) if c.dep_ in NAME_DEPS else len(NAME_DEPS), self._at[c.i])
                      for c in token.children if c.i in self._at and self.named(self._at[c.i])
                      and (c.dep_ in NAME_DEPS or c.dep_ == "dep" and self._at[c.i].start == token.i + 1)
                      and not any(g.dep_ == "case" for g in c.children)),
                     default=(0, None), key=lambda pair: pair[0])[1]
        if beside is not None or token.pos_ != "NOUN":
            return beside
        naming = next((c for c in token.children if c.dep_ == "nmod" and c.lemma_ in _NAMING_NOUNS), None)
        return self._named_beside(naming) if naming is not None else None

    def kind(self, token: Token) -> str | None:
        """The type a noun announces ("Zentrum", "Vorhaben", "Betrieb"), if it is one."""
        return self.anaphors.get(fold_word(token.lemma_ or token.text)) if token.pos_ == "NOUN" else None

    def _phrase_start(self, token: Token) -> int:
        article = _stray_article(token)
        return min([token.i, *(c.i for c in token.children if c.dep_ in ("det", "amod") and c.i < token.i),
                    *([article.i] if article is not None else [])])

    def _description(self, token: Token) -> Resolved | None:
        """A definite description resolved to an earlier mention or the topic; one with its
        own genitive or "von" phrase ("der Betrieb des Rechenzentrums") says what it is."""
        kind = self.kind(token)
        if kind is None or not any(c.dep_ == "det" and c.text.lower() in DEFINITE for c in token.children) and \
                _stray_article(token) is None or \
                any(c.dep_ == "nmod" and _owner_phrase(c) for c in token.children):
            return None
        start = self._phrase_start(token)
        joined = start >= 2 and not self.doc[start].is_sent_start and self.doc[start - 1].text in APPOSITION_MARKS
        if joined and start - 2 in self._at:  # "IT.NRW – das zentrale Rechenzentrum …"
            return Resolved(self._at[start - 2])  # an apposition to the name before it
        via = (self.doc[start].idx, token.idx + len(token.text))
        allowed = COMPATIBLE.get(kind, frozenset({kind}))
        return self._named_by(token, allowed, via) or self._antecedent(token, allowed, via)

    def _named_by(self, noun: Token, allowed: frozenset[str], via: tuple[int, int]) -> Resolved | None:
        """The latest earlier name that ends in the description's noun ("die Suite" after "die
        dPhoenix Suite"): the name says what it is, nearer mentions of its kind do not."""
        word = fold_word(noun.text)
        named = next((s for s in reversed(self.spans) if s.end <= noun.i and s.label_ in allowed and len(s) > 1
                      and fold_word(s[-1].text) == word and self.named(s)), None)
        return Resolved(named, via) if named is not None else None

    def _antecedent(self, token: Token, allowed: frozenset[str], via: tuple[int, int],
                    exclude: Container[tuple[int, int]] = ()) -> Resolved | None:
        """The topic if it is among the compatible mentions of the last sentences, else the
        latest; never one of ``exclude`` (the other end of the relation)."""
        sentences = self._sentences()
        first = self._sentence_index(token)
        earliest = sentences[max(0, first - WINDOW)].start
        recent = [s for s in reversed(self.spans) if earliest <= s.start and s.end <= token.i and s.label_ in allowed
                  and self.named(s) and (s.start_char, s.end_char) not in exclude]
        topic = self.topic(sentences[first])
        if topic is not None and (topic.span.start_char, topic.span.end_char) in exclude:
            topic = None
        if topic is not None and topic.span.label_ in allowed and \
                (not recent or any(self.key(s) == self.key(topic.span) for s in recent)):
            return Resolved(topic.span, via)  # the topic, if it is a candidate at all: the most salient
        if recent:
            return Resolved(recent[0], via)
        salient = self._salient(token, allowed)
        return Resolved(salient, via) if salient is not None else None

    def context(self, token: Token, allowed: frozenset[str],
                exclude: Container[tuple[int, int]] = ()) -> Resolved | None:
        """What the text is about where ``token`` stands, among ``allowed`` types and not
        ``exclude`` (the mentions at the relation's other end): the topic or the latest
        compatible named thing, as a description would resolve ("Zu den Partnern zählen …":
        partners of the project named just before; "Derzeit kommen Llama und Mistral zum
        Einsatz": what uses them, which is neither)."""
        return self._antecedent(token, allowed, (token.idx, token.idx + len(token.text)), exclude)

    def _salient(self, token: Token, allowed: frozenset[str]) -> Span | None:
        """The compatible named thing mentioned most (at least twice) before ``token``, at its
        last mention: "die Plattform" of a press release about one platform, sentences after
        its name."""
        before = [s for s in self.spans if s.end <= token.i and s.label_ in allowed and self.named(s)]
        counts = Counter(self.key(s) for s in before)
        best = counts.most_common(1)
        if not best or best[0][1] < 2:
            return None
        return next(s for s in reversed(before) if self.key(s) == best[0][0])

    def _bridged(self, noun: Token) -> Resolved | None:
        """The type noun a relative clause hangs on, indefinite ("Mit dem ZenDiS verfügt der Bund
        über eine eigene Gesellschaft, die …"): the nearest compatible mention before it in its
        sentence, other than the subject of its verb (the Bund has the company, it is not it)."""
        kind = self.kind(noun)
        if kind is None:
            return None
        allowed = COMPATIBLE.get(kind, frozenset({kind}))
        sent = noun.sent
        before = [s for s in reversed(self.spans) if sent.start <= s.start and s.end <= noun.i and s.label_ in allowed
                  and self.named(s) and not _holder(s.root, noun)]
        start = self._phrase_start(noun)
        return Resolved(before[0], (self.doc[start].idx, noun.idx + len(noun.text))) if before else None

    def _sentence_index(self, token: Token) -> int:
        """Which of :meth:`_sentences` holds the token (``token.sent`` walks the doc)."""
        self._sentences()
        return max(0, bisect_right(self._sent_starts, token.i) - 1)

    def _sentences(self) -> list[Span]:
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start for s in self._sents]
        return self._sents

    def topic(self, sent: Span) -> Resolved | None:
        """The document's topic: its most mentioned named thing (its last mention before ``sent``)."""
        if self._topic is False:
            counts = Counter(self.key(s) for s in self.spans if s.label_ in TOPIC_TYPES)
            best = counts.most_common(1)
            self._topic = next(s for s in self.spans if self.key(s) == best[0][0]) if best and best[0][1] > 1 else None
            if isinstance(self._topic, Span):
                self._topic_mentions = [s for s in self.spans if self.key(s) == best[0][0]]
        if not isinstance(self._topic, Span):
            return None
        before = [s for s in self._topic_mentions if s.start < sent.end]
        return Resolved(before[-1] if before else self._topic)


#: whom a possessive determiner's stem may stand for
_POSSESSORS = {"sein": frozenset({"Masc", "Neut"}), "ihr": frozenset({"Fem", "Plur"})}


def _possessor_genders(token: Token) -> frozenset[str] | None:
    """The genders (or plural) a possessive determiner's owner may have: "sein-" a masculine
    or neuter one, "ihr-" a feminine or plural one; None for any other word."""
    if token.dep_ != "det:poss" and token.tag_ != "PPOSAT":
        return None
    return next((genders for stem, genders in _POSSESSORS.items() if token.lower_.startswith(stem)), None)


def _relative(token: Token) -> bool:
    """A relative pronoun: tagged so, or the first pronoun of a relative clause ("…, die …")."""
    if token.tag_ in RELATIVE_TAGS or "Rel" in morph_values(token, "PronType"):
        return True
    clause = token.head
    return token.pos_ in ("PRON", "DET") and clause.dep_ == "acl:relcl" and token.i < clause.i and \
        next((t for t in clause.lefts if t.pos_ in ("PRON", "DET")), None) == token


def _holder(candidate: Token, noun: Token) -> bool:
    """The candidate has the noun rather than being it: the subject of the noun's verb,
    or a word the noun hangs on ("der Bund … über eine Gesellschaft", however parsed)."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = candidate.dep_.startswith("nsubj") and verb is not None and candidate.head.i == verb.i
    return subject or any(a.i == candidate.i for a in noun.ancestors)


#: the genders (or plural) a relative pronoun's form can refer to: "die" is never "der Bund"
_RELATIVE_GENDERS = {"die": {"Fem", "Plur"}, "welche": {"Fem", "Plur"}, "das": {"Neut"}, "welches": {"Neut"},
                     "der": {"Masc", "Fem"}, "welcher": {"Masc", "Fem"}, "dem": {"Masc", "Neut"},
                     "welchem": {"Masc", "Neut"}, "den": {"Masc"}, "welchen": {"Masc"}, "denen": {"Plur"}}


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Whether the relative pronoun can stand for the noun (by the noun's morphology; a
    name without gender agrees with anything)."""
    allowed = _RELATIVE_GENDERS.get(pronoun.lower_)
    return allowed is None or _morph_agrees(noun, allowed) is not False


def _morph_agrees(word: Token, allowed: Container[str]) -> bool | None:
    """Whether the word's number or gender is one of ``allowed`` ("Plur" for the plural);
    None if its morphology tells neither."""
    if morph_values(word, "Number") == ["Plur"]:
        return "Plur" in allowed
    genders = morph_values(word, "Gender")
    return any(g in allowed for g in genders) if genders else None


def _family(label: str) -> str:
    return _FAMILIES.get(label, label)


def _subject(root: Token) -> bool:
    """A subject, or the name beside a subject noun ("Die Lernplattform Lernraum Berlin … wird …")."""
    return root.dep_.startswith("nsubj") or root.dep_ in NAME_DEPS and root.head.dep_.startswith("nsubj")


def _pronoun_antecedent(span: Span) -> bool:
    """A mention a personal pronoun may stand for: a named thing of :data:`PRONOUN_TYPES`, or an
    authority named with an article that is no level's government ("das ITZBund", "die AKDB",
    not "das Land", "die Landesregierung", "die Stadt Kiel")."""
    if span.label_ in PRONOUN_TYPES:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return span.label_ == "GovernmentBody" and before is not None and before.pos_ == "DET" and \
        not any(t.text in _LEVEL_WORDS for t in span)


def _gender_agrees(span: Span, allowed: frozenset[str]) -> bool:
    """Whether a mention can be what a pronoun of these genders stands for, by its article
    (its root's, or the one right before it: "das ELLIS Institute"), else by the type noun
    it stands beside ("dem Hochleistungsrechner HoreKa"), else by its head unless that is a
    proper noun (whose gender the morphologizer guesses); a mention whose gender nothing
    tells agrees; a subject of a copula agrees with its predicate noun's gender too ("Das
    ARIC ist ein Verein … Er wird …")."""
    root = span.root
    predicate = root.head if root.dep_ == "nsubj" and root.head.pos_ == "NOUN" else None
    if predicate is not None and any(c.dep_ == "cop" for c in predicate.children) and \
            _verdict((_article(predicate), predicate), allowed):
        return True
    beside = root.head if root.dep_ in NAME_DEPS and root.head.pos_ == "NOUN" and root.head.i == span.start - 1 \
        else None
    before = span.doc[span.start - 1] if span.start > 0 else None
    article = _article(root) or (before if before is not None and before.pos_ == "DET" else None)
    head = root if root.pos_ != "PROPN" else None  # a name's gender is the morphologizer's guess
    return _verdict((article, *((_article(beside), beside) if beside is not None else ()), head),
                    allowed) is not False


def _verdict(words: Iterable[Token | None], allowed: Container[str]) -> bool | None:
    """What the first of ``words`` whose morphology tells says about the genders."""
    return next((v for v in (_morph_agrees(w, allowed) for w in words if w is not None) if v is not None), None)


def _owner_phrase(token: Token) -> bool:
    """A genitive or "von" phrase ("der Betrieb des Rechenzentrums"), not "für Bundesbehörden"."""
    cases = [c.lower_ for c in token.children if c.dep_ == "case"]
    return not cases or any(case in ("von", "vom") for case in cases)


def _article(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "det"), None)


def _stray_article(noun: Token) -> Token | None:
    """The definite article opening a noun's phrase that the parser hung on a word inside it
    ("Das 2020 gegründete Zentrum": "Das" made a dependent of "2020"), if the noun has no article."""
    edge = noun.left_edge
    if edge.i == noun.i or edge.pos_ != "DET" or edge.lower_ not in DEFINITE or _article(noun) is not None or \
            any(t.pos_ not in _MODIFIER_POS for t in noun.doc[edge.i + 1:noun.i]):
        return None
    return edge


#: what may stand between a stray article and its noun: a participle's phrase ("2020 gegründete")
_MODIFIER_POS = frozenset({"NUM", "ADJ", "ADV"})


def _bracketed(span: Span) -> bool:
    """ "Univention Corporate Server (UCS), den …", "(ZIT SH), das …": a short form in
    parentheses, whose gender the tagger can only guess; a relative clause after it is
    about what it names."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text == ")" and span.start >= 1 and doc[span.start - 1].text == "("


def _noun_before(token: Token, mentioned: Container[int] = ()) -> Token | None:
    """The noun right before a relative clause's comma ("eine Gesellschaft, die …"), or
    the end of a mention there whatever the tagger made of it ("SuperMUC-NG, den …"),
    also over the verbs of a clause the relative clause follows ("mit dem Rechner X
    gekoppelt, den …")."""
    i, skipped = token.i - 1, 0
    while i >= 0 and i not in mentioned and skipped < 4 and \
            (token.doc[i].is_punct or token.doc[i].pos_ in _CLAUSE_END_WORDS) and not token.doc[i].is_sent_start:
        i, skipped = i - 1, skipped + (not token.doc[i].is_punct)
    return token.doc[i] if i >= 0 and (token.doc[i].pos_ in ("NOUN", "PROPN") or i in mentioned) else None


def _clause_of(token: Token) -> int:
    """The verb whose clause the word belongs to (its nearest verb above or itself); -1 for none."""
    return next((t.i for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), -1)


def _extraposed(pronoun: Token, phrase: Token | None) -> Token | None:
    """The noun a relative clause was moved away from past a prepositional phrase its pronoun
    cannot stand for ("steht der Supercomputer MeluXina zur Verfügung, den …": "den" is
    masculine, "Verfügung" not): the nearest argument before that phrase whose gender or
    number the morphology says agrees, at most six words back."""
    if phrase is None or not any(c.dep_ == "case" for c in phrase.children):
        return None
    allowed = _RELATIVE_GENDERS.get(pronoun.lower_)
    start = max(phrase.sent.start, phrase.i - 6)
    for word in reversed(phrase.doc[start:phrase.i]):
        if word.is_punct or word.pos_ in ("VERB", "AUX"):
            return None
        if word.pos_ in ("NOUN", "PROPN") and word.dep_ not in ("obl", "nmod") and allowed is not None and \
                _morph_agrees(word, allowed):
            return word
    return None


#: what may stand between a noun and its relative clause: the verbs closing the clause
_CLAUSE_END_WORDS = frozenset({"VERB", "AUX", "PART"})


def _key(span: Span) -> str:
    return span.kb_id_ or fold_word(span._.sovkg_name or span.text)


def named_thing(span: Span) -> bool:
    """A named thing, not a closed-class term such as "KI" or "Open Source"."""
    method = span._.sovkg_method or ""
    term = method.startswith("sovkg_lexicon") and not method.endswith(":product") and span.label_ not in NAMED_TERM_TYPES
    return not term and span.kb_id_ not in GENERIC_KB


#: Lexicon entries of these types name one thing (a place, a party, the Landesregierung, the AI Act).
NAMED_TERM_TYPES = frozenset({"Place", "Party", "GovernmentBody", "Policy"})


#: Knowledge-base entries that are concepts, not named things.
GENERIC_KB = frozenset({"ki", "kuenstliche-intelligenz", "open-source", "generative-ki", "digitale-souveraenitaet",
                        "it-sicherheit", "cloud-computing", "offene-standards", "freie-software"})
