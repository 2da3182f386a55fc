"""Landtag Brandenburg: 'Antwort der Landesregierung auf die Kleine Anfrage Nr. … des Abgeordneten …', 'Frage 1:' and 'zu Frage 1:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("brandenburg")
class BrandenburgLayout(CombinedLayout):
    name = "brandenburg"
    parliament_code = "bb"
    cover = re.compile(r"Antwort\s+der\s+Landesregierung\s+auf\s+die\s+Kleine\s+Anfrage")
