"""Recognising names nobody listed, from what German official text gives away.

German capitalises every noun, so capitalisation alone says little. Names show
themselves otherwise, and each family of cues is a rule here (its id is the
mention's provenance, ``sovkg_patterns:<rule>``):

* ``apposition``: a type noun announces a name: "das Projekt NRW.Genius", "die
  Kompetenzplattform KI.NRW", "Förderprogramm „Digitale Zukunft KI“", "die
  Graduiertenkollegs Dataninja und NERD", "Landesbetrieb IT.NRW";
* ``organisation``: an organisation's shape: "Lamarr-Institut für Maschinelles Lernen
  und Künstliche Intelligenz", "Technische Universität Darmstadt", "Karlsruher Institut
  für Technologie", "Christian-Albrechts-Universität zu Kiel", "… GmbH", "… e. V.",
  ministries named by their minister, English names ending in their kind ("Sovereign
  Tech Agency", "Tübingen AI Center");
* ``unit``: a lab introduced at a body ("beim Landesbetrieb IT.NRW ein KI-Labor");
* ``strategy``: a strategy named after its Land ("KI-Strategie des Freistaates Sachsen");
* ``quoted``: a short name in quotation marks;
* ``shape``: dotted, camel-case and code names (X.NRW, hessian.AI, openDesk, Distr@l,
  InnoLab_bw, F13);
* ``list-head``: the head of a list item ("- KI.NRW Flagships: …");
* ``person``: a first name from the lexicon, or a title or office, before a
  capitalised surname ("Dr. Markus Richter", "US-Präsident Donald Trump");
* ``abbreviation``: "Ministerpräsidentenkonferenz (MPK)", "(JUPITER AI Factory – JAIF)",
  "… – hessian.AI –": the abbreviation becomes an alias of the long form, in this
  document and after, and its later mentions are mentions of the long form; capitalised words that spell the acronym after them ("Open
  Document Format (ODF)") name something even where no other rule found it.

Nouns and lexicons are data files (``type_nouns.tsv``, ``first_names.txt``,
``places.tsv``), loaded at ``initialize``. Rules only add spans where no earlier
component found one, so the knowledge base (when used) wins, except that a full name
outranks a shorter span inside it (``PatternRecognizer._full_names``).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sovkg.extract.coreference import LIST_WORDS, named_thing
from sovkg.extract.doctext import doc_lowers, doc_text, doc_words
from sovkg.extract.extensions import register_extensions
from sovkg.extract.morphology import morph_values
from sovkg.extract.normalize import compound_head, fold_word, repair_ocr
from sovkg.extract.pipeline_data import content_lines
from sovkg.extract.layouts.common import ministry_name

_QUOTES = {"„": "“", "\"": "\"", "»": "«", "«": "»", "“": "”", "‚": "‘"}
#: the quotation marks that open a quote
OPENING_QUOTES = frozenset(_QUOTES)
_DOTTED = re.compile(r"^[A-ZÄÖÜ][\wÄÖÜäöüß]*(?:\.[A-Za-zÄÖÜäöüß0-9]+)+$|^[a-zäöü]{3,}\.[A-Z]{2,}$")
#: a dotted word that is no name: a footnote mark after a full stop ("Projekte.1"), an
#: abbreviation before a word ("Univ.Prag", "Abs.3")
_NOT_DOTTED_NAME = re.compile(r"\.\d+$|^(?:Univ|Prof|Dr|Dipl|Abs|Art|Nr|Ziff|Kap|Hrsg|Bd|Vgl)\.")
#: "KraftStG", "EnLAG", "GasNEV": the abbreviation of a law (…gesetz) or an ordinance (…verordnung, …ordnung)
_LAW_ABBREVIATION = re.compile(r"^(?=[A-ZÄÖÜ][a-zäöü]*[A-ZÄÖÜ])(?=.*[a-zäöü])[A-Za-zÄÖÜäöü]{3,10}(?:G|V|VO|O)$")
#: "F13", "H100": capitals with a number are a product's or a project's name
_CODE_NAME = re.compile(r"^[A-Z]{1,4}\d{2,4}[A-Za-z]?$")
#: a minister as a body's head ("Minister für …"), asked of every capitalised word
_MINISTER = re.compile(r"(?:Bundes)?[Mm]inister(?:in)?")
#: "Distr@l", "SCHULE@BW", "InnoLab_bw": an @ or _ inside a word marks a name
_SYMBOL_NAME = re.compile(r"^[A-Za-zÄÖÜäöü][\wÄÖÜäöüß]*[@_][\wÄÖÜäöüß]+$")
#: camel case: "openDesk", "GovTeuken"
_CAMEL = re.compile(r"^(?:[a-z]+[A-Z]|[A-Z][a-z]+[A-Z])[A-Za-z]*$")
#: a short word of capitals before lower case: "LLMoin", "ITZBund", a name after a type noun
#: (not a plural of an acronym, "PCs", "LLMs", nor OCR's run-together words, "SSPielverhalten";
#: on its own too often a table's unit, "TEuro", to be a name by its shape alone)
_CAPITALS_FIRST = re.compile(r"^[A-Z]{2,4}[a-z]{2,5}$")
#: what is never a name on its own: code identifiers ("do_query", "ID_LENGTH") and file
#: names ("Session.pm", "C5_Einfuehrung_node.html")
_CODE_IDENTIFIER = re.compile(r"^(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z0-9]+_\w+)$")
_FILE_NAME = re.compile(r"\.(?:pm|pl|py|js|ts|php|html?|css|xml|json|ya?ml|txt|pdf|docx?|xlsx?|pptx?|csv|zip|gz|sh|"
                        r"cfg|conf|ini|java|rb|md|log|sql|png|jpe?g|gif|svg)$")
#: a numbered series of codes in one document ("C10", "C11", "C12": findings, clauses) are labels
_SERIES = 3
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}[a-z]?$")
#: Capitalised abbreviations that head ordinary compounds ("KI-Labor", "IT-Sicherheit").
_ACRONYM_COMMON = re.compile(r"^(?:KI|IT|EU|AI|US|UN|DV|IKT|EDV|OZG|GPU|CPU|HPC|LLM|API|OSS|PC)$")
_MIXED = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z][\w-]*$")
_NAME_ADJECTIVE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+isch|Technisch|Deutsch|Frei|Europäisch|Katholisch|Evangelisch|"
                             r"Königlich|Staatlich|Öffentlich|Gemeinsam|Unabhängig)(?:e|es|er|en|em)$"
                             r"|^[A-ZÄÖÜ]+ISCH(?:E|ES|ER|EN|EM)$")  # a letterhead: "SÄCHSISCHES STAATSMINISTERIUM"
_ARTICLE_FORMS = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "eines"})
_INDEFINITE = frozenset({"ein", "eine", "einer", "einen", "einem", "eines", "kein", "keine", "jede", "jeder", "jedes"})
_ORG_HEADS: dict[str, str] = {
    "institut": "ResearchOrganization", "forschungsinstitut": "ResearchOrganization",
    "landesinstitut": "GovernmentBody",  # a Land's agency: "Niedersächsisches Landesinstitut für …"
    "forschungszentrum": "ResearchOrganization", "kompetenzzentrum": "Organization",
    "zentrum": "Organization", "hochschule": "ResearchOrganization", "universität": "ResearchOrganization",
    "akademie": "ResearchOrganization", "ministerium": "GovernmentBody", "bundesministerium": "GovernmentBody",
    "landesministerium": "GovernmentBody", "staatsministerium": "GovernmentBody",
    "bundesamt": "GovernmentBody", "landesamt": "GovernmentBody",
    "amt": "GovernmentBody", "agentur": "GovernmentBody", "bundesagentur": "GovernmentBody",
    "beauftragte": "GovernmentBody", "beauftragter": "GovernmentBody", "landesbetrieb": "GovernmentBody",
    "staatsbetrieb": "GovernmentBody",
    "behörde": "GovernmentBody", "senatsverwaltung": "GovernmentBody",  # the city states' ministries
    "verbund": "Organization", "zentrale": "GovernmentBody", "direktion": "GovernmentBody",  # "Hessische Zentrale für Datenverarbeitung"
    "stiftung": "Organization", "verband": "Organization", "bundesverband": "Organization",
    "verein": "Organization", "gesellschaft": "Organization", "allianz": "Organization",
    "gemeinschaft": "Organization",
    "anstalt": "GovernmentBody",  # "Anstalt für Kommunale Datenverarbeitung in Bayern": a public-law body
    "ministerkonferenz": "GovernmentBody",  # "Kultusministerkonferenz (KMK)"
}
_FOLDED_HEADS = {fold_word(head): label for head, label in _ORG_HEADS.items()}
#: heads whose own form ends in -er, which the folding of a word in -er may stand for
_ER_HEADS = tuple(fold_word(head) for head in _ORG_HEADS if head.endswith("er"))
_APPOSITION_NOUNS = frozenset({"mitglied", "tochter", "tochtergesellschaft", "teil", "einrichtung", "sitz", "ein",
                               "eine", "einer", "gründungsmitglied", "partner", "träger", "nachfolger", "nachfolgerin",
                               "vorgänger", "vorgängerin", "vormals", "ehemals", "früher"})
#: a centre for one of these fields is a research centre: "Zentrum für Künstliche Intelligenz"
_RESEARCH_FIELD = re.compile(r"Intelligenz|\bKI\b|\bAI\b|Lernen|Forschung|Informatik|Hochleistungsrechn|Daten|"
                             r"Quanten|Robotik|Informationsdienste|Wissenschaft|Technologie")
#: a research society's body is research whatever its head ("Helmholtz-Gemeinschaft")
_RESEARCH_SOCIETY = re.compile(r"Helmholtz|Max-Planck|Fraunhofer|Leibniz")
_CENTRE = fold_word("zentrum")
_DATA_CENTRE = fold_word("rechenzentrum")


def _complement_kind(head: str, token: Token, complement: Span) -> str:
    """A body's type by its field: a centre for a research field is research ("Zentrum für
    Künstliche Intelligenz"), a body's data centre is infrastructure, a site ("im
    Rechenzentrum des ITZBund")."""
    if head != "Organization":
        return head
    if _research_centre(token.text, complement.text):
        return "ResearchOrganization"
    return "Infrastructure" if fold_word(token.text) == _DATA_CENTRE and complement[0].lower_ in ("des", "der") else head


#: a body's legal form, which names no body unless its name follows: "eine Anstalt des öffentlichen Rechts"
_LEGAL_FORM = ("des", "öffentlichen", "rechts")


def _legal_form(doc: Doc, start: int, nxt: int) -> bool:
    """"Komm.ONE, die Anstalt des öffentlichen Rechts der Kommunen", "der Anstalt des
    öffentlichen Rechts Dataport": a legal form, which describes a body and names none."""
    return start == nxt - 1 and tuple(t.lower_ for t in doc[nxt:nxt + len(_LEGAL_FORM)]) == _LEGAL_FORM


def _research_centre(head: str, words: str) -> bool:
    """Whether a body of the head noun with these words is a research body: a centre
    ("Zentrum", "Kompetenzzentrum") for a research field, or any body of a research
    society; an alliance or a network for AI is not ("KI-Allianz", "Verbund für …")."""
    if _RESEARCH_SOCIETY.search(words):
        return True
    return fold_word(head).endswith(_CENTRE) and bool(_RESEARCH_FIELD.search(words))


#: a Land's or the Federation's centre is an authority, whatever its field ("Landeszentrum für Datenschutz",
#: "Thüringer Landesrechenzentrum")
_STATE_CENTRE = re.compile(r"(?:Landes|Bundes)[a-zäöüß]*zentr(?:um|ums|ale)$")
#: a computing centre of science is a research institution (and infrastructure): "Leibniz-Rechenzentrum",
#: "Höchstleistungsrechenzentrum Stuttgart", "Universitätsrechenzentrum Leipzig"; a Land's is not
_COMPUTING = re.compile(r"(?:[Hh]öchstleistungs|[Hh]ochleistungs|[Uu]niversitäts|[Hh]ochschul|Leibniz-)rechenzentrum$")
#: the articles that open an apposition after a name ("STACKIT, die Cloud-Plattform …")
_APPOSITION_ARTICLES = frozenset({"der", "die", "das", "ein", "eine", "einer", "eines", "einem", "einen"})
#: who owns a strategy named after a place: "des Freistaates Sachsen", "der Stadt Dortmund"
_OWNERS = frozenset({"Landes", "Freistaates", "Freistaats", "Bundes", "Stadt", "Landeshauptstadt", "Hansestadt"})
#: heads that keep their kind at the end of a compound
#: heads a body named after its founder has, the name written apart ("Hector Stiftung")
_FOUNDER_HEADS = frozenset(fold_word(h) for h in ("stiftung", "institut", "gesellschaft"))
#: bodies named after a person with a given name: "Eberhard Karls Universität"
_PERSON_NAMED_HEADS = frozenset(fold_word(h) for h in ("universität", "hochschule"))
_COMPOUND_HEADS = tuple(fold_word(h) for h in ("akademie", "institut", "hochschule", "universität", "agentur",
                                                "gemeinschaft", "zentrum", "behörde", "direktion", "beauftragte",
                                                "beauftragter", "ministerium", "stiftung", "ministerkonferenz"))
#: English names end in their kind: "Sovereign Tech Agency", "Tübingen AI Center"
_ENGLISH_HEADS = {"Agency": "GovernmentBody", "Alliance": "Organization", "Foundation": "Organization",
                  "Association": "Organization", "Council": "Organization", "Network": "Organization",
                  "Institute": "ResearchOrganization", "Center": "ResearchOrganization",
                  "Centre": "ResearchOrganization", "Laboratory": "ResearchOrganization", "Undertaking": "GovernmentBody",
                  "Lab": "Initiative", "Hub": "Initiative", "School": "ResearchOrganization", "Schools": "Initiative",
                  "Valley": "Initiative", "Factory": "Initiative", "Campus": "Initiative", "Fund": "Initiative",
                  "Stack": "Technology", "Act": "Policy"}
