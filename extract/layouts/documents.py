"""Documents that are no parliamentary papers: press releases, strategies, reports.

They have a title, perhaps a date and a publisher, and no questions. Any layout falls
back on :func:`document_parts` for a text that is not laid out its way.
"""

from __future__ import annotations

import re

from sovkg.extract.layouts.base import Paper
from sovkg.extract.layouts.common import DATE, OFFICE, iso_date, office_role
from sovkg.extract.records import DocumentPart


def document_parts(paper: Paper) -> list[DocumentPart]:
    """A press release, a strategy paper or another document."""
    if _PRESS.search(paper.text[:2000]):
        return [_press_release(paper.text, paper.title)]
    return [_generic(paper.text, paper.title)]


_PRESS = re.compile(r"\bteil(?:t|en)\s+mit\s*:|\bPressemitteilung\b|\bPresseinformation\b")
_PUBLISHER = re.compile(
    rf"(?P<lead>(?:Das|Der|Die)\s+(?:Ministerium|Bundesministerium|Landesregierung|Bundesregierung|"
    rf"Staatskanzlei|{OFFICE})[^.:\n]{{0,200}}?)\s+teil(?:t|en)\s+mit\s*:"
)


def _press_release(text: str, title: str | None) -> DocumentPart:
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text[:1500])]
    # "17.03.2025" or a dateline "Wiesbaden, 14.10.2025"
    dated = [(pos, line, m) for pos, line in lines if (m := _DATELINE.fullmatch(line))]
    date_line = dated[0] if dated else None
    masthead = [(pos, line) for pos, line in lines[:6] if _MASTHEAD.fullmatch(line)]
    if title is None:
        before = [line for pos, line in lines if (date_line is None or pos < date_line[0])
                  and (pos, line) not in masthead and not _PRESS.fullmatch(line)]
        candidates = [line for line in before if len(line.split()) >= 3]
        after = [line for pos, line in lines if date_line is not None and pos > date_line[0] and len(line.split()) >= 3]
        title = candidates[-1] if candidates else (before[-1] if before else (after[0] if after else None))
    publisher = None
    match = _PUBLISHER.search(text, 0, min(len(text), 3000))
    if match:
        publisher = office_role(text, match.start("lead"), match.end("lead"), "sovkg_structure:publisher")
    elif masthead:  # "Pressemitteilung / Hessisches Ministerium für Digitalisierung und Innovation"
        pos, line = masthead[0]
        start = text.find(line, pos)
        publisher = office_role(text, start, start + len(line), "sovkg_structure:publisher")
    return DocumentPart(
        kind="PressRelease", start=0, end=len(text), title=title,
        date=iso_date(date_line[2].group("date")) if date_line else None, publisher=publisher,
    )


_DATELINE = re.compile(rf"(?:[A-ZÄÖÜ][\w .-]{{1,40}},\s*)?(?P<date>{DATE})")
_MASTHEAD = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|es|er)\s+)?(?:Bundes|Staats|Landes)?[Mm]inisterium\b[^.:]{0,150}"
                       r"|(?:Die\s+)?(?:Landes|Staats)regierung\b[^.:]{0,60}|Staatskanzlei\b[^.:]{0,80}")


_STRATEGY = re.compile(r"Strategie|Leitlinien|Leitbild|Aktionsplan|Eckpunkte|Masterplan|Roadmap", re.IGNORECASE)


def _generic(text: str, title: str | None) -> DocumentPart:
    if title is None:
        lines = [line.strip() for line in text.strip().split("\n")[:6] if line.strip()]
        if len(lines) > 1 and len(lines[0].split()) == 1 and len(lines[1].split()) >= 4:
            lines = lines[1:]  # a rubric ("Wissenschaft") over the headline
        first = lines[0] if lines else ""
        title = first if 3 <= len(first) <= 200 and not first.endswith(".") else None
    kind = "StrategyPaper" if title and _STRATEGY.search(title) else "Document"
    first_date = re.search(rf"(?<![\d.])({DATE})(?![\d])", text[:600])
    publisher = None
    editor = re.search(r"(?m)^[ \t]*Herausgeber(?:in)?:[ \t]*([^,\n]+)", text[:2000])
    if editor:  # "Herausgeber: Staatskanzlei des Landes Schleswig-Holstein, Zentrales IT-Management, Kiel"
        publisher = office_role(text, editor.start(1), editor.end(1), "sovkg_structure:publisher")
    return DocumentPart(kind=kind, start=0, end=len(text), title=title, publisher=publisher,
                        date=iso_date(first_date.group(1)) if first_date else None)
