"""Training the relation model on the project's annotated documents.

The training data are the development sets in the repository (``tests/data``, listed in
``relation-sets.tsv``): documents with gold files in the extraction contract's format,
whose relations carry the sentence that states them ("evidence"). The pipeline runs
over each document as a build would (with and without the knowledge base, so that the
model knows both), the relation model's component records every pair of mentions of a
sentence with its features, and each pair is labelled by the gold file: the predicates
a gold relation between the two ends states in that sentence, "none" if the gold file
relates them nowhere. A pair the gold file relates only in another sentence teaches
nothing either way and is left out. The blind sets are never read here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from sovkg.extract.linear_model import Example, LinearModel
from sovkg.extract.relation_model import NONE, PAIR, RelationModel
from sovkg.graph.evaluate import Score

PLAN = "relation-sets.tsv"
#: The knowledge-base settings the pairs are collected under: a build runs with either.
KBS = ("default", "none")
#: The minimum scores each predicate's proposals are tried at (a build drops relations under
#: 0.6, ``sovkg build --min-confidence``), and the precision what the model adds must keep.
#: Steps of 0.05: with steps of 0.1 a predicate whose additions were right 69 % of the time at
#: 0.7 lost everything it added up to 0.8 (developers, locations moved in and out from one
#: retraining to the next); scored leaving one set out, the finer grid gained 0.003 F1.
GRID = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
TARGET_PRECISION = 0.7
#: How much of a gold evidence string must recur in the sentence (after folding) to be it.
_EVIDENCE_CHARS = 60


@dataclass(frozen=True, slots=True)
class AnnotatedSet:
    name: str
    gold: Path
    corpus: Path


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """Two mentions of one sentence and what the gold file says of them."""

    document: str
    subject: str
    """The subject's entity key (as linked in the build)."""
    object: str
    features: tuple[str, ...]
    allowed: tuple[str, ...]
    labels: frozenset[str]
    """The predicates a gold relation from subject to object states in this sentence."""
    elsewhere: bool
    """A gold relation joins them, stated in another sentence."""


def load_sets(data: Path, plan: Path | None = None) -> list[AnnotatedSet]:
    """The annotated sets of the plan (``name<TAB>gold folder<TAB>corpus folder``, relative to ``data``)."""
    text = plan.read_text(encoding="utf-8") if plan else \
        files("sovkg.extract.training").joinpath(PLAN).read_text(encoding="utf-8")
    sets = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"{PLAN} line {number}: want name<TAB>gold<TAB>corpus, got {line!r}")
        sets.append(AnnotatedSet(fields[0], data / fields[1], data / fields[2]))
    return sets


def labelled_pairs(annotated: AnnotatedSet, kb: str = "default") -> list[LabelledPair]:
    """Every pair the relation model sees in the set's documents (named things, or a pronoun or
    description and the named thing it stands for), labelled by the gold file."""
    from sovkg.builder import extract
    from sovkg.graph.evaluate import load_gold

    golds = {gold["document"]: gold for gold in load_gold(annotated.gold)}
    with _collecting(kb) as collected:
        extraction, _ = extract([annotated.corpus / name for name in sorted(golds)], kb=kb)
        pairs = []
        for item in extraction.documents:
            names = _gold_ids(golds[item.document.source], extraction.entities)
            stated = _gold_relations(golds[item.document.source])
            pairs += _document_pairs(item, collected, names, stated)
    return pairs


def _component(kb: str) -> RelationModel:
    """The relation-model component of the pipeline a build with ``kb`` uses."""
    from sovkg.extract.nlp import load_pipeline
    from sovkg.kb import resolve_kb

    path = resolve_kb(kb)
    component = load_pipeline(kb=str(path) if path else "none").get_pipe("sovkg_relation_model")
    assert isinstance(component, RelationModel)
    return component


@contextmanager
def _collecting(kb: str) -> Iterator[list]:
    """Builds with ``kb`` record every pair of mentions instead of scoring it."""
    component = _component(kb)
    component.collected = []
    try:
        yield component.collected
    finally:
        component.collected = None


