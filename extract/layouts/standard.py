"""Kleine Anfragen and Antworten laid out as most parliaments lay them out.

A header (Wahlperiode, Drucksache, dates), the asking members and their party, a
title, a preamble ("Vorbemerkung"), numbered questions; the Antwort names the
answering ministry ("Die Ministerin für … hat die Kleine Anfrage … namens der
Landesregierung im Einvernehmen mit … beantwortet") and repeats each question before
its answer, or answers under "Zu 1.:" headings. The patterns hold for line-broken
text and for text flattened to one line, as from PDF. The Landtag NRW, the
Bundestag, Baden-Württemberg and Saxony's ministers' letters are variants of this
family (their modules choose it); the generic layout uses it for any other paper.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from sovkg.extract.layouts.base import Layout, Paper
from sovkg.extract.layouts.common import (
    ASKERS,
    DATE,
    DRUCKSACHE,
    OFFICE,
    ORIGINAL,
    PREAMBLE,
    WAHLPERIODE,
    agreed_offices,
    askers,
    compact,
    find_parliament,
    government_name,
    headed_answers,
    iso_date,
    items,
    office_role,
    parliament_name,
    parliaments,
    preamble,
    questions,
    questions_and_answers,
)
from sovkg.extract.layouts.documents import document_parts
from sovkg.extract.records import DocumentPart, Role, Section


class StandardLayout(Layout):
    """The family's reader; a subclass names its parliament (``parliaments.tsv``)."""


    def detect(self, paper: Paper) -> float:
        named = find_parliament(paper.head)
        return 0.9 if named is not None and named.code == self.parliament_code else 0.0

    def parse(self, paper: Paper) -> list[DocumentPart]:
        return parse_paper(paper) or document_parts(paper)


def parse_paper(paper: Paper) -> list[DocumentPart] | None:
    """A Kleine Anfrage, its Antwort, or both; None if the text is neither."""
    text, header_text = paper.text, paper.header
    antwort = _ANTWORT.search(text)
    parts: list[DocumentPart] = []
    if antwort is not None:
        boundary = _part_boundary(text, antwort.start())
        if boundary > 0 and _looks_like_anfrage(text[:boundary]):
            parts.append(_kleine_anfrage(text, 0, boundary, header_text))
        else:
            boundary = 0  # what precedes is the Antwort's own header
        parts.append(_antwort(text, boundary, len(text), header_text, antwort.end()))
        if len(parts) == 2:
            parts = _both(text, parts[0], parts[1])
    elif _looks_like_anfrage(text):
        parts.append(_kleine_anfrage(text, 0, len(text), header_text))
    else:
        return None
    return parts


def _both(text: str, anfrage: DocumentPart, antwort: DocumentPart) -> list[DocumentPart]:
    filed = _FILED.search(text)
    if filed:  # the filing note closes a paper holding both: the question arrived then
        anfrage = replace(anfrage, date=iso_date(filed.group(1)), issued=iso_date(filed.group(2)))
        antwort = replace(antwort, issued=antwort.issued or iso_date(filed.group(2)))
    return _link_pair(anfrage, antwort)


