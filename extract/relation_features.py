"""What the relation model sees of two mentions in one sentence: sparse string features.

Why features over the parse and not word forms: a model that learned "betreibt"
between two names learns one wording; one that learned "the two ends meet at a verb
the cue lexicon calls operatedBy, the first as its subject, the second as its object"
has learned every form and order of it. So most features here abstract from the words:
the dependency path between the ends, the cue classes of ``relation_cues.tsv`` on it
and between the ends, prepositions, types and the way each end was found. The lemmas
themselves are features too, for the wording the lexicon lacks.

The features are plain strings, hashed by :mod:`~sovkg.extract.linear_model`; a test
pins some of them, so renaming one is a decision (the shipped model must be retrained).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.tokens import Doc, Span, Token

from sovkg.extract.coreference import RELATIVE_TAGS, named_thing

#: Words between the ends counted as features up to this distance (farther apart, only
#: the path speaks: a long gap's words are mostly other clauses').
MAX_BETWEEN = 20
#: Parts of speech whose lemmas between the ends are features.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADP", "ADV", "AUX", "PROPN", "CCONJ", "SCONJ", "PRON"})
#: Dependencies of a preposition (or particle) on an end's head word.
_CASE_DEPS = frozenset({"case", "mo", "ac"})
#: A chain of heads longer than this is a parse loop, not a sentence.
_MAX_CHAIN = 60

#: The cue predicates (or classes) of a token: ``PatternSet.cues_of`` mapped to names.
CueNames = Callable[[Token], Iterable[str]]


def _names(doc: Doc, ids: np.ndarray) -> list[str]:
    """The strings of a column of symbol or hash ids, each distinct id looked up once."""
    names = {i: doc.vocab.strings[i] for i in set(ids.tolist())}
    return [names[i] for i in ids.tolist()]


class Words:
    """What the features read of a doc's tokens, read once into plain lists: a pair's
    features touch the same words many times, and a spaCy ``Token`` is made anew at
    every ``doc[i]``."""

    def __init__(self, doc: Doc, cues: CueNames) -> None:
        self.doc = doc
        table = doc.to_array([HEAD, POS, TAG, DEP, LEMMA])  # ids as uint64
        self.head = (table[:, 0].astype(np.int64) + np.arange(len(doc))).tolist()  # heads are offsets
        self.pos, self.tag, self.dep, lemmas = (_names(doc, table[:, k]) for k in range(1, 5))
        self.lemma = [lemma.lower() for lemma in lemmas]
        self.passive = {self.head[i] for i, dep in enumerate(self.dep) if dep == "aux:pass"}
        self._cues = cues
        self._cue_names: dict[int, list[str]] = {}
        self._chains: dict[int, list[int]] = {}
        self._between: dict[tuple[int, str], list[str]] = {}

    def cues(self, i: int) -> list[str]:
        """The cue predicates (or classes) of the word at ``i``."""
        names = self._cue_names.get(i)
        if names is None:
            names = self._cue_names[i] = sorted(set(self._cues(self.doc[i])))
        return names

    def between(self, i: int, order: str) -> list[str]:
        """The features of the word at ``i`` standing between two ends in ``order`` (none for a
        word of no content), made once: the pairs of a sentence share most of their gaps."""
        features = self._between.get((i, order))
        if features is None:
            features = self._between[(i, order)] = [] if self.pos[i] not in CONTENT_POS else \
                [f"between={self.lemma[i]}", *(f"between-cue={cue}:{order}" for cue in self.cues(i))]
        return features

    def meeting(self, a: int, b: int) -> tuple[list[int], int | None, list[int]]:
        """The words from ``a`` up to (not including) the lowest common head, that head, and
        those from ``b`` up to it; no head when the parse does not join them."""
        chain_a, chain_b = self._chain(a), self._chain(b)
        position = {t: k for k, t in enumerate(chain_b)}
        k = next((k for k, t in enumerate(chain_a) if t in position), None)
        if k is None:
            return [], None, []
        top = chain_a[k]
        return chain_a[:k], top, chain_b[:position[top]]

    def _chain(self, i: int) -> list[int]:
        """The word at ``i`` and its heads up to the root, once per word (a long list's chains are long)."""
        chain = self._chains.get(i)
        if chain is None:
            chain = [i]
            while self.head[chain[-1]] != chain[-1] and len(chain) < _MAX_CHAIN:
                chain.append(self.head[chain[-1]])
            self._chains[i] = chain
        return chain


@dataclass(frozen=True, slots=True)
class End:
    """One end of a pair: where it stands in the sentence (a mention, or a pronoun or
    description standing for one) and the mention it stands for."""

    span: Span
    antecedent: Span | None = None
    """The mention a pronoun or description (``span``) was resolved to, if any."""
    root: int = -1
    """The index of ``span``'s head word (found once: spaCy walks the span at every ``.root``)."""

    def __post_init__(self) -> None:
        if self.root < 0:
            object.__setattr__(self, "root", self.span.root.i)

    @property
    def entity(self) -> Span:
        return self.antecedent if self.antecedent is not None else self.span

    @property
    def via(self) -> str:
        """How the end is stated here: by name, or by a pronoun, relative or description."""
        if self.antecedent is None:
            return "name"

        root = self.span.doc[self.root]
        return "relative" if root.tag_ in RELATIVE_TAGS else "pronoun" if root.pos_ == "PRON" else "description"


def pair_features(subject: End, obj: End, words: Words, described: dict | None = None) -> list[str]:
    """Features of ``subject`` → ``obj``, two ends in one sentence (not overlapping);
    ``described`` remembers each end's own features across the pairs of a sentence."""
    a, b = subject.span, obj.span
    order = "sv" if a.start < b.start else "vs"
    types = f"{subject.entity.label_}>{obj.entity.label_}"
    features = [f"type={types}", f"order={order}", f"type-order={types}:{order}"]
    features += _between(a, b, order, words)
    features += _path(subject, obj, types, words)
    memo = described if described is not None else {}
    for tag, end in (("s", subject), ("o", obj)):
        key = (tag, end.span.start, end.span.end, end.entity.start)
        if key not in memo:
            memo[key] = _end(tag, end)
        features += memo[key]
    return features


def _between(subject: Span, obj: Span, order: str, words: Words) -> list[str]:
    """The gap between the ends: its length and, if short, its words and cues."""
    first, second = (subject, obj) if order == "sv" else (obj, subject)
    gap = range(first.end, second.start)
    features = [f"gap={_bucket(len(gap))}"]
    if len(gap) > MAX_BETWEEN:
        return features
    for i in gap:
        features += words.between(i, order)
    return features


def _bucket(n: int) -> str:
    return str(n) if n < 6 else "6-9" if n < 10 else "10-19" if n < 20 else "20+"


def _path(subject_end: End, obj_end: End, types: str, words: Words) -> list[str]:
    """The dependency path from one end's head word up to where the ends meet and down."""
    subject, obj = subject_end.span, obj_end.span
    up, top, down = words.meeting(subject_end.root, obj_end.root)
    if top is None:
        return ["path=none"]
    dep = words.dep
    steps = "/".join([f"{dep[i]}^" for i in up] + [f"{dep[i]}v" for i in reversed(down)])
    lemma = words.lemma[top]
    features = [f"path={steps}", f"path-length={min(len(up) + len(down), 8)}", f"top={lemma}",
                f"top-pos={words.pos[top]}", f"path-top={steps}:{lemma}", f"type-path={types}:{steps}"]
    if top in words.passive:
        features.append("top-passive")
    for cue in words.cues(top):
        features += [f"top-cue={cue}", f"top-cue-path={cue}:{steps}"]
    in_subject, in_object = subject.start <= top < subject.end, obj.start <= top < obj.end
    if in_subject or in_object:
        features.append("top-in-subject" if in_subject else "top-in-object")
    for i in [*up[1:], *down[1:]]:
        if not (subject.start <= i < subject.end or obj.start <= i < obj.end):
            features.append(f"on-path={words.lemma[i]}")
            features += (f"on-path-cue={cue}" for cue in words.cues(i))
    return features


def _end(tag: str, end: End) -> list[str]:
    """How one end stands in the sentence and how its mention was found (the gazetteer's
    names are surer than a pattern's guess; a closed-class term is rarely an end; a
    pronoun's resolution is a guess of its own)."""
    span, entity = end.span, end.entity
    root, method = span.doc[end.root], entity._.sovkg_method or ""
    component = method.split(":")[0]
    features = [f"{tag}-dep={root.dep_}", f"{tag}-head={root.head.lemma_.lower()}", f"{tag}-method={method}",
                f"{tag}-type-method={entity.label_}:{component}", f"{tag}-kb={bool(entity.kb_id_)}",
                f"{tag}-named={named_thing(entity)}", f"{tag}-length={min(len(entity), 5)}",
                f"{tag}-last={entity.doc[entity.end - 1].lemma_.lower()}", f"{tag}-via={end.via}"]
    features += (f"{tag}-case={c.lemma_.lower()}" for c in root.children
                 if c.dep_ in _CASE_DEPS and c.i < span.start)
    if span.start > 0:
        features.append(f"{tag}-before={span.doc[span.start - 1].lemma_.lower()}")
    if end.antecedent is not None:
        features.append(f"{tag}-via-last={span.doc[span.end - 1].lemma_.lower()}")
    return features
