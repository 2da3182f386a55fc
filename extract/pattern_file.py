"""The relation patterns' files: their schema, their loader, and what a pattern checks on its cue.

``data/relation_patterns.json`` holds the patterns (each: an id, a cue class, the cue's
part of speech, relation and voice, two dependency paths to the relation's ends, a
predicate, a confidence, optional type narrowing and lemma conditions) and the entity
types each predicate allows; ``data/relation_cues.tsv`` the cue words by lemma. A
broken file fails here, when the pipeline is initialised, with one line naming the
pattern, not on the first document.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sovkg.extract.dependency_paths import Path as DepPath
from sovkg.extract.dependency_paths import LABELS, parse_path
from sovkg.extract.morphology import morph_values
from sovkg.extract.normalize import compound_head, fold_word
from sovkg.extract.pipeline_data import content_lines

VOICES = ("active", "passive", "any")
#: cue classes a compound noun is found by through its head ("Industriepartner" → "Partner")
COMPOUND_HEAD_CLASSES = frozenset({"whole-noun", "action-noun"})
#: the shortest head a compound is found by: "Partner", "Sparte", not "Teil" ("Anteil")
_MIN_HEAD = 6
#: the parts of speech a cue word has (nothing else is looked up)
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADV", "PROPN"})
#: the path that stands for the document's main topic instead of a dependency
TOPIC = "topic"
#: a condition's lemma that any word fulfils
ANY_WORD = "*"


class PatternError(ValueError):
    """A pattern file that does not follow the schema; the message names the pattern."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that signals a relation: its lemma, its class and the predicate it states."""

    lemma: str
    cls: str
    predicate: str


