"""Relations a learned model reads between two named things of a sentence.

Why a model beside the patterns: a pattern knows one construction; on documents nobody
here wrote patterns for, most stated relations sit in constructions no pattern names
(measured on the blind sets: the patterns find about one relation in six). The model
(:mod:`~sovkg.extract.linear_model` over :mod:`~sovkg.extract.relation_features`) is
trained on the relations annotated in the project's development documents
(``python -m sovkg.extract.training relations``) and scores every pair of named things
of a sentence, or of a pronoun or description there and the named thing it stands for,
for each predicate the contract allows between their types. The most probable one
becomes a candidate if it scores above the threshold training chose for that predicate
(and ``min_score``), with its probability, at most :data:`MAX_CONFIDENCE`, as its
confidence; ``sovkg build --min-confidence`` applies to it as to the patterns.

It proposes and it doubts: where both find the same relation in a sentence the more
confident evidence is kept, and a relation of the rules or patterns the model gives
less than ``doubt`` keeps half its confidence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from sovkg.extract.coreference import RELATIVE_TAGS, MentionIndex
from sovkg.extract.doctext import span_text
from sovkg.extract.extensions import register_extensions
from sovkg.extract.facts import sentence_facts
from sovkg.extract.linear_model import LinearModel
from sovkg.extract.ner_model import model_path
from sovkg.extract.pattern_file import RelationData
from sovkg.extract.records import RelationCandidate
from sovkg.extract.relation_features import End, Words, pair_features
from sovkg.ontology.namespace import SYMMETRIC_RELATIONS, local_name

#: The model's class for "no relation between these two".
NONE = "none"
#: The predicate of a pair recorded for training (never a relation of the graph).
PAIR = "pair"
#: Tags of the pronouns that may stand for a mention of an earlier sentence (or, relative, of their own).
PRONOUN_TAGS = frozenset({"PPER", "PPOSAT", "PDS"}) | RELATIVE_TAGS
#: A relation's confidence is the model's probability, at most this: a statistical guess does
#: not outrank the evidence of the document's structure (0.95) where both find a relation.
MAX_CONFIDENCE = 0.9
#: Ends more words apart than this are not paired: a list of a hundred names in one sentence
#: (an annex, a flattened table) would otherwise cost ten thousand pairs, and farther apart
#: than this the development sets state almost no relation.
MAX_GAP = 40
#: Predicates no end of a "mit" phrase is in: it names a partner or a means ("…, die mit dem
#: Zentrum sprach"), never a whole, an organisation one belongs to, a place, or what one supports
#: (a maker, an operator or a tool may be one: "gemeinsam mit Aleph Alpha entwickelt").
NOT_WITH = frozenset({"memberOf", "partOf", "locatedIn", "supports"})
#: ``cooperatesWith`` goes both ways: it is read, and stated, from the first mention to the second.
SYMMETRIC = frozenset(local_name(r) for r in SYMMETRIC_RELATIONS)


@dataclass(frozen=True, slots=True)
class _Pair:
    """Two ends of a sentence, the predicates their types allow, and their features."""

    sent: Span
    subject: End
    obj: End
    allowed: tuple[str, ...]
    features: list[str]


class RelationModel(RelationData):
    """Scores the pairs of mentions of each sentence and adds the likely relations."""

    def __init__(self, name: str, *, spans_key: str, model: str, min_score: float, doubt: float = 0.0) -> None:
        self.name = name
        self.spans_key = spans_key
        self.min_score = min_score
        self.doubt = doubt
        self.setting = model
        self._model: LinearModel | None = None
        self.anaphors, self.texts = {}, {}
        self._types: dict[tuple[str, str, bool], tuple[str, ...]] = {}
        self.collected: list[tuple[list[str], tuple[str, ...]]] | None = None
        """When a list, every pair's features and allowed predicates go here and each pair
        becomes a candidate of predicate :data:`PAIR` whose rule names its index (training)."""

    @property
    def scorer(self) -> LinearModel | None:
        """The scoring model, loaded when first needed (training records pairs without one)."""
        if self._model is None and self.setting != "none":
            self._model = LinearModel.load(model_path("relations") if self.setting == "default" else Path(self.setting))
        return self._model

    @scorer.setter
    def scorer(self, model: LinearModel | None) -> None:
        self._model, self.setting = model, "given" if model is not None else "none"

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns: str = "",
                   cues: str = "", type_nouns: str = "") -> None:
        """The predicate table (which types each predicate joins), the cue lexicon and the
        type nouns (which descriptions may stand for which mentions)."""
        self.set_data(patterns, cues, type_nouns)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "data.json", {**self.texts, "min_score": self.min_score, "doubt": self.doubt})
        if self.scorer is not None:
            self.scorer.save(path / "model")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationModel:
        data = srsly.read_json(Path(path) / "data.json")
        self.set_data_from(data)
        self.min_score, self.doubt = data["min_score"], data.get("doubt", 0.0)
        saved = Path(path) / "model"
        self.scorer = LinearModel.load(saved) if saved.is_dir() else None
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.patterns is None:
            raise ValueError(f"{self.name}: not initialised (nlp.initialize() loads its data files)")
        spans = sorted(doc.spans[self.spans_key], key=lambda s: (s.start, s.end)) if self.spans_key in doc.spans else []
        if self.collected is None and self.scorer is None:
            return doc
        index = MentionIndex(doc, spans, self.anaphors)
        self._types = {}
        words = Words(doc, self._cue_names)
        pairs = [pair for sent in doc.sents for pair in self._sentence_pairs(sent, spans, index, words)]
        earlier = doc.user_data.get("sovkg_relations", ())
        scorer = self.scorer
        if self.collected is not None or scorer is None:
            found = list(self._recorded(pairs, words))
        else:
            scores = scorer.probabilities_of([p.features for p in pairs], [(NONE, *p.allowed) for p in pairs])
            found = list(self._scored(pairs, scores, words))
            earlier = self._doubted(earlier, pairs, scores)
        doc.user_data["sovkg_relations"] = (*earlier, *found)
        return doc

    def _sentence_pairs(self, sent: Span, spans: list[Span], index: MentionIndex, words: Words) -> Iterator[_Pair]:
        """The pairs of a sentence's named things (a term such as "KI" is left to the
        patterns: scoring its many pairs cost a third of the model's time for a few
        relations in a hundred, measured on the development sets), with their features."""
        k = bisect_left(spans, sent.start, key=lambda s: s.start)
        stop = bisect_left(spans, sent.end, lo=k, key=lambda s: s.start)  # (not every mention after it)
        ends = [End(s) for s in spans[k:stop] if s.end <= sent.end and index.named(s)]
        if not ends:
            return
        ends += _standing_for(sent, index, words)
        described: dict = {}
        for subject, obj, allowed in self._pairs(ends):
            yield _Pair(sent, subject, obj, allowed, pair_features(subject, obj, words, described))

    def _recorded(self, pairs: list[_Pair], words: Words) -> Iterator[RelationCandidate]:
        """Training: every pair's features go to :attr:`collected`, the pair becomes a candidate naming them."""
        assert self.collected is not None
        for pair in pairs:
            self.collected.append((pair.features, pair.allowed))
            yield self._candidate(pair, words, PAIR, 1.0, f"{PAIR}:{len(self.collected) - 1}")

    def _scored(self, pairs: list[_Pair], every: list[dict[str, float]], words: Words) -> Iterator[RelationCandidate]:
        """Each pair's most probable predicate, if it is one and scores above its threshold."""
        facts: dict[int, dict] = {}
        for pair, scores in zip(pairs, every):
            predicate = max(pair.allowed, key=scores.__getitem__)
            if scores[predicate] < self._threshold(predicate) or scores[predicate] <= scores[NONE] or \
                    predicate in NOT_WITH and _comitative(pair):
                continue
            if predicate == "fundedBy" and pair.sent.start not in facts:
                facts[pair.sent.start] = sentence_facts(span_text(pair.sent))
            yield self._candidate(pair, words, predicate, min(scores[predicate], MAX_CONFIDENCE), predicate,
                                  **(facts[pair.sent.start] if predicate == "fundedBy" else {}))

    def _doubted(self, earlier: tuple[RelationCandidate, ...], pairs: list[_Pair],
                 every: list[dict[str, float]]) -> tuple[RelationCandidate, ...]:
        """The rules' and patterns' candidates, those the model gives less than ``doubt`` at
        half their confidence (under the default threshold of a build; still there for
        ``--min-confidence`` 0.4). Why: on the four development sets no pattern was written
        on, nearly half of their relations were wrong, and the model's doubt, leaving each set
        out, sorted out 69 wrong for 15 right ones (precision 0.54 → 0.61, F1 0.312 → 0.311)."""
        if not self.doubt or not pairs:
            return earlier
        scored = {(_chars(p.subject.entity), _chars(p.obj.entity), (p.sent.start_char, p.sent.end_char)): scores
                  for p, scores in zip(pairs, every)}
        return tuple(replace(c, confidence=round(c.confidence / 2, 3))
                     if scored.get((c.subject, c.object, c.sentence), {}).get(c.predicate, 1.0) < self.doubt else c
                     for c in earlier)

    def _pairs(self, ends: list[End]) -> Iterator[tuple[End, End, tuple[str, ...]]]:
        """Every ordered pair of ends that do not overlap and stand for different things
        (one of them at most through a pronoun or description), with the predicates the
        contract allows between their types. Only ends at most :data:`MAX_GAP` words apart are
        looked at (found by bisection), so a long list costs pairs linear in its length."""
        near = (lambda _end: ends) if self.collected is not None else _within(ends, MAX_GAP)  # training: every pair
        for subject in ends:
            for obj in near(subject):
                a, b = subject.span, obj.span
                s, o = subject.entity, obj.entity
                both_resolved = subject.antecedent is not None and obj.antecedent is not None
                if a.start < b.end and b.start < a.end or s.kb_id_ and s.kb_id_ == o.kb_id_ or \
                        (s.start, s.end) == (o.start, o.end) or both_resolved:
                    continue
                allowed = self._allowed(s.label_, o.label_, a.start < b.start)
                if allowed:
                    yield subject, obj, allowed

    def _allowed(self, subject: str, obj: str, in_order: bool) -> tuple[str, ...]:
        """The predicates the contract allows from a ``subject`` type to an ``obj`` type
        (a symmetric one only from the first mention to the second) that the model knows;
        none if it may propose none of them (nothing it said would be kept)."""
        key = (subject, obj, in_order)
        if key not in self._types:
            assert self.patterns is not None
            allowed = tuple(p for p in sorted(self.patterns.types) if self.patterns.allows(p, subject, obj)
                            and (p not in SYMMETRIC or in_order) and self._knows(p))
            proposes = self.collected is not None or any(self._threshold(p) <= 1.0 for p in allowed)
            self._types[key] = allowed if proposes else ()
        return self._types[key]

    def _threshold(self, predicate: str) -> float:
        """``min_score``, or the predicate's own if the model chose one (by leaving one
        annotated set out in training); a predicate it chose none for is never proposed."""
        assert self.scorer is not None
        chosen = self.scorer.meta.get("thresholds")
        if chosen is None:
            return self.min_score
        return max(self.min_score, chosen[predicate]) if predicate in chosen else float("inf")

    def _knows(self, predicate: str) -> bool:
        return self.collected is not None or self.scorer is not None and predicate in self.scorer.index

    def _cue_names(self, token) -> list[str]:
        assert self.patterns is not None
        return [cue.predicate or cue.cls for cue in self.patterns.cues_of(token)]

    def _candidate(self, pair: _Pair, words: Words, predicate: str, score: float, rule: str,
                   **facts: str | None) -> RelationCandidate:
        sent, subject, obj = pair.sent, pair.subject, pair.obj
        _, top, _ = words.meeting(subject.root, obj.root)
        cue = sent.doc[top].text if top is not None and not _inside(top, subject.span, obj.span) else ""
        resolved = subject if subject.antecedent is not None else obj if obj.antecedent is not None else None
        return RelationCandidate(
            _chars(subject.entity), predicate, _chars(obj.entity), (sent.start_char, sent.end_char), cue,
            f"{self.name}:{rule}", round(score, 3), **facts,
            anaphor=_chars(resolved.span) if resolved is not None else None,
            antecedent=_chars(resolved.entity) if resolved is not None else None)


