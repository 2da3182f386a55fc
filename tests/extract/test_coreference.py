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


def test_an_article_the_parser_hung_inside_the_phrase_still_makes_a_description() -> None:
    """"Das 2020 gegründete Zentrum": the parser made "Das" a dependent of "2020"."""
    words = ["ZIH", "rechnet", ".", "Das", "2020", "gegründete", "Zentrum", "wächst", "."]
    doc = parsed(words, [1, 1, 1, 4, 5, 6, 7, 7, 7],
                 ["nsubj", "ROOT", "punct", "dep", "obl", "amod", "nsubj", "ROOT", "punct"],
                 pos=["PROPN", "VERB", "PUNCT", "DET", "NUM", "ADJ", "NOUN", "VERB", "PUNCT"],
                 sents=[True, False, False, True, False, False, False, False, False])
    index = MentionIndex(doc, [mention(doc, 0, 1, "ResearchOrganization")], ANAPHORS)
    (resolved,) = index.resolve(doc[6])
    assert resolved.span.text == "ZIH"
    assert doc.text[resolved.via[0]:resolved.via[1]] == "Das 2020 gegründete Zentrum"
    # over a name's word the article is the name's, not the noun's ("die Lausitzer Vorhaben")
    words[4], doc = "Leipziger", parsed(words, [1, 1, 1, 4, 6, 6, 7, 7, 7],
                                        ["nsubj", "ROOT", "punct", "det", "amod", "amod", "nsubj", "ROOT", "punct"],
                                        pos=["PROPN", "VERB", "PUNCT", "DET", "PROPN", "ADJ", "NOUN", "VERB", "PUNCT"],
                                        sents=[True, False, False, True, False, False, False, False, False])
    assert MentionIndex(doc, [mention(doc, 0, 1, "ResearchOrganization")], ANAPHORS).resolve(doc[6]) == []


def test_a_name_right_after_its_type_noun_left_unattached_is_the_name_beside_it() -> None:
    """"Der Assistent SaarKI läuft" with the name a bare dependent: the name, not an earlier
    assistant; a dependent further away is no name of the noun."""
    words = ["Capella", "rechnet", ".", "Das", "Projekt", "Phoenix", "läuft", "."]
    doc = parsed(words, [1, 1, 1, 4, 6, 4, 6, 6], ["nsubj", "ROOT", "punct", "det", "nsubj", "dep", "ROOT", "punct"],
                 pos=["PROPN", "VERB", "PUNCT", "DET", "NOUN", "PROPN", "VERB", "PUNCT"],
                 sents=[True, False, False, True, False, False, False, False])
    spans = [mention(doc, 0, 1, "Initiative"), mention(doc, 5, 6, "Initiative")]
    assert texts(MentionIndex(doc, spans, ANAPHORS).resolve(doc[4])) == ["Phoenix"]
    far = parsed(["Das", "Projekt", "läuft", "Phoenix", "."], [1, 2, 2, 1, 2], ["det", "nsubj", "ROOT", "dep", "punct"],
                 pos=["DET", "NOUN", "VERB", "PROPN", "PUNCT"])
    assert MentionIndex(far, [mention(far, 3, 4, "Initiative")], ANAPHORS).resolve(far[1]) == []


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


def _pronoun_doc(pronoun: str) -> tuple[Doc, MentionIndex]:
    words = ["Das", "Institut", "arbeitet", "mit", "der", "Allianz", ".", pronoun, "ist", "Teil", "."]
    doc = parsed(words, [1, 2, 2, 5, 5, 2, 2, 9, 9, 9, 9],
                 ["det", "nsubj", "ROOT", "case", "det", "obl", "punct", "nsubj", "cop", "ROOT", "punct"],
                 pos=["DET", "NOUN", "VERB", "ADP", "DET", "PROPN", "PUNCT", "PRON", "AUX", "NOUN", "PUNCT"],
                 morphs=["Gender=Neut", "Gender=Neut", "", "", "Gender=Fem", "", "", "PronType=Prs", "", "", ""],
                 sents=[True] + [False] * 6 + [True] + [False] * 3)
    mentions = [mention(doc, 1, 2, "ResearchOrganization"), mention(doc, 5, 6, "Organization")]
    return doc, MentionIndex(doc, mentions, ANAPHORS)


