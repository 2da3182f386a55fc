"""What every layout's output must satisfy, whoever wrote the layout.

A layout that misreads a paper should lose a field, never invent one: a title that
is really a header line ("Drucksache 19/1234", "Anfrage des Abgeordneten …", "vom
17.02.2025") is dropped, and so is a question or an answer without text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from sovkg.extract.layouts.common import DATE, SUBJECT
from sovkg.extract.records import DocumentPart

_HEADER_LINE = re.compile(
    rf"(?:vom|Datum)?\s*{DATE}\s*|.*\b(?:Drucksache|Wahlperiode)\s+\d.*|(?:Kleine|Schriftliche)\s+Anfrage\b.*"
    r"|(?:Anfrage|Antwort)\s+de[rs]\s+(?:Abgeordneten|Abg\.)\b.*|(?:Landtag|Bürgerschaft|Bundestag)\b.{0,40}"
    r"|\d{1,4}|Seite\s+\d+.*"
    r"|vom\s.*|(?:\w\s){3,}\w"  # "vom 12. Mai 2025 (Eingang …)", "A n t w o r t"
    r"|[^\w„\"»]+.*",  # a fragment that starts mid-phrase: "-Fraktion)"
    re.IGNORECASE,
)



def checked(parts: Iterable[DocumentPart]) -> list[DocumentPart]:
    return [_checked(part) for part in parts]


def _checked(part: DocumentPart) -> DocumentPart:
    title = part.title.strip() if part.title else None
    if title and (subject := SUBJECT.match(title)):
        title = title[subject.end():]
    if title and _HEADER_LINE.fullmatch(title):
        title = None
    sections = tuple(s for s in part.sections if s.text.strip() and s.end > s.start)
    answers = _checked(part.answers) if part.answers is not None else None
    return replace(part, title=title or None, sections=sections, answers=answers)
