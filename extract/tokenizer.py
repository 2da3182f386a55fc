"""Tokenizer settings: split German compounds at their hyphens; a legal form ends a name.

spaCy keeps "Open-Source-Komponenten" and "Lamarr-Instituts" as single tokens. Names are
often the head of such a compound ("Al-Act-relevanten", "MPK-Beschluss"), and mentions
must carry exact character offsets, so hyphens and slashes between word characters
become tokens of their own. Dotted names (NRW.Genius, ZaKI.D) stay whole.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

from sovkg.extract.pipeline_data import data_lines

_COMPOUND_INFIXES = (r"(?<=[\w.])[-‐/](?=[\w])",)
#: "… nutzt F13.", "… das Modell Teuken-7B.": a stop after a name with digits ends the
#: sentence (a bare "13." is an ordinal)
_NAME_DIGIT_STOPS = (r"(?<=[A-Za-z][0-9])\.", r"(?<=[A-Za-z][0-9]{2})\.", r"(?<=[A-Za-z][0-9]{3})\.",
                     r"(?<=-[0-9][A-Za-z])\.", r"(?<=-[0-9]{2}[A-Za-z])\.")
#: "… das Projekt OpenGPT-X.", "… zu Gaia-X.": a stop after a compound's one-letter end ends
#: the sentence (spaCy keeps a stop after a capital, as in an initial)
_NAME_LETTER_STOPS = (r"(?<=[A-Za-z0-9]-[A-Z])\.",)
_LEGAL_FORM_STOPS = (r"(?<=GmbH)\.", r"(?<=^AG)\.", r"(?<=^SE)\.", r"(?<=^KG)\.", r"(?<=^UG)\.", r"(?<=^eG)\.")
#: "… gefördert von der KfW.", "… der BfDI.": a stop after a camel-case acronym ending in
#: capitals ends the sentence (no abbreviation of the language is shaped so)
_ACRONYM_STOPS = (r"(?<=[A-Z][a-z][A-Z])\.", r"(?<=[A-Z][a-z][A-Z]{2})\.")


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """The abbreviations of official German (``data/abbreviations.txt``)."""
    return tuple(line.strip() for line in data_lines("abbreviations.txt"))


@registry.callbacks("sovkg.split_compounds.v1")
def split_compounds() -> Callable[[Language], Language]:
    def add_infixes(nlp: Language) -> Language:
        # spaCy splits "lower.Upper" as a missing space after a full stop; in this
        # genre it is a name ("Forschungsinfrastrukturen.NRW"), so that rule goes.
        infixes = [p for p in nlp.Defaults.infixes or () if not p.endswith(r"\.(?=[A-Z" ) and r"])\.(?=[" not in p]
        infixes += list(_COMPOUND_INFIXES)
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        # "… an die Capgemini GmbH." ends a sentence: the legal form is "GmbH", the stop is
        # punctuation (spaCy splits a final stop only after a lower-case letter or digit)
        suffixes = [*(nlp.Defaults.suffixes or ()), *_LEGAL_FORM_STOPS, *_ACRONYM_STOPS, *_NAME_DIGIT_STOPS,
                    *_NAME_LETTER_STOPS]
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        for abbreviation in abbreviations():  # "Drs.", "Art.", "Vgl.": one token, no full stop
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        return nlp

    return add_infixes