def _gold_ids(gold: dict, entities: dict) -> dict[str, str]:
    """Entity key → gold id, matched as the evaluator matches (a label and a type)."""
    from sovkg.graph.evaluate import gold_names, norm_label

    named = gold_names(gold)
    names = [(g["id"], named[g["id"]], set(g["types"])) for g in gold["entities"]]
    ids = {}
    for key, entity in entities.items():
        labels = {norm_label(entity.label), *map(norm_label, entity.aliases)}
        found = next((gid for gid, gold_names, types in names if labels & gold_names and types & set(entity.types)),
                     None)
        if found is not None:
            ids[key] = found
    return ids


def _gold_relations(gold: dict) -> dict[tuple[str, str], list[tuple[frozenset[str], str]]]:
    """(subject id, object id) → the predicates and evidence of each gold relation
    (``cooperatesWith`` under both orders)."""
    from sovkg.graph.evaluate import gold_predicates, norm_label

    stated: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = defaultdict(list)
    for relation in gold.get("relations", []):
        predicates = frozenset(gold_predicates(relation))
        evidence = norm_label(relation.get("evidence", ""))
        stated[relation["s"], relation["o"]].append((predicates, evidence))
        if "cooperatesWith" in predicates:
            stated[relation["o"], relation["s"]].append((predicates, evidence))
    return stated


def _document_pairs(item, collected: list, ids: dict[str, str], stated: dict) -> Iterator[LabelledPair]:
    from sovkg.extract.relations import mention_at
    from sovkg.graph.evaluate import norm_label

    for candidate in item.candidates:
        if candidate.predicate != PAIR or candidate.object is None:
            continue
        features, allowed = collected[int(candidate.rule.rsplit(":", 1)[1])]
        subject, obj = mention_at(item.mentions, *candidate.subject), mention_at(item.mentions, *candidate.object)
        if subject is None or obj is None or subject.entity_key == obj.entity_key:
            continue
        sentence = norm_label(item.document.text[slice(*candidate.sentence)])
        labels, elsewhere = set(), False
        for predicates, evidence in stated.get((ids.get(subject.entity_key), ids.get(obj.entity_key)), ()):
            if not evidence or evidence[:_EVIDENCE_CHARS] in sentence or sentence[:_EVIDENCE_CHARS] in evidence:
                labels |= predicates
            else:
                elsewhere = True
        yield LabelledPair(item.document.source, subject.entity_key, obj.entity_key, tuple(features), allowed,
                           frozenset(labels), elsewhere)


def examples(pairs: Sequence[LabelledPair]) -> list[Example]:
    """Training items: a pair's gold predicates it may have (weight shared), else "none";
    a pair related only elsewhere, or only by a predicate its types do not allow here, is left out."""
    items = []
    for pair in pairs:
        positive = pair.labels & set(pair.allowed)
        if not positive and (pair.labels or pair.elsewhere):
            continue
        target = {p: 1 / len(positive) for p in sorted(positive)} if positive else {NONE: 1.0}
        items.append(Example(pair.features, (NONE, *pair.allowed), target))
    return items


def fit(pairs: Sequence[LabelledPair], *, epochs: int = 4, meta: dict | None = None) -> LinearModel:
    """A model over the contract's predicates (the pattern file's predicate table)."""
    from sovkg.extract.pattern_file import load_patterns
    from sovkg.extract.pipeline_data import data_file

    predicates = sorted(load_patterns(data_file("relation_patterns.json"), data_file("relation_cues.tsv")).types)
    return LinearModel((NONE, *predicates), meta=meta).fit(examples(pairs), epochs=epochs)


@contextmanager
def scoring_with(kb: str, model: LinearModel | None, min_score: float | None = None,
                 doubt: float | None = None) -> Iterator[None]:
    """Builds with ``kb`` score pairs with ``model`` (None: the component proposes nothing),
    proposing what scores at least ``min_score`` and doubting below ``doubt`` if given."""
    component = _component(kb)
    before = component.scorer, component.min_score, component.doubt
    component.scorer = model
    component.min_score = before[1] if min_score is None else min_score
    component.doubt = before[2] if doubt is None else doubt
    try:
        yield
    finally:
        component.scorer, component.min_score, component.doubt = before


