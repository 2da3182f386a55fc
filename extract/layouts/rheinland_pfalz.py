"""Landtag Rheinland-Pfalz: 'A n t w o r t des Ministeriums … auf die Kleine Anfrage … – Drucksache … –', the Kleine Anfrage quoted ('hat folgenden Wortlaut:'), answers under 'Zu Frage 1:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("rheinland_pfalz")
class RheinlandPfalzLayout(CombinedLayout):
    name = "rheinland_pfalz"
    parliament_code = "rp"
    cover = re.compile(r"A\s?n\s?t\s?w\s?o\s?r\s?t[\s\S]{0,200}?auf\s+die\s+Kleine\s+Anfrage")