#: English kinds after a name of a name's shape ("dPhoenix Suite"): part of the name, and its type
_KINDS_AFTER_SHAPES = {**_ENGLISH_HEADS, "Suite": "Technology", "Cloud": "Infrastructure", "Platform": "Initiative"}
#: the kinds an English name defined by its acronym may have anywhere in it
_DEFINED_ENGLISH_KINDS = {**_ENGLISH_HEADS, "Park": "Initiative"}
#: English words before a kind that make it another: a "Data Center" is infrastructure, a
#: "Summer School" a programme
_ENGLISH_MODIFIERS = {("Data", "Center"): "Infrastructure", ("Data", "Centre"): "Infrastructure",
                      ("Summer", "School"): "Initiative", ("Winter", "School"): "Initiative"}
#: English words that type a quoted name they end ("Gauss-AI-Compute Competition")
_QUOTED_HEADS = {"Competition": "Initiative", "Challenge": "Initiative", "Stack": "Initiative",
                 "Project": "Initiative", "Platform": "Initiative"}
_COMPLEMENT_START = frozenset({"für", "der", "des", "zur", "zum"})
#: phrases that introduce a name, by their length ("mit der Bezeichnung „KI-Navigator“")
_NAMING_PHRASES: dict[int, list[list[str]]] = {
    3: [["mit", "der", "bezeichnung"], ["mit", "dem", "namen"], ["unter", "dem", "namen"], ["mit", "dem", "titel"],
        ["unter", "dem", "titel"]],
    1: [["namens"], ["genannt"], ["bezeichnet"]],
}
_OFFICE_WORD = re.compile(r"^(?:Bundes)?[Mm]inister(?:in|ium|iums)?$|^Chef(?:in)?$|^Staatskanzlei$")
_RELATIVE = frozenset({"der", "die", "das", "dem", "den", "welche", "welcher", "welches", "deren", "dessen", "wie"})
_DIRECT_HEADS = frozenset({"landesbetrieb", "bundesbetrieb", "eigenbetrieb", "staatsbetrieb"})
#: a short form of capitals in hyphenated parts ("IT-DLZ", "KI-MIG")
_HYPHENATED_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}(?:-[A-ZÄÖÜ]{2,5})+")
#: the methods of the rules that type a name by its shape alone
_SHAPE_RULES = frozenset({"sovkg_patterns:shape"})
#: an initial or an abbreviated title inside a company's name ("F.", "Ing.", "h.c.")
_INITIAL = re.compile(r"(?:[A-ZÄÖÜ][a-zäöü]{0,2}\.|[a-z]\.[a-z]\.)")
_COMPANY_SUFFIX = re.compile(r"^(?:GmbH|AG|SE|KG|KGaA|UG|mbH|Inc\.?|Ltd\.?|e\.\s?V\.|eG|Corporation|Corp\.|LLC|PLC|N\.V\.|"
                             r"B\.V\.|S\.A\.|SAS|Gruppe|Group)$")
#: a signature formula, then the signer's name on a line of its own (titles before it)
_SIGNATURE = re.compile(r"(?m)^[ \t]*(?:In Vertretung|Im Auftrag|Mit freundlichen Grüßen)[ \t]*\n\s*"
                        r"(?:(?:Dr\.|Prof\.)[ \t]+)*(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
                        r"(?:[ \t]+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?){1,2})[ \t]*$")
_SAINTS = frozenset({"St.", "Sankt", "Hl.", "Heiligen"})
_PERSON_CUES = frozenset({"dr.", "prof.", "abgeordnete", "abgeordneten", "abgeordneter", "minister", "ministerin",
                          "präsident", "präsidentin", "staatssekretär", "staatssekretärin", "ministerpräsident",
                          "ministerpräsidentin", "bundeskanzler", "bundeskanzlerin", "oberbürgermeister",
                          "oberbürgermeisterin", "herr", "frau", "cio", "sprecher", "sprecherin", "vorsitzende",
                          "vorsitzender", "geschäftsführer", "geschäftsführerin", "direktor", "direktorin", "leiter",
                          "leiterin"})
#: "beim Landesbetrieb IT.NRW ein KI-Labor", "Beim BSI wurde ein KI-Labor eingerichtet": a unit
#: introduced with an indefinite article is named by where it is; elsewhere "ein KI-Labor"
#: is any lab.
_UNIT_AT = re.compile(
    r"\b[Bb]ei(?:m|\s+der|\s+dem)?\s+(?P<site>[A-ZÄÖÜ][\w.\-/]*(?:\s+(?:für|der|des|in|und|[A-ZÄÖÜ][\w.\-/]*)){0,8}?)\s+"
    r"(?:(?:wurde|wird|werden|wurden|existiert|besteht|gibt\s+es|entstand|entsteht)\s+"
    r"(?:(?:zudem|auch|bereits|seit\s+\d{4}|inzwischen)\s+)?)?"
    r"(?:ein|eine)\s+(?P<unit>[A-ZÄÖÜ][\w.]*-(?:Labor|Lab|Werkstatt))\b")
_FUNCTION_WORDS = frozenset({"für", "und", "der", "die", "das", "des", "von", "im", "in", "am", "an", "zu", "zur",
                             "zum", "mit", "&", "of", "the", "for", "and", "–", "-"})
#: the small words a name spelled out before its acronym may hold ("Anstalt für Kommunale
#: Datenverarbeitung in Bayern (AKDB)"); articles only after one of them ("… in der …")
_INSIDE_NAMES = frozenset({"-", "und", "für", "in", "im", "des", "der", "von", "zur", "zum", "am"})


#: nouns after which "in X" names a place ("mit Sitz in X")
_SEAT_NOUNS = frozenset({"sitz", "hauptsitz", "firmensitz", "standort", "standorte", "standorten", "niederlassung",
                         "niederlassungen", "zentrale"})
#: "der Bund" / "das Land" in their case forms, the articles that make them the
#: government (not "im Land", "ein Land"; not the genitive, which is part of a name or
#: a possessive: "IT-Planungsrat des Bundes und der Länder", "Agenda des Landes"),
#: their names (the federal level is "Bund", its own node beside the Bundesregierung;
#: "das Land" the linker names after the paper's Land), and what may not follow
_LEVEL_FORMS = {"bund": "bund", "land": "land"}
_LEVEL_ARTICLES = {"bund": frozenset({"der", "dem", "den", "vom", "beim", "zum"}),
                   "land": frozenset({"das", "dem", "vom", "beim", "zum"})}
_LEVEL_GOVERNMENTS = {"bund": "Bund", "land": "Land"}
_NOT_LEVEL_NEXT = frozenset({"-", "für", "der", "des", "deutscher", "deutsche"})
#: the other level in "Bund und Land", "von Bund und Ländern", "Land und Bund": no article needed
_OTHER_LEVEL = {"bund": ("land", "länder", "ländern"), "land": ("bund",)}


def _both_levels(lowers: list[str], i: int) -> bool:
    """ "von Bund und Land dauerhaft finanziert", "die Bund und Länder finanzieren": the
    federal level and the Land (or the Länder) named together, which needs no article. A
    plural "Länder" is all of them, no one node; only "Bund" and a singular "Land" are."""
    others = _OTHER_LEVEL[lowers[i]]
    after = i + 2 < len(lowers) and lowers[i + 1] == "und" and lowers[i + 2] in others
    before = i >= 2 and lowers[i - 1] == "und" and lowers[i - 2] in others
    return after or before


def _rows(text: str) -> list[list[str]]:
    """Tab-separated rows of a data file's text, without comments and blank lines."""
    return [line.split("\t") for line in content_lines(text)]


@dataclass(slots=True)
class _Candidate:
    start: int  # token indices
    end: int
    label: str
    rule: str
    name: str | None = None


#: plural heads of coordinated names and their singular ("die Fraunhofer-Institute für … und für …")
_SINGULAR_HEADS = {"institute": "Institut", "zentren": "Zentrum", "hochschulen": "Hochschule",
                   "universitäten": "Universität", "ämter": "Amt", "ministerien": "Ministerium"}


def _coordinated(doc: Doc, start: int, complement: int, end: int, head: str) -> Iterable[_Candidate]:
    """One name, or two where a plural head takes two complements ("die Fraunhofer-Institute
    für Intelligente Analyse- und Informationssysteme IAIS und für Integrierte Schaltungen
    IIS" are two institutes, each named in full)."""
    word = doc[complement].lower_
    split = next((k for k in range(complement + 2, end - 1)
                  if doc[k].lower_ == "und" and doc[k + 1].lower_ == word and doc[k - 1].text != "-"), None)
    head_text = doc[start:complement].text
    singular = next((head_text[:-len(p)] + s for p, s in _SINGULAR_HEADS.items() if head_text.casefold().endswith(p)), None)
    if split is None or singular is None:
        yield _Candidate(start, end, head, "organisation", _org_name(doc[start:end].text))
        return
    yield _Candidate(start, split, head, "organisation", _org_name(f"{singular} {doc[complement:split].text}"))
    yield _Candidate(split + 1, end, head, "organisation", _org_name(f"{singular} {doc[split + 1:end].text}"))


