"""Landtag von Sachsen-Anhalt: 'Kleine Anfrage zur schriftlichen Beantwortung', 'Abgeordnete …', 'Antwort der Landesregierung erstellt vom Ministerium …', 'Frage 1:' and 'Antwort zu Frage 1:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("sachsen_anhalt")
class SachsenAnhaltLayout(CombinedLayout):
    name = "sachsen_anhalt"
    parliament_code = "st"
    cover = re.compile(r"Antwort\s+der\s+Landesregierung\s+erstellt\s+vom")
    asked = re.compile(r"(?:^|\n)[ \t]*Abgeordnete[rn]?[ \t]+")
