"""The training plan: which corpus files go into which split, how often.

Kept as data (``ner-corpora.tsv``) so that the split between training, model
selection and benchmark is one readable table, and a test can check that no
benchmark file is in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: train: fitted on; dev: model selection; pretrain: words only, for the token vectors.
SPLITS = ("train", "dev", "pretrain")


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One corpus file of one split; ``part`` selects sentences, ``repeat`` oversamples."""

    split: str
    corpus: str
    file: str
    part: str = "all"
    repeat: int = 1


def load_plan(path: Path | None = None, shipped: str = "ner-corpora.tsv") -> list[PlanRow]:
    """The rows of a plan TSV: ``path``, or the ``shipped`` one (the NER's by default)."""
    text = path.read_text(encoding="utf-8") if path else (
        files("sovkg.extract.training").joinpath(shipped).read_text(encoding="utf-8"))
    rows: list[PlanRow] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in SPLITS:
            raise ValueError(f"plan line {number}: want split<TAB>corpus<TAB>file<TAB>part<TAB>repeat, got {line!r}")
        rows.append(PlanRow(fields[0], fields[1], fields[2], fields[3], int(fields[4])))
    return rows


def select(items: Iterable[T], part: str) -> Iterator[T]:
    """The items a ``part`` names: ``all``, ``every:N`` (0, N, 2N, ...) or ``except:N``."""
    if part == "all":
        yield from items
        return
    kind, _, n = part.partition(":")
    if kind not in ("every", "except") or not n.isdigit() or int(n) < 1:
        raise ValueError(f"part {part!r}: want all, every:N or except:N")
    keep = kind == "every"
    for i, item in enumerate(items):
        if (i % int(n) == 0) == keep:
            yield item
