"""Landtag Schleswig-Holstein: 'Kleine Anfrage des Abgeordneten … und Antwort der Landesregierung – Minister… für …'; each answer under 'Antwort:'.

A variant of the family of papers holding both documents (:mod:`.combined`).
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.combined import CombinedLayout


@register("schleswig_holstein")
class SchleswigHolsteinLayout(CombinedLayout):
    name = "schleswig_holstein"
    parliament_code = "sh"
    cover = re.compile(r"Kleine\s+Anfrage\s+de[rs]\s+Abgeordneten[^\n]*\s+und\s+Antwort\s+der\s+Landesregierung")
