"""Papers that hold a Kleine Anfrage and its Antwort, as most Landtage print them today.

A first page names the parliament, Wahlperiode, Drucksache and date; a cover names the
asking members, the title and the answering office ("und Antwort der Landesregierung –
Ministerin für …", "A n t w o r t des Ministeriums für …", "Der Minister … hat namens
der Landesregierung die Kleine Anfrage mit Schreiben vom … beantwortet"); preliminary
remarks follow, then the questions, each with its answer below it or under a label
("Zu 1.:", "Antwort zu Frage 1:", "Antwort:"), or all questions first and the
labelled answers after them.

The parliaments of this family differ in their cover's wording; each has a module
that subclasses :class:`CombinedLayout` with its own cues (the class attributes).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sovkg.extract.layouts.base import Layout, Paper
from sovkg.extract.layouts.common import (
    ASKERS, DATE, DRUCKSACHE, SHORT_DATE, SUBJECT, WAHLPERIODE, agreed_offices, askers, compact, find_parliament,
    government_name, iso_date, labelled_answers, office_role, parliament, trim,
)
from sovkg.extract.records import DocumentPart, Section

_OFFICE_WORDS = r"(?:Thüringer\s+|Hessische[sn]?\s+)?(?:Minister(?:in|ium)?|Staatsminister(?:in|ium)?|Senat\w*|\w+ministeri\w+)"
#: how the Antwort names the answering office, most explicit first; each has a group ``lead``
ANSWERED = (
    re.compile(rf"(?:Das|Der|Die)\s+(?P<lead>{_OFFICE_WORDS}[^\n]{{0,200}}?(?:\n[^\n]{{0,200}}?)?)\s+hat\s+"
               rf"(?:die\s+Kleine\s+Anfrage\s+)?namens\s+der\s+Landesregierung\s+(?:die\s+Kleine\s+Anfrage\s+)?"
               rf"mit\s+Schreiben\s+vom\s+(?P<date>{DATE})"),
    re.compile(r"Namens\s+der\s+Landesregierung\s+beantwortet\s+(?P<lead>(?:der|die|das)\s+[^\n]+?(?:\n[^\n]+?)?)"
               r"\s+die\s+Kleine\s+Anfrage"),
    re.compile(r"erstellt\s+vom\s+(?P<lead>[^\n]+)"),
    re.compile(rf"(?m)^[ \t]*(?:und\s+)?Antwort(?:\s+der\s+Landesregierung)?[ \t]*(?:[–-][ \t]*|\n[ \t]*)"
               rf"(?P<lead>{_OFFICE_WORDS}\b[^\n]*(?:(?<=,)[ \t]*\n[^\n]+)?)"),
    re.compile(r"(?m)^[ \t]*(?:A[ \t]?n[ \t]?t[ \t]?w[ \t]?o[ \t]?r[ \t]?t|ANTWORT)[ \t]*\n\s*"
               rf"(?P<lead>de[rs][ \t]+{_OFFICE_WORDS}[^\n]*)"),
    re.compile(r"(?:und\s+)?Antwort\s+(?P<lead>des\s+Senats)|(?P<lead2>Der\s+Senat)\s+beantwortet"),
    re.compile(r"(?m)^[ \t]*(?P<lead>Senatsverwaltung\s+für\b[^\n]*(?:\n[^\n]+)?)$"),
)
_AGREED = re.compile(r"im\s+Einvernehmen\s+mit\s+(?P<agree>[^:]{5,300}?)\s+(?:wie\s+folgt|die\s+Kleine\s+Anfrage)")
#: the Kleine Anfrage's own Drucksache, cited by the Antwort: "zu Drucksache 18/12301", "(zu Drs. 21/1102)",
#: "Drucksache 17/1388 (17/1302)", or after the askers ("… (CDU-Fraktion)\nDrucksache 8/1498")
_CITED = re.compile(r"zu\s+(?:Drucksache|Drs\.)\s*(?P<a>\d{1,2}/\d{1,6})|Drucksache\s+\d{1,2}/\d{1,6}\s*\((?P<b>\d{1,2}/\d{1,6})\)")
_ASKED_ON = re.compile(rf"(?:Kleine\s+Anfrage[^\n]{{0,40}}?|\)\s*|^)\s*vom\s+(?P<date>{SHORT_DATE})", re.MULTILINE)
_VOM = re.compile(rf"[ \t]*vom\s+(?P<date>{SHORT_DATE})")
_ANSWERED_ON = re.compile(rf"(?:Antwort|Mitteilung\s+des\s+Senats)\s+vom\s+(?P<date>{DATE})"
                          rf"|(?m:^[ \t]*[A-ZÄÖÜ][\w .-]{{1,30}},\s+(?:den\s+)?(?P<signed>{DATE})[ \t]*$)")
_HEADER_DATE = re.compile(rf"(?m)^[ \t]*(?P<date>{SHORT_DATE}|\d{{4}}-\d{{2}}-\d{{2}})[ \t]*$")
_MEMBERS_REMARKS = re.compile(r"Vorbemerkung\s+(?:der\s+|des\s+)?(?:Fragesteller\w*|Abgeordneten|Kleinen\s+Anfrage)\s*:?")
_GOVERNMENT_REMARKS = re.compile(
    r"(?m)^[ \t]*Vorbemerkung(?:\s+(?:der|des)\s+(?:Landesregierung|Senats|Verwaltung|Staatsregierung)"
    r"|\s+(?:Minister|Senat)[^\n:]*)?[ \t]*:?"
)
_TRANSITION = re.compile(
    r"(?m)^[^\n]*(?:vorangestellt|vorausgeschickt|beantworte\w*|[Ff]rage[n]?\s+(?:ich|wir)|Ich\s+frage|Wir\s+fragen"
    r"|folgenden\s+Wortlaut)\b"
)
#: what ends the last answer: a dated signature, a greeting, the Landtag's notes
_CLOSING = re.compile(
    rf"(?m)^[ \t]*(?:[A-ZÄÖÜ][\w .-]{{1,30}},\s+(?:den\s+)?{DATE}[ \t]*$|Mit\s+freundlichen\s+Grüßen|In\s+Vertretung"
    rf"|\(Ausgegeben\s+am|Beschlussempfehlung:|Hinweise?\s+des\s+Landtagsamt)"
    r"|\n[ \t]*\n[ \t]*(?:(?:Dr\.|Prof\.)\s*)*[A-ZÄÖÜ][\w-]+(?:[ \t]+[A-ZÄÖÜ][\w-]+)?[ \t]*\n"
    r"[ \t]*(?:Staats)?[Mm]inister(?:in)?\b[^\n]*\s*\Z"
)
#: lines of the cover that are no title
_COVER_LINE = re.compile(
    r"(?:und|zu\s+der|(?:und\s+)?(?:Antwort|ANTWORT|A\s+n\s+t\s+w\s+o\s+r\s+t|A\s+N\s+T\s+W\s+O\s+R\s+T)\b.*"
    r"|(?:der|des|die|auf|vom|zum|erstellt)\s.*|(?:Staats)?[Mm]inister(?:in)?\b.*|[–-]?\s*Drucksache\b.*"
    r"|(?:Kleine|Schriftliche)\s+(?:Kleine\s+)?Anfrage\b.*|Mitteilung\s+des\s+.*|Senatsverwaltung\b.*)"
)


class CombinedLayout(Layout):
    """The family's reader; a subclass names its parliament and its cues."""

    cover: re.Pattern[str] = re.compile(r"(?!)")
    """The layout's mark on the first page."""
    asked: re.Pattern[str] = ASKERS
    """Where the askers' names begin (the end of the match)."""
    title_after: re.Pattern[str] | None = None
    """Where the title's search begins, for papers that name no askers."""
    government: str = "Landesregierung"

    def detect(self, paper: Paper) -> float:
        named = find_parliament(paper.head)
        if named is None or named.code != self.parliament_code:
            return 0.0
        return 0.92 if self.cover.search(paper.text[:3000]) else 0.0

    def parse(self, paper: Paper) -> list[DocumentPart]:
        from sovkg.extract.layouts.generic import GenericLayout

        sections = labelled_answers(paper.text, 0, _answers_end(paper.text))
        if not any(s.kind == "answer" for s in sections):
            return GenericLayout().parse(paper)
        return read_combined(paper, self, sections)


