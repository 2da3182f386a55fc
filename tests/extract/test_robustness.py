"""The rules on fragments and shuffled sentences of the genre: odd input never raises."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"

FRAGMENTS = [
    "betreibt", "Betreibt das Land openDesk?", "(ODF)", "– kurz –", "Zu 1.:", "Frage 1:", "Antwort", "GmbH.",
    "ein KI-Labor", "beim", ", die", "Mitglied der", "Standorte in", "darunter", "Den Betrieb übernimmt",
    "„", "Kleine Anfrage der Abg.", "Mit Schreiben vom 6. Mai 2025 beantwortet", "Drucksache 17 / ", "e. V.",
    "Unternehmen wie", "X, Mitglied der Y,", "KI-Strategie des Freistaates", "Hessische Zentrum – hessian.AI –",
]


@pytest.mark.parametrize("text", FRAGMENTS)
def test_fragments(nlp, text: str) -> None:
    doc = nlp(text)
    assert doc.text == text


def test_shuffled_sentences_of_every_document(nlp) -> None:
    rng = random.Random(7)
    for path in sorted((DATA / "heldout" / "corpus").glob("*.txt")) + sorted((DATA / "corpus").glob("*.txt")):
        sentences = path.read_text(encoding="utf-8").replace("\n", " ").split(". ")
        rng.shuffle(sentences)
        text = ". ".join(sentences)
        doc = nlp(text)
        for found in doc.user_data["sovkg_relations"]:
            assert 0 <= found.subject[0] < found.subject[1] <= len(text)
