"""What a word of a parsed sentence stands for: mentions, conjuncts, relative pronouns,
appositions and definite descriptions, on hand-built parses (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from sovkg.extract.coreference import MentionIndex
from sovkg.extract.extensions import register_extensions

ANAPHORS = {"projekt": "Initiative", "zentrum": "ResearchOrganization", "vorhab": "Initiative"}


def parsed(words, heads, deps, pos=None, lemmas=None, sents=None, morphs=None) -> Doc:
    register_extensions()
    vocab = spacy.blank("de").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos or ["X"] * len(words),
               lemmas=lemmas or words, sent_starts=sents, morphs=morphs)


def mention(doc: Doc, start: int, end: int, label: str) -> Span:
    return Span(doc, start, end, label=label)


def texts(resolved) -> list[str]:
    return [r.span.text for r in resolved]


def test_a_coordination_stands_for_every_conjunct() -> None:
    doc = parsed(["Bund", ",", "Land", "und", "Stadt", "fördern", "X"], [5, 2, 0, 4, 0, 5, 5],
                 ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "obj"])
    index = MentionIndex(doc, [mention(doc, 0, 1, "GovernmentBody"), mention(doc, 2, 3, "GovernmentBody"),
                               mention(doc, 4, 5, "Place")], ANAPHORS)
    assert texts(index.resolve(doc[0])) == ["Bund", "Land", "Stadt"]


def test_a_type_noun_stands_for_the_name_beside_it() -> None:
    doc = parsed(["das", "Projekt", "Phoenix", "läuft"], [1, 3, 1, 3], ["det", "nsubj", "appos", "ROOT"],
                 pos=["DET", "NOUN", "PROPN", "VERB"])
    index = MentionIndex(doc, [mention(doc, 2, 3, "Initiative")], ANAPHORS)
    resolved = index.resolve(doc[1])
    assert texts(resolved) == ["Phoenix"] and resolved[0].via is None


def test_a_relative_pronoun_stands_for_its_noun() -> None:
    words = ["Stack", ",", "welcher", "KI", "integriert"]
    doc = parsed(words, [0, 4, 4, 4, 0], ["ROOT", "punct", "nsubj", "obj", "acl:relcl"],
                 pos=["PROPN", "PUNCT", "PRON", "PROPN", "VERB"], morphs=["", "", "PronType=Rel", "", ""])
    index = MentionIndex(doc, [mention(doc, 0, 1, "Initiative"), mention(doc, 3, 4, "Technology")], ANAPHORS)
    assert texts(index.resolve(doc[2])) == ["Stack"]


def test_a_description_stands_for_the_last_compatible_mention_with_its_offsets() -> None:
    words = ["ZIH", "rechnet", ".", "Capella", "läuft", ".", "Das", "Zentrum", "wächst", "."]
    doc = parsed(words, [1, 1, 1, 4, 4, 4, 7, 8, 8, 8],
                 ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
                 pos=["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
                 sents=[True, False, False, True, False, False, True, False, False, False])
    index = MentionIndex(doc, [mention(doc, 0, 1, "ResearchOrganization"), mention(doc, 3, 4, "Infrastructure")],
                         ANAPHORS)
    (resolved,) = index.resolve(doc[7])
    assert resolved.span.text == "ZIH"  # Capella is nearer but no research organisation
    assert doc.text[resolved.via[0]:resolved.via[1]] == "Das Zentrum"


def test_the_topic_wins_among_the_candidates() -> None:
    words = ["Genius", "startet", ".", "Genius", "nutzt", "Teuken", ".", "Das", "Projekt", "wächst", "."]
    doc = parsed(words, [1, 1, 1, 4, 4, 4, 4, 8, 9, 9, 9],
                 ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "obj", "punct", "det", "nsubj", "ROOT", "punct"],
                 pos=["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
                 sents=[True, False, False, True, False, False, False, True, False, False, False])
    spans = [mention(doc, 0, 1, "Initiative"), mention(doc, 3, 4, "Initiative"), mention(doc, 5, 6, "Initiative")]
    (resolved,) = MentionIndex(doc, spans, ANAPHORS).resolve(doc[8])
    assert resolved.span.text == "Genius" and resolved.via is not None


def test_no_article_or_no_type_noun_is_no_description() -> None:
    words = ["Genius", "startet", ".", "Ein", "Projekt", "wächst", "."]
    doc = parsed(words, [1, 1, 1, 4, 5, 5, 5], ["nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
                 pos=["PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
                 sents=[True, False, False, True, False, False, False])
    index = MentionIndex(doc, [mention(doc, 0, 1, "Initiative")], ANAPHORS)
    assert index.resolve(doc[4]) == []
    assert index.resolve(doc[5]) == []


def test_a_description_right_after_a_name_is_an_apposition_to_it() -> None:
    words = ["IT.NRW", "–", "das", "Zentrum", "–", "nutzt", "Linux"]
    doc = parsed(words, [5, 3, 3, 5, 3, 5, 5], ["nsubj", "punct", "det", "obj", "punct", "ROOT", "obj"],
                 pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PROPN"])
    index = MentionIndex(doc, [mention(doc, 0, 1, "GovernmentBody"), mention(doc, 6, 7, "Technology")], ANAPHORS)
    (resolved,) = index.resolve(doc[3])
    assert resolved.span.text == "IT.NRW" and resolved.via is None


def test_a_relative_pronoun_agrees_with_its_noun_and_a_holder_is_not_bridged_to() -> None:
    """ "Mit ZenDiS hat der Bund eine Gesellschaft, die X betreibt", the clause parsed onto
    "Bund": "die" cannot be "der Bund", and the Bund has the company, it is not it."""
    words = ["Mit", "ZenDiS", "hat", "Bund", "eine", "Gesellschaft", ",", "die", "X", "betreibt"]
    doc = parsed(words, [1, 2, 2, 2, 5, 2, 9, 9, 9, 3],
                 ["case", "obl", "ROOT", "nsubj", "det", "obj", "punct", "nsubj", "obj", "acl:relcl"],
                 pos=["ADP", "PROPN", "VERB", "NOUN", "DET", "NOUN", "PUNCT", "PRON", "PROPN", "VERB"],
                 morphs=["", "", "", "Gender=Masc|Number=Sing", "", "Gender=Fem|Number=Sing", "", "PronType=Rel", "",
                         ""])
    anaphors = ANAPHORS | {"gesellschaft": "Organization"}
    index = MentionIndex(doc, [mention(doc, 1, 2, "Organization"), mention(doc, 3, 4, "GovernmentBody"),
                               mention(doc, 8, 9, "Initiative")], anaphors)
    assert texts(index.resolve(doc[7])) == ["ZenDiS"]
