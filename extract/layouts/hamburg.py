"""Bürgerschaft der Freien und Hansestadt Hamburg: 'Schriftliche Kleine Anfrage … und Antwort des Senats', 'Betr.:', the Senate's preliminary remark, answers below the questions without labels.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("hamburg")
class HamburgLayout(CombinedLayout):
    name = "hamburg"
    parliament_code = "hh"
    cover = re.compile(r"Schriftliche\s+Kleine\s+Anfrage")
    government = "Senat"
