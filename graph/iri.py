"""Minting IRIs: the one place where instance IRIs are made.

An IRI is built from a kind ("entity", "doc", "mention", …) and a stable key, so the
same entity gets the same IRI in every build. Keys are turned into readable ASCII
slugs (ä→ae, ß→ss); whenever that loses information (case, punctuation, length) a short
hash of the original key is appended, so two different keys never share an IRI and
any German label, slash, quote or very long name yields a safe IRI.

>>> str(mint("entity", "nrw-genius"))
'https://w3id.org/sovkg/id/entity/nrw-genius'
>>> str(mint("entity", "Straße/Weg"))
'https://w3id.org/sovkg/id/entity/strasse-weg-9f886d53'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

BASE = "https://w3id.org/sovkg/"
KINDS = frozenset({
    "entity", "doc", "sentence", "mention", "graph", "question", "answer", "preamble", "evidence", "dataset",
})
MAX_SLUG = 80

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})
_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(key: str) -> str:
    """A readable, IRI-safe slug of ``key``; lossless keys stay exactly as they are."""
    ascii_text = (
        unicodedata.normalize("NFKD", key.translate(_GERMAN)).encode("ascii", "ignore").decode()
    )
    text = _UNSAFE.sub("-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")
    if text != key:
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
        text = f"{text}-{digest}" if text else digest
    return text


def mint(kind: str, *keys: str, base: str = BASE) -> URIRef:
    """The IRI of a thing of ``kind`` identified by one or more keys (joined by '/')."""
    if kind not in KINDS:
        raise ValueError(f"unknown IRI kind {kind!r}; expected one of {sorted(KINDS)}")
    if not keys:
        raise ValueError("mint() needs at least one key")
    return URIRef(f"{base}id/{kind}/" + "/".join(slug(k) for k in keys))
