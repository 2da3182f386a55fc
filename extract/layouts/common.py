"""What every parliament's layout shares: dates, Drucksache numbers, parties and
askers, answering offices, numbered questions and answers, preambles, declined answers.

Each piece lives here once, so that a layout module only says how its parliament
arranges them. Closed lists (parliaments, parties, offices, declined-answer phrases)
are data files in ``extract/data/``, read once through the loaders below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sovkg.extract.pipeline_data import data_lines
from sovkg.extract.records import Role, Section


# --- dates -------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
DATE = (r"\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{4}|(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|"
        r"September|Oktober|November|Dezember)\s+\d{4})")


#: a date with a two-digit year as well: "17.06.25"
SHORT_DATE = rf"(?:{DATE}|\d{{1,2}}\.\d{{1,2}}\.\d{{2}}(?!\d))"


def iso_date(text: str) -> str | None:
    """"17.03.2025" or "17. März 2025" → "2025-03-17"; None if it is no valid date."""
    numeric = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})", text.strip())
    named = re.fullmatch(r"(\d{1,2})\.\s?([A-Za-zäÄ]+)\s+(\d{4})", text.strip())
    try:
        if numeric:
            d, m, y = (int(g) for g in numeric.groups())
            y += 2000 if y < 100 else 0  # "17.06.25" (Hamburg)
        elif named and named.group(2).lower() in _MONTHS:
            d, m, y = int(named.group(1)), _MONTHS[named.group(2).lower()], int(named.group(3))
        else:
            return None
        return date(y, m, d).isoformat()
    except ValueError:
        return None


# --- header fields -------------------------------------------------------------------

WAHLPERIODE = re.compile(r"(\d{1,2})\.\s*Wahlperiode")
DRUCKSACHE = re.compile(r"Drucksache\s+(\d{1,2}[ \t]?/[ \t]?(?:\d{1,3}[ \t]\d{3}(?!\d)|\d{1,6}))")  # "17/8734", "19 / 22 417"
#: "Datum des Originals: 17.03.2025/Ausgegeben: 18.03.2025" (Landtag NRW)
ORIGINAL = re.compile(rf"Datum des Originals:\s*({DATE})\s*/?\s*(?:Ausgegeben:\s*({DATE}))?")
PREAMBLE = re.compile(
    r"Vorbemerkung(?:\s+der\s+(?P<who>Kleinen\s+Anfrage|Fragesteller(?:innen)?(?:\s+und\s+Fragesteller)?|"
    r"Landesregierung|Bundesregierung|Staatsregierung)|\s+de[rs]\s+Abgeordneten)?"
)


#: the subject marker before a paper's title: "Betr.: …" (Hamburg, Saarland), "zum Thema: …" (Berlin)
SUBJECT = re.compile(r"(?:zum\s+Thema|Betr(?:eff)?\.?|Thema)\s*:\s*", re.IGNORECASE)


def compact(drucksache: str) -> str:
    """"17 / 8734" → "17/8734"."""
    return re.sub(r"\s", "", drucksache)


@dataclass(frozen=True, slots=True)
class Parliament:
    code: str
    name: str
    land: str | None
    government: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def parliaments() -> tuple[Parliament, ...]:
    """The parliaments of Germany (``parliaments.tsv``)."""
    rows = (line.split("\t") for line in data_lines("parliaments.tsv"))
    return tuple(Parliament(code, name, land or None, government, re.compile(pattern))
                 for code, name, land, government, pattern in rows)


def parliament(code: str) -> Parliament:
    return next(p for p in parliaments() if p.code == code)


_ANY_LANDTAG = re.compile(r"(?:Landtag|LANDTAG)\s+(?P<von>von\s+)?(?P<land>[A-ZÄÖÜ][\w-]+(?:-[A-ZÄÖÜ][\w-]+)?)")


@lru_cache(maxsize=64)
def find_parliament(text: str) -> Parliament | None:
    """The parliament a paper's header names first (remembered: every layout's ``detect``
    asks it of the same header, and each asks every parliament's pattern)."""
    found = [(m.start(), p) for p in parliaments() if (m := p.pattern.search(text))]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def parliament_name(text: str) -> str | None:
    """The parliament's name; an unknown "Landtag X" as written."""
    known = find_parliament(text)
    if known is not None:
        return known.name
    match = _ANY_LANDTAG.search(text)
    if match is None or match.group("land") in ("Drucksache", "Wahlperiode"):
        return None
    land = match.group("land").title() if match.group("land").isupper() else match.group("land")
    return ("Landtag von " if match.group("von") else "Landtag ") + land


