"""Landtag von Baden-Württemberg: one paper holds the Kleine Anfrage and the Antwort, answers under 'Zu 1.:' headings, 'Eingegangen: … / Ausgegeben: …' at the end.

A variant of the common family (:mod:`.standard`), chosen by the parliament's header.
"""

from __future__ import annotations

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.standard import StandardLayout


@register("baden_wuerttemberg")
class BadenWuerttembergLayout(StandardLayout):
    name = "baden_wuerttemberg"
    parliament_code = "bw"