class PatternRecognizer:
    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.type_nouns: dict[str, str] = {}
        self.first_names: frozenset[str] = frozenset()
        self.places: frozenset[tuple[str, ...]] = frozenset()
        self.states: frozenset[tuple[str, ...]] = frozenset()
        self.known_words: frozenset[str] = frozenset()
        self.place_prefixes: dict[str, tuple[str, str]] = {}

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp: Language | None = None,
                   type_nouns: str = "", first_names: str = "", places: str = "", known_words: str = "",
                   place_prefixes: str = "") -> None:
        """Read the texts of the data files ``pipeline.cfg`` names (type nouns, first names,
        places, common words: :func:`sovkg.extract.pipeline_data.data_file`)."""
        self.type_nouns = {fold_word(row[0]): row[1] for row in _rows(type_nouns)}
        self.first_names = frozenset(row[0] for row in _rows(first_names))
        place_names, state_names = set(), set()
        for row in _rows(places):
            for name in [row[0], *(row[3].split("|") if len(row) > 3 and row[3] else [])]:
                words = tuple(fold_word(w) for w in re.findall(r"\w+(?:\.\w+)*", name))
                place_names.add(words)
                if row[1] == "state":
                    state_names.add(words)
        self.places, self.states = frozenset(place_names), frozenset(state_names)
        self.known_words = frozenset(row[0] for row in _rows(known_words))
        self.place_prefixes = {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in _rows(place_prefixes)}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save what ``initialize`` read, so a loaded pipeline needs no data files."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / "data.json.gz", {
            "type_nouns": self.type_nouns, "first_names": sorted(self.first_names),
            "places": sorted(self.places), "states": sorted(self.states), "known_words": sorted(self.known_words),
            "place_prefixes": self.place_prefixes})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PatternRecognizer:
        data = srsly.read_gzip_json(Path(path) / "data.json.gz")
        self.type_nouns = dict(data["type_nouns"])
        self.first_names = frozenset(data["first_names"])
        self.places = frozenset(tuple(words) for words in data["places"])
        self.states = frozenset(tuple(words) for words in data.get("states", ()))
        self.known_words = frozenset(data["known_words"])
        self.place_prefixes = {k: tuple(v) for k, v in data.get("place_prefixes", {}).items()}
        return self

    # -- the pass over a doc ------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        appositions = list(self._appositions(doc))
        units = self._full_names(doc, existing, appositions)
        existing = [s for s in existing if not any(u.start <= s.start and s.end <= u.end and u.end - u.start > len(s)
                                                   for u in units)]
        occupied = [False] * len(doc)
        for span in existing:
            for i in range(span.start, span.end):
                occupied[i] = True
        candidates: list[_Candidate] = []
        for rule in (lambda d: units, lambda d: appositions, self._described_after, self._name_compounds, self._quoted,
                     self._list_heads, self._persons, self._signatures, self._level_governments, self._seats,
                     self._shapes):
            for candidate in rule(doc):
                if candidate.end <= candidate.start or any(occupied[candidate.start:candidate.end]):
                    continue
                for i in range(candidate.start, candidate.end):
                    occupied[i] = True
                candidates.append(candidate)
        existing = self._add_repeated(doc, candidates, existing, occupied)
        spans = existing + [self._span(doc, c) for c in candidates]
        spans += [self._span(doc, c) for c in self._list_siblings(doc, spans, occupied)]
        aliases: dict[str, str] = {}  # folded short form -> long form, for this doc only
        defined = self._abbreviations(doc, spans, occupied, aliases)
        spans += defined + _later_abbreviations(doc, defined, occupied)
        self._list_head_appositives(doc, spans, aliases)
        self._founder_aliases(doc, spans, aliases)
        self._link_aliases(doc, spans, aliases)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc

    @staticmethod
    def _examples_follow(doc: Doc, i: int, label: str, plural: bool) -> int:
        """ "Unternehmen wie Bosch", "Projekten wie Gaia-X Federation Services", "Sprachmodelle,
        darunter Llama 3.3": examples of a kind follow at ``i``, which are names whether lists
        know them or not; how many words introduce them (0: none follow)."""
        if not (label == "Company" or plural and label in ("Initiative", "Technology")):
            return 0
        words = [t.lower_ for t in doc[i:i + 2]]
        return 1 if words[:1] == ["wie"] and i + 1 < len(doc) else \
            2 if words == [",", "darunter"] and i + 2 < len(doc) else 0

    def _list_siblings(self, doc: Doc, spans: list[Span], occupied: list[bool]) -> list[_Candidate]:
        """"Linux, Ceph, OpenStack", "Betacloud, plusserver und B1-Systems": an unknown word in a
        list beside a name of a kind is a name of that kind (products, companies, bodies are
        listed with their like). Only words no list of common words knows, one word each."""
        found: list[_Candidate] = []
        for span in (s for s in spans if s.label_ in _LISTED_KINDS and named_thing(s)):
            for step in (-1, 1):
                i = span.start - 2 if step < 0 else span.end + 1
                while 0 <= i < len(doc) and doc[i - step].lower_ in LIST_WORDS and not occupied[i] \
                        and self._unknown_word(doc[i]) and not (i > 0 and doc[i - 1].lower_ == "von"):  # a maker
                    occupied[i] = True
                    found.append(_Candidate(i, i + 1, span.label_, "list-sibling"))
                    i += 2 * step
        return found

    def _unknown_word(self, token: Token) -> bool:
        """A word no list of common words knows, which the tagger calls a proper noun or which is
        written small or shaped as a name ("Ceph", "plusserver", "Wekan"), not a sentence's first."""
        text = token.text
        shaped = _name_shape(text) or token.pos_ == "PROPN" or text[:1].islower()  # the tagger's word on it
        return len(text) > 2 and (text.isalpha() or _name_shape(text)) and shaped and not token.is_sent_start \
            and text.casefold() not in self.known_words and fold_word(text) not in self.known_words \
            and text.lower() not in _FUNCTION_WORDS

    def _full_names(self, doc: Doc, existing: list[Span], appositions: list[_Candidate]) -> list[_Candidate]:
        """Names that outrank what earlier components found inside them: "ein KI-Labor",
        "Tübingen AI Center", "Hessisches Zentrum für Künstliche Intelligenz" over the "KI",
        the "Tübingen", the "Künstliche Intelligenz" inside them, a type noun's name that ends
        in a place ("die Landesoberbehörde IT Baden-Württemberg"); a defined acronym only
        where no other rule or list found what it abbreviates."""
        units = list(self._units(doc)) + list(self._english_names(doc)) + list(self._organisations(doc)) \
            + list(_society_institutes(doc)) + list(_adjective_names(doc, self.places)) \
            + list(self._strategies(doc)) + [c for c in self._quoted(doc) if c.end - c.start >= 2] \
            + list(self._bodies_at_places(doc)) + list(self._initiatives_at_places(doc))
        places = [s for s in existing if s.label_ == "Place"]
        units += [c for c in appositions  # "die Landesoberbehörde IT Baden-Württemberg", "Förderwettbewerb „… Gaia-X“"
                  if any(c.start < s.start and s.end <= c.end for s in places)
                  or c.start > 0 and doc[c.start - 1].text in _QUOTES and c.end - c.start >= 2]
        named = [s for s in existing if named_thing(s)]  # a concept ("Cloud") inside never blocks a name
        ends = {c.end for c in units} | {s.end for s in named if s.label_ != "Place"}
        taken = {i for c in units for i in range(c.start, c.end)} | \
            {i for s in named if s.label_ != "Place" for i in range(s.start, s.end)}
        places = {i for s in named if s.label_ == "Place" for i in range(s.start, s.end)}
        for long_form, short in _pairs(self._defined_acronyms(doc)):
            inside = set(range(long_form.start, long_form.end))
            shorter = next((c for c in units if self._seat_short_of(doc, c, long_form)), None)
            if shorter is not None:  # "Anstalt für Kommunale Datenverarbeitung in Bayern (AKDB)":
                units[units.index(shorter)] = long_form  # the acronym spells the seat as part of the name
                units.append(short)
            elif long_form.end not in ends and not taken & inside and inside - places:
                units += [long_form, short]  # a place may end it: "Infrastrukturbank Hessen (WIBank)"
        return units

    def _seat_short_of(self, doc: Doc, candidate: _Candidate, long_form: _Candidate) -> bool:
        """``candidate`` is ``long_form`` but for the seat that ends it ("… in Bayern")."""
        return candidate.start == long_form.start and candidate.end < long_form.end and \
            doc[candidate.end].lower_ in ("in", "im") and \
            self._place_length(doc, candidate.end + 1) == long_form.end - candidate.end - 1

    def _span(self, doc: Doc, c: _Candidate) -> Span:
        span = Span(doc, c.start, c.end, label=c.label)
        span._.sovkg_method = f"sovkg_patterns:{c.rule}"
        span._.sovkg_name = c.name or _ocr_name(span.text)
        return span

    # -- rules ----------------------------------------------------------------------------

    def _organisations(self, doc: Doc) -> Iterable[_Candidate]:
        """Bodies named by a head noun ("Universität", "Stiftung", "Ministerium") and what
        completes it, and names before a legal form."""
        words = doc_words(doc)
        for i, word in enumerate(words):
            head = self._org_head(words, i) if word[:1].isupper() else None
            if head is not None and not _indefinite_before(doc, i):
                yield from self._organisation_at(doc, doc[i], head)
        yield from self._legal_forms(doc)

    def _organisation_at(self, doc: Doc, token: Token, head: str) -> Iterable[_Candidate]:
        """The name around one head noun: a complement ("Zentrum für …"), a place
        ("Universität zu Köln"), a direct head's name, a prefix or a founder's name."""
        start = self._founder_start(doc, _name_prefix_start(doc, token.i, self.places), token)
        if head == "Organization" and _STATE_CENTRE.match(token.text):
            head = "GovernmentBody"  # "Unabhängiges Landeszentrum für Datenschutz", "Bundeszentrale für …"
        elif head == "Organization" and (_research_centre(token.text, doc[start:token.i].text)
                                         or _COMPUTING.search(token.text)):
            head = "ResearchOrganization"  # "Helmholtz-Zentrum Dresden-Rossendorf", "Höchstleistungsrechenzentrum …"
        nxt = token.i + 1
        owner = nxt + 1 < len(doc) and doc[nxt].lower_ in ("des", "der") and doc[nxt + 1].text in _OWNERS
        owned = self._owned_name(doc, start, token, head) if owner else None
        if owned is not None:
            yield owned
            return
        if nxt < len(doc) and doc[nxt].lower_ in _COMPLEMENT_START and not owner:  # not "Rechenzentrum des Landes"
            end = _complement_end(doc, nxt + 1, self.places, self.first_names)
            if _legal_form(doc, start, nxt):
                yield from self._named_after_legal_form(doc, nxt + len(_LEGAL_FORM), head)
                return
            if end > nxt + 1:
                yield from _coordinated(doc, start, nxt, end, _complement_kind(head, token, doc[nxt:end]))
                return
        if self._federal_name_at(doc, token, head):
            yield _Candidate(start, nxt + 1, "GovernmentBody", "organisation")  # "Informationstechnikzentrum Bund"
            return
        seat_end = self._seat_end(doc, nxt)
        if seat_end is not None:
            yield _Candidate(start, seat_end, self._seated_kind(doc, token, head, seat_end), "organisation")
            return
        if fold_word(token.text) in _DIRECT_HEADS and nxt < len(doc) and doc[nxt].text[:1].isupper():
            # "Landesbetrieb Information und Technik Nordrhein-Westfalen" (one name
            # such as "Landesbetrieb IT.NRW" is an apposition instead)
            end = _complement_end(doc, nxt, self.places, self.first_names)
            if len([t for t in doc[nxt:end] if not t.is_punct]) >= 3:
                yield _Candidate(start, end, head, "organisation")
                return
        if start < token.i and not self._kind_of_next_name(doc, start, nxt):  # (only hyphens were stepped over)
            yield _Candidate(start, token.i + 1, head, "organisation")  # "Lamarr-Institut"

    def _named_after_legal_form(self, doc: Doc, i: int, head: str) -> Iterable[_Candidate]:
        """The name a legal form goes on with ("… des öffentlichen Rechts Dataport"), of the
        form's type; none if no name follows ("… des öffentlichen Rechts der Kommunen")."""
        if i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ not in _ARTICLE_FORMS:
            found = self._name_at(doc, i, any_capitalised=True)
            if found is not None:
                yield _Candidate(found[0], found[1], head, "organisation")

    def _owned_name(self, doc: Doc, start: int, token: Token, head: str) -> _Candidate | None:
        """A head noun's name with its owner: "IT-Dienstleistungszentrum des Freistaats Bayern" (a
        named owner is part of the name, and a body of a Land, a Bund or a city is a government's,
        an authority, not a firm), "Hochschule des Bundes für öffentliche Verwaltung" (its field)."""
        nxt = token.i + 1
        if start < token.i and nxt + 2 < len(doc) and self._is_place_at(doc, nxt + 2):
            body = "GovernmentBody" if head == "Organization" else head
            return _Candidate(start, nxt + 2 + self._place_length(doc, nxt + 2), body, "organisation")
        if head != "Organization" and nxt + 3 < len(doc) and doc[nxt + 2].lower_ == "für":
            end = _complement_end(doc, nxt + 3, self.places, self.first_names)
            return _Candidate(start, end, head, "organisation") if end > nxt + 3 else None
        return None

    def _kind_of_next_name(self, doc: Doc, start: int, nxt: int) -> bool:
        """"das Big-Data-Kompetenzzentrum ScaDS Dresden/Leipzig": a compound of common words
        before a name is the kind of the name, no name itself ("Lamarr-Institut" is one)."""
        prefix = doc[start:nxt - 1]
        return nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].lower_ not in self.known_words \
            and all(t.text == "-" or t.is_alpha and t.lower_ in self.known_words and t.lower_ not in _FUNCTION_WORDS
                    for t in prefix)

    def _seated_kind(self, doc: Doc, token: Token, head: str, seat_end: int) -> str:
        """A centre named after a Land is the Land's authority ("IT-Dienstleistungszentrum
        Saarland", "Unabhängiges Datenschutzzentrum Saarland"), as a Land's centre
        (:data:`_STATE_CENTRE`) is; after a city it may be anyone's ("Kompetenzzentrum Köln")."""
        seat = tuple(fold_word(t.text) for t in doc[token.i + 1:seat_end] if not t.is_punct)
        return "GovernmentBody" if head == "Organization" and fold_word(token.text).endswith(_CENTRE) \
            and seat in self.states else head

    def _seat_end(self, doc: Doc, i: int) -> int | None:
        """The end of the place a body's name ends in, from ``i``: "Universität zu Köln",
        "Universität Kaiserslautern-Landau"; None if no place follows."""
        if i + 1 < len(doc) and doc[i].lower_ == "zu" and self._is_place_at(doc, i + 1):
            i += 1  # "Christian-Albrechts-Universität zu Kiel"
        if i >= len(doc) or not self._is_place_at(doc, i):
            return None
        end = i + self._place_length(doc, i)
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper():
            end += 2  # "Universität Kaiserslautern-Landau"
        return end

    def _federal_name_at(self, doc: Doc, token: Token, head: str) -> bool:
        """A compound body's name ending in "Bund" ("Informationstechnikzentrum Bund"), the
        federal level's way of naming its bodies; not "Bund und Länder" after a bare head."""
        nxt = token.i + 1
        return nxt < len(doc) and doc[nxt].text == "Bund" and head != "ResearchOrganization" \
            and fold_word(token.text) not in _FOLDED_HEADS \
            and (nxt + 1 >= len(doc) or doc[nxt + 1].lower_ not in ("und", "sowie", "-", "oder"))

    def _legal_forms(self, doc: Doc) -> Iterable[_Candidate]:
        """"Open Source Business Alliance e. V.", "Capgemini GmbH": the words before a legal form."""
        words = doc_words(doc)
        for token in (doc[i] for i, word in enumerate(words) if word == "V." or _COMPANY_SUFFIX.match(word)
                      and not (i + 1 < len(words) and _COMPANY_SUFFIX.match(words[i + 1]))  # "… Group AG"
                      and not _and_company(words[max(0, i - 2):i])):  # "GmbH & Co. KG" is one legal form
            registered = token.text == "V." and token.i > 0 and doc[token.i - 1].text == "e."
            if _COMPANY_SUFFIX.match(token.text) or registered:
                start = token.i - 1 if registered else token.i
                token = doc[start] if registered else token
                start = self._legal_name_start(doc, start)
                if start > 0 and re.fullmatch(r"[a-zäöü]+(?:e|en|er|es|em)", doc[start - 1].text) \
                        and doc[start - 1].lower_ not in _FUNCTION_WORDS | _INDEFINITE | _RELATIVE:
                    continue  # "… der öffentlichen Hand GmbH": the name began before the adjective
                if start < token.i:
                    label = "Organization" if registered or token.text.startswith("e") else "Company"
                    end = token.i + (2 if registered else 1)
                    if _and_company(words[end:end + 2]) and end + 2 < len(words) and words[end + 2] in ("KG", "KGaA"):
                        end += 3
                    yield _Candidate(start, end, label, "organisation")

    def _legal_name_start(self, doc: Doc, form: int) -> int:
        """Where the name before a legal form (at ``form``) begins: capitalised words back to
        a type noun ("dem Heidelberger Unternehmen Aleph Alpha GmbH"), with hyphenated parts
        ("Mercedes-Benz Group AG"), initials and titles ("Dr. Ing. h.c. F. Porsche AG") and
        common nouns joined by "und" ("Computer Vertrieb und Service GmbH")."""
        start = form
        while start > 0 and form - start < 8 and not doc[start - 1].is_sent_start:
            before = doc[start - 1]
            if before.text in ("-", "‐") and start >= 2 and not before.whitespace_ \
                    and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
                start -= 2
            elif before.text == "&" and start >= 2 and start < form and doc[start - 2].text[:1].isupper() \
                    and not doc[start - 2].is_sent_start:
                start -= 2  # "Hessen Trade & Invest GmbH", "Ernst & Young GmbH"
            elif before.lower_ == "und" and start >= 2 and start < form \
                    and all(doc[k].lower_ in self.known_words and doc[k].text[:1].isupper() for k in (start - 2, start)):
                start -= 2
            elif _INITIAL.fullmatch(before.text) and start < form and doc[start].text[:1].isupper():
                start -= 1
            elif form - start < 3 and all(_LOWER_NAME.fullmatch(t.text) for t in doc[start:form]) \
                    and _LOWER_NAME.fullmatch(before.text) and before.lower_ not in self.known_words \
                    and before.lower_ not in _FUNCTION_WORDS | _ARTICLE_FORMS:
                start -= 1  # a name in lower case: "plusserver GmbH", "enervis energy advisors GmbH"
            elif before.text[:1].isupper() and self.type_nouns.get(fold_word(before.text)) in _IN_COMPANY_NAMES \
                    and not self._place_adjective(before.text):
                start -= 1  # not "dem Unternehmen" of "dem Unternehmen Aleph Alpha GmbH"; "Meyer Software AG" whole
            else:
                break
        return start

    def _town_at(self, doc: Doc, i: int) -> bool:
        """ "… SE aus Montabaur", "… GmbH in Fürth": after a legal form, a word that names a town
        (not "die Meyer AG aus Kostengründen")."""
        token = doc[i]
        return token.is_title and self._namey(token) and not self._common_compound(token)

    def _place_adjective(self, word: str) -> bool:
        """ "Kölner", "Heidelberger": a town's adjective before a company's name, no part of it."""
        return word.endswith("er") and any((fold_word(stem),) in self.places for stem in (word[:-2], word[:-1]))

    def _founder_start(self, doc: Doc, i: int, head: Token) -> int:
        """"Hector Stiftung", "Robert Bosch Stiftung", "Hasso Plattner Institut": a body named
        after its founder, written apart, before its name's start ``i``. Only words no German
        word list knows (and first names) are a founder's name: "das Land Stiftung …" stays
        as it is. A university's name begins with a given name ("die Eberhard Karls
        Universität Tübingen", "die Johannes Gutenberg-Universität Mainz"), also after a
        hyphenated prefix."""
        folded = fold_word(head.text)
        if folded in _FOUNDER_HEADS and i == head.i:
            start = i
            while start > 0 and i - start < 3 and _founder_word(doc[start - 1]) and \
                    (self._given_name(doc, start - 1) or doc[start - 1].lower_ not in self.known_words
                     or start >= 2 and self._given_name(doc, start - 2)) and \
                    (fold_word(doc[start - 1].text),) not in self.places and \
                    fold_word(doc[start - 1].text) not in self.type_nouns:
                start -= 1  # a surname that is a word after a given name: "Dieter Schwarz Stiftung"
            return start
        if folded not in _PERSON_NAMED_HEADS:
            return i
        start = next((k for k in range(i - 1, max(-1, i - 3), -1) if self._given_name(doc, k)
                      and all(_founder_word(t) for t in doc[k:i])), i)
        if start == i and i > 0 and _RESEARCH_SOCIETY.fullmatch(doc[i - 1].text):
            start = i - 1  # "die Leibniz Universität Hannover"
        before = doc[start - 1] if start > 0 else None
        return start if before is None or not before.text[:1].isupper() or before.lower_ in _ARTICLE_FORMS else i

    def _given_name(self, doc: Doc, i: int) -> bool:
        return doc[i].text in self.first_names

    def _defined_acronyms(self, doc: Doc) -> Iterable[_Candidate]:
        """"Open Document Format (ODF)", "Wirtschafts- und Infrastrukturbank Hessen (WIBank)":
        capitalised words whose letters spell the acronym in parentheses after them name
        something, whatever list knows it (Schwartz and Hearst's test for definitions)."""
        words = doc_words(doc)
        for open_ in (i for i, word in enumerate(words) if word == "(" and i > 1):
            close = next((j for j in range(open_ + 1, min(len(words), open_ + 4)) if words[j] == ")"), None)
            if close is None or close == open_ + 1:
                continue
            short = " ".join(words[open_ + 1:close])
            if not re.fullmatch(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,7}(?: [A-ZÄÖÜ]{2,3})?", short) \
                    or sum(c.isupper() for c in short) < 2:
                continue
            start = open_
            while start > 0 and open_ - start < 10 and (words[start - 1][:1].isupper() or words[start - 1] in _INSIDE_NAMES) \
                    and not doc[start - 1].is_sent_start and words[start - 1] not in _ARTICLE_FORMS:
                start -= 1
            start = _acronym_start(words, start, open_, short)
            if start is None or len([w for w in words[start:open_] if w[:1].isalnum()]) < 2 \
                    and not (start == open_ - 1 and self._org_head(words, start)):
                continue  # one word before an acronym is a term the other rules judge, unless a body's compound
            long_text = doc[start:open_].text
            label = self._defined_kind(doc, words, start, open_)
            if label is not None:  # "Innovation Park Artificial Intelligence (IPAI)": an English kind inside
                yield _Candidate(start, open_, label, "abbreviation", long_text)
                yield _Candidate(open_ + 1, close, label, "abbreviation", long_text)

    def _defined_kind(self, doc: Doc, words: list[str], start: int, end: int) -> str | None:
        """The type of a defined long form: by its last word before a place ("… Softwaresystem
        Hessen", "Kultusministerkonferenz"), by an English kind anywhere in it, or by a body's
        head noun before its field ("Anstalt für Kommunale Datenverarbeitung in Bayern")."""
        head = next((k - 1 for k in range(start + 1, end) if self._place_length(doc, k) == end - k), end - 1)
        field = next((k for k in range(start + 1, end) if words[k] in ("für", "des", "der")), None)
        return _kind_of(words[head]) or self._org_head(words, head) or next((_DEFINED_ENGLISH_KINDS[w] for w in words[start:end]
                                             if w in _DEFINED_ENGLISH_KINDS), None) \
            or (self._org_head(words, field - 1) if field is not None else None)

    def _strategies(self, doc: Doc) -> Iterable[_Candidate]:
        """"KI-Strategie des Freistaates Sachsen", "Digitalstrategie Schleswig-Holstein": a
        strategy named after the Land or city whose it is."""
        words = doc_words(doc)
        for i, word in enumerate(words):
            if not word.endswith(("strategie", "Strategie", "agenda", "Agenda")) or i + 1 >= len(words):
                continue
            j = i + 1
            if words[j] in ("des", "der") and j + 1 < len(words) and words[j + 1] in _OWNERS:
                j += 2
            length = self._place_length(doc, j) if j < len(words) else 0
            if length:
                start = _name_prefix_start(doc, i, self.places)
                while word in ("Agenda", "Strategie") and start > 0 and i - start < 2 and _founder_word(doc[start - 1]) \
                        and words[start - 1].casefold() not in _ARTICLE_FORMS and not doc[start - 1].is_sent_start:
                    start -= 1  # the word a name gives the plain noun: "die Hightech Agenda Bayern"
                yield _Candidate(start, j + length, "Policy", "strategy")

    def _english_names(self, doc: Doc) -> Iterable[_Candidate]:
        """"Sovereign Tech Agency", "AI Innovation Lab": capitalised words before an English kind."""
        words = doc_words(doc)
        for i, word in enumerate(words):
            label = _ENGLISH_HEADS.get(word)
            if label is None:
                continue
            label = _ENGLISH_MODIFIERS.get((words[i - 1], word), label) if i else label
            start, kind = self._english_start(doc, words, i)
            label = kind if kind is not None and kind != "Initiative" else label
            if start > 0 and words[start - 1].casefold() in _INDEFINITE:
                continue  # "ein Service Center für Unternehmen": a kind of thing, not a name
            end = self._english_end(doc, words, i)
            if words[end:end + 1] == ["("] and words[end + 2:end + 5] == [")", "e.", "V."]:
                label = "Organization"  # "Artificial Intelligence Center Hamburg (ARIC) e. V.": an association
            if start < i or end > i + 1 and words[i + 1] in _ENGLISH_PREPOSITIONS:  # "Center for Digital Sovereignty"
                yield _Candidate(start, end, label, "organisation")

    def _english_start(self, doc: Doc, words: list[str], i: int) -> tuple[int, str | None]:
        """Where an English name ending in the kind at ``i`` begins (capitalised or dotted words,
        "Gaia-X Hub", "hessian.AI Service Center"), and the type of a type word before it ("der
        Verein GovTech Campus": the type word is no part of the name)."""
        start = i
        while start > 0 and i - start < 4 and (words[start - 1][:1].isupper() or _DOTTED.match(words[start - 1])) \
                and words[start - 1].casefold() not in _ARTICLE_FORMS | _ENGLISH_LEADS \
                and (not doc[start - 1].is_sent_start or words[start - 1].casefold() not in self.known_words) \
                and not self._person_or_acronym_before(words, start, i):
            kind = self.type_nouns.get(fold_word(words[start - 1]))
            if kind is not None:
                return start, kind
            start -= 1
            if start >= 2 and words[start - 1] == "-" and not doc[start - 2].whitespace_ \
                    and not doc[start - 1].whitespace_ and words[start - 2][:1].isupper():
                start -= 2  # "Gaia-X Hub Deutschland"
        return start, None

    def _person_or_acronym_before(self, words: list[str], start: int, i: int) -> bool:
        """Whether the word before ``start`` belongs to what stands before an English name in
        a list or a slide: a person ("26.07.2021 Ulrich Bantle Sovereign Cloud Stack", a
        given name or the surname after one) or the name's own acronym ("SCS Sovereign Cloud Stack")."""
        before = words[start - 1]
        if words[i] not in _FOUNDER_KINDS and (before in self.first_names
                                               or start >= 2 and words[start - 2] in self.first_names):
            return True  # but "Robert Bosch Foundation"
        initials = "".join(word[:1] for word in words[start:i + 1] if word[:1].isupper())
        return len(before) >= 2 and before.isupper() and before == initials

    def _english_end(self, doc: Doc, words: list[str], i: int) -> int:
        """Where an English name with the kind at ``i`` ends: its complement ("… Laboratory for
        Learning and Intelligent Systems"), a place ("ELLIS Institute Tübingen") or a legal form."""
        end = _english_complement_end(words, i + 1, lambda k: k < len(doc) and self._is_place_at(doc, k))
        if end < len(words) and self._is_place_at(doc, end) and doc[end - 1].whitespace_:
            return end + self._place_length(doc, end)
        if words[end:end + 2] == ["e.", "V."]:  # "Open Source Business Alliance e. V."
            return end + 2
        return end + 1 if end < len(words) and _COMPANY_SUFFIX.match(words[end]) else end

    def _org_head(self, words: list[str], i: int) -> str | None:
        """The type the word at ``i`` names as a body's head noun, if it is one."""
        text = words[i]
        folded = fold_word(text)
        if text.casefold().endswith(("er", "ern")) and not folded.endswith(_ER_HEADS):
            return None  # "Gesellschafter" (folded as "Gesellschaft"): a person, no body
        label = _FOLDED_HEADS.get(folded)
        if label is not None:
            return label
        compound = next((h for h in _COMPOUND_HEADS if folded.endswith(h) and len(folded) > len(h) + 3), None) \
            if folded.endswith(_COMPOUND_HEADS) else None
        if compound is not None and "-" not in text:  # "Führungsakademie", "Landesforschungsinstitut"
            return _FOLDED_HEADS[compound]
        if _MINISTER.fullmatch(text) and i + 1 < len(words) \
                and words[i + 1].lower() in ("für", "der", "des"):
            return "GovernmentBody"
        return None

    def _is_place_at(self, doc: Doc, i: int) -> bool:
        return self._place_length(doc, i) > 0

    def _place_length(self, doc: Doc, i: int) -> int:
        for n in (5, 4, 3, 2, 1):  # tokens: "Baden-Württemberg" is three
            span = doc[i:i + n]
            if len(span) < n or span[-1].is_punct:
                continue
            words = [t.text for t in span if not t.is_punct]
            if words[0][:1].isupper() and tuple(fold_word(w) for w in words) in self.places:
                return n
        return 0

    def _appositions(self, doc: Doc) -> Iterable[_Candidate]:
        words = doc_words(doc)
        for k, word in enumerate(words):
            label = (self._type_noun_at(doc, k) or self._compound_before_shape(words, k)) if word[:1].isupper() else None
            if label is None or label == "Place" or k + 1 >= len(doc):
                continue  # places come from the gazetteer: "die Kommunen Nordrhein-Westfalens"
            token = doc[k]
            if label == "Policy" and self._quoted_at(doc, token.i + 1) is None:
                # a policy's type noun is part of its name: "Charta Digitales Dortmund 2018 – 2030"
                end = _title_end(doc, token.i + 1)
                if end > token.i + 1 and not _indefinite_before(doc, token.i):
                    yield _Candidate(_name_prefix_start(doc, token.i, self.places), end, label, "apposition")
                continue
            i = token.i + 1
            plural = "Plur" in morph_values(token, "Number") or token.text in (token.lemma_ + "n", token.lemma_ + "en")
            examples = self._examples_follow(doc, i, label, plural)
            i += examples  # "mit Unternehmen wie Bosch, Mercedes-Benz und ZF": names, known words or not
            while i < len(doc):
                if examples and doc[i].lower_ in _ARTICLE_FORMS and i + 1 < len(doc):
                    i += 1  # "… wie SAP und die Deutsche Telekom"
                found = self._quoted_at(doc, i) or self._name_at(doc, i, any_capitalised=bool(examples))
                if found is None or self._no_name(doc, found, bool(examples), plural):
                    break
                start, end = found
                if label in ("Technology", "Infrastructure") and doc[start].text not in _QUOTES:
                    end = _version_end(doc, end)  # "das Modell Mistral Small 3.1"
                end = self._sites_end(doc, end)
                inner = (start + 1, end - 1) if doc[start].text in _QUOTES else (start, end)
                if doc[start].text in _QUOTES and not _opens_name(doc[inner[0]]):
                    break  # „ein Beispiel dafür, dass …“: a quoted description, no name
                if self._place_length(doc, inner[0]) == inner[1] - inner[0]:
                    break  # "der erste Exascale-Rechner Europas": whose it is, not its name
                yield _Candidate(inner[0], inner[1], label, "apposition")
                i = skip_parenthesis(doc, end)
                i = self._maker_end(doc, i) if examples else i  # "Llama 3.3 von Meta, Mistral NeMo …"
                if i < len(doc) and doc[i].lower_ in ("und", "sowie", ",") and i + 1 < len(doc):
                    i += 1
                    continue
                break

    def _no_name(self, doc: Doc, found: tuple[int, int], examples: bool, plural: bool) -> bool:
        """What stands where a type noun's name would, and is none: a legal form ("die Meyer
        Software AG"), a kind of its own among examples ("… sowie GPT-Modelle"), a common noun
        ("Landesbehörden Rechenzeit anbieten", "der SCS-Software Wechselfähigkeit")."""
        first = doc[found[0]]
        return bool(_COMPANY_SUFFIX.match(first.text) or examples and self._type_noun_at(doc, found[1] - 1)
                    or found[1] - found[0] == 1 and (plural or _ABSTRACT.search(first.text))
                    and self._common_compound(first))

    def _compound_before_shape(self, words: list[str], k: int) -> str | None:
        """"die Videokonferenzsoftware BigBlueButton": a compound of a type noun types the name
        after it when that name has a name's shape (an acronym, camel case)."""
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if nxt[1:].islower() or not nxt[:1].isalpha():
            return None  # (a quick no: every name shape has a capital or dot inside)
        shaped = bool(_CAMEL.match(nxt) or _MIXED.match(nxt) or _DOTTED.match(nxt) or _ACRONYM.match(nxt) and len(nxt) >= 3)
        return self._compound_type(words[k]) if shaped else None

    def _maker_end(self, doc: Doc, i: int) -> int:
        """Past "von Meta", "von Mistral AI" after an example's name (its maker), if a list goes on."""
        if i + 1 >= len(doc) or doc[i].lower_ != "von":
            return i
        found = self._name_at(doc, i + 1, any_capitalised=True)
        after = found[1] if found is not None else i
        return after if after < len(doc) and doc[after].lower_ in ("und", "sowie", ",") else i

    def _sites_end(self, doc: Doc, end: int) -> int:
        """Past the further seats of a name that ends in a place: "ScaDS Dresden/Leipzig"."""
        while end + 1 < len(doc) and doc[end].text == "/" and not doc[end].whitespace_ \
                and self._is_place_at(doc, end + 1) and any(self._is_place_at(doc, k) for k in range(max(0, end - 3), end)):
            end += 1 + self._place_length(doc, end + 1)
        return end

    def _described_after(self, doc: Doc) -> Iterable[_Candidate]:
        """ "STACKIT, die Cloud-Plattform der Schwarz Gruppe", "LLMoin, ein KI-Assistent der
        Verwaltung": a name nobody listed, typed by the type noun of the apposition after it."""
        words = doc_words(doc)
        for comma in (i for i in range(1, len(words) - 2) if words[i] == ","):
            if _clause_follows(doc, comma + 1):
                continue  # "… des KIT, die Unternehmen beim Zugang … berät": a relative clause's object
            label = self._apposition_type(doc, comma + 2) if doc[comma + 1].lower_ in _APPOSITION_ARTICLES else \
                self._bare_apposition_type(doc, comma + 1)
            start = comma
            while start > 0 and comma - start < 4 and self._namey(doc[start - 1]):
                start -= 1
            before = doc[start - 1] if start > 0 else None
            if label is None or label == "Place" or start == comma or self._is_place_at(doc, start) or \
                    before is not None and before.text[:1].isupper() and before.lower_ not in _FUNCTION_WORDS:
                continue  # no type, no name, a place, or a name whose beginning is not sure
            yield _Candidate(start, comma, label, "apposition")

    def _bare_apposition_type(self, doc: Doc, i: int) -> str | None:
        """"Komm.ONE, IT-Dienstleister der Kommunen": an apposition without an article, its
        type noun followed by its owner's genitive article (which a list item would not be)."""
        end = i + 3 if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ else i + 1
        if end >= len(doc) or doc[end].lower_ not in ("der", "des"):
            return None
        return self._apposition_type(doc, i)

    def _apposition_type(self, doc: Doc, i: int) -> str | None:
        """The type noun heading an apposition from ``i`` on: after adjectives and the first
        parts of a hyphenated compound ("die neue Cloud-Plattform"); none after a second article
        (", die die Bundesagentur …" is a relative clause)."""
        if i < len(doc) and doc[i].lower_ in _ARTICLE_FORMS:
            return None
        for k in range(i, min(len(doc), i + 5)):
            word = doc[k].text
            if word[:1].isupper() and not (k + 1 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_):
                return self.type_nouns.get(fold_word(word))
            if not (word == "-" or word[:1].isupper() or re.fullmatch(r"[a-zäöüß]+(?:e|en|er|es|em)", word)):
                return None
        return None

    def _name_compounds(self, doc: Doc) -> Iterable[_Candidate]:
        """"JUPITER-Supercomputer", "GovTeuken-Projekt": a name joined to its type noun."""
        words = doc_words(doc)
        for token in (doc[i] for i in range(len(words) - 2) if words[i + 1] == "-"):
            i = token.i
            if token.whitespace_ or doc[i + 1].whitespace_:
                continue
            label = self.type_nouns.get(fold_word(doc[i + 2].text))
            # only nouns that describe the named thing: an "EFRE-Wettbewerb" or a
            # "MPK-Beschluss" is a thing of its own, not the EFRE or the MPK
            if label in ("Infrastructure", "Technology", "ResearchOrganization") and _strong_shape(token.text) \
                    and not _ACRONYM_COMMON.match(token.text):
                yield _Candidate(i, i + 1, label, "apposition")

    def _add_repeated(self, doc: Doc, candidates: list[_Candidate], existing: list[Span],
                      occupied: list[bool]) -> list[Span]:
        """Adds the later mentions of names found (:meth:`_repeated`) to ``candidates``; such a
        mention outranks a concept found inside it ("Der KI-Navigator" is not "KI"). Returns
        ``existing`` without the concepts it displaced."""
        for candidate in list(self._repeated(doc, candidates)):
            inside = [s for s in existing if candidate.start <= s.start and s.end <= candidate.end
                      and not named_thing(s)]
            covered = {i for s in inside for i in range(s.start, s.end)}
            if any(occupied[i] and i not in covered for i in range(candidate.start, candidate.end)):
                continue
            existing = [s for s in existing if s not in inside]
            for i in range(candidate.start, candidate.end):
                occupied[i] = True
            candidates.append(candidate)
        return existing

    def _repeated(self, doc: Doc, found: list[_Candidate]) -> Iterable[_Candidate]:
        """Later plain mentions of a name of one word (or one hyphenated compound) found by a
        rule: "… JUPITERs Technologie", 'einen Assistenten „KI-Navigator“ … Der KI-Navigator'."""
        names = {_compact_key(doc, c.start, c.end): c for c in found
                 if c.rule != "shape" and _compact(doc, c.start, c.end)}
        longest = max((len(k) for k in names), default=0)
        firsts = {key[0] for key in names}  # most capitalised words begin no name found
        words = doc_words(doc)
        for i, word in enumerate(words):
            if not word[:1].isupper() or fold_word(word) not in firsts:
                continue
            for n in range(min(longest, len(words) - i), 0, -1):
                candidate = names.get(_compact_key(doc, i, i + n)) if _compact(doc, i, i + n) else None
                if candidate is not None and i != candidate.start:
                    yield _Candidate(i, i + n, candidate.label, "repeated",
                                     candidate.name or doc[candidate.start:candidate.end].text)
                    break

    def _quoted_at(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """A quotation of at most 14 tokens starting at token i: (start, end) incl. marks."""
        if doc[i].text not in _QUOTES or not _opens(doc, i):
            return None
        closing = {_QUOTES[doc[i].text], "“", "\"", "«", "»", "”"}
        for j in range(i + 1, min(len(doc), i + 16)):
            if doc[j].text in closing:
                return (i, j + 1) if j > i + 1 else None
            if "\n" in doc[j].text:
                return None
        return None

    def _name_at(self, doc: Doc, i: int, *, any_capitalised: bool = False) -> tuple[int, int] | None:
        """One or more name-like tokens (dotted, camel case, acronym, unknown word; with
        ``any_capitalised``, any capitalised word that is no function word), or a code
        name written apart ("F 13")."""
        if i + 1 < len(doc) and re.fullmatch(r"[A-Z]{1,4}", doc[i].text) and re.fullmatch(r"\d{1,4}", doc[i + 1].text):
            return i, i + 2
        end = words = i
        while end < len(doc) and words - i < 4 and (self._namey(doc[end]) or any_capitalised and doc[end].text[:1].isupper()
                                                    and doc[end].lower_ not in _FUNCTION_WORDS | _ARTICLE_FORMS):
            end, words = end + 1, words + 1
            if end < len(doc) and doc[end].text == "-" and end + 1 < len(doc) and not doc[end].whitespace_:
                end += 2  # "Gauss-AI-Compute", "Gaia-X Federation Services": a hyphenated word counts once
        return (i, end) if end > i else None

    def _namey(self, token: Token) -> bool:
        text = token.text
        if not text[:1].isalpha() or token.is_punct:
            return False
        if _DOTTED.match(text) or _CAMEL.match(text) or _MIXED.match(text):
            return True
        if _ACRONYM.match(text) and len(text) >= 2:
            return True
        return text[:1].isupper() and text.casefold() not in self.known_words and len(text) > 2 \
            and not token.is_sent_start and text.lower() not in _FUNCTION_WORDS

    def _common_compound(self, token: Token) -> bool:
        """A noun compounded onto a common word ("Rechenzeit", "Trainingsdaten"), which no
        list knows. The tagger must call it a common noun, so that names ending in a word
        ("Lichtenberg") stay names."""
        word = token.text.casefold()
        return token.pos_ == "NOUN" and any(word[k:] in self.known_words for k in range(3, len(word) - 3))

    def _quoted(self, doc: Doc) -> Iterable[_Candidate]:
        """A short quoted name: capitalised words only ("Gauss-AI-Compute Competition")."""
        for i in (i for i, word in enumerate(doc_words(doc)) if word in _QUOTES):
            found = self._quoted_at(doc, i)
            if found is None:
                continue
            start, end = found[0] + 1, found[1] - 1
            words = [t for t in doc[start:end] if not t.is_punct]
            if not words or len(words) > 6:
                continue
            if not all(t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in _FUNCTION_WORDS for t in words):
                continue
            if not words[0].text[:1].isupper():
                continue
            label = self._type_before(doc, found[0]) or self._type_within(words) or self._type_after(doc, end)
            if label is None and len(words) == 1 and _name_shape(words[0].text):
                label = "Initiative"  # „GovTeuken“: the shape types it, as without the quotes
            if label is None and all(t.lower_ in self.known_words for t in words):
                continue  # zum „Strategischen Partner“: common words in quotes, a term, no name
            # no evidence: a name only if the learned model takes it for one (extract/names.py)
            yield _Candidate(start, end, label or "Initiative", "quoted" if label else "quoted-untyped")

    def _type_within(self, words: list[Token]) -> str | None:
        """ „Ökosystem KI“, „Gauss-AI-Compute Competition“: a type noun inside the name."""
        return next((label for t in words for label in (self.type_nouns.get(fold_word(t.text)),
                                                         _ENGLISH_HEADS.get(t.text), _QUOTED_HEADS.get(t.text))
                     if label), None)

    def _type_before(self, doc: Doc, i: int) -> str | None:
        """'die KI-Anwendung „LLMoin“', 'des Projekts „GovTeuken“': the type noun right before;
        'einen KI-Assistenten mit der Bezeichnung „KI-Navigator“': the one before a naming
        phrase, which makes the quotation a name of its own (typed Initiative if no noun)."""
        before = doc[i - 1] if i > 0 else None
        if before is None:
            return None
        naming = next((n for n in _NAMING_PHRASES if i >= n and [t.lower_ for t in doc[i - n:i]] in _NAMING_PHRASES[n]),
                      0)
        if naming:
            noun = doc[i - naming - 1] if i - naming >= 1 else None
            kind = self.type_nouns.get(fold_word(noun.text)) if noun is not None else None
            return kind or "Initiative"
        return self._compound_type(before.text) if before.text[:1].isupper() else None

    def _type_noun_at(self, doc: Doc, k: int) -> str | None:
        """The type the noun at ``k`` says, as the hyphenated compound it ends (the tokenizer
        splits "Cloud-Plattform": an infrastructure, where a "Plattform" is an initiative) or
        on its own."""
        if k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_:
            joined = self.type_nouns.get(fold_word(f"{doc[k - 2].text}-{doc[k].text}"))
            if joined is not None:
                return joined
        return self.type_nouns.get(fold_word(doc[k].text))

    def _compound_type(self, word: str) -> str | None:
        """The type noun a word is or ends in ("Qualifizierungsprogramm" → "Programm"): before a
        quoted name, a compound of a type noun types it as the type noun itself would."""
        folded = fold_word(word)
        found = self.type_nouns.get(folded)
        if found is not None or not word[1:].islower():
            return found
        return compound_head(folded, self.type_nouns, shortest=_MIN_TYPE_HEAD, first=3)

    def _type_after(self, doc: Doc, i: int) -> str | None:
        """'»Teuken-7B« ein … Sprachmodell': the type noun of a following predicate."""
        window = doc[i:i + 7]
        if not any(t.lower_ in ("ein", "eine", "einen", "als") for t in window[:2]):
            return None
        for t in window:
            label = self.type_nouns.get(fold_word(t.text)) if t.text[:1].isupper() else None
            if label:
                return label
        return None

    def _list_heads(self, doc: Doc) -> Iterable[_Candidate]:
        """"- KI.NRW Flagships: …", "**EFRE-Wettbewerbe:**": the named measure of a list item
        (common words only are a topic's heading, no name)."""
        text = doc_text(doc)
        for match in re.finditer(r"(?m)^[ \t]*(?:[-•–*]|\d{1,2}\.)[ \t]+(?:\*\*)?([^:\n*]{2,80}?)(?:\*\*)?:(?:\*\*)?[ \t]", text):
            span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
            if span is None or not span.text[:1].isupper() or len([t for t in span if not t.is_punct]) > 7:
                continue
            if any(t.lower_ in ("wie", "was", "welche", "sowie") for t in span):
                continue
            if all(t.is_alpha and (t.lower_ in self.known_words or self._common_compound(t)) for t in span
                   if not t.is_punct):
                continue  # "1. Sicherheit: …", "• Bürosoftware: …": a topic or a slide's label, no measure's name
            if any(t.text == "," or t.pos_ in ("VERB", "AUX") for t in span):
                continue  # "• Halluzinationen bleiben ein Thema: …": a statement
            yield _Candidate(span.start, span.end, "Initiative", "list-head")

    def _bodies_at_places(self, doc: Doc) -> Iterable[_Candidate]:
        """"TU Dresden", "Landgericht Hannover", "JVA Sehnde": a place after a word that
        makes it a body's name (``data/place_prefixes.tsv``) is that body, not the place; so is
        a word no list knows there ("Landkreis Emsland")."""
        words = doc_words(doc)
        for i, word in enumerate(words[:-1]):
            prefix = self.place_prefixes.get(word)
            if prefix is None:
                continue
            kind, long_form = prefix
            length = next((n for n in (3, 2, 1) if len(words[i + 1:i + 1 + n]) == n
                           and tuple(fold_word(w) for w in words[i + 1:i + 1 + n]) in self.places), None)
            nxt = doc[i + 1]  # "Landkreis Emsland", "Hochschule Fresenius": a place or name no list knows
            if length is None and nxt.pos_ == "PROPN" and nxt.is_alpha and nxt.text[:1].isupper() and self._unknown_word(nxt):
                length = 1
            if length is not None:
                name = " ".join([long_form or word, *words[i + 1:i + 1 + length]])
                yield _Candidate(i, i + 1 + length, kind, "body-at-place", name)

    def _initiatives_at_places(self, doc: Doc) -> Iterable[_Candidate]:
        """"KI-Innovationswettbewerb Baden-Württemberg", "Bildungscampus Heilbronn": a compound
        of an initiative's type noun followed by a place is the initiative of that place (a bare
        type noun is not: "das Projekt Bayern" is rarely a name)."""
        words = doc_words(doc)
        for i, word in enumerate(words[:-1]):
            if not word[:1].isupper() or self._compound_type(word) != "Initiative" or \
                    fold_word(word) in self.type_nouns and not (i >= 2 and words[i - 1] == "-"):
                continue
            length = self._place_length(doc, i + 1)
            if length:
                yield _Candidate(_name_prefix_start(doc, i, self.places), i + 1 + length, "Initiative", "organisation")

    def _units(self, doc: Doc) -> Iterable[_Candidate]:
        """"beim Landesbetrieb IT.NRW ein KI-Labor": the lab of that body, named after it."""
        for match in _UNIT_AT.finditer(doc_text(doc)):
            span = doc.char_span(*match.span("unit"))
            if span is None:
                continue
            site = match.group("site").split()
            while len(site) > 1 and site[1][:1].isupper() \
                    and (fold_word(site[0]) in self.type_nouns or fold_word(site[0]) in _FOLDED_HEADS):
                site = site[1:]  # "Landesbetrieb IT.NRW" -> "IT.NRW"
            yield _Candidate(span.start, span.end, "Infrastructure", "unit", f"{span.text} {' '.join(site)}")

    def _persons(self, doc: Doc) -> Iterable[_Candidate]:
        for k, (word, lower) in enumerate(zip(doc_words(doc), doc_lowers(doc))):
            cue = lower in _PERSON_CUES or lower.endswith("-präsident") or lower.endswith("-cio")
            first = word in self.first_names
            if not (cue or first) or k > 0 and doc[k - 1].text in _SAINTS:
                continue  # "Krankenhaus St. Raphael": a saint names a hospital, a church, a school
            i = k + (1 if cue and not first else 0)
            while i < len(doc) and doc[i].lower_ in ("dr.", "prof."):
                i += 1
            if i >= len(doc) or doc[i].text not in self.first_names:
                if not cue:
                    continue
            start = i
            end = self._given_names_end(doc, i + 1) if i < len(doc) and doc[i].text in self.first_names else i
            # surname: capitalised, maybe hyphenated, maybe with a particle
            while end < len(doc) and (doc[end].lower_ in ("von", "van", "de", "zu") or doc[end].lower_ == "der"
                                      and end > start and doc[end - 1].lower_ in ("von", "van")):
                end += 1  # "von der Leyen"; a bare "der" is an article: "Leiterin der Strafrechtsabteilung"
            if end >= len(doc) or not _surname(doc[end]):
                continue
            end += 1
            titled = doc[start - 1].lower_ in ("dr.", "prof.") if start else False
            if titled and end - start == 1 and end < len(doc) and _surname(doc[end]) \
                    and doc[end].text not in self.first_names and fold_word(doc[end].text) not in _FOLDED_HEADS:
                end += 1  # "Prof. Dr. Annika Brettschneider": a given name no list knows
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and _surname(doc[end + 1]):
                end += 2
            if end - start < 2 and not titled:
                continue  # one word is a surname only after a title ("Dr. Lörcher")
            if end < len(doc) and fold_word(doc[end].text) in _FOLDED_HEADS:
                continue  # "Eberhard Karls Universität": the name of a body, not a person
            yield _Candidate(start, end, "Person", "person")

    def _signatures(self, doc: Doc) -> Iterable[_Candidate]:
        """"In Vertretung / Annika Steinhövel", "Im Auftrag / Dr. Max Muster": the line after
        a signature formula is the signer's name, whether a list knows the first name or not."""
        for match in _SIGNATURE.finditer(doc_text(doc)):
            span = doc.char_span(*match.span("name"))
            if span is not None:
                yield _Candidate(span.start, span.end, "Person", "signature")

    def _given_names_end(self, doc: Doc, end: int) -> int:
        """Past the given names after a first one: "Jens-Christoph Brockmann", "Jessica Miriam
        Schülke" (a second given name counts only before a word shaped as a surname)."""
        while end + 1 < len(doc):
            if doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
                    and doc[end + 1].text in self.first_names:
                end += 2
            elif doc[end].text in self.first_names and doc[end - 1].whitespace_ and _surname(doc[end + 1]) \
                    and doc[end + 1].text not in self.first_names:
                end += 1
            else:
                return end
        return end

    def _seats(self, doc: Doc) -> Iterable[_Candidate]:
        """ "mit Hauptsitz in Altenholz", "Standorte in Lingen und Meppen", "die IONOS SE aus
        Montabaur": a place no list knows, typed by the seat noun or legal form before it."""
        lowers, words = doc_lowers(doc), doc_words(doc)
        for i in range(len(doc) - 2):
            if not (lowers[i] in _SEAT_NOUNS and lowers[i + 1] == "in"
                    or lowers[i + 1] in ("aus", "in") and _COMPANY_SUFFIX.match(words[i]) and self._town_at(doc, i + 2)):
                continue
            k = i + 2
            while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and lowers[k] not in _ARTICLE_FORMS:
                end = k + (self._place_length(doc, k) or 1)  # "Sankt Augustin" is one place
                yield _Candidate(k, end, "Place", "seat")
                if end + 1 < len(doc) and lowers[end] in ("und", ","):
                    k = end + 1
                else:
                    break

    def _level_governments(self, doc: Doc) -> Iterable[_Candidate]:
        """ "der Bund", "vom Land": the federal level or the Land government, which the
        linker names after the paper's Land; not "im Land" (a place), "das Land Berlin"
        (the place), "Bund-Länder-…" (a compound) or "Bund für Umwelt …" (an association)."""
        lowers = doc_lowers(doc)
        for i in range(len(doc)):
            level = _LEVEL_FORMS.get(lowers[i])
            if level is None or not doc[i].text[:1].isupper() or \
                    (i == 0 or lowers[i - 1] not in _LEVEL_ARTICLES[level]) and not _both_levels(lowers, i):
                continue
            following = lowers[i + 1] if i + 1 < len(doc) else ""
            if following in _NOT_LEVEL_NEXT or self._is_place_at(doc, i + 1):
                continue
            yield _Candidate(i, i + 1, "GovernmentBody", "level-government", _LEVEL_GOVERNMENTS[level])

    def _shapes(self, doc: Doc) -> Iterable[_Candidate]:
        words = doc_words(doc)
        codes = Counter(re.match(r"[A-Z]+", w).group() for w in set(words) if _CODE_NAME.match(w))
        common = self._common_camel_case(set(words))
        for i, text in enumerate(words):
            end = _code_suffix_end(doc, words, i)
            if text[1:].islower():  # a plain word ("Projekt", "und"): no shape of a name, cheaply told,
                if end > i + 1 and words[i + 2] == "X" and text[:1].isupper():  # unless it is "Gaia-X"
                    yield _Candidate(i, end + (end < len(words) and _CAMEL.match(words[end]) is not None),
                                     "Initiative", "shape")  # with a camel-case word: "Health-X dataLOFT"
                elif end > i + 1 and _MODEL_SIZE.fullmatch(words[i + 2]) and text[:1].isupper():
                    yield _Candidate(i, end, "Technology", "shape")  # or a model with its size: "Teuken-7B"
                continue
            if _LAW_ABBREVIATION.match(text):
                yield _Candidate(i, i + 1, "Policy", "shape-law")
            elif _name_shape(text) and not (_CODE_NAME.match(text) and codes[re.match(r"[A-Z]+", text).group()] >= _SERIES):
                kind = _KINDS_AFTER_SHAPES.get(words[end]) if end < len(words) else None
                if kind is not None:  # "die dPhoenix Suite", "der openCode Hub": the kind is part of the name
                    yield _Candidate(i, end + 1, kind, "shape-kind")
                elif text not in common:
                    yield _Candidate(i, end, "Initiative", "shape")

    def _common_camel_case(self, words: set[str]) -> set[str]:
        """The camel-case words of a document that are common words, no names: a word whose
        letters' case its PDF broke ("StatiStik", "beWertung"), always; two common words run
        together ("TabakCannabis", "SpielhalleOnline"), only where the document has at least
        :data:`_GLUED_AT_LEAST` of them (the table cells of a statistics annex), since a name
        is made so too ("KulturPass", "DatenRaum") and stands alone."""
        camel = [w for w in words if w.isalpha() and not w[1:].islower()]
        broken = {w for w in camel if w.casefold() in self.known_words}
        glued = {w for w in camel if any(w[:k].casefold() in self.known_words and w[k:].casefold() in self.known_words
                                         for k in range(4, len(w) - 3) if w[k].isupper())}
        return broken | (glued if len(glued) >= _GLUED_AT_LEAST else set())

    def _abbreviations(self, doc: Doc, spans: list[Span], occupied: list[bool],
                       aliases: dict[str, str]) -> list[Span]:
        """"Long (ABBR)" and "(Long – ABBR)": the abbreviation is an alias of the long form."""
        added: list[Span] = []
        by_end = {s.end: s for s in spans}
        for token in (doc[i] for i, word in enumerate(doc_words(doc)) if word == "("):
            if token.i + 2 >= len(doc):
                continue
            close = next((j for j in range(token.i + 1, min(len(doc), token.i + 12)) if doc[j].text == ")"), None)
            if close is None:
                continue
            before = token.i
            while before > 0 and doc[before - 1].text in ("“", "”", "\"", "«", "»", "‘"):
                before -= 1
            long_span = by_end.get(token.i) or by_end.get(before) or self._name_before_acronym(doc, token.i, close,
                                                                                               spans, occupied)
            if not _long_and_short_inside(doc, token.i, close, long_span, occupied, aliases, added):
                _short_inside(doc, token.i, close, long_span, occupied, aliases, added)
            self._long_after_short(doc, token.i, close, spans, aliases)
        self._dash_abbreviations(doc, spans, aliases)
        return added

    @staticmethod
    def _name_before_acronym(doc: Doc, open_: int, close: int, spans: list[Span], occupied: list[bool]) -> Span | None:
        """"die BayernCloud Schule (ByCS)": a name its shape found, one or two capitalised
        words and an acronym that spells them all; the name runs on to the acronym (``spans``
        changes)."""
        if close != open_ + 2 or not re.fullmatch(r"[A-ZÄÖÜ][A-Za-z]{1,7}", doc[open_ + 1].text):
            return None
        for gap in (1, 2):
            name = next((s for s in spans if s.end == open_ - gap and s._.sovkg_method in _SHAPE_RULES), None)
            words = doc[open_ - gap:open_]
            if name is not None and all(t.is_alpha and t.text[:1].isupper() and not occupied[t.i] for t in words) \
                    and doc[name.start].text[:1].casefold() == doc[open_ + 1].text[:1].casefold() \
                    and _abbreviates(doc[open_ + 1].text, doc[name.start:open_].text):
                longer = Span(doc, name.start, open_, label=name.label_, kb_id=name.kb_id_)
                longer._.sovkg_method, longer._.sovkg_name = name._.sovkg_method, _ocr_name(longer.text)
                spans[spans.index(name)] = longer
                occupied[open_ - gap:open_] = [True] * gap
                return longer
        return None

    def _long_after_short(self, doc: Doc, open_: int, close: int, spans: list[Span],
                          aliases: dict[str, str]) -> None:
        """"das ScaDS.AI Dresden/Leipzig (Center for Scalable Data Analytics and Artificial
        Intelligence)": a name only its shape typed, its seat between, then its long form in
        parentheses: the name is the long form's short form (and takes its type)."""
        inside = [s for s in spans if open_ < s.start and s.end <= close]
        if len(inside) != 1 or (inside[0].start, inside[0].end) != (open_ + 1, close) or len(inside[0]) < 3 \
                or inside[0].label_ in ("Place", "Person"):
            return
        long_span, i = inside[0], open_
        while i > 0 and open_ - i < 5 and (doc[i - 1].text == "/" or self._is_place_at(doc, i - 1)):
            i -= 1  # the seat: "Dresden/Leipzig"
        short = next((s for s in spans if s.end == i and s._.sovkg_method in _SHAPE_RULES), None)
        if short is not None and _abbreviates(short.text, long_span.text):
            aliases.setdefault(_key(short.text), long_span._.sovkg_name or _ocr_name(long_span.text))

    def _dash_abbreviations(self, doc: Doc, spans: list[Span], aliases: dict[str, str]) -> None:
        """"das Hessische Zentrum für Künstliche Intelligenz – hessian.AI – beim …", "– kurz
        DFKI –": the name between two dashes after a long form is its short form."""
        by_end = {s.end: s for s in spans}
        by_start = {s.start: s for s in spans}
        words = doc_words(doc)
        for i in (i for i, word in enumerate(words) if word in ("–", "—") and i in by_end):
            j = i + 2 if i + 1 < len(words) and words[i + 1] == "kurz" else i + 1
            if j + 1 >= len(words) or words[j + 1] not in ("–", "—", ")"):
                continue
            short = words[j]
            if not (_strong_shape(short) or _DOTTED.match(short) or _ACRONYM.match(short)):
                continue
            long_span = by_end[i]
            if long_span.label_ in ("Technology", "Place", "Person", "Party"):
                continue
            name = long_span._.sovkg_name or _ocr_name(long_span.text)
            aliases[_key(short)] = name
            if j in by_start and by_start[j].end == j + 1:
                by_start[j]._.sovkg_name = name

    def _list_head_appositives(self, doc: Doc, spans: list[Span], aliases: dict[str, str]) -> None:
        """"- ZaKI.D: Das Zentrum für angewandte KI …": the phrase after the colon names
        the same thing as the list head. Not a name that only begins a longer title ("2.
        Hackathon Roomtour: SCS Community Hackathon 2023" does not make SCS the hackathon)."""
        starts = {s.start: s for s in spans}
        for span in spans:
            if span._.sovkg_method != "sovkg_patterns:list-head" or span.end + 1 >= len(doc):
                continue
            if doc[span.end].text != ":":
                continue
            i = span.end + 1
            if i < len(doc) and doc[i].lower_ in ("der", "die", "das"):
                i += 1
            other = starts.get(i)
            if other is None or other.end < len(doc) and (doc[other.end].is_title or doc[other.end].like_num):
                continue
            if not other.kb_id_ and other.label_ != "Place":
                aliases[_key(other._.sovkg_name or other.text)] = span._.sovkg_name
                other._.sovkg_name = span._.sovkg_name

    def _founder_aliases(self, doc: Doc, spans: list[Span], aliases: dict[str, str]) -> None:
        """A university named after a person is also written without the person ("die Eberhard
        Karls Universität Tübingen" … "die Universität Tübingen"): that short form is its alias."""
        for span in spans:
            if not span.kb_id_ and span._.sovkg_method == "sovkg_patterns:organisation" and \
                    self._given_name(doc, span.start):
                head = next((t.i for t in span if fold_word(t.text) in _PERSON_NAMED_HEADS), None)
                if head is not None and head + 1 < span.end:
                    aliases.setdefault(_key(doc[head:span.end].text), span._.sovkg_name or span.text)

    def _link_aliases(self, doc: Doc, spans: list[Span], aliases: dict[str, str]) -> None:
        """Later mentions of a defined abbreviation link to its long form, and take its type
        where only their shape typed them ("Center for Scalable Data Analytics … (ScaDS.AI)":
        every "ScaDS.AI" is the research centre, not a project)."""
        doc.user_data["sovkg_aliases"] = dict(sorted(aliases.items()))
        if not aliases:
            return
        shaped: list[tuple[Span, str]] = []
        for span in spans:
            if span.kb_id_:
                continue
            name = aliases.get(_key(span._.sovkg_name or span.text))
            if name:
                span._.sovkg_name = name
                if span._.sovkg_method in _SHAPE_RULES:
                    shaped.append((span, name))
        if shaped:
            typed = {name: s.label_ for s in spans if s._.sovkg_method not in _SHAPE_RULES
                     for name in (s._.sovkg_name, _ocr_name(s.text)) if name}
            for span, name in shaped:
                span.label_ = typed.get(name, span.label_)


def _later_abbreviations(doc: Doc, defined: list[Span], occupied: list[bool]) -> list[Span]:
    """ "Sovereign Tech Fund (STF) … Der STF fördert …": every later mention of an
    abbreviation the document defined is a mention of what it abbreviates (one written
    word, which the tokenizer may have split at its hyphens: "IT-DLZ")."""
    shorts = {tuple(t.text for t in s): s for s in defined if _compact(doc, s.start, s.end)}
    longest = max((len(k) for k in shorts), default=0)
    firsts = {k[0] for k in shorts}
    added = []
    for i in (i for i, word in enumerate(doc_words(doc)) if word in firsts):
        for n in range(min(longest, len(doc) - i), 0, -1):
            short = shorts.get(tuple(t.text for t in doc[i:i + n]))
            if short is None or i <= short.start or any(occupied[i:i + n]) or not _compact(doc, i, i + n) \
                    or i + n < len(doc) and doc[i + n].text == "-" and not doc[i + n - 1].whitespace_:
                continue  # not "IT-DLZ-Rechenzentrum"'s first part
            span = Span(doc, i, i + n, label=short.label_, kb_id=short.kb_id_)
            span._.sovkg_method = "sovkg_patterns:abbreviation-repeat"
            span._.sovkg_name = short._.sovkg_name
            added.append(span)
            occupied[i:i + n] = [True] * n
            break
    return added


def _key(name: str) -> str:
    return " ".join(fold_word(w) for w in re.findall(r"\w+(?:\.\w+)*", name))


def _ocr_name(text: str) -> str:
    """Canonical form of a surface: OCR damage repaired, white space collapsed."""
    words = re.split(r"(\s+|-)", text)
    return re.sub(r"\s+", " ", "".join(repair_ocr(w) for w in words)).strip()


def _org_name(text: str) -> str:
    name = re.sub(r"\s+", " ", text).strip()
    if re.match(r"(?:Bundes)?[Mm]inister(?:in)?\s", name) or re.match(r"(?:Bundes)?[Mm]inisteriums\s", name):
        return ministry_name(name)
    first, _, rest = name.partition(" ")
    # genitive of the head ("des Lamarr-Instituts für …", "Zentrums für …")
    if rest and re.search(r"(?:ums|uts|trums|tuts)$", first):
        first = first[:-1]
    return f"{first} {rest}".strip()


def _indefinite_before(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in _INDEFINITE


def _name_prefix_start(doc: Doc, i: int, places: Container[tuple[str, ...]] = ()) -> int:
    """Include a hyphenated prefix that spaCy split ("Lamarr" "-" "Institut") and the
    capitalised adjectives that begin a name ("Technische Universität", "Hessisches
    Ministerium"): after an article they are written small unless they are part of it."""
    start, moved = i, True
    while moved:
        moved = False
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
            start -= 2  # "Rheinland-Pfälzische", "Christian-Albrechts-Universität"
            moved = True
        if start >= 4 and doc[start - 2].lower_ in _NAME_PARTICLES and doc[start - 3].text == "-" \
                and doc[start - 1].text == "-" and not any(t.whitespace_ for t in doc[start - 4:start]) \
                and doc[start - 4].text[:1].isupper():
            start -= 4  # "Otto-von-Guericke-Universität"
            moved = True
        while start >= 2 and doc[start - 1].lower_ in ("und", "sowie") and doc[start - 2].text.endswith("-") \
                and doc[start - 2].text[:1].isupper():
            start -= 2  # "Aufsichts- und Dienstleistungsdirektion"
            moved = True
        while start >= 1 and (_NAME_ADJECTIVE.match(doc[start - 1].text) or _capitalised_after_article(doc, start - 1)
                              or (fold_word(doc[start - 1].text),) in places and doc[start - 1].text.endswith("er")):
            start -= 1  # "Technische Universität", "Karlsruher Institut", "das Nationale Forschungszentrum"
            moved = True
    return start


#: small words inside a hyphenated name ("Otto-von-Guericke-Universität", "Carl-von-Ossietzky-…")
_NAME_PARTICLES = frozenset({"von", "van", "de", "zu", "der", "den"})
_INFLECTED_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:e|es|er|en|em)")


def _capitalised_after_article(doc: Doc, i: int) -> bool:
    """ "das Nationale Forschungszentrum", "Das Unabhängige Landeszentrum": an adjective
    written capitalised after an article, which German does only inside a name."""
    return i >= 1 and doc[i].pos_ == "ADJ" and _INFLECTED_ADJECTIVE.fullmatch(doc[i].text) is not None \
        and doc[i - 1].lower_ in _ARTICLE_FORMS


def _after_the_name(token: Token, places: Container[tuple[str, ...]]) -> bool:
    """What after a comma is no more of a body's name: a relative clause (", der
    Technologiepartner ist …"), the seat (", Wiesbaden"), an apposition about the body
    (", Mitglied der Helmholtz-Gemeinschaft")."""
    return token.lower_ in _RELATIVE or (fold_word(token.text),) in places or token.lower_ in _APPOSITION_NOUNS


def _breaks_name(text: str) -> bool:
    """A line break, a stop, a bracket or quote, or a capitalised article, which begins the
    next sentence ("… TOURISMUS Der Staatsminister")."""
    return "\n" in text or text in (".", ";", ":", "(", ")", "?", "!", "„", "“", "\"", "Der", "Die", "Das", "Dem", "Den", "Des")


#: legal forms written small, which end a body's name or go on to its seat ("mbH Göttingen")
_SMALL_LEGAL_FORMS = frozenset({"mbH", "gGmbH", "gAöR", "eG", "e.V."})


def _and_company(words: list[str]) -> bool:
    """"& Co." or "+ Co.", the middle of a limited partnership's legal form ("GmbH & Co. KG",
    "SE + Co. KG")."""
    return len(words) == 2 and words[0] in ("&", "+") and words[1] == "Co."


def _comma_ends_name(doc: Doc, comma: int, places: Container[tuple[str, ...]], names: Container[str]) -> bool:
    """What follows the comma is no more of the name: a relative clause, a seat or an
    apposition (:func:`_after_the_name`), an address ("… des Innern, Alt-Moabit 140, 10557
    Berlin") or a person ("des Bundesamts für …, Tobias Ahlgrimm, lobte …", "…, Dr. …")."""
    after = doc[comma + 1] if comma + 1 < len(doc) else None
    return after is None or _after_the_name(after, places) or any(t.like_num for t in doc[comma + 1:comma + 6]) \
        or after.text in names or after.text in ("Dr.", "Prof.", "Herr", "Frau")


def _complement_end(doc: Doc, i: int, places: Container[tuple[str, ...]] = (), names: Container[str] = ()) -> int:
    """End of "für Maschinelles Lernen und Künstliche Intelligenz" (token index).

    "in der" goes on with a field ("für Sicherheit in der Informationstechnik") and
    stops before a place ("in der Lausitz"), which is where the body is, not its name."""
    end = i
    last_good = i
    while end < len(doc) and end - i < 14 and not _breaks_name(doc[end].text):
        token = doc[end]
        text = token.text
        if text[:1].isupper() or text[:1].isdigit():
            end += 1
            last_good = end
        elif text in ("-", "‐") and not doc[end - 1].whitespace_:
            end += 1  # "Analyse- und …"
        elif text[:1] in ("-", "‐") and text[1:2].islower() and doc[end - 1].lower_ in ("und", "sowie"):
            end += 1  # "für Fabrikbetrieb und -automatisierung": the compound's first part left out
            last_good = end
        elif text == "," and _comma_ends_name(doc, end, places, names):
            break
        elif token.lower_ in ("und", ",", "sowie") and end + 1 < len(doc) and _OFFICE_WORD.match(doc[end + 1].text):
            break  # "… und Energie und Ministerin für Kultur": the next ministry begins
        elif token.lower_ == "für" and end > i and any(t.lower_ == "für" for t in doc[i - 1:end]) \
                and doc[end - 1].lower_ not in ("und", "sowie", ","):
            break  # "Ministerium für Digitalisierung und Innovation für digitale Innovationen": one field
            # (but "Institute für A und für B" are two)
        elif token.lower_ in ("und", ",", "der", "des", "für", "&") and end + 1 < len(doc):
            end += 1
        elif text in _SMALL_LEGAL_FORMS or token.lower_ == "zu" and doc[end - 1].text.endswith("Universität"):
            end += 1  # "… Datenverarbeitung mbH Göttingen", "… der Christian-Albrechts-Universität zu Kiel"
            last_good = end if text in _SMALL_LEGAL_FORMS else last_good
        elif token.lower_ == "in" and end + 2 < len(doc) and doc[end + 1].lower_ == "der" \
                and doc[end + 2].text[:1].isupper() and (fold_word(doc[end + 2].text),) not in places:
            end += 2
        elif re.fullmatch(r"[a-zäöüß]+(?:e|en|er|es|em)", text) and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() \
                and doc[end - 1].lower_ in ("für", "und", "der", "des", ",", "zur", "zum") \
                and (token.lower_ not in _INDEFINITE | _RELATIVE | {"den", "dem"}
                     or token.lower_ in _ARTICLE_FORMS and _articled_field(doc, i, end)):
            end += 1  # a lower-case adjective or article: "für angewandte …", "für den Datenschutz"
        else:
            break
    return last_good


def _adjective_names(doc: Doc, places: Container[tuple[str, ...]] = ()) -> Iterable[_Candidate]:
    """"die Deutsche Verwaltungscloud", "das Deutsche Forschungsnetz", "vom Bayerischen
    Städtetag": an adjective is written with a capital inside a sentence only as part of a
    name; the noun it names is typed by its head (a cloud or network is infrastructure, a
    stack or standard technology, a Städtetag an association), else no name. After a
    sentence's first article too ("Die Niedersächsische Bildungscloud …", "…: Die …"). A place's
    adjective in -er is always written with a capital, so it names only a compound of such
    a head ("die Berliner Verwaltungscloud", not "das Münchner Portal")."""
    words = doc_words(doc)
    for i in range(1, len(words) - 1):
        place = words[i].endswith("er") and ((fold_word(words[i]),) in places or (fold_word(words[i][:-2]),) in places)
        if not (_NAME_ADJECTIVE.match(words[i]) or place) or doc[i].is_sent_start or \
                words[i - 1][:1].isupper() and words[i - 1].casefold() not in _ARTICLE_FORMS:
            continue
        noun = words[i + 1]
        head = next((h for h in _ADJECTIVE_NAME_HEADS if noun.casefold().endswith(h)), None)
        joined = i + 2 < len(words) and words[i + 2] == "-" and not doc[i + 1].whitespace_  # "…cloud-Strategie"
        plain = place and head is not None and len(noun) == len(head)  # "das Münchner Portal": any portal there
        if head is not None and noun[:1].isupper() and noun[1:].islower() and not joined and not plain:
            kind = _ADJECTIVE_NAME_HEADS[head]
            yield _Candidate(i, i + 2, kind, "organisation")


#: what the head of a name after a capitalised adjective makes it (first match wins: a
#: Landtag is a parliament, a Städtetag an association of cities)
_ADJECTIVE_NAME_HEADS = {"cloud": "Infrastructure", "netz": "Infrastructure", "stack": "Technology",
                         "standard": "Technology", "landtag": "GovernmentBody", "städtetag": "Organization",
                         "gemeindetag": "Organization", "landkreistag": "Organization", "bezirketag": "Organization",
                         "plattform": "Initiative", "portal": "Initiative"}


def _society_institutes(doc: Doc) -> Iterable[_Candidate]:
    """"Fraunhofer IAIS", "Fraunhofer FOKUS": an institute of a research society by the society's
    name and the institute's acronym."""
    words = doc_words(doc)
    for i, word in enumerate(words[:-1]):
        if word == "Fraunhofer" and _SOCIETY_ACRONYM.fullmatch(words[i + 1]):
            yield _Candidate(i, i + 2, "ResearchOrganization", "organisation")


_SOCIETY_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,6}")


