"""Sächsischer Landtag: the Antwort is a minister's letter ('… beantworte ich die Kleine Anfrage wie folgt:') citing the Kleine Anfrage by Drucksache and 'Thema:'.

A variant of the common family (:mod:`.standard`), chosen by the parliament's header.
"""

from __future__ import annotations

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.standard import StandardLayout


@register("sachsen")
class SachsenLayout(StandardLayout):
    name = "sachsen"
    parliament_code = "sn"
