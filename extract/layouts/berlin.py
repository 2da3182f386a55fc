"""Abgeordnetenhaus Berlin: 'Schriftliche Anfrage … zum Thema: … und Antwort', a Senatsverwaltung's letter, 'Frage 1:' and 'Antwort zu 1:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("berlin")
class BerlinLayout(CombinedLayout):
    name = "berlin"
    parliament_code = "be"
    cover = re.compile(r"Schriftliche\s+Anfrage[\s\S]{0,400}?und\s+Antwort\s+vom")
    government = "Senat"
