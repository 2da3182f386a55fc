"""Reading the structure of parliamentary papers: who asked, who answered, what.

Kleine Anfragen and Antworten of the Landtage and the Bundestag follow a fixed
layout: a header (Wahlperiode, Drucksache, dates), the asking members and their
party, a title, a preamble ("Vorbemerkung"), numbered questions; the Antwort names
the answering ministry ("Die Ministerin für … hat die Kleine Anfrage … namens der
Landesregierung im Einvernehmen mit … beantwortet") and repeats each question before
its answer. This module reads that layout from the analysed text with patterns that
hold for line-broken text and for text flattened to one line, as from PDF.

:func:`parse_structure` is a plain function over text, so it is easy to test; the
``sovkg_structure`` component at the end runs it inside the spaCy pipeline and adds
the roles (members, parties, ministries) as mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib.resources import files

from spacy.language import Language
from spacy.tokens import Doc, Span

from sovkg.extract.doctext import doc_text
from sovkg.extract.extensions import register_extensions
from sovkg.extract.records import DocumentPart, Role, Section

# --- dates -------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
DATE = r"\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{4}|(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4})"


def iso_date(text: str) -> str | None:
    """"17.03.2025" or "17. März 2025" → "2025-03-17"; None if it is no valid date."""
    numeric = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", text.strip())
    named = re.fullmatch(r"(\d{1,2})\.\s?([A-Za-zäÄ]+)\s+(\d{4})", text.strip())
    try:
        if numeric:
            d, m, y = (int(g) for g in numeric.groups())
        elif named and named.group(2).lower() in _MONTHS:
            d, m, y = int(named.group(1)), _MONTHS[named.group(2).lower()], int(named.group(3))
        else:
            return None
        return date(y, m, d).isoformat()
    except ValueError:
        return None


# --- lexicons ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def party_forms() -> tuple[tuple[str, str], ...]:
    """(form, canonical name) pairs, longest form first."""
    data = files("sovkg.extract").joinpath("data", "parties.tsv").read_text(encoding="utf-8")
    pairs = []
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, forms = line.split("\t")
        pairs += [(form, canonical) for form in forms.split("|")]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@lru_cache(maxsize=1)
def declined_patterns() -> tuple[re.Pattern[str], ...]:
    data = files("sovkg.extract").joinpath("data", "declined.txt").read_text(encoding="utf-8")
    return tuple(
        re.compile(line, re.IGNORECASE | re.DOTALL)
        for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _party_pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(form) for form, _ in party_forms())
    return re.compile(rf"(?<![\w/])(?:{forms})(?![\w/])")


# --- patterns ----------------------------------------------------------------------

_WS = r"[ \t\r\n]+"
_WAHLPERIODE = re.compile(r"(\d{1,2})\.\s*Wahlperiode")
_DRUCKSACHE = re.compile(r"Drucksache\s+(\d{1,2}[ \t]?/[ \t]?\d{1,6})")  # "17/8734", "17 / 8734"
_HEADER_DATE = re.compile(r"(?:Wahlperiode|Drucksache\s+\d{1,2}/\d{1,6})\s+(\d{1,2}\.\d{1,2}\.\d{4})\b")
_ORIGINAL = re.compile(rf"Datum des Originals:\s*({DATE})\s*/?\s*(?:Ausgegeben:\s*({DATE}))?")
_ANTWORT = re.compile(
    r"(?m)(?:^[ \t]*Antwort[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*der[ \t]+(?:Landes|Bundes|Staats)regierung"
    r"|\bAntwort[ \t]+der[ \t]+(?:Landes|Bundes|Staats)regierung"
    # Baden-Württemberg: a heading "Antwort" over "Mit Schreiben vom … beantwortet das …"
    r"|^[ \t]*Antwort[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*(?=Mit[ \t]+Schreiben[ \t]+vom)"
    # a minister's letter (Sachsen): "… beantworte ich die Kleine Anfrage wie folgt:"
    r"|\bbeantworte[ \t]+ich[ \t]+die[ \t]+Kleine[ \t]+Anfrage[ \t]+wie[ \t]+folgt[ \t]*:?)"
)
_KA_NUMBER = re.compile(r"(?<!die )(?<!der )Kleine\s+Anfrage\s+(\d{1,6})\b")
_ASKERS = re.compile(r"\b(?:der|des)\s+(?:Abgeordneten|Abg\.)\s+")
_REFERENCE = re.compile(
    rf"auf\s+die\s+Kleine\s+Anfrage(?:\s+(?P<num>\d{{1,6}}))?(?:\s+vom\s+(?P<date>{DATE}))?"
)
_OFFICE = (
    r"(?:Bundes)?[Mm]inister(?:in)?\b|(?:[A-ZÄÖÜ][a-zäöüß]+)minister(?:in)?\b"
    r"|Chef(?:in)?\s+der\s+Staatskanzlei|Ministerpräsident(?:in)?|Staatskanzlei|(?:Bundes|Staats)?[Mm]inisterium"
)
_ANSWERED = re.compile(
    rf"(?P<lead>(?:Der|Die)\s+(?:{_OFFICE})[^.]{{0,250}}?)\s+hat\s+die\s+Kleine\s+Anfrage"
    rf"(?:\s+(?P<num>\d{{1,6}}))?\s+mit\s+Schreiben\s+vom\s+(?P<date>{DATE})"
    rf"(?:\s+namens\s+der\s+(?P<gov>Landesregierung|Bundesregierung|Staatsregierung|Senats?))?"
    rf"(?:\s+im\s+Einvernehmen\s+mit\s+(?P<agree>[^.]{{0,700}}?))?\s+beantwortet",
    re.DOTALL,
)
#: Baden-Württemberg: "Mit Schreiben vom 6. Mai 2025 Nr. STM-0452 beantwortet das Staatsministerium
#: im Einvernehmen mit … die Kleine Anfrage wie folgt"
_ANSWERED_LETTER = re.compile(
    rf"Mit\s+Schreiben\s+vom\s+(?P<date>{DATE})(?:\s+Nr\.\s+\S+)?\s+beantwortet\s+"
    rf"(?P<lead>(?:das|der|die)\s+(?:{_OFFICE})[^.]{{0,200}}?)"
    rf"(?:\s+im\s+Einvernehmen\s+mit\s+(?P<agree>[^.]{{0,700}}?))?\s+die\s+Kleine\s+Anfrage",
    re.DOTALL,
)
#: "Zu 1.:", "Zu 5. und 6.:", "Zu Frage 2:": an answer's heading where the questions are not repeated
_ANSWER_HEADING = re.compile(
    r"(?m)^[ \t]*Zu[ \t]+(?:(?:den[ \t]+)?Fragen?[ \t]+)?(?P<nums>\d{1,2}\.?(?:[ \t]*(?:,|und|bis|–|-)[ \t]*\d{1,2}\.?)*)"
    r"[ \t]*:[ \t]*$"
)
#: "Eingegangen: 08.04.2025 / Ausgegeben: 14.05.2025" (Baden-Württemberg), "Eingang: … Ausgegeben: …"
_FILED = re.compile(rf"Eing(?:egangen|ang)\s*:\s*({DATE})\s*/?\s*Ausgegeben\s*:\s*({DATE})")
_TRANSMITTED = re.compile(
    rf"namens\s+der\s+(?P<gov>Bundesregierung|Landesregierung)\s+mit\s+Schreiben\s+des\s+"
    rf"(?P<lead>[^.]{{5,200}}?)\s+vom\s+(?P<date>{DATE})\s+übermittelt",
    re.DOTALL,
)
_SPLIT_OFFICES = re.compile(
    rf"(?:\s*,\s*|\s+und\s+|\s+sowie\s+)(?=(?:de[mnrs]\s+|die\s+)?(?:{_OFFICE}))"
)
_WHOLE_GOVERNMENT = re.compile(
    r"allen\s+(?:übrigen|anderen)\s+Mitgliedern\s+der\s+(?:Landes|Bundes|Staats)regierung"
    r"|allen\s+(?:übrigen\s+|anderen\s+)?Ressorts|der\s+gesamten\s+(?:Landes|Bundes)regierung"
)
_PREAMBLE = re.compile(
    r"Vorbemerkung(?:\s+der\s+(?P<who>Kleinen\s+Anfrage|Fragesteller(?:innen)?(?:\s+und\s+Fragesteller)?|"
    r"Landesregierung|Bundesregierung|Staatsregierung))?"
)
_KA_PREAMBLE = re.compile(r"Vorbemerkung\s+der\s+(?:Kleinen\s+Anfrage|Fragesteller\w*(?:\s+und\s+Fragesteller)?)")
_GOVERNMENT_PREAMBLE = re.compile(r"Vorbemerkung\s+der\s+(?:Landes|Bundes|Staats)regierung")
_ASK_LINE = re.compile(
    r"(?:Vor\s+diesem\s+Hintergrund\s+)?(?:fragen\s+wir|frage\s+ich|Wir\s+fragen|Ich\s+frage)"
    r"\s+die\s+(?:Landes|Bundes|Staats)regierung\s*:?"
)
_ITEM = re.compile(r"(?:(?<=\n)|(?<=^)|(?<=[.?!:]\s)|(?<=[.?!:]\)\s))[ \t]*(?:[-•–][ \t]*)?"
                   r"(?:(\d{1,2})\.|Frage[ \t]+(\d{1,2})[ \t]*:)[ \t]+(?=[A-ZÄÖÜ„\"])", re.MULTILINE)
_INTERROGATIVE = re.compile(
    r"(?:Welche[rsmn]?|Wie|Wann|Wo|Was|Wer|Wem|Wen|Warum|Weshalb|Wieso|Wozu|Wofür|Woran|Wodurch|Inwiefern|"
    r"Inwieweit|Ist|Sind|Hat|Haben|Gibt|Gab|Plant|Planen|Wird|Werden|Kann|Können|Teilt|Sieht|Beabsichtigt|"
    r"(?:In|Mit|Bei|Durch|Aus|Auf|Nach|Für|Von|Seit|Bis|Über|Unter|Zu)\s+(?:welche[rsmn]?|wie|wel))\b"
)
_JOINT = re.compile(
    r"(?:Die\s+)?Fragen\s+(?P<nums>\d{1,2}(?:\s*(?:,|und|bis|sowie|-|–)\s*\d{1,2})+)\s+werden\s+"
    r"(?:zusammen|gemeinsam)\s+beantwortet"
)
_PRESS = re.compile(r"\bteil(?:t|en)\s+mit\s*:|\bPressemitteilung\b|\bPresseinformation\b")
_PUBLISHER = re.compile(
    rf"(?P<lead>(?:Das|Der|Die)\s+(?:Ministerium|Bundesministerium|Landesregierung|Bundesregierung|"
    rf"Staatskanzlei|{_OFFICE})[^.:\n]{{0,200}}?)\s+teil(?:t|en)\s+mit\s*:"
)
_PARLIAMENTS = (
    (re.compile(r"LANDTAG\s+NORDRHEIN-WESTFALEN|Landtag\s+Nordrhein-Westfalen"), "Landtag Nordrhein-Westfalen"),
    (re.compile(r"Deutscher\s+Bundestag|DEUTSCHER\s+BUNDESTAG"), "Deutscher Bundestag"),
    (re.compile(r"Bayerischer\s+Landtag|BAYERISCHER\s+LANDTAG"), "Bayerischer Landtag"),
    (re.compile(r"Sächsischer\s+Landtag|SÄCHSISCHER\s+LANDTAG"), "Sächsischer Landtag"),
    (re.compile(r"(?:Landtag|LANDTAG)\s+(?P<von>von\s+)?(?P<land>[A-ZÄÖÜ][\w-]+(?:-[A-ZÄÖÜ][\w-]+)?)"), None),
)
_TITLE_PREFIXES = re.compile(r"^(?:(?:Dr|Prof|Dipl\.-\w+)\.?\s+)+")
_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:von|van|de|zu|der|von\s+der)?\s*[A-ZÄÖÜ][\w'’.-]+){1,3}$")


# --- the parser ----------------------------------------------------------------------


def parse_structure(text: str, *, furniture: Sequence[str] = (), title: str | None = None) -> list[DocumentPart]:
    """The documents in ``text`` (the analysed text) with offsets into it.

    ``furniture`` are the running headers removed from the text (they carry the
    Drucksache and Wahlperiode of papers whose first page was flattened into them);
    ``title`` is a title the file format states (HTML).
    """
    header_text = "\n".join(furniture)
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
            filed = _FILED.search(text)
            if filed:  # the filing note closes a paper holding both: the question arrived then
                parts[0] = replace(parts[0], date=iso_date(filed.group(1)), issued=iso_date(filed.group(2)))
                parts[1] = replace(parts[1], issued=parts[1].issued or iso_date(filed.group(2)))
            parts = _link_pair(parts[0], parts[1])
    elif _looks_like_anfrage(text):
        parts.append(_kleine_anfrage(text, 0, len(text), header_text))
    elif _PRESS.search(text[:2000]):
        parts.append(_press_release(text, title))
    else:
        parts.append(_generic(text, title))
    return parts


def _part_boundary(text: str, antwort_start: int) -> int:
    """Where the Antwort's page header begins ("18. Wahlperiode  24.04.2025  Antwort")."""
    window_start = max(0, antwort_start - 80)
    headers = list(_WAHLPERIODE.finditer(text, window_start, antwort_start))
    if headers:
        return headers[-1].start()
    return text.rfind("\n", 0, antwort_start) + 1


