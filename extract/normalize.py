"""Folding German surface forms so that inflected and damaged mentions meet their name.

"des Lamarr-Instituts", "dem Lamarr-Institut" and "Lamarr-Institut" fold to the same
key; so do "Rheinischen Reviers" and "Rheinisches Revier", "JUPITERs" and "JUPITER",
and the OCR damage "Al Village" / "Kl-Entwicklung" (a lower-case L read for a capital
I) and "AI Village". The folding works word by word: hyphens, slashes and spaces between
words do not count, as in the gold scoring ("Open-Source" = "Open Source").

The stemmer is deliberately crude: it strips one inflectional ending, chosen as the
longest that leaves a stem of three or more letters. It never has to produce a real
stem, only the same key for the forms of one name, and because names are matched as
whole word sequences, two different names rarely fold together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TypeVar

_V = TypeVar("_V")

#: Inflectional endings of German nouns and adjectives, longest first.
_ENDINGS = ("ern", "ers", "ens", "en", "er", "es", "em", "e", "s", "n")

#: OCR reads a capital I as a lower-case l in these all-capital abbreviations.
_OCR_WORDS = {"Al": "AI", "Kl": "KI"}

_ACRONYM_GENITIVE = re.compile(r"^([A-ZÄÖÜ0-9.]{2,})s$")


def repair_ocr(word: str) -> str:
    """Undo the one OCR confusion that matters in this genre: 'Al'/'Kl' for 'AI'/'KI',
    alone or closing a dotted name ("ScaDS.Al")."""
    word = _OCR_WORDS.get(word, word)
    if word.endswith((".Al", ".Kl")) and len(word) > 3 and word[-4:-3].isalnum():
        word = word[:-1] + "I"
    return word


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """Case-fold one word and strip its inflectional ending (cached: words repeat)."""
    word = repair_ocr(word)
    genitive = _ACRONYM_GENITIVE.match(word)
    if genitive:  # "JUPITERs", "MPKs": an acronym with a genitive s
        word = genitive.group(1)
    folded = word.casefold()
    if len(folded) <= 4 or not folded[-1].isalpha():
        return folded
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return folded[: -len(ending)]
    return folded


def fold_words(words: list[str]) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in words)


def compound_head(word: str, heads: Mapping[str, _V], *, shortest: int, first: int = 1) -> _V | None:
    """The entry of the longest listed head that ``word`` (lower case) ends in ("Industriepartner"
    → "partner", "Qualifizierungsprogramm" → "programm"): German compounds keep their head's
    meaning. Heads shorter than ``shortest`` letters are not looked for ("teil" in "Anteil"),
    nor heads that leave fewer than ``first`` letters before them."""
    return next((heads[word[k:]] for k in range(first, len(word) - shortest + 1) if word[k:] in heads), None)


def is_acronym(word: str) -> bool:
    """Short all-capital words (KI, EU, MPK, NRW) must match in capitals."""
    letters = [ch for ch in word if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters) and len(word) <= 6


def case_compatible(pattern_word: str, text_word: str) -> bool:
    """Whether a word of the text may stand for a word of a known name.

    German capitalises every noun, so the case of the first letter says little about
    names; it does separate nouns from adjectives and verbs ("Grüne" the party,
    "grüne" the colour). A name word written with a capital must appear with one;
    an acronym must appear in capitals.
    """
    text_word = repair_ocr(text_word)
    if is_acronym(pattern_word):
        genitive = _ACRONYM_GENITIVE.match(text_word)
        core = genitive.group(1) if genitive else text_word
        return core.upper() == core
    if pattern_word[:1].isupper():
        return text_word[:1].isupper() or text_word[:1].isdigit()
    return True
