"""The pipeline as a saveable spaCy pipeline, and its data as the config names it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sovkg.extract.nlp import config_path, load_pipeline, pipeline_from_config
from sovkg.extract.pipeline_data import data_file, kb_entries

SAMPLE = Path(__file__).parents[1] / "data" / "corpus" / "nrw-18-13128-kleine-anfrage-5276.txt"

#: what a pipeline finds in the sample: mentions and relations, as plain values
FINDINGS = """
import json, sys
import spacy
from sovkg.extract.nlp import load_pipeline
nlp = spacy.load(sys.argv[1]) if len(sys.argv) > 1 else load_pipeline()
doc = nlp(open(sys.argv[2] if len(sys.argv) > 2 else {sample!r}, encoding="utf-8").read())
print(json.dumps({{
    "mentions": [[s.start_char, s.end_char, s.label_, s.kb_id_, s._.sovkg_method] for s in doc.spans["sovkg_mentions"]],
    "relations": sorted([list(r.subject), r.predicate, list(r.object) if r.object else r.object_name, r.rule]
                        for r in doc.user_data["sovkg_relations"]),
    "parse": [[t.pos_, t.lemma_, t.dep_, t.head.i] for t in doc],
    "sentences": len(list(doc.sents)),
}}))
"""


def _findings(*args: str) -> dict:
    script = FINDINGS.format(sample=str(SAMPLE))
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_saved_pipeline_loads_with_spacy_and_finds_the_same(tmp_path: Path) -> None:
    load_pipeline().to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "sovkg_gazetteer" / "entries.json").is_file()
    assert (tmp_path / "pipeline" / "sovkg_relation_patterns" / "data.json").is_file()
    assert (tmp_path / "pipeline" / "parser" / "model").is_file()  # the trained syntax, saved with it
    assert (tmp_path / "pipeline" / "sovkg_relation_model" / "model" / "weights.npz").is_file()  # and the relation model
    fresh, loaded = _findings(), _findings(str(tmp_path / "pipeline"), str(SAMPLE))
    assert fresh == loaded
    assert len(fresh["mentions"]) > 100 and len(fresh["relations"]) > 10
    assert any(rule.startswith("sovkg_relation_patterns:") for *_, rule in fresh["relations"])
    assert any(rule.startswith("sovkg_relation_model:") for *_, rule in fresh["relations"])


def test_the_readers_take_package_names_and_paths(tmp_path: Path) -> None:
    own = tmp_path / "nouns.tsv"
    own.write_text("Leuchtturmprojekt\tInitiative\n", encoding="utf-8")
    assert data_file(str(own)) == "Leuchtturmprojekt\tInitiative\n"
    assert "Projekt\tInitiative" in data_file("type_nouns.tsv")
    entries = kb_entries("none", ["parties.tsv"])
    assert any(e.label == "SPD" and e.type == "Party" for e in entries)
    assert any(e.key == "nrw-genius" for e in kb_entries("default"))


def test_a_config_pointing_at_a_users_own_lexicon(tmp_path: Path) -> None:
    import spacy

    nouns = tmp_path / "nouns.tsv"
    nouns.write_text(data_file("type_nouns.tsv") + "Leuchtturmvorhaben\tInitiative\n", encoding="utf-8")
    config = spacy.util.load_config(config_path(), overrides={
        "initialize.components.sovkg_patterns.type_nouns.path": str(nouns)}, interpolate=False)
    nlp = pipeline_from_config(config)
    doc = nlp("Das Land fördert das Leuchtturmvorhaben Zukunftswerkstatt in Kiel.")
    assert ("Zukunftswerkstatt", "Initiative") in {(s.text, s.label_) for s in doc.spans["sovkg_mentions"]}
    plain = load_pipeline(kb="none")("Das Land fördert das Leuchtturmvorhaben Zukunftswerkstatt in Kiel.")
    assert ("Zukunftswerkstatt", "Initiative") not in {(s.text, s.label_) for s in plain.spans["sovkg_mentions"]}