def _articled_field(doc: Doc, i: int, end: int) -> bool:
    """Whether the article at ``end`` goes on a body's field that began with one: "für den
    Datenschutz und die Informationsfreiheit" (after "für", never after a comma: ", den das
    LRZ betreibt" is a relative clause)."""
    before = doc[end - 1].lower_
    return before == "für" or before == "und" and any(
        doc[k].lower_ == "für" and doc[k + 1].lower_ in _ARTICLE_FORMS for k in range(max(0, i - 1), end - 1))


def _name_shape(text: str) -> bool:
    """A word shaped as a name of the genre: dotted ("NRW.Genius"), camel case ("openDesk"),
    with @ or _ ("NHR@TUD"), capitals with a number ("F13"); never a code identifier or
    a file name."""
    if _CODE_IDENTIFIER.match(text) or _FILE_NAME.search(text):
        return False
    dotted = _DOTTED.match(text) and sum(c.isalpha() for c in text) >= 4 and not re.match(r"^[A-Z][a-z]?\.[a-z]", text) \
        and not _NOT_DOTTED_NAME.search(text)
    return bool(dotted or (_CAMEL.match(text) and len(text) >= 5) or _SYMBOL_NAME.match(text) or _CODE_NAME.match(text))


def _strong_shape(text: str) -> bool:
    """Dotted, camel case, capitals or letters with digits: a name by its shape alone."""
    return bool(_DOTTED.match(text) or _CAMEL.match(text) or _CAPITALS_FIRST.match(text) or _MIXED.match(text)
                or (_ACRONYM.match(text) and len(text) >= 3))


