"""Reader of the DFKI SmartData corpus v3 (Schiersch et al. 2018).

The ``.json.gz`` files hold pretty-printed JSON documents one after another (not
JSON lines). Each has character spans for its sentences and tokens, and an IOB2
``ner`` tag on every token; sentences are cut by the sentence spans, and a token is
followed by a space when the next one does not start where it ends. Whitespace
inside a token (markup such as ``<br />``) is dropped.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sovkg.extract.training.corpus import Sentence


def documents(text: str) -> Iterator[dict[str, Any]]:
    """The JSON objects of a concatenation of JSON objects."""
    decoder = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = decoder.raw_decode(text, i)
        yield obj


def _sentences(doc: dict[str, Any]) -> Iterator[Sentence]:
    tokens = doc["tokens"]["array"]
    for sent in (doc.get("sentences") or {}).get("array", []):
        lo, hi = sent["span"]["start"], sent["span"]["end"]
        toks = [t for t in tokens if lo <= t["span"]["start"] < hi]
        if not toks:
            continue
        text = doc["text"]["string"]
        # markup kept as tokens ("<br />") would be one word with a space in it
        words = tuple("".join(text[t["span"]["start"]:t["span"]["end"]].split()) for t in toks)
        tags = tuple(t["ner"]["string"] for t in toks)
        spaces = tuple(a["span"]["end"] < b["span"]["start"] for a, b in zip(toks, toks[1:])) + (False,)
        yield Sentence(words, tags, spaces)


def read(path: Path) -> Iterator[Sentence]:
    """The sentences of one SmartData ``.json.gz`` file."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    for doc in documents(text):
        yield from _sentences(doc)
