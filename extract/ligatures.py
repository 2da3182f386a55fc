"""Ligatures a PDF's fonts map to the wrong letters, put back ("MarNn" → "Martin").

Some PDF producers embed subset fonts whose ligature glyphs ("ti", "ft", "fi", "tt")
have no proper Unicode mapping, so the text layer holds another letter or sign for
each: "ChrisNan", "SoXware", "ConUdenNal", "Pressemi+eilung". Every such word is then a
name to the recogniser (a capital inside a word) and none matches the knowledge base.
Which sign stands for which ligature differs from file to file (the glyph numbers of a
subset font), so no fixed table helps; the mapping is inferred for each document
instead: a sign stands for a ligature when, in at least :data:`MIN_WORDS` different
words, putting the ligature in its place turns a word nobody writes into a common
German word (the learned list ``known_words.txt.gz``) or an English one holding a
ligature (``english_ligature_words.txt.gz``, from SCOWL). camelCase names ("openDesk",
"GitHub", "vSwitch") never do so three times, so healthy files are left as they are.

Unicode's own ligature characters ("ﬁ", U+FB01) are always spelt out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

#: Ligatures that fonts draw as one glyph, longest first within a family.
LIGATURES = ("ffi", "ffl", "fft", "ff", "fi", "fl", "ft", "fj", "tti", "tt", "ti", "tf")
#: Different words a sign must repair into common words before it counts as a ligature.
MIN_WORDS = 3
#: Words a further sign needs once the file is known to write ligatures wrongly.
MIN_MORE = 2

_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")
_PRESENTATION = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                               "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
#: A web address, whose identifiers are no words; its scheme ("h+ps://") is mended all the same.
#: Tried from a chunk's first character only: from each, a long chunk would cost time in its square.
_URL = re.compile(r"(?<!\S)\S*?://\S*|www\.\S+")
_URL_SCHEME = re.compile(r"h(?P<sign>[^t\s])ps?://")
#: The odd signs a broken font writes for a ligature besides letters: ASCII signs, control
#: characters ("Garlo\x0e" for "Garloff") and private-use code points.
_SIGNS = "+*#$%&=~^§\x01-\x08\x0b\x0e-\x1f\ue000-\uf8ff"
#: A word as far as ligatures go: letters and the odd signs a broken font writes for them.
_WORD = re.compile(rf"[^\W\d_]+(?:[{_SIGNS}][^\W\d_]+)*[{_SIGNS}]?")


@dataclass(frozen=True, slots=True)
class Repair:
    """What was put back in one document: sign → ligature, and how many words and web
    addresses changed."""

    mapping: dict[str, str]
    words: int
    addresses: int = 0

    def note(self) -> str:
        signs = ", ".join(f"“{sign}” → “{ligature}”" if sign.isprintable() else f"U+{ord(sign):04X} → “{ligature}”"
                          for sign, ligature in sorted(self.mapping.items()))
        addresses = f" and {self.addresses} web addresses" if self.addresses else ""
        return f"the PDF's fonts write ligatures as other letters; repaired {signs} in {self.words} words{addresses}"


def repair_pages(pages: list[str], known: frozenset[str] | None = None) -> tuple[list[str], Repair | None]:
    """The pages with ligatures put back, and what was repaired (None if nothing was)."""
    pages = [page.translate(_PRESENTATION) for page in pages]
    words = {m.group() for page in pages for m in _WORD.finditer(page)}
    mapping = infer_mapping((word for word in words if _slots(word)), _known_words() if known is None else known)
    if not mapping:
        return pages, None
    mender = _Mender(mapping)
    pages = [mender.page(page) for page in pages]
    return pages, Repair(mapping, mender.words, mender.addresses)


class _Mender:
    """Puts the ligatures of one document back, counting the words and addresses it changes."""

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping
        self.words = self.addresses = 0

    def page(self, text: str) -> str:
        """The page's words mended; addresses left alone but for their scheme ("h+ps://"):
        a video's identifier "YNRTQYjN0oA" is no broken word."""
        parts, last = [], 0
        for url in _URL.finditer(text):
            parts += [_WORD.sub(self._word, text[last:url.start()]), _URL_SCHEME.sub(self._scheme, url.group())]
            last = url.end()
        return "".join(parts) + _WORD.sub(self._word, text[last:])

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        mended = _replace(word, [i for i in _slots(word) if word[i] in self.mapping], self.mapping)
        self.words += mended != word
        return mended

    def _scheme(self, match: re.Match[str]) -> str:
        if self.mapping.get(match.group("sign")) != "tt":
            return match.group()
        self.addresses += 1
        return "htt" + match.group()[2:]


def infer_mapping(words: Iterable[str], known: frozenset[str]) -> dict[str, str]:
    """Each sign that stands for one ligature in enough words (see the module's docstring).

    Once one sign is established the file is known to be broken, and a further sign
    needs only :data:`MIN_MORE` words, which may also hold the signs already known
    ("zerNUziert": "N" is "ti", so "U" is "fi")."""
    words = {word for word in words if word.casefold() not in known}
    mapping: dict[str, str] = {}
    while True:
        votes = _votes(words, mapping, known)
        least = MIN_MORE if mapping else MIN_WORDS
        found = next(((sign, ligature) for (sign, ligature), count in votes.most_common()
                      if count >= least and sign not in mapping), None)
        if found is None:
            return mapping
        mapping[found[0]] = found[1]


def _votes(words: set[str], mapping: dict[str, str], known: frozenset[str]) -> Counter[tuple[str, str]]:
    """For each (sign, ligature), the words it alone turns into common words, the signs
    of ``mapping`` put back as well."""
    votes: Counter[tuple[str, str]] = Counter()
    for word in words:
        slots = _slots(word)
        signs = {word[i] for i in slots} - mapping.keys()
        if len(signs) != 1:
            continue
        sign = signs.pop()
        for ligature in LIGATURES:
            if _replace(word, slots, {**mapping, sign: ligature}).casefold() in known:
                votes[sign, ligature] += 1
                break
    return votes


def _slots(word: str) -> list[int]:
    """Positions where a ligature's stand-in may be: a character that is not a lower-case
    letter, after a lower-case letter (or another stand-in) and before one or the word's
    end ("MarNn", "SchriX", "zerNUziert"); a letter with two letters or more before it:
    "iX", "eID" and "iPhone" are names, "ö\x0eentlich" is "öffentlich"."""
    slots: list[int] = []
    for i in range(1, len(word)):
        if word[i] in _LOWER or not (word[i - 1] in _LOWER or (slots and slots[-1] == i - 1)):
            continue
        if i < 2 and word[i].isalpha():
            continue
        after = word[i + 1:i + 3]  # a small letter next, the end, or one more stand-in and then either
        if not after or after[0] in _LOWER or len(after) == 1 or after[1] in _LOWER:
            slots.append(i)
    return slots


def _replace(word: str, slots: list[int], mapping: dict[str, str]) -> str:
    """``word`` with the stand-ins at ``slots`` that ``mapping`` knows replaced by their ligatures."""
    parts, last = [], 0
    for i in slots:
        if word[i] in mapping:
            parts += [word[last:i], mapping[word[i]]]
            last = i + 1
    return "".join(parts) + word[last:]


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    from sovkg.extract.pipeline_data import data_lines

    return frozenset(data_lines("known_words.txt.gz")) | frozenset(data_lines("english_ligature_words.txt.gz"))