def _pairs(candidates: Iterable[_Candidate]) -> Iterable[tuple[_Candidate, _Candidate]]:
    items = iter(candidates)
    return zip(items, items)


def _acronym_start(words: list[str], start: int, end: int, short: str) -> int | None:
    """The first word of words[start:end] from which the letters of ``short`` can be read,
    right to left, its first letter the initial of that word; None if there is none."""
    letters = [c.casefold() for c in short if c.isalnum()]
    for first in range(start, end):
        if words[first][:1].casefold() != letters[0] or not words[first][:1].isupper():
            continue
        text = " ".join(words[first:end]).casefold()
        position = len(text)
        for letter in reversed(letters[1:]):
            position = text.rfind(letter, 1, position)
            if position <= 0:
                break
        else:
            return first
    return None


_TECHNOLOGY_HEADS = re.compile(r"(?:format|server|system|standard|software|protokoll|suite|stack)$", re.IGNORECASE)
_BODY_HEADS = re.compile(r"(?:management|verbund|amt|behörde|agentur|bank|betrieb|dienst|rat|kanzlei)$", re.IGNORECASE)


def _kind_of(head: str) -> str | None:
    """The entity type a defined acronym's last word suggests; None for other words
    ("Künstliche Intelligenz (KI)" defines a term, not a name)."""
    if _TECHNOLOGY_HEADS.search(head):
        return "Technology"
    if _BODY_HEADS.search(head):
        return "GovernmentBody"
    return None


