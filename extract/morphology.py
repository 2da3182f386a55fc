"""A token's morphological features, read through a memo.

``Token.morph.get(field)`` looks up the string of every feature of the analysis and
splits it at each call (about 2 µs), and the rules ask a few analyses (a determiner's
case, a verb's form, a pronoun's type) tens of thousands of times per corpus. An
analysis is named by the hash of its feature string, the same in every vocabulary, so
the values of a field are remembered per hash and field: a repair that changes a word's
morphology (``Token.set_morph``) changes its hash, and nothing goes stale. The number
of analyses is the morphologizer's label set, so the memo stays small.
"""

from __future__ import annotations

from spacy.tokens import Token

_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}


def morph_values(token: Token, field: str) -> list[str]:
    """``token.morph.get(field)``: the values of one feature ("Case" → ``["Nom"]``, none → ``[]``),
    as a new list the caller may change."""
    analysis = token.morph
    key = (analysis.key, field)
    values = _VALUES.get(key)
    if values is None:
        values = _VALUES[key] = tuple(analysis.get(field))
    return list(values)
