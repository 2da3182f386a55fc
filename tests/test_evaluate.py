"""``sovkg evaluate`` and the quality the issue asks for, measured on the development gold files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SAMPLE_GOLD = DATA / "gold" / "nrw-18-13128-kleine-anfrage-5276.json"

pytestmark = pytest.mark.slow


def _evaluate(*args: str, cwd: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "sovkg", "evaluate", "--json", *args], cwd=cwd,
                            capture_output=True, text=True, encoding="utf-8", timeout=600,
                            env={**os.environ, "PYTHONHASHSEED": "0"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("kb", "sample", "all_gold"), [("default", 0.90, 0.80), ("none", 0.75, 0.65)])
def test_entity_f1_on_the_development_gold(tmp_path: Path, kb: str, sample: float, all_gold: float) -> None:
    scores = _evaluate("--gold", str(SAMPLE_GOLD), "--kb", kb, cwd=tmp_path)
    assert scores["entities"]["f1"] >= sample, scores["missed"] + scores["spurious"]
    assert scores["duplicated"] == []
    scores = _evaluate("--gold", str(DATA / "gold"), str(DATA / "corpus"), "--kb", kb, cwd=tmp_path)
    assert scores["entities"]["f1"] >= all_gold, scores["missed"] + scores["spurious"]
    assert scores["duplicated"] == []


@pytest.mark.parametrize("kb", ["default", "none"])
def test_quality_on_held_out_documents(tmp_path: Path, kb: str) -> None:
    """Six documents of other Länder and genres, annotated without looking at the code
    (tests/data/heldout/SOURCES.md): what users' documents get. Floors a little below
    the figures last measured (entity F1 0.85 / 0.85, relation precision 0.86 / 0.83 and
    recall 0.27 / 0.25 with / without the knowledge base), so that a change that loses
    generality fails here."""
    heldout = DATA / "heldout"
    scores = _evaluate("--gold", str(heldout / "gold"), str(heldout / "corpus"), "--kb", kb, cwd=tmp_path)
    assert scores["entities"]["f1"] >= 0.80, scores["missed"] + scores["spurious"]
    assert scores["entities"]["precision"] >= 0.82, scores["spurious"]
    assert scores["relations"]["precision"] >= 0.80, scores["spurious_relations"]
    assert scores["relations"]["recall"] >= 0.18, scores["missed_relations"]


@pytest.mark.parametrize(("kb", "floor"), [("default", 0.78), ("none", 0.70)])
def test_entities_on_blind_documents(tmp_path: Path, kb: str, floor: float) -> None:
    """Three documents annotated after the rules were final and never tuned on
    (tests/data/blind/SOURCES.md): entity F1 0.82 / 0.76 with / without the knowledge
    base when they were added; relations 0.16 / 0.08, which is why only entities have a floor."""
    blind = DATA / "blind"
    scores = _evaluate("--gold", str(blind / "gold"), str(blind / "corpus"), "--kb", kb, cwd=tmp_path)
    assert scores["entities"]["f1"] >= floor, scores["missed"] + scores["spurious"]


@pytest.mark.parametrize(("name", "kb", "entities", "precision", "recall"), [
    ("dev5", "default", 0.80, 0.75, 0.20), ("dev5", "none", 0.76, 0.70, 0.16),
    ("dev6", "default", 0.85, 0.65, 0.20), ("dev6", "none", 0.80, 0.62, 0.16)])
def test_quality_on_the_later_development_sets(tmp_path: Path, name: str, kb: str, entities: float,
                                               precision: float, recall: float) -> None:
    """Documents written blind and developed on since (their SOURCES.md give the first runs:
    dev5 0.755 / 0.721 entities, 0.126 / 0.081 relations; dev6, in genres the other sets have
    few of, 0.856 / 0.814 and 0.275 / 0.239). Floors a little below the figures at the eighth
    session's end (dev5: entities 0.846 / 0.815, relation precision 0.824 / 0.793, recall
    0.253 / 0.208; dev6: 0.879 / 0.838, 0.704 / 0.687, 0.238 / 0.192)."""
    folder = DATA / name
    scores = _evaluate("--gold", str(folder / "gold"), str(folder / "corpus"), "--kb", kb, cwd=tmp_path)
    assert scores["entities"]["f1"] >= entities, scores["missed"] + scores["spurious"]
    assert scores["relations"]["precision"] >= precision, scores["spurious_relations"]
    assert scores["relations"]["recall"] >= recall, scores["missed_relations"]


@pytest.mark.parametrize(("name", "kb", "entities", "precision", "recall"), [
    ("dev11", "default", 0.81, 0.69, 0.17), ("dev11", "none", 0.77, 0.63, 0.12),
    ("dev12", "default", 0.83, 0.70, 0.24), ("dev12", "none", 0.79, 0.73, 0.22),
    ("dev13", "default", 0.72, 0.47, 0.08), ("dev13", "none", 0.69, 0.56, 0.08)])
def test_quality_on_the_twelfth_session_s_development_sets(tmp_path: Path, name: str, kb: str, entities: float,
                                                           precision: float, recall: float) -> None:
    """Documents written blind in the twelfth session and developed on since (first runs in
    their SOURCES.md). Floors a little below the figures at that session's end (dev11:
    entities 0.834 / 0.796, relation precision 0.737 / 0.677, recall 0.192 / 0.144; dev12:
    0.856 / 0.810, 0.750 / 0.784, 0.259 / 0.247; dev13: 0.740 / 0.710, 0.518 / 0.609, 0.096 / 0.096)."""
    folder = DATA / name
    scores = _evaluate("--gold", str(folder / "gold"), str(folder / "corpus"), "--kb", kb, cwd=tmp_path)
    assert scores["entities"]["f1"] >= entities, scores["missed"] + scores["spurious"]
    assert scores["relations"]["precision"] >= precision, scores["spurious_relations"]
    assert scores["relations"]["recall"] >= recall, scores["missed_relations"]


@pytest.mark.parametrize(("name", "kb", "floor"), [("blind2", "default", 0.73), ("blind2", "none", 0.71),
                                                  ("blind3", "default", 0.83), ("blind3", "none", 0.75),
                                                  ("blind4", "default", 0.76), ("blind4", "none", 0.73),
                                                  ("blind5", "default", 0.82), ("blind5", "none", 0.76),
                                                  ("blind6", "default", 0.77), ("blind6", "none", 0.73),
                                                  ("blind7", "default", 0.75), ("blind7", "none", 0.70)])
def test_entities_on_the_later_blind_sets(tmp_path: Path, name: str, kb: str, floor: float) -> None:
    """Documents annotated blind and never looked at (their SOURCES.md): entity F1 when they
    were added, blind2 (seventh session) 0.775 / 0.753, blind3 (eighth) 0.867 / 0.788, blind4
    to blind6 (tenth) 0.789 / 0.759, 0.845 / 0.788, 0.793 / 0.759, blind7 (twelfth) 0.765 /
    0.711. A failure names the figures only, so that the sets stay blind."""
    blind = DATA / name
    scores = _evaluate("--gold", str(blind / "gold"), str(blind / "corpus"), "--kb", kb, cwd=tmp_path)
    assert scores["entities"]["f1"] >= floor, scores["entities"]


@pytest.mark.parametrize(("name", "kb", "floor"), [
    ("blind", "default", 0.40), ("blind", "none", 0.36), ("blind2", "default", 0.30), ("blind2", "none", 0.29),
    ("blind3", "default", 0.23), ("blind3", "none", 0.18), ("blind4", "default", 0.33), ("blind4", "none", 0.32),
    ("blind5", "default", 0.24), ("blind5", "none", 0.18), ("blind6", "default", 0.19), ("blind6", "none", 0.19),
    ("blind7", "default", 0.27), ("blind7", "none", 0.23)])
def test_relations_on_the_blind_sets(tmp_path: Path, name: str, kb: str, floor: float) -> None:
    """Relation F1 on the blind sets with the learned relation model, which no training read:
    blind 0.423 / 0.397, blind2 0.324 / 0.322, blind3 0.281 / 0.217 at the tenth session's end
    (rules and patterns alone: 0.383 / 0.348, 0.253 / 0.249, 0.207 / 0.157); blind4 to blind6,
    written in the tenth session, 0.365 / 0.356, 0.276 / 0.207, 0.223 / 0.218 when they arrived;
    at the eleventh session's end 0.420 / 0.386, 0.332 / 0.330, 0.281 / 0.226, 0.369 / 0.360,
    0.278 / 0.209, 0.227 / 0.227; blind7, written in the twelfth session, 0.308 / 0.262 when
    it arrived; at the thirteenth session's end 0.432 / 0.376, 0.356 / 0.332, 0.293 / 0.233,
    0.411 / 0.374, 0.290 / 0.220, 0.338 / 0.223, 0.328 / 0.258. Figures only on failure."""
    blind = DATA / name
    scores = _evaluate("--gold", str(blind / "gold"), str(blind / "corpus"), "--kb", kb, cwd=tmp_path)
    assert scores["relations"]["f1"] >= floor, scores["relations"]


def _score_text(tmp_path: Path, text: str, gold: dict) -> dict:
    """``sovkg evaluate`` (without the knowledge base) of one text against its gold file."""
    document = tmp_path / gold["document"]
    document.write_text(text, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return _evaluate("--gold", str(tmp_path / "gold.json"), str(document), "--kb", "none", cwd=tmp_path)


def test_evaluate_on_a_small_gold_file_counts_hits_misses_and_spurious(tmp_path: Path) -> None:
    gold = {
        "document": "mini.txt",
        "entities": [
            {"id": "genius", "label": "NRW.Genius", "types": ["Initiative"], "required": True},
            {"id": "oss", "label": "Open Source", "types": ["Technology"], "aliases": ["OSS"], "required": True},
            {"id": "missing", "label": "Lamarr-Institut", "types": ["ResearchOrganization"], "required": True},
        ],
        "relations": [{"s": "genius", "p": "uses", "o": "oss", "required": True}],
    }
    scores = _score_text(tmp_path, "Das Projekt NRW.Genius setzt auf Open Source. Die Stadt Dortmund prüft das.\n",
                         gold)
    assert scores["entities"]["tp"] == 2 and scores["entities"]["fn"] == 1
    assert scores["missed"] == ["mini.txt: missing (Lamarr-Institut)"]
    assert scores["spurious"] == ["mini.txt: Dortmund [Place]"]
    assert scores["entities_by_type"]["Initiative"]["tp"] == 1
    assert scores["relations"]["fn"] + scores["relations"]["tp"] == 1


def test_a_cooperation_stated_both_ways_is_one_relation(tmp_path: Path) -> None:
    """The pipeline states a cooperation from each partner; the contract's relation is
    symmetric, so the two statements are one hit, not a hit and a spurious relation."""
    gold = {
        "document": "both.txt",
        "entities": [
            {"id": "bonn", "label": "Universität Bonn", "types": ["ResearchOrganization"], "required": True},
            {"id": "tud", "label": "TU Dortmund", "types": ["ResearchOrganization"], "required": True},
        ],
        "relations": [{"s": "tud", "p": "cooperatesWith", "o": "bonn", "required": True}],
    }
    scores = _score_text(tmp_path, "Die Universität Bonn und die TU Dortmund arbeiten im Projekt KIRA zusammen.\n",
                         gold)
    assert scores["relations_by_predicate"]["cooperatesWith"] == {
        "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}, scores["spurious_relations"]


def test_evaluate_counts_each_method_s_right_and_wrong_relations(tmp_path: Path) -> None:
    """Which rule or pattern states the wrong relations is what a user tuning the
    confidences needs: each relation counts for every method that stated it."""
    gold = {
        "document": "methods.txt",
        "entities": [
            {"id": "genius", "label": "NRW.Genius", "types": ["Initiative"], "required": True},
            {"id": "oss", "label": "Open Source", "types": ["Technology"], "aliases": ["OSS"], "required": True},
            {"id": "bonn", "label": "Universität Bonn", "types": ["ResearchOrganization"], "required": True},
        ],
        "relations": [{"s": "genius", "p": "uses", "o": "oss", "required": True}],
    }
    scores = _score_text(tmp_path, "Das Projekt NRW.Genius setzt auf Open Source. Das Projekt NRW.Genius wird von "
                         "der Universität Bonn betrieben.\n", gold)
    methods = scores["relations_by_method"]
    assert sum(m["tp"] for m in methods.values()) >= scores["relations"]["tp"] == 1
    assert sum(m["fp"] for m in methods.values()) >= scores["relations"]["fp"] == 1, scores["spurious_relations"]
    assert all(name.startswith("sovkg_") and ":" in name for name in methods)
    wrong = next(name for name, m in methods.items() if m["fp"])
    assert methods[wrong]["precision"] < 1.0


def test_evaluate_names_a_missing_document(tmp_path: Path) -> None:
    (tmp_path / "g.json").write_text(json.dumps({"document": "nowhere.txt", "entities": []}), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sovkg", "evaluate", "--gold", str(tmp_path / "g.json")],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert "nowhere.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1