_HEADER_DATE = re.compile(r"(?:Wahlperiode|Drucksache\s+\d{1,2}/\d{1,6})\s+(\d{1,2}\.\d{1,2}\.\d{4})\b")
_ANTWORT = re.compile(
    r"(?m)(?:^[ \t]*Antwort[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*der[ \t]+(?:Landes|Bundes|Staats)regierung"
    r"|\bAntwort[ \t]+der[ \t]+(?:Landes|Bundes|Staats)regierung"
    # Baden-Württemberg: a heading "Antwort" over "Mit Schreiben vom … beantwortet das …"
    r"|^[ \t]*Antwort[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*(?=Mit[ \t]+Schreiben[ \t]+vom)"
    # a minister's letter (Sachsen): "… beantworte ich die Kleine Anfrage wie folgt:"
    r"|\bbeantworte[ \t]+ich[ \t]+die[ \t]+Kleine[ \t]+Anfrage[ \t]+wie[ \t]+folgt[ \t]*:?)"
)
_KA_NUMBER = re.compile(r"(?<!die )(?<!der )Kleine\s+Anfrage\s+(\d{1,6})\b")
_REFERENCE = re.compile(
    rf"auf\s+die\s+Kleine\s+Anfrage(?:\s+(?P<num>\d{{1,6}}))?(?:\s+vom\s+(?P<date>{DATE}))?"
)
_ANSWERED = re.compile(
    rf"(?P<lead>(?:Der|Die)\s+(?:{OFFICE})[^.]{{0,250}}?)\s+hat\s+die\s+Kleine\s+Anfrage"
    rf"(?:\s+(?P<num>\d{{1,6}}))?\s+mit\s+Schreiben\s+vom\s+(?P<date>{DATE})"
    rf"(?:\s+namens\s+der\s+(?P<gov>Landesregierung|Bundesregierung|Staatsregierung|Senats?))?"
    rf"(?:\s+im\s+Einvernehmen\s+mit\s+(?P<agree>[^.]{{0,700}}?))?\s+beantwortet",
    re.DOTALL,
)
#: Baden-Württemberg: "Mit Schreiben vom 6. Mai 2025 Nr. STM-0452 beantwortet das Staatsministerium
#: im Einvernehmen mit … die Kleine Anfrage wie folgt"
_ANSWERED_LETTER = re.compile(
    rf"Mit\s+Schreiben\s+vom\s+(?P<date>{DATE})(?:\s+Nr\.\s+\S+)?\s+beantwortet\s+"
    rf"(?P<lead>(?:das|der|die)\s+(?:{OFFICE})[^.]{{0,200}}?)"
    rf"(?:\s+im\s+Einvernehmen\s+mit\s+(?P<agree>[^.]{{0,700}}?))?\s+die\s+Kleine\s+Anfrage",
    re.DOTALL,
)
_FILED = re.compile(rf"Eing(?:egangen|ang)\s*:\s*({DATE})\s*/?\s*Ausgegeben\s*:\s*({DATE})")
_TRANSMITTED = re.compile(
    rf"namens\s+der\s+(?P<gov>Bundesregierung|Landesregierung)\s+mit\s+Schreiben\s+des\s+"
    rf"(?P<lead>[^.]{{5,200}}?)\s+vom\s+(?P<date>{DATE})\s+übermittelt",
    re.DOTALL,
)
_KA_PREAMBLE = re.compile(r"Vorbemerkung\s+der\s+(?:Kleinen\s+Anfrage|Fragesteller\w*(?:\s+und\s+Fragesteller)?)")
_GOVERNMENT_PREAMBLE = re.compile(r"Vorbemerkung\s+der\s+(?:Landes|Bundes|Staats)regierung")
_ASK_LINE = re.compile(
    r"(?:Vor\s+diesem\s+Hintergrund\s+)?(?:fragen\s+wir|frage\s+ich|Wir\s+fragen|Ich\s+frage)"
    r"\s+die\s+(?:Landes|Bundes|Staats)regierung\s*:?"
)
def _part_boundary(text: str, antwort_start: int) -> int:
    """Where the Antwort's page header begins ("18. Wahlperiode  24.04.2025  Antwort")."""
    window_start = max(0, antwort_start - 80)
    headers = list(WAHLPERIODE.finditer(text, window_start, antwort_start))
    if headers:
        return headers[-1].start()
    return text.rfind("\n", 0, antwort_start) + 1


def _looks_like_anfrage(text: str) -> bool:
    head = text[:2500]
    return bool(_KA_NUMBER.search(head) or (ASKERS.search(head) and not _REFERENCE.search(head)))


def _common(text: str, start: int, end: int, header_text: str) -> dict:
    head = text[start:min(end, start + 1200)]
    fields: dict = {}
    wp = WAHLPERIODE.search(head) or WAHLPERIODE.search(header_text)
    if wp:
        fields["wahlperiode"] = int(wp.group(1))
    fields["parliament"] = parliament_name(header_text + "\n" + head)
    original = ORIGINAL.search(text, start, end)
    filed = _FILED.search(text, start, end)
    if filed:  # when the Kleine Anfrage came in, and when the paper was issued
        fields["filed"] = (iso_date(filed.group(1)), iso_date(filed.group(2)))
    if original:
        fields["date"] = iso_date(original.group(1))
        fields["issued"] = iso_date(original.group(2)) if original.group(2) else None
    else:
        # Bundestag papers date the Drucksache in the header ("20. Wahlperiode 12.02.2025")
        header_date = _HEADER_DATE.search(header_text + "\n" + head[:400])
        if header_date:
            fields["date"] = iso_date(header_date.group(1))
    return fields