def read_combined(paper: Paper, layout: CombinedLayout, sections: list[Section]) -> list[DocumentPart]:
    text, name = paper.text, parliament(layout.parliament_code).name
    header = _header(paper, name)
    asked = layout.asked.search(text, 0, 3000)
    members, party, block_end = askers(text, asked.end(), len(text)) if asked else ((), None, 0)
    if layout.title_after is not None and (after := layout.title_after.search(text, 0, 3000)):
        block_end = max(block_end, after.end())
    questions = [s for s in sections if s.kind == "question"]
    answers = [s for s in sections if s.kind == "answer"]
    boundary = _boundary(text, answers[0].start, questions)
    title = _title(text, block_end, questions[0].start if questions else boundary)
    asked_on = _VOM.match(text, block_end) or _ASKED_ON.search(text, block_end, boundary)
    cited = _CITED.search(text, 0, 2500)
    anfrage = DocumentPart(
        kind="KleineAnfrage", start=0, end=boundary, title=title, askers=members, party=party,
        drucksache=(cited.group("a") or cited.group("b")) if cited else _after_askers(text, block_end) or header["drucksache"],
        date=iso_date(asked_on.group("date")) if asked_on else None, wahlperiode=header["wahlperiode"],
        parliament=name, sections=tuple(_remarks(text, _MEMBERS_REMARKS, questions, "members")) + tuple(questions),
    )
    antwort = DocumentPart(
        kind="Antwort", start=boundary, end=len(text), title=title, answers=anfrage,
        sections=tuple(_remarks(text, _GOVERNMENT_REMARKS, questions, "government")) + tuple(answers),
        **header, **_offices(text, layout, name),
    )
    return [anfrage, replace(antwort, date=antwort.date or _answered_on(text))]