def parliament_named(name: str | None) -> Parliament | None:
    """The parliament of ``parliaments.tsv`` that bears ``name`` (as ``sovkg:parliament``)."""
    return next((known for known in parliaments() if known.name == name), None) if name else None


def land_of_parliament(name: str | None) -> str | None:
    """"Bayerischer Landtag" → "Bayern"; an unknown "Landtag X" → "X"."""
    if not name:
        return None
    known = parliament_named(name)
    if known is not None:
        return known.land
    return name.removeprefix("Landtag ").removeprefix("von ") if name.startswith("Landtag ") else None


def parliament_of_land(land: str) -> str | None:
    """"Sachsen" → "Sächsischer Landtag": the parliament a paper means by "der Landtag"."""
    return next((known.name for known in parliaments() if known.land == land), None)


def government_name(word: str | None, parliament: str | None) -> str:
    """The government a paper means by "Landesregierung", with its Land."""
    if word == "Bundesregierung" or parliament == "Deutscher Bundestag":
        return "Bundesregierung"
    land = land_of_parliament(parliament)
    return f"{word or 'Landesregierung'} {land}" if land else (word or "Landesregierung")


# --- parties and askers --------------------------------------------------------------


@lru_cache(maxsize=1)
def party_forms() -> tuple[tuple[str, str], ...]:
    """(form, canonical name) pairs, longest form first."""
    pairs = []
    for line in data_lines("parties.tsv"):
        canonical, forms = line.split("\t")
        pairs += [(form, canonical) for form in forms.split("|")]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@lru_cache(maxsize=1)
def party_pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(form) for form, _ in party_forms())
    return re.compile(rf"(?<![\w/])(?:{forms})(?![\w/])")