#: the shortest type noun a compound is typed by: "Programm", "Vorhaben", not "Amt" ("Gesamt")
_MIN_TYPE_HEAD = 6
_LOWER_NAME = re.compile(r"[a-z][a-z0-9]{3,}")
#: the type nouns a company's name may hold before its legal form (none, or a product's kind)
_IN_COMPANY_NAMES = frozenset({None, "Technology", "Infrastructure"})


def _clause_follows(doc: Doc, start: int) -> bool:
    """Whether a finite verb stands between ``start`` and the next comma or the sentence's end:
    a clause ("…, die Unternehmen berät"), no apposition ("…, die Cloud-Plattform der Schwarz
    Gruppe")."""
    for token in doc[start:]:
        if token.text in (",", ";", ".", ":") or token.is_sent_start and token.i > start:
            return False
        if token.pos_ in ("VERB", "AUX") and not {"Part", "Inf"} & set(morph_values(token, "VerbForm")):
            return True
    return False


def _version_end(doc: Doc, end: int) -> int:
    """The end of a name with the version number after it ("Mistral Small 3.1", "Llama 3"):
    a short number, dotted or followed by no word that makes it a quantity."""
    if end >= len(doc) or not _VERSION.fullmatch(doc[end].text) or _SHORT_DATE.fullmatch(doc[end].text):
        return end  # "Cluster Stacks 06.12.23": a list's date, not the version
    after = doc[end + 1] if end + 1 < len(doc) else None
    if "." in doc[end].text or after is None or after.is_punct or after.text[:1].islower():
        return end + 1
    return end


