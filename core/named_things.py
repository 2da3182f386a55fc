"""How many of a build's entity nodes are real named things, against lists of names.

A precision check for documents nobody annotated with the extraction contract (slides,
reports, papers off the project's topic): an annotator lists every proper name a
document contains, with the other ways the text writes it, without looking at what
sovkg makes of it (``tests/data/mixed/names/``). A node of the document counts as a real
named thing when its label, an alias or a mention's name is one of those forms, folded
as the linker folds names (inflection, legal forms); a node the annotator was unsure
about counts neither way. What is left is invented: ordinary words, headings, code.

List format, UTF-8, one file per document named after it (``<stem>.tsv``)::

    # comment
    name<TAB>kind<TAB>other forms separated by " | "
    # unsure: form, form — why
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sovkg.extract.linker import name_key
from sovkg.extract.records import Extraction

_UNSURE = "# unsure:"


@dataclass(frozen=True, slots=True)
class NameList:
    """The folded forms of a document's named things, and of the borderline ones."""

    names: frozenset[tuple[str, ...]]
    unsure: frozenset[tuple[str, ...]] = frozenset()


@dataclass(slots=True)
class NamedShare:
    """The entity nodes of the checked documents, as real or invented (document: label)."""

    real: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        total = len(self.real) + len(self.invented)
        return len(self.real) / total if total else 1.0


def load_names(path: Path) -> NameList:
    """One document's list (see the module's docstring for the format)."""
    names: set[tuple[str, ...]] = set()
    unsure: set[tuple[str, ...]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(_UNSURE):
            forms = line[len(_UNSURE):].split(" — ")[0]
            unsure.update(name_key(f.strip(" \"„“")) for f in re.split(r",\s*|\s+/\s+", forms))
        elif line.strip() and not line.startswith("#"):
            name, _, rest = line.partition("\t")
            others = rest.partition("\t")[2]
            names.update(name_key(form) for form in [name, *others.split(" | ")] if form.strip())
    return NameList(frozenset(names), frozenset(unsure))


def load_name_lists(folder: Path) -> dict[str, NameList]:
    """The lists of a folder, by document stem."""
    return {path.stem: load_names(path) for path in sorted(folder.glob("*.tsv"))}


def named_share(extraction: Extraction, lists: Mapping[str, NameList]) -> NamedShare:
    """Each document's entity nodes checked against its list (documents without one are skipped)."""
    result = NamedShare()
    for item in extraction.documents:
        stem = Path(item.document.source).stem
        if stem not in lists:
            continue
        forms: dict[str, set[tuple[str, ...]]] = {}
        for mention in item.mentions:
            forms.setdefault(mention.entity_key, set()).add(name_key(mention.name or mention.text))
        for key, mentioned in sorted(forms.items()):
            entity = extraction.entities[key]
            verdict = _verdict(mentioned | {name_key(f) for f in (entity.label, *entity.aliases)}, lists[stem])
            if verdict is not None:
                (result.real if verdict else result.invented).append(f"{item.document.source}: {entity.label}")
    return result


def _verdict(forms: Iterable[tuple[str, ...]], names: NameList) -> bool | None:
    forms = set(forms)
    if forms & names.names:
        return True
    return None if forms & names.unsure else False