@dataclass(frozen=True, slots=True)
class Fold:
    """One annotated set scored by a model trained on the others, and without a model."""

    name: str
    kb: str
    patterns: Score
    """The patterns' and rules' relations alone."""
    with_model: dict[float, Score]
    """... and with what the model trained on the other sets proposes, by minimum score."""


def collect(sets: Sequence[AnnotatedSet]) -> dict[tuple[str, str], list[LabelledPair]]:
    """The labelled pairs of each set under each KB setting."""
    return {(s.name, kb): labelled_pairs(s, kb) for s in sets for kb in KBS}


def cross_validate(sets: Sequence[AnnotatedSet], pairs: dict[tuple[str, str], list[LabelledPair]], *,
                   epochs: int = 4, grid: Sequence[float] = GRID, thresholds: dict[str, float] | None = None,
                   doubt: float | None = None) -> list[Fold]:
    """Leave one set out: each set scored by ``sovkg evaluate`` with a model that never saw it,
    at each minimum score of ``grid`` (and, if given, the per-predicate ``thresholds``; the
    pipeline's doubt unless ``doubt`` is given)."""
    from sovkg.evaluate import evaluate

    folds = []
    for held in sets:
        meta = {"thresholds": thresholds} if thresholds is not None else None
        model = fit([p for (name, _), found in pairs.items() if name != held.name for p in found],
                    epochs=epochs, meta=meta)
        for kb in KBS:
            with scoring_with(kb, None):
                patterns = evaluate(held.gold, [held.corpus], kb=kb)
            scored = {}
            for score in grid:
                with scoring_with(kb, model, score, doubt):
                    scored[score] = evaluate(held.gold, [held.corpus], kb=kb)
            folds.append(Fold(held.name, kb, patterns, scored))
    return folds


def choose_thresholds(folds: Sequence[Fold], *, target: float = TARGET_PRECISION) -> dict[str, float]:
    """Per predicate, the lowest minimum score at which what the model adds to the patterns
    on held-out sets (pooled over folds and KB settings) is right at least ``target`` of the
    time; a predicate that never is, the model does not propose. Why per predicate: its
    locations are mostly right, its funders and cooperations mostly not (a sentence about
    money names many bodies)."""
    patterns, scored = Score(), defaultdict(Score)
    for fold in folds:
        patterns.add(fold.patterns)
        for score, found in fold.with_model.items():
            scored[score].add(found)
    chosen = {}
    for predicate in sorted(patterns.relations_by_predicate.keys() | {p for s in scored.values()
                                                                        for p in s.relations_by_predicate}):
        base = patterns.relations_by_predicate[predicate]
        for score in sorted(scored):
            added = scored[score].relations_by_predicate[predicate]
            gained, spurious = added.tp - base.tp, added.fp - base.fp
            if gained > 0 and gained >= target * (gained + spurious):
                chosen[predicate] = score
                break
    return chosen


def train_relations(data: Path, out: Path, *, plan: Path | None = None, epochs: int = 4) -> Path:
    """Collect the plan's sets' pairs under both KB settings, choose each predicate's
    threshold by leaving one set out, fit on all, and save to ``out``."""
    sets = load_sets(data, plan)
    pairs = collect(sets)
    # what the model proposes is judged alone: its doubt of the patterns is not its addition
    thresholds = choose_thresholds(cross_validate(sets, pairs, epochs=epochs, doubt=0.0))
    every = [pair for found in pairs.values() for pair in found]
    meta = {"trained_on": [s.name for s in sets], "pairs": len(every), "epochs": epochs,
            "features": "sovkg.extract.relation_features", "thresholds": thresholds,
            "target_precision": TARGET_PRECISION}
    model = fit(every, epochs=epochs, meta=meta)
    model.save(out)
    print(json.dumps({"pairs": len(every), "examples": len(examples(every)), "rows": len(model.rows),
                      "thresholds": thresholds}))
    return out