def _kleine_anfrage(text: str, start: int, end: int, header_text: str) -> DocumentPart:
    fields = _common(text, start, end, header_text)
    received, issued = fields.pop("filed", (None, None))
    if received:
        fields["date"], fields["issued"] = received, issued
    number = _KA_NUMBER.search(text, start, min(end, start + 2500))
    askers_match = ASKERS.search(text, start, min(end, start + 2500))
    members, party, askers_end = askers(text, askers_match.end(), end) if askers_match else ((), None, start)
    drucksache = DRUCKSACHE.search(text, start, min(end, start + 600)) or DRUCKSACHE.search(header_text)
    title = _title_after(text, askers_end, end)
    if not title and askers_match:
        title = _line_before(text, askers_match.start(), start)
    preamble_start = askers_end
    ask_line = _ASK_LINE.search(text, preamble_start, end)
    asked = questions(text, ask_line.end() if ask_line else preamble_start, end)
    sections = list(asked)
    remarks = preamble(text, preamble_start, ask_line.start() if ask_line else
                       (asked[0].start if asked else end), title, "members")
    if remarks:
        sections.insert(0, remarks)
    part = DocumentPart(
        kind="KleineAnfrage", start=start, end=end, title=title,
        drucksache=compact(drucksache.group(1)) if drucksache else None,
        number=number.group(1) if number else None,
        askers=members, party=party, sections=tuple(sections), **fields,
    )
    return _checked_dates(part)


def _antwort(text: str, start: int, end: int, header_text: str, body_start: int) -> DocumentPart:
    fields = _common(text, start, end, header_text)
    _received, issued = fields.pop("filed", (None, None))
    fields["issued"] = fields.get("issued") or issued
    own = DRUCKSACHE.search(text, start, body_start) or DRUCKSACHE.search(header_text)
    reference = _REFERENCE.search(text, body_start, min(end, body_start + 600))
    cited = None
    title_from = body_start
    if reference:
        askers_match = ASKERS.match(text, reference.end()) or ASKERS.search(text, reference.end(), reference.end() + 40)
        members, party, askers_end = askers(text, askers_match.end(), end) if askers_match else ((), None, reference.end())
        # "Drucksache 20/14893" or, on Bundestag cover pages, "– Drucksache 21/1592 –"
        drucksache = re.match(r"\s*[–-]?\s*Drucksache\s+(\d{1,2}/\d{1,6})(?:\s*[–-](?=\s))?", text[askers_end:askers_end + 40])
        if drucksache:
            askers_end += drucksache.end()
        title_from = askers_end
        cited = DocumentPart(
            kind="KleineAnfrage", start=reference.start(), end=askers_end, in_file=False,
            number=reference.group("num"), date=iso_date(reference.group("date") or ""),
            drucksache=drucksache.group(1) if drucksache else None,
            wahlperiode=fields.get("wahlperiode"), parliament=fields.get("parliament"),
            askers=members, party=party,
        )
    title = _title_after(text, title_from, end)
    if cited is None:
        cited = _cited_in_letter(text, start, body_start, fields)
        title = cited.title if cited is not None and cited.title else title
    answered = _ANSWERED.search(text, start, end) or _TRANSMITTED.search(text, start, end) \
        or _ANSWERED_LETTER.search(text, start, end)
    roles: dict = {}
    if answered:
        roles = _ministries(text, answered, fields.get("parliament") or land_named_most(text))
        if not ORIGINAL.search(text, start, end):  # the letter is the original
            fields["date"] = iso_date(answered.group("date"))
    elif (letterhead := _LETTERHEAD.search(text, start, body_start)) is not None:
        roles = {"answered_by": Role(letterhead.start(), letterhead.end(), letterhead.group(0), "GovernmentBody",
                                     _title_case(letterhead.group(0)), "sovkg_structure:answered-by")}
    numbered = items(text, title_from, end)
    first_question = numbered[0][1] if numbered else end
    # Landtag papers name the answering ministry before the questions, Bundestag
    # papers after the last answer; only the former bounds the preamble.
    early = answered.start() if answered and answered.start() < first_question else None
    members = _KA_PREAMBLE.search(text, title_from, first_question)
    government = _GOVERNMENT_PREAMBLE.search(text, title_from, first_question)
    sections: list[Section] = []
    if members:
        stops = [p for p in (early, government.start() if government else None, first_question)
                 if p is not None and p > members.end()]
        section = preamble(text, members.end(), min(stops), None, "members")
        if section:
            sections.append(section)
    if government:
        section = preamble(text, government.end(), first_question, None, "government")
        if section:
            sections.append(section)
    headed = headed_answers(text, title_from, end, last_end=_signature_start(text, title_from, end))
    sections += headed or questions_and_answers(text, first_question, _answers_end(text, answered, end))
    if cited is not None and title:
        cited = replace(cited, title=title)
    part = DocumentPart(
        kind="Antwort", start=start, end=end, title=title,
        drucksache=compact(own.group(1)) if own else None, answers=cited,
        sections=tuple(sections), **roles, **fields,
    )
    return _checked_dates(part)


