"""Landtag Nordrhein-Westfalen: Kleine Anfragen with their number, 'Datum des Originals', and the Antwort on the same or a later Drucksache.

A variant of the common family (:mod:`.standard`), chosen by the parliament's header.
"""

from __future__ import annotations

from sovkg.extract.layouts.base import register
from sovkg.extract.layouts.standard import StandardLayout


@register("nordrhein_westfalen")
class NordrheinWestfalenLayout(StandardLayout):
    name = "nordrhein_westfalen"
    parliament_code = "nrw"
