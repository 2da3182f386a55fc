"""Bayerischer Landtag: "Schriftliche Anfrage" and the Antwort of a Staatsministerium.

One Drucksache holds both. The header gives Wahlperiode, Drucksache and the date of
issue; then::

    Schriftliche Anfrage
    des Abgeordneten Lukas Brandl BÜNDNIS 90/DIE GRÜNEN
    vom 13.01.2025

    <title>
    <preamble>
    Ich frage die Staatsregierung:
    1.1 …?  1.2 …?  2.1 …?  4. …?

    Antwort
    des Staatsministeriums für Digitales [im Einvernehmen mit …]
    vom 21.02.2025

and each question again with its answer below it. Questions are numbered with
sub-numbers ("1.1"); an agreement may also stand in a sentence of its own ("Die
Schriftliche Anfrage wird im Einvernehmen mit … wie folgt beantwortet:").
"""

from __future__ import annotations

import re
from dataclasses import replace

from sovkg.extract.layouts.base import Layout, Paper, register
from sovkg.extract.layouts.common import (
    DATE, DRUCKSACHE, WAHLPERIODE, agreed_offices, askers, government_name, headed_answers, iso_date, items,
    office_role, parliament, preamble, questions, questions_and_answers,
)
from sovkg.extract.records import DocumentPart

_ASKED = re.compile(r"Schriftliche\s+Anfrage\s+(?:der|des)\s+(?:Abgeordneten|Abg\.)\s+")
_ASKED_ON = re.compile(rf"\s*vom\s+(?P<date>{DATE})")
_ASK_LINE = re.compile(r"Ich\s+frage\s+die\s+Staatsregierung\s*:?")
_ANSWERED = re.compile(
    rf"(?m)^[ \t]*Antwort[ \t]*\n[ \t]*(?P<lead>de[rs][ \t]+[^\n]+?)"
    rf"(?:\s+im\s+Einvernehmen\s+mit\s+(?P<agree>[^\n]+?))?\s+vom\s+(?P<date>{DATE})"
)
_AGREED = re.compile(r"im\s+Einvernehmen\s+mit\s+(?P<agree>[^.:]{5,300}?)\s+wie\s+folgt\s+beantwortet")
#: what the Landtagsamt appends after the last answer
_CLOSING = re.compile(r"(?m)^[ \t]*(?:Hinweise?\s+des\s+Landtagsamts|Drucksachen,\s+Plenarprotokolle\s+sowie)")
_HEADER_DATE = re.compile(rf"(?:Wahlperiode|Drucksache\s+\d{{1,2}}/\d{{1,6}})\s+({DATE})")


@register("bayern")
class BayernLayout(Layout):
    name = "bayern"
    parliament_code = "by"

    def detect(self, paper: Paper) -> float:
        named = parliament(self.parliament_code).pattern.search(paper.head)
        return 0.95 if named and _ASKED.search(paper.text[:2500]) else 0.0

    def parse(self, paper: Paper) -> list[DocumentPart]:
        from sovkg.extract.layouts.generic import GenericLayout

        asked = _ASKED.search(paper.text)
        answered = _ANSWERED.search(paper.text, asked.end()) if asked else None
        if asked is None or answered is None:
            return GenericLayout().parse(paper)
        header = _header(paper)
        anfrage = _anfrage(paper.text, asked, answered.start(), header)
        antwort = _antwort(paper.text, answered, header)
        return [anfrage, replace(antwort, title=anfrage.title, answers=anfrage)]


def _header(paper: Paper) -> dict:
    head = paper.header + "\n" + paper.text[:400]
    wahlperiode = WAHLPERIODE.search(head)
    drucksache = DRUCKSACHE.search(head)
    issued = _HEADER_DATE.search(head)
    return {
        "parliament": parliament("by").name,
        "wahlperiode": int(wahlperiode.group(1)) if wahlperiode else None,
        "drucksache": re.sub(r"\s", "", drucksache.group(1)) if drucksache else None,
        "issued": iso_date(issued.group(1)) if issued else None,
    }


def _anfrage(text: str, asked: re.Match[str], end: int, header: dict) -> DocumentPart:
    members, party, block_end = askers(text, asked.end(), end)
    on = _ASKED_ON.match(text, block_end)
    title_start = on.end() if on else block_end
    title = _first_paragraph(text, title_start, end)
    ask_line = _ASK_LINE.search(text, title_start, end)
    asked_questions = questions(text, ask_line.end() if ask_line else title_start, end)
    sections = list(asked_questions)
    remarks_end = ask_line.start() if ask_line else (asked_questions[0].start if asked_questions else end)
    remarks = preamble(text, title_start, remarks_end, title, "members")
    if remarks:
        sections.insert(0, remarks)
    return DocumentPart(
        kind="KleineAnfrage", start=0, end=end, title=title, askers=members, party=party,
        date=iso_date(on.group("date")) if on else None, sections=tuple(sections), **header,
    )


def _antwort(text: str, answered: re.Match[str], header: dict) -> DocumentPart:
    closing = _CLOSING.search(text, answered.end())
    end = closing.start() if closing else len(text)
    numbered = items(text, answered.end(), end)
    first_question = numbered[0][1] if numbered else end
    sections = headed_answers(text, answered.end(), end) or questions_and_answers(text, first_question, end)
    government = government_name("Staatsregierung", header["parliament"])
    agreement = answered if answered.group("agree") else _AGREED.search(text, answered.end(), first_question)
    return DocumentPart(
        kind="Antwort", start=answered.start(), end=len(text), date=iso_date(answered.group("date")),
        answered_by=office_role(text, answered.start("lead"), answered.end("lead"), "sovkg_structure:answered-by"),
        in_agreement_with=agreed_offices(text, agreement.start("agree"), agreement.end("agree"), government)
        if agreement else (),
        sections=tuple(sections), **header,
    )


def _first_paragraph(text: str, start: int, end: int) -> str | None:
    """The title: the lines up to the first blank line."""
    body = text[start:end].lstrip()
    paragraph = re.split(r"\n[ \t]*\n", body, maxsplit=1)[0]
    title = re.sub(r"\s+", " ", paragraph).strip()
    return title if 3 <= len(title) <= 300 else None
