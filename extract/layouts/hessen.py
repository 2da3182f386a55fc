"""Hessischer Landtag: 'Kleine Anfrage', the askers with their party and the date on one line, the title, 'und Antwort' and the answering minister; 'Frage 1.' with the answer below it.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("hessen")
class HessenLayout(CombinedLayout):
    name = "hessen"
    parliament_code = "he"
    cover = re.compile(r"Kleine\s+Anfrage\s*\n[^\n]*\)\s+vom\s")
    asked = re.compile(r"(?m)^[ \t]*Kleine\s+Anfrage[ \t]*\n[ \t]*")