_VERSION = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,2}")
#: a day, a month and a year of two digits each ("06.12.23"): a date, not a version
_SHORT_DATE = re.compile(r"(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.\d{2}")


def _opens_name(token: Token) -> bool:
    """Whether a quotation's first word may begin a name ("„fortytwo“", "„Der KI-Navigator“"):
    not an article or function word in lower case ("„ein Beispiel dafür, dass …“")."""
    return not (token.text[:1].islower() and token.lower_ in _FUNCTION_WORDS | _ARTICLE_FORMS)


def _title_end(doc: Doc, i: int) -> int:
    """End of a name made of capitalised words and years: "Digitales Dortmund 2018 – 2030"."""
    end = i
    while end < len(doc) and end - i < 10:
        text = doc[end].text
        if text[:1].isupper() or re.fullmatch(r"\d{4}", text):
            end += 1
        elif text in ("–", "-") and end + 1 < len(doc) and re.fullmatch(r"\d{4}", doc[end + 1].text):
            end += 2
        else:
            break
    return end


#: kinds whose names are listed with their like ("Linux, Ceph, OpenStack")
_LISTED_KINDS = frozenset({"Technology", "Company"})
#: endings of abstract nouns, which a compound of common words ending so is ("Wechselfähigkeit")
_ABSTRACT = re.compile(r"(?:keit|heit|ung|ität|schaft|ismus|nis)$")


