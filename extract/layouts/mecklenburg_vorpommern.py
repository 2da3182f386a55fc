"""Landtag Mecklenburg-Vorpommern: the minister's transmission note first, 'KLEINE ANFRAGE des Abgeordneten …, Fraktion der …', 'und ANTWORT der Landesregierung', answers below the questions or under 'Zu 2 und 3'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("mecklenburg_vorpommern")
class MecklenburgVorpommernLayout(CombinedLayout):
    name = "mecklenburg_vorpommern"
    parliament_code = "mv"
    cover = re.compile(r"KLEINE\s+ANFRAGE[\s\S]{0,300}?ANTWORT")