def _looks_like_anfrage(text: str) -> bool:
    head = text[:2500]
    return bool(_KA_NUMBER.search(head) or (_ASKERS.search(head) and not _REFERENCE.search(head)))


def _common(text: str, start: int, end: int, header_text: str) -> dict:
    head = text[start:min(end, start + 1200)]
    fields: dict = {}
    wp = _WAHLPERIODE.search(head) or _WAHLPERIODE.search(header_text)
    if wp:
        fields["wahlperiode"] = int(wp.group(1))
    fields["parliament"] = _parliament(header_text + "\n" + head)
    original = _ORIGINAL.search(text, start, end)
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


def _parliament(text: str) -> str | None:
    for pattern, name in _PARLIAMENTS:
        match = pattern.search(text)
        if match:
            if name:
                return name
            land = match.group("land").title() if match.group("land").isupper() else match.group("land")
            return ("Landtag von " if match.group("von") else "Landtag ") + land
    return None


def _kleine_anfrage(text: str, start: int, end: int, header_text: str) -> DocumentPart:
    fields = _common(text, start, end, header_text)
    received, issued = fields.pop("filed", (None, None))
    if received:
        fields["date"], fields["issued"] = received, issued
    number = _KA_NUMBER.search(text, start, min(end, start + 2500))
    askers_match = _ASKERS.search(text, start, min(end, start + 2500))
    askers, party, askers_end = _askers(text, askers_match.end(), end) if askers_match else ((), None, start)
    drucksache = _DRUCKSACHE.search(text, start, min(end, start + 600)) or _DRUCKSACHE.search(header_text)
    title = _title_after(text, askers_end, end)
    if not title and askers_match:
        title = _line_before(text, askers_match.start(), start)
    preamble_start = askers_end
    ask_line = _ASK_LINE.search(text, preamble_start, end)
    questions = _questions(text, ask_line.end() if ask_line else preamble_start, end)
    sections = list(questions)
    preamble = _preamble(text, preamble_start, ask_line.start() if ask_line else
                         (questions[0].start if questions else end), title, "members")
    if preamble:
        sections.insert(0, preamble)
    part = DocumentPart(
        kind="KleineAnfrage", start=start, end=end, title=title,
        drucksache=_compact(drucksache.group(1)) if drucksache else None,
        number=number.group(1) if number else None,
        askers=askers, party=party, sections=tuple(sections), **fields,
    )
    return _checked_dates(part)