@dataclass(frozen=True, slots=True)
class Condition:
    """Words a path from the cue must reach (``when``) or must not (``unless``), by lemma:
    "unterstützt X mit 9,6 Millionen Euro" is funding, not support. A path reaches the
    phrases it leads to, whole; ``self`` reaches the cue word alone (not its clause)."""

    path: DepPath
    lemmas: frozenset[str]

    def holds(self, cue: Token) -> bool:
        if ANY_WORD in self.lemmas:  # "*": any word the path reaches
            return bool(self.path.follow(cue))
        words = (cue,) if not self.path.steps and not self.path.context else \
            (t for start in self.path.follow(cue) for t in start.subtree)
        return any(fold_word(t.lemma_ or t.text) in self.lemmas or fold_word(t.text) in self.lemmas for t in words)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One declarative pattern (see ``relation_patterns.json`` for the schema)."""

    id: str
    cue: str
    subject: tuple[DepPath, ...] | None
    object: tuple[DepPath, ...] | None
    predicate: str = "cue"
    pos: frozenset[str] = frozenset()
    deps: frozenset[str] = frozenset()
    voice: str = "any"
    confidence: float = 0.7
    subject_types: frozenset[str] = frozenset()
    object_types: frozenset[str] = frozenset()
    joined: bool = False
    coreference: bool = True
    when: tuple[Condition, ...] = ()
    unless: tuple[Condition, ...] = ()
    note: str = ""
    around: bool = False
    """The subject stands before the cue and the object after it ("X (vormals Y)")."""
    adjacent: bool = False
    """The object's phrase follows the subject's name ("Mistral Small des Unternehmens
    Mistral AI"): a parse that hangs a genitive on a word further back is not believed."""
    named: bool = False
    """The object is a named thing even where the predicate (uses) allows a concept: what
    stands at someone's disposal is a platform, not "KI"."""

    def fits(self, token: Token) -> bool:
        """Whether the cue token has the pattern's part of speech, relation and voice, and meets
        its conditions (looked at last: they read the most of the sentence)."""
        if self.pos and token.pos_ not in self.pos:
            return False
        if self.deps and token.dep_ not in self.deps:
            return False
        if self.joined and not _hyphen_joined(token):
            return False
        if self.voice != "any" and (self.voice == "passive") != is_passive(token):
            return False
        return all(c.holds(token) for c in self.when) and not any(c.holds(token) for c in self.unless)

    def allows_subject(self, subject: str) -> bool:
        """The pattern's own narrowing of the predicate's subject types, if it has one."""
        return not self.subject_types or subject in self.subject_types

    def allows_object(self, obj: str) -> bool:
        return not self.object_types or obj in self.object_types


@dataclass(frozen=True, slots=True)
class PatternSet:
    """Patterns by cue class, the cue lexicon by lemma, and the types each predicate allows."""

    patterns: tuple[Pattern, ...]
    cues: tuple[Cue, ...]
    types: dict[str, tuple[frozenset[str], frozenset[str]]]
    anaphors: dict[str, str] = field(default_factory=dict)
    by_class: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    by_lemma: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    by_stem: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    by_head: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    _cues_of: dict[tuple, tuple[Cue, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        classes: dict[str, list[Pattern]] = defaultdict(list)
        for pattern in self.patterns:
            classes[pattern.cue].append(pattern)
        lemmas: dict[str, list[Cue]] = defaultdict(list)
        for cue in self.cues:
            lemmas[fold_word(cue.lemma)].append(cue)
        stems: dict[str, list[Cue]] = defaultdict(list)
        for cue in self.cues:
            stems[stem(cue.lemma)].append(cue)
        object.__setattr__(self, "by_class", {k: tuple(v) for k, v in classes.items()})
        object.__setattr__(self, "by_lemma", {k: tuple(v) for k, v in lemmas.items()})
        object.__setattr__(self, "by_stem", {k: tuple(v) for k, v in stems.items()})
        heads: dict[str, list[Cue]] = defaultdict(list)  # by the lemma as written: "Gesellschafter" is no
        for cue in self.cues:  # "…gesellschaft", however both fold
            if cue.cls in COMPOUND_HEAD_CLASSES and len(cue.lemma) >= _MIN_HEAD:
                heads[cue.lemma.lower()].append(cue)
        object.__setattr__(self, "by_head", {k: tuple(v) for k, v in heads.items()})

    def cues_of(self, token: Token) -> tuple[Cue, ...]:
        """The cues a token is: by its lemma or form, and a verb or participle (which the
        lemmatizer gets wrong most) by its stem too (see :func:`stem`). Remembered per
        word, part of speech and lemma: words repeat."""
        pos = token.pos_
        if pos not in CUE_POS:
            return ()
        keys = cue_keys(token) if pos == "VERB" else None  # a verb's particle is among its children
        memo = (pos, token.text, token.lemma_, keys)
        found = self._cues_of.get(memo)
        if found is None:
            cues = self._lookup(token, keys or cue_keys(token))
            bare = cue_keys(token, particle=False) if keys and not cues else None
            if bare is not None and bare != keys:  # "stammen … bei": a particle the parser hung on
                cues = self._lookup(token, bare)  # the wrong verb makes no verb of its own
            found = self._cues_of[memo] = tuple(cues)
        return found

    def _lookup(self, token: Token, keys: tuple[str, ...]) -> list[Cue]:
        cues = [c for key in keys for c in self.by_lemma.get(key, ())]
        if token.pos_ in ("VERB", "AUX", "ADJ"):  # "förderen" may match "Förderer": add the stem's
            stems = [stem(keys[-1])]
            if keys[-1] == fold_word(token.text):  # the folded form lost a participle's ending: "Herausgegeben"
                stems.append(stem(token.text))
            cues += (c for key in dict.fromkeys(stems) for c in self.by_stem.get(key, ()) if c not in cues)
        if not cues and token.pos_ == "NOUN":  # "Industriepartner", "Digitalsparte": a member's noun by its head
            cues = list(compound_head((token.lemma_ or token.text).lower(), self.by_head, shortest=_MIN_HEAD) or ())
        return cues

    def allows(self, predicate: str, subject: str, obj: str) -> bool:
        subjects, objects = self.types.get(predicate, (frozenset(), frozenset()))
        return subject in subjects and obj in objects


def _hyphen_joined(token: Token) -> bool:
    """ "KI-Anwendung": the word is joined to the next by a hyphen (the tokenizer split them)."""
    doc = token.doc
    return not token.whitespace_ and token.i + 2 < len(doc) and doc[token.i + 1].text in ("-", "‐") \
        and not doc[token.i + 1].whitespace_


def ends_with_question(sent: Span) -> bool:
    """The sentence ends with a question mark (before closing quotes and spaces)."""
    doc, last = sent.doc, sent.end - 1
    while last > sent.start and (doc[last].is_space or doc[last].text in _CLOSING_QUOTES):
        last -= 1
    return doc[last].text == "?"


#: what may follow a sentence's question mark
_CLOSING_QUOTES = frozenset({"“", "”", "\"", "»", "«"})


def asks_whether(token: Token, sent: Span, *, question: bool | None = None) -> bool:
    """The token stands in a yes/no question ("Nutzt die Landesregierung X?", "…, und wird
    die Bundesregierung den SCS nutzen?"), which states nothing: its clause begins with a
    finite verb and the sentence ends with a question mark. A question with a question
    word ("Wie fördert das Land X?") presupposes what it asks about and is kept. ``sent`` is
    the token's sentence, which callers have at hand (``token.sent`` walks the doc);
    ``question``: :func:`ends_with_question` of it, if the caller knows already."""
    if not (ends_with_question(sent) if question is None else question):
        return False
    start = token.i
    while start > sent.start and not (token.doc[start - 1].text in (",", ";") and
                                       token.doc[start].lower_ in ("und", "oder")):
        start -= 1
    first = next((t for t in token.doc[start:token.i + 1]
                  if not (t.is_punct or t.like_num or t.lower_ in ("und", "oder"))), None)
    return first is not None and first.pos_ in ("VERB", "AUX") and "Fin" in morph_values(first, "VerbForm")


def is_passive(verb: Token) -> bool:
    """A passive clause: "wird … gefördert", "Getragen wird X von Y", "ist … angesiedelt"."""
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent") for c in verb.children)


def cue_keys(token: Token, *, particle: bool = True) -> tuple[str, ...]:
    """The keys a cue is looked up by: its lemma with a separable verb's particle joined
    to it ("zusammenarbeiten" for "arbeiten … zusammen"), and its own form (with the
    particle), so that a participle listed as written, and a verb whose lemma the
    lemmatizer got wrong, are found by form and stem."""
    prefix = next((c.text.lower() for c in token.children if c.dep_ == "compound:prt"), "") \
        if particle and token.pos_ == "VERB" else ""
    lemma = fold_word(prefix + (token.lemma_ or token.text))
    form = fold_word(prefix + token.text)
    return (lemma,) if form == lemma else (lemma, form)


_SUFFIXES = ("en", "et", "st", "t", "e", "n", "s")
#: separable verb particles, before the "ge" of a participle ("auf-ge-baut")
_PARTICLES = ("zusammen", "weiter", "bereit", "zurück", "durch", "heraus", "auf", "aus", "ein", "mit", "vor", "an",
              "ab", "bei", "um", "nach", "fest")


def stem(word: str) -> str:
    """A crude German stem: the lemmatizer's back-off for inflected cue words it gets wrong.

    Why: the trained lemmatizer has seen 2,400 sentences; for a verb it never saw it may
    invent a lemma ("fördert" → "förderen"). Stripping one inflection ending (and the
    "ge" of a participle, also after a separable particle) maps "fördert", "gefördert" and
    "fördern" to "förder" ("getragen" to "trag", "aufgebaut" to "aufbau"), so a cue
    is found whatever the lemmatizer made of it. Used only when lemma and form miss.
    """
    word = word.casefold()
    if word.startswith("ge") and word.endswith(("t", "en")) and len(word) >= 6:
        word = word[2:]  # "gefördert", "getragen", "gebaut"
    particle = next((p for p in _PARTICLES if word.startswith(p + "ge")), None)
    if particle is not None and word.endswith(("t", "en")) and len(word) - len(particle) >= 6:
        word = particle + word[len(particle) + 2:]  # "aufgebaut", "eingesetzt", "durchgeführt"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def load_patterns(patterns_text: str, cues_text: str) -> PatternSet:
    """Parses and checks the pattern file (JSON) and the cue lexicon (TSV)."""
    data = json.loads(patterns_text)
    cues = tuple(_cue(line) for line in content_lines(cues_text))
    classes: dict[str, list[str]] = {"*entity": []}
    for cue in cues:
        classes.setdefault(cue.cls, []).append(cue.lemma)
    types = {p: (frozenset(t["subject"]), frozenset(t["object"])) for p, t in data["predicates"].items()}
    words = _word_lists(classes, data.get("lemma_sets", {}))
    patterns = tuple(_pattern(raw, classes, types, words) for raw in data["patterns"])
    seen: set[str] = set()
    for pattern in patterns:
        if pattern.id in seen:
            raise PatternError(f"pattern {pattern.id!r} is defined twice")
        seen.add(pattern.id)
    unknown = {c.predicate for c in cues} - types.keys()
    if unknown:
        raise PatternError(f"cue predicates without types in the pattern file: {sorted(unknown)}")
    anaphors = {fold_word(noun): kind for noun, kind in data.get("anaphors", {}).items()}
    return PatternSet(patterns, cues, types, anaphors)


class RelationData:
    """What both relation components read at ``initialize``: the pattern file (the patterns
    and the predicate table), the cue lexicon and the type nouns. The texts are kept, so a
    saved pipeline needs neither the package's files nor the original paths; the patterns
    are parsed again on loading."""

    patterns: PatternSet | None = None
    anaphors: dict[str, str]
    texts: dict[str, str]

    def set_data(self, patterns: str, cues: str, type_nouns: str) -> None:
        self.texts = {"patterns": patterns, "cues": cues, "type_nouns": type_nouns}
        self.patterns = load_patterns(patterns, cues)
        self.anaphors = description_kinds(type_nouns, self.patterns)

    def set_data_from(self, saved: dict) -> None:
        """:meth:`set_data` from what :attr:`texts` held when saved."""
        self.set_data(saved["patterns"], saved["cues"], saved["type_nouns"])


def description_kinds(type_nouns_text: str, patterns: PatternSet) -> dict[str, str]:
    """The type each noun of a description announces ("Zentrum" → ResearchOrganization):
    the type-noun lexicon's (TSV), then the pattern file's own anaphors, by folded noun."""
    rows = [line.split("\t") for line in content_lines(type_nouns_text)]
    return {fold_word(row[0]): row[1] for row in rows if len(row) >= 2} | patterns.anaphors


def _cue(line: str) -> Cue:
    fields = line.split("\t")
    if len(fields) != 3:
        raise PatternError(f"cue line {line!r}: want lemma<TAB>class<TAB>predicate")
    return Cue(*fields)


_FIELDS = {"id", "cue", "subject", "object", "predicate", "pos", "deps", "voice", "confidence",
           "subject_types", "object_types", "joined", "coreference", "when", "unless", "note", "around",
           "adjacent", "named"}


def _word_lists(classes: dict[str, list[str]], lemma_sets: dict[str, list[str]]) -> dict[str, list[str]]:
    """What "@name" in a condition stands for: a cue class's lemmas, or a lemma set the pattern
    file names once for the patterns that share it ("work-nouns", "money-nouns")."""
    clash = sorted(lemma_sets.keys() & classes.keys())
    if clash:
        raise PatternError(f"lemma sets named like cue classes: {clash}")
    return {**classes, **lemma_sets}


def _pattern(raw: dict, classes: dict[str, list[str]], types: dict, words: dict[str, list[str]]) -> Pattern:
    name = raw.get("id", "?")
    extra = set(raw) - _FIELDS
    if extra or not {"id", "cue", "subject", "object"} <= set(raw):
        raise PatternError(f"pattern {name!r}: fields {sorted(raw)}; want id, cue, subject, object "
                           f"and optionally {sorted(_FIELDS - {'id', 'cue', 'subject', 'object'})}")
    if raw["cue"] not in classes:
        raise PatternError(f"pattern {name!r}: cue class {raw['cue']!r} is not in the cue lexicon")
    if raw.get("voice", "any") not in VOICES:
        raise PatternError(f"pattern {name!r}: voice must be one of {VOICES}")
    unknown = set(raw.get("deps", ())) - LABELS
    if unknown:
        raise PatternError(f"pattern {name!r}: deps {sorted(unknown)} are no dependency labels the parser predicts")
    predicate = raw.get("predicate", "cue")
    if predicate != "cue" and predicate not in types:
        raise PatternError(f"pattern {name!r}: predicate {predicate!r} has no types in the pattern file")
    confidence = float(raw.get("confidence", 0.7))
    if not 0 < confidence <= 1:
        raise PatternError(f"pattern {name!r}: confidence must be in (0, 1]")
    try:
        subject, obj = (_paths(raw[end]) for end in ("subject", "object"))
    except ValueError as error:
        raise PatternError(f"pattern {name!r}: {error}") from None
    return Pattern(name, raw["cue"], subject, obj, predicate, frozenset(raw.get("pos", ())),
                   frozenset(raw.get("deps", ())), raw.get("voice", "any"), confidence,
                   frozenset(raw.get("subject_types", ())), frozenset(raw.get("object_types", ())),
                   bool(raw.get("joined", False)), bool(raw.get("coreference", True)),
                   _conditions(name, raw.get("when", ()), words), _conditions(name, raw.get("unless", ()), words),
                   raw.get("note", ""), bool(raw.get("around", False)),
                   bool(raw.get("adjacent", False)), bool(raw.get("named", False)))


def _conditions(name: str, raw: list[dict], named: dict[str, list[str]]) -> tuple[Condition, ...]:
    """The conditions of a pattern; "@name" among the lemmas stands for every lemma of that
    cue class or lemma set (:func:`_word_lists`), so that a condition on, say, the nouns of
    users keeps to the cue lexicon, and a list several patterns share is written once."""
    def lemmas(words: list[str]) -> frozenset[str]:
        unknown = [w for w in words if w.startswith("@") and w[1:] not in named]
        if unknown:
            raise PatternError(f"pattern {name!r}: {unknown} name no cue class of the lexicon nor lemma set")
        return frozenset(fold_word(lemma) for w in words for lemma in (named[w[1:]] if w.startswith("@") else [w]))
    return tuple(Condition(parse_path(c["path"]), lemmas(c["lemmas"])) for c in raw)


def _paths(value: str | list[str]) -> tuple[DepPath, ...] | None:
    """One path or a list of alternatives (their ends are joined); ``topic`` alone is None."""
    if value == TOPIC:
        return None
    return tuple(parse_path(text) for text in ([value] if isinstance(value, str) else value))