def _header(paper: Paper, name: str) -> dict:
    head = paper.header + "\n" + paper.text[:600]
    wahlperiode, drucksache, dated = WAHLPERIODE.search(head), DRUCKSACHE.search(head), _HEADER_DATE.search(head)
    issued = dated.group("date") if dated else None
    return {
        "wahlperiode": int(wahlperiode.group(1)) if wahlperiode else None, "parliament": name,
        "drucksache": compact(drucksache.group(1)) if drucksache else None,
        "issued": (issued if issued and "-" in issued else iso_date(issued or "")),
    }


def _after_askers(text: str, block_end: int) -> str | None:
    """A Drucksache right after the askers cites the Kleine Anfrage ("… (CDU-Fraktion)\nDrucksache 8/1498")."""
    found = re.match(r"\s*[–-]?\s*Drucksache\s+(\d{1,2}/\d{1,6})", text[block_end:block_end + 60])
    return found.group(1) if found else None


def _boundary(text: str, first_answer: int, questions: list[Section]) -> int:
    """The Antwort begins with the government's remarks or the first answer."""
    remarks = [m.start() for m in _GOVERNMENT_REMARKS.finditer(text, 0, first_answer)
               if not _MEMBERS_REMARKS.match(text, m.start() + len(m.group(0)) - len(m.group(0).lstrip()))]
    first_question = questions[0].start if questions else first_answer
    return min([first_answer, *[r for r in remarks if r < first_question]])


def _title(text: str, start: int, end: int) -> str | None:
    """The subject: after a "Betr.:" or "zum Thema:" marker, else the first lines of the
    cover that are neither cover words nor the run-on of an office's name."""
    taken: list[str] = []
    run_on = False
    for raw in text[start:end].split("\n"):
        line = raw.strip()
        subject = SUBJECT.match(line)
        if subject is not None:
            line = line[subject.end():]
        elif not line or run_on or _COVER_LINE.fullmatch(line) or line.startswith("Vorbemerkung"):
            if taken:
                break
            run_on = bool(line) and _runs_on(line)
            continue
        if line:
            taken.append(line)
            if not _runs_on(line):
                break
    return re.sub(r"\s+", " ", " ".join(taken)).strip() or None


def _runs_on(line: str) -> bool:
    """A line that ends mid-phrase: the phrase goes on in the next line."""
    return bool(re.search(r"[-–,]$|\b(?:und|der|des|die|für|von|im|in|zur|zum|mit|auf|bei)$", line))


def _remarks(text: str, heading: re.Pattern[str], questions: list[Section], author: str) -> list[Section]:
    first_question = questions[0].start if questions else len(text)
    for match in heading.finditer(text, 0, first_question):
        if author == "government" and _MEMBERS_REMARKS.match(text, match.end() - len(match.group(0).lstrip())):
            continue
        stops = [m.start() for m in (_GOVERNMENT_REMARKS.search(text, match.end(), first_question),
                                     _TRANSITION.search(text, match.end(), first_question)) if m]
        s, e = trim(text, match.end(), min([first_question, *stops]))
        if e - s >= 40:
            return [Section("preamble", (), s, e, text[s:e], author=author)]
    return []


def _offices(text: str, layout: CombinedLayout, name: str) -> dict:
    government = government_name(layout.government, name)
    for pattern in ANSWERED:
        found = pattern.search(text, 0, 4000)
        if found is None:
            continue
        group = "lead" if found.group("lead") else "lead2"
        lead = office_role(text, found.start(group), found.end(group), "sovkg_structure:answered-by")
        roles: dict = {"answered_by": replace(lead, name=_office_name(lead.name, government)) if lead else None}
        if "date" in pattern.groupindex and found.group("date"):
            roles["date"] = iso_date(found.group("date"))
        agreed = _AGREED.search(text, 0, 6000)
        if agreed:
            roles["in_agreement_with"] = agreed_offices(text, agreed.start("agree"), agreed.end("agree"), government)
        return roles
    return {"on_behalf_of": None}


def _office_name(name: str, government: str) -> str:
    """"Senats" is the Senate of the Land; a name's line breaks are spaces."""
    name = re.sub(r"\s+", " ", name).rstrip(" ,")
    return government if name in ("Senat", "Landesregierung") else name


def _answered_on(text: str) -> str | None:
    found = _ANSWERED_ON.search(text)
    return iso_date(found.group("date") or found.group("signed")) if found else None


def _answers_end(text: str) -> int:
    found = _CLOSING.search(text, len(text) // 3)
    return found.start() if found else len(text)

