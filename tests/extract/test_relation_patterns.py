"""The relation patterns: their file's schema, and each family on German sentences, with
the shipped syntax model (a positive and a negative sentence per family)."""

from __future__ import annotations

import json

import pytest

from sovkg.extract.pipeline_data import data_file
from sovkg.extract.relation_patterns import PatternError, load_patterns, stem

PATTERNS = data_file("relation_patterns.json")
CUES = data_file("relation_cues.tsv")


@pytest.fixture(scope="module")
def found():
    """The pipeline (knowledge base on) on a text: what the patterns found, as
    (subject, predicate, object, pattern id, resolved description or "")."""
    from sovkg.extract.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text: str) -> set[tuple[str, str, str, str, str]]:
        doc = nlp(text)
        return {(text[f.subject[0]:f.subject[1]], f.predicate, text[f.object[0]:f.object[1]],
                 f.rule.split(":", 1)[1], text[f.anaphor[0]:f.anaphor[1]] if f.anaphor else "")
                for f in doc.user_data["sovkg_relations"] if f.rule.startswith("sovkg_relation_patterns:")}

    return run


def triples(found_set) -> set[tuple[str, str, str]]:
    return {f[:3] for f in found_set}


# --- the file and its schema ---------------------------------------------------------

def test_the_shipped_files_load_and_every_class_has_patterns() -> None:
    patterns = load_patterns(PATTERNS, CUES)
    assert {c.cls for c in patterns.cues} <= set(patterns.by_class)
    assert all(p.subject is not None or p.object is not None for p in patterns.patterns)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["patterns"].append(dict(d["patterns"][0])), "defined twice"),
    (lambda d: d["patterns"][0].update(cue="no-such-class"), "not in the cue lexicon"),
    (lambda d: d["patterns"][0].update(subject="subj.headz"), "unknown step"),
    (lambda d: d["patterns"][0].update(voice="middle"), "voice"),
    (lambda d: d["patterns"][0].update(predicate="ownedBy"), "no types"),
    (lambda d: d["patterns"][0].update(confidence=1.5), "confidence"),
    (lambda d: d["patterns"][0].update(colour="red"), "fields"),
])
def test_a_broken_pattern_file_is_refused_naming_the_pattern(change, message) -> None:
    data = json.loads(PATTERNS)
    change(data)
    with pytest.raises(PatternError, match=message):
        load_patterns(json.dumps(data), CUES)


def test_a_cue_predicate_needs_types() -> None:
    with pytest.raises(PatternError, match="without types"):
        load_patterns(PATTERNS, CUES + "besitzen\tagent-verb\townedBy\n")


def test_inflected_cues_share_a_stem() -> None:
    assert stem("fördert") == stem("gefördert") == stem("fördern") == "förder"
    assert stem("Förderungen") == stem("Förderung")
    assert stem("nutzt") == stem("genutzt") == stem("nutzen")
