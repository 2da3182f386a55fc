"""Tokenizer settings: split German compounds at their hyphens.

spaCy keeps "Open-Source-Komponenten" and "Lamarr-Instituts" as single tokens. Names are
often the head of such a compound ("Al-Act-relevanten", "MPK-Beschluss"), and mentions
must carry exact character offsets, so hyphens and slashes between word characters
become tokens of their own. Dotted names (NRW.Genius, ZaKI.D) stay whole.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.util import compile_infix_regex, registry

_COMPOUND_INFIXES = (r"(?<=[\w.])[-‐/](?=[\w])",)


@registry.callbacks("sovkg.split_compounds.v1")
def split_compounds() -> Callable[[Language], Language]:
    def add_infixes(nlp: Language) -> Language:
        # spaCy splits "lower.Upper" as a missing space after a full stop; in this
        # genre it is a name ("Forschungsinfrastrukturen.NRW"), so that rule goes.
        infixes = [p for p in nlp.Defaults.infixes or () if not p.endswith(r"\.(?=[A-Z" ) and r"])\.(?=[" not in p]
        infixes += list(_COMPOUND_INFIXES)
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return nlp

    return add_infixes