ASKERS = re.compile(r"\b(?:der|des)\s+(?:Abgeordneten|Abg\.)\s+")
_NON_AFFILIATED = re.compile(r"\(?\s*(?:fraktionslos|parteilos)\s*\)?")
#: academic titles before a name: "Dr.", "Prof. Dr.", "Dipl.-Ing.", "MUDr. PhDr. / Univ.Prag"
_TITLES = re.compile(r"^(?:(?:Univ\.\S*|[A-ZÄÖÜ][\wäöüß]{0,8}\.(?:-\w+\.?)?|[a-z]\.|/)\s*)+")
_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:von|van|de|zu|der|von\s+der)?\s*[A-ZÄÖÜ][\w'’.-]+){0,3}$")
_GROUP = re.compile(r"\s*(?:,|\bund)?\s*(?:(?:der|die)\s+|\(\s*)?(?:Fraktion|Gruppe)(?:\s+der)?\s*$")


def askers(text: str, start: int, end: int) -> tuple[tuple[Role, ...], Role | None, int]:
    """Members named from ``start`` on, their party, and where the block ends.

    The names run up to the party ("… und Angela Freimuth FDP", "… (CDU)"), to
    "(fraktionslos)", or else to the end of the line.
    """
    limit = min(end, start + 900)
    party_match = party_pattern().search(text, start, limit)
    alone = _NON_AFFILIATED.search(text, start, limit)
    line_end = text.find("\n", start, limit)
    party_role = None
    if alone is not None and (party_match is None or alone.start() < party_match.start()):
        names_end, block_end = alone.start(), alone.end()
    elif party_match is not None:
        names_end, block_end = party_match.start(), party_match.end()
        canonical = dict(party_forms())[party_match.group(0)]
        party_role = Role(party_match.start(), party_match.end(), party_match.group(0), "Party",
                          canonical, "sovkg_structure:party")
        closing = re.match(r"(?:-Fraktion)?\)", text[block_end:block_end + 10])  # "(CDU)", "(CDU-Fraktion)"
        block_end += closing.end() if closing else 0
    else:
        names_end = block_end = line_end if line_end != -1 else limit
    return _names(text, start, names_end), party_role, block_end


def _names(text: str, start: int, end: int) -> tuple[Role, ...]:
    names_text = text[start:end].rstrip(" \t\r\n(")
    group = _GROUP.search(names_text)
    if group:
        names_text = names_text[:group.start()]
    found = []
    for match in re.finditer(r"[^,]+?(?=\s*,|\s+und\s+|$)", names_text):
        raw = re.sub(r"^\s*und\s+", "", match.group(0)).strip()
        name = _TITLES.sub("", raw).strip()
        if not name or not _NAME.match(name):
            continue
        position = text.find(name, start + match.start(), start + len(names_text))
        if position != -1:
            found.append(Role(position, position + len(name), name, "Person", name, "sovkg_structure:asker"))
    return tuple(found)


# --- offices -------------------------------------------------------------------------

OFFICE = (
    r"(?:Bundes)?[Mm]inister(?:in)?\b|(?:[A-ZÄÖÜ][a-zäöüß]+)minister(?:in)?\b"
    r"|Chef(?:in)?\s+der\s+Staatskanzlei|Ministerpräsident(?:in)?|Staatskanzlei|(?:Bundes|Staats)?[Mm]inisterium"
)
_ARTICLE = re.compile(r"(?:Der|Die|Das|der|die|das|dem|den|des)\s+")


@lru_cache(maxsize=1)
def _office_genders() -> tuple[tuple[str, str], ...]:
    rows = [tuple(line.split("\t")) for line in data_lines("offices.tsv")]
    return tuple(sorted(((e, g) for e, g in rows), key=lambda row: -len(row[0])))


def office_role(text: str, start: int, end: int, rule: str) -> Role | None:
    """A ministry named by its minister or in the genitive or dative, as the ministry."""
    s, e = trim(text, start, end)
    article = _ARTICLE.match(text, s, e)
    if article:
        s = article.end()
    if s >= e:
        return None
    phrase = text[s:e]
    return Role(s, e, phrase, "GovernmentBody", ministry_name(phrase), rule)


def ministry_name(phrase: str) -> str:
    """The office's name in the nominative: "Ministerin für Kultur und Wissenschaft" →
    "Ministerium für Kultur und Wissenschaft", "Niedersächsischen Justizministeriums" →
    "Niedersächsisches Justizministerium"."""
    phrase = re.sub(r"\s+", " ", phrase.strip())
    match = re.match(r"(Bundes)?[Mm]inister(?:in)?\s+(für|der|des)\s+(.+)$", phrase)
    if match:
        return f"{match.group(1) or ''}{'ministerium' if match.group(1) else 'Ministerium'} {match.group(2)} {match.group(3)}"
    match = re.match(r"([A-ZÄÖÜ][a-zäöüß]+)minister(?:in)?$", phrase)
    if match:
        return f"{match.group(1)}ministerium"
    if re.match(r"Chef(?:in)? der Staatskanzlei|Ministerpräsident(?:in)?$", phrase):
        return "Staatskanzlei"
    return _nominative(phrase)


_ADJECTIVE_ENDING = {"n": "es", "f": "e", "m": "er"}


def _nominative(phrase: str) -> str:
    """Adjectives and head noun of an office name in the genitive or dative, in the nominative."""
    words = phrase.split(" ")
    for i, word in enumerate(words):
        lowered = word.lower()
        for ending, gender in _office_genders():
            stem = next((lowered[:-len(s)] if s else lowered for s in ("", "s", "es")
                         if lowered.endswith(ending + s)), None)
            if stem is None:
                continue
            head = word[:len(stem)]
            adjectives = [a[:-2] + _ADJECTIVE_ENDING[gender] if re.fullmatch(r"[A-ZÄÖÜ]\w+en", a) else a
                          for a in words[:i]]
            return " ".join([*adjectives, head, *words[i + 1:]])
        if not re.fullmatch(r"[A-ZÄÖÜ]\w+e[nrs]?", word):
            break  # the head comes right after the adjectives, or it is no office name
    return phrase


_SPLIT_OFFICES = re.compile(rf"(?:\s*,\s*|\s+und\s+|\s+sowie\s+)(?=(?:de[mnrs]\s+|die\s+)?(?:{OFFICE}))")
_WHOLE_GOVERNMENT = re.compile(
    r"allen\s+(?:übrigen|anderen)\s+Mitgliedern\s+der\s+(?:Landes|Bundes|Staats)regierung"
    r"|allen\s+(?:übrigen\s+|anderen\s+)?Ressorts|der\s+gesamten\s+(?:Landes|Bundes)regierung"
)


def agreed_offices(text: str, start: int, end: int, government: str) -> tuple[Role, ...]:
    """The offices after "im Einvernehmen mit", split before each office word; "allen
    übrigen Ressorts" is the whole ``government``."""
    rule = "sovkg_structure:in-agreement-with"
    whole = _WHOLE_GOVERNMENT.search(text, start, end)
    if whole:
        return (Role(whole.start(), whole.end(), whole.group(0), "GovernmentBody", government, rule),)
    pieces, position = [], start
    for separator in _SPLIT_OFFICES.finditer(text, start, end):
        pieces.append((position, separator.start()))
        position = separator.end()
    pieces.append((position, end))
    return tuple(role for s, e in pieces if (role := office_role(text, s, e, rule)))


# --- numbered questions and answers ---------------------------------------------------

#: a question's number: "3", or "1.1" in papers that number sub-questions
NUMBER = r"\d{1,2}(?:\.\d{1,2})?"
_NUMBERS = rf"{NUMBER}\.?(?:\s*(?:,|und|bis|sowie|-|–)\s*{NUMBER}\.?)*"
_ITEM = re.compile(
    r"(?:(?<=\n)|(?<=^)|(?<=[.?!:]\s)|(?<=[.?!:]\)\s))[ \t]*(?:[-•–][ \t]*)?"
    r"(?:(?:(?P<sub>\d{1,2}\.\d{1,2})\.?|(?P<num>\d{1,2})\.)[ \t]+"
    r"|Frage[ \t]+(?P<frage>\d{1,2}(?:\.\d{1,2})?)[ \t]*[:.](?:[ \t]+|[ \t]*\n[ \t]*)"  # "Frage 1:", "Frage 1."
    r"|(?P<letter>[a-h])\)[ \t]+)"  # a sub-question "a) Wie viele …?"
    r"(?=[A-ZÄÖÜ„\"])",
    re.MULTILINE,
)
_INTERROGATIVE = re.compile(
    r"(?:Welche[rsmn]?|Wie|Wann|Wo|Was|Wer|Wem|Wen|Warum|Weshalb|Wieso|Wozu|Wofür|Woran|Wodurch|Inwiefern|"
    r"Inwieweit|Ist|Sind|Hat|Haben|Gibt|Gab|Plant|Planen|Wird|Werden|Kann|Können|Teilt|Sieht|Beabsichtigt|"
    r"(?:In|Mit|Bei|Durch|Aus|Auf|Nach|Für|Von|Seit|Bis|Über|Unter|Zu)\s+(?:welche[rsmn]?|wie|wel))\b"
)
JOINT = re.compile(
    rf"(?:Die\s+)?Fragen\s+(?P<nums>{NUMBER}(?:\s*(?:,|und|bis|sowie|-|–)\s*{NUMBER})+)\s+werden\s+"
    r"(?:[^.?!]{0,80}?\s)?(?:zusammen|gemeinsam)\s+beantwortet"
)
#: "Zu 1.:", "Zu 5. und 6.:", "Zu Frage 2:", "Zu 1.1:": an answer's heading where the questions are not repeated
ANSWER_HEADING = re.compile(
    rf"(?m)^[ \t]*Zu[ \t]+(?:(?:den[ \t]+)?Fragen?[ \t]+)?(?P<nums>{_NUMBERS})[ \t]*:[ \t]*$"
)


def number_key(number: str) -> tuple[int, ...]:
    """Sort key of a question number: "2" < "10", "1.2" < "1.10", "1" < "1a" < "1b" < "2"."""
    digits = [int(part) for part in re.findall(r"\d+", number)]
    letter = number[-1] if number[-1:].isalpha() else ""
    return (*digits, *([0] * (2 - len(digits))), ord(letter) - 96 if letter else 0)


def numbers_in(spec: str) -> list[str]:
    """"1, 2 und 4" → ["1", "2", "4"]; "3 bis 5" → ["3", "4", "5"]; "1.1 bis 1.3" likewise."""
    values = re.findall(NUMBER, spec)
    if re.search(r"bis|-|–", spec) and len(values) == 2:
        first, last = _levels(values[0]), _levels(values[1])
        if len(first) == len(last) == 1:
            return [str(n) for n in range(first[0], last[0] + 1)]
        if len(first) == len(last) == 2 and first[0] == last[0]:
            return [f"{first[0]}.{n}" for n in range(first[1], last[1] + 1)]
    return values


def _levels(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _follows(previous: str | None, number: str) -> bool:
    """Whether ``number`` is the next question after ``previous``: 1, 2 … or 1.1, 1.2, 2.1 …,
    or a sub-question 1a, 1b after 1."""
    if number[-1].isalpha():
        return previous is not None and (
            number == previous.rstrip("abcdefghijklmnopqrstuvwxyz") + "a"
            or (previous[-1].isalpha() and number == previous[:-1] + chr(ord(previous[-1]) + 1))
        )
    if previous is None:
        return number in ("1", "1.1")
    levels = _levels(previous.rstrip("abcdefghijklmnopqrstuvwxyz"))
    major = levels[0]
    allowed = [(major + 1,), (major + 1, 1)]
    allowed += [(major, 1)] if len(levels) == 1 else [(major, levels[1] + 1)]
    return _levels(number) in allowed


def items(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Numbered questions in order: (number, item start, text start)."""
    candidates = list(_ITEM.finditer(text, start, end))
    found: list[tuple[str, int, int]] = []
    previous: str | None = None
    for i, match in enumerate(candidates):
        letter = match.group("letter")
        number = (previous or "").rstrip("abcdefghijklmnopqrstuvwxyz") + letter if letter else (
            match.group("sub") or match.group("num") or match.group("frage"))
        if not _follows(previous, number):
            continue
        limit = candidates[i + 1].start() if i + 1 < len(candidates) else end
        if not _is_question(text, match.end(), limit, strict=bool(letter)):
            continue
        found.append((number, match.start() + (len(match.group(0)) - len(match.group(0).lstrip())), match.end()))
        previous = number
    return found


def _is_question(text: str, body: int, limit: int, *, strict: bool = False) -> bool:
    """Whether an item is a question: a question mark in its paragraph, or an
    interrogative first word; ``strict`` (a sub-item "a)"): a question mark before the next item."""
    window = text[body:min(limit, body + 900)]
    if strict:
        return "?" in window
    paragraph = re.split(r"\n[ \t]*\n", window, maxsplit=1)[0]
    return "?" in paragraph or bool(_INTERROGATIVE.match(window))


_QUESTION_MARK = re.compile(r"\?[\"“”»)]?(?=\s|$)")
#: a short follow-up line that belongs to the question: "Falls ja, welche?"
_FOLLOW_UP = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)[^\n?.]{1,120}\?[\"“”»)]?[ \t]*(?=\n|$)")


def _question_end(text: str, body: int, limit: int) -> int:
    window = text[body:limit]
    mark = _QUESTION_MARK.search(window)
    paragraph = re.search(r"\n[ \t]*\n", window)
    candidates = [m.end() for m in (mark,) if m] + [m.start() for m in (paragraph,) if m]
    end = min(candidates) if candidates else len(window)
    if mark is not None and end == mark.end():
        while (follow_up := _FOLLOW_UP.match(window, end)) is not None:
            end = follow_up.end()
    return body + end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n:-–":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def questions(text: str, start: int, end: int) -> list[Section]:
    found = items(text, start, end)
    sections = []
    for i, (number, item_start, body) in enumerate(found):
        limit = found[i + 1][1] if i + 1 < len(found) else end
        s, e = trim(text, item_start, _question_end(text, body, limit))
        sections.append(Section("question", (number,), s, e, text[s:e]))
    return sections


def questions_and_answers(text: str, start: int, end: int) -> list[Section]:
    """Questions each followed by its answer; a question with no text before the next
    is answered together with it."""
    asked = questions(text, start, end)
    sections: list[Section] = list(asked)
    waiting: list[str] = []
    for i, question in enumerate(asked):
        limit = asked[i + 1].start if i + 1 < len(asked) else end
        s, e = trim(text, question.end, limit)
        waiting.append(question.numbers[0])
        if e <= s:
            continue
        sections.append(answer(text, s, e, waiting))
        waiting = []
    return sections


def answer(text: str, start: int, end: int, numbers: list[str]) -> Section:
    """An answer to ``numbers`` and to any others it says it answers together."""
    body = text[start:end]
    joint = JOINT.search(body)
    answered = set(numbers) | (set(numbers_in(joint.group("nums"))) if joint else set())
    return Section("answer", tuple(sorted(answered, key=number_key)), start, end, body, declined=declined(body))


#: an answer's label: "Zu 1.:", "zu Frage 1:", "Antwort zu 3 und 4:", "Zu Frage 2 und Frage 3:",
#: "Zu 2 und 3" on a line of its own, or a bare "Antwort:" after the questions it answers
ANSWER_LABEL = re.compile(
    rf"(?m)^[ \t]*(?:(?:Antwort[ \t]+)?[Zz]u[ \t]+(?:den[ \t]+|der[ \t]+)?(?:Fragen?[ \t]+)?"
    rf"(?P<nums>{NUMBER}\.?(?:[ \t]*(?:,|und|bis|sowie|-|–)[ \t]*(?:Frage[ \t]+)?{NUMBER}\.?)*)"
    r"(?:[ \t]*:[ \t]*|[ \t]*$)|Antwort[ \t]*:[ \t]*)"
)


def labelled_answers(text: str, start: int, end: int) -> list[Section]:
    """Questions and their answers, whether the answers follow their questions
    unlabelled, under labels ("Zu 1.:", "Antwort zu 1:", "Antwort:"), or both.

    Between two questions, the text is the answer to the first (and to any question
    before it still waiting), unless labels stand in it: then each label starts an
    answer to the questions it names (a bare "Antwort:" to those waiting), and text
    before the first label is a transmission note, not an answer.
    """
    asked = questions(text, start, end) or _unnumbered_questions(text, start, end)
    sections: list[Section] = list(asked)
    waiting: list[str] = []
    for i, question in enumerate(asked):
        waiting.append(question.numbers[0])
        limit = asked[i + 1].start if i + 1 < len(asked) else end
        labels = list(ANSWER_LABEL.finditer(text, question.end, limit))
        if not labels:
            s, e = trim(text, question.end, limit)
            if e > s:
                sections.append(answer(text, s, e, waiting))
                waiting = []
            continue
        for j, label in enumerate(labels):
            s, e = trim(text, label.end(), labels[j + 1].start() if j + 1 < len(labels) else limit)
            numbers = numbers_in(label.group("nums")) if label.group("nums") else waiting
            if e > s:
                sections.append(answer(text, s, e, numbers))
                waiting = [n for n in waiting if n not in numbers]
    return sections


def _unnumbered_questions(text: str, start: int, end: int) -> list[Section]:
    """Questions printed without numbers (Saarland): the paragraphs ending in "?" right
    before a labelled answer ("Zu Frage 3 und 4:") take the label's numbers, in order."""
    sections: list[Section] = []
    floor = start
    for label in ANSWER_LABEL.finditer(text, start, end):
        if not label.group("nums"):
            continue
        numbers = numbers_in(label.group("nums"))
        paragraphs = [(floor + m.start(), floor + m.end()) for m in re.finditer(r"\S(?:[^\n]|\n(?![ \t]*\n))*",
                                                                             text[floor:label.start()])]
        asked: list[tuple[int, int]] = []
        for s, e in reversed(paragraphs):
            if len(asked) == len(numbers) or not text[s:e].rstrip().endswith("?"):
                break
            asked.insert(0, (s, e))
        sections += [Section("question", (n,), s, e, text[s:e]) for n, (s, e) in zip(numbers, asked)]
        floor = label.end()
    return sections


def headed_answers(text: str, start: int, end: int, last_end: int | None = None) -> list[Section]:
    """Answers under "Zu 1.:" headings, the questions asked in the Kleine Anfrage only."""
    headings = list(ANSWER_HEADING.finditer(text, start, end))
    sections = []
    for i, heading in enumerate(headings):
        limit = headings[i + 1].start() if i + 1 < len(headings) else (last_end or end)
        s, e = trim(text, heading.end(), limit)
        if e > s:
            sections.append(answer(text, s, e, numbers_in(heading.group("nums"))))
    return sections


def preamble(text: str, start: int, end: int, title: str | None, author: str) -> Section | None:
    """The preliminary remarks of the members or of the government, past any heading."""
    body_start = start
    if title:
        found = text.find(title, start, end)
        if found != -1:
            body_start = found + len(title)
    heading = PREAMBLE.search(text, body_start, min(end, body_start + 200))
    if heading:
        body_start = heading.end()
    body_end = end
    original = ORIGINAL.search(text, body_start, end)
    if original and author == "members" and original.start() > body_start:
        body_end = min(body_end, original.start())
    s, e = trim(text, body_start, body_end)
    if e - s < 40:
        return None
    return Section("preamble", (), s, e, text[s:e], author=author)


@lru_cache(maxsize=1)
def declined_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE | re.DOTALL) for line in data_lines("declined.txt"))


def declined(answer_text: str) -> str | None:
    """The phrase with which an answer declines to answer, if it does."""
    flat = re.sub(r"\s+", " ", answer_text)  # phrases run across line breaks
    for pattern in declined_patterns():
        match = pattern.search(flat)
        if match:
            return match.group(0)
    return None
