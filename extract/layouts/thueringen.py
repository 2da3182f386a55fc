"""Thüringer Landtag: 'Kleine Anfrage des Abgeordneten … und Antwort des Thüringer Ministeriums …', the Kleine Anfrage quoted, answers under 'Zu 1.:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("thueringen")
class ThueringenLayout(CombinedLayout):
    name = "thueringen"
    parliament_code = "th"
    cover = re.compile(r"K\s?l\s?e\s?i\s?n\s?e\s+A\s?n\s?f\s?r\s?a\s?g\s?e[\s\S]{0,300}?A\s?n\s?t\s?w\s?o\s?r\s?t")
