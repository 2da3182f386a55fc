"""Landtag des Saarlandes: 'A N T W O R T zu der Anfrage des Abgeordneten …', 'betr.:', answers under 'Zu Frage 1:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("saarland")
class SaarlandLayout(CombinedLayout):
    name = "saarland"
    parliament_code = "sl"
    cover = re.compile(r"A\s?N\s?T\s?W\s?O\s?R\s?T\s+zu\s+der\s+Anfrage")
