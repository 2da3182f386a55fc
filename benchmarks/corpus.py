"""Varied copies of the real documents in the repository, for the scale benchmark.

A corpus of thousands of papers is not in the repository, so it is made from the real
ones that are (``tests/data``: Kleine Anfragen and Antworten of several parliaments,
press releases, strategies): copy *k* of a document renames about one in seven of its
capitalised words by a syllable that depends on *k* ("Lamarr-Institut" →
"Lamarrdor-Institut"), so copies name different things, the index of entities grows
with the corpus as it does with real papers, and nothing is a byte-for-byte duplicate.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

DATA = Path(__file__).parents[1] / "tests" / "data"
_SYLLABLES = ("ber", "dor", "kin", "lan", "mar", "nes", "ro", "sel", "tal", "wen", "zi", "hau")
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{4,}(?![\w-])")  # not the first half of a hyphenated word
#: Words the layouts read a paper's structure by stay as they are: a copy is a paper of
#: the same kind, with other names in it.
_STRUCTURE = re.compile(
    r"(Anfrage|Antwort|Drucksache|Frage|Landtag|Wahlperiode|Abgeordnet|Namen|Landesregierung|Ministeri|"
    r"Minister|Senat|Datum|Kleine|Vorbemerkung|Fraktion|Bürgerschaft|Beantwortung|Staatskanzlei|"
    r"Einvernehmen|Staatsregierung|Bundesregierung|Eingang|Parlament|Schriftliche|Landesamt|"
    # the parliaments' and Länder's names, by which a layout knows a paper
    r"Niedersächs|Bayer|Hess|Sächs|Thüring|Hamburg|Bremi|Berlin|Brandenburg|Schleswig|Holstein|Rheinland|"
    r"Pfalz|Saarl|Mecklenburg|Vorpommern|Sachsen|Nordrhein|Westfal|Deutsch|Bundestag|Baden|Württemberg)")


def originals() -> list[Path]:
    """The real documents the copies are made from, in a fixed order."""
    folders = [DATA / "corpus", DATA / "heldout" / "corpus", DATA / "blind" / "corpus"]
    folders += sorted(p for p in (DATA / "parliaments").iterdir() if p.is_dir())
    return [path for folder in folders for path in sorted(folder.glob("*.txt"))]


def varied(text: str, copy: int) -> str:
    """``text`` with one in seven of its capitalised words renamed for copy ``copy`` (0: as is)."""
    if copy == 0:
        return text

    def rename(match: re.Match[str]) -> str:
        word = match.group(0)
        if _STRUCTURE.match(word):
            return word
        digest = hashlib.blake2b(f"{word}/{copy}".encode(), digest_size=2).digest()
        if digest[0] % 7:
            return word
        return word + _SYLLABLES[(digest[1] + copy) % len(_SYLLABLES)]

    return _CAPITALISED.sub(rename, text)


def write_corpus(folder: Path, size: int) -> list[Path]:
    """``size`` documents in ``folder``: the originals, then their copies 1, 2, …"""
    folder.mkdir(parents=True, exist_ok=True)
    sources = originals()
    written = []
    for index in range(size):
        copy, source = divmod(index, len(sources))
        path = folder / f"{sources[source].stem}-{copy:04d}.txt"
        path.write_text(varied(sources[source].read_text(encoding="utf-8"), copy), encoding="utf-8")
        written.append(path)
    return written
