"""Any paper no other layout claims, and any other document.

It reads a paper with the common family's patterns (:mod:`.standard`), which hold for
most parliaments as far as they go, and anything else as a press release or a plain
document. It claims every text, with the lowest score, so a layout written for a
parliament always wins over it. What it cannot read it leaves out: the checks every
layout's output passes (:mod:`.checks`) keep header lines out of titles and answers
without text out of the graph.
"""

from __future__ import annotations

from sovkg.extract.layouts.base import Layout, Paper, register
from sovkg.extract.layouts.documents import document_parts
from sovkg.extract.layouts.standard import parse_paper
from sovkg.extract.records import DocumentPart


@register("generic")
class GenericLayout(Layout):
    name = "generic"

    def detect(self, paper: Paper) -> float:
        return 0.01

    def parse(self, paper: Paper) -> list[DocumentPart]:
        return parse_paper(paper) or document_parts(paper)