def test_a_relative_clause_moved_past_a_phrase_stands_for_the_agreeing_noun_before_it() -> None:
    """ "steht der Rechner MeluXina zur Verfügung, den LuxProvide betreibt": "den" is
    masculine, "Verfügung" feminine; the clause belongs to the noun before the phrase."""
    words = ["steht", "der", "Rechner", "MeluXina", "zur", "Verfügung", ",", "den", "LuxProvide", "betreibt"]
    doc = parsed(words, [0, 2, 0, 2, 5, 0, 9, 9, 9, 5],
                 ["ROOT", "det", "nsubj", "appos", "case", "obl", "punct", "obj", "nsubj", "acl"],
                 pos=["VERB", "DET", "NOUN", "PROPN", "ADP", "NOUN", "PUNCT", "PRON", "PROPN", "VERB"],
                 morphs=["", "", "Gender=Masc|Number=Sing", "", "", "Gender=Fem|Number=Sing", "",
                         "Case=Acc|Gender=Masc|PronType=Rel", "", ""])
    index = MentionIndex(doc, [mention(doc, 3, 4, "Infrastructure"), mention(doc, 8, 9, "Company")], ANAPHORS)
    assert texts(index.resolve(doc[7])) == ["MeluXina"]
    doc[2].set_morph("Gender=Fem|Number=Sing")  # "die Plattform X zur Verfügung, den …": none agrees
    assert texts(MentionIndex(doc, [mention(doc, 3, 4, "Infrastructure")], ANAPHORS).resolve(doc[7])) == []


def test_a_personal_pronoun_stands_for_the_agreeing_subject_before_it() -> None:
    """ "Das Institut arbeitet mit der Allianz. Es ist Teil …": "es" is the neuter subject
    of the sentence before (with its own offsets), "sie" the feminine name, "er" neither."""
    doc, index = _pronoun_doc("Es")
    resolved = index.resolve(doc[7])
    assert texts(resolved) == ["Institut"] and resolved[0].via == (doc[7].idx, doc[7].idx + 2)
    doc, index = _pronoun_doc("Sie")
    assert texts(index.resolve(doc[7])) == ["Allianz"]
    doc, index = _pronoun_doc("Er")
    assert index.resolve(doc[7]) == []


def test_a_personal_pronoun_never_stands_for_a_phrase_of_its_own_clause() -> None:
    """ "HLRS rechnet. Gemeinsam mit JSC bildet es GCS": "es" is not the JSC beside it."""
    words = ["HLRS", "rechnet", ".", "Gemeinsam", "mit", "JSC", "bildet", "es", "GCS"]
    doc = parsed(words, [1, 1, 1, 6, 5, 3, 6, 6, 6],
                 ["nsubj", "ROOT", "punct", "advmod", "case", "nmod", "ROOT", "nsubj", "obj"],
                 pos=["PROPN", "VERB", "PUNCT", "ADV", "ADP", "PROPN", "VERB", "PRON", "PROPN"],
                 sents=[True, False, False, True, False, False, False, False, False],
                 morphs=["Gender=Neut", "", "", "", "", "Gender=Neut", "", "", "Gender=Neut"])
    spans = [mention(doc, 0, 1, "ResearchOrganization"), mention(doc, 5, 6, "ResearchOrganization"),
             mention(doc, 8, 9, "ResearchOrganization")]
    assert texts(MentionIndex(doc, spans, ANAPHORS).resolve(doc[7])) == ["HLRS"]
    assert MentionIndex(doc, spans[1:], ANAPHORS).resolve(doc[7]) == []


def test_a_list_the_parser_broke_up_is_one_list() -> None:
    """ "in Bonn, Köln, Berlin und Jena" parsed as an apposition and stray dependents:
    every place of the list is reached from any one of them."""
    words = ["in", "Bonn", ",", "Köln", ",", "Berlin", "und", "Jena", "."]
    doc = parsed(words, [1, 1, 3, 1, 5, 3, 7, 1, 1],
                 ["case", "ROOT", "punct", "appos", "punct", "dep", "cc", "dep", "punct"],
                 pos=["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT"])
    index = MentionIndex(doc, [mention(doc, i, i + 1, "Place") for i in (1, 3, 5, 7)], ANAPHORS)
    for word in (1, 5):
        assert sorted(texts(index.resolve(doc[word]))) == ["Berlin", "Bonn", "Jena", "Köln"]


def test_a_pronoun_agrees_with_the_article_before_a_name_whatever_the_name_s_head() -> None:
    """ "das ELLIS Institute": the article is the name's first word's, the tagger calls
    "Institute" masculine; "es" still stands for it."""
    words = ["Dort", "arbeitet", "das", "ELLIS", "Institute", ".", "Es", "ist", "Teil", "."]
    doc = parsed(words, [1, 1, 3, 4, 1, 1, 8, 8, 8, 8],
                 ["advmod", "ROOT", "det", "compound", "nsubj", "punct", "nsubj", "cop", "ROOT", "punct"],
                 pos=["ADV", "VERB", "DET", "PROPN", "PROPN", "PUNCT", "PRON", "AUX", "NOUN", "PUNCT"],
                 morphs=["", "", "Gender=Neut", "", "Gender=Masc", "", "PronType=Prs", "", "", ""],
                 sents=[True] + [False] * 5 + [True] + [False] * 3)
    index = MentionIndex(doc, [mention(doc, 3, 5, "ResearchOrganization")], ANAPHORS)
    assert texts(index.resolve(doc[6])) == ["ELLIS Institute"]


