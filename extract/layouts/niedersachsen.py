"""Niedersächsischer Landtag: "Kleine Anfrage zur schriftlichen Beantwortung … mit
Antwort der Landesregierung".

One Drucksache holds both documents. Its cover names the askers and the answering
ministry, then the title, then the history of the question::

    Anfrage der Abgeordneten Sophie Ramdor und Christoph Plett (CDU), eingegangen am
    21.05.2026 - Drs. 19/10739,
    an die Staatskanzlei übersandt am 27.05.2026
    Antwort des Niedersächsischen Justizministeriums namens der Landesregierung vom 17.07.2026

The preliminary remarks of the members and of the government follow under their own
headings, then each numbered question with its answer below it. The Kleine Anfrage
was published before under the Drucksache its history cites ("Drs. 19/10739"); the
paper's own Drucksache (in its running header) is the Antwort's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sovkg.extract.layouts.base import Layout, Paper, register
from sovkg.extract.layouts.common import (
    DATE, DRUCKSACHE, WAHLPERIODE, askers, government_name, headed_answers, iso_date, items, office_role,
    parliament, preamble, questions_and_answers,
)
from sovkg.extract.records import DocumentPart, Role

_COVER = re.compile(r"Kleine\s+Anfrage\s+zur\s+schriftlichen\s+Beantwortung")
_HISTORY = re.compile(
    rf"Anfrage\s+(?:der|des)\s+Abgeordneten\s+(?P<who>[^\n]+?(?:\n[^\n]+?)?),\s+eingegangen\s+am\s+"
    rf"(?P<received>{DATE})\s*[-–]?\s*(?:Drs\.|Drucksache)\s*(?P<drs>\d{{1,2}}/\d{{1,6}})\s*,?\s+"
    rf"an\s+die\s+Staatskanzlei\s+übersandt\s+am\s+(?P<forwarded>{DATE})"
)
_ANSWERED = re.compile(
    rf"Antwort\s+(?P<lead>de[rs]\s+[^\n]+?(?:\n[^\n]+?)?)\s+namens\s+der\s+(?P<gov>Landesregierung)"
    rf"(?:\s+im\s+Einvernehmen\s+mit\s+(?P<agree>[^\n]+?(?:\n[^\n]+?)?))?\s+vom\s+(?P<date>{DATE})"
)
#: the Landtag's distribution note closes the paper: "(verteilt am 28.07.2026)"
_DISTRIBUTED = re.compile(rf"\(verteilt\s+am\s+{DATE}\)\s*$")
_ON_BEHALF = re.compile(r"namens\s+der\s+Landesregierung[ \t]*")
_MEMBERS_REMARKS = re.compile(r"Vorbemerkung\s+de[rs]\s+Abgeordneten")
_GOVERNMENT_REMARKS = re.compile(r"Vorbemerkung\s+der\s+Landesregierung")
#: a footnote mark after a word or a closing quote: "des „Justizskandals“1 um"
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d]|[“”\"»)])\d{1,2}(?=\s|$)")


@register("niedersachsen")
class NiedersachsenLayout(Layout):
    name = "niedersachsen"
    parliament_code = "ni"

    def detect(self, paper: Paper) -> float:
        named = parliament(self.parliament_code).pattern.search(paper.head)
        return 0.95 if named and (_COVER.search(paper.text[:1500]) or _HISTORY.search(paper.text[:3000])) else 0.0

    def parse(self, paper: Paper) -> list[DocumentPart]:
        from sovkg.extract.layouts.generic import GenericLayout

        history = _HISTORY.search(paper.text)
        answered = _ANSWERED.search(paper.text, history.end()) if history else None
        if history is None or answered is None:
            return GenericLayout().parse(paper)
        return _parts(paper, history, answered)


def _parts(paper: Paper, history: re.Match[str], answered: re.Match[str]) -> list[DocumentPart]:
    text = paper.text
    government_remarks = _GOVERNMENT_REMARKS.search(text, answered.end())
    numbered = items(text, government_remarks.end() if government_remarks else answered.end(), len(text))
    first_question = numbered[0][1] if numbered else len(text)
    boundary = government_remarks.start() if government_remarks else first_question
    anfrage = replace(_anfrage(paper, history, answered, boundary, first_question), title=_title(text, history.start()))
    antwort = _antwort(paper, answered, boundary, government_remarks, first_question)
    return [anfrage, replace(antwort, title=anfrage.title, answers=anfrage)]


def _anfrage(paper: Paper, history: re.Match[str], answered: re.Match[str], end: int,
             first_question: int) -> DocumentPart:
    text = paper.text
    members, party, _ = askers(text, history.start("who"), history.end("who") + 1)
    sections = [s for s in questions_and_answers(text, first_question, len(text)) if s.kind == "question"]
    remarks = _MEMBERS_REMARKS.search(text, answered.end(), end)
    if remarks is not None:
        section = preamble(text, remarks.end(), end, None, "members")
        sections = ([section] if section else []) + sections
    return DocumentPart(
        kind="KleineAnfrage", start=0, end=end,
        drucksache=history.group("drs"), wahlperiode=_wahlperiode(paper), parliament=parliament("ni").name,
        date=iso_date(history.group("received")), forwarded=iso_date(history.group("forwarded")),
        askers=members, party=party, sections=tuple(sections),
    )


def _antwort(paper: Paper, answered: re.Match[str], start: int, remarks: re.Match[str] | None,
             first_question: int) -> DocumentPart:
    text = paper.text
    sections = []
    if remarks is not None:
        section = preamble(text, remarks.end(), first_question, None, "government")
        sections = [section] if section else []
    distributed = _DISTRIBUTED.search(text)
    end = distributed.start() if distributed else len(text)
    sections += headed_answers(text, first_question, end) or questions_and_answers(text, first_question, end)
    own = DRUCKSACHE.search(paper.header) or DRUCKSACHE.search(text, 0, 400)
    return DocumentPart(
        kind="Antwort", start=start, end=len(text),
        drucksache=re.sub(r"\s", "", own.group(1)) if own else None, wahlperiode=_wahlperiode(paper),
        parliament=parliament("ni").name, date=iso_date(answered.group("date")), sections=tuple(sections),
        **_offices(text, answered),
    )


def _offices(text: str, answered: re.Match[str]) -> dict:
    name = parliament("ni").name
    roles: dict = {
        "answered_by": office_role(text, answered.start("lead"), answered.end("lead"), "sovkg_structure:answered-by"),
        "on_behalf_of": Role(answered.start("gov"), answered.end("gov"), answered.group("gov"), "GovernmentBody",
                             government_name("Landesregierung", name), "sovkg_structure:on-behalf-of"),
    }
    if answered.group("agree"):
        role = office_role(text, answered.start("agree"), answered.end("agree"), "sovkg_structure:in-agreement-with")
        roles["in_agreement_with"] = (role,) if role else ()
    return roles


def _title(text: str, history_start: int) -> str | None:
    """The subject line(s) between the cover's answer line and the question's history."""
    cover = text[:history_start]
    last = None
    for last in _ON_BEHALF.finditer(cover):
        pass
    if last is None:
        return None
    title = _FOOTNOTE_MARK.sub("", cover[last.end():])
    return re.sub(r"\s+", " ", title).strip() or None


def _wahlperiode(paper: Paper) -> int | None:
    found = WAHLPERIODE.search(paper.header) or WAHLPERIODE.search(paper.text, 0, 400)
    return int(found.group(1)) if found else None