def _answers_end(text: str, answered: re.Match[str] | None, end: int) -> int:
    """The last answer ends before a closing transmission note ("Die Antwort wurde …")
    or the greeting of a minister's letter."""
    if answered is not None and answered.re is _TRANSMITTED:
        sentence = text.rfind("Die Antwort wurde", 0, answered.start())
        return sentence if sentence != -1 else answered.start()
    greeting = text.rfind("Mit freundlichen Grüßen", 0, end)
    return greeting if greeting != -1 else end


#: a ministry's letterhead in capitals: "SÄCHSISCHES STAATSMINISTERIUM FÜR WISSENSCHAFT, KULTUR UND TOURISMUS"
_LETTERHEAD = re.compile(r"\b(?:[A-ZÄÖÜ]+ES\s+)?[A-ZÄÖÜ]*MINISTERIUM(?:,?\s+(?:FÜR|DER|DES|UND|[A-ZÄÖÜ]{3,}(?![a-zäöü])))+")
_LETTER_CITATION = re.compile(r"Kleine\s+Anfrage\s+(?=(?:der|des)\s+(?:Abgeordneten|Abg\.)\s)")


def _cited_in_letter(text: str, start: int, body_start: int, fields: dict) -> DocumentPart | None:
    """A minister's letter names the Kleine Anfrage it answers in its subject lines:
    "Kleine Anfrage des Abgeordneten X (Fraktion BSW) Drs.-Nr.: 8/3276 Thema: …"."""
    citations = list(_LETTER_CITATION.finditer(text, start, body_start))
    if not citations:
        return None
    citation = citations[-1]
    askers_match = ASKERS.match(text, citation.end())
    members, party, askers_end = askers(text, askers_match.end(), body_start)
    drucksache = re.compile(r"(?:Drs\.-Nr\.|Drucksache)\s*:?\s*(\d{1,2}/\d{1,6})").search(text, askers_end, body_start)
    topic = re.compile(r"Thema:\s*(.{5,300}?)(?=\s+(?:Sehr\s+geehrte|Eingang|Drs\.)|\s*\n|$)").search(text, askers_end, body_start)
    return DocumentPart(
        kind="KleineAnfrage", start=citation.start(), end=askers_end, in_file=False,
        drucksache=drucksache.group(1) if drucksache else None, title=topic.group(1).strip() if topic else None,
        wahlperiode=fields.get("wahlperiode"), parliament=fields.get("parliament"), askers=members, party=party,
    )


def _title_case(capitals: str) -> str:
    small = {"FÜR": "für", "DER": "der", "DES": "des", "UND": "und"}
    return " ".join(small.get(w, w.capitalize()) for w in capitals.split())


def _link_pair(anfrage: DocumentPart, antwort: DocumentPart) -> list[DocumentPart]:
    """A file holding both: the Antwort's citation completes the Kleine Anfrage; a paper
    holding both and citing none ("Kleine Anfrage … und Antwort …", Baden-Württemberg)
    gives the Antwort its Drucksache, header and title."""
    cited = antwort.answers
    if cited is not None:
        anfrage = _filled(anfrage, cited, "drucksache", "number", "date", "wahlperiode", "askers", "party")
    else:
        antwort = replace(_filled(antwort, anfrage, "drucksache", "wahlperiode", "parliament"),
                          title=anfrage.title or antwort.title)
    return [anfrage, replace(antwort, answers=anfrage)]


