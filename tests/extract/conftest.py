"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def relations():
    """Run the pipeline without the knowledge base on a text: its relations as
    (subject text, predicate, object text) triples."""
    from sovkg.extract.nlp import load_pipeline

    return _relations(lambda rule: True)


@pytest.fixture(scope="session")
def rule_relations():
    """:func:`relations` of the patterns and rules alone, without the learned relation model's."""
    return _relations(lambda rule: not rule.startswith("sovkg_relation_model"))


def _relations(keep):
    from sovkg.extract.nlp import load_pipeline

    nlp = load_pipeline(kb="none")

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        return {(text[f.subject[0]:f.subject[1]], f.predicate,
                 text[f.object[0]:f.object[1]] if f.object else f.object_name)
                for f in doc.user_data["sovkg_relations"] if keep(f.rule)}

    return run
