"""An amount in euros and a year stated in a sentence, kept with a funding relation.

"… mit 676.200 Euro gefördert", "seit 2022 mit 20 Mio. Euro": analysts ask how much and
since when, and the sentence that states who funds something usually says it too.
"""

from __future__ import annotations

import re

_AMOUNT = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?\s*(Mio\.|Millionen|Mrd\.|Milliarden)?\s*(Euro|EUR|€)")
_YEAR = re.compile(r"\b(?:in|im Jahr|ab|seit|bis)\s+((?:19|20)\d{2})\b")
#: what each pattern cannot match without: most sentences name no sum, and a search that
#: tries a number at every digit costs more than looking for these first
_CURRENCIES = ("Euro", "EUR", "€")
_CENTURIES = ("19", "20")


def sentence_facts(text: str) -> dict:
    """``amount`` (a decimal string) and ``currency``, and ``year``, where the sentence states them."""
    facts: dict = {}
    amount = _AMOUNT.search(text) if any(currency in text for currency in _CURRENCIES) else None
    if amount:
        whole = amount.group(1).replace(".", "")
        value = float(f"{whole}.{amount.group(2) or '0'}")
        scale = amount.group(3) or ""
        value *= 1_000_000 if scale.startswith("Mi") else 1_000_000_000 if scale.startswith(("Mrd", "Milliarden")) else 1
        facts["amount"] = f"{value:.2f}"
        facts["currency"] = "EUR"
    year = _YEAR.search(text) if any(century in text for century in _CENTURIES) else None
    if year:
        facts["year"] = year.group(1)
    return facts
