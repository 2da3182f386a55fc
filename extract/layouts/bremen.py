"""Bremische Bürgerschaft: 'Mitteilung des Senats', the Fraktion's Kleine Anfrage quoted, answers under 'Zu Frage 1:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("bremen")
class BremenLayout(CombinedLayout):
    name = "bremen"
    parliament_code = "hb"
    cover = re.compile(r"Mitteilung\s+des\s+Senats[\s\S]{0,600}?Kleine\s+Anfrage")
    asked = re.compile(r"(?!)")  # a Fraktion asks, no member is named
    title_after = re.compile(r"Mitteilung\s+des\s+Senats\s+vom[^\n]*")
    government = "Senat"