def test_a_pronoun_agrees_with_the_predicate_noun_of_a_copula() -> None:
    """ "Das ARIC ist ein Verein. Er wird gefördert.": "er" is the masculine "Verein" the
    neuter name was said to be."""
    words = ["Das", "ARIC", "ist", "ein", "Verein", ".", "Er", "wird", "gefördert", "."]
    doc = parsed(words, [1, 4, 4, 4, 4, 4, 8, 8, 8, 8],
                 ["det", "nsubj", "cop", "det", "ROOT", "punct", "nsubj:pass", "aux:pass", "ROOT", "punct"],
                 pos=["DET", "PROPN", "AUX", "DET", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
                 morphs=["Gender=Neut", "", "", "Gender=Masc", "Gender=Neut", "", "PronType=Prs", "", "", ""],
                 sents=[True] + [False] * 5 + [True] + [False] * 3)
    index = MentionIndex(doc, [mention(doc, 1, 2, "Organization")], ANAPHORS)
    assert texts(index.resolve(doc[6])) == ["ARIC"]
    doc[2].dep_ = "dep"  # no copula: the name's own article decides
    assert texts(MentionIndex(doc, [mention(doc, 1, 2, "Organization")], ANAPHORS).resolve(doc[6])) == []


def test_a_pronoun_stands_for_the_name_an_apposition_follows() -> None:
    words = ["Hier", "steht", "JUPITER", ",", "der", "erste", "Rechner", ".", "Er", "läuft", "."]
    doc = parsed(words, [1, 1, 1, 6, 6, 6, 1, 1, 9, 9, 9],
                 ["advmod", "ROOT", "obj", "punct", "det", "amod", "obl", "punct", "nsubj", "ROOT", "punct"],
                 pos=["ADV", "VERB", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"],
                 morphs=["", "", "", "", "Gender=Masc", "", "Gender=Masc", "", "PronType=Prs", "", ""],
                 sents=[True] + [False] * 7 + [True] + [False] * 2)
    index = MentionIndex(doc, [mention(doc, 2, 3, "Infrastructure"), mention(doc, 6, 7, "Technology")], ANAPHORS)
    assert texts(index.resolve(doc[8])) == ["JUPITER"]


def test_a_list_goes_on_over_a_kind_and_its_examples() -> None:
    """ "die Universität Stuttgart sowie Unternehmen wie die Robert Bosch GmbH und die ZF AG",
    parsed with the companies hung on the kind: they are items of the list too."""
    words = ["die", "Universität", "Stuttgart", "sowie", "Unternehmen", "wie", "die", "Bosch", "GmbH", "und", "die",
             "ZF", "AG"]
    doc = parsed(words, [1, 1, 1, 4, 1, 7, 7, 4, 7, 11, 11, 7, 11],
                 ["det", "ROOT", "flat", "cc", "conj", "cc", "det", "nmod", "flat", "cc", "det", "conj", "flat"],
                 pos=["DET", "NOUN", "PROPN", "CCONJ", "NOUN", "CCONJ", "DET", "PROPN", "PROPN", "CCONJ", "DET",
                      "PROPN", "PROPN"])
    spans = [mention(doc, 1, 3, "ResearchOrganization"), mention(doc, 7, 9, "Company"), mention(doc, 11, 13, "Company")]
    assert texts(MentionIndex(doc, spans, ANAPHORS).resolve(doc[2])) == ["Universität Stuttgart", "Bosch GmbH",
                                                                         "ZF AG"]


def _authority_doc(article: str, name: str) -> tuple[Doc, MentionIndex]:
    """"<article> <name> gehört zum BMF. Es hat seinen Sitz in Bonn." with the name a government body."""
    words = [article, name, "gehört", "zum", "BMF", ".", "Es", "hat", "Sitz", "."]
    doc = parsed(words, heads=[1, 2, 2, 4, 2, 2, 7, 7, 7, 7],
                 deps=["det", "nsubj", "ROOT", "case", "obl", "punct", "nsubj", "ROOT", "obj", "punct"],
                 pos=["DET", "PROPN", "VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT"],
                 sents=[True, False, False, False, False, False, True, False, False, False],
                 morphs=["Case=Nom|Gender=Neut|Number=Sing", "", "", "", "", "", "Case=Nom|Gender=Neut|Number=Sing",
                         "", "", ""])
    spans = [mention(doc, 1, 2, "GovernmentBody"), mention(doc, 4, 5, "GovernmentBody")]
    return doc, MentionIndex(doc, spans, ANAPHORS)


def test_a_personal_pronoun_stands_for_an_authority_named_with_an_article_not_for_a_level() -> None:
    """"Das ITZBund gehört zum BMF. Es hat seinen Sitz in Bonn": "es" is the authority; after
    "Das Land …" it is not (mostly the weather's or a clause's "es")."""
    doc, index = _authority_doc("Das", "ITZBund")
    assert texts(index.resolve(doc[6])) == ["ITZBund"]
    doc, index = _authority_doc("Das", "Land")
    assert index.resolve(doc[6]) == []