def skip_parenthesis(doc: Doc, i: int, within: int = 20) -> int:
    """The position past a parenthesis opening at ``i`` that closes within ``within`` tokens, else ``i``."""
    if i < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(len(doc), i + within)) if doc[j].text == ")"), None)
        if close is not None:
            return close + 1
    return i


def _surname(token: Token) -> bool:
    """A capitalised word that may be a surname; not an article or pronoun that begins the
    next phrase ("2024 David Walter Eine Schulcloud für 5 Millionen Nutzer")."""
    text = token.text
    if text.casefold() in _NO_SURNAMES:
        return False
    return len(text) > 1 and text[:1].isupper() and text[1:2].islower() and text.isalpha() or \
        bool(re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?", text))


#: determiners and pronouns, never a surname however they are capitalised
_NO_SURNAMES = _ARTICLE_FORMS | _INDEFINITE | frozenset({"dieser", "diese", "dieses", "diesem", "diesen", "alle",
                                                          "wir", "sie", "er", "es", "ich", "ihr", "unser", "unsere"})


@Language.factory(
    "sovkg_patterns",
    default_config={"spans_key": "sovkg_mentions"},
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
)
def make_pattern_recognizer(nlp: Language, name: str, spans_key: str) -> PatternRecognizer:
    register_extensions()
    return PatternRecognizer(nlp, name, spans_key=spans_key)


def _opens(doc: Doc, i: int) -> bool:
    """A quotation mark that can open a quotation: after a space, a line start or a
    bracket, and before a word ("„KI-Cloud Bayern“. Die …": the German “ closes)."""
    before_ok = i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].text in ("(", "[", "/", "–")
    return before_ok and not doc[i].whitespace_


#: what opens an English name's complement ("Institute for …", "School of …")
_ENGLISH_PREPOSITIONS = frozenset({"for", "of", "on"})
#: camel-case words of two common words in one document that make them table cells, no names
_GLUED_AT_LEAST = 3
#: English kinds of body named after a person ("Robert Bosch Foundation")
_FOUNDER_KINDS = frozenset({"Foundation", "Institute", "Center", "Centre", "School", "Schools", "Academy", "Trust",
                            "Fund", "Award", "Prize"})
#: words that begin an English title, not a name in it ("How Sovereign Cloud Stack …")
_ENGLISH_LEADS = frozenset({"how", "why", "what", "when", "where", "using", "introducing", "meet", "join", "about"})


def _english_complement_end(words: list[str], end: int, places: Callable[[int], bool] = lambda i: False) -> int:
    """The end of an English name's complement: "for Learning and Intelligent Systems",
    "of Things", "for the Foundations of Learning and Data", "of Excellence in Artificial
    Intelligence" (capitalised words joined by "and", "&", "of", "in", "the"; it ends on a
    capitalised word; "in" before a place, which ``places`` tells, is where it is)."""
    first = end + 2 if end + 2 < len(words) and words[end + 1] == "the" else end + 1
    if first >= len(words) or words[end] not in _ENGLISH_PREPOSITIONS or not words[first][:1].isupper():
        return end
    j, last = end + 1, end
    while j < len(words) and (words[j][:1].isupper() and words[j].isalpha() or words[j] in _ENGLISH_JOINERS) \
            and not (words[j] == "in" and places(j + 1)):
        if words[j][:1].isupper():
            last = j + 1
        j += 1
    return last if last > end + 1 else end


#: the small words inside an English name's complement
_ENGLISH_JOINERS = frozenset({"and", "&", "of", "in", "the", "for", "on"})
#: the code a name may end in after a hyphen: "OpenGPT-X", "Teuken-7B", "SuperMUC-NG"
_CODE_SUFFIX = re.compile(r"X|\d+[A-Za-z]{0,2}|[A-Z]{2,3}")
#: a language model's size: "7B", "70B"
_MODEL_SIZE = re.compile(r"\d+[BMK]")


def _code_suffix_end(doc: Doc, words: list[str], i: int) -> int:
    """The end of a name with its hyphenated code suffix, if it has one (else i + 1)."""
    if i + 2 < len(words) and words[i + 1] == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
            and _CODE_SUFFIX.fullmatch(words[i + 2]) and (i + 3 >= len(words) or words[i + 3] != "-"):
        return i + 3
    return i + 1


def _compact(doc: Doc, start: int, end: int) -> bool:
    """One written word: a token, or a compound the tokenizer split at its hyphens."""
    return end - start == 1 or all(not doc[k].whitespace_ for k in range(start, end - 1)) and end - start <= 5


def _compact_key(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(fold_word(doc[k].text) for k in range(start, end))


def _founder_word(token: Token) -> bool:
    """A capitalised word that may be part of a founder's name: letters only, no acronym."""
    text = token.text
    return text[:1].isupper() and text.isalpha() and not text.isupper()


def _long_and_short_inside(doc: Doc, open_: int, close: int, long_span: Span | None, occupied: list[bool],
                           aliases: dict[str, str], added: list[Span]) -> bool:
    """"(Zentrum für Digitale Souveränität – ZenDiS)": both forms in the parentheses,
    named after the long one; typed as the name before the parentheses, if any."""
    inside = doc[open_ + 1:close]
    dash = next((t.i for t in inside if t.text in ("–", "-") and t.whitespace_), None)
    short_word = doc[dash + 1].text if dash is not None and close == dash + 2 else ""
    if not short_word or not all(t.text[:1].isupper() or t.is_punct for t in doc[open_ + 1:dash]) \
            or not (_ACRONYM.match(short_word) or _DOTTED.match(short_word) or _strong_shape(short_word)):
        return False
    long_inner, short = doc[open_ + 1:dash], doc[dash + 1:close]
    label = long_span.label_ if long_span is not None else "Initiative"
    name = long_inner.text
    for part in (long_inner, short):
        if part and not any(occupied[part.start:part.end]):
            _add_abbreviation(doc, part.start, part.end, label, name, occupied, added)
    if long_span is not None:
        aliases[_key(long_span._.sovkg_name or long_span.text)] = name
        long_span._.sovkg_name = long_span._.sovkg_name or long_span.text
    aliases[_key(short.text)] = name
    return True


def _short_inside(doc: Doc, open_: int, close: int, long_span: Span | None, occupied: list[bool],
                  aliases: dict[str, str], added: list[Span]) -> None:
    """"Sovereign Tech Fund (STF)", "(IT-DLZ)": the one word in the parentheses (hyphenated
    parts written together count as one) is the name's short form."""
    inside = doc[open_ + 1:close]
    short = inside.text
    society = long_span is not None and len(inside) == 2 and inside[0].text == "Fraunhofer" \
        and long_span.text.startswith("Fraunhofer") and bool(_SOCIETY_ACRONYM.fullmatch(inside[1].text))
    if not society and (  # "Fraunhofer-Institut für … (Fraunhofer FOKUS)" is one
            long_span is None or long_span.label_ == "Person" or not inside or any(t.whitespace_ for t in inside[:-1])
            or len(inside) > 1 and not _HYPHENATED_ACRONYM.fullmatch(short)
            or not (_ACRONYM.match(short) or _CAMEL.match(short) or _SYMBOL_NAME.match(short) or _DOTTED.match(short)
                    or _HYPHENATED_ACRONYM.fullmatch(short))):
        return  # "Dr. Florian Kessebohm (CDU)": a person's parentheses hold a party, no short form
    assert long_span is not None
    name = long_span._.sovkg_name or _ocr_name(long_span.text)
    if long_span.label_ == "Place" and not _abbreviates(short, long_span.text):
        return  # "Landesoberbehörde IT Baden-Württemberg (BITBW)": not the place's short form (bodies'
        # short forms take letters from anywhere: "Technische Universität Hamburg (TUHH)")
    aliases[_key(short)] = name
    if not any(occupied[inside.start:inside.end]):
        _add_abbreviation(doc, inside.start, inside.end, long_span.label_, name, occupied, added,
                          kb_id=long_span.kb_id_)


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` can be a short form of ``long``: its letters occur in the long form
    in order ("NRW" of "Nordrhein-Westfalen"; not "BITBW" of "Baden-Württemberg"), after
    the test of Schwartz and Hearst (2003)."""
    letters = [c.casefold() for c in short if c.isalnum()]
    text = long.casefold()
    if not letters:
        return False
    k = 0
    for ch in text:
        if k < len(letters) and ch == letters[k]:
            k += 1
    return k == len(letters)


def _add_abbreviation(doc: Doc, start: int, end: int, label: str, name: str, occupied: list[bool],
                      added: list[Span], kb_id: str = "") -> None:
    span = Span(doc, start, end, label=label, kb_id=kb_id)
    span._.sovkg_method = "sovkg_patterns:abbreviation"
    span._.sovkg_name = name
    added.append(span)
    for i in range(start, end):
        occupied[i] = True