def _antwort(text: str, start: int, end: int, header_text: str, body_start: int) -> DocumentPart:
    fields = _common(text, start, end, header_text)
    _received, issued = fields.pop("filed", (None, None))
    fields["issued"] = fields.get("issued") or issued
    own = _DRUCKSACHE.search(text, start, body_start) or _DRUCKSACHE.search(header_text)
    reference = _REFERENCE.search(text, body_start, min(end, body_start + 600))
    cited = None
    title_from = body_start
    if reference:
        askers_match = _ASKERS.match(text, reference.end()) or _ASKERS.search(text, reference.end(), reference.end() + 40)
        askers, party, askers_end = _askers(text, askers_match.end(), end) if askers_match else ((), None, reference.end())
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
            askers=askers, party=party,
        )
    title = _title_after(text, title_from, end)
    if cited is None:
        cited = _cited_in_letter(text, start, body_start, fields)
        title = cited.title if cited is not None and cited.title else title
    answered = _ANSWERED.search(text, start, end) or _TRANSMITTED.search(text, start, end) \
        or _ANSWERED_LETTER.search(text, start, end)
    roles: dict = {}
    if answered:
        roles = _ministries(text, answered, fields.get("parliament") or _land_of(text))
        if not _ORIGINAL.search(text, start, end):  # the letter is the original
            fields["date"] = iso_date(answered.group("date"))
    elif (letterhead := _LETTERHEAD.search(text, start, body_start)) is not None:
        roles = {"answered_by": Role(letterhead.start(), letterhead.end(), letterhead.group(0), "GovernmentBody",
                                     _title_case(letterhead.group(0)), "sovkg_structure:answered-by")}
    items = _items(text, title_from, end)
    first_question = items[0][1] if items else end
    # Landtag papers name the answering ministry before the questions, Bundestag
    # papers after the last answer; only the former bounds the preamble.
    early = answered.start() if answered and answered.start() < first_question else None
    members = _KA_PREAMBLE.search(text, title_from, first_question)
    government = _GOVERNMENT_PREAMBLE.search(text, title_from, first_question)
    sections: list[Section] = []
    if members:
        stops = [p for p in (early, government.start() if government else None, first_question)
                 if p is not None and p > members.end()]
        section = _preamble(text, members.end(), min(stops), None, "members")
        if section:
            sections.append(section)
    if government:
        section = _preamble(text, government.end(), first_question, None, "government")
        if section:
            sections.append(section)
    headed = _headed_answers(text, title_from, end)
    sections += headed or _questions_and_answers(text, first_question, _answers_end(text, answered, end))
    if cited is not None and title:
        cited = replace(cited, title=title)
    part = DocumentPart(
        kind="Antwort", start=start, end=end, title=title,
        drucksache=_compact(own.group(1)) if own else None, answers=cited,
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
    askers_match = _ASKERS.match(text, citation.end())
    askers, party, askers_end = _askers(text, askers_match.end(), body_start)
    drucksache = re.compile(r"(?:Drs\.-Nr\.|Drucksache)\s*:?\s*(\d{1,2}/\d{1,6})").search(text, askers_end, body_start)
    topic = re.compile(r"Thema:\s*(.{5,300}?)(?=\s+(?:Sehr\s+geehrte|Eingang|Drs\.)|\s*\n|$)").search(text, askers_end, body_start)
    return DocumentPart(
        kind="KleineAnfrage", start=citation.start(), end=askers_end, in_file=False,
        drucksache=drucksache.group(1) if drucksache else None, title=topic.group(1).strip() if topic else None,
        wahlperiode=fields.get("wahlperiode"), parliament=fields.get("parliament"), askers=askers, party=party,
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


def _askers(text: str, start: int, end: int) -> tuple[tuple[Role, ...], Role | None, int]:
    """Members named after "der Abgeordneten", their party, and where the block ends."""
    limit = min(end, start + 900)
    party_match = _party_pattern().search(text, start, limit)
    if party_match is None:
        line_end = text.find("\n", start, limit)
        names_end = line_end if line_end != -1 else limit
        party_role = None
        block_end = names_end
    else:
        names_end = party_match.start()
        canonical = dict(party_forms())[party_match.group(0)]
        party_role = Role(party_match.start(), party_match.end(), party_match.group(0), "Party",
                          canonical, "sovkg_structure:party")
        block_end = party_match.end()
    names_text = text[start:names_end]
    group = re.search(r"\s*(?:,|\bund)?\s*(?:(?:der|die)\s+|\(\s*)(?:Fraktion|Gruppe)(?:\s+der)?\s*$", names_text)
    if group:
        names_text = names_text[:group.start()]
    askers = []
    for match in re.finditer(r"[^,]+?(?=\s*,|\s+und\s+|$)", names_text.strip()):
        raw = match.group(0).strip()
        raw = re.sub(r"^und\s+", "", raw)
        if not raw:
            continue
        name = _TITLE_PREFIXES.sub("", raw).strip()
        if not _NAME.match(name):
            continue
        offset = start + (len(text[start:names_end]) - len(text[start:names_end].lstrip()))
        position = text.find(name, offset + match.start(), names_end)
        if position == -1:
            continue
        askers.append(Role(position, position + len(name), name, "Person", name, "sovkg_structure:asker"))
    return tuple(askers), party_role, block_end


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
            if _PREAMBLE.match(line) or _ORIGINAL.match(line) or re.match(r"Drucksache\s", line):
                return None
            if re.fullmatch(r"und|Antwort|(?:des|der)\s+\w+(?:\s+\w+){0,8}", line):
                continue  # "und / Antwort / des Staatsministeriums": a cover naming both papers
            return line if len(line) <= 300 else None
        return None
    flat = re.match(r"\s*(.{5,300}?(?:\?|(?=\s+Vorbemerkung)|(?=\s+Die\s+(?:Minister|Ministerin)\s)))", rest)
    return flat.group(1).strip() if flat else None


def _compact(drucksache: str) -> str:
    return re.sub(r"\s", "", drucksache)


def _line_before(text: str, position: int, floor: int) -> str | None:
    line_end = text.rfind("\n", floor, position)
    if line_end == -1:
        return None
    line_start = text.rfind("\n", floor, line_end) + 1
    line = text[line_start:line_end].strip()
    return line if 5 <= len(line) <= 300 else None


def _preamble(text: str, start: int, end: int, title: str | None, author: str) -> Section | None:
    body_start = start
    if title:
        found = text.find(title, start, end)
        if found != -1:
            body_start = found + len(title)
    heading = _PREAMBLE.search(text, body_start, min(end, body_start + 200))
    if heading:
        body_start = heading.end()
    body_end = end
    original = _ORIGINAL.search(text, body_start, end)
    if original and author == "members" and original.start() > body_start:
        body_end = min(body_end, original.start())
    s, e = _trim(text, body_start, body_end)
    if e - s < 40:
        return None
    return Section("preamble", (), s, e, text[s:e], author=author)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n:-–":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def _items(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Numbered items 1, 2, 3 … in order: (number, item start, text start)."""
    found = []
    expected = 1
    for match in _ITEM.finditer(text, start, end):
        number = int(match.group(1) or match.group(2))  # "1. Wie …" or "Frage 1: Wie …"
        if number != expected:
            continue
        body = match.end()
        if not _is_question(text, body, end):
            continue
        found.append((number, match.start() + (len(match.group(0)) - len(match.group(0).lstrip())), body))
        expected += 1
    return found


def _is_question(text: str, body: int, end: int) -> bool:
    window = text[body:min(end, body + 900)]
    paragraph = re.split(r"\n[ \t]*\n", window, maxsplit=1)[0]
    return "?" in paragraph or bool(_INTERROGATIVE.match(window))


def _question_end(text: str, body: int, limit: int) -> int:
    window = text[body:limit]
    mark = re.search(r"\?[\"“”»)]?(?=\s|$)", window)
    paragraph = re.search(r"\n[ \t]*\n", window)
    candidates = [m.end() for m in (mark,) if m] + [m.start() for m in (paragraph,) if m]
    return body + (min(candidates) if candidates else len(window))


def _questions(text: str, start: int, end: int) -> list[Section]:
    items = _items(text, start, end)
    sections = []
    for i, (number, item_start, body) in enumerate(items):
        limit = items[i + 1][1] if i + 1 < len(items) else end
        q_end = _question_end(text, body, limit)
        s, e = _trim(text, item_start, q_end)
        sections.append(Section("question", (number,), s, e, text[s:e]))
    return sections


def _questions_and_answers(text: str, start: int, end: int) -> list[Section]:
    questions = _questions(text, start, end)
    sections: list[Section] = list(questions)
    waiting: list[int] = []
    for i, question in enumerate(questions):
        limit = questions[i + 1].start if i + 1 < len(questions) else end
        s, e = _trim(text, question.end, limit)
        waiting.append(question.numbers[0])
        if e <= s:
            continue  # answered together with the next question
        body = text[s:e]
        joint = _JOINT.search(body)
        numbers = tuple(sorted(set(waiting) | set(_numbers(joint.group("nums"))))) if joint else tuple(waiting)
        sections.append(Section("answer", numbers, s, e, body, declined=_declined(body)))
        waiting = []
    return sections


def _headed_answers(text: str, start: int, end: int) -> list[Section]:
    """Answers under "Zu 1.:" headings, the questions asked in the Kleine Anfrage only."""
    headings = list(_ANSWER_HEADING.finditer(text, start, end))
    sections = []
    for i, heading in enumerate(headings):
        limit = headings[i + 1].start() if i + 1 < len(headings) else _signature_start(text, heading.end(), end)
        s, e = _trim(text, heading.end(), limit)
        if e <= s:
            continue
        body = text[s:e]
        joint = _JOINT.search(body)
        numbers = set(_numbers(heading.group("nums"))) | (set(_numbers(joint.group("nums"))) if joint else set())
        sections.append(Section("answer", tuple(sorted(numbers)), s, e, body, declined=_declined(body)))
    return sections


def _signature_start(text: str, start: int, end: int) -> int:
    """The last answer ends before the signature and the filing note ("Eingegangen: …")."""
    note = re.search(r"(?m)^[ \t]*(?:Eingegangen|Ausgegeben)\s*:", text[start:end])
    stop = start + note.start() if note else end
    signature = re.search(r"\n[ \t]*\n(?:[ \t]*(?:Dr\.|Prof\.)?[ \t]*[A-ZÄÖÜ][\w-]+[ \t]*\n)"
                          r"(?:[^\n]*(?:minister|Minister|Staatskanzlei|Staatssekretär)[^\n]*\n?)\s*$", text[start:stop])
    return start + signature.start() if signature else stop


def _numbers(spec: str) -> list[int]:
    values = [int(n) for n in re.findall(r"\d+", spec)]
    if re.search(r"bis|-|–", spec) and len(values) == 2:
        return list(range(values[0], values[1] + 1))
    return values


def _declined(answer: str) -> str | None:
    for pattern in declined_patterns():
        match = pattern.search(answer)
        if match:
            return match.group(0)
    return None


def _ministries(text: str, answered: re.Match[str], parliament: str | None) -> dict:
    lead_start = answered.start("lead")
    lead = _office_role(text, lead_start, answered.end("lead"), "sovkg_structure:answered-by")
    roles: dict = {"answered_by": lead}
    gov = answered.groupdict().get("gov")
    government = _government_name(gov, parliament)
    if gov:
        roles["on_behalf_of"] = Role(answered.start("gov"), answered.end("gov"), answered.group("gov"),
                                     "GovernmentBody", government, "sovkg_structure:on-behalf-of")
    agree = answered.groupdict().get("agree")
    if agree:
        base = answered.start("agree")
        whole = _WHOLE_GOVERNMENT.search(agree)
        if whole:
            roles["in_agreement_with"] = (Role(base + whole.start(), base + whole.end(), whole.group(0),
                                               "GovernmentBody", government, "sovkg_structure:in-agreement-with"),)
        else:
            pieces, position = [], 0
            for separator in _SPLIT_OFFICES.finditer(agree):
                pieces.append((position, separator.start()))
                position = separator.end()
            pieces.append((position, len(agree)))
            roles["in_agreement_with"] = tuple(
                role for s, e in pieces
                if (role := _office_role(text, base + s, base + e, "sovkg_structure:in-agreement-with"))
            )
    return roles


_LAENDER = (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)


_LAND_NAMES = re.compile(r"\b(?:" + "|".join(re.escape(land) for land in sorted(_LAENDER, key=len, reverse=True))
                         + r")(?![\w-])")


def _land_of(text: str) -> str | None:
    """The Land a paper is about when its header does not say: the one it names more
    often than any other, as "Landtag <Land>" for naming its government only."""
    named = Counter(match.group(0) for match in _LAND_NAMES.finditer(text))
    counts = sorted(((named[land], land) for land in _LAENDER), reverse=True)
    (count, land), (runner_up, _) = counts[0], counts[1]
    return f"Landtag {land}" if count >= 1 and count > runner_up else None


def land_of(parts: Sequence[DocumentPart], text: str) -> str | None:
    """The Land of a document: its parliament's, else the one its text names most."""
    for part in parts:
        if part.parliament and part.parliament.startswith("Landtag "):
            return _government_name("Landesregierung", part.parliament).removeprefix("Landesregierung ")
        if part.parliament in _NAMED_BY_ADJECTIVE:
            return _NAMED_BY_ADJECTIVE[part.parliament]
        if part.parliament == "Deutscher Bundestag":
            return None
    guess = _land_of(text)
    return guess.removeprefix("Landtag ") if guess else None


_NAMED_BY_ADJECTIVE = {"Bayerischer Landtag": "Bayern", "Sächsischer Landtag": "Sachsen"}


def _government_name(word: str | None, parliament: str | None) -> str:
    if word == "Bundesregierung" or parliament == "Deutscher Bundestag":
        return "Bundesregierung"
    land = _NAMED_BY_ADJECTIVE.get(parliament or "")
    if land is None and parliament and parliament.startswith("Landtag "):
        land = parliament.removeprefix("Landtag ").removeprefix("von ")  # "Landtag von Baden-Württemberg"
    return f"{word or 'Landesregierung'} {land}" if land else (word or "Landesregierung")


def _office_role(text: str, start: int, end: int, rule: str) -> Role | None:
    """A ministry named by its minister or in the genitive, as the ministry."""
    s, e = _trim(text, start, end)
    phrase = text[s:e]
    article = re.match(r"(?:Der|Die|Das|der|die|das|dem|den|des)\s+", phrase)
    if article:
        s += article.end()
        phrase = text[s:e]
    if not phrase:
        return None
    return Role(s, e, phrase, "GovernmentBody", ministry_name(phrase), rule)


def ministry_name(phrase: str) -> str:
    """"Ministerin für Kultur und Wissenschaft" → "Ministerium für Kultur und Wissenschaft"."""
    phrase = re.sub(r"\s+", " ", phrase.strip())
    match = re.match(r"(Bundes)?[Mm]inister(?:in)?\s+(für|der|des)\s+(.+)$", phrase)
    if match:
        return f"{match.group(1) or ''}{'ministerium' if match.group(1) else 'Ministerium'} {match.group(2)} {match.group(3)}"
    match = re.match(r"(Bundes)?[Mm]inisteriums\s+(.+)$", phrase)
    if match:
        return f"{match.group(1) or ''}{'ministerium' if match.group(1) else 'Ministerium'} {match.group(2)}"
    match = re.match(r"([A-ZÄÖÜ][a-zäöüß]+)minister(?:in)?$", phrase)
    if match:
        return f"{match.group(1)}ministerium"
    if re.match(r"Chef(?:in)? der Staatskanzlei|Ministerpräsident(?:in)?$", phrase):
        return "Staatskanzlei"
    return phrase


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
        publisher = _office_role(text, match.start("lead"), match.end("lead"), "sovkg_structure:publisher")
    elif masthead:  # "Pressemitteilung / Hessisches Ministerium für Digitalisierung und Innovation"
        pos, line = masthead[0]
        start = text.find(line, pos)
        publisher = _office_role(text, start, start + len(line), "sovkg_structure:publisher")
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
        publisher = _office_role(text, editor.start(1), editor.end(1), "sovkg_structure:publisher")
    return DocumentPart(kind=kind, start=0, end=len(text), title=title, publisher=publisher,
                        date=iso_date(first_date.group(1)) if first_date else None)


# --- the spaCy component ---------------------------------------------------------------


class StructureReader:
    """Runs :func:`parse_structure` and adds its roles to the mentions.

    A role that a recogniser already marked keeps that mention (and its link); a role
    no recogniser found becomes a mention of its own, labelled with its canonical name.
    """

    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        parts = parse_structure(doc_text(doc), furniture=doc.user_data.get("sovkg_furniture", ()),
                                title=doc.user_data.get("sovkg_title"))
        doc._.sovkg_parts = tuple(parts)
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        taken = {(s.start_char, s.end_char) for s in existing}
        added = []
        for role in _roles(parts):
            if (role.start, role.end) in taken:
                continue
            span = doc.char_span(role.start, role.end, label=role.type, alignment_mode="expand")
            if span is None or any(_overlaps(span, other) for other in existing + added):
                continue
            span._.sovkg_method = role.rule
            span._.sovkg_name = role.name
            added.append(span)
            taken.add((role.start, role.end))
        if added:
            doc.spans[self.spans_key] = sorted(existing + added, key=lambda s: (s.start, s.end))
        return doc


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _roles(parts: Iterable[DocumentPart]) -> Iterable[Role]:
    for part in parts:
        yield from part.askers
        for role in (part.party, part.answered_by, part.on_behalf_of, part.publisher):
            if role is not None:
                yield role
        yield from part.in_agreement_with
        if part.answers is not None and not part.answers.in_file:
            yield from _roles([part.answers])


@Language.factory(
    "sovkg_structure",
    default_config={"spans_key": "sovkg_mentions"},
    assigns=["doc._.sovkg_parts", "doc.spans"],
)
def make_structure_reader(nlp: Language, name: str, spans_key: str) -> StructureReader:
    register_extensions()
    return StructureReader(name, spans_key=spans_key)
