"""Raw text for pretraining the token vectors, as spaCy's JSONL (``{"text": ...}`` per line).

Only the words of the corpora are used, never their labels, so the text of a
training corpus can teach the tok2vec what German looks like beyond the sentences
that carry annotations. Benchmark splits stay out (the plan's ``pretrain`` rows).
"""

from __future__ import annotations

import json
from pathlib import Path

from sovkg.extract.training.plan import PlanRow, select
from sovkg.extract.training.readers import read_corpus


def write_raw_text(corpora: Path, out: Path, plan: list[PlanRow]) -> int:
    """Writes the sentences of the plan's ``pretrain`` rows to ``out``; returns the number of words."""
    out.parent.mkdir(parents=True, exist_ok=True)
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for row in plan:
            if row.split != "pretrain":
                continue
            for sentence in select(read_corpus(row.corpus, corpora / row.file), row.part):
                if sentence.words:
                    words += len(sentence.words)
                    f.write(json.dumps({"text": " ".join(sentence.words)}, ensure_ascii=False) + "\n")
    return words
