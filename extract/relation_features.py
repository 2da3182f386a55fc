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

from spacy.tokens import Span, Token

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


@dataclass(frozen=True, slots=True)
class End:
    """One end of a pair: where it stands in the sentence (a mention, or a pronoun or
    description standing for one) and the mention it stands for."""

    span: Span
    antecedent: Span | None = None
    """The mention a pronoun or description (``span``) was resolved to, if any."""

    @property
    def entity(self) -> Span:
        return self.antecedent if self.antecedent is not None else self.span

    @property
    def via(self) -> str:
        """How the end is stated here: by name, or by a pronoun, relative or description."""
        if self.antecedent is None:
            return "name"

        root = self.span.root
        return "relative" if root.tag_ in RELATIVE_TAGS else "pronoun" if root.pos_ == "PRON" else "description"


def pair_features(subject: End, obj: End, cues: CueNames) -> list[str]:
    """Features of ``subject`` → ``obj``, two ends in one sentence (not overlapping)."""
    a, b = subject.span, obj.span
    order = "sv" if a.start < b.start else "vs"
    types = f"{subject.entity.label_}>{obj.entity.label_}"
    features = [f"type={types}", f"order={order}", f"type-order={types}:{order}"]
    features += _between(a, b, order, cues)
    features += _path(a, b, types, cues)
    features += _end("s", subject) + _end("o", obj)
    return features


def _between(subject: Span, obj: Span, order: str, cues: CueNames) -> list[str]:
    """The gap between the ends: its length and, if short, its words and cues."""
    first, second = (subject, obj) if order == "sv" else (obj, subject)
    gap = first.doc[first.end:second.start]
    features = [f"gap={_bucket(len(gap))}"]
    if len(gap) > MAX_BETWEEN:
        return features
    for token in gap:
        if token.pos_ in CONTENT_POS:
            features.append(f"between={token.lemma_.lower()}")
            features += (f"between-cue={cue}:{order}" for cue in cues(token))
    return features


def _bucket(n: int) -> str:
    return str(n) if n < 6 else "6-9" if n < 10 else "10-19" if n < 20 else "20+"


def _path(subject: Span, obj: Span, types: str, cues: CueNames) -> list[str]:
    """The dependency path from one end's head word up to where the ends meet and down."""
    up, top, down = meeting(subject.root, obj.root)
    if top is None:
        return ["path=none"]
    steps = "/".join([f"{t.dep_}^" for t in up] + [f"{t.dep_}v" for t in reversed(down)])
    lemma = top.lemma_.lower()
    features = [f"path={steps}", f"path-length={min(len(up) + len(down), 8)}", f"top={lemma}",
                f"top-pos={top.pos_}", f"path-top={steps}:{lemma}", f"type-path={types}:{steps}"]
    if any(t.dep_ == "aux:pass" for t in top.children):
        features.append("top-passive")
    for cue in cues(top):
        features += [f"top-cue={cue}", f"top-cue-path={cue}:{steps}"]
    ends = set(range(subject.start, subject.end)) | set(range(obj.start, obj.end))
    if top.i in ends:
        features.append("top-in-subject" if subject.start <= top.i < subject.end else "top-in-object")
    for token in [*up[1:], *down[1:]]:
        if token.i not in ends:
            features.append(f"on-path={token.lemma_.lower()}")
            features += (f"on-path-cue={cue}" for cue in cues(token))
    return features


def meeting(a: Token, b: Token) -> tuple[list[Token], Token | None, list[Token]]:
    """The tokens from ``a`` up to (not including) the lowest common head, that head, and
    those from ``b`` up to it; no head when the parse does not join them."""
    chain_a, chain_b = _chain(a), _chain(b)
    position = {t.i: k for k, t in enumerate(chain_b)}
    k = next((k for k, t in enumerate(chain_a) if t.i in position), None)
    if k is None:
        return [], None, []
    top = chain_a[k]
    return chain_a[:k], top, chain_b[:position[top.i]]


def _chain(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < _MAX_CHAIN:
        chain.append(chain[-1].head)
    return chain


def _end(tag: str, end: End) -> list[str]:
    """How one end stands in the sentence and how its mention was found (the gazetteer's
    names are surer than a pattern's guess; a closed-class term is rarely an end; a
    pronoun's resolution is a guess of its own)."""
    span, entity = end.span, end.entity
    root, method = span.root, entity._.sovkg_method or ""
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
