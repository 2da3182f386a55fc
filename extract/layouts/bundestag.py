"""Deutscher Bundestag: Kleine Anfragen of members and a Fraktion, the Antwort der Bundesregierung transmitted by a ministry's letter, dated headers.

A variant of the common family (:mod:`.standard`), chosen by the parliament's header.
"""

from __future__ import annotations

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.standard import StandardLayout


@register("bundestag")
class BundestagLayout(StandardLayout):
    name = "bundestag"
    parliament_code = "bt"