def _standing_for(sent: Span, index: MentionIndex, words: Words) -> list[End]:
    """The pronouns and type-noun descriptions of a sentence that stand for a mention of an
    earlier one ("Das Zentrum wird vom Land gefördert"), or relative pronouns for their noun's."""
    ends, seen = [], set()
    for i in range(sent.start, sent.end):
        if index.mention_at(i) is not None or not (words.tag[i] in PRONOUN_TAGS or words.pos[i] == "NOUN"):
            continue
        token = sent.doc[i]
        if words.pos[i] == "NOUN" and index.kind(token) is None:
            continue
        for resolved in index.resolve(token):
            antecedent = resolved.span
            if resolved.examples or antecedent.start >= sent.start and token.tag_ not in RELATIVE_TAGS:
                continue
            proxy = sent.doc.char_span(*resolved.via) if resolved.via is not None else None
            proxy = proxy if proxy is not None and proxy.start <= token.i < proxy.end else sent.doc[token.i:token.i + 1]
            if (proxy.start, antecedent.start) not in seen:
                seen.add((proxy.start, antecedent.start))
                ends.append(End(proxy, antecedent))
    return ends


def _within(ends: list[End], gap: int) -> Callable[[End], list[End]]:
    """For an end, the ends at most ``gap`` words from it, in the order given, found by
    bisection over the ends sorted by position (built once for all of them)."""
    order = sorted(range(len(ends)), key=lambda k: ends[k].span.start)
    starts = [ends[k].span.start for k in order]
    longest = max((len(end.span) for end in ends), default=0)

    def near(subject: End) -> list[End]:
        a = subject.span
        window = order[bisect_left(starts, a.start - gap - longest):bisect_right(starts, a.end + gap)]
        return [ends[k] for k in sorted(window)
                if max(a.start, ends[k].span.start) - min(a.end, ends[k].span.end) <= gap]

    return near


def _comitative(pair: _Pair) -> bool:
    """Whether an end, as the pair names it in its sentence, is governed by "mit"."""
    doc = pair.sent.doc
    return any(c.dep_ == "case" and c.lower_ == "mit" for end in (pair.subject, pair.obj) for c in doc[end.root].children)


def _chars(span: Span) -> tuple[int, int]:
    return (span.start_char, span.end_char)


def _inside(i: int, *spans: Span) -> bool:
    return any(span.start <= i < span.end for span in spans)


@Language.factory(
    "sovkg_relation_model",
    default_config={"spans_key": "sovkg_mentions", "model": "default", "min_score": 0.3, "doubt": 0.1},
    assigns=["doc.user_data"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_relation_model(nlp: Language, name: str, spans_key: str, model: str, min_score: float,
                        doubt: float) -> RelationModel:
    register_extensions()
    return RelationModel(name, spans_key=spans_key, model=model, min_score=min_score, doubt=doubt)
