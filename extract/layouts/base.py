"""The interface of a document layout, and the registry layouts join.

A layout knows how one parliament (or a family of parliaments, or a genre) arranges
its papers. :meth:`Layout.detect` says how sure it is that a paper is laid out its
way; :meth:`Layout.parse` reads the paper into :class:`DocumentPart` records. The
layout with the highest score reads the paper; the generic layout, which reads any
text, scores lowest, so it reads what no other layout claims.

Layouts join the registry with ``@register("name")``. The modules of this package
are found and imported when the registry is first used, so a new parliament is one
new module here; other packages can add layouts through the ``sovkg_layouts``
entry point group.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property

import catalogue
from sovkg.extract.records import DocumentPart

registry = catalogue.create("sovkg", "layouts", entry_points=True)
register = registry.register


@dataclass(frozen=True)
class Paper:
    """The text a layout reads: the analysed text (offsets of the parts refer to it),
    the running headers taken out of it, and a title the file format states."""

    text: str
    header: str = ""
    title: str | None = None

    @cached_property
    def head(self) -> str:
        """Where a paper names its parliament: the running headers and its first page."""
        return self.header + "\n" + self.text[:1500]


class Layout(ABC):
    """One way of laying out documents."""

    name: str = ""
    parliament_code: str = ""
    """The parliament whose papers the layout reads (``parliaments.tsv``), if one."""

    @abstractmethod
    def detect(self, paper: Paper) -> float:
        """How sure the layout is that ``paper`` is laid out its way, from 0 to 1."""

    @abstractmethod
    def parse(self, paper: Paper) -> list[DocumentPart]:
        """The documents in the paper, with offsets into ``paper.text``."""