def _filled(part: DocumentPart, source: DocumentPart, *fields: str) -> DocumentPart:
    """``part`` with its empty ``fields`` taken from ``source``."""
    return replace(part, **{f: getattr(part, f) or getattr(source, f) for f in fields})


def _checked_dates(part: DocumentPart) -> DocumentPart:
    if part.date and part.issued and part.issued < part.date:
        note = f"issue date {part.issued} is before the date of the original {part.date}; not trusted"
        return replace(part, issued=None, notes=part.notes + (note,))
    return part


def _title_after(text: str, start: int, end: int) -> str | None:
    """The title that follows the askers: the next line, or in flattened text the words
    up to the question mark or the preamble."""
    rest = text[start:min(end, start + 600)]
    stripped = rest.lstrip(" \t")
    if stripped.startswith("\n") or "\n" in rest[:300]:
        for line in rest.split("\n"):
            line = line.strip()
            if not line:
                continue
            if PREAMBLE.match(line) or ORIGINAL.match(line) or re.match(r"Drucksache\s", line):
                return None
            if re.fullmatch(r"und|Antwort|(?:des|der)\s+\w+(?:\s+\w+){0,8}", line):
                continue  # "und / Antwort / des Staatsministeriums": a cover naming both papers
            return line if len(line) <= 300 else None
        return None
    flat = re.match(r"\s*(.{5,300}?(?:\?|(?=\s+Vorbemerkung)|(?=\s+Die\s+(?:Minister|Ministerin)\s)))", rest)
    return flat.group(1).strip() if flat else None


def _line_before(text: str, position: int, floor: int) -> str | None:
    line_end = text.rfind("\n", floor, position)
    if line_end == -1:
        return None
    line_start = text.rfind("\n", floor, line_end) + 1
    line = text[line_start:line_end].strip()
    return line if 5 <= len(line) <= 300 else None


def _signature_start(text: str, start: int, end: int) -> int:
    """The last answer ends before the signature and the filing note ("Eingegangen: …")."""
    note = re.search(r"(?m)^[ \t]*(?:Eingegangen|Ausgegeben)\s*:", text[start:end])
    stop = start + note.start() if note else end
    signature = re.search(r"\n[ \t]*\n(?:[ \t]*(?:Dr\.|Prof\.)?[ \t]*[A-ZÄÖÜ][\w-]+[ \t]*\n)"
                          r"(?:[^\n]*(?:minister|Minister|Staatskanzlei|Staatssekretär)[^\n]*\n?)\s*$", text[start:stop])
    return start + signature.start() if signature else stop


def _ministries(text: str, answered: re.Match[str], parliament: str | None) -> dict:
    lead_start = answered.start("lead")
    lead = office_role(text, lead_start, answered.end("lead"), "sovkg_structure:answered-by")
    roles: dict = {"answered_by": lead}
    gov = answered.groupdict().get("gov")
    government = government_name(gov, parliament)
    if gov:
        roles["on_behalf_of"] = Role(answered.start("gov"), answered.end("gov"), answered.group("gov"),
                                     "GovernmentBody", government, "sovkg_structure:on-behalf-of")
    if answered.groupdict().get("agree"):
        roles["in_agreement_with"] = agreed_offices(text, answered.start("agree"), answered.end("agree"), government)
    return roles


@lru_cache(maxsize=1)
def _land_names() -> re.Pattern[str]:
    lands = sorted((p.land for p in parliaments() if p.land), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(land) for land in lands) + r")(?![\w-])")


def land_named_most(text: str) -> str | None:
    """The Land a paper is about when its header does not say: the one it names more
    often than any other, as "Landtag <Land>" for naming its government only."""
    named = Counter(match.group(0) for match in _land_names().finditer(text))
    counts = sorted(((named[p.land], p.land) for p in parliaments() if p.land), reverse=True)
    (count, land), (runner_up, _) = counts[0], counts[1]
    return f"Landtag {land}" if count >= 1 and count > runner_up else None



